#include "storage/CacheProfile.h"

#include "storage/CacheSchema.h"
#include "storage/CipherDatabase.h"
#include "storage/Migration.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QUuid>

#include <utility>

using namespace Qt::StringLiterals;

namespace fc {

struct CacheProfile::State {
    explicit State(const QString &directory, const CipherOpenOptions &openOptions)
        : layout(directory), options(openOptions)
    {
    }
    ~State() { closeConnection(); }

    void closeConnection()
    {
        if (!connectionName.isEmpty())
            closeCipherDatabase(std::exchange(connectionName, QString()));
    }

    ProfileLayout layout;
    CipherOpenOptions options;
    KeyFileIdentity identity;
    QString connectionName; // empty while closed
    std::unique_ptr<QLockFile> lock;
    KeyRotationHook rotationHook;
};

namespace {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Error closedError()
{
    return makeError(
        u"profile.closed"_s,
        QCoreApplication::translate("fc::CacheProfile", "The cache profile is not open; unlock it first."));
}

Status checkFilesPresent(const ProfileLayout &layout)
{
    const bool hasKey = QFileInfo::exists(layout.keyFile());
    const bool hasCache = QFileInfo::exists(layout.cacheFile());
    if (!hasKey && !hasCache) {
        if (!QFileInfo(layout.directory()).isDir())
            return makeError(u"profile.not_found"_s,
                             QCoreApplication::translate("fc::CacheProfile", "There is no profile directory %1.")
                                 .arg(shown(layout.directory())));
        return makeError(u"profile.not_found"_s,
                         QCoreApplication::translate("fc::CacheProfile",
                                                     "There is no cache profile in %1: neither %2 nor %3 exists.")
                             .arg(shown(layout.directory()), shown(layout.keyFile()), shown(layout.cacheFile())));
    }
    if (!hasKey)
        return makeError(u"profile.key_missing"_s,
                         QCoreApplication::translate(
                             "fc::CacheProfile",
                             "The cache file %1 is there but its key file %2 is missing, so the cache cannot be "
                             "opened. Nothing was changed; restore the key file from a backup or ask IT support.")
                             .arg(shown(layout.cacheFile()), shown(layout.keyFile())));
    if (hasCache && QFileInfo(layout.cacheFile()).size() == 0 && QFileInfo(layout.cacheFile() + u"-wal"_s).size() == 0)
        // SQLite would take an empty file for a new, empty database and the migrations would quietly
        // build one; an empty cache with no log beside it is a cache that lost its contents.
        return makeError(u"cache.corrupt"_s,
                         QCoreApplication::translate("fc::CacheProfile",
                                                     "The cache file %1 is empty, so it was probably cut short. It "
                                                     "was left exactly as it was; restore it from a backup or ask IT "
                                                     "support.")
                             .arg(shown(layout.cacheFile())));
    if (!hasCache)
        return makeError(u"profile.cache_missing"_s,
                         QCoreApplication::translate(
                             "fc::CacheProfile",
                             "The key file %1 is there but the cache file %2 is missing. Nothing was changed; "
                             "restore the cache from a backup or ask IT support.")
                             .arg(shown(layout.keyFile()), shown(layout.cacheFile())));
    return {};
}

// Only one process may have a profile open: a key rotation under another open connection would leave
// that connection writing pages under the old key.
Status acquireLock(const ProfileLayout &layout, std::unique_ptr<QLockFile> &lock)
{
    auto candidate = std::make_unique<QLockFile>(layout.lockFile());
    // Never judge a live holder stale by age: a desk keeps its profile open all day. A dead holder's
    // lock (a crash) is still recognised by its process id and taken over.
    candidate->setStaleLockTime(0);
    if (!candidate->tryLock(0)) {
        if (candidate->error() == QLockFile::LockFailedError)
            return makeError(u"profile.in_use"_s,
                             QCoreApplication::translate(
                                 "fc::CacheProfile",
                                 "The cache profile in %1 is already open in another window or program. Close "
                                 "it there first.")
                                 .arg(shown(layout.directory())));
        return makeError(
            u"profile.lock_failed"_s,
            QCoreApplication::translate("fc::CacheProfile",
                                        "The lock file %1 could not be created, so the profile was not opened.")
                .arg(shown(layout.lockFile())));
    }
    lock = std::move(candidate);
    return {};
}

// The password has already unwrapped the key, so a cache that refuses it is damaged or not this key's.
Error mapOpenError(const Error &error, const ProfileLayout &layout)
{
    if (error.code != u"cache.wrong_key"_s)
        return error;
    return makeError(u"profile.cache_unreadable"_s,
                     QCoreApplication::translate(
                         "fc::CacheProfile",
                         "The cache file %1 does not open with the key in %2, although the password is right: the "
                         "cache is damaged, or it is not the cache that key belongs to. Both files were left exactly "
                         "as they were; ask IT support.")
                         .arg(shown(layout.cacheFile()), shown(layout.keyFile())));
}

QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"fc-profile-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

Result<SecureBytes> unwrapAndSettle(const ProfileLayout &layout, const CipherOpenOptions &options,
                                    KeyFileIdentity &identity, const SecureBytes &password)
{
    // Read unauthenticated first so the unwrap can insist on it; the unwrap then authenticates it.
    Result<KeyFileIdentity> claimed = KeyFile::identity(layout.keyFile());
    if (!claimed)
        return claimed.error();
    Result<SecureBytes> current = KeyFile::unlock(layout.keyFile(), claimed.value(), password);
    if (!current)
        return current.error();
    identity = claimed.value();
    Result<SecureBytes> key = settleKeyRotation(layout, identity, password, std::move(current).value(), options);
    if (!key)
        return mapOpenError(key.error(), layout);
    return key;
}

// Opens the cache under `key` as a new connection of `state` and migrates it to the latest schema.
Status openAndMigrate(const ProfileLayout &layout, const CipherOpenOptions &options, const SecureBytes &key,
                      bool createIfMissing, QString &connectionName)
{
    const QString name = nextConnectionName();
    CipherOpenOptions openOptions = options;
    openOptions.createIfMissing = createIfMissing;
    Status status;
    {
        Result<QSqlDatabase> db = openCipherDatabase(layout.cacheFile(), key.view(), name, openOptions);
        if (!db)
            return mapOpenError(db.error(), layout);
        const Result<int> migrated = MigrationRunner(cacheMigrations()).migrate(db.value());
        if (!migrated)
            status = migrated.error();
    }
    if (!status) {
        closeCipherDatabase(name);
        return status;
    }
    connectionName = name;
    return {};
}

} // namespace

CacheProfile::CacheProfile(std::unique_ptr<State> state) : d(std::move(state)) { }
CacheProfile::CacheProfile(CacheProfile &&other) noexcept = default;
CacheProfile &CacheProfile::operator=(CacheProfile &&other) noexcept = default;
CacheProfile::~CacheProfile() = default;

Result<CacheProfile> CacheProfile::create(const QString &directory, const QString &userName,
                                          const SecureBytes &password, KdfCost cost, const CipherOpenOptions &options)
{
    auto state = std::make_unique<State>(directory, options);
    const ProfileLayout &layout = state->layout;
    for (const QString &existing : { layout.keyFile(), layout.pendingKeyFile(), layout.cacheFile() }) {
        if (QFileInfo::exists(existing))
            return makeError(
                u"profile.exists"_s,
                QCoreApplication::translate(
                    "fc::CacheProfile", "There is already a cache profile in %1 (%2 exists); it was left as it was.")
                    .arg(shown(layout.directory()), shown(existing)));
    }
    if (!QFileInfo(layout.directory()).isDir()) {
        if (!QDir().mkpath(layout.directory()))
            return makeError(
                u"profile.create_failed"_s,
                QCoreApplication::translate("fc::CacheProfile", "The profile directory %1 could not be created.")
                    .arg(shown(layout.directory())));
        // Only a directory we made is narrowed: the caller may have pointed us into a shared one.
        QFile::setPermissions(layout.directory(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    if (const Status locked = acquireLock(layout, state->lock); !locked)
        return locked.error();

    state->identity = KeyFileIdentity { userName, QUuid::createUuid().toString(QUuid::WithoutBraces) };
    const Result<SecureBytes> key
        = KeyFile::create(layout.keyFile(), state->identity.userName, state->identity.profileId, password, cost);
    if (!key)
        return key.error();
    if (const Status opened = openAndMigrate(layout, options, key.value(), true, state->connectionName); !opened) {
        // Everything removed here was made by this call a moment ago and holds nothing yet.
        for (const QString &made : layout.cacheCompanionFiles())
            QFile::remove(made);
        QFile::remove(layout.cacheFile());
        QFile::remove(layout.keyFile());
        return opened.error();
    }
    return CacheProfile(std::move(state));
}

Result<CacheProfile> CacheProfile::unlock(const QString &directory, const SecureBytes &password,
                                          const CipherOpenOptions &options)
{
    auto state = std::make_unique<State>(directory, options);
    if (const Status present = checkFilesPresent(state->layout); !present)
        return present.error();
    if (const Status locked = acquireLock(state->layout, state->lock); !locked)
        return locked.error();
    const Result<SecureBytes> key = unwrapAndSettle(state->layout, options, state->identity, password);
    if (!key)
        return key.error();
    if (const Status opened = openAndMigrate(state->layout, options, key.value(), false, state->connectionName);
        !opened)
        return opened.error();
    return CacheProfile(std::move(state));
}

Result<SecureBytes> CacheProfile::dataKey(const QString &directory, const SecureBytes &password)
{
    const CipherOpenOptions options;
    State state(directory, options);
    if (const Status present = checkFilesPresent(state.layout); !present)
        return present.error();
    if (const Status locked = acquireLock(state.layout, state.lock); !locked)
        return locked.error();
    Result<SecureBytes> key = unwrapAndSettle(state.layout, options, state.identity, password);
    if (!key)
        return key;
    // Proven on the cache itself, so support staff are never handed a key that does not open it.
    const QString name = nextConnectionName();
    CipherOpenOptions probe = options;
    probe.createIfMissing = false;
    {
        const Result<QSqlDatabase> db = openCipherDatabase(state.layout.cacheFile(), key.value().view(), name, probe);
        if (!db)
            return mapOpenError(db.error(), state.layout);
    }
    closeCipherDatabase(name);
    return key;
}

bool CacheProfile::isOpen() const
{
    return d && !d->connectionName.isEmpty();
}

QSqlDatabase CacheProfile::database() const
{
    return isOpen() ? QSqlDatabase::database(d->connectionName, false) : QSqlDatabase();
}

QString CacheProfile::connectionName() const
{
    return d ? d->connectionName : QString();
}

ProfileLayout CacheProfile::layout() const
{
    return d ? d->layout : ProfileLayout(QString());
}

KeyFileIdentity CacheProfile::identity() const
{
    return d ? d->identity : KeyFileIdentity();
}

Status CacheProfile::changePassword(const SecureBytes &oldPassword, const SecureBytes &newPassword, KdfCost cost)
{
    if (!isOpen())
        return closedError();
    // A pending key sealed under the old password would no longer unwrap once the current one moves on.
    if (QFileInfo::exists(d->layout.pendingKeyFile()))
        return makeError(u"profile.rotation_pending"_s,
                         QCoreApplication::translate(
                             "fc::CacheProfile",
                             "An earlier key change in %1 is unfinished; unlock the profile again before changing the "
                             "password.")
                             .arg(shown(d->layout.directory())));
    return KeyFile::changePassword(d->layout.keyFile(), oldPassword, newPassword, cost);
}

Status CacheProfile::rotateKey(const SecureBytes &password, KdfCost cost)
{
    if (!isOpen())
        return closedError();
    Status rotated;
    {
        const QSqlDatabase db = database();
        rotated = rotateDataKey(db, d->layout, d->identity, password, cost, d->rotationHook);
    }
    if (rotated)
        return rotated;
    if (rotated.error().code == u"profile.rotation_stopped"_s) {
        close();
        return rotated;
    }
    if (!QFileInfo::exists(d->layout.pendingKeyFile()))
        return rotated; // refused before anything was written: the connection is as it was
    // Past step 1 the connection's key state is not worth trusting: settle from the files, as after a crash.
    d->closeConnection();
    const Result<SecureBytes> key = unwrapAndSettle(d->layout, d->options, d->identity, password);
    if (!key) {
        close();
        return key.error();
    }
    if (const Status reopened = openAndMigrate(d->layout, d->options, key.value(), false, d->connectionName);
        !reopened) {
        close();
        return reopened;
    }
    return rotated;
}

void CacheProfile::setRotationHook(KeyRotationHook hook)
{
    if (d)
        d->rotationHook = std::move(hook);
}

void CacheProfile::close()
{
    if (!d)
        return;
    d->closeConnection();
    d->lock.reset();
}

} // namespace fc
