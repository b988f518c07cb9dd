#include "server/HttpFrontEnd.h"

#include "server/GuardedTcpServer.h"
#include "server/HttpWire.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "fc.server.http")

namespace fc::server {

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return u"GET"_s;
    case QHttpServerRequest::Method::Put: return u"PUT"_s;
    case QHttpServerRequest::Method::Delete: return u"DELETE"_s;
    case QHttpServerRequest::Method::Post: return u"POST"_s;
    case QHttpServerRequest::Method::Head: return u"HEAD"_s;
    case QHttpServerRequest::Method::Options: return u"OPTIONS"_s;
    case QHttpServerRequest::Method::Patch: return u"PATCH"_s;
    case QHttpServerRequest::Method::Connect: return u"CONNECT"_s;
    case QHttpServerRequest::Method::Trace: return u"TRACE"_s;
    default: return u"UNKNOWN"_s;
    }
}

} // namespace

HttpFrontEnd::HttpFrontEnd(ApiDispatcher &dispatcher, HttpFrontEndOptions options, QObject *parent)
    : QAbstractHttpServer(parent), m_dispatcher(dispatcher), m_options(std::move(options))
{
}

void HttpFrontEnd::attachGuard(QTcpSocket *socket)
{
    ConnectionGuard::attach(socket, this, m_options.guard, [this](const QString &method, const QString &path) {
        return m_dispatcher.limitsFor(method, path);
    });
}

Result<quint16> HttpFrontEnd::start(const ListenAddress &listen, const std::optional<QSslConfiguration> &tls)
{
    if (!tls) {
        if (Status allowed = listen.checkPlainHttpAllowed(); !allowed)
            return allowed.error();
    }
    const ConnectionHook hook = [this](QTcpSocket *socket) { attachGuard(socket); };
    QTcpServer *server = nullptr;
    if (tls) {
        auto *sslServer = new GuardedSslServer(hook, this);
        sslServer->setSslConfiguration(*tls);
        sslServer->setHandshakeTimeout(int(m_options.guard.headerTimeout.count()));
        server = sslServer;
    } else {
        server = new GuardedTcpServer(hook, this);
    }
    if (!server->listen(listen.address, listen.port)) {
        const QString why = server->errorString();
        delete server;
        return makeError(u"serve.listen_failed"_s,
                         QCoreApplication::translate("fc::server::HttpFrontEnd", "Cannot listen on %1 port %2: %3")
                             .arg(listen.address.toString())
                             .arg(listen.port)
                             .arg(why));
    }
    bind(server);
    return server->serverPort();
}

QString HttpFrontEnd::clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                                    const QList<QHostAddress> &trustedProxies)
{
    const auto trusted = [&](const QHostAddress &address) {
        for (const QHostAddress &proxy : trustedProxies) {
            if (proxy.isEqual(address, QHostAddress::TolerantConversion))
                return true;
        }
        return false;
    };
    if (!trusted(peer) || forwardedFor.isEmpty())
        return peer.toString();
    // Each proxy appends the address it saw; walk back from ours to the first one we do not run.
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop(QString::fromLatin1(hops.at(i).trimmed()));
        if (hop.isNull())
            break;
        if (!trusted(hop))
            return hop.toString();
    }
    return peer.toString();
}

bool HttpFrontEnd::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer clock;
    clock.start();
    ApiRequest api;
    api.method = methodName(request.method());
    api.path = request.url().path();
    api.query = request.query();
    for (const auto &[name, value] : request.headers())
        api.headers.insert(name.toLower(), value);
    api.body = request.body();
    api.remoteAddress = clientAddress(request.remoteAddress(), api.header("x-forwarded-for"), m_options.trustedProxies);

    const ApiResponse response = m_dispatcher.dispatch(api);
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    const bool close = guard && guard->closeAfterResponse();
    socket->write(encodeHttpResponse(response, close));
    if (guard)
        guard->requestAnswered();
    if (close)
        socket->disconnectFromHost();
    qCInfo(lcHttp).noquote() << api.remoteAddress << api.method << api.path << response.status
                             << clock.elapsed() << "ms";
    return true;
}

void HttpFrontEnd::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers every request; this only runs if that ever changes.
    Q_UNUSED(request);
    socket->write(encodeHttpResponse(ApiResponse::error(404, u"route.not_found"_s, u"No route."_s), true));
    socket->disconnectFromHost();
}

} // namespace fc::server
