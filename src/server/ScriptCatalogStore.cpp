#include "server/ScriptCatalogStore.h"

#include "core/JsonReader.h"
#include "core/KnowledgeLibrary.h"
#include "server/KnowledgeCatalogStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMap>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::server::ScriptCatalogStore", text);
}

// Names the log's records; fixed for ever.
const QUuid kSyncNamespace(u"0f3e9c52-7a1d-4b6e-8c2f-5d9a1e7b3c40"_s);

// Serialises numbering and publishing across servers on one PostgreSQL (scripts change rarely).
constexpr qint64 kCatalogueLockKey = 0x4643'5343'5250; // "FCSCRP"

const QString kColumns = u"id, version, service, title, body, status, published_at"_s;

Error invalid(const QList<ScriptProblem> &problems)
{
    return makeError(
        u"script.invalid"_s,
        problems.size() == 1
            ? tr("The script has a problem: %1").arg(problems.first().text())
            : tr("The script has %1 problems; the first: %2").arg(problems.size()).arg(problems.first().text()));
}

// Two bodies are the same script when they differ at most in their version number.
bool sameScript(QJsonObject a, QJsonObject b)
{
    a.remove(u"version"_s);
    b.remove(u"version"_s);
    return a == b;
}

QJsonObject bodyFromText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

ScriptCatalogStore::ScriptCatalogStore(ServerDatabase &database, ScriptReferences shipped)
    : m_db(database), m_shipped(std::move(shipped))
{
}

Result<ScriptReferences> ScriptCatalogStore::shippedReferences()
{
    Result<KnowledgeLibrary> library = KnowledgeLibrary::shipped();
    if (!library)
        return library.error();
    return library->references();
}

QUuid ScriptCatalogStore::syncIdOf(const QString &id, int version)
{
    return QUuid::createUuidV5(kSyncNamespace, u"script:%1/%2"_s.arg(id).arg(version));
}

Result<ScriptCatalogStore::Checked> ScriptCatalogStore::check(const QByteArray &json,
                                                              QList<ScriptProblem> *problems) const
{
    QList<ScriptProblem> found;
    Result<Script> script = parseScript(json, &found);
    if (script) {
        ScriptReferences references = m_shipped;
        Result<QSet<QString>> articles = KnowledgeCatalogStore(m_db).publishedIds();
        if (!articles)
            return articles.error();
        if (references.articles)
            references.articles->unite(articles.value());
        found = ScriptValidator(references).validate(script.value());
    }
    if (problems)
        *problems = found;
    if (!found.isEmpty())
        return invalid(found);
    return Checked { script.value(), QJsonDocument::fromJson(json).object() };
}

Status ScriptCatalogStore::lockCatalogue()
{
    if (m_db.dialect() != SqlDialect::PostgreSql)
        return {}; // one writer at a time already
    Result<QSqlQuery> locked = m_db.run(u"SELECT pg_advisory_xact_lock(?)"_s, { kCatalogueLockKey });
    if (!locked)
        return locked.error();
    return {};
}

Result<int> ScriptCatalogStore::insertDraft(const Checked &checked, const QString &user, const QDateTime &now)
{
    Result<QVariant> highest
        = m_db.scalar(u"SELECT coalesce(max(version), 0) FROM scripts WHERE id = ?"_s, { checked.script.id });
    if (!highest)
        return highest.error();
    const int version = highest->toInt() + 1;
    QJsonObject body = checked.body;
    body.insert(u"version"_s, version);
    Result<QSqlQuery> inserted
        = m_db.run(u"INSERT INTO scripts (id, version, sync_id, service, title, body, status, created_at, created_by)"
                   " VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?)"_s,
                   { checked.script.id, version, ServerDatabase::uuidValue(syncIdOf(checked.script.id, version)),
                     checked.script.service, checked.script.title,
                     QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)),
                     ServerDatabase::timestampValue(now), user });
    if (!inserted)
        return inserted.error();
    return version;
}

Result<int> ScriptCatalogStore::saveDraft(const QByteArray &json, const QString &user, const QDateTime &now,
                                          QList<ScriptProblem> *problems)
{
    Result<Checked> checked = check(json, problems);
    if (!checked)
        return checked.error();
    if (Status begun = m_db.begin(); !begun)
        return begun.error();
    Status locked = lockCatalogue();
    Result<int> version = locked ? insertDraft(checked.value(), user, now) : Result<int>(locked.error());
    if (!version) {
        m_db.rollback();
        return version.error();
    }
    if (Status committed = m_db.commit(); !committed)
        return committed.error();
    return version;
}

Result<std::optional<QJsonObject>> ScriptCatalogStore::latestPublishedBody(const QString &id) const
{
    Result<QSqlQuery> query = m_db.run(
        u"SELECT body FROM scripts WHERE id = ? AND status = 'published' ORDER BY version DESC LIMIT 1"_s, { id });
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(bodyFromText(query->value(0).toString()));
}

