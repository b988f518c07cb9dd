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
#include <unordered_map>

namespace fc::server {

class ServerDatabase;

/// A statement from a connection's prepared-statement cache, run with the values of this call
/// (ServerDatabase::runCached). Read its rows while the handle lives; when it goes, the rows are let go
/// and the statement stays prepared for the next call with the same SQL. Move-only, like QSqlQuery.
class CachedQuery {
public:
    CachedQuery(CachedQuery &&other) noexcept;
    CachedQuery &operator=(CachedQuery &&other) noexcept;
    CachedQuery(const CachedQuery &) = delete;
    CachedQuery &operator=(const CachedQuery &) = delete;
    ~CachedQuery();

    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    QSqlQuery &query() { return *m_query; }
    const QSqlQuery &query() const { return *m_query; }

private:
    friend class ServerDatabase;
    struct Slot {
        std::unique_ptr<QSqlQuery> query;
        bool inUse = false;
    };
    /// A cached slot (given back on destruction), or a one-off query the handle owns.
    explicit CachedQuery(std::shared_ptr<Slot> slot);
    void release();

    std::shared_ptr<Slot> m_slot;
    QSqlQuery *m_query = nullptr;
};

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

    /// As run(), but the statement is prepared once per connection and kept, keyed by its SQL text, so
    /// a repeat costs one round trip instead of three (QPSQL's PREPARE, EXECUTE and DEALLOCATE). For the
    /// statements of the hot paths (push, authentication); SQL built with values in it does not belong
    /// here. The cache is emptied on reconnect(). A statement whose handle is still alive is prepared
    /// afresh for a nested call. Errors: db.query_failed.
    Result<CachedQuery> runCached(const QString &sql, const QVariantList &values = {});
    Result<QVariant> scalarCached(const QString &sql, const QVariantList &values = {});
    /// How many statements that are not queries (inserts, updates, deletes...) runCached() has run on
    /// this connection: a caller compares two readings to learn whether it wrote anything in between.
    qint64 changesRun() const { return m_changesRun; }
    /// How many statements are prepared and kept now (for tests).
    int cachedStatementCount() const { return int(m_statements.size()); }

    /// Savepoints within the current transaction, one name at a time (a name set again hides the
    /// older one until it is rolled back or released). Errors: db.query_failed.
    Status savepoint(const QString &name);
    Status rollbackToSavepoint(const QString &name);

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
    void clearStatementCache();
    Error queryFailed(const QString &sql, const QSqlQuery &query) const;

    DatabaseLocation m_location;
    QString m_connectionName;
    int m_statementTimeout = -1;
    qint64 m_changesRun = 0;
    std::unordered_map<QString, std::shared_ptr<CachedQuery::Slot>> m_statements;
};

} // namespace fc::server
