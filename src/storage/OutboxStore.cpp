#include "storage/OutboxStore.h"

#include "storage/CacheTransaction.h"
#include "storage/StoreSavepoint.h"
#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// SQLite's default limit on bound parameters is 999.
constexpr qsizetype kIdsPerQuery = 500;

Error invalid(const QString &message)
{
    return makeError(u"outbox.invalid"_s, message);
}

Status validate(const OutboxMutation &mutation)
{
    if (mutation.mutationId.isNull() || mutation.entityId.isNull())
        return invalid(QCoreApplication::translate("OutboxStore",
                                                   "A change without a mutation id or record id cannot be queued."));
    if (mutation.entity.isEmpty() || mutation.operation.isEmpty())
        return invalid(QCoreApplication::translate(
            "OutboxStore", "A change must name its kind of record and its operation to be queued."));
    if (!mutation.createdAt.isValid())
        return invalid(
            QCoreApplication::translate("OutboxStore", "A change without the time it was made cannot be queued."));
    return {};
}

} // namespace

OutboxStore::OutboxStore(QSqlDatabase db) : m_db(std::move(db)) { }

Result<qint64> OutboxStore::enqueue(const OutboxMutation &mutation)
{
    if (!cacheInTransaction(m_db))
        return makeError(u"outbox.no_transaction"_s,
                         QCoreApplication::translate("OutboxStore",
                                                     "A change was queued for sync outside a cache transaction; it "
                                                     "must be saved in the same transaction as the change itself."));
    if (Status valid = validate(mutation); !valid)
        return valid.error();

    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO outbox (mutation_id, entity, entity_id, operation, base_revision, payload, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(store::uuidParam(mutation.mutationId));
    query.addBindValue(mutation.entity);
    query.addBindValue(store::uuidParam(mutation.entityId));
    query.addBindValue(mutation.operation);
    query.addBindValue(mutation.baseRevision ? QVariant(*mutation.baseRevision) : QVariant());
    query.addBindValue(store::jsonParam(mutation.payload));
    query.addBindValue(store::timeParam(mutation.createdAt));
    if (!query.exec()) {
        if (store::isUniqueViolation(query))
            return makeError(u"outbox.duplicate_mutation"_s,
                             QCoreApplication::translate("OutboxStore", "This change is already queued for sync."));
        return store::queryError(query,
                                 QCoreApplication::translate("OutboxStore", "Could not queue a change for sync"));
    }
    return query.lastInsertId().toLongLong();
}

Result<QList<OutboxEntry>> OutboxStore::peek(int limit) const
{
    const QString what = QCoreApplication::translate("OutboxStore", "Could not read the changes waiting for sync");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT seq, mutation_id, entity, entity_id, operation, base_revision, payload, created_at, "
                  "attempts, last_error FROM outbox ORDER BY seq LIMIT ?"_s);
    query.addBindValue(qMax(0, limit));
    if (!query.exec())
        return store::queryError(query, what);
    QList<OutboxEntry> entries;
    store::RowReader row(query, u"outbox"_s);
    while (query.next()) {
        OutboxEntry entry;
        entry.seq = row.integer(0);
        entry.mutation.mutationId = row.uuid(1);
        entry.mutation.entity = row.text(2);
        entry.mutation.entityId = row.uuid(3);
        entry.mutation.operation = row.text(4);
        entry.mutation.baseRevision = row.optionalInteger(5);
        entry.mutation.payload = row.jsonObject(6);
        entry.mutation.createdAt = row.time(7);
        entry.attempts = int(row.integer(8));
        entry.lastError = row.text(9);
        if (!row.ok())
            return row.error();
        entries.append(std::move(entry));
    }
    if (query.lastError().isValid())
        return store::queryError(query, what);
    return entries;
}

Result<int> OutboxStore::removeUpTo(qint64 seq)
{
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM outbox WHERE seq <= ?"_s);
    query.addBindValue(seq);
    if (!query.exec())
        return store::queryError(query, QCoreApplication::translate("OutboxStore", "Could not remove synced changes"));
    return query.numRowsAffected();
}

Result<int> OutboxStore::remove(const QList<QUuid> &mutationIds)
{
    const QString what = QCoreApplication::translate("OutboxStore", "Could not remove synced changes");
    store::StoreSavepoint savepoint(m_db);
    if (Status opened = savepoint.open(); !opened)
        return opened.error();
    int removed = 0;
    for (qsizetype from = 0; from < mutationIds.size(); from += kIdsPerQuery) {
        const qsizetype count = std::min(kIdsPerQuery, mutationIds.size() - from);
        QStringList marks;
        for (qsizetype i = 0; i < count; ++i)
            marks.append(u"?"_s);
        QSqlQuery query(m_db);
        query.prepare(u"DELETE FROM outbox WHERE mutation_id IN ("_s + marks.join(u", "_s) + u")"_s);
        for (qsizetype i = from; i < from + count; ++i)
            query.addBindValue(store::uuidParam(mutationIds.at(i)));
        if (!query.exec())
            return store::queryError(query, what);
        removed += query.numRowsAffected();
    }
    if (Status released = savepoint.release(); !released)
        return released.error();
    return removed;
}

Status OutboxStore::recordAttempt(const QUuid &mutationId, const QString &error)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ?"_s);
    query.addBindValue(store::textParam(error));
    query.addBindValue(store::uuidParam(mutationId));
    if (!query.exec())
        return store::queryError(query,
                                 QCoreApplication::translate("OutboxStore", "Could not record a failed sync attempt"));
    if (query.numRowsAffected() == 0)
        return makeError(u"outbox.not_found"_s,
                         QCoreApplication::translate("OutboxStore", "The change is no longer waiting for sync."));
    return {};
}

Result<qint64> OutboxStore::count() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*) FROM outbox"_s) || !query.next())
        return store::queryError(
            query, QCoreApplication::translate("OutboxStore", "Could not count the changes waiting for sync"));
    return query.value(0).toLongLong();
}

} // namespace fc
