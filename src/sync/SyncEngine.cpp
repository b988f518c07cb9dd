#include "sync/SyncEngine.h"

#include "storage/CacheWorker.h"
#include "storage/ProfileLayout.h"

#include <QCoreApplication>
#include <QFile>
#include <QFuture>

using namespace Qt::StringLiterals;

namespace fc {

QString syncStateKey(SyncStatus::State state)
{
    switch (state) {
    case SyncStatus::State::Idle:
        return u"idle"_s;
    case SyncStatus::State::Syncing:
        return u"syncing"_s;
    case SyncStatus::State::Offline:
        return u"offline"_s;
    case SyncStatus::State::SignedOut:
        return u"signed_out"_s;
    case SyncStatus::State::Wiped:
        return u"wiped"_s;
    case SyncStatus::State::Failed:
        return u"failed"_s;
    }
    return QString();
}

SyncEngine::SyncEngine(CacheWorker &cache, QString profileDirectory, QObject *parent)
    : QObject(parent),
      m_cache(cache),
      m_profileDirectory(std::move(profileDirectory)),
      m_random(QRandomGenerator::securelySeeded())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
    connect(&m_autoTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
}

void SyncEngine::setServer(const QUrl &base, const QString &token)
{
    m_api.setBaseUrl(base);
    m_api.setToken(token);
}

void SyncEngine::setTiming(const SyncTiming &timing)
{
    m_timing = timing;
    if (m_timing.autoSyncInterval.count() > 0)
        m_autoTimer.start(m_timing.autoSyncInterval);
    else
        m_autoTimer.stop();
}

std::chrono::milliseconds SyncEngine::nextRetryIn() const
{
    return m_retryTimer.isActive() ? std::chrono::milliseconds(m_retryTimer.remainingTime()) : std::chrono::milliseconds(0);
}

template<typename F>
void SyncEngine::onCache(F job, std::function<void(decltype(job(std::declval<QSqlDatabase &>())))> then)
{
    using R = decltype(job(std::declval<QSqlDatabase &>()));
    const int generation = m_generation;
    m_cache.run(std::move(job)).then(this, [this, generation, then = std::move(then)](R result) {
        if (generation == m_generation) // a stop() in between: this answer belongs to nobody now
            then(std::move(result));
    });
}

void SyncEngine::syncNow()
{
    if (m_status.state == SyncStatus::State::Wiped)
        return;
    m_stopped = false;
    m_retryTimer.stop();
    if (m_running) {
        m_again = true;
        return;
    }
    startCycle();
}

void SyncEngine::stop()
{
    m_stopped = true;
    m_retryTimer.stop();
    m_autoTimer.stop();
    ++m_generation;
    m_api.abortAll();
    if (m_running) {
        m_running = false;
        setState(SyncStatus::State::Failed, tr("Sync stopped."));
    }
}

void SyncEngine::startCycle()
{
    m_running = true;
    m_again = false;
    m_status.done = 0;
    m_status.total = 0;
    setState(SyncStatus::State::Syncing);
    pushNext();
}

void SyncEngine::refreshCounts()
{
    onCache([](QSqlDatabase &db) { return SyncCache::snapshot(db); },
            [this](Result<SyncSnapshot> snapshot) {
                if (snapshot) {
                    updateFrom(snapshot.value());
                    emit statusChanged(m_status);
                }
            });
}

void SyncEngine::updateFrom(const SyncSnapshot &snapshot)
{
    m_status.pending = snapshot.pending;
    m_status.conflicts = snapshot.conflicts;
    m_status.rejected = snapshot.rejected;
    m_status.lastSyncAt = snapshot.lastSyncAt;
    m_status.phase = snapshot.phase;
}

void SyncEngine::pushNext()
{
    const int batch = m_timing.pushBatch;
    onCache([batch](QSqlDatabase &db) { return SyncCache::pendingMutations(db, batch); },
            [this](Result<QList<wire::Mutation>> mutations) {
                if (!mutations) {
                    fail(mutations.error(), nullptr);
                    return;
                }
                if (mutations->isEmpty()) {
                    pullNext();
                    return;
                }
                const QList<wire::Mutation> sent = mutations.value();
                m_api.post(u"/v1/sync/push"_s, wire::toJson(wire::PushRequest { sent }), [this, sent](Result<ApiReply> reply) {
                    if (!reply || !reply->ok()) {
                        fail(reply ? makeError(reply->errorCode(), reply->errorMessage()) : reply.error(),
                             reply ? &reply.value() : nullptr);
                        return;
                    }
                    Result<wire::PushResponse> response = wire::readPushResponse(reply->json);
                    if (!response) {
                        fail(response.error(), nullptr);
                        return;
                    }
                    const QList<wire::MutationResult> results = response->results;
                    onCache(
                        [sent, results](QSqlDatabase &db) {
                            return SyncCache::applyPushResults(db, sent, results, QDateTime::currentDateTimeUtc());
                        },
                        [this, count = results.size()](Status applied) {
                            if (!applied) {
                                fail(applied.error(), nullptr);
                                return;
                            }
                            if (count == 0) {
                                fail(makeError(u"sync.no_answers"_s, tr("The server answered a push without results.")),
                                     nullptr);
                                return;
                            }
                            pushNext();
                        });
                });
            });
}

void SyncEngine::pullNext()
{
    onCache([](QSqlDatabase &db) { return SyncCache::snapshot(db); },
            [this](Result<SyncSnapshot> snapshot) {
                if (!snapshot) {
                    fail(snapshot.error(), nullptr);
                    return;
                }
                updateFrom(snapshot.value());
                const wire::PullRequest request { snapshot->cursor, m_timing.pullLimit };
                m_api.post(u"/v1/sync/pull"_s, wire::toJson(request), [this](Result<ApiReply> reply) {
                    if (!reply || !reply->ok()) {
                        fail(reply ? makeError(reply->errorCode(), reply->errorMessage()) : reply.error(),
                             reply ? &reply.value() : nullptr);
                        return;
                    }
                    Result<wire::PullPage> page = wire::readPullPage(reply->json);
                    if (!page) {
                        fail(page.error(), nullptr);
                        return;
                    }
                    const wire::PullPage received = page.value();
                    onCache([received](QSqlDatabase &db) { return SyncCache::applyPage(db, received); },
                            [this, received](Result<AppliedPage> applied) {
                                if (!applied) {
                                    fail(applied.error(), nullptr);
                                    return;
                                }
                                if (received.phase == u"snapshot"_s) {
                                    m_status.done = received.done;
                                    m_status.total = received.total;
                                }
                                m_status.phase = received.phase;
                                emit statusChanged(m_status);
                                if (received.more)
                                    pullNext();
                                else
                                    finishCycle();
                            });
                });
            });
}

void SyncEngine::finishCycle()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    onCache(
        [now](QSqlDatabase &db) -> Result<SyncSnapshot> {
            if (Status saved = SyncCache::setLastSyncAt(db, now); !saved)
                return saved.error();
            return SyncCache::snapshot(db);
        },
        [this](Result<SyncSnapshot> snapshot) {
            m_running = false;
            m_failures = 0;
            m_status.offlineSince = QDateTime();
            if (snapshot)
                updateFrom(snapshot.value());
            setState(SyncStatus::State::Idle);
            emit cycleFinished(true, Error {});
            if (m_again && !m_stopped)
                startCycle();
        });
}

