#include "server/ApiRequest.h"

namespace fc::server {

QString ApiRequest::bearerToken() const
{
    const QByteArray value = header(QByteArrayLiteral("authorization")).trimmed();
    const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (value.size() <= scheme.size() || value.left(scheme.size()).toLower() != scheme)
        return QString();
    return QString::fromLatin1(value.mid(scheme.size()).trimmed());
}

} // namespace fc::server
