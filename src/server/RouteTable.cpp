#include "server/RouteTable.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

bool isParameter(QStringView segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

bool isPattern(const QString &path)
{
    return path.contains(u'{');
}

// Whether `path` fits the pattern, segment by segment; the parameters it names go into `parameters`.
bool matches(const QString &pattern, const QString &path, QHash<QString, QString> *parameters)
{
    const QList<QStringView> want = QStringView(pattern).split(u'/');
    const QList<QStringView> have = QStringView(path).split(u'/');
    if (want.size() != have.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (isParameter(want.at(i))) {
            if (have.at(i).isEmpty())
                return false;
            found.insert(want.at(i).mid(1, want.at(i).size() - 2).toString(), have.at(i).toString());
        } else if (want.at(i) != have.at(i)) {
            return false;
        }
    }
    *parameters = found;
    return true;
}

} // namespace

Status RouteTable::add(Route route)
{
    const QString name = route.method + u' ' + route.path;
    if (!route.handler)
        return makeError(u"route.no_handler"_s, u"The route %1 has no handler."_s.arg(name));
    if (!route.isPublic && route.roles.isEmpty())
        return makeError(u"route.no_roles"_s,
                         u"The route %1 is not public but names no roles: say who may call it."_s.arg(name));
    for (const Route &other : m_routes) {
        if (other.method == route.method && other.path == route.path)
            return makeError(u"route.duplicate"_s, u"The route %1 is already there."_s.arg(name));
    }
    m_routes.append(std::move(route));
    return {};
}

RouteTable::Match RouteTable::find(const QString &method, const QString &path) const
{
    Match match;
    // Exact paths first, so "/v1/scripts/drafts" is never taken for a "/v1/scripts/{id}".
    for (bool patterns : { false, true }) {
        for (const Route &route : m_routes) {
            if (isPattern(route.path) != patterns)
                continue;
            QHash<QString, QString> parameters;
            if (patterns ? !matches(route.path, path, &parameters) : route.path != path)
                continue;
            if (route.method == method) {
                match.route = &route;
                match.parameters = parameters;
                match.allowedMethods.clear();
                return match;
            }
            match.allowedMethods.append(route.method);
        }
        if (!match.allowedMethods.isEmpty())
            return match;
    }
    return match;
}

RouteLimits RouteTable::limitsFor(const QString &method, const QString &path) const
{
    const Match match = find(method, path);
    return match.route ? match.route->limits : m_fallback;
}

} // namespace fc::server
