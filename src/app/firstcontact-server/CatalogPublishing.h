#pragma once

// Publishing script files and knowledge articles from disk (or the shipped resources), for
// `scripts publish`, `knowledge publish` and `seed-demo`: each file reported as it goes.

#include "core/Result.h"
#include "server/ServerDatabase.h"

#include <QString>
#include <QTextStream>

namespace fc::server::cli {

/// How a run of files came out.
struct PublishCounts {
    int published = 0;
    int unchanged = 0;
    int refused = 0;
    int files() const { return published + unchanged + refused; }
};

/// Publishes every `*.json` in a folder (by name), or the one file named, as `user`. Each file gets a
/// line on `out` (published as version N, unchanged, or refused with each problem) unless `out` is
/// null. Errors: scripts.no_files, knowledge.* (the shipped library), db.* (stops at once).
Result<PublishCounts> publishScriptFiles(ServerDatabase &database, const QString &fileOrFolder, const QString &user,
                                         QTextStream *out);

/// Publishes every `*.md` article of a folder (by name), as `user`, reported as publishScriptFiles()
/// does. Errors: knowledge.no_files, db.*.
Result<PublishCounts> publishArticleFiles(ServerDatabase &database, const QString &folder, const QString &user,
                                          QTextStream *out);

/// Who publishes when --as is not given: the login name, or "firstcontact-server".
QString defaultPublisher();

} // namespace fc::server::cli
