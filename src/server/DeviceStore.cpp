#include "server/DeviceStore.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

const QString kColumns = u"id, user_name, name, registered_at, last_seen_at, revoked_at"_s;

DeviceRecord readDevice(const QSqlQuery &query)
{
    DeviceRecord device;
    device.id = query.value(0).toString();
    device.user = query.value(1).toString();
    device.name = query.value(2).toString();
    device.registeredAt = ServerDatabase::readTimestamp(query.value(3));
    device.lastSeenAt = ServerDatabase::readTimestamp(query.value(4));
    device.revokedAt = ServerDatabase::readTimestamp(query.value(5));
    return device;
}

} // namespace

Result<std::optional<DeviceRecord>> DeviceStore::find(const QString &id) const
{
    Result<QSqlQuery> query = m_db.run(u"SELECT %1 FROM devices WHERE id = ?"_s.arg(kColumns), { id });
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<DeviceRecord>();
    return std::optional<DeviceRecord>(readDevice(query.value()));
}

Result<QList<DeviceRecord>> DeviceStore::list() const
{
    Result<QSqlQuery> query = m_db.run(u"SELECT %1 FROM devices ORDER BY user_name, registered_at"_s.arg(kColumns));
    if (!query)
        return query.error();
    QList<DeviceRecord> devices;
    while (query.value().next())
        devices.append(readDevice(query.value()));
    return devices;
}

Status DeviceStore::registerLogin(const QString &id, const QString &user, const QString &name, const QDateTime &now)
{
    const QVariant when = ServerDatabase::timestampValue(now);
    // Two servers may register the same new device at once; the loser's insert becomes an update, but
    // only for the same user: the caller's earlier ownership check may have raced another user's login.
    Result<QSqlQuery> done = m_db.run(u"INSERT INTO devices (id, user_name, name, registered_at, last_seen_at)"
                                      " VALUES (?, ?, ?, ?, ?)"
                                      " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                                      " last_seen_at = excluded.last_seen_at"
                                      " WHERE devices.user_name = excluded.user_name"_s,
                                      { id, user, name, when, when });
    if (!done)
        return done.error();
    if (done.value().numRowsAffected() == 0)
        return makeError(u"auth.device_other_user"_s,
                         QCoreApplication::translate("fc::server::AuthService",
                                                     "This device is registered to another user. Each user needs "
                                                     "their own profile."));
    return {};
}

Status DeviceStore::touch(const QString &id, const QDateTime &lastSeenAt, const QDateTime &now)
{
    if (lastSeenAt.isValid() && lastSeenAt.secsTo(now) < 60)
        return {};
    Result<QSqlQuery> done = m_db.run(u"UPDATE devices SET last_seen_at = ? WHERE id = ?"_s,
                                      { ServerDatabase::timestampValue(now), id });
    if (!done)
        return done.error();
    return {};
}

Status DeviceStore::revoke(const QString &id, const QDateTime &now)
{
    Result<QSqlQuery> done = m_db.run(u"UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"_s,
                                      { ServerDatabase::timestampValue(now), id });
    if (!done)
        return done.error();
    if (done.value().numRowsAffected() == 0)
        return makeError(u"device.unknown"_s,
                         QCoreApplication::translate("fc::server::DeviceStore", "There is no device with the id '%1'.")
                             .arg(id));
    return {};
}

} // namespace fc::server
