#include "server/KnowledgeCatalogStore.h"

#include "core/JsonReader.h"
#include "core/ServiceCatalogue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::server::KnowledgeCatalogStore", text);
}

// Names the log's records; fixed for ever, like the import's namespace.
const QUuid kSyncNamespace(u"6d1b5f0e-2c43-4a8e-9b7f-3e0c2a9d4f61"_s);

constexpr qsizetype kMaximumBodyBytes = 4 * 1024 * 1024;

const QString kColumns = u"id, revision, title, service, keywords, body, published_at"_s;

Error badArticle(const QString &id, const QString &why)
{
    return makeError(u"knowledge.bad_article"_s, tr("Article '%1': %2").arg(id, why));
}

// Empty rather than null: the text columns are NOT NULL (an article for every service has none).
QVariant text(const QString &value)
{
    return value.isNull() ? QString(u""_s) : value;
}

QString keywordsText(const QStringList &keywords)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keywords)).toJson(QJsonDocument::Compact));
}

QStringList keywordsFromText(const QString &text)
{
    QStringList keywords;
    for (const QJsonValue &keyword : QJsonDocument::fromJson(text.toUtf8()).array())
        keywords.append(keyword.toString());
    return keywords;
}

wire::PublishedArticle readArticle(const QSqlQuery &q)
{
    wire::PublishedArticle published;
    published.article.id = q.value(0).toString();
    published.revision = q.value(1).toLongLong();
    published.article.title = q.value(2).toString();
    published.article.service = q.value(3).toString();
    published.article.keywords = keywordsFromText(q.value(4).toString());
    published.article.body = q.value(5).toString();
    published.publishedAt = ServerDatabase::readTimestamp(q.value(6));
    return published;
}

} // namespace

QUuid KnowledgeCatalogStore::syncIdOf(const QString &articleId)
{
    return QUuid::createUuidV5(kSyncNamespace, QString(u"article:"_s + articleId));
}

Status KnowledgeCatalogStore::check(const KnowledgeArticle &article)
{
    static const QRegularExpression idPattern(u"^[a-z0-9][a-z0-9-]{0,63}$"_s);
    if (!idPattern.match(article.id).hasMatch())
        return badArticle(article.id, tr("an id is 1 to 64 of a-z, 0-9 and '-', starting with a letter or digit."));
    if (article.title.trimmed().isEmpty() || article.title.size() > 200)
        return badArticle(article.id, tr("a title is 1 to 200 characters."));
    if (!article.service.isEmpty() && !ServiceCatalogue::defaultCatalogue().service(article.service))
        return badArticle(article.id, tr("'%1' is not a service in the catalogue.").arg(article.service));
    if (article.keywords.size() > 100)
        return badArticle(article.id, tr("at most 100 keywords."));
    for (const QString &keyword : article.keywords) {
        if (keyword.isEmpty() || keyword.size() > 100)
            return badArticle(article.id, tr("a keyword is 1 to 100 characters."));
    }
    if (article.body.toUtf8().size() > kMaximumBodyBytes)
        return badArticle(article.id, tr("the text is larger than 4 MiB."));
    return {};
}

Result<ArticlePublication> KnowledgeCatalogStore::publish(const KnowledgeArticle &article, const QString &user,
                                                          const QDateTime &now)
{
    if (Status ok = check(article); !ok)
        return ok.error();
    if (Status begun = m_db.begin(); !begun)
        return begun.error();
    const auto failed = [this](const Error &error) {
        m_db.rollback();
        return error;
    };
    // FOR UPDATE on PostgreSQL: two servers publishing one article at once take turns.
    const QString lock = m_db.dialect() == SqlDialect::PostgreSql ? u" FOR UPDATE"_s : QString();
    Result<QSqlQuery> stored
        = m_db.run(u"SELECT %1 FROM knowledge_articles WHERE id = ?%2"_s.arg(kColumns, lock), { article.id });
    if (!stored)
        return failed(stored.error());
    ArticlePublication publication;
    if (stored.value().next()) {
        const wire::PublishedArticle current = readArticle(stored.value());
        const KnowledgeArticle &a = current.article;
        if (a.title == article.title && a.service == article.service && a.keywords == article.keywords
            && a.body == article.body) {
            m_db.rollback();
            return ArticlePublication { current.revision, true };
        }
        publication.revision = current.revision + 1;
        Result<QSqlQuery> updated
            = m_db.run(u"UPDATE knowledge_articles SET revision = ?, title = ?, service = ?, keywords = ?, body = ?,"
                       " published_at = ?, published_by = ? WHERE id = ?"_s,
                       { publication.revision, article.title, text(article.service), keywordsText(article.keywords),
                         text(article.body), ServerDatabase::timestampValue(now), user, article.id });
        if (!updated)
            return failed(updated.error());
    } else {
        publication.revision = 1;
        Result<QSqlQuery> inserted = m_db.run(
            u"INSERT INTO knowledge_articles (id, sync_id, revision, title, service, keywords, body, published_at,"
            " published_by) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)"_s,
            { article.id, ServerDatabase::uuidValue(syncIdOf(article.id)), article.title, text(article.service),
              keywordsText(article.keywords), text(article.body), ServerDatabase::timestampValue(now), user });
        if (!inserted)
            return failed(inserted.error());
    }
    if (Status committed = m_db.commit(); !committed)
        return committed.error();
    return publication;
}

Result<QList<wire::PublishedArticle>> KnowledgeCatalogStore::list() const
{
    Result<QSqlQuery> query = m_db.run(u"SELECT %1 FROM knowledge_articles ORDER BY id"_s.arg(kColumns));
    if (!query)
        return query.error();
    QList<wire::PublishedArticle> articles;
    while (query.value().next())
        articles.append(readArticle(query.value()));
    return articles;
}

Result<QSet<QString>> KnowledgeCatalogStore::publishedIds() const
{
    Result<QSqlQuery> query = m_db.run(u"SELECT id FROM knowledge_articles"_s);
    if (!query)
        return query.error();
    QSet<QString> ids;
    while (query.value().next())
        ids.insert(query->value(0).toString());
    return ids;
}

} // namespace fc::server
