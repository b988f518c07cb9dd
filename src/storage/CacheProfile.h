#pragma once

// One user's cache profile on one desk: the wrapped key file and the encrypted cache, unlocked together.

#include "core/Result.h"
#include "storage/CipherOpenOptions.h"
#include "storage/KeyFile.h"
#include "storage/KeyRotation.h"
#include "storage/ProfileLayout.h"
#include "storage/SecureBytes.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace fc {

/// An unlocked profile: holds the profile's lock and one open, migrated connection to its cache, on
/// the thread that unlocked it (Qt's rule for connections). Destroy or close() it on that same thread,
/// after every QSqlDatabase and QSqlQuery taken from database() is gone. Move-only; a moved-from
/// profile is closed.
///
/// The directory layout (ProfileLayout) and the crash-safe key rotation are described in
/// docs/OPERATIONS.md. No operation here deletes or rewrites a cache or key file the user could still
/// need: a wrong password, a missing or damaged file all end in an error naming the file, with every
/// file as it was.
class CacheProfile {
public:
    /// Makes a new profile in `directory` (created, mode 0700, when missing): a new random data key
    /// wrapped under `password`, and an empty cache at the latest schema. Returns it unlocked.
    /// Errors: profile.exists, profile.in_use, profile.create_failed, and those of KeyFile::create,
    /// openCipherDatabase and MigrationRunner::migrate (after which the files this call made are removed).
    static Result<CacheProfile> create(const QString &directory, const QString &userName, const SecureBytes &password,
                                       KdfCost cost = KdfCost::Moderate, const CipherOpenOptions &options = {});

    /// Unwraps the data key with `password`, finishes or undoes a key rotation a crash interrupted,
    /// opens the cache and brings its schema up to date. Runs Argon2id: call it off the GUI thread
    /// (CacheWorker does). Errors: profile.not_found, profile.key_missing, profile.cache_missing,
    /// profile.in_use, profile.cache_unreadable, profile.rotation_unresolved, keyfile.* (among them
    /// keyfile.wrong_password), cache.* (among them cache.corrupt) and schema.too_new.
    static Result<CacheProfile> unlock(const QString &directory, const SecureBytes &password,
                                       const CipherOpenOptions &options = {});

    /// The raw 32-byte data key that opens the cache, proven by opening it, for support staff
    /// (firstcontact-cli cache key). Settles an interrupted rotation as unlock() does, but never
    /// migrates: it must work on a cache written by a newer program too. Same errors as unlock().
    static Result<SecureBytes> dataKey(const QString &directory, const SecureBytes &password);

    CacheProfile(CacheProfile &&other) noexcept;
    CacheProfile &operator=(CacheProfile &&other) noexcept;
    CacheProfile(const CacheProfile &) = delete;
    CacheProfile &operator=(const CacheProfile &) = delete;
    ~CacheProfile();

    bool isOpen() const;
    /// The open connection; an invalid QSqlDatabase once closed. Do not keep copies past close().
    QSqlDatabase database() const;
    QString connectionName() const;
    ProfileLayout layout() const;
    /// Whose profile this is, as authenticated by the key file's unwrap.
    KeyFileIdentity identity() const;

    /// Rewraps the same data key under `newPassword`. Only the key file changes: the cache is not
    /// rewritten. Errors: profile.closed, profile.rotation_pending, and those of KeyFile::changePassword.
    Status changePassword(const SecureBytes &oldPassword, const SecureBytes &newPassword,
                          KdfCost cost = KdfCost::Moderate);

    /// Replaces the data key with a new random one and re-encrypts the whole cache under it (PRAGMA
    /// rekey), safely against a crash at any point (KeyRotation.h). The password is checked against
    /// the key file first. If a step after the new key file was written fails, the profile closes its
    /// connection, settles the rotation as unlock() would and reopens, so it stays usable under whichever
    /// key the cache has. Errors: profile.closed, profile.rotation_pending, keyfile.*, cache.rekey_failed,
    /// profile.key_swap_failed, profile.rotation_stopped (tests only).
    Status rotateKey(const SecureBytes &password, KdfCost cost = KdfCost::Moderate);

    /// Failure injection for tests: `hook` is called after each step of every later rotateKey(); when it
    /// returns false, rotateKey() stops there as if the process had died, returns profile.rotation_stopped
    /// and leaves the profile closed. An empty hook turns it off.
    void setRotationHook(KeyRotationHook hook);

    /// Closes the connection and releases the profile's lock. Safe to call twice.
    void close();

private:
    struct State;
    explicit CacheProfile(std::unique_ptr<State> state);

    std::unique_ptr<State> d;
};

} // namespace fc
