// The server's migrations on a fresh PostgreSQL database: the expected schema with real types, one
// transaction per migration, newer databases refused untouched, and two servers migrating at once.

#include "ServerProcess.h"
#include "support/PgTestDatabase.h"
#include "unit/server/ServerTestSupport.h"
#include "server/ServerMigrator.h"
#include "server/ServerSchema.h"

#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;
namespace st = fc::server::test;

namespace {

QList<ServerMigration> withTestMigration()
{
    QList<ServerMigration> migrations = serverMigrations();
    ServerMigration second;
    second.version = int(serverMigrations().size()) + 1; // one after the shipped ones
    second.description = u"test step"_s;
    second.postgresql = QStringList { u"CREATE TABLE extra_one (id integer)"_s, u"CREATE TABLE extra_two (id integer)"_s,
                                      u"CREATE INDEX extra_two_id ON extra_two(id)"_s };
    second.sqlite = second.postgresql;
    migrations.append(second);
    return migrations;
}

QString columnType(const ServerDatabase &db, const QString &table, const QString &column)
{
    return db.scalar(u"SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                     " AND table_name = ? AND column_name = ?"_s,
                     { table, column })
        .valueOr(QVariant())
        .toString();
}

} // namespace

class tst_ServerMigrationsInPostgres : public QObject {
    Q_OBJECT

private:
    struct Fresh {
        fc::test::PgTestDatabase pg;
        std::unique_ptr<ServerDatabase> db;
    };

    static std::unique_ptr<Fresh> freshDatabase()
    {
        auto fresh = std::make_unique<Fresh>();
        const Status created = fresh->pg.create();
        if (!created) {
            qWarning("%s", qPrintable(created.error().message));
            return nullptr;
        }
        Result<DatabaseLocation> location = DatabaseLocation::parse(fresh->pg.url());
        if (!location)
            return nullptr;
        Result<std::unique_ptr<ServerDatabase>> opened = ServerDatabase::open(location.value());
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().message));
            return nullptr;
        }
        fresh->db = std::move(opened).value();
        return fresh;
    }

private slots:
    void allMigrationsBuildTheExpectedSchema()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh);
        Result<int> version = ServerMigrator().migrate(*fresh->db);
        QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().message));
        QCOMPARE(version.value(), ServerMigrator().latestVersion());
        QCOMPARE(st::schemaColumns(*fresh->db), st::expectedSchemaColumns(SqlDialect::PostgreSql));
        QCOMPARE(columnType(*fresh->db, u"customers"_s, u"id"_s), u"uuid"_s);
        QCOMPARE(columnType(*fresh->db, u"customers"_s, u"created_at"_s), u"timestamp with time zone"_s);
        QCOMPARE(columnType(*fresh->db, u"customers"_s, u"date_of_birth"_s), u"date"_s);
        QCOMPARE(columnType(*fresh->db, u"users"_s, u"disabled"_s), u"boolean"_s);
        QCOMPARE(columnType(*fresh->db, u"change_log"_s, u"position"_s), u"bigint"_s);
        QCOMPARE(columnType(*fresh->db, u"change_log"_s, u"writer_xid"_s), u"xid8"_s);
    }

    void theChangeLogRecordsTheWritingTransaction()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh);
        QVERIFY(ServerMigrator().migrate(*fresh->db).ok());
        QVERIFY(fresh->db->begin().ok());
        const qint64 xid = fresh->db->scalar(u"SELECT pg_current_xact_id()::text::bigint"_s).value().toLongLong();
        QVERIFY(fresh->db->run(u"INSERT INTO change_log (entity, entity_id, operation, revision, payload)"
                               " VALUES ('customer', gen_random_uuid(), 'insert', 1, '{}')"_s).ok());
        QVERIFY(fresh->db->commit().ok());
        QCOMPARE(fresh->db->scalar(u"SELECT writer_xid::text::bigint FROM change_log"_s).value().toLongLong(), xid);
    }

    void aFailureMidwayLeavesThePreviousVersion()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh);
        QVERIFY(ServerMigrator().migrate(*fresh->db).ok());
        ServerMigrator failing(withTestMigration());
        failing.failAtStatement(2);
        Result<int> failed = failing.migrate(*fresh->db);
        QCOMPARE(failed.error().code, u"schema.migration_failed"_s);
        QCOMPARE(ServerMigrator::currentVersion(*fresh->db).value(), ServerMigrator().latestVersion());
        QCOMPARE(st::schemaColumns(*fresh->db), st::expectedSchemaColumns(SqlDialect::PostgreSql));
        QCOMPARE(ServerMigrator(withTestMigration()).migrate(*fresh->db).value(), ServerMigrator().latestVersion() + 1);
        QVERIFY(st::schemaColumns(*fresh->db).contains(u"extra_one.id"_s));
    }

    void aFailureInTheFirstMigrationLeavesNoTables()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh);
        ServerMigrator failing;
        failing.failAtStatement(20);
        QCOMPARE(failing.migrate(*fresh->db).error().code, u"schema.migration_failed"_s);
        QCOMPARE(ServerMigrator::currentVersion(*fresh->db).value(), 0);
        QCOMPARE(st::schemaColumns(*fresh->db),
                 (QStringList { u"schema_version.version"_s, u"schema_version.description"_s,
                                u"schema_version.applied_at"_s }));
    }

    void aNewerDatabaseIsRefusedAndLeftUntouched()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh);
        QVERIFY(ServerMigrator().migrate(*fresh->db).ok());
        QVERIFY(fresh->db->run(u"INSERT INTO schema_version (version, description, applied_at) VALUES (5, 'future', now())"_s).ok());
        const QStringList before = st::schemaColumns(*fresh->db);
        const st::CommandRun refused = runServerCommandForTest(fresh->pg.url());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"newer firstcontact-server (schema 5"_s), qPrintable(refused.err));
        QCOMPARE(ServerMigrator().migrate(*fresh->db).error().code, u"schema.too_new"_s);
        QCOMPARE(st::schemaColumns(*fresh->db), before);
        QCOMPARE(fresh->db->scalar(u"SELECT count(*) FROM schema_version"_s).value().toInt(), ServerMigrator().latestVersion() + 1); // and the future one
    }

    void twoServersMigratingAtOnceApplyEachStepOnce()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh);
        QProcess first;
        QProcess second;
        for (QProcess *process : { &first, &second })
            process->start(st::serverProgram(), { u"--db"_s, fresh->pg.url(), u"migrate"_s });
        for (QProcess *process : { &first, &second }) {
            QVERIFY(process->waitForFinished(60000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        }
        QCOMPARE(fresh->db->scalar(u"SELECT count(*) FROM schema_version"_s).value().toInt(), ServerMigrator().latestVersion());
        QCOMPARE(st::schemaColumns(*fresh->db), st::expectedSchemaColumns(SqlDialect::PostgreSql));
    }

private:
    static st::CommandRun runServerCommandForTest(const QString &url)
    {
        return st::runServerCommand(url, { u"migrate"_s });
    }
};

QTEST_GUILESS_MAIN(tst_ServerMigrationsInPostgres)
#include "tst_ServerMigrationsInPostgres.moc"
