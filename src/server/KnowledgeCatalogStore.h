#pragma once

// Knowledge articles as published on the server: what desks pull into their knowledge panel and what
// scripts may link to (docs/SCRIPTS.md, "Publishing").

#include "core/KnowledgeLibrary.h"
#include "core/Result.h"
#include "server/ServerDatabase.h"
#include "sync/PublishedRecords.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QUuid>

namespace fc::server {

/// What publishing one article came to.
struct ArticlePublication {
    qint64 revision = 0; // the article's revision now
    bool unchanged = false; // the same as already published: nothing written
};

/// The knowledge_articles table. One row per article; each publication that changes it raises its
/// revision by one, and the change log takes it to every desk.
class KnowledgeCatalogStore {
public:
    explicit KnowledgeCatalogStore(ServerDatabase &database) : m_db(database) { }

    /// Publishes `article` as `user`: new (revision 1), changed (the next revision) or unchanged (the
    /// same title, service, keywords and body). One transaction. Errors: knowledge.bad_article (the id,
    /// title, service, keywords or body do not pass; the message says which), db.*.
    Result<ArticlePublication> publish(const KnowledgeArticle &article, const QString &user, const QDateTime &now);

    /// Every published article, by id.
    Result<QList<wire::PublishedArticle>> list() const;
    /// The ids of published articles, for validating scripts that link to them.
    Result<QSet<QString>> publishedIds() const;

    /// An article's name in the change log and in pulls: the same for every revision.
    static QUuid syncIdOf(const QString &articleId);
    /// The checks publish() makes, alone. Errors: knowledge.bad_article.
    static Status check(const KnowledgeArticle &article);

private:
    ServerDatabase &m_db;
};

} // namespace fc::server
