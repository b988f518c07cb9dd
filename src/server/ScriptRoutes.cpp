#include "server/ScriptRoutes.h"

#include "core/JsonReader.h"
#include "server/ScriptCatalogStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::server::ScriptRoutes", text);
}

// 422 with every problem, so an editor can show them all at once.
ApiResponse refused(const Error &error, const QList<ScriptProblem> &problems)
{
    ApiResponse response = ApiResponse::fromError(error);
    QJsonArray list;
    for (const ScriptProblem &problem : problems) {
        list.append(QJsonObject { { u"code"_s, problem.code },
                                  { u"step"_s, problem.stepId },
                                  { u"message"_s, problem.message },
                                  { u"path"_s, QJsonArray::fromStringList(problem.path) } });
    }
    response.json.insert(u"problems"_s, list);
    return response;
}

Result<ApiResponse> listScripts(ServerDatabase &database, const ScriptReferences &shipped)
{
    Result<QList<ScriptSummary>> scripts = ScriptCatalogStore(database, shipped).list();
    if (!scripts)
        return scripts.error();
    QJsonArray list;
    for (const ScriptSummary &script : scripts.value()) {
        if (script.publishedVersion == 0)
            continue;
        list.append(QJsonObject { { u"id"_s, script.id },
                                  { u"version"_s, script.publishedVersion },
                                  { u"title"_s, script.title },
                                  { u"service"_s, script.service },
                                  { u"published_at"_s, JsonReader::timeText(script.publishedAt) } });
    }
    return ApiResponse::ok(QJsonObject { { u"scripts"_s, list } });
}

Result<ApiResponse> saveDraft(ServerDatabase &database, const ScriptReferences &shipped, const ApiCall &call)
{
    QList<ScriptProblem> problems;
    Result<int> version
        = ScriptCatalogStore(database, shipped)
              .saveDraft(call.request.body, call.caller->user, QDateTime::currentDateTimeUtc(), &problems);
    if (!version && version.error().code == u"script.invalid"_s)
        return refused(version.error(), problems);
    if (!version)
        return version.error();
    return ApiResponse::ok(QJsonObject { { u"id"_s, call.body.value(u"id"_s) },
                                         { u"version"_s, version.value() },
                                         { u"status"_s, u"draft"_s } },
                           201);
}

Result<ApiResponse> publish(ServerDatabase &database, const ScriptReferences &shipped, const ApiCall &call)
{
    const QString id = call.pathParameters.value(u"id"_s);
    bool numeric = false;
    const int version = call.pathParameters.value(u"version"_s).toInt(&numeric);
    if (!numeric || version < 1)
        return makeError(
            u"script.not_found"_s,
            tr("'%1' is not a version number: versions are 1, 2, 3, ...").arg(call.pathParameters.value(u"version"_s)));
    QList<ScriptProblem> problems;
    Result<ScriptPublication> published
        = ScriptCatalogStore(database, shipped)
              .publish(id, version, call.caller->user, QDateTime::currentDateTimeUtc(), &problems);
    if (!published && published.error().code == u"script.invalid"_s)
        return refused(published.error(), problems);
    if (!published)
        return published.error();
    QJsonObject answer { { u"id"_s, id },
                         { u"version"_s, published->version },
                         { u"status"_s, u"published"_s },
                         { u"unchanged"_s, published->unchanged } };
    if (published->unchanged)
        answer.insert(u"message"_s,
                      tr("Version %1 of script '%2' is the same script as the published version %3: "
                         "nothing was published.")
                          .arg(version)
                          .arg(id)
                          .arg(published->version));
    return ApiResponse::ok(answer);
}

} // namespace

Status addScriptRoutes(RouteTable &routes, ServerDatabase &database, ScriptReferences shipped)
{
    Route list;
    list.method = u"GET"_s;
    list.path = u"/v1/scripts"_s;
    list.roles = allRoles();
    list.limits = RouteLimits { 0, std::chrono::seconds(10) };
    list.handler = [&database, shipped](const ApiCall &) { return listScripts(database, shipped); };
    if (Status added = routes.add(std::move(list)); !added)
        return added;

    Route draft;
    draft.method = u"POST"_s;
    draft.path = u"/v1/scripts/drafts"_s;
    draft.roles = { Role::Admin };
    draft.takesJson = true;
    draft.limits = RouteLimits { Script::kMaxBytes, std::chrono::seconds(15) };
    draft.handler = [&database, shipped](const ApiCall &call) { return saveDraft(database, shipped, call); };
    if (Status added = routes.add(std::move(draft)); !added)
        return added;

    Route publishRoute;
    publishRoute.method = u"POST"_s;
    publishRoute.path = u"/v1/scripts/{id}/{version}/publish"_s;
    publishRoute.roles = { Role::Admin };
    publishRoute.limits = RouteLimits { 1024, std::chrono::seconds(15) }; // any body is ignored
    publishRoute.handler = [&database, shipped](const ApiCall &call) { return publish(database, shipped, call); };
    return routes.add(std::move(publishRoute));
}

} // namespace fc::server
