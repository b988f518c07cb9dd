#pragma once

// The role and team checks routes apply to a caller before touching a record.

#include "core/Result.h"
#include "server/Caller.h"

#include <QList>
#include <QString>
#include <QVariantList>

namespace fc::server {

/// Which teams' records a caller may work on: an admin every team's, everyone else their own team's.
/// Routes that read or change team-owned records (cases, queues, figures) ask this before the query,
/// and use sqlTeamFilter() to keep list queries inside the scope.
class TeamScope {
public:
    static TeamScope of(const Caller &caller);

    bool allTeams() const { return m_allTeams; }
    const QString &team() const { return m_team; }
    bool includes(const QString &team) const { return m_allTeams || team == m_team; }

    /// Errors: auth.wrong_team (403).
    Status require(const QString &team) const;

    /// A condition on `column` for a WHERE clause, with its value appended to `values`: "1 = 1" for
    /// all teams, otherwise "column = ?".
    QString sqlTeamFilter(const QString &column, QVariantList &values) const;

private:
    bool m_allTeams = false;
    QString m_team;
};

/// Errors: auth.forbidden_role (403) when the caller's role is not one of `allowed`.
Status requireRole(const Caller &caller, const QList<Role> &allowed);

} // namespace fc::server
