#include "server/UserStore.h"

#include "server/AccountNames.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

const QString kColumns = u"name, role, team, password_hash, disabled, created_at"_s;

UserRecord readUser(const QSqlQuery &query)
{
    UserRecord user;
    user.name = query.value(0).toString();
    user.role = roleFromKey(query.value(1).toString()).value_or(Role::Agent);
    user.team = query.value(2).toString();
    user.passwordHash = query.value(3).toString();
    user.disabled = query.value(4).toBool();
    user.createdAt = ServerDatabase::readTimestamp(query.value(5));
    return user;
}

} // namespace

Status UserStore::add(const UserRecord &user)
{
    if (Status ok = checkUserName(user.name); !ok)
        return ok;
    if (Status ok = checkTeamName(user.team); !ok)
        return ok;
    Result<std::optional<UserRecord>> existing = find(user.name);
    if (!existing)
        return existing.error();
    if (existing.value())
        return makeError(u"account.user_exists"_s,
                         QCoreApplication::translate("fc::server::UserStore", "There is already a user called '%1'.")
                             .arg(user.name));

    const QVariant created = ServerDatabase::timestampValue(user.createdAt.isValid() ? user.createdAt
                                                                                       : QDateTime::currentDateTimeUtc());
    if (Status begun = m_db.begin(); !begun)
        return begun;
    Result<QVariant> team = m_db.scalar(u"SELECT count(*) FROM teams WHERE name = ?"_s, { user.team });
    if (team && team.value().toInt() == 0) {
        if (Result<QSqlQuery> added = m_db.run(u"INSERT INTO teams (name, created_at) VALUES (?, ?)"_s,
                                               { user.team, created });
            !added) {
            m_db.rollback();
            return added.error();
        }
    } else if (!team) {
        m_db.rollback();
        return team.error();
    }
    Result<QSqlQuery> inserted = m_db.run(u"INSERT INTO users (%1) VALUES (?, ?, ?, ?, ?, ?)"_s.arg(kColumns),
                                          { user.name, roleKey(user.role), user.team, user.passwordHash,
                                            user.disabled, created });
    if (!inserted) {
        m_db.rollback();
        return inserted.error();
    }
    return m_db.commit();
}

Result<std::optional<UserRecord>> UserStore::find(const QString &name) const
{
    Result<QSqlQuery> query = m_db.run(u"SELECT %1 FROM users WHERE name = ?"_s.arg(kColumns), { name });
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<UserRecord>();
    return std::optional<UserRecord>(readUser(query.value()));
}

Result<QList<UserRecord>> UserStore::list() const
{
    Result<QSqlQuery> query = m_db.run(u"SELECT %1 FROM users ORDER BY team, name"_s.arg(kColumns));
    if (!query)
        return query.error();
    QList<UserRecord> users;
    while (query.value().next())
        users.append(readUser(query.value()));
    return users;
}

Status UserStore::requireChanged(int rows, const QString &name) const
{
    if (rows > 0)
        return {};
    return makeError(u"account.unknown_user"_s,
                     QCoreApplication::translate("fc::server::UserStore", "There is no user called '%1'.").arg(name));
}

Status UserStore::setPasswordHash(const QString &name, const QString &hash)
{
    Result<QSqlQuery> updated = m_db.run(u"UPDATE users SET password_hash = ? WHERE name = ?"_s, { hash, name });
    if (!updated)
        return updated.error();
    return requireChanged(updated.value().numRowsAffected(), name);
}

Status UserStore::setDisabled(const QString &name, bool disabled)
{
    // Sessions stay: their next request is refused with auth.user_disabled, which tells the desk why,
    // where a deleted session would only look expired.
    Result<QSqlQuery> updated = m_db.run(u"UPDATE users SET disabled = ? WHERE name = ?"_s, { disabled, name });
    if (!updated)
        return updated.error();
    return requireChanged(updated.value().numRowsAffected(), name);
}

} // namespace fc::server
