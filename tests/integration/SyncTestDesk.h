#pragma once

// Desks and servers for the sync integration tests (tst_Sync*): a firstcontact-cli profile driven through
// the real program, its encrypted cache opened in this process for a person's local edits while no CLI
// holds it, firstcontact-server processes that can be killed and started again on the same port, and
// what a server holds for a desk, counted with SQL.
//
// These tests link fc_sync (SQLCipher), so they never link fc_server nor load QSQLITE (the two SQLite
// libraries clash in one process, docs/ARCHITECTURE.md): they read a PostgreSQL server database through
// QPSQL and a SQLite one through the sqlcipher shell, a separate process.

#include "ServerProcess.h"
#include "core/Case.h"
#include "core/Contact.h"
#include "core/Outcome.h"
#include "storage/CacheWorker.h"
#include "storage/SecureBytes.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QUuid>

#include <memory>
#include <optional>
#include <type_traits>

namespace fc::synctest {

using server::test::CommandRun;
using server::test::runServerCommand;
using server::test::serverProgram;

inline const QByteArray kPassword = "correct horse battery staple";

inline QString cliProgram()
{
    return qEnvironmentVariable("FC_BIN_DIR") + QStringLiteral("/firstcontact-cli");
}

/// Runs `program arguments...` to its end with `input` on standard input (-1 exit code: crashed or
/// killed after `timeoutMs`).
inline CommandRun runProgram(const QString &program, const QStringList &arguments, const QByteArray &input,
                             int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    CommandRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// Adds a user to a server database (`user add`); the password is kPassword.
inline CommandRun addUser(const QString &databaseUrl, const QString &name,
                          const QString &role = QStringLiteral("agent"),
                          const QString &team = QStringLiteral("contact-centre"))
{
    return runServerCommand(databaseUrl,
                            { QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"), role,
                              QStringLiteral("--team"), team },
                            kPassword + '\n');
}

/// A `firstcontact-server serve` process on loopback that a test can kill (SIGKILL) and start again on
/// the same port, so desks signed in to it find it again.
class SyncServer {
public:
    SyncServer() = default;
    ~SyncServer() { stop(); }
    SyncServer(const SyncServer &) = delete;
    SyncServer &operator=(const SyncServer &) = delete;

    /// Starts `serve` on `port` (0: a free one) and waits for its "listening on" line. A port just
    /// given up by a killed server may take a moment to be free again: binding is tried for a while.
    bool start(const QString &databaseUrl, quint16 port = 0, const QStringList &extraArguments = {})
    {
        m_databaseUrl = databaseUrl;
        m_extra = extraArguments;
        for (int attempt = 0; attempt < 40; ++attempt) {
            if (startOnce(port))
                return true;
            if (port == 0 || !m_error.contains(QStringLiteral("address"), Qt::CaseInsensitive))
                return false;
            QThread::msleep(250);
        }
        return false;
    }

    /// Starts again on the port it had.
    bool restart() { return start(m_databaseUrl, m_port, m_extra); }

    /// SIGKILL: no goodbye, connections cut mid-request.
    void kill()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        m_process->kill();
        m_process->waitForFinished(10000);
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
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:") + QString::number(m_port); }
    QString databaseUrl() const { return m_databaseUrl; }
    QString error() const { return m_error; }

private:
    bool startOnce(quint16 port)
    {
        m_process = std::make_unique<QProcess>();
        QStringList arguments { QStringLiteral("--db"), m_databaseUrl, QStringLiteral("serve"),
                                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:") + QString::number(port) };
        arguments << m_extra;
        m_process->start(serverProgram(), arguments);
        const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QString out;
        for (int waited = 0; waited < 600 && m_process->state() != QProcess::NotRunning; ++waited) {
            m_process->waitForReadyRead(100);
            out += QString::fromUtf8(m_process->readAllStandardOutput());
            const QRegularExpressionMatch match = listening.match(out);
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        m_process->waitForFinished(1000);
        m_error = out + QString::fromUtf8(m_process->readAllStandardError());
        return false;
    }

    std::unique_ptr<QProcess> m_process;
    QString m_databaseUrl;
    QStringList m_extra;
    quint16 m_port = 0;
    QString m_error;
};

/// One desk: a firstcontact-cli profile directory signed in as one user. Every CLI command reads the
/// password from standard input. inCache() opens the same encrypted cache in this process, for the
/// edits a person makes at a desk (LocalChanges); no CLI may hold the profile meanwhile.
class SyncTestDesk {
public:
    SyncTestDesk(QString directory, QString user, QByteArray password = kPassword)
        : m_dir(std::move(directory)), m_user(std::move(user)), m_password(std::move(password))
    {
    }

    QString directory() const { return m_dir; }
    QString user() const { return m_user; }

    QStringList arguments(const QStringList &command) const
    {
        return QStringList { QStringLiteral("--profile"), m_dir } + command;
    }

    CommandRun cli(const QStringList &command, int timeoutMs = 240000) const
    {
        return runProgram(cliProgram(), arguments(command), m_password + '\n', timeoutMs);
    }

    /// Signs in (a first login creates the cache, with the cheapest key derivation).
    CommandRun login(const QString &serverUrl) const
    {
        return cli({ QStringLiteral("login"), QStringLiteral("--server"), serverUrl, QStringLiteral("--user"), m_user,
                     QStringLiteral("--device-name"), QStringLiteral("test desk of ") + m_user,
                     QStringLiteral("--kdf-cost"), QStringLiteral("interactive") });
    }

    CommandRun sync(const QStringList &options = {}) const
    {
        return cli(QStringList { QStringLiteral("sync") } + options);
    }

    /// `status --json`, or an empty object when it failed.
    QJsonObject status() const
    {
        const CommandRun run = cli({ QStringLiteral("status"), QStringLiteral("--json") });
        return run.exitCode == 0 ? QJsonDocument::fromJson(run.out.toUtf8()).object() : QJsonObject();
    }

    /// `search TEXT --json` with room for every match of a common surname.
    QJsonArray search(const QString &text) const
    {
        const CommandRun run = cli({ QStringLiteral("search"), text, QStringLiteral("--json"),
                                     QStringLiteral("--limit"), QStringLiteral("1000") });
        return run.exitCode == 0 ? QJsonDocument::fromJson(run.out.toUtf8()).array() : QJsonArray();
    }

    /// The id this profile gave itself at its first login (what `device revoke` takes).
    QString deviceId() const
    {
        QFile file(QDir(m_dir).filePath(QStringLiteral("device-id")));
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed() : QString();
    }

    /// Starts a CLI command in the background (to kill it, or to do something while it runs).
    std::unique_ptr<QProcess> startCli(const QStringList &command) const
    {
        auto process = std::make_unique<QProcess>();
        process->start(cliProgram(), arguments(command));
        process->waitForStarted();
        process->write(m_password + '\n');
        process->closeWriteChannel();
        return process;
    }

    /// Unlocks the cache here, runs `job(QSqlDatabase &)` (returning an fc::Result or Status) on its
    /// database thread, and closes it again.
    template<typename Job, typename R = std::invoke_result_t<Job &, QSqlDatabase &>> R inCache(Job job) const
    {
        CacheWorker worker;
        Result<SecureBytes> password = SecureBytes::fromPassword(QByteArray(m_password));
        if (!password)
            return R(password.error());
        const Status opened = worker.unlock(m_dir, std::move(password).value()).result();
        if (!opened)
            return R(opened.error());
        R result = worker.run(std::move(job)).result();
        worker.shutdown().waitForFinished();
        return result;
    }

private:
    QString m_dir;
    QString m_user;
    QByteArray m_password;
};

/// "code: message" of a failed Result or Status, for QVERIFY2 (empty when it succeeded).
template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : (result.error().code + QStringLiteral(": ") + result.error().message).toUtf8();
}

/// Syncs `desk` until `done()` holds, at most `timeoutMs`. On PostgreSQL a change reaches desks once
/// every transaction older than it has ended, anywhere in the cluster (docs/SYNC.md, "Ordering"), so a
/// write another test keeps open for a moment can hold a change back past one pull. False when a sync
/// failed or time ran out.
template<typename Check> bool syncUntil(const SyncTestDesk &desk, Check done, int timeoutMs = 90000)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const CommandRun run = desk.sync({ QStringLiteral("--quiet") });
        if (run.exitCode != 0) {
            qWarning().noquote() << "sync failed:" << run.out << run.err;
            return false;
        }
        if (done())
            return true;
        if (clock.hasExpired(timeoutMs))
            return false;
        QThread::msleep(200);
    }
}

/// The rows done of every "first sync: DONE / TOTAL records" line the CLI printed, in order.
inline QList<qint64> firstSyncProgress(const QString &out)
{
    static const QRegularExpression line(QStringLiteral("first sync: (\\d+) / (\\d+) records"));
    QList<qint64> done;
    for (QRegularExpressionMatchIterator it = line.globalMatch(out); it.hasNext();)
        done.append(it.next().captured(1).toLongLong());
    return done;
}

/// Collects a running program's standard output into `out` until `done(out)` holds or the program
/// ends, at most `timeoutMs`. Returns whether `done(out)` holds.
template<typename Check> bool followOutput(QProcess &process, QString &out, Check done, int timeoutMs = 120000)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        out += QString::fromUtf8(process.readAllStandardOutput());
        if (done(out))
            return true;
        if (process.state() == QProcess::NotRunning || clock.hasExpired(timeoutMs))
            return false;
        process.waitForReadyRead(50);
    }
}

