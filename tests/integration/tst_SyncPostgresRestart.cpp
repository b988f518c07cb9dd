// PostgreSQL restarted (pg_ctl restart -m fast) while a desk's first sync runs: the server reconnects,
// the desk retries, and the sync ends with every record. It restarts the test cluster itself
// (FC_TEST_PG_CTL and FC_TEST_PG_DATADIR from scripts/test), so ctest runs it alone (RUN_SERIAL).

#include "SyncTestDesk.h"
#include "support/PgTestDatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::synctest;
using namespace Qt::StringLiterals;

class tst_SyncPostgresRestart : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fc::test::PgTestDatabase m_pg;
    SyncServer m_server;

    // `pg_ctl restart` as scripts/test provides it: FC_TEST_PG_CTL is the command, with "runuser -u
    // postgres --" in front when the suite runs as root; the log goes beside the data.
    CommandRun restartPostgres()
    {
        QStringList command = qEnvironmentVariable("FC_TEST_PG_CTL").split(u' ', Qt::SkipEmptyParts);
        const QString dataDirectory = qEnvironmentVariable("FC_TEST_PG_DATADIR");
        const QString program = command.takeFirst();
        command << u"restart"_s << u"-D"_s << dataDirectory << u"-m"_s << u"fast"_s << u"-w"_s << u"-t"_s << u"60"_s
                << u"-l"_s << dataDirectory + u"/restarted-by-tst_SyncPostgresRestart.log"_s;
        return runProgram(program, command, QByteArray(), 120000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!qEnvironmentVariable("FC_TEST_PG_CTL").trimmed().isEmpty()
                     && !qEnvironmentVariable("FC_TEST_PG_DATADIR").isEmpty(),
                 "FC_TEST_PG_CTL and FC_TEST_PG_DATADIR are not set: run the suite with scripts/test.");
        const Status created = m_pg.create();
        QVERIFY2(created.ok(), why(created).constData());
        const CommandRun seeded
            = runServerCommand(m_pg.url(), { u"seed-demo"_s, u"--customers"_s, u"3000"_s, u"--seed"_s, u"29"_s });
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        QCOMPARE(addUser(m_pg.url(), u"restart.postgres"_s).exitCode, 0);
        QVERIFY2(m_server.start(m_pg.url()), qPrintable(m_server.error()));
    }

    void cleanupTestCase() { m_server.stop(); }

    void postgresRestartedMidSyncIsRiddenOut()
    {
        const SyncTestDesk desk(m_dir.filePath(u"postgres-restart"_s), u"restart.postgres"_s);
        QCOMPARE(desk.login(m_server.baseUrl()).exitCode, 0);
        const SyncWindow window { QDateTime::currentDateTimeUtc() };
        std::unique_ptr<QProcess> sync
            = desk.startCli({ u"sync"_s, u"--page-size"_s, u"200"_s, u"--retries"_s, u"20"_s });
        QString out;
        QVERIFY2(followOutput(*sync, out, [](const QString &text) { return firstSyncProgress(text).size() >= 3; }),
                 qPrintable(out));
        QVERIFY2(sync->state() == QProcess::Running, "the first sync ended before PostgreSQL could be restarted");

        const CommandRun restarted = restartPostgres();
        QVERIFY2(restarted.exitCode == 0, qPrintable(restarted.out + restarted.err));
        QVERIFY2(followOutput(
                     *sync, out, [](const QString &text) { return text.contains(u"in sync: "_s); }, 180000),
                 qPrintable(out + QString::fromUtf8(sync->readAllStandardError())));
        QVERIFY(sync->waitForFinished(30000));
        QCOMPARE(sync->exitStatus(), QProcess::NormalExit);
        QCOMPARE(sync->exitCode(), 0);
        // The restart cut the server's connection: at least one request failed and was retried.
        QVERIFY2(out.contains(u"sync failed ("_s), qPrintable(out));

        // This test's own connection went with the restart too.
        QSqlDatabase db = m_pg.database();
        db.close();
        QVERIFY(db.open());
        const QJsonObject status = desk.status();
        QCOMPARE(status.value(u"phase"_s).toString(), u"log"_s);
        QCOMPARE(status.value(u"pending"_s).toInteger(), qint64(0));
        const QString differs = compareWithPostgres(deskCounts(status), window, db);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        // And the server works on as before.
        QCOMPARE(desk.sync().exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncPostgresRestart)
#include "tst_SyncPostgresRestart.moc"
