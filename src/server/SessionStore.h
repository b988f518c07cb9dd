#pragma once

// Open sessions, kept by the hash of their token.

#include "core/Result.h"
#include "server/Role.h"
#include "server/ServerDatabase.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fc::server {

/// A session with what deciding about it needs: its user's role, team and state, its device's state.
struct SessionView {
    QString tokenHash;
    QString user;
    Role role = Role::Agent;
    QString team;
    bool userDisabled = false;
    QString deviceId;
    QDateTime deviceLastSeenAt;
    bool deviceRevoked = false;
    QDateTime createdAt;
    QDateTime expiresAt;
};

/// Reads and writes `sessions`. One lookup per request reads the session, its user and its device
/// together, so a disabled user or a revoked device is refused on the very next request.
class SessionStore {
public:
    explicit SessionStore(ServerDatabase &database) : m_db(database) { }

    Status create(const QString &tokenHash, const QString &user, const QString &deviceId,
                  const QDateTime &createdAt, const QDateTime &expiresAt);
    Result<std::optional<SessionView>> find(const QString &tokenHash) const;
    Status remove(const QString &tokenHash);
    /// Returns how many expired sessions were deleted.
    Result<int> removeExpired(const QDateTime &now);

private:
    ServerDatabase &m_db;
};

} // namespace fc::server
