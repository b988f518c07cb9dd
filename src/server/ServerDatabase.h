#pragma once

// The server's one connection to its database, PostgreSQL or SQLite, and the small SQL helpers every
// store uses so that a failed statement is an fc::Error with a message, never a silent false.

#include "core/Result.h"
#include "server/DatabaseLocation.h"
#include "server/SqlDialect.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QUuid>
#include <QVariantList>

#include <memory>

namespace fc::server {

/// An open QPSQL or QSQLITE connection that knows its dialect. Stores take it by reference; one per
/// thread (Qt SQL connections must stay on the thread that opened them).
class ServerDatabase {
public:
    /// Opens the database (creating the SQLite file and its directory when missing). Does not migrate.
    /// Errors: db.driver_missing, db.open_failed.
    static Result<std::unique_ptr<ServerDatabase>> open(const DatabaseLocation &location,
                                                        const QString &connectionName = QString());
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    SqlDialect dialect() const { return m_location.dialect; }
    const DatabaseLocation &location() const { return m_location; }
    QSqlDatabase database() const;

    /// Prepares and runs one statement with positional (`?`) values. Errors: db.query_failed, with the
    /// statement's first words and the driver's message (for logs; routes never show it to clients).
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values = {}) const;
    /// Runs a statement and returns the first column of its first row (an invalid QVariant for no row).
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;

    /// Errors: db.transaction_failed.
    Status begin();
    Status commit();
    void rollback();

    /// True when a trivial query succeeds. After a failure, reconnect() opens the connection again, so a
    /// restarted PostgreSQL costs the requests in flight, not the server process.
    bool ping() const;
    Status reconnect();

    /// Server-side cap on each statement's run time for what follows (PostgreSQL's statement_timeout;
    /// SQLite statements are local and short, so there it does nothing). 0 turns the cap off.
    Status setStatementTimeout(int milliseconds);

    /// Times are stored in UTC: timestamptz on PostgreSQL, ISO 8601 text with milliseconds and a Z on
    /// SQLite (so they sort as text). This is the value to bind for either.
    static QVariant timestampValue(const QDateTime &time);
    /// A null-safe UUID value without braces (uuid on PostgreSQL, text on SQLite).
    static QVariant uuidValue(const QUuid &id);
    /// Reads a timestamp column written by timestampValue() on either back end, in UTC.
    static QDateTime readTimestamp(const QVariant &value);
    static QUuid readUuid(const QVariant &value);

private:
    ServerDatabase(DatabaseLocation location, QString connectionName);
    Status openConnection();

    DatabaseLocation m_location;
    QString m_connectionName;
    int m_statementTimeout = -1;
};

} // namespace fc::server
