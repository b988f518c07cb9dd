#pragma once

// Starts libsodium once per process, so every user of it (secure memory, key files) can rely on it.

#include "core/Result.h"

namespace fc {

/// Initialises libsodium on first call; later calls, from any thread, return the first outcome.
/// Error: sodium.init_failed (no usable random source, or the library could not start).
Status ensureSodium();

} // namespace fc
