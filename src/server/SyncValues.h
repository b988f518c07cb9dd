#pragma once

// Field values of conflicts as stored text: any JSON value (text, list, object, null) kept exactly.

#include <QJsonValue>
#include <QString>

namespace fc::server {

class SyncValues {
public:
    /// `["PL1 2AA"]`: the value wrapped in a one-element array, since a JSON document cannot be a bare
    /// string or number in Qt.
    static QString toText(const QJsonValue &value);
    /// The value back; null for text that does not read.
    static QJsonValue fromText(const QString &text);
};

} // namespace fc::server
