#pragma once

#include "core/Result.h"

#include <QString>
#include <QTextStream>

namespace fc::server::cli {

/// Reads a new password from standard input: one line when input is piped (scripts, tests), or typed
/// twice without echo at a terminal, with prompts on `prompts`. Errors: password.empty,
/// password.mismatch, password.no_input.
Result<QString> readNewPassword(QTextStream &prompts);

} // namespace fc::server::cli
