#include "core/ScriptLibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

QList<ScriptFile> readScriptFiles(const QString &fileOrFolder, const ScriptValidator &validator)
{
    QStringList paths;
    const QFileInfo info(fileOrFolder);
    if (info.isDir()) {
        const QDir dir(fileOrFolder);
        for (const QString &name : dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name))
            paths.append(dir.filePath(name));
    } else {
        paths.append(fileOrFolder);
    }
    QList<ScriptFile> files;
    for (const QString &path : paths) {
        ScriptFile file;
        file.path = path;
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            file.problems.append(ScriptProblem {
                u"script.unreadable"_s, QString(),
                QCoreApplication::translate("fc::ScriptLibrary", "Cannot read %1: %2").arg(path, in.errorString()), {} });
            files.append(file);
            continue;
        }
        // One byte over the limit is enough for parseScript to refuse it without reading it all.
        const QByteArray json = in.read(Script::kMaxBytes + 1);
        Result<Script> script = parseScript(json, &file.problems);
        if (script) {
            file.problems = validator.validate(*script);
            file.script = std::make_shared<const Script>(std::move(script).value());
        }
        files.append(file);
    }
    return files;
}

QList<std::shared_ptr<const Script>> loadValidScripts(const QString &folder, const ScriptValidator &validator)
{
    QList<std::shared_ptr<const Script>> scripts;
    for (const ScriptFile &file : readScriptFiles(folder, validator)) {
        if (file.script && file.problems.isEmpty())
            scripts.append(file.script);
    }
    std::stable_sort(scripts.begin(), scripts.end(), [](const auto &a, const auto &b) { return a->title < b->title; });
    return scripts;
}

} // namespace fc
