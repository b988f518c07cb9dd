#pragma once

// Knowledge articles in the encrypted cache, as synced from the server: the runner's knowledge panel
// lists and searches them.

#include "core/KnowledgeLibrary.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace fc {

/// Reads and writes the knowledge_article table of an open, migrated cache: one row per article, at
/// the latest revision the server published. Errors: "cache.query_failed", "cache.bad_row".
class KnowledgeStore {
public:
    explicit KnowledgeStore(QSqlDatabase db);

    /// Stores the article at `revision`, unless the cache holds a later one. Returns true when it
    /// stored it. Errors: "knowledge.invalid" (no id or title, revision below 1).
    Result<bool> put(const KnowledgeArticle &article, qint64 revision, const QDateTime &publishedAt);

    Result<std::optional<KnowledgeArticle>> byId(const QString &id) const;
    /// The stored revision of an article, nullopt when there is none.
    Result<std::optional<qint64>> revision(const QString &id) const;
    /// Every article, by title, then id.
    Result<QList<KnowledgeArticle>> list() const;
    /// Articles containing every word of `query` (title, keywords and body; case and accents folded as
    /// in KnowledgeLibrary::search), those with the words in their title or keywords first, then by
    /// title; every article for an empty query. Articles are few (tens, hundreds at most), so this
    /// reads them all rather than keeping an index.
    Result<QList<KnowledgeArticle>> search(const QString &query) const;

private:
    Result<QList<KnowledgeArticle>> select(const QString &where, const QVariantList &params) const;

    QSqlDatabase m_db;
};

} // namespace fc