/// A contact a desk records: wrapped up, about `customerId`, started `at`.
inline Contact wrappedUpContact(const QUuid &customerId, const QString &agent, const QDateTime &at,
                                const QString &notes = QString())
{
    Contact contact;
    contact.id = QUuid::createUuid();
    contact.customerId = customerId;
    contact.channel = Channel::Phone;
    contact.site = QStringLiteral("contact-centre");
    contact.agent = agent;
    contact.startedAt = at.toUTC();
    contact.endedAt = contact.startedAt.addSecs(95);
    contact.service = QStringLiteral("waste");
    contact.reason = QStringLiteral("missed_bin");
    contact.outcome = Outcome::ResolvedAtFirstContact;
    contact.notes = notes;
    return contact;
}

/// Customers, cases and contacts: what `status --json` says a desk holds, or what a server holds for one.
struct RecordCounts {
    qint64 customers = -1;
    qint64 cases = -1;
    qint64 contacts = -1;
    friend bool operator==(const RecordCounts &, const RecordCounts &) = default;
};

inline char *toString(const RecordCounts &counts)
{
    return qstrdup(QStringLiteral("{customers %1, cases %2, contacts %3}")
                       .arg(counts.customers)
                       .arg(counts.cases)
                       .arg(counts.contacts)
                       .toUtf8()
                       .constData());
}

