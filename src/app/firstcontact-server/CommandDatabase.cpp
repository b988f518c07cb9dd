// Opening and migrating the database for a command, and reporting failures the same way everywhere.

#include "CommandDatabase.h"

#include "server/DatabaseLocation.h"
#include "server/ServerMigrator.h"

namespace fc::server::cli {

Result<std::unique_ptr<ServerDatabase>> openCommandDatabase(CommandContext &context)
{
    Result<DatabaseLocation> location = context.databaseUrl.isEmpty() ? Result<DatabaseLocation>(DatabaseLocation::defaultSqlite())
                                                                      : DatabaseLocation::parse(context.databaseUrl);
    if (!location)
        return location.error();
    Result<std::unique_ptr<ServerDatabase>> database = ServerDatabase::open(location.value());
    if (!database)
        return database.error();
    const ServerMigrator migrator;
    Result<int> before = ServerMigrator::currentVersion(*database.value());
    if (!before)
        return before.error();
    Result<int> after = migrator.migrate(*database.value());
    if (!after)
        return after.error();
    if (after.value() != before.value())
        context.err << "firstcontact-server: migrated " << location.value().displayName() << " from schema "
                    << before.value() << " to " << after.value() << Qt::endl;
    return std::move(database).value();
}

int reportFailure(CommandContext &context, const QString &command, const Error &error)
{
    context.err << "firstcontact-server " << command << ": " << error.message << Qt::endl;
    return 1;
}

} // namespace fc::server::cli
