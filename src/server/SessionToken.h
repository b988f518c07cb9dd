#pragma once

// Session tokens: what a client presents, and the only form of it the server keeps.

#include "core/Result.h"

#include <QString>

namespace fc::server {

/// A session token is 32 random bytes written as unpadded base64url (43 characters); the database
/// holds only its SHA-256, so reading the sessions table does not let anyone in.
class SessionToken {
public:
    /// Errors: sodium.init_failed.
    static Result<QString> generate();
    /// Lower-case hex SHA-256 of the token's text: the `sessions.token_hash` key.
    static QString hash(const QString &token);
    /// True for 43 base64url characters: anything else is refused without a database lookup.
    static bool looksValid(const QString &token);

    static constexpr int kRandomBytes = 32;
    static constexpr int kTextLength = 43;
};

} // namespace fc::server
