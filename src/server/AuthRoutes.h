#pragma once

// The authentication routes: POST /v1/auth/login, POST /v1/auth/logout, GET /v1/me.

#include "core/Result.h"
#include "server/AuthService.h"
#include "server/RouteTable.h"

namespace fc::server {

/// Adds the login, logout and "who am I" routes, answering with `auth`. Errors: those of RouteTable::add.
Status addAuthRoutes(RouteTable &routes, AuthService &auth);

/// `{"name": ..., "role": ..., "team": ...}`: how a user appears in every response.
QJsonObject userJson(const QString &name, Role role, const QString &team);

} // namespace fc::server
