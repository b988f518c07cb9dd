#include "server/LoginThrottle.h"

using namespace Qt::StringLiterals;

namespace fc::server {

Result<qint64> LoginThrottle::retryAfter(const QString &column, const QString &value, int limit,
                                         const QDateTime &now) const
{
    const QDateTime since = now.addSecs(-m_policy.window.count());
    // With `limit` or more failures in the window, attempts open again when the limit-th newest of them
    // leaves the window: from then on fewer than `limit` remain.
    Result<QSqlQuery> query = m_db.run(u"SELECT failed_at FROM login_failures WHERE %1 = ? AND failed_at > ?"
                                       " ORDER BY failed_at DESC LIMIT ?"_s.arg(column),
                                       { value, ServerDatabase::timestampValue(since), limit });
    if (!query)
        return query.error();
    QDateTime limitth;
    int count = 0;
    while (query.value().next()) {
        ++count;
        limitth = ServerDatabase::readTimestamp(query.value().value(0));
    }
    if (count < limit)
        return qint64(0);
    return qMax<qint64>(1, now.secsTo(limitth.addSecs(m_policy.window.count())));
}

Result<ThrottleDecision> LoginThrottle::check(const QString &user, const QString &address, const QDateTime &now) const
{
    ThrottleDecision decision;
    Result<qint64> byUser = retryAfter(u"user_name"_s, user, m_policy.failuresPerUser, now);
    if (!byUser)
        return byUser.error();
    Result<qint64> byAddress = retryAfter(u"address"_s, address, m_policy.failuresPerAddress, now);
    if (!byAddress)
        return byAddress.error();
    if (byUser.value() > 0 || byAddress.value() > 0) {
        decision.refused = true;
        decision.byAddress = byUser.value() == 0;
        decision.retryAfterSeconds = qMax(byUser.value(), byAddress.value());
    }
    return decision;
}

Status LoginThrottle::recordFailure(const QString &user, const QString &address, const QDateTime &now)
{
    Result<QSqlQuery> added = m_db.run(u"INSERT INTO login_failures (user_name, address, failed_at) VALUES (?, ?, ?)"_s,
                                       { user.left(200), address, ServerDatabase::timestampValue(now) });
    if (!added)
        return added.error();
    Result<QSqlQuery> pruned = m_db.run(u"DELETE FROM login_failures WHERE failed_at <= ?"_s,
                                        { ServerDatabase::timestampValue(now.addSecs(-m_policy.window.count())) });
    if (!pruned)
        return pruned.error();
    return {};
}

Status LoginThrottle::clearUser(const QString &user)
{
    Result<QSqlQuery> done = m_db.run(u"DELETE FROM login_failures WHERE user_name = ?"_s, { user });
    if (!done)
        return done.error();
    return {};
}

} // namespace fc::server
