#include "server/ConnectionGuard.h"

#include "server/HttpWire.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QUrl>

#include <string_view>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// A chunked body carries framing (sizes, line ends) on top of its data: allow for it before calling
// a body too large, so a body just under the cap is never refused for its wrapping.
qint64 chunkedAllowance(qint64 cap)
{
    return cap + cap / 8 + 1024;
}

} // namespace

// The parts of a request head the guard decides on.
struct ConnectionGuard::Head {
    QByteArray method;
    QByteArray target;
    QByteArray version;
    qint64 contentLength = 0;
    bool chunked = false;
    bool expectContinue = false;
    bool close = false;
    QString problem; // set when the head is not acceptable HTTP/1.x
};

ConnectionGuard *ConnectionGuard::attach(QTcpSocket *socket, QObject *httpServer, const GuardLimits &limits,
                                         RouteLimitsLookup lookup)
{
    return new ConnectionGuard(socket, httpServer, limits, std::move(lookup));
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, QObject *httpServer, const GuardLimits &limits,
                                 RouteLimitsLookup lookup)
    : QObject(socket), m_socket(socket), m_httpServer(httpServer), m_limits(limits), m_lookup(std::move(lookup))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyRead);
    startTimer(m_limits.idleTimeout);
}

void ConnectionGuard::startTimer(std::chrono::milliseconds timeout)
{
    m_timer.start(timeout);
}

void ConnectionGuard::requestAnswered()
{
    m_phase = Phase::Idle;
    m_head.clear();
    m_bodyDeclared = 0;
    m_bodySeen = 0;
    startTimer(m_limits.idleTimeout);
}

void ConnectionGuard::onReadyRead()
{
    if (m_phase == Phase::Refused) {
        drain();
        return;
    }
    // QAbstractHttpServer reads everything available after us, inside its own transaction, so what is
    // available now is exactly what arrived since the last time.
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    if (m_phase == Phase::Idle) {
        m_phase = Phase::Headers;
        m_bodyDeclared = 0;
        m_requestClock.start();
        startTimer(m_limits.headerTimeout);
    }
    if (m_phase == Phase::Body) {
        countBody(available);
        return;
    }

    const qint64 room = m_limits.maxHeaderBytes + 4 - m_head.size();
    const QByteArray fresh = m_socket->peek(qMin(available, room));
    const qsizetype searchFrom = qMax<qsizetype>(0, m_head.size() - 3);
    m_head += fresh;
    const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
    if (end < 0) {
        if (m_head.size() >= m_limits.maxHeaderBytes)
            refuse(ApiResponse::error(431, u"request.headers_too_large"_s,
                                      tr("The request line and headers are larger than %1 bytes.")
                                          .arg(m_limits.maxHeaderBytes)));
        return;
    }
    const qint64 headBytes = end + 4;
    const qint64 bodyHere = (m_head.size() - headBytes) + (available - fresh.size());
    m_head.truncate(headBytes);
    onHeadComplete(m_head, bodyHere);
}

