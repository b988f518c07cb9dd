#pragma once

// Pages of changes for /v1/sync/pull: a first sync's snapshot, table by table, then the change log.

#include "core/Result.h"
#include "server/ServerDatabase.h"
#include "sync/SyncWire.h"

#include <QDateTime>
#include <QString>

namespace fc::server {

/// Where a desk is in the feed; travels to the client as an opaque cursor (docs/SYNC.md, "Cursor").
struct FeedPosition {
    QString epoch;
    bool snapshot = true;
    // Snapshot: the table being sent and the last id sent from it; where the log starts afterwards;
    // the window's start and the progress totals, fixed when the snapshot began.
    int table = 0;
    QString lastId;
    QDateTime windowStart;
    qint64 done = 0;
    qint64 total = 0;
    // Log: the (writer_xid, position) of the last change sent (writer_xid is 0 on SQLite).
    qint64 xid = 0;
    qint64 position = 0;

    QString encode() const;
    /// Errors: sync.bad_cursor.
    static Result<FeedPosition> decode(const QString &cursor);
};

struct FeedSettings {
    /// Contacts and closed cases older than this stay on the server (open cases always travel).
    int windowDays = 730;
};

/// Reads pages for one request on the caller's connection. Nothing is ever skipped when PostgreSQL
/// transactions commit out of order: the log is read in (writer_xid, position) order and only below
/// the oldest transaction still running, so a page never passes a change that could still appear.
class ChangeFeed {
public:
    ChangeFeed(ServerDatabase &database, FeedSettings settings);

    /// The next page after `cursor` (empty: a first sync). Errors: sync.bad_cursor (400),
    /// sync.epoch_changed (409: the database was replaced or restored; start again from empty),
    /// db.* (503).
    Result<wire::PullPage> pull(const wire::PullRequest &request, const QDateTime &now);

    /// This database's epoch (server_meta), read once.
    Result<QString> epoch();

private:
    Result<wire::PullPage> snapshotPage(FeedPosition position, int limit);
    Result<wire::PullPage> logPage(FeedPosition position, int limit);
    Result<FeedPosition> startSnapshot(const QDateTime &now);
    /// True when the cursor names a log position this database never reached: it was restored from a
    /// backup taken before the desk's last pull.
    Result<bool> logEndsBefore(const FeedPosition &position);
    /// The current records with these ids, as changes (deleted ones as deletes), in `ids` order.
    Result<QList<wire::Change>> currentRecords(const QString &entity, const QStringList &ids);
    Result<QList<wire::Change>> readRecords(const QString &entity, const QString &where, const QVariantList &values);

    ServerDatabase &m_database;
    FeedSettings m_settings;
    QString m_epoch;
};

} // namespace fc::server
