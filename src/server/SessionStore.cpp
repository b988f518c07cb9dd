#include "server/SessionStore.h"

using namespace Qt::StringLiterals;

namespace fc::server {

Status SessionStore::create(const QString &tokenHash, const QString &user, const QString &deviceId,
                            const QDateTime &createdAt, const QDateTime &expiresAt)
{
    Result<QSqlQuery> done = m_db.run(u"INSERT INTO sessions (token_hash, user_name, device_id, created_at, expires_at)"
                                      " VALUES (?, ?, ?, ?, ?)"_s,
                                      { tokenHash, user, deviceId, ServerDatabase::timestampValue(createdAt),
                                        ServerDatabase::timestampValue(expiresAt) });
    if (!done)
        return done.error();
    return {};
}

Result<std::optional<SessionView>> SessionStore::find(const QString &tokenHash) const
{
    // Every request asks this: a cached statement costs one round trip.
    Result<CachedQuery> query = m_db.runCached(
        u"SELECT s.token_hash, s.user_name, u.role, u.team, u.disabled, s.device_id, d.last_seen_at,"
        " d.revoked_at IS NOT NULL, s.created_at, s.expires_at"
        " FROM sessions s JOIN users u ON u.name = s.user_name JOIN devices d ON d.id = s.device_id"
        " WHERE s.token_hash = ?"_s,
        { tokenHash });
    if (!query)
        return query.error();
    CachedQuery &row = query.value();
    if (!row.next())
        return std::optional<SessionView>();
    SessionView session;
    session.tokenHash = row.value(0).toString();
    session.user = row.value(1).toString();
    session.role = roleFromKey(row.value(2).toString()).value_or(Role::Agent);
    session.team = row.value(3).toString();
    session.userDisabled = row.value(4).toBool();
    session.deviceId = row.value(5).toString();
    session.deviceLastSeenAt = ServerDatabase::readTimestamp(row.value(6));
    session.deviceRevoked = row.value(7).toBool();
    session.createdAt = ServerDatabase::readTimestamp(row.value(8));
    session.expiresAt = ServerDatabase::readTimestamp(row.value(9));
    return std::optional<SessionView>(session);
}

Status SessionStore::remove(const QString &tokenHash)
{
    Result<QSqlQuery> done = m_db.run(u"DELETE FROM sessions WHERE token_hash = ?"_s, { tokenHash });
    if (!done)
        return done.error();
    return {};
}

Result<int> SessionStore::removeExpired(const QDateTime &now)
{
    Result<QSqlQuery> done = m_db.run(u"DELETE FROM sessions WHERE expires_at <= ?"_s,
                                      { ServerDatabase::timestampValue(now) });
    if (!done)
        return done.error();
    return done.value().numRowsAffected();
}

} // namespace fc::server
