#include "CliCommand.h"
int fc::cli::runGenerate(CommandContext &c) { c.err << "not yet"; return 1; }
