#pragma once

// A first sync's snapshot loaded fast (docs/SYNC.md, "First sync on the desk"): the synced tables'
// secondary indexes are dropped while the snapshot's pages arrive and built once at its end, and records
// the cache cannot hold yet are inserted without a probe each. Used by SyncCache on the database thread.

#include "core/Case.h"
#include "core/Contact.h"
#include "core/Customer.h"
#include "core/Result.h"

#include <QLatin1StringView>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace fc {

namespace store {
class CustomerRecordWriter;
class RawStatement;
}

/// The secondary indexes of the synced tables (customer and its phone, email and flag tables,
/// service_case, contact, contact_case), down while a first sync's snapshot loads. What was dropped —
/// each index's name and SQL, read back from the file, so a later migration's indexes come back too —
/// is kept in sync_state under `markerKey`, written in the same transaction as the drop and removed in
/// the same transaction as the rebuild: whatever point a first sync is killed at, the cache knows
/// whether its indexes are down and how to build them. UNIQUE constraints (ids, references) stay: they
/// are what finds a record pulled twice. The FTS index is kept up to date throughout, so names are
/// found while the snapshot loads; searches by other keys still work without their indexes, by scanning
/// (CustomerSearch leaves out an INDEXED BY whose index is missing), only more slowly.
class SnapshotIndexes {
public:
    static constexpr QLatin1StringView markerKey { "snapshot_dropped_indexes" };

    /// True while the indexes are down (the marker is present).
    static Result<bool> areDropped(QSqlDatabase db);
    /// In the caller's transaction: drops the indexes and writes the marker. Nothing when already down.
    /// Errors: "cache.query_failed".
    static Status drop(QSqlDatabase db);
    /// In the caller's transaction: builds every dropped index, brings each customer's last contact time
    /// up to its latest stored contact (a snapshot leaves it to this step rather than updating customers
    /// page by page), and removes the marker. Returns false when nothing was down.
    /// Errors: "cache.query_failed", "cache.bad_row" (an unreadable marker).
    static Result<bool> restore(QSqlDatabase db);
    /// restore() in a transaction of its own, then merges the FTS index. For a cache opened with its
    /// indexes down that will not resume its first sync soon. Errors: as restore(), CacheTransaction's.
    static Status restoreNow(QSqlDatabase db);
};

/// Inserts pulled records the caller has checked are not stored (storedIds()), with statements
/// prepared once per writer: a customer is one INSERT per table it touches, a contact one plus one per
/// linked case. Runs inside the caller's transaction; on an error the caller abandons it. Holds
/// prepared statements: destroy it before the connection is closed.
class SnapshotWriter {
public:
    explicit SnapshotWriter(QSqlDatabase db);
    ~SnapshotWriter();
    SnapshotWriter(const SnapshotWriter &) = delete;
    SnapshotWriter &operator=(const SnapshotWriter &) = delete;

    /// Which of `ids` (UUID text without braces) are stored in `table` ("customer", "service_case" or
    /// "contact"). A few statements per page, not one per record. Errors: "cache.query_failed".
    Result<QSet<QString>> storedIds(const QString &table, const QStringList &ids);

    /// A customer not stored yet, searchable at once by name (FTS); last contact left for
    /// SnapshotIndexes::restore(). Errors: "customer.invalid", "customer.duplicate_id",
    /// "customer.duplicate_reference", "cache.query_failed".
    Status insertCustomer(const Customer &customer);
    /// Stored as CaseStore::upsert() stores it. Errors: "case.invalid", "case.duplicate_reference"
    /// (the id or the reference is stored already), "cache.query_failed".
    Status insertCase(const Case &c);
    /// Stored as ContactStore::insert() stores it. Errors: "contact.invalid", "contact.duplicate",
    /// "cache.query_failed".
    Status insertContact(const Contact &contact);

private:
    QSqlDatabase m_db;
    std::unique_ptr<store::CustomerRecordWriter> m_customers;
    std::unique_ptr<store::RawStatement> m_insertCase;
    std::unique_ptr<store::RawStatement> m_insertContact;
    std::unique_ptr<store::RawStatement> m_insertLink;
};

} // namespace fc