void ConnectionGuard::onHeadComplete(const QByteArray &headBytes, qint64 bodyBytesAlreadyHere)
{
    Head head;
    QList<QByteArray> lines;
    const QByteArray content = headBytes.chopped(4);
    for (qsizetype from = 0; from <= content.size();) {
        qsizetype to = content.indexOf("\r\n", from);
        if (to < 0)
            to = content.size();
        lines.append(content.mid(from, to - from));
        from = to + 2;
    }
    const QList<QByteArray> requestLine = lines.first().split(' ');
    const bool bareLineEnd = lines.first().contains('\r') || lines.first().contains('\n');
    if (requestLine.size() != 3 || bareLineEnd || !isToken(requestLine.at(0)) || !requestLine.at(1).startsWith('/')
        || (requestLine.at(2) != "HTTP/1.1" && requestLine.at(2) != "HTTP/1.0")) {
        head.problem = tr("The request line is not 'METHOD /path HTTP/1.1'.");
    } else {
        head.method = requestLine.at(0);
        head.target = requestLine.at(1);
        head.version = requestLine.at(2);
    }
    bool haveLength = false;
    bool keepAlive = false;
    for (qsizetype i = 1; i < lines.size() && head.problem.isEmpty(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (line.contains('\r') || line.contains('\n') || colon <= 0 || !isToken(QByteArrayView(line).first(colon))) {
            head.problem = tr("A request header is malformed.");
            break;
        }
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || (haveLength && length != head.contentLength))
                head.problem = tr("The Content-Length header is not a single whole number.");
            head.contentLength = length;
            haveLength = true;
        } else if (name == "transfer-encoding") {
            if (value.toLower() != "chunked")
                head.problem = tr("Only the 'chunked' transfer encoding is understood.");
            head.chunked = true;
        } else if (name == "expect") {
            head.expectContinue = value.toLower() == "100-continue";
        } else if (name == "connection") {
            const QByteArray tokens = value.toLower();
            head.close = head.close || tokens.contains("close");
            keepAlive = keepAlive || tokens.contains("keep-alive");
            // 6.4 hands an upgrade to its WebSocket server, or drops the connection without a word.
            if (tokens.contains("upgrade"))
                head.problem = tr("This server does not upgrade connections.");
        }
    }
    // Both framings at once is how request smuggling starts: refuse it rather than pick one.
    if (head.problem.isEmpty() && head.chunked && haveLength)
        head.problem = tr("A request may not have both Content-Length and Transfer-Encoding.");
    if (!head.problem.isEmpty()) {
        refuse(ApiResponse::error(400, u"request.malformed"_s, head.problem));
        return;
    }

    m_closeAfterResponse = head.close || (head.version == "HTTP/1.0" && !keepAlive);
    const QString path = QUrl::fromPercentEncoding(head.target.left(head.target.indexOf('?') < 0
                                                                         ? head.target.size()
                                                                         : head.target.indexOf('?')));
    m_route = m_lookup ? m_lookup(QString::fromLatin1(head.method), path) : RouteLimits();
    m_bodyDeclared = head.chunked ? -1 : head.contentLength;
    m_bodySeen = 0;
    if (m_bodyDeclared > m_route.maxBodyBytes) {
        refuse(ApiResponse::error(413, u"request.too_large"_s,
                                  tr("The request body is larger than the %1 bytes this route accepts.")
                                      .arg(m_route.maxBodyBytes)));
        return;
    }
    m_phase = Phase::Body;
    const auto spent = std::chrono::milliseconds(m_requestClock.elapsed());
    startTimer(std::max(std::chrono::milliseconds(1), m_route.timeout - spent));
    // 6.4.2 never answers "Expect: 100-continue", so clients wait (curl: a second) before sending.
    if (head.expectContinue && m_bodyDeclared != 0 && bodyBytesAlreadyHere == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    countBody(bodyBytesAlreadyHere);
}

void ConnectionGuard::countBody(qint64 bytes)
{
    m_bodySeen += bytes;
    const qint64 allowed = m_bodyDeclared < 0 ? chunkedAllowance(m_route.maxBodyBytes) : m_route.maxBodyBytes;
    // A declared length was checked already; more bytes than declared mean a pipelined request, which
    // the guard does not follow (see docs/SERVER.md).
    if (m_bodyDeclared < 0 && m_bodySeen > allowed)
        refuse(ApiResponse::error(413, u"request.too_large"_s,
                                  tr("The request body is larger than the %1 bytes this route accepts.")
                                      .arg(m_route.maxBodyBytes)));
}

void ConnectionGuard::onTimeout()
{
    switch (m_phase) {
    case Phase::Idle:
        m_socket->disconnectFromHost();
        return;
    case Phase::Headers:
    case Phase::Body:
        refuse(ApiResponse::error(408, u"request.timeout"_s, tr("The request did not arrive in time; send it again.")));
        return;
    case Phase::Refused:
        m_socket->disconnectFromHost();
        return;
    }
}

void ConnectionGuard::refuse(const ApiResponse &response)
{
    m_phase = Phase::Refused;
    // From here on only the guard reads this connection; the HTTP server still deletes the socket when
    // it disconnects.
    if (m_httpServer)
        QObject::disconnect(m_socket, &QIODevice::readyRead, m_httpServer.data(), nullptr);
    // Bytes the server had read inside its transaction are ours to drop now.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->write(encodeHttpResponse(response, true));
    m_closeAfterResponse = true;
    // Keep reading what the client is still sending (its declared body, or a chunked one for as long as
    // it comes), so it reads this answer instead of a connection reset. Erring on the long side costs at
    // most the drain time-out.
    const qint64 unread = m_bodyDeclared < 0 ? m_limits.maxDrainBytes : m_bodyDeclared - m_bodySeen;
    m_drainLeft = qBound<qint64>(0, unread + m_socket->bytesAvailable(), m_limits.maxDrainBytes);
    startTimer(m_limits.drainTimeout);
    drain();
}

void ConnectionGuard::drain()
{
    const qint64 dropped = m_socket->skip(m_socket->bytesAvailable());
    if (dropped > 0)
        m_drainLeft -= dropped;
    if (m_drainLeft <= 0 && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost();
}

} // namespace fc::server
