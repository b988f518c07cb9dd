#pragma once

// One SQLite statement on a cache connection, bound and run without QSqlQuery, for the few statements
// a first sync runs millions of times. QSqlQuery's binding (a QVariant per value, a ":n" name made per
// bind, the SQL text scanned at each prepare) cost as much as SQLite's own work. Internal to fc_storage.

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

struct sqlite3;
struct sqlite3_stmt;

namespace fc {
class CipherDriver;
}

namespace fc::store {

/// Prepared once, run many times: bind every parameter (1-based, as SQLite counts), then run(), which
/// resets the statement for the next row. The compiled statement comes from and goes back to the
/// driver's statement cache (CipherDriver::takeStatement), so a writer made per call compiles nothing. Values are stored exactly as the QSQLCIPHER driver stores
/// them (CipherValue.h): text as UTF-8, times as UTC text with milliseconds, UUIDs without braces, so
/// the stores read them back as usual. Belongs to the connection's thread; destroy it before the
/// connection is closed.
class RawStatement {
public:
    explicit RawStatement(const QSqlDatabase &db);
    ~RawStatement();
    RawStatement(const RawStatement &) = delete;
    RawStatement &operator=(const RawStatement &) = delete;

    /// Errors: "cache.query_failed" (closed, not a QSQLCIPHER connection, SQL that does not compile).
    Status prepare(const QByteArray &sql);
    bool isPrepared() const { return m_stmt != nullptr; }

    void bindText(int index, const QString &text); // a null QString as '' (NOT NULL DEFAULT '' columns)
    void bindAscii(int index, const QByteArray &text); // NULL for a null QByteArray
    void bindInteger(int index, qint64 value);
    void bindNull(int index);
    void bindUuid(int index, const QUuid &id); // NULL for the null UUID
    void bindTime(int index, const QDateTime &time); // NULL for an invalid time
    void bindDate(int index, const QDate &date); // NULL for an invalid date

    /// Runs the statement and resets it. Errors: "cache.query_failed", with `what` first.
    Status run(const QString &what);
    /// After run() failed: true when a UNIQUE or PRIMARY KEY constraint refused the row.
    bool failedOnUnique() const { return m_uniqueViolation; }
    qint64 lastInsertRowId() const;

private:
    void release();

    const CipherDriver *m_driver = nullptr;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_sql;
    bool m_uniqueViolation = false;
};

} // namespace fc::store
