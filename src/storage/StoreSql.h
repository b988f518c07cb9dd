#pragma once

// The plumbing the cache stores share: parameters for optional values, reading stored rows back, and SQL
// failures as fc::Error. Internal to fc_storage.

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlQuery>
#include <QString>
#include <QUuid>
#include <QVariant>

#include <optional>

namespace fc::store {

/// For NOT NULL DEFAULT '' columns: a null QString would bind as SQL NULL and break the constraint.
QVariant textParam(const QString &text);
/// SQL NULL for a null UUID (the driver would otherwise store the all-zero UUID), the bare text otherwise.
QVariant uuidParam(const QUuid &id);
/// SQL NULL for an invalid time; the driver writes valid ones as UTC text with milliseconds.
QVariant timeParam(const QDateTime &time);
/// Compact JSON text.
QVariant jsonParam(const QJsonObject &object);

/// "cache.query_failed": `what` says in words what the store was doing ("Could not save the case").
Error queryError(const QSqlQuery &query, const QString &what);
/// "cache.bad_row": a stored value in `column` of `table` cannot be read. The value itself stays out of
/// the message: it may be personal data, and messages reach logs.
Error badRowError(const QString &table, const QString &column);
/// True when the last statement broke a UNIQUE or PRIMARY KEY constraint.
bool isUniqueViolation(const QSqlQuery &query);

/// Reads the columns of the current row, remembering the first value that does not parse, so a store can
/// read a whole row and then report one "cache.bad_row" error naming the table and column.
class RowReader {
public:
    RowReader(const QSqlQuery &query, QString table);

    QString text(int column);
    qint64 integer(int column);
    std::optional<qint64> optionalInteger(int column);
    QUuid uuid(int column); // null for SQL NULL
    QDateTime time(int column); // invalid for SQL NULL; UTC otherwise
    QJsonObject jsonObject(int column);

    /// A stored key ("in_progress") turned back into its enum, or a bad-row error for an unknown key.
    template<typename Enum, typename FromKey> Enum key(int column, FromKey fromKey, Enum fallback)
    {
        const QString stored = text(column);
        const std::optional<Enum> parsed = fromKey(QStringView(stored));
        if (!parsed) {
            fail(column);
            return fallback;
        }
        return *parsed;
    }
    /// As key(), but SQL NULL gives nullopt.
    template<typename Enum, typename FromKey> std::optional<Enum> optionalKey(int column, FromKey fromKey)
    {
        if (isNull(column))
            return std::nullopt;
        const QString stored = text(column);
        const std::optional<Enum> parsed = fromKey(QStringView(stored));
        if (!parsed)
            fail(column);
        return parsed;
    }

    bool isNull(int column) const;
    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

private:
    void fail(int column);

    const QSqlQuery &m_query;
    QString m_table;
    std::optional<Error> m_error;
};

} // namespace fc::store
