#pragma once

// The server's schema as its numbered migrations (see docs/SERVER.md, "Schema").

#include "server/ServerMigration.h"

#include <QList>

namespace fc::server {

/// Every migration this program knows, in order from version 1.
QList<ServerMigration> serverMigrations();

} // namespace fc::server
