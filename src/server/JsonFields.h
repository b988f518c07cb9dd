#pragma once

// Reads the fields of a JSON request body with their types checked, naming the field that is wrong.

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace fc::server {

/// Typed reads from a request body. The first problem is kept and reported by status(), so a handler
/// reads every field and checks once: `request.missing_field` or `request.invalid_field` (400), with
/// the field's name in the message. Fields the route does not read are ignored (see docs/SERVER.md).
class JsonFields {
public:
    explicit JsonFields(const QJsonObject &object) : m_object(object) { }

    /// A string of 1 to maxLength characters.
    QString requiredString(const QString &name, qsizetype maxLength);
    /// A string of 0 to maxLength characters; `fallback` when absent or null.
    QString optionalString(const QString &name, qsizetype maxLength, const QString &fallback = QString());

    Status status() const;

private:
    void fail(const QString &code, const QString &message);

    const QJsonObject &m_object;
    std::optional<Error> m_error;
};

} // namespace fc::server
