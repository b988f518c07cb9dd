#pragma once

// Helpers the server's unit and integration tests share: schema listings, a migrated SQLite database,
// accounts with cheap password hashes.

#include "server/PasswordHasher.h"
#include "server/ServerDatabase.h"
#include "server/ServerMigrator.h"
#include "server/UserStore.h"

#include <QFile>
#include <QSqlQuery>
#include <QStringList>

#include <memory>

namespace fc::server::test {

/// "table.column" for every column of every table, tables by name, columns in their order.
inline QStringList schemaColumns(const ServerDatabase &database)
{
    QStringList columns;
    QSqlQuery query(database.database());
    if (database.dialect() == SqlDialect::PostgreSql) {
        query.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns"
                                  " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"));
        while (query.next())
            columns.append(query.value(0).toString() + u'.' + query.value(1).toString());
        return columns;
    }
    QStringList tables;
    query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                              " ORDER BY name"));
    while (query.next())
        tables.append(query.value(0).toString());
    for (const QString &table : tables) {
        QSqlQuery info(database.database());
        info.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table));
        while (info.next())
            columns.append(table + u'.' + info.value(0).toString());
    }
    return columns;
}

/// The expected listing (tests/unit/server/expected-server-schema.txt) for one dialect.
inline QStringList expectedSchemaColumns(SqlDialect dialect)
{
    QFile file(qEnvironmentVariable("FC_SOURCE_DIR") + QStringLiteral("/tests/unit/server/expected-server-schema.txt"));
    QStringList columns;
    if (!file.open(QIODevice::ReadOnly))
        return columns;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
        if (parts.size() == 1 || parts.at(1) == dialectKey(dialect))
            columns.append(parts.first());
    }
    return columns;
}

/// A migrated SQLite server database at `path`; null (with a warning) when that fails.
inline std::unique_ptr<ServerDatabase> openMigratedSqlite(const QString &path)
{
    DatabaseLocation location;
    location.dialect = SqlDialect::Sqlite;
    location.path = path;
    Result<std::unique_ptr<ServerDatabase>> opened = ServerDatabase::open(location);
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return nullptr;
    }
    Result<int> migrated = ServerMigrator().migrate(*opened.value());
    if (!migrated) {
        qWarning("%s", qPrintable(migrated.error().message));
        return nullptr;
    }
    return std::move(opened).value();
}

/// Adds an account whose password hash uses libsodium's minimum cost, so tests log in quickly.
inline Status addTestUser(ServerDatabase &database, const QString &name, Role role, const QString &team,
                          const QString &password, bool disabled = false)
{
    Result<QString> hash = PasswordHasher(PasswordCost::minimum()).hash(password);
    if (!hash)
        return hash.error();
    UserRecord user;
    user.name = name;
    user.role = role;
    user.team = team;
    user.passwordHash = hash.value();
    user.disabled = disabled;
    return UserStore(database).add(user);
}

} // namespace fc::server::test
