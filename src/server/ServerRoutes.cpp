#include "server/ServerRoutes.h"

#include "server/AuthRoutes.h"
#include "server/HealthRoute.h"
#include "server/ScriptCatalogStore.h"
#include "server/ScriptRoutes.h"
#include "server/SyncRoutes.h"

namespace fc::server {

Result<RouteTable> buildServerRoutes(AuthService &auth, ServerDatabase &database, FeedSettings feed)
{
    RouteTable routes;
    if (Status added = addHealthRoute(routes, database); !added)
        return added.error();
    if (Status added = addAuthRoutes(routes, auth); !added)
        return added.error();
    if (Status added = addSyncRoutes(routes, database, feed); !added)
        return added.error();
    Result<ScriptReferences> shipped = ScriptCatalogStore::shippedReferences();
    if (!shipped)
        return shipped.error();
    if (Status added = addScriptRoutes(routes, database, shipped.value()); !added)
        return added.error();
    return routes;
}

} // namespace fc::server
