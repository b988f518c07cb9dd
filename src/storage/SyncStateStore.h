#pragma once

// Sync bookkeeping in the encrypted cache: the pull cursor, the server epoch, the last sync time.

#include "core/Result.h"

#include <QLatin1StringView>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace fc {

/// String values by key in the sync_state table of an open, migrated cache. Set the pull cursor inside
/// the CacheTransaction that applies its page, so the cache never holds a page without its cursor or a
/// cursor past a page it lacks. Errors: "cache.query_failed", "sync_state.invalid" (empty key).
class SyncStateStore {
public:
    /// The position after the last change applied from the server (docs/SYNC.md).
    static constexpr QLatin1StringView pullCursorKey { "pull_cursor" };
    /// The server's epoch: when it changes, the cursor means nothing and the cache is rebuilt.
    static constexpr QLatin1StringView serverEpochKey { "server_epoch" };
    /// When the last full pull and push finished (UTC, ISO 8601 with milliseconds).
    static constexpr QLatin1StringView lastSyncAtKey { "last_sync_at" };

    explicit SyncStateStore(QSqlDatabase db);

    /// The stored value, or nullopt when the key has never been set (or was removed).
    Result<std::optional<QString>> value(const QString &key) const;
    Status setValue(const QString &key, const QString &value);
    /// True when a value was removed.
    Result<bool> remove(const QString &key);

private:
    QSqlDatabase m_db;
};

} // namespace fc
