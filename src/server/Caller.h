#pragma once

// Who made an authenticated request, as every route handler sees them.

#include "server/Role.h"

#include <QDateTime>
#include <QString>

namespace fc::server {

/// The user behind a valid session token: their role and team, the device the session was opened on,
/// and the session itself (by its hash; the token is never kept).
struct Caller {
    QString user;
    Role role = Role::Agent;
    QString team;
    QString deviceId;
    QString tokenHash;
    QDateTime expiresAt;
};

} // namespace fc::server
