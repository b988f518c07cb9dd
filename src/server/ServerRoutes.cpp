#include "server/ServerRoutes.h"

#include "server/AuthRoutes.h"
#include "server/HealthRoute.h"

namespace fc::server {

Result<RouteTable> buildServerRoutes(AuthService &auth, ServerDatabase &database)
{
    RouteTable routes;
    if (Status added = addHealthRoute(routes, database); !added)
        return added.error();
    if (Status added = addAuthRoutes(routes, auth); !added)
        return added.error();
    return routes;
}

} // namespace fc::server
