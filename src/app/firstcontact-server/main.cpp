// firstcontact-server: the central server. Composition root only.

#include "core/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

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
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("migrate | serve | user | device | seed-demo"));

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
        out << parser.helpText();
        out.flush();
        return positional.isEmpty() && !parser.isSet(helpOption) ? 2 : 0;
    }
    err << "firstcontact-server: unknown command '" << positional.first() << "'" << Qt::endl;
    return 2;
}
