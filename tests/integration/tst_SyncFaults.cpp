// Sync when things break, on the real thing: a desk's firstcontact-cli killed with SIGKILL at many
// points while it pushes and while it runs a first sync, and the server killed and started again on the
// same port while a desk syncs. Nothing is lost, nothing is applied twice, and a first sync resumes
// where it stopped. (PostgreSQL restarted mid-sync: tst_SyncPostgresRestart, which runs alone.)

#include "SyncTestDesk.h"
#include "storage/OutboxStore.h"
#include "support/PgTestDatabase.h"
#include "sync/LocalChanges.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::synctest;
using namespace Qt::StringLiterals;

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

qint64 rowsOf(const RecordCounts &counts)
{
    return counts.customers + counts.cases + counts.contacts;
}

} // namespace

class tst_SyncFaults : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // A 3000-customer council: a first sync in pages of 200 takes long enough to be interrupted.
    fc::test::PgTestDatabase m_pg;
    SyncServer m_server;

    qint64 serverContacts(const QStringList &ids)
    {
        return pgCount(m_pg.database(),
                       u"SELECT count(*) FROM contacts WHERE id::text IN ('%1')"_s.arg(ids.join(u"', '"_s)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Status created = m_pg.create();
        QVERIFY2(created.ok(), why(created).constData());
        const CommandRun seeded
            = runServerCommand(m_pg.url(), { u"seed-demo"_s, u"--customers"_s, u"3000"_s, u"--seed"_s, u"23"_s });
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        for (const QString &user : { u"kill.push"_s, u"kill.first"_s, u"restart.server"_s })
            QCOMPARE(addUser(m_pg.url(), user).exitCode, 0);
        QVERIFY2(m_server.start(m_pg.url()), qPrintable(m_server.error()));
    }

    void cleanupTestCase() { m_server.stop(); }

    // --- 4a. kill -9 while pushing: every contact on the server once, whatever the moment.
    void killedWhilePushingLosesNothingAndAppliesNothingTwice()
    {
        const SyncTestDesk desk(m_dir.filePath(u"kill-push"_s), u"kill.push"_s);
        QCOMPARE(desk.login(m_server.baseUrl()).exitCode, 0);
        const SyncWindow window { QDateTime::currentDateTimeUtc() };
        const CommandRun firstSync = desk.sync({ u"--quiet"_s });
        QVERIFY2(firstSync.exitCode == 0, qPrintable(firstSync.out + firstSync.err));

        // Contacts recorded offline about customers in the cache: 300 at first, and more whenever fewer
        // than 150 wait, so every run has something of its own to push.
        const QStringList customers
            = pgColumn(m_pg.database(), u"SELECT id::text FROM customers ORDER BY reference LIMIT 1000 OFFSET 1000"_s);
        QCOMPARE(customers.size(), 1000);
        QStringList contactIds;
        const auto record = [&](int count) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            return desk.inCache([&](QSqlDatabase &db) -> Status {
                LocalChanges local(db, desk.user());
                for (int i = 0; i < count; ++i) {
                    const qsizetype n = contactIds.size();
                    const Contact contact
                        = wrappedUpContact(QUuid::fromString(customers.at(n % customers.size())), desk.user(),
                                           now.addSecs(-3600 + i), u"queued %1"_s.arg(n));
                    if (Status saved = local.recordContact(contact); !saved)
                        return saved;
                    contactIds.append(idText(contact.id));
                }
                return {};
            });
        };
        const Status recorded = record(300);
        QVERIFY2(recorded.ok(), why(recorded).constData());
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(desk.status().value(u"pending"_s).toInteger(), qint64(300));
        // What starting the CLI and unlocking the cache takes here: the scale of the random delays, so
        // they fall before, during and after the push on a fast machine and a slow one alike.
        const qint64 unit = std::max<qint64>(clock.elapsed(), 50);
        QCOMPARE(serverContacts(contactIds), qint64(0));

        // Kill points, taking turns: a random delay from a fixed seed; and the moment the server starts
        // applying this run's push (it finishes the batch, the answer dies with the desk).
        QRandomGenerator random(20261123);
        const QString appliedByDesk = u"SELECT count(*) FROM applied_mutations WHERE user_name = 'kill.push'"_s;
        int kills = 0;
        int killsWithAnswersLost = 0;
        for (int run = 0; kills < 10 && run < 40; ++run) {
            if (desk.status().value(u"pending"_s).toInteger() < 150) {
                const Status more = record(60);
                QVERIFY2(more.ok(), why(more).constData());
            }
            const bool onServerProgress = run % 2 == 1;
            const int delay = int(unit * (0.4 + 1.6 * random.generateDouble()));
            const qint64 appliedBefore = pgCount(m_pg.database(), appliedByDesk);
            std::unique_ptr<QProcess> sync = desk.startCli({ u"sync"_s });
            bool finished = false;
            if (onServerProgress) {
                QElapsedTimer waited;
                waited.start();
                while (!finished && pgCount(m_pg.database(), appliedByDesk) == appliedBefore
                       && !waited.hasExpired(60000))
                    finished = sync->waitForFinished(2);
            } else {
                finished = sync->waitForFinished(delay);
            }
            if (!finished) {
                sync->kill();
                sync->waitForFinished();
                ++kills;
            } else {
                QVERIFY2(sync->exitStatus() == QProcess::NormalExit && sync->exitCode() == 0,
                         qPrintable(QString::fromUtf8(sync->readAllStandardOutput() + sync->readAllStandardError())));
            }
            // Whatever the moment: each contact is on the server, or still waiting on the desk, or both
            // (applied, and the answer lost with the process): never neither.
            const Result<QStringList> waiting = desk.inCache([](QSqlDatabase &db) -> Result<QStringList> {
                Result<QList<OutboxEntry>> entries = OutboxStore(db).peek(100000);
                if (!entries)
                    return entries.error();
                QStringList ids;
                for (const OutboxEntry &entry : entries.value())
                    ids.append(idText(entry.mutation.entityId));
                return ids;
            });
            QVERIFY2(waiting.ok(), why(waiting).constData());
            const QStringList applied
                = pgColumn(m_pg.database(),
                           u"SELECT id::text FROM contacts WHERE id::text IN ('%1')"_s.arg(contactIds.join(u"', '"_s)));
            const QSet<QString> onServer(applied.cbegin(), applied.cend());
            const QSet<QString> queued(waiting->cbegin(), waiting->cend());
            QCOMPARE(queued.size(), waiting->size());
            for (const QString &id : contactIds)
                QVERIFY2(onServer.contains(id) || queued.contains(id),
                         qPrintable(u"contact %1 lost after run %2"_s.arg(id).arg(run)));
            const qsizetype both = QSet<QString>(onServer).intersect(queued).size();
            if (!finished && both > 0)
                ++killsWithAnswersLost;
            qInfo().noquote() << u"run %1: %2 %3; %4 of %5 on the server, %6 waiting, %7 of them applied already"_s
                                     .arg(run)
                                     .arg(finished ? u"finished, not killed,"_s : u"killed"_s)
                                     .arg(onServerProgress ? u"once the server was applying its push"_s
                                                           : u"after %1 ms"_s.arg(delay))
                                     .arg(onServer.size())
                                     .arg(contactIds.size())
                                     .arg(queued.size())
                                     .arg(both);
        }
        QCOMPARE(kills, 10);
        // At least once the server applied a push whose answer never reached the desk.
        QVERIFY(killsWithAnswersLost > 0);

        const CommandRun last = desk.sync();
        QVERIFY2(last.exitCode == 0, qPrintable(last.out + last.err));
        QVERIFY2(last.out.contains(u"in sync: 0 waiting to send, 0 conflicts, 0 refused changes"_s),
                 qPrintable(last.out));
        const QJsonObject status = desk.status();
        QCOMPARE(status.value(u"pending"_s).toInteger(), qint64(0));
        QCOMPARE(status.value(u"rejected"_s).toInteger(), qint64(0));
        const qint64 total = contactIds.size();
        QCOMPARE(serverContacts(contactIds), total);
        QCOMPARE(pgCount(m_pg.database(),
                         u"SELECT count(*) FROM applied_mutations WHERE entity_id::text IN ('%1')"_s.arg(
                             contactIds.join(u"', '"_s))),
                 total);
        QCOMPARE(pgCount(m_pg.database(), u"SELECT count(*) FROM contacts WHERE agent = 'kill.push'"_s), total);
        const Result<QStringList> held = desk.inCache([](QSqlDatabase &db) { return cacheIds(db, u"contact"_s); });
        QVERIFY2(held.ok(), why(held).constData());
        for (const QString &id : contactIds)
            QVERIFY2(held->count(id) == 1, qPrintable(id));
        QVERIFY(syncUntil(
            desk, [&] { return compareWithPostgres(deskCounts(desk.status()), window, m_pg.database()).isEmpty(); }));
    }

    // --- 4b. kill -9 during a first sync: it resumes at the page it lost and ends with every record once.
    void killedDuringFirstSyncResumesWhereItStopped()
    {
        const SyncTestDesk desk(m_dir.filePath(u"kill-first"_s), u"kill.first"_s);
        QCOMPARE(desk.login(m_server.baseUrl()).exitCode, 0);
        const SyncWindow window { QDateTime::currentDateTimeUtc() };
        QRandomGenerator random(4);
        qint64 lastPrinted = 0;
        qint64 held = 0;
        for (int kill = 0; kill < 5; ++kill) {
            std::unique_ptr<QProcess> sync = desk.startCli({ u"sync"_s, u"--page-size"_s, u"200"_s });
            // After 1 to 4 pages of this run, and then a moment more, so some kills land mid-page.
            const int pages = 1 + int(random.bounded(4));
            QString out;
            QVERIFY2(
                followOutput(*sync, out, [&](const QString &text) { return firstSyncProgress(text).size() >= pages; }),
                qPrintable(out + QString::fromUtf8(sync->readAllStandardError())));
            QTest::qSleep(int(random.bounded(80)));
            QVERIFY2(sync->state() == QProcess::Running, "the first sync ended before it could be killed");
            sync->kill();
            sync->waitForFinished();
            out += QString::fromUtf8(sync->readAllStandardOutput());
            const QList<qint64> progress = firstSyncProgress(out);
            // Each run goes on from where the one before was killed, never from the beginning.
            QVERIFY2(progress.first() > lastPrinted,
                     qPrintable(u"run %1 started at %2 after %3"_s.arg(kill).arg(progress.first()).arg(lastPrinted)));
            if (kill == 0)
                QCOMPARE(progress.first(), qint64(200));
            lastPrinted = progress.last();
            const QJsonObject status = desk.status();
            QCOMPARE(status.value(u"phase"_s).toString(), u"snapshot"_s);
            const qint64 rows = rowsOf(deskCounts(status));
            QVERIFY2(rows >= lastPrinted && rows > held,
                     qPrintable(u"%1 rows held, %2 printed, %3 before"_s.arg(rows).arg(lastPrinted).arg(held)));
            held = rows;
            qInfo().noquote() << u"kill %1: after %2 pages of this run; the cache holds %3 rows"_s.arg(kill)
                                     .arg(progress.size())
                                     .arg(rows);
        }

        const CommandRun last = desk.sync({ u"--page-size"_s, u"200"_s });
        QVERIFY2(last.exitCode == 0, qPrintable(last.out + last.err));
        const QList<qint64> progress = firstSyncProgress(last.out);
        QVERIFY(!progress.isEmpty());
        qInfo() << "the last run pulled" << progress.size() << "pages, up to" << progress.last() << "rows";
        QVERIFY2(progress.first() > lastPrinted, qPrintable(last.out));
        const QJsonObject status = desk.status();
        QCOMPARE(status.value(u"phase"_s).toString(), u"log"_s);
        const QString differs = compareWithPostgres(deskCounts(status), window, m_pg.database());
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        // Every customer once: the cache's ids are the server's.
        const Result<QStringList> ids = desk.inCache([](QSqlDatabase &db) { return cacheIds(db, u"customer"_s); });
        QVERIFY2(ids.ok(), why(ids).constData());
        QStringList cached;
        for (const QString &id : ids.value())
            cached.append(idText(QUuid::fromString(id)));
        cached.sort();
        QCOMPARE(cached, pgColumn(m_pg.database(), u"SELECT id::text FROM customers ORDER BY id::text"_s));
    }

    // --- 5a. The server killed mid-sync and started again on the same port: the sync finishes by itself.
    void serverRestartedMidSyncIsRiddenOut()
    {
        const SyncTestDesk desk(m_dir.filePath(u"server-restart"_s), u"restart.server"_s);
        QCOMPARE(desk.login(m_server.baseUrl()).exitCode, 0);
        const SyncWindow window { QDateTime::currentDateTimeUtc() };
        std::unique_ptr<QProcess> sync
            = desk.startCli({ u"sync"_s, u"--page-size"_s, u"200"_s, u"--retries"_s, u"20"_s });
        QString out;
        QVERIFY2(followOutput(*sync, out, [](const QString &text) { return firstSyncProgress(text).size() >= 3; }),
                 qPrintable(out));
        QVERIFY2(sync->state() == QProcess::Running, "the first sync ended before the server could be killed");
        const qint64 beforeOutage = firstSyncProgress(out).last();
        m_server.kill();
        QVERIFY(!m_server.isRunning());
        // The desk notices (and waits to retry) before the server is back.
        QVERIFY2(followOutput(
                     *sync, out, [](const QString &text) { return text.contains(u"sync failed ("_s); }, 30000),
                 qPrintable(out));
        QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
        QVERIFY2(followOutput(
                     *sync, out, [](const QString &text) { return text.contains(u"in sync: "_s); }, 180000),
                 qPrintable(out + QString::fromUtf8(sync->readAllStandardError())));
        QVERIFY(sync->waitForFinished(30000));
        QCOMPARE(sync->exitStatus(), QProcess::NormalExit);
        QCOMPARE(sync->exitCode(), 0);
        // It went on from where it was, not from the beginning.
        const QList<qint64> afterOutage = firstSyncProgress(out.mid(out.indexOf(u"sync failed ("_s)));
        QVERIFY2(!afterOutage.isEmpty() && afterOutage.first() > beforeOutage, qPrintable(out));
        const QJsonObject status = desk.status();
        QCOMPARE(status.value(u"phase"_s).toString(), u"log"_s);
        const QString differs = compareWithPostgres(deskCounts(status), window, m_pg.database());
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }
};

QTEST_GUILESS_MAIN(tst_SyncFaults)
#include "tst_SyncFaults.moc"
