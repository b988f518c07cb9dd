#pragma once

// Limits Qt HttpServer 6.4 does not enforce, applied to each connection while a request arrives.

#include "server/ApiResponse.h"
#include "server/Route.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

class QTcpSocket;

namespace fc::server {

/// Connection-level limits, the same for every route.
struct GuardLimits {
    qsizetype maxHeaderBytes = 16 * 1024;
    std::chrono::milliseconds idleTimeout { 60'000 };     // a kept-alive connection with nothing to say
    std::chrono::milliseconds headerTimeout { 10'000 };   // until the request line and headers are in
    std::chrono::milliseconds drainTimeout { 5'000 };     // reading (and dropping) a refused body
    qint64 maxDrainBytes = 64 * 1024 * 1024;
};

/// The limits of the route a method and path lead to (RouteTable::limitsFor).
using RouteLimitsLookup = std::function<RouteLimits(const QString &method, const QString &path)>;

/// Watches one connection's bytes before QAbstractHttpServer parses them. Qt HttpServer 6.4 buffers a
/// whole request in memory before any handler sees it, has no size or time limits, and closes a
/// connection it cannot parse without a word, so this reads ahead (peeking, never consuming) and:
///  - answers 413 as soon as a Content-Length over the route's cap is declared, before the body is
///    read (a client sending "Expect: 100-continue" never sends it), and 413 when a chunked body
///    grows past the cap;
///  - answers 431 for headers over maxHeaderBytes, and 400 for a request line or header that is not
///    HTTP/1.x, for both Content-Length and Transfer-Encoding, and for connection upgrades;
///  - answers 408 when a request does not arrive within its route's time-out (the header time-out
///    until the route is known), and closes connections idle for longer than idleTimeout;
///  - sends "100 Continue" to a client that asks for it (6.4.2 never does, so curl waits a second).
/// After a refusal it stops the HTTP server from reading the connection, drops what is still coming
/// for a moment (so the client reads the answer rather than a reset) and closes it.
class ConnectionGuard : public QObject {
    Q_OBJECT

public:
    /// Attaches a guard to a new connection. Must run before `httpServer` connects to the socket's
    /// readyRead, so the guard sees every byte first (GuardedTcpServer arranges this).
    static ConnectionGuard *attach(QTcpSocket *socket, QObject *httpServer, const GuardLimits &limits,
                                   RouteLimitsLookup lookup);
    /// The guard of a socket, or null.
    static ConnectionGuard *of(QTcpSocket *socket);

    /// The request being received has been answered: what follows is a new request.
    void requestAnswered();
    /// The client asked to close (Connection: close, or HTTP/1.0 without keep-alive).
    bool closeAfterResponse() const { return m_closeAfterResponse; }

private:
    enum class Phase { Idle, Headers, Body, Refused };
    struct Head;

    ConnectionGuard(QTcpSocket *socket, QObject *httpServer, const GuardLimits &limits, RouteLimitsLookup lookup);
    void onReadyRead();
    void onTimeout();
    void onHeadComplete(const QByteArray &head, qint64 bodyBytesAlreadyHere);
    void countBody(qint64 bytes);
    void refuse(const ApiResponse &response);
    void drain();
    void startTimer(std::chrono::milliseconds timeout);

    QTcpSocket *m_socket;
    QPointer<QObject> m_httpServer;
    GuardLimits m_limits;
    RouteLimitsLookup m_lookup;
    QTimer m_timer;
    QElapsedTimer m_requestClock;

    Phase m_phase = Phase::Idle;
    QByteArray m_head;
    RouteLimits m_route;
    qint64 m_bodyDeclared = 0; // -1: chunked, size unknown until it ends
    qint64 m_bodySeen = 0;
    qint64 m_drainLeft = 0;
    bool m_closeAfterResponse = false;
};

} // namespace fc::server
