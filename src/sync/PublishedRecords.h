#pragma once

// The records of published scripts and knowledge articles as pulls carry them (docs/SYNC.md,
// "Records"): written by the server's change feed, read by the desk's cache.

#include "core/KnowledgeLibrary.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace fc::wire {

/// One published version of a script. Every version is its own record: publishing version 3 adds a
/// record beside version 2, which desks keep for the contacts that recorded it.
struct PublishedScript {
    QString id; // "waste-missed-bin"
    int version = 0;
    QString service;
    QString title;
    QDateTime publishedAt; // UTC
    QJsonObject body; // the script as docs/SCRIPTS.md describes it, its "version" equal to `version`

    friend bool operator==(const PublishedScript &, const PublishedScript &) = default;
};

/// A knowledge article as last published: one record per article, its revision up by one each time.
struct PublishedArticle {
    KnowledgeArticle article;
    qint64 revision = 0;
    QDateTime publishedAt; // UTC

    friend bool operator==(const PublishedArticle &a, const PublishedArticle &b)
    {
        return a.article.id == b.article.id && a.article.title == b.article.title
            && a.article.service == b.article.service && a.article.keywords == b.article.keywords
            && a.article.body == b.article.body && a.revision == b.revision && a.publishedAt == b.publishedAt;
    }
};

/// `{"id", "version", "service", "title", "published_at", "body": {...}}`
QJsonObject toJson(const PublishedScript &script);
/// `{"id", "revision", "title", "service", "keywords": [...], "body": "Markdown", "published_at"}`
QJsonObject toJson(const PublishedArticle &article);

/// Strict reads (json.* errors naming the field). A script's body must be an object whose "id" and
/// "version" are the record's own.
Result<PublishedScript> readPublishedScript(const QJsonObject &json);
Result<PublishedArticle> readPublishedArticle(const QJsonObject &json);

} // namespace fc::wire
