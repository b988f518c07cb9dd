#pragma once

// The sync outbox: local writes waiting to be pushed to the server, in the order they were made.

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <optional>

namespace fc {

/// One local change as it will be pushed. The server applies each mutation id once, however often it
/// arrives, so a push interrupted after the server applied it can simply be sent again.
struct OutboxMutation {
    QUuid mutationId; // made by the client, once per change
    QString entity; // "case", "contact", "customer", ...
    QUuid entityId; // the record changed
    QString operation; // "create", "update", "delete", ... (docs/SYNC.md)
    std::optional<qint64> baseRevision; // the revision the edit was based on; none for appends
    QJsonObject payload;
    QDateTime createdAt; // UTC

    friend bool operator==(const OutboxMutation &, const OutboxMutation &) = default;
};

/// A mutation waiting in the outbox, with its place in the queue and its push history.
struct OutboxEntry {
    qint64 seq = 0; // queue order; never reused, even after the queue empties
    OutboxMutation mutation;
    int attempts = 0;
    QString lastError;

    friend bool operator==(const OutboxEntry &, const OutboxEntry &) = default;
};

/// Reads and writes the outbox table of an open, migrated cache. A mutation is enqueued inside the same
/// CacheTransaction as the change it carries, so the two are saved together or not at all; the queue is
/// a table, so it survives restarts. Errors: "cache.query_failed", "cache.bad_row".
class OutboxStore {
public:
    explicit OutboxStore(QSqlDatabase db);

    /// Queues the mutation behind every earlier one and returns its seq. Errors: "outbox.no_transaction"
    /// (called outside a transaction, where the change and its outbox row could be saved apart),
    /// "outbox.invalid" (null ids, empty entity or operation, invalid time), "outbox.duplicate_mutation".
    Result<qint64> enqueue(const OutboxMutation &mutation);

    /// The first `limit` entries in queue order.
    Result<QList<OutboxEntry>> peek(int limit) const;
    /// Removes every entry up to and including `seq`, once the server has answered for them. Returns how
    /// many went.
    Result<int> removeUpTo(qint64 seq);
    /// Removes the entries with these mutation ids (the server answered for them); unknown ids are ignored.
    Result<int> remove(const QList<QUuid> &mutationIds);
    /// Counts a failed push of the mutation and keeps the reason for people to see. Errors:
    /// "outbox.not_found".
    Status recordAttempt(const QUuid &mutationId, const QString &error);
    Result<qint64> count() const;

private:
    QSqlDatabase m_db;
};

} // namespace fc
