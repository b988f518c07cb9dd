#include "server/AuthRoutes.h"

#include "server/JsonFields.h"

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

Result<ApiResponse> login(AuthService &auth, const ApiCall &call)
{
    JsonFields fields(call.body);
    LoginAttempt attempt;
    attempt.user = fields.requiredString(u"user"_s, 200);
    attempt.password = fields.requiredString(u"password"_s, 1024);
    attempt.deviceId = fields.requiredString(u"device_id"_s, 64);
    attempt.deviceName = fields.requiredString(u"device_name"_s, 100);
    attempt.address = call.request.remoteAddress;
    if (Status valid = fields.status(); !valid)
        return valid.error();

    Result<LoginGranted> granted = auth.login(attempt);
    if (!granted) {
        if (granted.error().code != u"auth.throttled"_s)
            return granted.error();
        const qint64 seconds = auth.retryAfterSeconds(attempt.user, attempt.address).valueOr(60);
        return ApiResponse::fromError(granted.error()).withHeader("Retry-After", QByteArray::number(qMax<qint64>(1, seconds)));
    }
    const LoginGranted &session = granted.value();
    return ApiResponse::ok({
        { u"token"_s, session.token },
        { u"expires_at"_s, isoTime(session.expiresAt) },
        { u"user"_s, userJson(session.user.name, session.user.role, session.user.team) },
    });
}

Result<ApiResponse> logout(AuthService &auth, const ApiCall &call)
{
    if (Status ended = auth.logout(*call.caller); !ended)
        return ended.error();
    return ApiResponse::ok({ { u"logged_out"_s, true } });
}

Result<ApiResponse> me(const ApiCall &call)
{
    const Caller &caller = *call.caller;
    return ApiResponse::ok({
        { u"user"_s, userJson(caller.user, caller.role, caller.team) },
        { u"device_id"_s, caller.deviceId },
        { u"expires_at"_s, isoTime(caller.expiresAt) },
    });
}

} // namespace

QJsonObject userJson(const QString &name, Role role, const QString &team)
{
    return { { u"name"_s, name }, { u"role"_s, roleKey(role) }, { u"team"_s, team } };
}

Status addAuthRoutes(RouteTable &routes, AuthService &auth)
{
    // Argon2id costs a moment and the throttle a few queries: a login gets longer than a lookup.
    Route loginRoute;
    loginRoute.method = u"POST"_s;
    loginRoute.path = u"/v1/auth/login"_s;
    loginRoute.isPublic = true;
    loginRoute.takesJson = true;
    loginRoute.limits = RouteLimits { 8 * 1024, std::chrono::seconds(15) };
    loginRoute.handler = [&auth](const ApiCall &call) { return login(auth, call); };
    if (Status added = routes.add(std::move(loginRoute)); !added)
        return added;

    Route logoutRoute;
    logoutRoute.method = u"POST"_s;
    logoutRoute.path = u"/v1/auth/logout"_s;
    logoutRoute.roles = allRoles();
    logoutRoute.limits = RouteLimits { 1024, std::chrono::seconds(10) };
    logoutRoute.handler = [&auth](const ApiCall &call) { return logout(auth, call); };
    if (Status added = routes.add(std::move(logoutRoute)); !added)
        return added;

    Route meRoute;
    meRoute.method = u"GET"_s;
    meRoute.path = u"/v1/me"_s;
    meRoute.roles = allRoles();
    meRoute.limits = RouteLimits { 0, std::chrono::seconds(10) };
    meRoute.handler = [](const ApiCall &call) { return me(call); };
    return routes.add(std::move(meRoute));
}

} // namespace fc::server
