#pragma once

// Listening sockets that put a ConnectionGuard on each connection before the HTTP server sees it.

#include <QSslServer>
#include <QTcpServer>

#include <functional>

namespace fc::server {

/// Called with each new connection, before QAbstractHttpServer connects to it.
using ConnectionHook = std::function<void(QTcpSocket *socket)>;

/// Plain TCP (loopback only, see ListenAddress). QAbstractHttpServer 6.4 takes each connection through
/// nextPendingConnection(), which is virtual: that is where the guard goes on, first in line.
class GuardedTcpServer : public QTcpServer {
public:
    GuardedTcpServer(ConnectionHook hook, QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;

private:
    ConnectionHook m_hook;
};

/// TLS through QtNetwork's QSslServer (new in 6.4): the connection arrives here after its handshake.
class GuardedSslServer : public QSslServer {
public:
    GuardedSslServer(ConnectionHook hook, QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;

private:
    ConnectionHook m_hook;
};

} // namespace fc::server
