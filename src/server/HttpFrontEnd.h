#pragma once

// The HTTP layer: Qt HttpServer 6.4 underneath, ApiDispatcher above, as thin as it can be.

#include "core/Result.h"
#include "server/ApiDispatcher.h"
#include "server/ConnectionGuard.h"
#include "server/ListenAddress.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QList>
#include <QSslConfiguration>

#include <optional>

namespace fc::server {

struct HttpFrontEndOptions {
    GuardLimits guard;
    /// Reverse proxies whose X-Forwarded-For is believed (for throttling by client address). With
    /// none, the peer address is the client's.
    QList<QHostAddress> trustedProxies;
};

/// Listens on one address (plain HTTP or TLS), turns each complete request into an ApiRequest, hands
/// it to the dispatcher and writes the answer. Limits that must act while a request is still arriving
/// are the ConnectionGuard's. Requests are served one at a time on the thread that owns this object.
class HttpFrontEnd : public QAbstractHttpServer {
    Q_OBJECT

public:
    HttpFrontEnd(ApiDispatcher &dispatcher, HttpFrontEndOptions options, QObject *parent = nullptr);

    /// Starts listening; returns the port (useful with port 0). Plain HTTP only on loopback.
    /// Errors: serve.plain_http_not_loopback, serve.listen_failed.
    Result<quint16> start(const ListenAddress &listen, const std::optional<QSslConfiguration> &tls);

    /// The client address for throttling and logs: the peer, or for a trusted proxy the nearest
    /// untrusted address in X-Forwarded-For.
    static QString clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                                 const QList<QHostAddress> &trustedProxies);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void attachGuard(QTcpSocket *socket);

    ApiDispatcher &m_dispatcher;
    HttpFrontEndOptions m_options;
};

} // namespace fc::server
