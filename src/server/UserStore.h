#pragma once

// Server accounts and the teams they belong to.

#include "core/Result.h"
#include "server/Role.h"
#include "server/ServerDatabase.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace fc::server {

/// One row of `users`.
struct UserRecord {
    QString name;
    Role role = Role::Agent;
    QString team;
    QString passwordHash;
    bool disabled = false;
    QDateTime createdAt;
};

/// Reads and writes `users` and `teams`. Every change is one statement or one transaction.
class UserStore {
public:
    explicit UserStore(ServerDatabase &database) : m_db(database) { }

    /// Adds the user, and their team when it is new. Errors: account.bad_user_name,
    /// account.bad_team_name, account.user_exists, db.*.
    Status add(const UserRecord &user);
    Result<std::optional<UserRecord>> find(const QString &name) const;
    Result<QList<UserRecord>> list() const;

    /// Errors: account.unknown_user, db.*.
    Status setPasswordHash(const QString &name, const QString &hash);
    /// A disabled user cannot log in, and their open sessions are refused on their next request.
    /// Errors: account.unknown_user, db.*.
    Status setDisabled(const QString &name, bool disabled);

private:
    Status requireChanged(int rows, const QString &name) const;

    ServerDatabase &m_db;
};

} // namespace fc::server
