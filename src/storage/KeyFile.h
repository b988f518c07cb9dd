#pragma once

// Creates, unlocks and rewraps the password-wrapped data key that encrypts one user's cache on one device.

#include "core/Result.h"
#include "storage/SecureBytes.h"

#include <QString>

namespace fc {

/// How much work the password-to-wrapping-key derivation (Argon2id) costs. The chosen figures are
/// written into each key file, so changing the default later never stops older files opening.
enum class KdfCost {
    Interactive, ///< 2 passes, 64 MiB: tests and benchmarks only.
    Moderate, ///< 3 passes, 256 MiB: the desk default, about 0.4 s to unlock.
    Sensitive, ///< 4 passes, 1 GiB: several seconds; for machines that can afford it.
};

/// Argon2id work figures as stored in a key file.
struct KdfParams {
    quint32 opsLimit = 0;
    quint64 memLimitBytes = 0;

    friend bool operator==(const KdfParams &, const KdfParams &) = default;
};

/// Whose key a file holds. Written in the clear but authenticated, so it can be shown before unlock and
/// a file cannot be passed off as another user's or profile's without unlock failing.
struct KeyFileIdentity {
    QString userName;
    QString profileId;

    friend bool operator==(const KeyFileIdentity &, const KeyFileIdentity &) = default;
};

/// The wrapped data-key file (format in docs/storage/KEYS.md). A random 32-byte data key is sealed
/// with XChaCha20-Poly1305 under a key derived from the user's password by Argon2id; the header
/// (parameters, salt, identity) is the AEAD's additional data. Changing the password rewraps the same
/// data key, so the cache it opens is never rewritten. Reading never modifies the file, and nothing
/// here deletes or overwrites an existing key file except changePassword() after the old password
/// has unlocked it.
class KeyFile {
public:
    static constexpr int kFormatVersion = 1;
    static constexpr qsizetype kDataKeyBytes = 32;
    /// Longest user name or profile id, in UTF-8 bytes.
    static constexpr qsizetype kMaxIdentityBytes = 256;
    /// Bounds on stored Argon2id figures, checked before any derivation so a damaged or hostile file
    /// cannot make unlock run for hours or reserve gigabytes (the top is Sensitive's memory and 4x its passes).
    static constexpr quint32 kMinOpsLimit = 1;
    static constexpr quint32 kMaxOpsLimit = 16;
    static constexpr quint64 kMinMemLimitBytes = 8 * 1024;
    static constexpr quint64 kMaxMemLimitBytes = quint64(1) << 30;

    static KdfParams params(KdfCost cost);

    /// Generates a new random data key, writes it wrapped under `password` to `path` (atomically, mode
    /// 0600) and returns it. Refuses to replace an existing file: losing it would lose the cache.
    /// Errors: keyfile.exists, keyfile.empty_password, keyfile.invalid_identity, keyfile.kdf_failed,
    /// keyfile.write_failed, sodium.init_failed, securebytes.*.
    static Result<SecureBytes> create(const QString &path, const QString &userName, const QString &profileId,
                                      const SecureBytes &password, KdfCost cost = KdfCost::Moderate);

    /// The data key, given the right password. The file is only read.
    /// Errors: keyfile.missing, keyfile.unreadable, keyfile.not_a_key_file, keyfile.corrupt,
    /// keyfile.unsupported_version, keyfile.wrong_password, keyfile.kdf_failed, sodium.init_failed.
    static Result<SecureBytes> unlock(const QString &path, const SecureBytes &password);

    /// As unlock(), and also keyfile.wrong_identity when the file belongs to another user or profile
    /// (checked before the slow derivation; the identity is authenticated by the unwrap itself).
    static Result<SecureBytes> unlock(const QString &path, const KeyFileIdentity &expected,
                                      const SecureBytes &password);

    /// Rewraps the same data key under `newPassword` with a fresh salt and nonce and the given cost,
    /// replacing the file atomically. On any error the file is left exactly as it was.
    /// Errors: those of unlock() for the old password, plus keyfile.empty_password, keyfile.write_failed.
    static Status changePassword(const QString &path, const SecureBytes &oldPassword, const SecureBytes &newPassword,
                                 KdfCost cost = KdfCost::Moderate);

    /// Who the file says it belongs to, without a password: for display only, since it is not
    /// authenticated until an unlock succeeds. Errors: as unlock(), except wrong_password and kdf_failed.
    static Result<KeyFileIdentity> identity(const QString &path);

    KeyFile() = delete;
};

} // namespace fc
