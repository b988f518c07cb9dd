#pragma once

#include "ServerCommand.h"
#include "core/Result.h"
#include "server/ServerDatabase.h"

#include <memory>

namespace fc::server::cli {

/// Opens the database a command names (--db, or the SQLite default) and brings its schema up to date
/// (refusing one newer than this program), saying on standard error when it migrated.
Result<std::unique_ptr<ServerDatabase>> openCommandDatabase(CommandContext &context);

/// Prints "firstcontact-server COMMAND: message" on standard error and returns 1.
int reportFailure(CommandContext &context, const QString &command, const Error &error);

} // namespace fc::server::cli
