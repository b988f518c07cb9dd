#include "sync/PublishedRecords.h"

#include "core/JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace fc::wire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::wire", text);
}

constexpr qint64 kMaximumVersion = std::numeric_limits<qint32>::max();
constexpr qsizetype kMaximumArticleBytes = 4 * 1024 * 1024; // as KnowledgeLibrary reads files

} // namespace

QJsonObject toJson(const PublishedScript &script)
{
    return QJsonObject { { u"id"_s, script.id },
                         { u"version"_s, script.version },
                         { u"service"_s, script.service },
                         { u"title"_s, script.title },
                         { u"published_at"_s, JsonReader::timeText(script.publishedAt) },
                         { u"body"_s, script.body } };
}

QJsonObject toJson(const PublishedArticle &published)
{
    const KnowledgeArticle &a = published.article;
    return QJsonObject { { u"id"_s, a.id },
                         { u"revision"_s, published.revision },
                         { u"title"_s, a.title },
                         { u"service"_s, a.service },
                         { u"keywords"_s, QJsonArray::fromStringList(a.keywords) },
                         { u"body"_s, a.body },
                         { u"published_at"_s, JsonReader::timeText(published.publishedAt) } };
}

Result<PublishedScript> readPublishedScript(const QJsonObject &json)
{
    JsonReader r(json, u"script"_s);
    PublishedScript script;
    script.id = r.string(u"id"_s, 64, true);
    script.version = int(r.integer(u"version"_s, 0, 1, kMaximumVersion));
    script.service = r.string(u"service"_s, 64, true);
    script.title = r.string(u"title"_s, 200, true);
    script.publishedAt = r.time(u"published_at"_s, true);
    script.body = r.object(u"body"_s);
    if (!json.contains(u"version"_s))
        r.fail(u"version"_s, tr("the version is required"));
    if (script.body.isEmpty())
        r.fail(u"body"_s, tr("the script is required"));
    else if (script.body.value(u"id"_s).toString() != script.id
             || script.body.value(u"version"_s).toInteger(-1) != script.version)
        r.fail(u"body"_s, tr("the script's id and version are not the record's"));
    if (Status ok = r.status(); !ok)
        return ok.error();
    return script;
}

Result<PublishedArticle> readPublishedArticle(const QJsonObject &json)
{
    JsonReader r(json, u"article"_s);
    PublishedArticle published;
    KnowledgeArticle &a = published.article;
    a.id = r.string(u"id"_s, 64, true);
    published.revision = r.integer(u"revision"_s, 0, 1, kMaximumVersion);
    a.title = r.string(u"title"_s, 200, true);
    a.service = r.string(u"service"_s, 64);
    a.keywords = r.stringArray(u"keywords"_s, 100, 100);
    a.body = r.string(u"body"_s, kMaximumArticleBytes);
    published.publishedAt = r.time(u"published_at"_s, true);
    if (!json.contains(u"revision"_s))
        r.fail(u"revision"_s, tr("the revision is required"));
    if (Status ok = r.status(); !ok)
        return ok.error();
    return published;
}

} // namespace fc::wire
