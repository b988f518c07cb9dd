#include "server/RouteTable.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc::server {

Status RouteTable::add(Route route)
{
    const QString name = route.method + u' ' + route.path;
    if (!route.handler)
        return makeError(u"route.no_handler"_s, u"The route %1 has no handler."_s.arg(name));
    if (!route.isPublic && route.roles.isEmpty())
        return makeError(u"route.no_roles"_s,
                         u"The route %1 is not public but names no roles: say who may call it."_s.arg(name));
    if (find(route.method, route.path).route)
        return makeError(u"route.duplicate"_s, u"The route %1 is already there."_s.arg(name));
    m_routes.append(std::move(route));
    return {};
}

RouteTable::Match RouteTable::find(const QString &method, const QString &path) const
{
    Match match;
    for (const Route &route : m_routes) {
        if (route.path != path)
            continue;
        if (route.method == method) {
            match.route = &route;
            return match;
        }
        match.allowedMethods.append(route.method);
    }
    return match;
}

RouteLimits RouteTable::limitsFor(const QString &method, const QString &path) const
{
    const Match match = find(method, path);
    return match.route ? match.route->limits : m_fallback;
}

} // namespace fc::server
