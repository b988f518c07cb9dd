#include "storage/ConflictStore.h"

#include "core/JsonReader.h"
#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <limits>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::ConflictStore", text);
}

const QString kConflictColumns = u"id, entity, entity_id, field, base_value, server_value, client_value, user_name,"
                                 " created_at, resolved_at, resolved_by, resolution, revision"_s;

Result<SyncConflict> readConflict(const QSqlQuery &query)
{
    store::RowReader row(query, u"sync_conflict"_s);
    SyncConflict c;
    c.id = row.uuid(0);
    c.entity = row.text(1);
    c.entityId = row.uuid(2);
    c.field = row.text(3);
    c.baseValue = JsonReader::valueFromText(row.text(4));
    c.serverValue = JsonReader::valueFromText(row.text(5));
    c.clientValue = JsonReader::valueFromText(row.text(6));
    c.user = row.text(7);
    c.createdAt = row.time(8);
    c.resolvedAt = row.time(9);
    c.resolvedBy = row.text(10);
    c.resolution = row.text(11);
    c.revision = row.integer(12);
    if (!row.ok())
        return row.error();
    return c;
}

} // namespace

Result<SyncConflict> SyncConflict::fromJson(const QJsonObject &json)
{
    JsonReader r(json, u"conflict"_s);
    SyncConflict c;
    c.id = r.uuid(u"id"_s, true);
    c.entity = r.string(u"entity"_s, 20, true);
    c.entityId = r.uuid(u"entity_id"_s, true);
    c.field = r.string(u"field"_s, 64, true);
    r.skip(u"base_value"_s);
    r.skip(u"server_value"_s);
    r.skip(u"client_value"_s);
    c.baseValue = json.value(u"base_value"_s);
    c.serverValue = json.value(u"server_value"_s);
    c.clientValue = json.value(u"client_value"_s);
    c.user = r.string(u"user"_s, 200);
    c.createdAt = r.time(u"created_at"_s);
    c.resolvedAt = r.time(u"resolved_at"_s);
    c.resolvedBy = r.string(u"resolved_by"_s, 200);
    c.resolution = r.string(u"resolution"_s, 20);
    c.revision = r.integer(u"revision"_s, 0, 0, std::numeric_limits<qint32>::max());
    if (Status ok = r.status(); !ok)
        return ok.error();
    return c;
}

ConflictStore::ConflictStore(QSqlDatabase db) : m_db(std::move(db)) { }

Status ConflictStore::upsert(const SyncConflict &c)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT OR REPLACE INTO sync_conflict (%1) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                  " WHERE NOT EXISTS (SELECT 1 FROM sync_conflict WHERE id = ? AND revision > ?)"_s.arg(kConflictColumns));
    for (const QVariant &value : QVariantList { store::uuidParam(c.id), store::textParam(c.entity),
                                                store::uuidParam(c.entityId), store::textParam(c.field),
                                                JsonReader::valueText(c.baseValue), JsonReader::valueText(c.serverValue),
                                                JsonReader::valueText(c.clientValue), store::textParam(c.user),
                                                store::timeParam(c.createdAt), store::timeParam(c.resolvedAt),
                                                store::textParam(c.resolvedBy), store::textParam(c.resolution),
                                                c.revision, store::uuidParam(c.id), c.revision })
        query.addBindValue(value);
    if (!query.exec())
        return store::queryError(query, tr("Could not save a sync conflict"));
    return {};
}

Result<std::optional<SyncConflict>> ConflictStore::byId(const QUuid &id) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT %1 FROM sync_conflict WHERE id = ?"_s.arg(kConflictColumns));
    query.addBindValue(store::uuidParam(id));
    if (!query.exec())
        return store::queryError(query, tr("Could not read a sync conflict"));
    if (!query.next())
        return std::optional<SyncConflict>();
    Result<SyncConflict> conflict = readConflict(query);
    if (!conflict)
        return conflict.error();
    return std::optional<SyncConflict>(conflict.value());
}

Result<QList<SyncConflict>> ConflictStore::unresolved() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT %1 FROM sync_conflict WHERE resolved_at IS NULL ORDER BY created_at, id"_s.arg(kConflictColumns)))
        return store::queryError(query, tr("Could not list sync conflicts"));
    QList<SyncConflict> conflicts;
    while (query.next()) {
        Result<SyncConflict> conflict = readConflict(query);
        if (!conflict)
            return conflict.error();
        conflicts.append(conflict.value());
    }
    return conflicts;
}

Result<qint64> ConflictStore::unresolvedCount() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL"_s) || !query.next())
        return store::queryError(query, tr("Could not count sync conflicts"));
    return query.value(0).toLongLong();
}

Status ConflictStore::markResolved(const QUuid &id, const QString &resolution, const QString &by, const QDateTime &at)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?"_s);
    query.addBindValue(store::timeParam(at));
    query.addBindValue(store::textParam(by));
    query.addBindValue(store::textParam(resolution));
    query.addBindValue(store::uuidParam(id));
    if (!query.exec())
        return store::queryError(query, tr("Could not settle a sync conflict"));
    if (query.numRowsAffected() == 0)
        return makeError(u"conflict.not_found"_s, tr("There is no such conflict on this desk."));
    return {};
}

RejectedChangeStore::RejectedChangeStore(QSqlDatabase db) : m_db(std::move(db)) { }

Status RejectedChangeStore::add(const RejectedChange &c)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT OR REPLACE INTO sync_rejected (mutation_id, entity, entity_id, operation, payload, code,"
                  " message, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &value : QVariantList { store::uuidParam(c.mutationId), store::textParam(c.entity),
                                                store::uuidParam(c.entityId), store::textParam(c.operation),
                                                store::jsonParam(c.payload), store::textParam(c.code),
                                                store::textParam(c.message), store::timeParam(c.rejectedAt) })
        query.addBindValue(value);
    if (!query.exec())
        return store::queryError(query, tr("Could not keep a refused change"));
    return {};
}

Result<QList<RejectedChange>> RejectedChangeStore::all() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT mutation_id, entity, entity_id, operation, payload, code, message, rejected_at"
                    " FROM sync_rejected ORDER BY rejected_at DESC, mutation_id"_s))
        return store::queryError(query, tr("Could not list refused changes"));
    QList<RejectedChange> changes;
    while (query.next()) {
        store::RowReader row(query, u"sync_rejected"_s);
        RejectedChange c;
        c.mutationId = row.uuid(0);
        c.entity = row.text(1);
        c.entityId = row.uuid(2);
        c.operation = row.text(3);
        c.payload = row.jsonObject(4);
        c.code = row.text(5);
        c.message = row.text(6);
        c.rejectedAt = row.time(7);
        if (!row.ok())
            return row.error();
        changes.append(c);
    }
    return changes;
}

Result<qint64> RejectedChangeStore::count() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*) FROM sync_rejected"_s) || !query.next())
        return store::queryError(query, tr("Could not count refused changes"));
    return query.value(0).toLongLong();
}

Result<bool> RejectedChangeStore::dismiss(const QUuid &mutationId)
{
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM sync_rejected WHERE mutation_id = ?"_s);
    query.addBindValue(store::uuidParam(mutationId));
    if (!query.exec())
        return store::queryError(query, tr("Could not dismiss a refused change"));
    return query.numRowsAffected() > 0;
}

} // namespace fc
