#include "storage/CacheWorker.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QFuture<Status> finishedWith(Status status)
{
    QPromise<Status> promise;
    promise.start();
    promise.addResult(std::move(status));
    promise.finish();
    return promise.future();
}

} // namespace

CacheWorker::CacheWorker(QObject *parent) : QObject(parent), m_context(new QObject)
{
    m_thread.setObjectName(u"fc-cache"_s);
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

CacheWorker::~CacheWorker()
{
    // The profile must be closed on the thread that opened it, so the last job does it there.
    (void)shutdown();
    m_thread.wait();
    delete m_context; // its thread has finished, so deleting it here is safe
}

Error CacheWorker::notOpenError()
{
    return makeError(u"worker.not_open"_s,
                     QCoreApplication::translate("fc::CacheWorker", "The cache is locked; unlock the profile first."));
}

Error CacheWorker::stoppedError()
{
    return makeError(u"worker.stopped"_s,
                     QCoreApplication::translate("fc::CacheWorker", "The cache has been shut down for this session."));
}

bool CacheWorker::post(Task task)
{
    QMutexLocker locker(&m_mutex);
    if (!m_accepting)
        return false;
    // Queued calls from one thread to one receiver are delivered in the order they were made.
    QMetaObject::invokeMethod(
        m_context, [this, task = std::move(task)] { task(m_profile.get()); }, Qt::QueuedConnection);
    return true;
}

QFuture<Status> CacheWorker::runOnProfile(ProfileTask task)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> future = promise->future();
    const bool posted = post([this, promise, task = std::move(task)](CacheProfile *) {
        promise->addResult(task(m_profile));
        promise->finish();
    });
    if (!posted) {
        promise->addResult(Status(stoppedError()));
        promise->finish();
    }
    return future;
}

QFuture<Status> CacheWorker::create(const QString &directory, const QString &userName, SecureBytes password,
                                    KdfCost cost)
{
    // std::function needs a copyable callable; the password stays in one secure buffer all the same.
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    return runOnProfile([directory, userName, secret, cost](std::unique_ptr<CacheProfile> &profile) -> Status {
        if (profile && profile->isOpen())
            return makeError(u"worker.already_open"_s,
                             QCoreApplication::translate("fc::CacheWorker", "A cache profile is already open."));
        Result<CacheProfile> made = CacheProfile::create(directory, userName, *secret, cost);
        *secret = SecureBytes();
        if (!made)
            return made.error();
        profile = std::make_unique<CacheProfile>(std::move(made).value());
        return {};
    });
}

QFuture<Status> CacheWorker::unlock(const QString &directory, SecureBytes password)
{
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    return runOnProfile([directory, secret](std::unique_ptr<CacheProfile> &profile) -> Status {
        if (profile && profile->isOpen())
            return makeError(u"worker.already_open"_s,
                             QCoreApplication::translate("fc::CacheWorker", "A cache profile is already open."));
        Result<CacheProfile> unlocked = CacheProfile::unlock(directory, *secret);
        *secret = SecureBytes();
        if (!unlocked)
            return unlocked.error();
        profile = std::make_unique<CacheProfile>(std::move(unlocked).value());
        return {};
    });
}

QFuture<Status> CacheWorker::changePassword(SecureBytes oldPassword, SecureBytes newPassword, KdfCost cost)
{
    auto secrets
        = std::make_shared<std::pair<SecureBytes, SecureBytes>>(std::move(oldPassword), std::move(newPassword));
    return runOnProfile([secrets, cost](std::unique_ptr<CacheProfile> &profile) -> Status {
        if (!profile || !profile->isOpen())
            return notOpenError();
        const Status changed = profile->changePassword(secrets->first, secrets->second, cost);
        *secrets = {};
        return changed;
    });
}

QFuture<Status> CacheWorker::rotateKey(SecureBytes password, KdfCost cost)
{
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    return runOnProfile([secret, cost](std::unique_ptr<CacheProfile> &profile) -> Status {
        if (!profile || !profile->isOpen())
            return notOpenError();
        const Status rotated = profile->rotateKey(*secret, cost);
        *secret = SecureBytes();
        return rotated;
    });
}

QFuture<Status> CacheWorker::close()
{
    return runOnProfile([](std::unique_ptr<CacheProfile> &profile) -> Status {
        profile.reset();
        return {};
    });
}

QFuture<Status> CacheWorker::shutdown()
{
    QMutexLocker locker(&m_mutex);
    if (!m_accepting)
        return finishedWith(Status());
    // Queued and closed to further jobs under one lock, so nothing can land behind the quit.
    m_accepting = false;
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> future = promise->future();
    QMetaObject::invokeMethod(
        m_context,
        [this, promise] {
            m_profile.reset();
            promise->addResult(Status());
            promise->finish();
            m_thread.quit(); // the loop ends after this event
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace fc
