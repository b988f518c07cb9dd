#include "storage/Sodium.h"

#include <QCoreApplication>

#include <sodium.h>

namespace fc {

Status ensureSodium()
{
    // A function-local static is initialised exactly once even under concurrent first calls, and
    // remembers a failure so we never hand out keys from a half-started library.
    static const int rc = sodium_init();
    if (rc < 0) {
        return makeError(QStringLiteral("sodium.init_failed"),
                         QCoreApplication::translate("fc::Sodium",
                                                     "The encryption library could not start, so the local "
                                                     "cache cannot be opened."));
    }
    return {};
}

} // namespace fc
