#pragma once

// One HTTP route: what it answers, who may call it, its limits and its handler.

#include "core/Result.h"
#include "server/ApiRequest.h"
#include "server/ApiResponse.h"
#include "server/Caller.h"
#include "server/Role.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace fc::server {

/// What a route may cost: the largest body it accepts and how long receiving and answering may take.
/// The HTTP layer refuses a larger declared body before reading it (413) and a request that does not
/// arrive in time (408); the handler gets the deadline to pass on (PostgreSQL's statement_timeout).
struct RouteLimits {
    qint64 maxBodyBytes = 16 * 1024;
    std::chrono::milliseconds timeout { 10'000 };
};

/// What a handler gets: the request, its body already parsed when the route takes JSON, the caller
/// when the route needs one, the deadline, and the path's `{name}` segments by name.
struct ApiCall {
    const ApiRequest &request;
    QJsonObject body;
    std::optional<Caller> caller;
    QDeadlineTimer deadline;
    QHash<QString, QString> pathParameters;
};

/// A handler returns a response (success or a deliberate error with its own headers) or an error,
/// which the dispatcher turns into the JSON error shape with the status its code stands for.
using RouteHandler = std::function<Result<ApiResponse>(const ApiCall &call)>;

struct Route {
    QString method; // "GET", "POST", ...
    QString path;   // exact, "/v1/me"; a `{name}` segment matches any one non-empty segment
                    // ("/v1/scripts/{id}/{version}/publish"), an exact path winning over a pattern
    /// Public routes (login, health) need no session. Every other route lists the roles it admits,
    /// and RouteTable refuses one that lists none, so no route forgets its check.
    bool isPublic = false;
    QList<Role> roles;
    /// The body must be a JSON object (415 for another media type, 400 when it does not parse).
    bool takesJson = false;
    RouteLimits limits;
    RouteHandler handler;
};

} // namespace fc::server
