// firstcontact-server knowledge publish DIR: knowledge articles (Markdown with front matter) published to
// every desk (docs/SCRIPTS.md, "Publishing").

#include "CatalogPublishing.h"
#include "CommandDatabase.h"
#include "ServerCommand.h"

#include <QCommandLineParser>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

int runKnowledge(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Publish knowledge articles: every *.md of the folder (front matter: id, title, service, keywords) goes "
        u"to every desk's knowledge panel. A changed article gets its next revision; one the same as published is "
        u"left unchanged. Exit code 0 when every article is published or unchanged, 1 when any is refused."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption asOption(u"as"_s, u"Who publishes (default: the login name)."_s, u"NAME"_s);
    parser.addOptions({ helpOption, asOption });
    const QString usage = u"usage: firstcontact-server [--db URL] knowledge publish DIR [--as NAME]"_s;
    const auto usageError = [&](const QString &message) {
        context.err << "firstcontact-server knowledge: " << message << Qt::endl << usage << Qt::endl;
        return 2;
    };
    if (!parser.parse(context.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        context.out << parser.helpText() << usage << Qt::endl;
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || args.at(0) != u"publish"_s)
        return usageError(u"say 'publish' and one folder."_s);
    if (!QFileInfo(args.at(1)).isDir())
        return usageError(u"no such folder: %1"_s.arg(args.at(1)));
    const QString user = parser.isSet(asOption) ? parser.value(asOption).trimmed() : defaultPublisher();
    if (user.isEmpty() || user.size() > 100)
        return usageError(u"--as needs a name of 1 to 100 characters."_s);

    Result<std::unique_ptr<ServerDatabase>> database = openCommandDatabase(context);
    if (!database)
        return reportFailure(context, u"knowledge"_s, database.error());
    Result<PublishCounts> counts = publishArticleFiles(*database.value(), args.at(1), user, &context.out);
    if (!counts)
        return reportFailure(context, u"knowledge"_s, counts.error());
    context.out << counts->published << " published, " << counts->unchanged << " unchanged, " << counts->refused
                << " refused, as " << user << Qt::endl;
    return counts->refused == 0 ? 0 : 1;
}

} // namespace fc::server::cli
