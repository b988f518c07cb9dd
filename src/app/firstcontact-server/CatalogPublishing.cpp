// Publishing scripts and articles from files: read, check, store, report.

#include "CatalogPublishing.h"

#include "core/KnowledgeLibrary.h"
#include "server/KnowledgeCatalogStore.h"
#include "server/ScriptCatalogStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

namespace {

QStringList filesOf(const QString &fileOrFolder, const QString &pattern)
{
    const QFileInfo info(fileOrFolder);
    if (!info.isDir())
        return info.exists() ? QStringList { fileOrFolder } : QStringList();
    QStringList files;
    const QDir dir(fileOrFolder);
    for (const QString &name : dir.entryList({ pattern }, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
}

Result<QByteArray> readFile(const QString &path, qint64 limit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"file.unreadable"_s, file.errorString());
    // One byte over the limit is enough for the reader to say it is too large.
    return file.read(limit + 1);
}

} // namespace

QString defaultPublisher()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? u"firstcontact-server"_s : user;
}

Result<PublishCounts> publishScriptFiles(ServerDatabase &database, const QString &fileOrFolder, const QString &user,
                                         QTextStream *out)
{
    const QStringList files = filesOf(fileOrFolder, u"*.json"_s);
    if (files.isEmpty())
        return makeError(u"scripts.no_files"_s, u"no *.json files in %1"_s.arg(fileOrFolder));
    Result<ScriptReferences> shipped = ScriptCatalogStore::shippedReferences();
    if (!shipped)
        return shipped.error();
    ScriptCatalogStore store(database, shipped.value());
    PublishCounts counts;
    for (const QString &path : files) {
        Result<QByteArray> bytes = readFile(path, Script::kMaxBytes);
        QList<ScriptProblem> problems;
        Result<ScriptPublication> published = bytes
            ? store.publishNow(bytes.value(), user, QDateTime::currentDateTimeUtc(), &problems)
            : Result<ScriptPublication>(bytes.error());
        if (!published && published.error().code.startsWith(u"db."_s))
            return published.error();
        if (!published) {
            ++counts.refused;
            if (!out)
                continue;
            if (problems.isEmpty())
                *out << path << ": refused: " << published.error().message << Qt::endl;
            for (const ScriptProblem &problem : problems) {
                *out << path << ": refused: " << problem.code;
                if (!problem.stepId.isEmpty())
                    *out << " [" << problem.stepId << "]";
                *out << ": " << problem.text() << Qt::endl;
            }
            continue;
        }
        published->unchanged ? ++counts.unchanged : ++counts.published;
        if (out && published->unchanged)
            *out << path << ": unchanged (the same as published version " << published->version << ")" << Qt::endl;
        else if (out)
            *out << path << ": published as version " << published->version << Qt::endl;
    }
    return counts;
}

Result<PublishCounts> publishArticleFiles(ServerDatabase &database, const QString &folder, const QString &user,
                                          QTextStream *out)
{
    const QStringList files = filesOf(folder, u"*.md"_s);
    if (files.isEmpty())
        return makeError(u"knowledge.no_files"_s, u"no *.md files in %1"_s.arg(folder));
    KnowledgeCatalogStore store(database);
    PublishCounts counts;
    for (const QString &path : files) {
        Result<QByteArray> bytes = readFile(path, 4 * 1024 * 1024);
        Result<KnowledgeArticle> article = bytes
            ? parseKnowledgeArticle(QString::fromUtf8(bytes.value()), QFileInfo(path).fileName())
            : Result<KnowledgeArticle>(bytes.error());
        Result<ArticlePublication> published = article
            ? store.publish(article.value(), user, QDateTime::currentDateTimeUtc())
            : Result<ArticlePublication>(article.error());
        if (!published && published.error().code.startsWith(u"db."_s))
            return published.error();
        if (!published) {
            ++counts.refused;
            if (out)
                *out << path << ": refused: " << published.error().message << Qt::endl;
            continue;
        }
        published->unchanged ? ++counts.unchanged : ++counts.published;
        if (out && published->unchanged)
            *out << path << ": unchanged (revision " << published->revision << ")" << Qt::endl;
        else if (out)
            *out << path << ": published " << article->id << " as revision " << published->revision << Qt::endl;
    }
    return counts;
}

} // namespace fc::server::cli
