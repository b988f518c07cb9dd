// firstcontact-server: the central server. Composition root only: commands live in their own files.

#include "ServerCommand.h"
#include "core/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace fc::server::cli;

namespace {

constexpr Command kCommands[] = {
    { "migrate", "Bring the database to this server's schema", &runMigrate },
    { "serve", "Serve the HTTP API (--listen 127.0.0.1:8443 [--tls-cert F --tls-key F])", &runServe },
    { "user", "Manage accounts: add NAME --role R --team T, passwd NAME, disable NAME, enable NAME, list", &runUser },
    { "device", "Client devices: list, revoke ID", &runDevice },
    { "seed-demo", "Generate the demo council into the database (--customers N --seed S)", &runSeedDemo },
    { "import-customers", "Load customers from a legacy CRM's CSV export (FILE.csv [--report PATH])",
      &runImportCustomers },
    { "scripts", "Scripted resolution flows: validate FILE|DIR, publish FILE|DIR [--as NAME], list", &runScripts },
    { "knowledge", "Knowledge articles: publish DIR [--as NAME]", &runKnowledge },
};

QString commandList()
{
    QString text = QStringLiteral("\nCommands:\n");
    for (const Command &command : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QLatin1StringView(command.name), -16).arg(QLatin1StringView(command.summary));
    text += QStringLiteral("\nRun 'firstcontact-server COMMAND --help' for a command's options.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("firstcontact-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("FirstContact"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(fc::kVersion));

    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "FirstContact central server: sync, authentication, reports.\n"
        "The database is PostgreSQL (--db postgresql://USER@HOST/DB) or, by default, a SQLite file."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QStringLiteral("Database: postgresql://USER@HOST/DB or sqlite:PATH."),
                                      QStringLiteral("URL"));
    parser.addOption(dbOption);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("migrate | serve | user | device | seed-demo | import-customers | scripts | knowledge"));

    if (!parser.parse(QCoreApplication::arguments())) {
        err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(versionOption)) {
        out << "firstcontact-server " << fc::kVersion << Qt::endl;
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
            CommandContext context { positional, parser.value(dbOption), out, err };
            const int code = command.run(context);
            out.flush();
            err.flush();
            return code;
        }
    }
    err << "firstcontact-server: unknown command '" << name << "'" << Qt::endl << commandList();
    return 2;
}
