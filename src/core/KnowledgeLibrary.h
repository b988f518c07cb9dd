#pragma once

// Knowledge articles (Markdown with a front-matter block), partner agencies and the council's sites:
// what scripts link to and the runner's knowledge panel searches (docs/SCRIPTS.md).

#include "core/Result.h"
#include "core/ScriptValidator.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace fc {

struct KnowledgeArticle {
    QString id; // "blue-badge-how-to-apply"
    QString title;
    QString service; // service key, or empty for every service
    QStringList keywords;
    QString body; // Markdown, front matter removed
};

/// Reads "---\nid: ...\ntitle: ...\nservice: ...\nkeywords: a, b\n---\n<Markdown>". Errors:
/// "knowledge.bad_article" naming the source and what is missing.
Result<KnowledgeArticle> parseKnowledgeArticle(const QString &text, const QString &sourceName);

/// The articles that contain every word of the query (title, keywords and body, case and accents
/// folded), those with the words in their title or keywords first; stable, so an input in title order
/// stays in title order within a rank. Every article for an empty query.
QList<const KnowledgeArticle *> rankKnowledgeArticles(const QList<KnowledgeArticle> &articles, const QString &query);

/// Someone a resident is signposted to.
struct PartnerAgency {
    QString key; // "citizens_advice"
    QString name;
    QString phone;
    QString web;
    QString hours;
    QString helpsWith;
};

/// A place where residents are seen: a First Stop Shop, a hub.
struct ServiceSite {
    QString key; // "civic-centre"
    QString name;
    QString address;
    QString hours;
};

class KnowledgeLibrary {
public:
    /// Reads `<dir>/*.md`, `<dir>/partner-agencies.json` and `<dir>/sites.json`; the shipped library is
    /// ":/knowledge". Errors: "knowledge.bad_article", "knowledge.bad_file".
    static Result<KnowledgeLibrary> load(const QString &dir);
    static Result<KnowledgeLibrary> shipped() { return load(QStringLiteral(":/knowledge")); }

    const QList<KnowledgeArticle> &articles() const { return m_articles; } // by title
    const QList<PartnerAgency> &agencies() const { return m_agencies; }
    const QList<ServiceSite> &sites() const { return m_sites; }
    const KnowledgeArticle *article(QStringView id) const;
    const PartnerAgency *agency(QStringView key) const;
    const ServiceSite *site(QStringView key) const;

    /// Articles that contain every word typed (title, keywords and body, case and accents folded),
    /// titles and keywords first; every article for an empty query, by title.
    QList<const KnowledgeArticle *> search(const QString &query) const;

    /// Articles published since (synced to the desk) over the shipped ones: same id replaces, new ones
    /// are added.
    void mergeArticles(const QList<KnowledgeArticle> &articles);

    /// The references scripts are validated against.
    ScriptReferences references() const;

private:
    void sortByTitle();

    QList<KnowledgeArticle> m_articles; // by title
    QList<PartnerAgency> m_agencies;
    QList<ServiceSite> m_sites;
};

} // namespace fc
