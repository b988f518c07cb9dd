#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace fc::server::cli {

/// What every firstcontact-server command gets: its own arguments (the command name first, as a
/// QCommandLineParser expects), the --db value given before the command (empty: the SQLite default),
/// and the output streams.
struct CommandContext {
    QStringList arguments;
    QString databaseUrl;
    QTextStream &out;
    QTextStream &err;
};

/// A command returns the process exit code: 0 done, 1 failed, 2 bad usage.
using CommandFunction = int (*)(CommandContext &context);

struct Command {
    const char *name;
    const char *summary; // untranslated: the server's help is for operators and scripts
    CommandFunction run;
};

int runMigrate(CommandContext &context);
int runServe(CommandContext &context);
int runUser(CommandContext &context);
int runDevice(CommandContext &context);
int runSeedDemo(CommandContext &context);
int runImportCustomers(CommandContext &context);
int runScripts(CommandContext &context);
int runKnowledge(CommandContext &context);

} // namespace fc::server::cli
