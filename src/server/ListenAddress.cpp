#include "server/ListenAddress.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc::server {

Result<ListenAddress> ListenAddress::parse(const QString &text)
{
    const Error bad = makeError(u"serve.bad_listen_address"_s,
                                QCoreApplication::translate("fc::server::ListenAddress",
                                                            "'%1' is not an address to listen on: use HOST:PORT, "
                                                            "for example 127.0.0.1:8443 or [::1]:8443.")
                                    .arg(text));
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return bad;
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return bad;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':'))
        return bad; // an IPv6 address needs its brackets, or the port is ambiguous
    ListenAddress listen;
    listen.port = quint16(port);
    if (host == u"localhost"_s)
        listen.address = QHostAddress(QHostAddress::LocalHost);
    else if (!listen.address.setAddress(host))
        return bad;
    return listen;
}

Status ListenAddress::checkPlainHttpAllowed() const
{
    if (isLoopback())
        return {};
    return makeError(u"serve.plain_http_not_loopback"_s,
                     QCoreApplication::translate("fc::server::ListenAddress",
                                                 "Refusing to serve plain HTTP on %1, which is reachable from other "
                                                 "machines: passwords and tokens would cross the network in clear. "
                                                 "Give --tls-cert and --tls-key, or listen on 127.0.0.1 behind a "
                                                 "reverse proxy that terminates TLS.")
                         .arg(address.toString()));
}

} // namespace fc::server
