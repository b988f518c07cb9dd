#include "server/TeamScope.h"

#include <QCoreApplication>
#include <QVariantList>

using namespace Qt::StringLiterals;

namespace fc::server {

TeamScope TeamScope::of(const Caller &caller)
{
    TeamScope scope;
    scope.m_allTeams = caller.role == Role::Admin;
    scope.m_team = caller.team;
    return scope;
}

Status TeamScope::require(const QString &team) const
{
    if (includes(team))
        return {};
    return makeError(u"auth.wrong_team"_s,
                     QCoreApplication::translate("fc::server::TeamScope",
                                                 "This record belongs to the team '%1', which you do not work in.")
                         .arg(team));
}

QString TeamScope::sqlTeamFilter(const QString &column, QVariantList &values) const
{
    if (m_allTeams)
        return u"1 = 1"_s;
    values.append(m_team);
    return column + u" = ?"_s;
}

Status requireRole(const Caller &caller, const QList<Role> &allowed)
{
    if (allowed.contains(caller.role))
        return {};
    QStringList keys;
    for (Role role : allowed)
        keys.append(roleKey(role));
    return makeError(u"auth.forbidden_role"_s,
                     QCoreApplication::translate("fc::server::TeamScope",
                                                 "Your role (%1) may not do this; it needs one of: %2.")
                         .arg(roleKey(caller.role), keys.join(u", "_s)));
}

} // namespace fc::server
