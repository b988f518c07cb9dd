#pragma once

// Brings a server database to the schema this program knows, one migration per transaction.

#include "core/Result.h"
#include "server/ServerDatabase.h"
#include "server/ServerMigration.h"

#include <QList>

namespace fc::server {

/// Applies the numbered server migrations a database lacks, each in its own transaction together with
/// its row in `schema_version`, so a failure leaves the database at the previous version. Several
/// servers may start at once on one PostgreSQL database: each migration takes an advisory lock and
/// re-reads the version under it, so every step runs exactly once.
class ServerMigrator {
public:
    explicit ServerMigrator(QList<ServerMigration> migrations);
    ServerMigrator(); // the program's own list, serverMigrations()

    int latestVersion() const;
    /// 0 for a database with no `schema_version` table. Errors: db.query_failed.
    static Result<int> currentVersion(const ServerDatabase &database);

    /// Returns the version reached. Errors: schema.too_new (the database was written by a newer
    /// program; nothing is touched), schema.migration_failed (that migration was rolled back),
    /// schema.bad_migration_list.
    Result<int> migrate(ServerDatabase &database) const;

    /// Errors: schema.too_new, schema.out_of_date (run `firstcontact-server migrate`).
    Status checkCurrent(const ServerDatabase &database) const;

    /// Failure injection for tests: the Nth statement migrate() executes (1-based, counted across the
    /// migrations of one call) fails as if the database had refused it; 0 turns this off.
    void failAtStatement(int n) { m_failAtStatement = n; }

private:
    Status validate() const;
    Error tooNew(int found) const;

    QList<ServerMigration> m_migrations;
    int m_failAtStatement = 0;
};

} // namespace fc::server
