#include "storage/ScriptStore.h"

#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr auto kColumns = "id, version, service, title, published_at, body"_L1;

Error invalid(const QString &message)
{
    return makeError(u"script.invalid"_s, message);
}

} // namespace

ScriptStore::ScriptStore(QSqlDatabase db) : m_db(std::move(db)) { }

Status ScriptStore::put(const ScriptVersion &script)
{
    if (script.id.isEmpty())
        return invalid(QCoreApplication::translate("ScriptStore", "A script without an id cannot be saved."));
    if (script.version < 1)
        return invalid(QCoreApplication::translate("ScriptStore", "Script %1 has version %2; versions start at 1.")
                           .arg(script.id)
                           .arg(script.version));
    QJsonParseError parseError;
    QJsonDocument::fromJson(script.body.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QCoreApplication::translate("ScriptStore", "Version %1 of script %2 is not valid JSON: %3")
                           .arg(script.version)
                           .arg(script.id, parseError.errorString()));

    // The table has no row numbers (WITHOUT ROWID), so replacing keeps nothing that matters.
    QSqlQuery query(m_db);
    query.prepare(u"INSERT OR REPLACE INTO script ("_s + kColumns + u") VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(script.id);
    query.addBindValue(script.version);
    query.addBindValue(store::textParam(script.service));
    query.addBindValue(store::textParam(script.title));
    query.addBindValue(store::timeParam(script.publishedAt));
    query.addBindValue(script.body);
    if (!query.exec())
        return store::queryError(query,
                                 QCoreApplication::translate("ScriptStore", "Could not save script %1").arg(script.id));
    return {};
}

Result<QList<ScriptVersion>> ScriptStore::select(const QString &where, const QVariantList &params,
                                                 const QString &orderBy) const
{
    const QString what = QCoreApplication::translate("ScriptStore", "Could not read scripts");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + kColumns + u" FROM script WHERE "_s + where + u" ORDER BY "_s + orderBy);
    for (const QVariant &value : params)
        query.addBindValue(value);
    if (!query.exec())
        return store::queryError(query, what);
    QList<ScriptVersion> scripts;
    store::RowReader row(query, u"script"_s);
    while (query.next()) {
        ScriptVersion script;
        script.id = row.text(0);
        script.version = int(row.integer(1));
        script.service = row.text(2);
        script.title = row.text(3);
        script.publishedAt = row.time(4);
        script.body = row.text(5);
        if (!row.ok())
            return row.error();
        scripts.append(std::move(script));
    }
    if (query.lastError().isValid())
        return store::queryError(query, what);
    return scripts;
}

Result<std::optional<ScriptVersion>> ScriptStore::latestPublished(const QString &id) const
{
    Result<QList<ScriptVersion>> found
        = select(u"id = ? AND published_at IS NOT NULL"_s, { store::textParam(id) }, u"version DESC LIMIT 1"_s);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<ScriptVersion>();
    return std::optional<ScriptVersion>(found->first());
}

Result<std::optional<ScriptVersion>> ScriptStore::version(const QString &id, int version) const
{
    Result<QList<ScriptVersion>> found
        = select(u"id = ? AND version = ?"_s, { store::textParam(id), version }, u"version"_s);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<ScriptVersion>();
    return std::optional<ScriptVersion>(found->first());
}

Result<QList<ScriptVersion>> ScriptStore::list() const
{
    return select(u"published_at IS NOT NULL AND version = (SELECT max(version) FROM script AS newer "
                  "WHERE newer.id = script.id AND newer.published_at IS NOT NULL)"_s,
                  {}, u"service, title, id"_s);
}

} // namespace fc
