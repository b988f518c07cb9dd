#include "core/KnowledgeLibrary.h"

#include "core/JsonReader.h"
#include "core/SearchText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::KnowledgeLibrary", text);
}

Error badArticle(const QString &source, const QString &why)
{
    return makeError(u"knowledge.bad_article"_s, tr("Article %1: %2").arg(source, why));
}

Error badFile(const QString &source, const QString &why)
{
    return makeError(u"knowledge.bad_file"_s, tr("%1: %2").arg(source, why));
}

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badFile(path, file.errorString());
    if (file.size() > 4 * 1024 * 1024)
        return badFile(path, tr("larger than 4 MiB"));
    return file.readAll();
}

/// An array of flat objects whose fields are all short texts; `required` must be present.
Result<QList<QJsonObject>> readRecords(const QString &path, const QStringList &fields, const QStringList &required)
{
    Result<QByteArray> bytes = readAll(path);
    if (!bytes)
        return bytes.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (!document.isArray())
        return badFile(path, tr("expected a JSON array (%1)").arg(parseError.errorString()));
    QList<QJsonObject> out;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        JsonReader r(array.at(i).toObject(), u"["_s + QString::number(i) + u']');
        QJsonObject record;
        for (const QString &field : fields)
            record.insert(field, r.string(field, 2000, required.contains(field)));
        if (Status status = r.status(); !status || !array.at(i).isObject())
            return badFile(path, array.at(i).isObject() ? status.error().message : tr("entry %1 is not an object").arg(i));
        out.append(record);
    }
    return out;
}

template<typename T, typename Key> const T *find(const QList<T> &list, Key key, QString T::*member)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&](const T &item) { return item.*member == key; });
    return it == list.cend() ? nullptr : &*it;
}

} // namespace

Result<KnowledgeArticle> parseKnowledgeArticle(const QString &text, const QString &sourceName)
{
    QStringList lines = text.split(u'\n');
    if (lines.isEmpty() || lines.first().trimmed() != u"---"_s)
        return badArticle(sourceName, tr("it must start with a front-matter block (---)."));
    KnowledgeArticle article;
    qsizetype i = 1;
    for (; i < lines.size() && lines.at(i).trimmed() != u"---"_s; ++i) {
        const QString line = lines.at(i);
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            return badArticle(sourceName, tr("line %1 is not 'name: value'.").arg(i + 1));
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == u"id"_s)
            article.id = value;
        else if (key == u"title"_s)
            article.title = value;
        else if (key == u"service"_s)
            article.service = value;
        else if (key == u"keywords"_s) {
            for (const QString &keyword : value.split(u',', Qt::SkipEmptyParts))
                article.keywords.append(keyword.trimmed());
        } else
            return badArticle(sourceName, tr("'%1' is not a front-matter field (id, title, service, keywords).").arg(key));
    }
    if (i >= lines.size())
        return badArticle(sourceName, tr("the front-matter block is not closed (---)."));
    if (article.id.isEmpty() || article.title.isEmpty())
        return badArticle(sourceName, tr("id and title are required."));
    article.body = lines.mid(i + 1).join(u'\n').trimmed();
    return article;
}

