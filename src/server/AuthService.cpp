#include "server/AuthService.h"

#include "server/AccountNames.h"
#include "server/SessionToken.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::server::AuthService", text);
}

} // namespace

AuthService::AuthService(ServerDatabase &database, AuthPolicy policy, Clock clock)
    : m_db(database),
      m_policy(policy),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); })),
      m_hasher(policy.passwordCost),
      m_users(database),
      m_devices(database),
      m_sessions(database),
      m_throttle(database, policy.throttle)
{
}

Error AuthService::invalidCredentials() const
{
    return makeError(u"auth.invalid_credentials"_s, tr("The user name or password is not right."));
}

Result<qint64> AuthService::retryAfterSeconds(const QString &user, const QString &address)
{
    Result<ThrottleDecision> decision = m_throttle.check(user, address, now());
    if (!decision)
        return decision.error();
    return decision.value().retryAfterSeconds;
}

Result<LoginGranted> AuthService::login(const LoginAttempt &attempt)
{
    if (Status ok = checkDeviceId(attempt.deviceId); !ok)
        return ok.error();
    if (Status ok = checkDeviceName(attempt.deviceName); !ok)
        return ok.error();
    const QDateTime started = now();

    // Refused before any password is checked, so a throttled attacker learns nothing, not even from a
    // right guess.
    Result<ThrottleDecision> throttle = m_throttle.check(attempt.user, attempt.address, started);
    if (!throttle)
        return throttle.error();
    if (throttle.value().refused) {
        const qint64 minutes = (throttle.value().retryAfterSeconds + 59) / 60;
        return makeError(u"auth.throttled"_s,
                         throttle.value().byAddress
                             ? QCoreApplication::translate("fc::server::AuthService",
                                                           "Too many failed logins from this address. Try again in "
                                                           "%n minute(s).",
                                                           nullptr, int(minutes))
                             : QCoreApplication::translate("fc::server::AuthService",
                                                           "Too many failed logins for this user. Try again in "
                                                           "%n minute(s).",
                                                           nullptr, int(minutes)));
    }

    Result<std::optional<UserRecord>> found = m_users.find(attempt.user);
    if (!found)
        return found.error();
    if (!found.value()) {
        if (m_decoyHash.isEmpty()) {
            // Without the decoy an unknown name would be refused at once and a known one after a full
            // Argon2id check, telling an attacker which names exist: fail the login instead.
            Result<QString> decoy = m_hasher.hash(u"decoy password for unknown users"_s);
            if (!decoy)
                return decoy.error();
            m_decoyHash = decoy.value();
        }
        (void)m_hasher.verify(m_decoyHash, attempt.password);
        if (Status recorded = m_throttle.recordFailure(attempt.user, attempt.address, started); !recorded)
            return recorded.error();
        return invalidCredentials();
    }
    UserRecord user = *found.value();
    if (!m_hasher.verify(user.passwordHash, attempt.password)) {
        if (Status recorded = m_throttle.recordFailure(attempt.user, attempt.address, started); !recorded)
            return recorded.error();
        return invalidCredentials();
    }
    if (Status cleared = m_throttle.clearUser(user.name); !cleared)
        return cleared.error();

    // Told only to someone who knows the password: these answers are for the account's owner.
    if (user.disabled)
        return makeError(u"auth.user_disabled"_s, tr("This account has been disabled. Ask an administrator."));
    Result<std::optional<DeviceRecord>> device = m_devices.find(attempt.deviceId);
    if (!device)
        return device.error();
    if (device.value() && device.value()->user != user.name)
        return makeError(u"auth.device_other_user"_s,
                         tr("This device is registered to another user. Each user needs their own profile."));
    if (device.value() && device.value()->isRevoked())
        return makeError(u"auth.device_revoked"_s,
                         tr("This device has been revoked and may no longer sync. Its local data must be "
                            "removed."));

    if (m_hasher.needsRehash(user.passwordHash)) {
        Result<QString> rehashed = m_hasher.hash(attempt.password);
        if (rehashed) {
            if (Status stored = m_users.setPasswordHash(user.name, rehashed.value()); !stored)
                return stored.error();
            user.passwordHash = rehashed.value();
        }
    }

    Result<QString> token = SessionToken::generate();
    if (!token)
        return token.error();
    const QDateTime expires = started.addSecs(m_policy.sessionLifetime.count());
    if (Status begun = m_db.begin(); !begun)
        return begun.error();
    Status saved = m_devices.registerLogin(attempt.deviceId, user.name, attempt.deviceName.trimmed(), started);
    if (saved)
        saved = m_sessions.create(SessionToken::hash(token.value()), user.name, attempt.deviceId, started, expires);
    if (saved) {
        Result<int> pruned = m_sessions.removeExpired(started);
        if (!pruned)
            saved = pruned.error();
    }
    if (!saved) {
        m_db.rollback();
        return saved.error();
    }
    if (Status committed = m_db.commit(); !committed)
        return committed.error();
    return LoginGranted { token.value(), expires, user };
}

Result<Caller> AuthService::authenticate(const QString &bearerToken)
{
    if (bearerToken.isEmpty())
        return makeError(u"auth.missing_token"_s,
                         tr("This request needs a session token: log in first and send it as "
                            "'Authorization: Bearer TOKEN'."));
    const Error invalid = makeError(u"auth.invalid_token"_s, tr("The session token is not valid: log in again."));
    if (!SessionToken::looksValid(bearerToken))
        return invalid;
    Result<std::optional<SessionView>> found = m_sessions.find(SessionToken::hash(bearerToken));
    if (!found)
        return found.error();
    if (!found.value())
        return invalid;
    const SessionView &session = *found.value();
    const QDateTime current = now();
    if (session.expiresAt <= current) {
        (void)m_sessions.remove(session.tokenHash);
        return makeError(u"auth.token_expired"_s, tr("The session has expired: log in again."));
    }
    if (session.userDisabled)
        return makeError(u"auth.user_disabled"_s, tr("This account has been disabled. Ask an administrator."));
    if (session.deviceRevoked)
        return makeError(u"auth.device_revoked"_s,
                         tr("This device has been revoked and may no longer sync. Its local data must be "
                            "removed."));
    if (Status touched = m_devices.touch(session.deviceId, session.deviceLastSeenAt, current); !touched)
        return touched.error();
    return Caller { session.user, session.role, session.team, session.deviceId, session.tokenHash, session.expiresAt };
}

Status AuthService::logout(const Caller &caller)
{
    return m_sessions.remove(caller.tokenHash);
}

} // namespace fc::server
