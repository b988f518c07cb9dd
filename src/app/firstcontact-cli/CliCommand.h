#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace fc::cli {

/// What every firstcontact-cli command gets: its own arguments (the command name first, as a
/// QCommandLineParser expects), the global options already parsed, and the two output streams.
struct CommandContext {
    QStringList arguments;
    QString profileDir; // --profile DIR, empty when not given
    QTextStream &out;
    QTextStream &err;
};

/// A command returns the process exit code: 0 done, 1 failed, 2 bad usage.
using CommandFunction = int (*)(CommandContext &context);

struct Command {
    const char *name;
    const char *summary; // untranslated here; the CLI's help is for operators and scripts
    CommandFunction run;
};

int runGenerate(CommandContext &context);
int runCache(CommandContext &context);
int runLogin(CommandContext &context);
int runSync(CommandContext &context);
int runStatus(CommandContext &context);
int runSearch(CommandContext &context);

} // namespace fc::cli
