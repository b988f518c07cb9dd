#pragma once

// Scripts read from files: a folder of `<id>.json` (the shipped ones are ":/scripts"), each parsed and
// validated, for the runner's list, `firstcontact-server scripts validate` and the tests.

#include "core/Script.h"
#include "core/ScriptValidator.h"

#include <QList>
#include <QString>

#include <memory>

namespace fc {

struct ScriptFile {
    QString path;
    std::shared_ptr<const Script> script; // null when it does not read
    QList<ScriptProblem> problems; // empty when it may be published
};

/// Every `*.json` file in a folder (by name), or the one file named; an unreadable file is one problem.
QList<ScriptFile> readScriptFiles(const QString &fileOrFolder, const ScriptValidator &validator);

/// The scripts of a folder that pass the validator, by title; the others are left out.
QList<std::shared_ptr<const Script>> loadValidScripts(const QString &folder, const ScriptValidator &validator);

} // namespace fc
