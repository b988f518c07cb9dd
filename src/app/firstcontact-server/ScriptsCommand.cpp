// firstcontact-server scripts validate: checks script files before they are published (docs/SCRIPTS.md).

#include "CommandDatabase.h"
#include "ServerCommand.h"
#include "core/KnowledgeLibrary.h"
#include "core/ScriptLibrary.h"

#include <QCommandLineParser>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

namespace {

const QString kUsage = u"usage: firstcontact-server scripts validate FILE|DIR [--knowledge DIR]"_s;

} // namespace

int runScripts(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Validate scripts: every step reachable, no dead end, every path ends in an outcome, no loop without "
        u"an exit, references to answers, articles, agencies, sites and services exist, conditions well-typed. "
        u"Each problem names its step and a path from the start. Exit code 0 when every file is valid, 1 when "
        u"any is not."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption knowledgeOption(
        u"knowledge"_s, u"Folder of knowledge articles, partner-agencies.json and sites.json (default: the shipped ones)."_s,
        u"DIR"_s);
    parser.addOption(helpOption);
    parser.addOption(knowledgeOption);
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
    if (args.size() != 2 || args.at(0) != u"validate"_s)
        return usageError(u"say 'validate' and one file or folder."_s);
    if (!QFileInfo::exists(args.at(1)))
        return usageError(u"no such file or folder: %1"_s.arg(args.at(1)));

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
