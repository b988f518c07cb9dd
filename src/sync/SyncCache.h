#pragma once

// What sync does to the encrypted cache, on its database thread: apply a pulled page with its cursor,
// take the server's answers to a push, and start again after the server's database was replaced.

#include "core/Result.h"
#include "sync/SyncWire.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace fc {

struct OutboxEntry;

/// A page as applied: how many records changed locally and how many the page carried.
struct AppliedPage {
    int applied = 0;
    int skipped = 0; // older than the local copy, or deleted while this desk still has a change of it
};

/// Where the desk stands, for status lines and the UI.
struct SyncSnapshot {
    qint64 pending = 0;    // changes waiting to be sent
    qint64 conflicts = 0;  // unsettled
    qint64 rejected = 0;   // refused changes a person has not dismissed
    QString cursor;        // empty before the first sync
    QString epoch;
    QDateTime lastSyncAt;
    QString phase;         // "snapshot" while a first sync is unfinished, "log" after, "" never synced
};

/// Stateless functions over an open, migrated cache (a CacheWorker job calls them).
class SyncCache {
public:
    /// Applies every change of the page and saves its cursor and epoch, all in one transaction:
    /// the cache never holds a page without its cursor, nor a cursor past a page it lacks. A record is
    /// taken when its revision is at least the local one; this desk's changes still waiting in the
    /// outbox are laid over it again, so a pull never undoes what a person typed and has not sent.
    /// A delete is skipped while the outbox still holds a change of that record.
    /// Snapshot pages (a first sync) load with the secondary indexes down and new records inserted
    /// without a probe each; the first log page builds the indexes again (SnapshotIndexes, docs/SYNC.md).
    static Result<AppliedPage> applyPage(QSqlDatabase db, const wire::PullPage &page);

    /// The outbox's first `limit` entries as wire mutations, in order.
    static Result<QList<wire::Mutation>> pendingMutations(QSqlDatabase db, int limit);

    /// Takes the server's answers: every answered mutation leaves the outbox; a refused one is kept in
    /// sync_rejected with its reason and payload. One transaction.
    static Status applyPushResults(QSqlDatabase db, const QList<wire::Mutation> &sent,
                                   const QList<wire::MutationResult> &results, const QDateTime &now);

    /// The server's database was replaced or restored (sync.epoch_changed): forget the cursor and
    /// everything pulled (customers, cases, contacts, conflicts, scripts and knowledge articles), keep
    /// the outbox, so the next pull is a first sync and nothing waiting to be sent is lost.
    static Status resetForResync(QSqlDatabase db);

    static Status setLastSyncAt(QSqlDatabase db, const QDateTime &at);
    static Result<SyncSnapshot> snapshot(QSqlDatabase db);

    /// A value of the server session kept in the encrypted cache (server URL, user, token).
    static Result<std::optional<QString>> sessionValue(QSqlDatabase db, const QString &key);
    static Status setSessionValue(QSqlDatabase db, const QString &key, const QString &value);
};

} // namespace fc
