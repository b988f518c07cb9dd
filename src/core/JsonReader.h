#pragma once

// Reads a JSON object field by field with the types checked, naming the first field that is wrong.

#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace fc {

/// Typed, strict reads from a JSON object (a synced record, a mutation, a request body). The first
/// problem is kept, so a caller reads every field and checks status() once. Codes: "json.missing_field",
/// "json.invalid_field", "json.unknown_field" (a field nobody read: a typo, or a newer client's field
/// this side cannot keep, so it is refused rather than silently dropped). `context` prefixes field names
/// in messages ("customer.postcode").
class JsonReader {
public:
    explicit JsonReader(const QJsonObject &object, QString context = QString());

    bool has(const QString &name) const { return m_object.contains(name); }

    /// A string of at most maxLength characters; required ones must be present and not empty.
    QString string(const QString &name, qsizetype maxLength, bool required = false);
    /// A string or null (nullopt for null or absent).
    std::optional<QString> nullableString(const QString &name, qsizetype maxLength);
    /// A UUID without braces ("3f2c..."), or null/absent (a null QUuid) unless required.
    QUuid uuid(const QString &name, bool required = false);
    /// "yyyy-MM-dd", or null/absent (an invalid QDate).
    QDate date(const QString &name);
    /// ISO 8601 with an offset or Z, returned in UTC; null/absent gives an invalid QDateTime unless required.
    QDateTime time(const QString &name, bool required = false);
    bool boolean(const QString &name, bool fallback);
    /// A whole number in [minimum, maximum] (JSON numbers are doubles: beyond 2^53 is refused).
    qint64 integer(const QString &name, qint64 fallback, qint64 minimum, qint64 maximum);
    /// An array of strings, each at most maxLength, at most maxItems.
    QStringList stringArray(const QString &name, qsizetype maxItems, qsizetype maxLength);
    QJsonArray array(const QString &name, qsizetype maxItems);
    QJsonObject object(const QString &name);

    /// Marks a field as known without reading it (its value is checked elsewhere).
    void skip(const QString &name) { m_read.insert(name); }

    /// Records a failure found by the caller (a key that is not in a list, say) for this field.
    void fail(const QString &name, const QString &why);

    /// The first problem, or an unknown field when `strict`.
    Status status(bool strict = true) const;

    static QString timeText(const QDateTime &time); // "2026-11-23T15:04:05.123Z", empty for invalid
    static QString uuidText(const QUuid &id);       // without braces, empty for null
    /// Any JSON value (text, list, object, null) as stored text: `["PL1 2AA"]`, the value wrapped in a
    /// one-element array, since a JSON document cannot be a bare string or number in Qt. Conflicts keep
    /// their field values this way on the server and in the cache.
    static QString valueText(const QJsonValue &value);
    /// The value back; null for text that does not read.
    static QJsonValue valueFromText(const QString &text);

private:
    QString fieldName(const QString &name) const;
    void setError(const QString &code, const QString &message);
    const QJsonValue value(const QString &name);

    QJsonObject m_object;
    QString m_context;
    QSet<QString> m_read;
    std::optional<Error> m_error;
};

} // namespace fc
