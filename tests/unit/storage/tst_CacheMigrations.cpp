// The cache schema is built by numbered migrations, each atomic, on a real encrypted file.

#include "storage/CacheSchema.h"
#include "storage/CipherDatabase.h"
#include "storage/Migration.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;

namespace {

const QByteArray kKey = QByteArray(32, '\x5a');

QString schemaDump(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master "
                              "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    QString dump;
    while (query.next()) {
        dump += QStringLiteral("-- %1 %2\n%3;\n")
                    .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString());
    }
    return dump;
}

int tableCount(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    return query.next() ? query.value(0).toInt() : -1;
}

bool tableExists(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"));
    query.addBindValue(name);
    return query.exec() && query.next() && query.value(0).toInt() == 1;
}

// The shipped schema's version; test migrations come after it.
const int kShipped = int(cacheMigrations().size());

Migration testMigration2()
{
    return Migration{kShipped + 1,
                     QStringLiteral("test: three statements"),
                     {QStringLiteral("CREATE TABLE added_by_two (x INTEGER)"),
                      QStringLiteral("INSERT INTO added_by_two VALUES (42)"),
                      QStringLiteral("CREATE INDEX added_by_two_x ON added_by_two(x)")}};
}

} // namespace

class tst_CacheMigrations : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QSqlDatabase openFresh()
    {
        const QString name = QStringLiteral("migrations_%1").arg(++m_counter);
        auto db = openCipherDatabase(m_dir.filePath(name + QStringLiteral(".db")), kKey, name);
        if (!db)
            qWarning() << db.error().code << db.error().message;
        return db ? *db : QSqlDatabase();
    }

private slots:
    void migratesAnEmptyCacheToTheLatestVersion()
    {
        QSqlDatabase db = openFresh();
        QVERIFY(db.isOpen());
        const MigrationRunner runner(cacheMigrations());
        QVERIFY(runner.validate().ok());
        auto reached = runner.migrate(db);
        QVERIFY2(reached.ok(), qPrintable(reached.ok() ? QString() : reached.error().message));
        QCOMPARE(*reached, runner.latestVersion());
        QCOMPARE(*MigrationRunner::currentVersion(db), runner.latestVersion());
    }

    void migratedSchemaMatchesTheExpectedSchema()
    {
        QSqlDatabase db = openFresh();
        QVERIFY(MigrationRunner(cacheMigrations()).migrate(db).ok());
        const QString actual = schemaDump(db);

        const QString expectedPath = qEnvironmentVariable("FC_SOURCE_DIR")
            + QStringLiteral("/tests/unit/storage/expected-cache-schema.sql");
        if (qEnvironmentVariableIsSet("FC_UPDATE_EXPECTED_SCHEMA")) {
            QFile out(expectedPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(actual.toUtf8());
        }
        QFile expected(expectedPath);
        QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(expectedPath));
        // A difference means a shipped migration changed (never allowed) or a new one was added without
        // updating the expected schema (rerun with FC_UPDATE_EXPECTED_SCHEMA=1 and review the diff).
        QCOMPARE(actual, QString::fromUtf8(expected.readAll()));
    }

    void migratingTwiceChangesNothing()
    {
        QSqlDatabase db = openFresh();
        const MigrationRunner runner(cacheMigrations());
        QVERIFY(runner.migrate(db).ok());
        const QString before = schemaDump(db);
        auto again = runner.migrate(db);
        QVERIFY(again.ok());
        QCOMPARE(*again, runner.latestVersion());
        QCOMPARE(schemaDump(db), before);
    }

    void refusesACacheWrittenByANewerProgramAndTouchesNothing()
    {
        QSqlDatabase db = openFresh();
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 99")));
        auto result = MigrationRunner(cacheMigrations()).migrate(db);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("schema.too_new"));
        QVERIFY(result.error().message.contains(QStringLiteral("newer version")));
        QCOMPARE(*MigrationRunner::currentVersion(db), 99);
        QCOMPARE(tableCount(db), 0);
    }

    void failureAtAnyStatementOfTheFirstMigrationLeavesAnEmptyCache_data()
    {
        QTest::addColumn<int>("failAt");
        const int statements = int(cacheMigrations().first().statements.size());
        for (int n = 1; n <= statements; ++n)
            QTest::addRow("statement %d", n) << n;
    }

    void failureAtAnyStatementOfTheFirstMigrationLeavesAnEmptyCache()
    {
        QFETCH(int, failAt);
        QSqlDatabase db = openFresh();
        MigrationRunner runner(cacheMigrations());
        runner.failAtStatement(failAt);
        auto result = runner.migrate(db);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("schema.migration_failed"));
        QCOMPARE(*MigrationRunner::currentVersion(db), 0);
        QCOMPARE(tableCount(db), 0);

        runner.failAtStatement(0);
        QVERIFY(runner.migrate(db).ok());
        QCOMPARE(*MigrationRunner::currentVersion(db), runner.latestVersion());
    }

    void failedLaterMigrationKeepsThePreviousVersionIntact()
    {
        QSqlDatabase db = openFresh();
        QList<Migration> migrations = cacheMigrations();
        QVERIFY(MigrationRunner(migrations).migrate(db).ok());
        QSqlQuery insert(db);
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('cursor', '17')")));

        migrations.append(testMigration2());
        MigrationRunner runner(migrations);
        runner.failAtStatement(3); // after the table and the row of migration 2 were written
        auto result = runner.migrate(db);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("version %1").arg(kShipped)));
        QCOMPARE(*MigrationRunner::currentVersion(db), kShipped);
        QVERIFY(!tableExists(db, QStringLiteral("added_by_two")));
        QSqlQuery cursor(db);
        QVERIFY(cursor.exec(QStringLiteral("SELECT value FROM sync_state WHERE key = 'cursor'")) && cursor.next());
        QCOMPARE(cursor.value(0).toString(), QStringLiteral("17"));

        runner.failAtStatement(0);
        auto retried = runner.migrate(db);
        QVERIFY(retried.ok());
        QCOMPARE(*retried, kShipped + 1);
        QVERIFY(tableExists(db, QStringLiteral("added_by_two")));
    }

    void aSqlErrorInAMigrationIsReportedWithTheMigrationAndRolledBack()
    {
        QSqlDatabase db = openFresh();
        QList<Migration> migrations = cacheMigrations();
        migrations.append(Migration{kShipped + 1, QStringLiteral("broken"),
                                    {QStringLiteral("CREATE TABLE half_done (x)"),
                                     QStringLiteral("CREATE TABLE customer (duplicate)")}});
        auto result = MigrationRunner(migrations).migrate(db);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("Migration %1 (broken)").arg(kShipped + 1)));
        QCOMPARE(*MigrationRunner::currentVersion(db), kShipped); // the shipped ones committed on their own
        QVERIFY(!tableExists(db, QStringLiteral("half_done")));
    }

    void rejectsAMigrationListWithGaps()
    {
        QList<Migration> migrations = cacheMigrations();
        Migration skipped = testMigration2();
        skipped.version = kShipped + 2;
        migrations.append(skipped);
        const MigrationRunner runner(migrations);
        QCOMPARE(runner.validate().error().code, QStringLiteral("schema.bad_migration_list"));
        QSqlDatabase db = openFresh();
        QVERIFY(!runner.migrate(db).ok());
        QCOMPARE(tableCount(db), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CacheMigrations)
#include "tst_CacheMigrations.moc"
