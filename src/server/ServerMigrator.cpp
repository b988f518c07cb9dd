#include "server/ServerMigrator.h"

#include "server/ServerSchema.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

// Any fixed number works: it only has to be the same in every server process on the database.
constexpr qint64 kMigrationLockKey = 0x4643'5345'5256; // "FCSERV"

Result<bool> hasVersionTable(const ServerDatabase &database)
{
    const QString sql = database.dialect() == SqlDialect::PostgreSql
        ? u"SELECT to_regclass('schema_version') IS NOT NULL"_s
        : u"SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"_s;
    Result<QVariant> found = database.scalar(sql);
    if (!found)
        return found.error();
    return found.value().toBool();
}

} // namespace

ServerMigrator::ServerMigrator(QList<ServerMigration> migrations) : m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const ServerMigration &a, const ServerMigration &b) { return a.version < b.version; });
}

ServerMigrator::ServerMigrator() : ServerMigrator(serverMigrations()) { }

int ServerMigrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

Status ServerMigrator::validate() const
{
    for (qsizetype i = 0; i < m_migrations.size(); ++i) {
        const ServerMigration &migration = m_migrations.at(i);
        if (migration.version != i + 1 || migration.postgresql.isEmpty() || migration.sqlite.isEmpty())
            return makeError(u"schema.bad_migration_list"_s,
                             QCoreApplication::translate("fc::server::ServerMigrator",
                                                         "Server migration %1 is out of sequence or has no "
                                                         "statements for one of the databases.")
                                 .arg(migration.version));
    }
    return {};
}

Result<int> ServerMigrator::currentVersion(const ServerDatabase &database)
{
    Result<bool> exists = hasVersionTable(database);
    if (!exists)
        return exists.error();
    if (!exists.value())
        return 0;
    Result<QVariant> version = database.scalar(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
    if (!version)
        return version.error();
    return version.value().toInt();
}

Error ServerMigrator::tooNew(int found) const
{
    return makeError(u"schema.too_new"_s,
                     QCoreApplication::translate("fc::server::ServerMigrator",
                                                 "This database was written by a newer firstcontact-server "
                                                 "(schema %1; this program knows up to %2). Run the newer "
                                                 "server; nothing has been changed.")
                         .arg(found)
                         .arg(latestVersion()));
}

Status ServerMigrator::checkCurrent(const ServerDatabase &database) const
{
    Result<int> version = currentVersion(database);
    if (!version)
        return version.error();
    if (version.value() > latestVersion())
        return tooNew(version.value());
    if (version.value() < latestVersion())
        return makeError(u"schema.out_of_date"_s,
                         QCoreApplication::translate("fc::server::ServerMigrator",
                                                     "The database is at schema %1 and this server needs %2: "
                                                     "run 'firstcontact-server migrate' first.")
                             .arg(version.value())
                             .arg(latestVersion()));
    return {};
}

Result<int> ServerMigrator::migrate(ServerDatabase &database) const
{
    if (Status valid = validate(); !valid)
        return valid.error();
    // Read before writing anything: a newer database must stay byte-for-byte as it was.
    Result<int> before = currentVersion(database);
    if (!before)
        return before.error();
    if (before.value() > latestVersion())
        return tooNew(before.value());
    if (before.value() == latestVersion())
        return before.value();

    const bool postgres = database.dialect() == SqlDialect::PostgreSql;
    const QString lock = u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kMigrationLockKey);
    if (!postgres) {
        // WAL lets the server read while a seed or migrate writes. It cannot change inside a
        // transaction, and only now do we know the file is ours to change.
        if (Result<QSqlQuery> wal = database.run(u"PRAGMA journal_mode = WAL"_s); !wal)
            return wal.error();
    }

    // The version table itself, under the same lock, so two servers starting together do not race.
    if (Status begun = database.begin(); !begun)
        return begun.error();
    const QString createVersionTable = postgres
        ? u"CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL,"
          " applied_at timestamptz NOT NULL)"_s
        : u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
          " applied_at TEXT NOT NULL)"_s;
    for (const QString &statement : postgres ? QStringList { lock, createVersionTable } : QStringList { createVersionTable }) {
        if (Result<QSqlQuery> done = database.run(statement); !done) {
            database.rollback();
            return done.error();
        }
    }
    if (Status committed = database.commit(); !committed)
        return committed.error();

    int statementCounter = 0;
    int version = before.value();
    for (const ServerMigration &migration : m_migrations) {
        if (migration.version <= version)
            continue;
        if (Status begun = database.begin(); !begun)
            return begun.error();
        const auto fail = [&](const QString &why) -> Result<int> {
            database.rollback();
            return makeError(u"schema.migration_failed"_s,
                             QCoreApplication::translate("fc::server::ServerMigrator",
                                                         "Server migration %1 (%2) failed and was rolled back; the "
                                                         "database stays at schema %3: %4")
                                 .arg(migration.version)
                                 .arg(migration.description)
                                 .arg(version)
                                 .arg(why));
        };
        if (postgres) {
            if (Result<QSqlQuery> locked = database.run(lock); !locked)
                return fail(locked.error().message);
        }
        // Another server may have applied this step while we waited for the lock.
        Result<int> now = currentVersion(database);
        if (!now)
            return fail(now.error().message);
        if (now.value() >= migration.version) {
            database.rollback();
            version = now.value();
            continue;
        }
        for (const QString &statement : postgres ? migration.postgresql : migration.sqlite) {
            ++statementCounter;
            if (m_failAtStatement > 0 && statementCounter == m_failAtStatement)
                return fail(u"injected failure at statement %1"_s.arg(statementCounter));
            if (Result<QSqlQuery> done = database.run(statement); !done)
                return fail(done.error().message);
        }
        Result<QSqlQuery> recorded = database.run(
            u"INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"_s,
            { migration.version, migration.description,
              ServerDatabase::timestampValue(QDateTime::currentDateTimeUtc()) });
        if (!recorded)
            return fail(recorded.error().message);
        if (Status committed = database.commit(); !committed)
            return fail(committed.error().message);
        version = migration.version;
    }
    return version;
}

} // namespace fc::server
