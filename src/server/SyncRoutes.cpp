#include "server/SyncRoutes.h"

#include "server/MutationApplier.h"
#include "sync/SyncWire.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

Result<ApiResponse> pull(ServerDatabase &database, const FeedSettings &settings, const ApiCall &call)
{
    Result<wire::PullRequest> request = wire::readPullRequest(call.body);
    if (!request)
        return request.error();
    ChangeFeed feed(database, settings);
    Result<wire::PullPage> page = feed.pull(request.value(), QDateTime::currentDateTimeUtc());
    if (!page)
        return page.error();
    return ApiResponse::ok(wire::toJson(page.value()));
}

Result<ApiResponse> push(ServerDatabase &database, const ApiCall &call)
{
    Result<wire::PushRequest> request = wire::readPushRequest(call.body);
    if (!request)
        return request.error();
    MutationApplier applier(database);
    const MutationSource source { call.caller->user, call.caller->deviceId };
    Result<wire::PushResponse> response = applier.apply(request->mutations, source, QDateTime::currentDateTimeUtc());
    if (!response)
        return response.error();
    return ApiResponse::ok(wire::toJson(response.value()));
}

} // namespace

Status addSyncRoutes(RouteTable &routes, ServerDatabase &database, FeedSettings settings)
{
    Route pullRoute;
    pullRoute.method = u"POST"_s;
    pullRoute.path = u"/v1/sync/pull"_s;
    pullRoute.roles = allRoles();
    pullRoute.takesJson = true;
    // A first page counts what the snapshot will send: on a large council that takes a few seconds.
    pullRoute.limits = RouteLimits { 4 * 1024, std::chrono::seconds(60) };
    pullRoute.handler = [&database, settings](const ApiCall &call) { return pull(database, settings, call); };
    if (Status added = routes.add(std::move(pullRoute)); !added)
        return added;

    Route pushRoute;
    pushRoute.method = u"POST"_s;
    pushRoute.path = u"/v1/sync/push"_s;
    pushRoute.roles = allRoles();
    pushRoute.takesJson = true;
    pushRoute.limits = RouteLimits { 4 * 1024 * 1024, std::chrono::seconds(60) };
    pushRoute.handler = [&database](const ApiCall &call) { return push(database, call); };
    return routes.add(std::move(pushRoute));
}

} // namespace fc::server
