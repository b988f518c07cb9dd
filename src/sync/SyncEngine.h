#pragma once

// The client sync engine: pushes the outbox, pulls pages, retries with back-off, and reports a status
// the UI can show. Lives on the GUI (or CLI main) thread and never waits there: the network is
// asynchronous and every cache step runs on the CacheWorker's thread.

#include "core/Result.h"
#include "sync/ApiClient.h"
#include "sync/SyncCache.h"

#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <chrono>

namespace fc {

class CacheWorker;

/// What the status line shows: online, syncing with progress, offline since, waiting, conflicts.
struct SyncStatus {
    enum class State {
        Idle,      // signed in, nothing running, last sync fine
        Syncing,   // a cycle is running
        Offline,   // the server cannot be reached; retrying with back-off
        SignedOut, // the session ended (expired, disabled user, not allowed): sign in again
        Wiped,     // the device was revoked: cache and key deleted
        Failed,    // something else went wrong; retrying with back-off
    };
    State state = State::Idle;
    qint64 done = 0;   // first sync: rows received
    qint64 total = 0;  // first sync: rows to receive
    qint64 pending = 0;
    qint64 conflicts = 0;
    qint64 rejected = 0;
    QDateTime offlineSince; // valid while offline
    QDateTime lastSyncAt;
    QString message;        // the last problem, translated
    QString phase;          // "snapshot" during a first sync, "log" after

    friend bool operator==(const SyncStatus &, const SyncStatus &) = default;
};

QString syncStateKey(SyncStatus::State state); // "idle", "syncing", "offline", ...

struct SyncTiming {
    std::chrono::milliseconds firstRetry { 1000 };
    std::chrono::milliseconds maximumRetry { 60'000 };
    std::chrono::milliseconds autoSyncInterval { 0 }; // 0: only when asked
    int pushBatch = 200;
    int pullLimit = wire::kDefaultPullLimit;
};

/// One sync cycle = push every outbox entry (in order, in batches), then pull until no page is
/// waiting. Failures: network or 5xx → Offline/Failed and a retry after a back-off that doubles up to
/// a cap, with ±50 % jitter so a floor of desks coming back together does not stampede the server;
/// 401, or 403 for a disabled account → SignedOut (no retry); 403 auth.device_revoked → the profile's cache and key are deleted
/// (remote wipe); 409 sync.epoch_changed → the pulled data and cursor are dropped, the outbox kept,
/// and the cycle starts again as a first sync.
class SyncEngine : public QObject {
    Q_OBJECT

public:
    SyncEngine(CacheWorker &cache, QString profileDirectory, QObject *parent = nullptr);

    void setServer(const QUrl &base, const QString &token);
    void setTiming(const SyncTiming &timing);
    /// For tests: a fixed seed makes the jitter repeatable.
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    /// Starts a cycle now (after a running one, if any). Also cancels a pending retry's wait.
    void syncNow();
    /// Stops retrying and aborts requests in flight; a cycle under way ends as Failed ("stopped").
    void stop();

    const SyncStatus &status() const { return m_status; }
    bool isRunning() const { return m_running; }
    /// The delay before the next retry (0 when none is scheduled).
    std::chrono::milliseconds nextRetryIn() const;

    /// Re-reads pending / conflicts / rejected counts from the cache (after a local edit, say).
    void refreshCounts();

signals:
    void statusChanged(const fc::SyncStatus &status);
    /// A cycle ended; `ok` false with the error when it failed (a retry may already be scheduled).
    void cycleFinished(bool ok, const fc::Error &error);
    /// The device was revoked and its cache and key deleted.
    void wiped(const QString &message);

private:
    void startCycle();
    void pushNext();
    void pullNext();
    void finishCycle();
    void fail(const Error &error, const ApiReply *reply);
    void scheduleRetry();
    void wipe(const QString &message);
    void setState(SyncStatus::State state, const QString &message = QString());
    void updateFrom(const SyncSnapshot &snapshot);
    template<typename F> void onCache(F job, std::function<void(decltype(job(std::declval<QSqlDatabase &>())))> then);

    CacheWorker &m_cache;
    QString m_profileDirectory;
    ApiClient m_api;
    SyncTiming m_timing;
    SyncStatus m_status;
    QTimer m_retryTimer;
    QTimer m_autoTimer;
    QRandomGenerator m_random;
    bool m_running = false;
    bool m_again = false;
    bool m_stopped = false;
    int m_failures = 0;
    int m_generation = 0;
};

} // namespace fc
