#pragma once

// Loads many customers into the cache at once: the first sync of a council, and the benchmarks.

#include "core/Customer.h"
#include "core/Result.h"
#include "storage/CacheTransaction.h"
#include "storage/CustomerRecordWriter.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace fc {

/// Writes customers in one transaction with the customer tables' secondary indexes dropped, and
/// builds those indexes once at the end: maintaining them row by row is several times slower
/// (docs/storage/SEARCH.md, docs/BENCHMARKS.md). Customers are searchable the same way as after
/// CustomerStore::upsert(). The FTS rows are written as customers arrive: FTS4 buffers new terms in
/// memory and writes them out in sorted segments, which is what building it afterwards would do.
///
/// The transaction is the loader's own: dropped indexes are never visible to another connection, and
/// an interrupted load (an error, the program closing) rolls back to the cache as it was, indexes and
/// all. A customer already in the cache (a page pulled again) is updated in place, so a later
/// page-by-page resumable first sync can re-send a page safely.
///
/// Use: begin(), add() each customer, finish(). Destroying the loader unfinished rolls everything back.
/// Belongs to the database thread; the connection must stay open until the loader is gone.
class CustomerBulkLoader {
public:
    explicit CustomerBulkLoader(QSqlDatabase db);
    ~CustomerBulkLoader();
    CustomerBulkLoader(const CustomerBulkLoader &) = delete;
    CustomerBulkLoader &operator=(const CustomerBulkLoader &) = delete;

    /// Takes the write lock and drops the indexes. Errors: those of CacheTransaction::begin()
    /// ("cache.transaction_nested" when the caller already has a transaction open), "cache.query_failed".
    Status begin();

    /// `lastContactAt` ranks the customer in search ("ties by most recent contact"); invalid for none.
    /// A customer refused as "customer.invalid" or "customer.duplicate_reference" is skipped and the
    /// load goes on; after any other error it can only be rolled back (finish() says so).
    /// Errors: those, "cache.query_failed", "customer.bulk_not_begun".
    Status add(const Customer &customer, const QDateTime &lastContactAt = {});

    /// Builds the indexes and commits, then merges the FTS index (mergeSearchIndex()). Returns how many
    /// customers were added. On an error, or after add() failed midway through a record
    /// ("customer.bulk_failed"), everything since begin() is rolled back; "customer.index_merge_failed"
    /// alone means the load was saved and only the merge is still to do.
    Result<qint64> finish();

    /// Merges the FTS index into one segment per term, in a transaction of its own, so a search reads
    /// one list per word instead of dozens. Worth it after a load; harmless to repeat.
    /// Errors: "customer.index_merge_failed" (nothing lost; searches work, more slowly).
    static Status mergeSearchIndex(QSqlDatabase db);

    qint64 added() const { return m_added; }

private:
    struct Index {
        QString name;
        QString sql;
    };

    Error abandon(Error error);

    QSqlDatabase m_db;
    CacheTransaction m_transaction;
    std::unique_ptr<store::CustomerRecordWriter> m_writer;
    QList<Index> m_droppedIndexes;
    qint64 m_added = 0;
    bool m_failed = false;
};

} // namespace fc
