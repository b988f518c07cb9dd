#pragma once

// Every route of API version 1, assembled in one place.

#include "core/Result.h"
#include "server/AuthService.h"
#include "server/ChangeFeed.h"
#include "server/RouteTable.h"
#include "server/ServerDatabase.h"

namespace fc::server {

/// The /v1 routes: health, authentication, sync and the script catalogue; the rest add theirs here.
/// Errors: those of RouteTable::add (a programming error, reported rather than crashed on), and
/// knowledge.* when the shipped knowledge library does not read.
Result<RouteTable> buildServerRoutes(AuthService &auth, ServerDatabase &database, FeedSettings feed = {});

} // namespace fc::server
