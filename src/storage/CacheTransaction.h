#pragma once

// One write transaction on the encrypted cache, so a change and the outbox row (or a pulled page and its
// cursor) are saved together or not at all.

#include "core/Result.h"

#include <QSqlDatabase>

namespace fc {

/// A write transaction that rolls back unless committed: begin(), write through the stores, commit().
/// Destroying it uncommitted (an early return on an error) undoes every write made since begin().
/// Belongs to the thread of its connection, like the connection itself.
class CacheTransaction {
public:
    explicit CacheTransaction(QSqlDatabase db);
    ~CacheTransaction();
    CacheTransaction(const CacheTransaction &) = delete;
    CacheTransaction &operator=(const CacheTransaction &) = delete;

    /// Takes the cache's write lock at once, so a busy cache fails here rather than at the first write.
    /// Errors: "cache.transaction_nested" (this connection already has a transaction open; SQLite has no
    /// nested transactions), "cache.transaction_failed" (closed, busy, already begun).
    Status begin();
    /// Errors: "cache.no_transaction" (not begun, or already finished), "cache.commit_failed" (nothing
    /// was saved and the transaction is over).
    Status commit();
    /// Undoes everything since begin(). Errors: "cache.no_transaction", "cache.rollback_failed".
    Status rollback();

    bool isActive() const { return m_active; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

/// True while `db` has a transaction open (a CacheTransaction, or any BEGIN or SAVEPOINT on it).
bool cacheInTransaction(const QSqlDatabase &db);

/// For a transaction that is all-or-nothing as a whole (a pulled page with its cursor): while one of
/// these is alive, store operations on `db` do not open savepoints of their own. A savepoint makes
/// SQLCipher encrypt every page it first touches into the statement journal, which cost a first sync
/// a third of its time; here a failed operation aborts the whole transaction instead, so nothing half
/// written can be committed. Only for a CacheTransaction whose caller returns on the first error.
class WholeTransactionWrites {
public:
    explicit WholeTransactionWrites(QSqlDatabase db);
    ~WholeTransactionWrites();
    WholeTransactionWrites(const WholeTransactionWrites &) = delete;
    WholeTransactionWrites &operator=(const WholeTransactionWrites &) = delete;

    /// True while one is alive on this connection (StoreSavepoint asks).
    static bool isActive(const QSqlDatabase &db);

private:
    QSqlDatabase m_db;
};

} // namespace fc
