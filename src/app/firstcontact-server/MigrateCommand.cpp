// firstcontact-server migrate: brings the database to this program's schema and says where it is.

#include "CommandDatabase.h"
#include "ServerCommand.h"
#include "server/ServerMigrator.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

int runMigrate(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Apply the schema migrations the database lacks, each in its own transaction. A database "
        u"written by a newer server is refused and left untouched."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    parser.addOption(helpOption);
    if (!parser.parse(context.arguments) || !parser.positionalArguments().isEmpty()) {
        context.err << "firstcontact-server migrate: "
                    << (parser.errorText().isEmpty() ? u"unexpected argument."_s : parser.errorText()) << Qt::endl
                    << "usage: firstcontact-server [--db URL] migrate" << Qt::endl;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        context.out << parser.helpText();
        return 0;
    }
    Result<std::unique_ptr<ServerDatabase>> database = openCommandDatabase(context);
    if (!database)
        return reportFailure(context, u"migrate"_s, database.error());
    Result<int> version = ServerMigrator::currentVersion(*database.value());
    if (!version)
        return reportFailure(context, u"migrate"_s, version.error());
    context.out << database.value()->location().displayName() << " is at schema " << version.value() << Qt::endl;
    return 0;
}

} // namespace fc::server::cli
