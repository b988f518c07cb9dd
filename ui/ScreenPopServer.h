#pragma once

// One workstation per desk user: a second `firstcontact --screen-pop NUMBER` hands the caller's number to
// the one already running instead of opening another window.

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

class QLocalServer;
class QLocalSocket;
class QTimer;

namespace fc {

/// A QLocalServer under a per-user name ("firstcontact-" + the desktop user name). listen() makes this
/// process the desk's instance, unless another instance already answers on the name. Each connection
/// carries one line, "POP <number>\n" (at most kMaximumMessageBytes), answered "OK\n"; the number is
/// then emitted as popRequested(). Anything else (garbage, an over-long message, a client that says
/// nothing for kClientTimeoutMs) is answered "ERR\n" if possible and dropped. A socket file left by a
/// crashed instance is removed only after connecting to it has failed, so a live instance is never
/// robbed of its name. C++ only: the composition root owns it and connects popRequested to the
/// ScreenPopModel.
class ScreenPopServer : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaximumMessageBytes = 128;
    static constexpr int kMaximumNumberLength = 64;
    static constexpr int kClientTimeoutMs = 5000;
    static constexpr int kMaximumClients = 8;

    /// The name for this desktop user: "firstcontact-" and the user name, reduced to letters, digits,
    /// '.', '_' and '-'; or, when set, the environment's FC_SCREEN_POP_NAME (tests, end-to-end runs).
    static QString defaultServerName();
    /// The name for `userName` (tests use their own).
    static QString serverNameFor(const QString &userName);

    explicit ScreenPopServer(const QString &serverName = defaultServerName(), QObject *parent = nullptr);
    ~ScreenPopServer() override;

    /// Starts listening. False when another instance answers on the name (this process should hand its
    /// number over with sendToRunning and exit), or when the name cannot be taken at all (errorString()).
    /// Checks a live instance with a connection attempt of at most `probeTimeoutMs`.
    bool listen(int probeTimeoutMs = 500);
    bool isListening() const;
    QString serverName() const { return m_name; }
    QString errorString() const { return m_error; }

    /// Hands `number` to the instance running under `serverName`: true once it answered "OK". Waits up
    /// to `timeoutMs` in all; for main() before any window exists, never for the GUI thread.
    static bool sendToRunning(const QString &number, int timeoutMs, const QString &serverName = defaultServerName());

    /// The message for `number`: "POP " and the number without control characters, cut to
    /// kMaximumNumberLength, and a newline.
    static QByteArray messageFor(const QString &number);
    /// The number in a received line ("POP 07700 900123"), or nullopt when the line is not a valid message.
    static std::optional<QString> numberIn(const QByteArray &line);

signals:
    /// A running or starting instance asked this desk to show the caller with this number (as sent:
    /// ScreenPopModel::lookup normalises it).
    void popRequested(const QString &number);

private:
    void acceptClients();
    void readClient(QLocalSocket *socket);
    void dropClient(QLocalSocket *socket, bool answerError);

    QString m_name;
    QString m_error;
    QLocalServer *m_server;
    QHash<QLocalSocket *, QByteArray> m_buffers;
};

} // namespace fc
