// firstcontact-server scripts validate|publish|list: checks script files, publishes them to every desk,
// lists the catalogue (docs/SCRIPTS.md, "Publishing").

#include "CatalogPublishing.h"
#include "CommandDatabase.h"
#include "ServerCommand.h"
#include "core/KnowledgeLibrary.h"
#include "core/ScriptLibrary.h"
#include "server/ScriptCatalogStore.h"

#include <QCommandLineParser>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

namespace {

const QString kUsage = u"usage: firstcontact-server scripts validate FILE|DIR [--knowledge DIR]\n"
                       u"       firstcontact-server [--db URL] scripts publish FILE|DIR [--as NAME]\n"
                       u"       firstcontact-server [--db URL] scripts list"_s;

int publish(CommandContext &context, const QString &fileOrFolder, const QString &user)
{
    Result<std::unique_ptr<ServerDatabase>> database = openCommandDatabase(context);
    if (!database)
        return reportFailure(context, u"scripts"_s, database.error());
    Result<PublishCounts> counts = publishScriptFiles(*database.value(), fileOrFolder, user, &context.out);
    if (!counts)
        return reportFailure(context, u"scripts"_s, counts.error());
    context.out << counts->published << " published, " << counts->unchanged << " unchanged, " << counts->refused
                << " refused, as " << user << Qt::endl;
    return counts->refused == 0 ? 0 : 1;
}

int list(CommandContext &context)
{
    Result<std::unique_ptr<ServerDatabase>> database = openCommandDatabase(context);
    if (!database)
        return reportFailure(context, u"scripts"_s, database.error());
    Result<ScriptReferences> shipped = ScriptCatalogStore::shippedReferences();
    if (!shipped)
        return reportFailure(context, u"scripts"_s, shipped.error());
    Result<QList<ScriptSummary>> scripts = ScriptCatalogStore(*database.value(), shipped.value()).list();
    if (!scripts)
        return reportFailure(context, u"scripts"_s, scripts.error());
    // One line per script, tab-separated: id, latest published version (or -), drafts, service, title.
    for (const ScriptSummary &script : scripts.value()) {
        QStringList drafts;
        for (int version : script.draftVersions)
            drafts.append(QString::number(version));
        context.out << script.id << '\t'
                    << (script.publishedVersion > 0 ? u"published %1"_s.arg(script.publishedVersion) : u"unpublished"_s)
                    << '\t' << (drafts.isEmpty() ? u"no drafts"_s : u"drafts "_s + drafts.join(u", "_s)) << '\t'
                    << script.service << '\t' << script.title << Qt::endl;
    }
    return 0;
}

} // namespace

int runScripts(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"validate: every step reachable, no dead end, every path ends in an outcome, no loop without an exit, "
        u"references to answers, articles, agencies, sites and services exist, conditions well-typed. Each "
        u"problem names its step and a path from the start. publish: validates each file and publishes it to "
        u"every desk as the script's next version (a file the same as the published version is left unchanged). "
        u"list: each script's published version and drafts. Exit code 0 when every file is valid (published), "
        u"1 when any is not."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption knowledgeOption(
        u"knowledge"_s, u"Folder of knowledge articles, partner-agencies.json and sites.json (default: the shipped ones)."_s,
        u"DIR"_s);
    const QCommandLineOption asOption(u"as"_s, u"Who publishes (default: the login name)."_s, u"NAME"_s);
    parser.addOption(helpOption);
    parser.addOption(knowledgeOption);
    parser.addOption(asOption);
    const auto usageError = [&](const QString &message) {
        context.err << "firstcontact-server scripts: " << message << Qt::endl << kUsage << Qt::endl;
        return 2;
    };
    if (!parser.parse(context.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        context.out << parser.helpText() << kUsage << Qt::endl;
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action == u"list"_s) {
        if (args.size() != 1 || parser.isSet(knowledgeOption) || parser.isSet(asOption))
            return usageError(u"'list' takes no arguments."_s);
        return list(context);
    }
    if (args.size() != 2 || (action != u"validate"_s && action != u"publish"_s))
        return usageError(u"say 'validate' or 'publish' and one file or folder, or 'list'."_s);
    if (!QFileInfo::exists(args.at(1)))
        return usageError(u"no such file or folder: %1"_s.arg(args.at(1)));
    if (action == u"publish"_s) {
        if (parser.isSet(knowledgeOption))
            return usageError(u"publish checks against the shipped and published articles; --knowledge is for "
                              u"validate."_s);
        const QString user = parser.isSet(asOption) ? parser.value(asOption).trimmed() : defaultPublisher();
        if (user.isEmpty() || user.size() > 100)
            return usageError(u"--as needs a name of 1 to 100 characters."_s);
        return publish(context, args.at(1), user);
    }
    if (parser.isSet(asOption))
        return usageError(u"--as is for publish."_s);

    const Result<KnowledgeLibrary> knowledge = parser.isSet(knowledgeOption)
        ? KnowledgeLibrary::load(parser.value(knowledgeOption))
        : KnowledgeLibrary::shipped();
    if (!knowledge)
        return reportFailure(context, u"scripts"_s, knowledge.error());

    const QList<ScriptFile> files = readScriptFiles(args.at(1), ScriptValidator(knowledge->references()));
    if (files.isEmpty())
        return usageError(u"no *.json files in %1"_s.arg(args.at(1)));
    int failed = 0;
    for (const ScriptFile &file : files) {
        if (file.problems.isEmpty()) {
            context.out << file.path << ": ok (" << file.script->id << " version " << file.script->version << ", "
                        << file.script->steps.size() << " steps)" << Qt::endl;
            continue;
        }
        ++failed;
        for (const ScriptProblem &problem : file.problems) {
            context.out << file.path << ": " << problem.code;
            if (!problem.stepId.isEmpty())
                context.out << " [" << problem.stepId << "]";
            context.out << ": " << problem.text() << Qt::endl;
        }
    }
    context.out << files.size() - failed << " of " << files.size() << " script(s) valid" << Qt::endl;
    return failed == 0 ? 0 : 1;
}

} // namespace fc::server::cli
