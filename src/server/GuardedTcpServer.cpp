#include "server/GuardedTcpServer.h"

#include <QTcpSocket>

namespace fc::server {

namespace {

QTcpSocket *guard(QTcpSocket *socket, const ConnectionHook &hook)
{
    if (!socket)
        return nullptr;
    if (hook)
        hook(socket);
    // Bytes that arrived with the TLS handshake were announced before anyone listened; announce them
    // again once the HTTP server has connected (it does so right after this returns).
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(socket, &QIODevice::readyRead, Qt::QueuedConnection);
    return socket;
}

} // namespace

GuardedTcpServer::GuardedTcpServer(ConnectionHook hook, QObject *parent) : QTcpServer(parent), m_hook(std::move(hook)) { }

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    return guard(QTcpServer::nextPendingConnection(), m_hook);
}

GuardedSslServer::GuardedSslServer(ConnectionHook hook, QObject *parent) : QSslServer(parent), m_hook(std::move(hook)) { }

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    return guard(QSslServer::nextPendingConnection(), m_hook);
}

} // namespace fc::server