Result<KnowledgeLibrary> KnowledgeLibrary::load(const QString &dirPath)
{
    KnowledgeLibrary library;
    const QDir dir(dirPath);
    if (!dir.exists())
        return badFile(dirPath, tr("no such folder"));
    for (const QString &name : dir.entryList({ u"*.md"_s }, QDir::Files, QDir::Name)) {
        Result<QByteArray> bytes = readAll(dir.filePath(name));
        if (!bytes)
            return bytes.error();
        Result<KnowledgeArticle> article = parseKnowledgeArticle(QString::fromUtf8(*bytes), name);
        if (!article)
            return article.error();
        if (library.article(article->id))
            return badArticle(name, tr("another article already has the id '%1'.").arg(article->id));
        library.m_articles.append(std::move(article).value());
    }
    library.sortByTitle();
    if (dir.exists(u"partner-agencies.json"_s)) {
        Result<QList<QJsonObject>> records
            = readRecords(dir.filePath(u"partner-agencies.json"_s),
                          { u"key"_s, u"name"_s, u"phone"_s, u"web"_s, u"hours"_s, u"helpsWith"_s }, { u"key"_s, u"name"_s });
        if (!records)
            return records.error();
        for (const QJsonObject &r : *records)
            library.m_agencies.append(PartnerAgency { r[u"key"_s].toString(), r[u"name"_s].toString(), r[u"phone"_s].toString(),
                                                      r[u"web"_s].toString(), r[u"hours"_s].toString(),
                                                      r[u"helpsWith"_s].toString() });
    }
    if (dir.exists(u"sites.json"_s)) {
        Result<QList<QJsonObject>> records = readRecords(dir.filePath(u"sites.json"_s),
                                                         { u"key"_s, u"name"_s, u"address"_s, u"hours"_s }, { u"key"_s, u"name"_s });
        if (!records)
            return records.error();
        for (const QJsonObject &r : *records)
            library.m_sites.append(ServiceSite { r[u"key"_s].toString(), r[u"name"_s].toString(), r[u"address"_s].toString(),
                                                 r[u"hours"_s].toString() });
    }
    return library;
}

const KnowledgeArticle *KnowledgeLibrary::article(QStringView id) const
{
    return find(m_articles, id, &KnowledgeArticle::id);
}

const PartnerAgency *KnowledgeLibrary::agency(QStringView key) const
{
    return find(m_agencies, key, &PartnerAgency::key);
}

const ServiceSite *KnowledgeLibrary::site(QStringView key) const
{
    return find(m_sites, key, &ServiceSite::key);
}

QList<const KnowledgeArticle *> rankKnowledgeArticles(const QList<KnowledgeArticle> &articles, const QString &query)
{
    const QStringList words = searchQueryTokens(query);
    QList<std::pair<int, const KnowledgeArticle *>> scored;
    for (const KnowledgeArticle &article : articles) {
        const QString head = foldForSearch(QString(article.title + u' ' + article.keywords.join(u' ')));
        const QString body = foldForSearch(article.body);
        int score = 0;
        bool all = true;
        for (const QString &word : words) {
            if (head.contains(word))
                score += 10;
            else if (body.contains(word))
                score += 1;
            else
                all = false;
        }
        if (all)
            scored.append({ score, &article });
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QList<const KnowledgeArticle *> out;
    for (const auto &[score, article] : scored)
        out.append(article);
    return out;
}

QList<const KnowledgeArticle *> KnowledgeLibrary::search(const QString &query) const
{
    return rankKnowledgeArticles(m_articles, query); // kept in title order
}

void KnowledgeLibrary::sortByTitle()
{
    std::stable_sort(m_articles.begin(), m_articles.end(), [](const auto &a, const auto &b) { return a.title < b.title; });
}

void KnowledgeLibrary::mergeArticles(const QList<KnowledgeArticle> &articles)
{
    for (const KnowledgeArticle &article : articles) {
        const auto it = std::find_if(m_articles.begin(), m_articles.end(),
                                     [&](const KnowledgeArticle &a) { return a.id == article.id; });
        if (it != m_articles.end())
            *it = article;
        else
            m_articles.append(article);
    }
    sortByTitle();
}

ScriptReferences KnowledgeLibrary::references() const
{
    ScriptReferences references;
    references.articles.emplace();
    references.agencies.emplace();
    references.sites.emplace();
    for (const KnowledgeArticle &a : m_articles)
        references.articles->insert(a.id);
    for (const PartnerAgency &a : m_agencies)
        references.agencies->insert(a.key);
    for (const ServiceSite &s : m_sites)
        references.sites->insert(s.key);
    return references;
}

} // namespace fc
