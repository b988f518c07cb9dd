#pragma once

// The client devices (one user's profile on one machine) that have logged in, and their revocation.

#include "core/Result.h"
#include "server/ServerDatabase.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace fc::server {

/// One row of `devices`. A null revokedAt means the device may still sync.
struct DeviceRecord {
    QString id;
    QString user;
    QString name;
    QDateTime registeredAt;
    QDateTime lastSeenAt;
    QDateTime revokedAt;

    bool isRevoked() const { return revokedAt.isValid(); }
};

/// Reads and writes `devices`. A device is registered by its first login and belongs to that user.
class DeviceStore {
public:
    explicit DeviceStore(ServerDatabase &database) : m_db(database) { }

    Result<std::optional<DeviceRecord>> find(const QString &id) const;
    Result<QList<DeviceRecord>> list() const;

    /// Registers a new device, or renames and touches a known one. Errors: db.*.
    Status registerLogin(const QString &id, const QString &user, const QString &name, const QDateTime &now);
    /// Records activity; cheap to call on every request because it writes at most once a minute.
    Status touch(const QString &id, const QDateTime &lastSeenAt, const QDateTime &now);
    /// Its sessions are refused from their next request on, with auth.device_revoked, which tells the
    /// client to wipe its cache. Errors: device.unknown, db.*.
    Status revoke(const QString &id, const QDateTime &now);

private:
    ServerDatabase &m_db;
};

} // namespace fc::server
