#include "storage/KnowledgeStore.h"

#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::KnowledgeStore", text);
}

constexpr auto kColumns = "id, title, service, keywords, body"_L1;

} // namespace

KnowledgeStore::KnowledgeStore(QSqlDatabase db) : m_db(std::move(db)) { }

Result<bool> KnowledgeStore::put(const KnowledgeArticle &article, qint64 revision, const QDateTime &publishedAt)
{
    if (article.id.isEmpty() || article.title.isEmpty())
        return makeError(u"knowledge.invalid"_s, tr("An article needs an id and a title to be saved."));
    if (revision < 1)
        return makeError(u"knowledge.invalid"_s,
                         tr("Article %1 has revision %2; revisions start at 1.").arg(article.id).arg(revision));
    Result<std::optional<qint64>> stored = this->revision(article.id);
    if (!stored)
        return stored.error();
    if (stored.value() && *stored.value() > revision)
        return false;
    QSqlQuery query(m_db);
    query.prepare(
        u"INSERT OR REPLACE INTO knowledge_article (id, revision, title, service, keywords, body, published_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(article.id);
    query.addBindValue(revision);
    query.addBindValue(article.title);
    query.addBindValue(store::textParam(article.service));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(article.keywords)).toJson(QJsonDocument::Compact)));
    query.addBindValue(store::textParam(article.body));
    query.addBindValue(store::timeParam(publishedAt));
    if (!query.exec())
        return store::queryError(query, tr("Could not save article %1").arg(article.id));
    return true;
}

Result<QList<KnowledgeArticle>> KnowledgeStore::select(const QString &where, const QVariantList &params) const
{
    const QString what = tr("Could not read knowledge articles");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + kColumns + u" FROM knowledge_article WHERE "_s + where + u" ORDER BY title, id"_s);
    for (const QVariant &value : params)
        query.addBindValue(value);
    if (!query.exec())
        return store::queryError(query, what);
    QList<KnowledgeArticle> articles;
    store::RowReader row(query, u"knowledge_article"_s);
    while (query.next()) {
        KnowledgeArticle article;
        article.id = row.text(0);
        article.title = row.text(1);
        article.service = row.text(2);
        const QJsonDocument keywords = QJsonDocument::fromJson(row.text(3).toUtf8());
        if (!keywords.isArray())
            return store::badRowError(u"knowledge_article"_s, u"keywords"_s);
        for (const QJsonValue &keyword : keywords.array())
            article.keywords.append(keyword.toString());
        article.body = row.text(4);
        if (!row.ok())
            return row.error();
        articles.append(std::move(article));
    }
    if (query.lastError().isValid())
        return store::queryError(query, what);
    return articles;
}

Result<std::optional<KnowledgeArticle>> KnowledgeStore::byId(const QString &id) const
{
    Result<QList<KnowledgeArticle>> found = select(u"id = ?"_s, { id });
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<KnowledgeArticle>();
    return std::optional<KnowledgeArticle>(found->first());
}

Result<std::optional<qint64>> KnowledgeStore::revision(const QString &id) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT revision FROM knowledge_article WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return store::queryError(query, tr("Could not read article %1").arg(id));
    if (!query.next())
        return std::optional<qint64>();
    return std::optional<qint64>(query.value(0).toLongLong());
}

Result<QList<KnowledgeArticle>> KnowledgeStore::list() const
{
    return select(u"1 = 1"_s, {});
}

Result<QList<KnowledgeArticle>> KnowledgeStore::search(const QString &query) const
{
    Result<QList<KnowledgeArticle>> all = list();
    if (!all)
        return all.error();
    // list() is by title already: the ranking keeps that order within a rank.
    QList<KnowledgeArticle> found;
    for (const KnowledgeArticle *article : rankKnowledgeArticles(all.value(), query))
        found.append(*article);
    return found;
}

} // namespace fc
