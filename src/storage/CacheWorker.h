#pragma once

// Runs all of a client's cache work, unlock included, on one database thread, so the caller (the GUI
// thread) never waits on SQL or on Argon2id.

#include "core/Result.h"
#include "storage/CacheProfile.h"
#include "storage/KeyFile.h"
#include "storage/SecureBytes.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QSqlDatabase>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace fc {

namespace detail {
template<typename T> struct IsResult : std::false_type {
};
template<typename T> struct IsResult<Result<T>> : std::true_type {
};
} // namespace detail

/// Owns a QThread on which the profile is unlocked and its one cache connection lives (the pattern of
/// Kaidan's DatabaseWorker). Every call returns at once with a QFuture; jobs run one at a time, in the
/// order they were posted, and each job's failure comes back as the Result in its future, never as an
/// exception or an abort. shutdown() (or the destructor) closes the connection on its own thread.
class CacheWorker : public QObject {
    Q_OBJECT

public:
    explicit CacheWorker(QObject *parent = nullptr);
    /// Shuts down if that has not been asked for yet, and waits for the jobs already posted to finish.
    ~CacheWorker() override;

    /// CacheProfile::create on the worker thread; the new profile stays open there.
    QFuture<Status> create(const QString &directory, const QString &userName, SecureBytes password,
                           KdfCost cost = KdfCost::Moderate);
    /// CacheProfile::unlock on the worker thread (Argon2id included). Error worker.already_open if a
    /// profile is open already.
    QFuture<Status> unlock(const QString &directory, SecureBytes password);
    QFuture<Status> changePassword(SecureBytes oldPassword, SecureBytes newPassword, KdfCost cost = KdfCost::Moderate);
    QFuture<Status> rotateKey(SecureBytes password, KdfCost cost = KdfCost::Moderate);
    /// Closes the profile (connection and lock); the thread keeps taking jobs.
    QFuture<Status> close();
    /// Closes the profile and ends the thread once every job posted before it has run. Jobs posted
    /// afterwards fail with worker.stopped. Calling it again returns an already finished future.
    QFuture<Status> shutdown();

    /// Runs `job(QSqlDatabase &)` on the worker thread against the open cache. The job returns an
    /// fc::Result<T> or fc::Status; so does the future, which carries worker.not_open when no profile
    /// is open and worker.stopped after shutdown(). The job must not keep the QSqlDatabase.
    template<typename Job, typename R = std::invoke_result_t<Job &, QSqlDatabase &>> QFuture<R> run(Job job)
    {
        static_assert(detail::IsResult<R>::value, "a cache job returns an fc::Result<T> or fc::Status");
        auto promise = std::make_shared<QPromise<R>>();
        promise->start();
        QFuture<R> future = promise->future();
        const bool posted = post([promise, job = std::move(job)](CacheProfile *profile) mutable {
            if (profile && profile->isOpen()) {
                QSqlDatabase db = profile->database();
                promise->addResult(job(db));
            } else {
                promise->addResult(R(notOpenError()));
            }
            promise->finish();
        });
        if (!posted) {
            promise->addResult(R(stoppedError()));
            promise->finish();
        }
        return future;
    }

    /// The thread every job runs on.
    QThread *workerThread() { return &m_thread; }

private:
    // Runs on the worker thread with the open profile, or null while none is open.
    using Task = std::function<void(CacheProfile *profile)>;
    using ProfileTask = std::function<Status(std::unique_ptr<CacheProfile> &profile)>;

    /// Queues `task` behind every earlier one; false once shutdown() has been called.
    bool post(Task task);
    QFuture<Status> runOnProfile(ProfileTask task);
    static Error notOpenError();
    static Error stoppedError();

    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; jobs are queued to it
    std::unique_ptr<CacheProfile> m_profile; // touched only on m_thread
    QMutex m_mutex; // guards m_accepting
    bool m_accepting = true;
};

} // namespace fc