void SyncEngine::fail(const Error &error, const ApiReply *reply)
{
    if (m_stopped)
        return;
    const int status = reply ? reply->status : 0;
    if (error.code == u"auth.device_revoked"_s) {
        wipe(error.message);
        return;
    }
    if (error.code == u"sync.epoch_changed"_s) {
        // The server's database was replaced: start again from nothing, keeping what waits to be sent.
        onCache([](QSqlDatabase &db) { return SyncCache::resetForResync(db); },
                [this, error](Status reset) {
                    if (!reset) {
                        fail(reset.error(), nullptr);
                        return;
                    }
                    m_status.message = error.message;
                    pushNext();
                });
        return;
    }
    m_running = false;
    // A dead session, a disabled account or a role that may not sync: retrying cannot help; a person
    // must sign in again (or an administrator act).
    if (status == 401 || (status == 403 && error.code.startsWith(u"auth."_s))) {
        setState(SyncStatus::State::SignedOut, error.message.isEmpty() ? tr("Please sign in again.") : error.message);
        emit cycleFinished(false, error);
        return;
    }
    const bool unreachable = error.code.startsWith(u"network."_s) || status == 502 || status == 503 || status == 504;
    if (unreachable && !m_status.offlineSince.isValid())
        m_status.offlineSince = QDateTime::currentDateTimeUtc();
    setState(unreachable ? SyncStatus::State::Offline : SyncStatus::State::Failed, error.message);
    ++m_failures;
    scheduleRetry();
    refreshCounts();
    emit cycleFinished(false, error);
}

void SyncEngine::scheduleRetry()
{
    // Doubling from the first delay up to the cap, then ±50 % jitter.
    const double base = double(m_timing.firstRetry.count()) * double(1 << std::min(m_failures - 1, 16));
    const double capped = std::min(base, double(m_timing.maximumRetry.count()));
    const double jittered = capped * (0.5 + m_random.generateDouble());
    m_retryTimer.start(std::chrono::milliseconds(qint64(std::max(1.0, jittered))));
}

void SyncEngine::wipe(const QString &message)
{
    m_running = false;
    ++m_generation;
    m_api.abortAll();
    m_retryTimer.stop();
    m_autoTimer.stop();
    const QString directory = m_profileDirectory;
    m_cache.close().then(this, [this, directory, message](Status) {
        // The key first: without it what is left of the cache cannot be read.
        const ProfileLayout layout(directory);
        QStringList files { layout.keyFile(), layout.pendingKeyFile(), layout.cacheFile() };
        files += layout.cacheCompanionFiles();
        files.append(layout.lockFile());
        for (const QString &file : files)
            QFile::remove(file);
        const QString text = tr("This device was revoked by an administrator. Its local copy of the council's "
                                "records and its key have been deleted.");
        setState(SyncStatus::State::Wiped, message.isEmpty() ? text : text + u' ' + message);
        emit cycleFinished(false, makeError(u"auth.device_revoked"_s, m_status.message));
        emit wiped(m_status.message);
    });
}

void SyncEngine::setState(SyncStatus::State state, const QString &message)
{
    m_status.state = state;
    if (!message.isEmpty() || state == SyncStatus::State::Idle)
        m_status.message = message;
    emit statusChanged(m_status);
}

} // namespace fc
