#include "storage/KeyRotation.h"

#include "storage/CipherDatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString errnoText(int error)
{
    return qt_error_string(error);
}

// A rename or a new file is only durable once its directory is synced; without this, power lost after
// the rekey could bring back a directory that has the rekeyed cache but not the key that opens it.
bool syncDirectory(const QString &directory)
{
    const QByteArray native = QFile::encodeName(directory);
    const int fd = ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

// rename(2) replaces the target atomically: a reader sees the old key file or the new one, never neither.
Status moveOver(const QString &from, const QString &to, const QString &directory)
{
    const QByteArray nativeFrom = QFile::encodeName(from);
    const QByteArray nativeTo = QFile::encodeName(to);
    if (std::rename(nativeFrom.constData(), nativeTo.constData()) != 0) {
        const int error = errno;
        return makeError(u"profile.key_swap_failed"_s,
                         QCoreApplication::translate("fc::KeyRotation",
                                                     "The new key file %1 could not replace %2 (%3). Both files "
                                                     "were kept; unlocking the profile again finishes the change.")
                             .arg(shown(from), shown(to), errnoText(error)));
    }
    // The swap has happened; if a power cut undid the rename, the pending file is back and the next
    // unlock finishes the change, so a failed directory sync is worth a warning, not a failure.
    if (!syncDirectory(directory))
        qWarning("Key rotation: the directory %s could not be synced after the key file swap",
                 qUtf8Printable(shown(directory)));
    return {};
}

Error stopped(KeyRotationStep step)
{
    return makeError(
        u"profile.rotation_stopped"_s,
        QCoreApplication::translate("fc::KeyRotation", "The key rotation was stopped after step %1 for a test.")
            .arg(int(step) + 1));
}

// Opens the cache with `key` on a private connection and closes it again: SQLCipher proves the key on
// page 1 before anything is written (CipherDriver::openWithKey).
Status tryKey(const QString &cacheFile, const SecureBytes &key, const CipherOpenOptions &options)
{
    static QAtomicInt counter;
    const QString name = u"fc-key-probe-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    CipherOpenOptions probeOptions = options;
    probeOptions.createIfMissing = false;
    {
        const Result<QSqlDatabase> db = openCipherDatabase(cacheFile, key.view(), name, probeOptions);
        if (!db)
            return db.error();
    }
    closeCipherDatabase(name);
    return {};
}

bool isWrongKey(const Status &status)
{
    return !status && status.error().code == u"cache.wrong_key"_s;
}

} // namespace

Status rotateDataKey(const QSqlDatabase &db, const ProfileLayout &layout, const KeyFileIdentity &identity,
                     const SecureBytes &password, KdfCost cost, const KeyRotationHook &afterStep)
{
    if (QFileInfo::exists(layout.pendingKeyFile()))
        return makeError(u"profile.rotation_pending"_s,
                         QCoreApplication::translate("fc::KeyRotation",
                                                     "An earlier key change in %1 is unfinished (%2 exists). Unlock "
                                                     "the profile again to finish it first.")
                             .arg(shown(layout.directory()), shown(layout.pendingKeyFile())));

    // Sealing the new key under a mistyped password would lock the user out of their own cache.
    {
        const Result<SecureBytes> current = KeyFile::unlock(layout.keyFile(), identity, password);
        if (!current)
            return current.error();
    }

    const Result<SecureBytes> next
        = KeyFile::create(layout.pendingKeyFile(), identity.userName, identity.profileId, password, cost);
    if (!next)
        return next.error();
    if (!syncDirectory(layout.directory())) {
        const int error = errno;
        // The cache is untouched, so the pending key is not needed by anything yet.
        QFile::remove(layout.pendingKeyFile());
        return makeError(u"keyfile.write_failed"_s,
                         QCoreApplication::translate("fc::KeyRotation",
                                                     "The new key file %1 could not be made durable (%2). The "
                                                     "cache and its key were not changed.")
                             .arg(shown(layout.pendingKeyFile()), errnoText(error)));
    }
    if (afterStep && !afterStep(KeyRotationStep::PendingKeyWritten))
        return stopped(KeyRotationStep::PendingKeyWritten);

    if (const Status rekeyed = rekeyCipherDatabase(db, next.value().view()); !rekeyed)
        return rekeyed;
    if (afterStep && !afterStep(KeyRotationStep::CacheRekeyed))
        return stopped(KeyRotationStep::CacheRekeyed);

    if (const Status swapped = moveOver(layout.pendingKeyFile(), layout.keyFile(), layout.directory()); !swapped)
        return swapped;
    if (afterStep && !afterStep(KeyRotationStep::KeySwapped))
        return stopped(KeyRotationStep::KeySwapped);
    return {};
}

Result<SecureBytes> settleKeyRotation(const ProfileLayout &layout, const KeyFileIdentity &identity,
                                      const SecureBytes &password, SecureBytes currentKey,
                                      const CipherOpenOptions &options)
{
    if (!QFileInfo::exists(layout.pendingKeyFile()))
        return currentKey;

    // The pending key only ever opens the cache once step 2 committed: then step 3 is all that is left.
    Result<SecureBytes> pending = KeyFile::unlock(layout.pendingKeyFile(), identity, password);
    if (pending) {
        const Status opened = tryKey(layout.cacheFile(), pending.value(), options);
        if (opened) {
            if (const Status swapped = moveOver(layout.pendingKeyFile(), layout.keyFile(), layout.directory());
                !swapped)
                return swapped.error();
            return std::move(pending).value();
        }
        if (!isWrongKey(opened))
            return opened.error();
    }

    // The rekey never committed (or the pending file is unreadable, which only happens before step 2):
    // the cache is still under the current key, and the pending one is surplus.
    const Status opened = tryKey(layout.cacheFile(), currentKey, options);
    if (opened) {
        QFile::remove(layout.pendingKeyFile());
        syncDirectory(layout.directory());
        return currentKey;
    }
    if (isWrongKey(opened))
        return makeError(u"profile.rotation_unresolved"_s,
                         QCoreApplication::translate("fc::KeyRotation",
                                                     "A key change in %1 was interrupted, and neither the key in %2 "
                                                     "nor the one in %3 opens the cache file %4. All three files "
                                                     "were left exactly as they were; ask IT support.")
                             .arg(shown(layout.directory()), shown(layout.keyFile()), shown(layout.pendingKeyFile()),
                                  shown(layout.cacheFile())));
    return opened.error();
}

} // namespace fc
