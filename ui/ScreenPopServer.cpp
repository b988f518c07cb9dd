#include "ui/ScreenPopServer.h"

#include <QDeadlineTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr QByteArrayView kPrefix = "POP ";
constexpr QByteArrayView kOk = "OK\n";
constexpr QByteArrayView kRefused = "ERR\n";

QString desktopUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
    return name;
}

bool isAllowedCharacter(QChar c)
{
    return c.category() != QChar::Other_Control && c.category() != QChar::Other_Format
        && c.category() != QChar::Other_Surrogate && c.category() != QChar::Other_NotAssigned
        && c.category() != QChar::Separator_Line && c.category() != QChar::Separator_Paragraph;
}

} // namespace

QString ScreenPopServer::serverNameFor(const QString &userName)
{
    QString safe;
    for (QChar c : userName) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.'
            || c == u'_' || c == u'-';
        safe.append(plain ? c : QChar(u'_'));
    }
    if (safe.isEmpty())
        safe = u"user"_s;
    return u"firstcontact-"_s + safe.left(64);
}

QString ScreenPopServer::defaultServerName()
{
    // Tests and end-to-end runs give each run its own name, so they never meet a desk's instance.
    const QString override = qEnvironmentVariable("FC_SCREEN_POP_NAME");
    return override.isEmpty() ? serverNameFor(desktopUserName()) : override;
}

ScreenPopServer::ScreenPopServer(const QString &serverName, QObject *parent)
    : QObject(parent), m_name(serverName), m_server(new QLocalServer(this))
{
    // Only this desktop user may hand the workstation a number.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(kMaximumClients);
    connect(m_server, &QLocalServer::newConnection, this, &ScreenPopServer::acceptClients);
}

ScreenPopServer::~ScreenPopServer() = default;

bool ScreenPopServer::isListening() const
{
    return m_server->isListening();
}

bool ScreenPopServer::listen(int probeTimeoutMs)
{
    m_error.clear();
    if (m_server->isListening())
        return true;
    // Ask first: with access options set, QLocalServer on Unix renames its socket into place, which would
    // silently take the name from a live instance. A live one accepts a connection; a crashed one's socket
    // file refuses it.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(probeTimeoutMs)) {
        probe.abort();
        m_error = tr("FirstContact is already running for this user.");
        return false;
    }
    if (m_server->listen(m_name))
        return true;
    if (m_server->serverError() != QAbstractSocket::AddressInUseError) {
        m_error = m_server->errorString();
        return false;
    }
    QLocalServer::removeServer(m_name); // connecting failed above: the file is stale
    if (m_server->listen(m_name))
        return true;
    m_error = m_server->errorString();
    return false;
}

void ScreenPopServer::acceptClients()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_buffers.size() >= kMaximumClients) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_buffers.insert(socket, QByteArray());
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readClient(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] { dropClient(socket, false); });
        // A client that connects and says nothing must not hold a place for ever.
        auto *timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, this, [this, socket] { dropClient(socket, true); });
        timeout->start(kClientTimeoutMs);
        if (socket->bytesAvailable() > 0)
            readClient(socket);
    }
}

void ScreenPopServer::readClient(QLocalSocket *socket)
{
    auto found = m_buffers.find(socket);
    if (found == m_buffers.end())
        return;
    QByteArray &buffer = found.value();
    buffer += socket->read(kMaximumMessageBytes + 1 - buffer.size());
    const qsizetype end = buffer.indexOf('\n');
    if (end < 0) {
        if (buffer.size() > kMaximumMessageBytes)
            dropClient(socket, true); // over-long: no real message is
        return;
    }
    const std::optional<QString> number = numberIn(buffer.left(end));
    if (!number) {
        dropClient(socket, true);
        return;
    }
    m_buffers.remove(socket);
    socket->disconnect(this);
    socket->write(kOk.data(), kOk.size());
    socket->disconnectFromServer();
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    if (socket->state() == QLocalSocket::UnconnectedState)
        socket->deleteLater();
    emit popRequested(*number);
}

void ScreenPopServer::dropClient(QLocalSocket *socket, bool answerError)
{
    if (!m_buffers.remove(socket))
        return;
    socket->disconnect(this);
    if (answerError && socket->state() == QLocalSocket::ConnectedState) {
        socket->write(kRefused.data(), kRefused.size());
        socket->flush();
    }
    socket->abort();
    socket->deleteLater();
}

QByteArray ScreenPopServer::messageFor(const QString &number)
{
    QString clean;
    for (QChar c : number) {
        if (isAllowedCharacter(c))
            clean.append(c);
    }
    clean = clean.trimmed().left(kMaximumNumberLength);
    return kPrefix.toByteArray() + clean.toUtf8() + '\n';
}

std::optional<QString> ScreenPopServer::numberIn(const QByteArray &line)
{
    QByteArrayView text(line);
    if (text.endsWith('\r'))
        text.chop(1);
    if (!text.startsWith(kPrefix))
        return std::nullopt;
    text = text.sliced(kPrefix.size());
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString number = decoder.decode(text);
    if (decoder.hasError() || number.size() > kMaximumNumberLength)
        return std::nullopt;
    for (QChar c : number) {
        if (!isAllowedCharacter(c))
            return std::nullopt;
    }
    return number.trimmed();
}

bool ScreenPopServer::sendToRunning(const QString &number, int timeoutMs, const QString &serverName)
{
    const QDeadlineTimer deadline(std::max(0, timeoutMs));
    QLocalSocket socket;
    socket.connectToServer(serverName);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return false;
    socket.write(messageFor(number));
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
            return false;
    }
    QByteArray answer;
    while (!answer.contains('\n') && answer.size() < 16) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(int(deadline.remainingTime())))
            break;
        answer += socket.read(16);
    }
    answer += socket.read(16);
    return answer.startsWith(kOk.toByteArray());
}

} // namespace fc
