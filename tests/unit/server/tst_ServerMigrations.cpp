// The server's migrations on SQLite: the schema they build, one transaction each, newer databases refused.

#include "ServerTestSupport.h"
#include "server/ServerMigrator.h"
#include "server/ServerSchema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<ServerDatabase> openSqlite(const QString &path)
{
    DatabaseLocation location;
    location.dialect = SqlDialect::Sqlite;
    location.path = path;
    Result<std::unique_ptr<ServerDatabase>> opened = ServerDatabase::open(location);
    return opened ? std::move(opened).value() : nullptr;
}

// The schema version this server builds.
const int kLatest = int(serverMigrations().size());

// The real migrations plus one more of three statements, to fail in the middle of.
QList<ServerMigration> withTestMigration()
{
    QList<ServerMigration> migrations = serverMigrations();
    ServerMigration second;
    second.version = kLatest + 1;
    second.description = u"test step"_s;
    second.sqlite = QStringList { u"CREATE TABLE extra_one (id INTEGER)"_s, u"CREATE TABLE extra_two (id INTEGER)"_s,
                                  u"CREATE INDEX extra_two_id ON extra_two(id)"_s };
    second.postgresql = second.sqlite;
    migrations.append(second);
    return migrations;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_ServerMigrations : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshPath() { return m_dir.filePath(u"db%1.sqlite"_s.arg(++m_counter)); }

private slots:
    void allMigrationsBuildTheExpectedSchema()
    {
        auto db = openSqlite(freshPath());
        QVERIFY(db);
        Result<int> version = ServerMigrator().migrate(*db);
        QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().message));
        QCOMPARE(version.value(), 3);
        QCOMPARE(ServerMigrator().latestVersion(), kLatest);
        QCOMPARE(test::schemaColumns(*db), test::expectedSchemaColumns(SqlDialect::Sqlite));
    }

    void migratingAgainChangesNothing()
    {
        auto db = openSqlite(freshPath());
        QVERIFY(ServerMigrator().migrate(*db).ok());
        Result<int> again = ServerMigrator().migrate(*db);
        QVERIFY(again.ok());
        QCOMPARE(again.value(), kLatest);
        QCOMPARE(db->scalar(u"SELECT count(*) FROM schema_version"_s).value().toInt(), kLatest);
        QVERIFY(ServerMigrator().checkCurrent(*db).ok());
    }

    void aFailureMidwayLeavesThePreviousVersion()
    {
        auto db = openSqlite(freshPath());
        QVERIFY(ServerMigrator().migrate(*db).ok());

        ServerMigrator failing(withTestMigration());
        failing.failAtStatement(2); // extra_one is created, then the second statement fails
        Result<int> failed = failing.migrate(*db);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, u"schema.migration_failed"_s);
        QVERIFY(failed.error().message.contains(u"stays at schema %1"_s.arg(kLatest)));
        QCOMPARE(ServerMigrator::currentVersion(*db).value(), kLatest);
        QCOMPARE(test::schemaColumns(*db), test::expectedSchemaColumns(SqlDialect::Sqlite));

        Result<int> retried = ServerMigrator(withTestMigration()).migrate(*db);
        QVERIFY(retried.ok());
        QCOMPARE(retried.value(), kLatest + 1);
        QVERIFY(test::schemaColumns(*db).contains(u"extra_one.id"_s));
        QVERIFY(test::schemaColumns(*db).contains(u"extra_two.id"_s));
    }

    void aFailureInTheFirstMigrationLeavesNoTables()
    {
        auto db = openSqlite(freshPath());
        ServerMigrator failing;
        failing.failAtStatement(10);
        QCOMPARE(failing.migrate(*db).error().code, u"schema.migration_failed"_s);
        QCOMPARE(ServerMigrator::currentVersion(*db).value(), 0);
        QCOMPARE(test::schemaColumns(*db),
                 (QStringList { u"schema_version.version"_s, u"schema_version.description"_s,
                                u"schema_version.applied_at"_s }));
    }

    void aNewerDatabaseIsRefusedAndLeftUntouched()
    {
        const QString path = freshPath();
        {
            auto db = openSqlite(path);
            QVERIFY(ServerMigrator().migrate(*db).ok());
            QVERIFY(db->run(u"INSERT INTO schema_version (version, description, applied_at) VALUES (7, 'future', 'x')"_s).ok());
        }
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());
        {
            auto db = openSqlite(path);
            Result<int> refused = ServerMigrator().migrate(*db);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, u"schema.too_new"_s);
            QVERIFY(refused.error().message.contains(u"schema 7"_s));
            QCOMPARE(ServerMigrator().checkCurrent(*db).error().code, u"schema.too_new"_s);
        }
        QCOMPARE(fileHash(path), before);
    }

    void anUnmigratedDatabaseIsOutOfDate()
    {
        auto db = openSqlite(freshPath());
        QCOMPARE(ServerMigrator().checkCurrent(*db).error().code, u"schema.out_of_date"_s);
    }

    void aMigrationListWithAGapIsRefused()
    {
        QList<ServerMigration> migrations = withTestMigration();
        migrations.last().version = kLatest + 2;
        auto db = openSqlite(freshPath());
        QCOMPARE(ServerMigrator(migrations).migrate(*db).error().code, u"schema.bad_migration_list"_s);
        QCOMPARE(ServerMigrator::currentVersion(*db).value(), 0);
    }

    void dialectsGetTheirOwnTypes()
    {
        const ServerMigration first = serverMigrations().constFirst();
        QCOMPARE(first.postgresql.size(), first.sqlite.size());
        const QString postgresCustomers = first.postgresql.filter(u"CREATE TABLE customers"_s).constFirst();
        const QString sqliteCustomers = first.sqlite.filter(u"CREATE TABLE customers"_s).constFirst();
        QVERIFY(postgresCustomers.contains(u" id uuid PRIMARY KEY"_s));
        QVERIFY(postgresCustomers.contains(u" created_at timestamptz NOT NULL"_s));
        QVERIFY(sqliteCustomers.contains(u" id TEXT PRIMARY KEY"_s));
        QVERIFY(sqliteCustomers.contains(u" created_at TEXT NOT NULL"_s));
        for (const QString &statement : first.postgresql + first.sqlite)
            QVERIFY2(!statement.contains(QRegularExpression(u"%[A-Z_]+%"_s)), qPrintable(statement)); // all type words replaced
    }
};

QTEST_GUILESS_MAIN(tst_ServerMigrations)
#include "tst_ServerMigrations.moc"
