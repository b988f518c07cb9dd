#include "server/Role.h"

using namespace Qt::StringLiterals;

namespace fc::server {

QString roleKey(Role role)
{
    switch (role) {
    case Role::Agent:
        return u"agent"_s;
    case Role::Counter:
        return u"counter"_s;
    case Role::Supervisor:
        return u"supervisor"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return QString();
}

std::optional<Role> roleFromKey(QStringView key)
{
    for (Role role : allRoles()) {
        if (key == roleKey(role))
            return role;
    }
    return std::nullopt;
}

QList<Role> allRoles()
{
    return { Role::Agent, Role::Counter, Role::Supervisor, Role::Admin };
}

} // namespace fc::server
