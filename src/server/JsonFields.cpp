#include "server/JsonFields.h"

#include <QCoreApplication>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace fc::server {

void JsonFields::fail(const QString &code, const QString &message)
{
    if (!m_error)
        m_error = makeError(code, message);
}

QString JsonFields::requiredString(const QString &name, qsizetype maxLength)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull()) {
        fail(u"request.missing_field"_s,
             QCoreApplication::translate("fc::server::JsonFields", "The field '%1' is required.").arg(name));
        return QString();
    }
    QString text = optionalString(name, maxLength);
    if (!m_error && text.isEmpty())
        fail(u"request.invalid_field"_s,
             QCoreApplication::translate("fc::server::JsonFields", "The field '%1' must not be empty.").arg(name));
    return text;
}

QString JsonFields::optionalString(const QString &name, qsizetype maxLength, const QString &fallback)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isString()) {
        fail(u"request.invalid_field"_s,
             QCoreApplication::translate("fc::server::JsonFields", "The field '%1' must be a string.").arg(name));
        return fallback;
    }
    QString text = value.toString();
    if (text.size() > maxLength) {
        fail(u"request.invalid_field"_s,
             QCoreApplication::translate("fc::server::JsonFields", "The field '%1' may have at most %2 characters.")
                 .arg(name)
                 .arg(maxLength));
        return fallback;
    }
    return text;
}

Status JsonFields::status() const
{
    if (m_error)
        return *m_error;
    return {};
}

} // namespace fc::server
