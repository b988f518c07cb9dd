#include "server/SyncValues.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fc::server {

QString SyncValues::toText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
}

QJsonValue SyncValues::fromText(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isArray() || document.array().size() != 1)
        return QJsonValue(QJsonValue::Null);
    return document.array().at(0);
}

} // namespace fc::server
