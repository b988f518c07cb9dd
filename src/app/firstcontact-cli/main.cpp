// firstcontact-cli: the headless client on the same libraries as the desktop client. Operators,
// benchmarks and end-to-end tests drive it. Composition root only: commands live in their own files.

#include "CliCommand.h"
#include "core/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include <sys/resource.h>
#include <iterator>

using namespace fc::cli;

namespace {

constexpr Command kCommands[] = {
    {"generate", "Write a deterministic demo council (customers, cases, contacts) as CSV files", &runGenerate},
    {"cache", "Create a profile, print its cache key for support, change its password, rotate or check it", &runCache},
    {"login", "Sign in to a server (--server URL --user NAME); the first login creates the profile", &runLogin},
    {"sync", "Push waiting changes and pull until up to date, with progress", &runSync},
    {"status", "Show the profile's sync state: last sync, waiting changes, conflicts, records", &runStatus},
    {"search", "Find customers in the encrypted cache (TEXT [--json])", &runSearch},
};

QString commandList()
{
    QString text = QStringLiteral("\nCommands:\n");
    for (const Command &command : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QLatin1StringView(command.name), -10).arg(QLatin1StringView(command.summary));
    text += QStringLiteral("\nRun 'firstcontact-cli COMMAND --help' for a command's options.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    // A crash must not write the cache key or a password to a core file on a shared PC.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("firstcontact-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("FirstContact"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(fc::kVersion));

    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FirstContact command-line client"));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Profile directory holding the cache and its key."),
                                           QStringLiteral("DIR"));
    parser.addOption(profileOption);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run (see below)."));

    if (!parser.parse(QCoreApplication::arguments())) {
        err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(versionOption)) {
        out << "firstcontact-cli " << fc::kVersion << Qt::endl;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty()) {
        out << parser.helpText() << commandList();
        out.flush();
        return positional.isEmpty() && !parser.isSet(helpOption) ? 2 : 0;
    }

    const QString name = positional.first();
    for (const Command &command : kCommands) {
        if (name == QLatin1StringView(command.name)) {
            CommandContext context{positional, parser.value(profileOption), out, err};
            const int code = command.run(context);
            out.flush();
            err.flush();
            return code;
        }
    }
    err << "firstcontact-cli: unknown command '" << name << "'" << Qt::endl << commandList();
    return 2;
}
