#pragma once

// Argon2id password hashes for server accounts (libsodium's crypto_pwhash_str).

#include "core/Result.h"

#include <QString>

#include <cstddef>

namespace fc::server {

/// How much work one password hash costs. The hash string records its own cost, so a hash made with
/// an older cost still verifies, and PasswordHasher::needsRehash() says when to replace it.
struct PasswordCost {
    unsigned long long opsLimit = 0;
    std::size_t memLimit = 0;

    /// libsodium's INTERACTIVE: 64 MiB, 2 passes. The server's default (see docs/SERVER.md for the
    /// measurement behind the choice).
    static PasswordCost interactive();
    /// libsodium's MODERATE: 256 MiB, 3 passes.
    static PasswordCost moderate();
    /// The smallest cost libsodium allows: for tests only, never for real accounts.
    static PasswordCost minimum();
};

/// Hashes and checks passwords with Argon2id at a chosen cost, and tells when a stored hash was made
/// with another cost so a successful login can replace it.
class PasswordHasher {
public:
    explicit PasswordHasher(PasswordCost cost = PasswordCost::interactive());

    /// A "$argon2id$v=19$m=...,t=...,p=1$salt$hash" string with a fresh random salt.
    /// Errors: auth.hash_failed (out of memory), sodium.init_failed.
    Result<QString> hash(const QString &password) const;
    /// False for a wrong password and for anything that is not an Argon2id hash string.
    bool verify(const QString &hash, const QString &password) const;
    bool needsRehash(const QString &hash) const;

    /// A password people may choose: 8 to 1024 characters (the upper bound caps the work a login costs).
    /// Errors: auth.password_too_short, auth.password_too_long.
    static Status checkAcceptable(const QString &password);

    const PasswordCost &cost() const { return m_cost; }

private:
    PasswordCost m_cost;
};

} // namespace fc::server
