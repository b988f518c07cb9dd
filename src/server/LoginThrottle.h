#pragma once

// Slows password guessing: recent failed logins per user name and per client address.

#include "core/Result.h"
#include "server/ServerDatabase.h"

#include <QDateTime>
#include <QString>

#include <chrono>

namespace fc::server {

/// How many failures in what window refuse further attempts. The address limit is higher than the
/// user limit because a whole contact centre may sit behind one NAT address.
struct ThrottlePolicy {
    int failuresPerUser = 5;
    int failuresPerAddress = 20;
    std::chrono::seconds window { 15 * 60 };
};

/// Whether a login may be tried now, and if not, for how long it stays refused.
struct ThrottleDecision {
    bool refused = false;
    bool byAddress = false; // which limit was reached (user first when both)
    qint64 retryAfterSeconds = 0;
};

/// Counts failed logins in `login_failures` over a sliding window. Kept in the database, so every
/// server process behind a load balancer counts the same failures.
class LoginThrottle {
public:
    LoginThrottle(ServerDatabase &database, ThrottlePolicy policy = {}) : m_db(database), m_policy(policy) { }

    Result<ThrottleDecision> check(const QString &user, const QString &address, const QDateTime &now) const;
    /// Records a failure, and drops failures older than the window while it is there.
    Status recordFailure(const QString &user, const QString &address, const QDateTime &now);
    /// A successful login forgets the user's failures (not the address's: others may be guessing there).
    Status clearUser(const QString &user);

    const ThrottlePolicy &policy() const { return m_policy; }

private:
    Result<qint64> retryAfter(const QString &column, const QString &value, int limit, const QDateTime &now) const;

    ServerDatabase &m_db;
    ThrottlePolicy m_policy;
};

} // namespace fc::server
