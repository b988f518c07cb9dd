#include "server/HealthRoute.h"

#include "server/ServerMigrator.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

Result<ApiResponse> health(ServerDatabase &database)
{
    Result<int> version = ServerMigrator::currentVersion(database);
    if (!version && !database.ping()) {
        (void)database.reconnect();
        version = ServerMigrator::currentVersion(database);
    }
    if (!version)
        return ApiResponse::ok({ { u"status"_s, u"database_unavailable"_s },
                                 { u"database"_s, dialectKey(database.dialect()) },
                                 { u"schema_version"_s, QJsonValue(QJsonValue::Null) } },
                               503);
    return ApiResponse::ok({ { u"status"_s, u"ok"_s },
                             { u"database"_s, dialectKey(database.dialect()) },
                             { u"schema_version"_s, version.value() } });
}

} // namespace

Status addHealthRoute(RouteTable &routes, ServerDatabase &database)
{
    Route route;
    route.method = u"GET"_s;
    route.path = u"/v1/health"_s;
    route.isPublic = true;
    route.limits = RouteLimits { 0, std::chrono::seconds(5) };
    route.handler = [&database](const ApiCall &) { return health(database); };
    return routes.add(std::move(route));
}

} // namespace fc::server