inline RecordCounts deskCounts(const QJsonObject &status)
{
    const QJsonObject records = status.value(QStringLiteral("records")).toObject();
    return RecordCounts { records.value(QStringLiteral("customers")).toInteger(-1),
                          records.value(QStringLiteral("cases")).toInteger(-1),
                          records.value(QStringLiteral("contacts")).toInteger(-1) };
}

/// Which rows a desk holds (docs/SYNC.md): every customer; cases open or raised in the window; contacts
/// in the window or about an open case. WHERE clauses for `cases` and `contacts` that run the same on
/// PostgreSQL and SQLite (times compared as ISO 8601 UTC text there).
struct WindowFilter {
    QString cases;
    QString contacts;
};

inline WindowFilter windowFilter(const QDateTime &windowStart)
{
    QStringList closed;
    for (CaseStatus status : allCaseStatuses()) {
        if (!isOpen(status))
            closed.append(QLatin1Char('\'') + caseStatusKey(status) + QLatin1Char('\''));
    }
    const QString since = QLatin1Char('\'') + windowStart.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char('\'');
    const QString closedList = closed.join(QStringLiteral(", "));
    return WindowFilter {
        QStringLiteral("status NOT IN (%1) OR raised_at >= %2").arg(closedList, since),
        QStringLiteral("started_at >= %2 OR EXISTS (SELECT 1 FROM contact_cases cc JOIN cases k ON k.id = cc.case_id"
                       " WHERE cc.contact_id = contacts.id AND k.status NOT IN (%1))")
            .arg(closedList, since),
    };
}

/// The three counts as SQL, in RecordCounts order.
inline QStringList windowCountSql(const QDateTime &windowStart)
{
    const WindowFilter filter = windowFilter(windowStart);
    return { QStringLiteral("SELECT count(*) FROM customers"),
             QStringLiteral("SELECT count(*) FROM cases WHERE ") + filter.cases,
             QStringLiteral("SELECT count(*) FROM contacts WHERE ") + filter.contacts };
}

