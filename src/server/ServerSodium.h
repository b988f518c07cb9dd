#pragma once

// Starts libsodium once for the server process (the server does not link fc_storage, which has its own).

#include "core/Result.h"

namespace fc::server {

/// Initialises libsodium on first call; later calls, from any thread, return the first outcome.
/// Errors: sodium.init_failed.
Status ensureServerSodium();

} // namespace fc::server
