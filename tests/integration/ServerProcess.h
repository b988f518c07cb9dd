#pragma once

// Runs the real firstcontact-server program for integration tests: one-shot commands, and `serve`
// processes on a free port that stop when the object goes away.

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

#include <memory>

namespace fc::server::test {

inline QString serverProgram()
{
    return qEnvironmentVariable("FC_BIN_DIR") + QStringLiteral("/firstcontact-server");
}

/// The outcome of one command: exit code and both outputs.
struct CommandRun {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs `firstcontact-server --db URL ARGS...`, writing `input` to standard input.
inline CommandRun runServerCommand(const QString &databaseUrl, const QStringList &arguments,
                                   const QByteArray &input = QByteArray(), int timeoutMs = 120000)
{
    QProcess process;
    QStringList all;
    if (!databaseUrl.isEmpty())
        all << QStringLiteral("--db") << databaseUrl;
    all << arguments;
    process.start(serverProgram(), all);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    CommandRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// A `firstcontact-server serve` process listening on a free loopback port (it is started with port 0
/// and prints the port it got). Stopped with SIGTERM when destroyed.
class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess() { stop(); }
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    /// Starts the server and waits for its "listening on" line. False (with the server's output in
    /// error()) when it does not come up.
    bool start(const QString &databaseUrl, const QStringList &extraArguments = {})
    {
        m_process = std::make_unique<QProcess>();
        QStringList arguments { QStringLiteral("--db"), databaseUrl, QStringLiteral("serve"), QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:0") };
        arguments << extraArguments;
        m_process->start(serverProgram(), arguments);
        const QRegularExpression listening(QStringLiteral("listening on (https?)://127\\.0\\.0\\.1:(\\d+)"));
        QString out;
        for (int waited = 0; waited < 600 && m_process->state() != QProcess::NotRunning; ++waited) {
            m_process->waitForReadyRead(100);
            out += QString::fromUtf8(m_process->readAllStandardOutput());
            const QRegularExpressionMatch match = listening.match(out);
            if (match.hasMatch()) {
                m_scheme = match.captured(1);
                m_port = quint16(match.captured(2).toUInt());
                return true;
            }
        }
        m_error = out + QString::fromUtf8(m_process->readAllStandardError());
        return false;
    }

    void stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    QString baseUrl() const { return m_scheme + QStringLiteral("://127.0.0.1:") + QString::number(m_port); }
    QString error() const { return m_error; }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_scheme;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace fc::server::test
