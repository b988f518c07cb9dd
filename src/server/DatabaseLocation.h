#pragma once

// Where the server's database is: parsed from --db, or the embedded SQLite default.

#include "core/Result.h"
#include "server/SqlDialect.h"

#include <QString>

namespace fc::server {

/// A PostgreSQL server and database, or a SQLite file, as named by `--db`.
///
/// Accepted forms: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?OPTION=VALUE&...]` (also `postgres://`)
/// and `sqlite:PATH`. With no password in the URL, libpq's own PGPASSWORD and ~/.pgpass apply, which keeps
/// passwords out of `ps`. Options passed on to libpq: sslmode, sslrootcert, sslcert, sslkey,
/// connect_timeout, application_name.
struct DatabaseLocation {
    SqlDialect dialect = SqlDialect::Sqlite;
    // PostgreSQL
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString connectOptions; // "sslmode=require;connect_timeout=10", as QSqlDatabase::setConnectOptions wants
    // SQLite
    QString path;

    /// Errors: db.bad_url (with what is wrong and the accepted forms).
    static Result<DatabaseLocation> parse(const QString &text);
    /// server.sqlite in the user's data directory (QStandardPaths::AppDataLocation).
    static DatabaseLocation defaultSqlite();

    /// The location as a person reads it, never with the password: "postgresql://fc@db1:5432/council".
    QString displayName() const;
};

} // namespace fc::server