/// The window of a desk's first sync: the server fixes its start (730 days back, the default) when the
/// snapshot begins, a moment the test knows only to lie between `began` and now. So the server holds,
/// for that desk, at least what is in the later window and at most what is in the earlier one; the two
/// differ only when a record sits on the window's edge in those few minutes.
struct SyncWindow {
    QDateTime began;
    int days = 730;

    QDateTime earliestStart() const { return began.addDays(-days); }
    QDateTime latestStart() const { return QDateTime::currentDateTimeUtc().addDays(-days); }
};

/// "" when `desk` holds what the server holds for it (`countAt(windowStart)` counts with SQL), else
/// what differs.
template<typename CountAt>
QString compareWithServer(const RecordCounts &desk, const SyncWindow &window, CountAt countAt)
{
    const RecordCounts most = countAt(window.earliestStart());
    const RecordCounts least = countAt(window.latestStart());
    const auto within = [](qint64 value, qint64 low, qint64 high) { return low >= 0 && low <= value && value <= high; };
    if (desk.customers == most.customers && within(desk.cases, least.cases, most.cases)
        && within(desk.contacts, least.contacts, most.contacts))
        return QString();
    return QStringLiteral("the desk holds %1 customers, %2 cases, %3 contacts; the server %4, %5 to %6, %7 to %8")
        .arg(desk.customers)
        .arg(desk.cases)
        .arg(desk.contacts)
        .arg(most.customers)
        .arg(least.cases)
        .arg(most.cases)
        .arg(least.contacts)
        .arg(most.contacts);
}

/// One value from PostgreSQL (an invalid QVariant when the query failed; the error goes to the log).
inline QVariant pgValue(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning().noquote() << "SQL failed:" << sql << query.lastError().text();
        return QVariant();
    }
    return query.next() ? query.value(0) : QVariant();
}

inline qint64 pgCount(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
{
    const QVariant value = pgValue(db, sql, values);
    return value.isValid() ? value.toLongLong() : -1;
}

/// Every row of the first column.
inline QStringList pgColumn(QSqlDatabase db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    QStringList column;
    if (!query.exec()) {
        qWarning().noquote() << "SQL failed:" << sql << query.lastError().text();
        return column;
    }
    while (query.next())
        column.append(query.value(0).toString());
    return column;
}

inline RecordCounts pgWindowCounts(QSqlDatabase db, const QDateTime &windowStart)
{
    const QStringList sql = windowCountSql(windowStart);
    return RecordCounts { pgCount(db, sql.at(0)), pgCount(db, sql.at(1)), pgCount(db, sql.at(2)) };
}

/// compareWithServer() for a PostgreSQL server database.
inline QString compareWithPostgres(const RecordCounts &desk, const SyncWindow &window, QSqlDatabase db)
{
    return compareWithServer(desk, window, [db](const QDateTime &start) { return pgWindowCounts(db, start); });
}

/// Runs SQL on a SQLite server database through the sqlcipher shell (no key: a plain SQLite file),
/// one output line per row, columns separated by '|'.
inline QStringList sqliteRows(const QString &path, const QString &sql)
{
    const CommandRun run = runProgram(QStringLiteral("sqlcipher"), { path, sql }, QByteArray(), 60000);
    if (run.exitCode != 0) {
        qWarning().noquote() << "sqlcipher failed:" << sql << run.err;
        return {};
    }
    return run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

inline RecordCounts sqliteWindowCounts(const QString &path, const QDateTime &windowStart)
{
    const QStringList sql = windowCountSql(windowStart);
    const auto count = [&](const QString &statement) {
        const QStringList rows = sqliteRows(path, statement);
        bool ok = false;
        const qint64 value = rows.value(0).toLongLong(&ok);
        return ok && rows.size() == 1 ? value : qint64(-1);
    };
    return RecordCounts { count(sql.at(0)), count(sql.at(1)), count(sql.at(2)) };
}

/// The ids of a cache table ("contact", "customer"), as the cache stores them.
inline Result<QStringList> cacheIds(QSqlDatabase &db, const QString &table)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id FROM ") + table))
        return makeError(QStringLiteral("test.query_failed"), query.lastError().text());
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

} // namespace fc::synctest
