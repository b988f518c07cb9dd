#pragma once

// Makes one store operation of several statements all-or-nothing, whether or not the caller has a
// transaction open. Internal to fc_storage.

#include "core/Result.h"

#include <QSqlDatabase>

namespace fc::store {

/// An SQLite SAVEPOINT: inside the caller's CacheTransaction it undoes only this operation's statements,
/// so a failed store call can never leave half a record behind for the caller to commit; outside one it
/// is a transaction of its own. Rolls back to its start when destroyed unreleased.
class StoreSavepoint {
public:
    explicit StoreSavepoint(QSqlDatabase db);
    ~StoreSavepoint();
    StoreSavepoint(const StoreSavepoint &) = delete;
    StoreSavepoint &operator=(const StoreSavepoint &) = delete;

    Status open();
    /// Keeps the operation's statements (commits them when no outer transaction is open).
    Status release();

private:
    QSqlDatabase m_db;
    bool m_open = false;
    bool m_skipped = false; // a WholeTransactionWrites is active: the caller's transaction undoes
};

} // namespace fc::store
