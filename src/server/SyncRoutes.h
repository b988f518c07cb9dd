#pragma once

// POST /v1/sync/pull and POST /v1/sync/push (docs/SYNC.md).

#include "core/Result.h"
#include "server/ChangeFeed.h"
#include "server/RouteTable.h"
#include "server/ServerDatabase.h"

namespace fc::server {

/// Adds the two sync routes. Every role syncs (a desk needs the whole council's customers to search);
/// what a role may change is checked per mutation.
Status addSyncRoutes(RouteTable &routes, ServerDatabase &database, FeedSettings settings);

} // namespace fc::server
