#pragma once

// The encrypted cache's schema, as the numbered list of migrations that builds it.

#include "storage/Migration.h"

namespace fc {

/// Every migration of the local cache, oldest first. Append only: a shipped migration never changes.
QList<Migration> cacheMigrations();

} // namespace fc