Result<ScriptPublication> ScriptCatalogStore::publishInTransaction(const QString &id, int version, const QString &user,
                                                                   const QDateTime &now, QList<ScriptProblem> *problems)
{
    Result<std::optional<wire::PublishedScript>> found = this->version(id, version);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(u"script.not_found"_s, tr("There is no version %1 of script '%2'.").arg(version).arg(id));
    if (found.value()->publishedAt.isValid())
        return makeError(
            u"script.already_published"_s,
            tr("Version %1 of script '%2' is published already; publish a new draft instead.").arg(version).arg(id));
    Result<QVariant> latest
        = m_db.scalar(u"SELECT coalesce(max(version), 0) FROM scripts WHERE id = ? AND status = 'published'"_s, { id });
    if (!latest)
        return latest.error();
    if (latest->toInt() > version)
        return makeError(u"script.superseded"_s,
                         tr("Version %1 of script '%2' is published already, so draft %3 is out of date; save it "
                            "again as a new draft to publish it.")
                             .arg(latest->toInt())
                             .arg(id)
                             .arg(version));
    const QJsonObject body = found.value()->body;
    // Checked again: an article it links to may have been withdrawn from the shipped library since.
    Result<Checked> checked = check(QJsonDocument(body).toJson(QJsonDocument::Compact), problems);
    if (!checked)
        return checked.error();
    Result<std::optional<QJsonObject>> current = latestPublishedBody(id);
    if (!current)
        return current.error();
    if (current.value() && sameScript(*current.value(), body))
        return ScriptPublication { latest->toInt(), true };
    Result<QSqlQuery> updated = m_db.run(u"UPDATE scripts SET status = 'published', published_at = ?, published_by = ?"
                                         " WHERE id = ? AND version = ? AND status = 'draft'"_s,
                                         { ServerDatabase::timestampValue(now), user, id, version });
    if (!updated)
        return updated.error();
    return ScriptPublication { version, false };
}

Result<ScriptPublication> ScriptCatalogStore::publish(const QString &id, int version, const QString &user,
                                                      const QDateTime &now, QList<ScriptProblem> *problems)
{
    if (problems)
        problems->clear();
    if (Status begun = m_db.begin(); !begun)
        return begun.error();
    Status locked = lockCatalogue();
    Result<ScriptPublication> published
        = locked ? publishInTransaction(id, version, user, now, problems) : Result<ScriptPublication>(locked.error());
    if (!published || published->unchanged) {
        m_db.rollback();
        return published;
    }
    if (Status committed = m_db.commit(); !committed)
        return committed.error();
    return published;
}

Result<ScriptPublication> ScriptCatalogStore::publishNow(const QByteArray &json, const QString &user,
                                                         const QDateTime &now, QList<ScriptProblem> *problems)
{
    Result<Checked> checked = check(json, problems);
    if (!checked)
        return checked.error();
    if (Status begun = m_db.begin(); !begun)
        return begun.error();
    const auto failed = [this](const Error &error) {
        m_db.rollback();
        return error;
    };
    if (Status locked = lockCatalogue(); !locked)
        return failed(locked.error());
    Result<std::optional<QJsonObject>> current = latestPublishedBody(checked->script.id);
    if (!current)
        return failed(current.error());
    if (current.value() && sameScript(*current.value(), checked->body)) {
        m_db.rollback();
        return ScriptPublication { current.value()->value(u"version"_s).toInt(), true };
    }
    Result<int> version = insertDraft(checked.value(), user, now);
    if (!version)
        return failed(version.error());
    Result<ScriptPublication> published
        = publishInTransaction(checked->script.id, version.value(), user, now, problems);
    if (!published)
        return failed(published.error());
    if (Status committed = m_db.commit(); !committed)
        return committed.error();
    return published;
}

Result<std::optional<wire::PublishedScript>> ScriptCatalogStore::version(const QString &id, int version) const
{
    Result<QSqlQuery> query
        = m_db.run(u"SELECT %1 FROM scripts WHERE id = ? AND version = ?"_s.arg(kColumns), { id, version });
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    if (!q.next())
        return std::optional<wire::PublishedScript>();
    wire::PublishedScript script;
    script.id = q.value(0).toString();
    script.version = q.value(1).toInt();
    script.service = q.value(2).toString();
    script.title = q.value(3).toString();
    script.body = bodyFromText(q.value(4).toString());
    if (q.value(5).toString() == u"published"_s)
        script.publishedAt = ServerDatabase::readTimestamp(q.value(6));
    return std::optional<wire::PublishedScript>(script);
}

Result<QList<ScriptSummary>> ScriptCatalogStore::list() const
{
    Result<QSqlQuery> query
        = m_db.run(u"SELECT id, version, status, title, service, published_at FROM scripts ORDER BY id, version"_s);
    if (!query)
        return query.error();
    QMap<QString, ScriptSummary> byId;
    QSqlQuery &q = query.value();
    while (q.next()) {
        ScriptSummary &summary = byId[q.value(0).toString()];
        summary.id = q.value(0).toString();
        const int version = q.value(1).toInt();
        const bool published = q.value(2).toString() == u"published"_s;
        if (published) {
            summary.publishedVersion = version;
            summary.publishedAt = ServerDatabase::readTimestamp(q.value(5));
        } else {
            summary.draftVersions.append(version);
        }
        if (published || summary.publishedVersion == 0) {
            summary.title = q.value(3).toString();
            summary.service = q.value(4).toString();
        }
    }
    return QList<ScriptSummary>(byId.cbegin(), byId.cend());
}

} // namespace fc::server
