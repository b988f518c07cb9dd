#pragma once

// GET /v1/health: is this server up, and can it reach its database.

#include "core/Result.h"
#include "server/RouteTable.h"
#include "server/ServerDatabase.h"

namespace fc::server {

/// Adds the public health route: 200 `{"status": "ok", "database": "postgresql", "schema_version": 1}`,
/// or 503 with status "database_unavailable" (after trying to reconnect) when the database does not
/// answer. For load balancers and monitoring; it needs no session and says nothing secret.
Status addHealthRoute(RouteTable &routes, ServerDatabase &database);

} // namespace fc::server
