#include "server/ApiDispatcher.h"

#include "server/TeamScope.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "fc.server.api")

namespace fc::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::server::ApiDispatcher", text);
}

// "application/json", optionally with "; charset=utf-8": JSON is UTF-8 by definition (RFC 8259), so
// any other declared charset is a client bug we refuse rather than guess at.
bool isJsonMediaType(const QByteArray &contentType)
{
    const QList<QByteArray> parts = contentType.split(';');
    if (parts.first().trimmed().toLower() != "application/json")
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed().toLower();
        if (parameter.startsWith("charset=") && parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"")
            return false;
    }
    return true;
}

} // namespace

ApiDispatcher::ApiDispatcher(const RouteTable &routes, AuthService &auth, ServerDatabase &database)
    : m_routes(routes), m_auth(auth), m_db(database)
{
}

RouteLimits ApiDispatcher::limitsFor(const QString &method, const QString &path) const
{
    return m_routes.limitsFor(method, path);
}

ApiResponse ApiDispatcher::failed(const Error &error, const ApiRequest &request)
{
    const int status = httpStatusFor(error.code);
    if (status < 500)
        return ApiResponse::fromError(error);
    qCWarning(lcApi).noquote() << request.method << request.path << "failed:" << error.code << error.message;
    if (error.code.startsWith(u"db."_s) && !m_db.ping()) {
        // The connection is gone (a PostgreSQL restart, a network cut): reopen it for the next request.
        if (Status reopened = m_db.reconnect(); !reopened)
            qCWarning(lcApi).noquote() << "reconnecting to the database failed:" << reopened.error().message;
        return ApiResponse::error(503, u"db.unavailable"_s,
                                  tr("The database cannot be reached just now. Try again shortly."))
            .withHeader("Retry-After", "5");
    }
    return ApiResponse::error(500, u"server.internal"_s,
                              tr("The server could not complete the request. The details are in its log."));
}

ApiResponse ApiDispatcher::dispatch(const ApiRequest &request)
{
    const RouteTable::Match match = m_routes.find(request.method, request.path);
    if (!match.route) {
        if (!match.allowedMethods.isEmpty())
            return ApiResponse::error(405, u"route.method_not_allowed"_s,
                                      tr("%1 is not allowed on %2; use %3.")
                                          .arg(request.method, request.path, match.allowedMethods.join(u", "_s)))
                .withHeader("Allow", match.allowedMethods.join(u", "_s).toLatin1());
        return ApiResponse::error(404, u"route.not_found"_s, tr("There is no route %1.").arg(request.path));
    }
    const Route &route = *match.route;
    if (request.body.size() > route.limits.maxBodyBytes)
        return ApiResponse::error(413, u"request.too_large"_s,
                                  tr("The request body is larger than the %1 bytes this route accepts.")
                                      .arg(route.limits.maxBodyBytes));

    std::optional<Caller> caller;
    if (!route.isPublic) {
        Result<Caller> authenticated = m_auth.authenticate(request.bearerToken());
        if (!authenticated)
            return failed(authenticated.error(), request);
        if (Status allowed = requireRole(authenticated.value(), route.roles); !allowed)
            return ApiResponse::fromError(allowed.error());
        caller = authenticated.value();
    }

    QJsonObject body;
    if (route.takesJson) {
        if (!isJsonMediaType(request.header("content-type")))
            return ApiResponse::error(415, u"request.unsupported_media_type"_s,
                                      tr("The request body must be JSON, sent with 'Content-Type: application/json'."));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return ApiResponse::error(400, u"request.malformed_json"_s,
                                      tr("The request body is not valid JSON (%1 at byte %2).")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset));
        if (!document.isObject())
            return ApiResponse::error(400, u"request.not_an_object"_s, tr("The request body must be a JSON object."));
        body = document.object();
    }

    QDeadlineTimer deadline(route.limits.timeout);
    if (Status capped = m_db.setStatementTimeout(int(route.limits.timeout.count())); !capped)
        return failed(capped.error(), request);
    Result<ApiResponse> response = route.handler(ApiCall { request, body, caller, deadline, match.parameters });
    if (!response)
        return failed(response.error(), request);
    if (deadline.hasExpired())
        qCWarning(lcApi).noquote() << request.method << request.path << "took longer than its"
                                   << route.limits.timeout.count() << "ms";
    return response.value();
}

} // namespace fc::server
