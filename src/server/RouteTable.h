#pragma once

// The set of routes the server answers, and how a method and path find one.

#include "core/Result.h"
#include "server/Route.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace fc::server {

/// Routes by path and method: exact paths first, then paths with `{name}` segments. A known path with
/// another method is a 405 that lists the allowed methods; an unknown path is a 404.
class RouteTable {
public:
    /// Errors: route.duplicate, route.no_roles (a non-public route must name its roles),
    /// route.no_handler.
    Status add(Route route);

    struct Match {
        const Route *route = nullptr; // null when nothing matched
        QStringList allowedMethods;   // for a 405: the methods the path does answer
        QHash<QString, QString> parameters; // the `{name}` segments of the matched route
    };
    Match find(const QString &method, const QString &path) const;

    /// The limits the HTTP layer applies while a request is still arriving. An unknown route gets
    /// `fallback`, so it can still be answered with a proper 404.
    RouteLimits limitsFor(const QString &method, const QString &path) const;
    void setFallbackLimits(RouteLimits limits) { m_fallback = limits; }

    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
    RouteLimits m_fallback;
};

} // namespace fc::server
