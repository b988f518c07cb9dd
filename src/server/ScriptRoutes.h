#pragma once

// GET /v1/scripts, POST /v1/scripts/drafts and POST /v1/scripts/{id}/{version}/publish
// (docs/SERVER.md, "HTTP API"; docs/SCRIPTS.md, "Publishing").

#include "core/Result.h"
#include "core/ScriptValidator.h"
#include "server/RouteTable.h"
#include "server/ServerDatabase.h"

namespace fc::server {

/// Adds the script catalogue's routes: every role lists the published scripts (desks get the scripts
/// themselves through sync); only administrators save drafts and publish. `shipped`: what scripts may
/// refer to besides published articles (ScriptCatalogStore::shippedReferences()).
Status addScriptRoutes(RouteTable &routes, ServerDatabase &database, ScriptReferences shipped);

} // namespace fc::server
