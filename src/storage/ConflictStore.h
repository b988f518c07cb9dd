#pragma once

// Sync conflicts in the cache: a field two desks changed at once, kept with both values for a person.

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <optional>

namespace fc {

/// One conflict as the server keeps it (docs/SYNC.md, "Records"); values are any JSON.
struct SyncConflict {
    QUuid id;
    QString entity;  // "customer" or "case"
    QUuid entityId;
    QString field;   // "town", "status", ...
    QJsonValue baseValue;
    QJsonValue serverValue;  // what the server kept
    QJsonValue clientValue;  // what a desk wanted
    QString user;            // who pushed the edit that lost
    QDateTime createdAt;
    QDateTime resolvedAt;    // invalid while open
    QString resolvedBy;
    QString resolution;      // "server", "client", "value"
    qint64 revision = 0;

    bool isResolved() const { return resolvedAt.isValid(); }
    /// The pulled record (ChangeFeed's conflict JSON). Errors: json.*.
    static Result<SyncConflict> fromJson(const QJsonObject &json);
    friend bool operator==(const SyncConflict &, const SyncConflict &) = default;
};

/// The sync_conflict table of an open, migrated cache. Errors: cache.query_failed, cache.bad_row.
class ConflictStore {
public:
    explicit ConflictStore(QSqlDatabase db);

    /// Saves a pulled conflict unless the cache holds a newer revision of it.
    Status upsert(const SyncConflict &conflict);
    Result<std::optional<SyncConflict>> byId(const QUuid &id) const;
    /// Open conflicts, oldest first.
    Result<QList<SyncConflict>> unresolved() const;
    Result<qint64> unresolvedCount() const;
    /// A person's choice, before the server has confirmed it. Errors: conflict.not_found.
    Status markResolved(const QUuid &id, const QString &resolution, const QString &by, const QDateTime &at);

private:
    QSqlDatabase m_db;
};

/// A local change the server refused, kept with its reason so nothing a person typed is lost silently.
struct RejectedChange {
    QUuid mutationId;
    QString entity;
    QUuid entityId;
    QString operation;
    QJsonObject payload;
    QString code;
    QString message;
    QDateTime rejectedAt;

    friend bool operator==(const RejectedChange &, const RejectedChange &) = default;
};

/// The sync_rejected table. Errors: cache.query_failed, cache.bad_row.
class RejectedChangeStore {
public:
    explicit RejectedChangeStore(QSqlDatabase db);

    /// Keeps the refusal (again for the same mutation id replaces it).
    Status add(const RejectedChange &change);
    /// Newest first.
    Result<QList<RejectedChange>> all() const;
    Result<qint64> count() const;
    /// A person has seen it. True when one went.
    Result<bool> dismiss(const QUuid &mutationId);

private:
    QSqlDatabase m_db;
};

} // namespace fc
