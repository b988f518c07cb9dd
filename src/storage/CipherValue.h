#pragma once

// How a QVariant is stored in a cache column: the one place that fixes the text forms of dates and UUIDs.

#include "core/Result.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QVariant>

class QDate;
class QDateTime;
class QTime;

namespace fc {

/// A value in one of SQLite's five storage classes, ready to bind.
struct CipherValue {
    enum class Kind { Null, Integer, Real, Text, Blob };

    Kind kind = Kind::Null;
    qint64 integer = 0;
    double real = 0.0;
    QByteArray bytes; ///< UTF-8 for Text, raw bytes for Blob.

    friend bool operator==(const CipherValue &, const CipherValue &) = default;
};

/// Converts a bound value. Refuses NaN (SQLite would silently store NULL), unsigned integers above
/// INT64_MAX, dates outside years 1..9999 and types with no agreed storage form.
/// Error codes: "cipher.nan", "cipher.out_of_range", "cipher.unsupported_type".
Result<CipherValue> toCipherValue(const QVariant &value);

/// The stored text forms. Date-times are UTC with milliseconds: "2026-03-29T01:30:00.123Z".
QString cipherDateText(const QDate &date);
QString cipherTimeText(const QTime &time);
QString cipherDateTimeText(const QDateTime &dateTime);
/// The same forms as ASCII bytes, empty where the text form is empty: what binding stores.
QByteArray cipherDateBytes(const QDate &date);
QByteArray cipherDateTimeBytes(const QDateTime &dateTime);

/// The Qt type a column's declared type suggests, following SQLite's affinity rules (INT -> qlonglong,
/// CHAR/CLOB/TEXT -> QString, BLOB -> QByteArray, REAL/FLOA/DOUB -> double; none or NUMERIC -> unknown).
QMetaType cipherColumnMetaType(const QString &declaredType);

/// The same value as an SQL literal, for SQL that Qt builds without placeholders.
Result<QString> cipherSqlLiteral(const QVariant &value);

} // namespace fc
