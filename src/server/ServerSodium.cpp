#include "server/ServerSodium.h"

#include <QCoreApplication>

#include <sodium.h>

namespace fc::server {

Status ensureServerSodium()
{
    // A function-local static starts the library exactly once and remembers a failure.
    static const int rc = sodium_init();
    if (rc < 0)
        return makeError(QStringLiteral("sodium.init_failed"),
                         QCoreApplication::translate("fc::server::ServerSodium",
                                                     "The cryptography library could not start, so no password "
                                                     "can be checked."));
    return {};
}

} // namespace fc::server
