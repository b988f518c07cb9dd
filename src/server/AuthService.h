#pragma once

// Login, logout and the per-request session check: the server's whole idea of who is calling.

#include "core/Result.h"
#include "server/Caller.h"
#include "server/DeviceStore.h"
#include "server/LoginThrottle.h"
#include "server/PasswordHasher.h"
#include "server/ServerDatabase.h"
#include "server/SessionStore.h"
#include "server/UserStore.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>

namespace fc::server {

/// The knobs of authentication; the defaults are the production values documented in docs/SERVER.md.
struct AuthPolicy {
    PasswordCost passwordCost = PasswordCost::interactive();
    std::chrono::seconds sessionLifetime { 12 * 60 * 60 }; // a long shift, then log in again
    ThrottlePolicy throttle;
};

/// What a login sends: the user's name and password, the client's device id and a name for the
/// device, and the client's address (for throttling).
struct LoginAttempt {
    QString user;
    QString password;
    QString deviceId;
    QString deviceName;
    QString address;
};

/// A successful login: the token (shown to the client once, stored only as its hash) and the user.
struct LoginGranted {
    QString token;
    QDateTime expiresAt;
    UserRecord user;
};

/// Checks passwords (Argon2id), opens and closes sessions, and turns a bearer token into a Caller on
/// every request, refusing disabled users and revoked devices at once. Throttles failed logins per
/// user and per address. All state is in the database, so several servers can share it.
class AuthService {
public:
    using Clock = std::function<QDateTime()>;

    explicit AuthService(ServerDatabase &database, AuthPolicy policy = {}, Clock clock = {});

    /// Errors: auth.throttled, auth.invalid_credentials (unknown user or wrong password, told apart
    /// nowhere, not even in the time taken), auth.user_disabled, auth.device_revoked,
    /// auth.device_other_user, account.bad_device_id, account.bad_device_name, db.*.
    Result<LoginGranted> login(const LoginAttempt &attempt);
    /// For a refused login: seconds until it may be tried again (0 when it may now). Errors: db.*.
    Result<qint64> retryAfterSeconds(const QString &user, const QString &address);

    /// Errors: auth.missing_token, auth.invalid_token, auth.token_expired, auth.user_disabled,
    /// auth.device_revoked, db.*.
    Result<Caller> authenticate(const QString &bearerToken);
    /// Ends the caller's session. Errors: db.*.
    Status logout(const Caller &caller);

    QDateTime now() const { return m_clock(); }
    const AuthPolicy &policy() const { return m_policy; }
    UserStore &users() { return m_users; }
    DeviceStore &devices() { return m_devices; }

private:
    Error invalidCredentials() const;

    ServerDatabase &m_db;
    AuthPolicy m_policy;
    Clock m_clock;
    PasswordHasher m_hasher;
    UserStore m_users;
    DeviceStore m_devices;
    SessionStore m_sessions;
    LoginThrottle m_throttle;
    QString m_decoyHash; // verified against for unknown users, so they cost the same time as known ones
};

} // namespace fc::server
