#pragma once

// Turns a complete request into a response: routing, limits, session and role checks, JSON parsing,
// the handler, and errors in the one JSON shape. No HTTP library in sight, so tests call it directly.

#include "server/ApiRequest.h"
#include "server/ApiResponse.h"
#include "server/AuthService.h"
#include "server/RouteTable.h"
#include "server/ServerDatabase.h"

namespace fc::server {

/// Answers requests with the routes of a RouteTable. In order: 404/405 for no route, 413 for a body
/// over the route's cap, 401/403 for a missing or refused session or a role the route does not
/// admit, 415 for a body that is not JSON, 400 for JSON that does not parse or is not an object,
/// then the handler. A database error answers 503 when the database is unreachable (and reconnects
/// for the next request) and 500 otherwise; the details go to the log, never to the client.
class ApiDispatcher {
public:
    ApiDispatcher(const RouteTable &routes, AuthService &auth, ServerDatabase &database);

    ApiResponse dispatch(const ApiRequest &request);
    RouteLimits limitsFor(const QString &method, const QString &path) const;

private:
    ApiResponse failed(const Error &error, const ApiRequest &request);

    const RouteTable &m_routes;
    AuthService &m_auth;
    ServerDatabase &m_db;
};

} // namespace fc::server
