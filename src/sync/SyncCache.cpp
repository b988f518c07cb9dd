#include "sync/SyncCache.h"

#include "core/DomainJson.h"
#include "core/JsonReader.h"
#include "storage/CacheTransaction.h"
#include "storage/CaseStore.h"
#include "storage/ConflictStore.h"
#include "storage/ContactStore.h"
#include "storage/CustomerStore.h"
#include "storage/CustomerBulkLoader.h"
#include "storage/KnowledgeStore.h"
#include "storage/OutboxStore.h"
#include "storage/ScriptStore.h"
#include "storage/SnapshotLoad.h"
#include "storage/SyncStateStore.h"
#include "sync/PublishedRecords.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::SyncCache", text);
}

// The sync_state keys of the server session (the token stays inside the encrypted cache).
const QString kSessionPrefix = u"session."_s;

Error queryFailed(const QSqlQuery &query, const QString &what)
{
    return makeError(u"cache.query_failed"_s, u"%1: %2"_s.arg(what, query.lastError().text()));
}

// The outbox's changes by record, so a pulled record gets this desk's unsent edits laid over it again.
using PendingByRecord = QHash<QString, QList<OutboxEntry>>;

Result<PendingByRecord> pendingByRecord(QSqlDatabase db)
{
    Result<QList<OutboxEntry>> entries = OutboxStore(db).peek(std::numeric_limits<int>::max());
    if (!entries)
        return entries.error();
    PendingByRecord pending;
    ConflictStore conflicts(db);
    for (const OutboxEntry &entry : entries.value()) {
        pending[entry.mutation.entity + entry.mutation.entityId.toString()].append(entry);
        // A conflict settled here and not yet sent is an edit of its record's field too: the pulled
        // record must not show the other value again until the server has taken the choice.
        if (entry.mutation.entity != u"conflict"_s || entry.mutation.operation != u"resolve"_s)
            continue;
        const QString choice = entry.mutation.payload.value(u"choice"_s).toString();
        if (choice == u"server"_s)
            continue;
        Result<std::optional<SyncConflict>> conflict = conflicts.byId(entry.mutation.entityId);
        if (!conflict)
            return conflict.error();
        if (!conflict.value())
            continue;
        const SyncConflict &c = *conflict.value();
        const QJsonValue chosen = choice == u"client"_s ? c.clientValue : entry.mutation.payload.value(u"value"_s);
        OutboxEntry asEdit = entry;
        asEdit.mutation.entity = c.entity;
        asEdit.mutation.entityId = c.entityId;
        asEdit.mutation.operation = u"update"_s;
        asEdit.mutation.payload = QJsonObject {
            { u"changes"_s, QJsonObject { { c.field, QJsonObject { { u"from"_s, c.serverValue }, { u"to"_s, chosen } } } } } };
        pending[c.entity + c.entityId.toString()].append(asEdit);
    }
    return pending;
}

// Lays the outbox's unsent edits of one record over its pulled JSON.
QJsonObject rebase(QJsonObject record, const QList<OutboxEntry> &pending)
{
    for (const OutboxEntry &entry : pending) {
        if (entry.mutation.operation != u"update"_s)
            continue;
        const QJsonObject changes = entry.mutation.payload.value(u"changes"_s).toObject();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            record.insert(it.key(), it.value().toObject().value(u"to"_s));
    }
    return record;
}

Status removeContact(QSqlDatabase db, const QUuid &id)
{
    for (const QString &sql : { u"DELETE FROM contact_case WHERE contact_id = ?"_s, u"DELETE FROM contact WHERE id = ?"_s }) {
        QSqlQuery query(db);
        query.prepare(sql);
        query.addBindValue(id.toString(QUuid::WithoutBraces));
        if (!query.exec())
            return queryFailed(query, tr("Could not remove a contact the server no longer holds"));
    }
    return {};
}

// Applies one change. Returns true when the cache changed. A contact's time goes into
// `latestContact` (per customer), set once per page: one update per customer, not per contact.
Result<bool> applyChange(QSqlDatabase db, const wire::Change &change, const PendingByRecord &pendingChanges,
                         QHash<QUuid, QDateTime> &latestContact)
{
    const QList<OutboxEntry> pending = pendingChanges.value(change.entity + change.id.toString());
    const bool del = change.operation == u"delete"_s;
    if (change.entity == u"customer"_s) {
        CustomerStore customers(db);
        if (del) {
            if (!pending.isEmpty())
                return false;
            Result<bool> removed = customers.remove(change.id);
            if (!removed)
                return removed.error();
            return removed.value();
        }
        Result<std::optional<Customer>> local = customers.byId(change.id);
        if (!local)
            return local.error();
        if (local.value() && local.value()->revision > change.revision)
            return false;
        Result<Customer> pulled = DomainJson::toCustomer(rebase(change.record, pending));
        if (!pulled)
            return pulled.error();
        if (Status saved = customers.upsert(pulled.value()); !saved)
            return saved.error();
        return true;
    }
    if (change.entity == u"case"_s) {
        CaseStore cases(db);
        if (del) {
            if (!pending.isEmpty())
                return false;
            Result<bool> removed = cases.remove(change.id);
            if (!removed)
                return removed.error();
            return removed.value();
        }
        Result<std::optional<Case>> local = cases.byId(change.id);
        if (!local)
            return local.error();
        if (local.value() && local.value()->revision > change.revision)
            return false;
        Result<Case> pulled = DomainJson::toCase(rebase(change.record, pending));
        if (!pulled)
            return pulled.error();
        if (Status saved = cases.upsert(pulled.value()); !saved)
            return saved.error();
        return true;
    }
    if (change.entity == u"contact"_s) {
        if (del) {
            if (!pending.isEmpty())
                return false;
            if (Status removed = removeContact(db, change.id); !removed)
                return removed.error();
            return true;
        }
        Result<Contact> pulled = DomainJson::toContact(change.record);
        if (!pulled)
            return pulled.error();
        if (Status saved = ContactStore(db).applyPulled(pulled.value()); !saved)
            return saved.error();
        if (!pulled->customerId.isNull()) {
            QDateTime &latest = latestContact[pulled->customerId];
            if (!latest.isValid() || latest < pulled->startedAt)
                latest = pulled->startedAt;
        }
        return true;
    }
    if (change.entity == u"conflict"_s) {
        if (del)
            return false;
        Result<SyncConflict> conflict = SyncConflict::fromJson(change.record);
        if (!conflict)
            return conflict.error();
        // A choice made on this desk and not yet confirmed stays made.
        ConflictStore conflicts(db);
        Result<std::optional<SyncConflict>> local = conflicts.byId(conflict->id);
        if (!local)
            return local.error();
        SyncConflict incoming = conflict.value();
        if (local.value() && local.value()->isResolved() && !incoming.isResolved()) {
            incoming.resolvedAt = local.value()->resolvedAt;
            incoming.resolvedBy = local.value()->resolvedBy;
            incoming.resolution = local.value()->resolution;
        }
        if (Status saved = conflicts.upsert(incoming); !saved)
            return saved.error();
        return true;
    }
    // Published scripts and articles are never withdrawn from desks: a contact may have recorded the
    // version, so a delete (which the server does not send for them) is skipped.
    if (change.entity == u"script"_s) {
        if (del)
            return false;
        Result<wire::PublishedScript> pulled = wire::readPublishedScript(change.record);
        if (!pulled)
            return pulled.error();
        const ScriptVersion script { pulled->id, pulled->version, pulled->service, pulled->title, pulled->publishedAt,
                                     QString::fromUtf8(QJsonDocument(pulled->body).toJson(QJsonDocument::Compact)) };
        if (Status saved = ScriptStore(db).put(script); !saved)
            return saved.error();
        return true;
    }
    if (change.entity == u"article"_s) {
        if (del)
            return false;
        Result<wire::PublishedArticle> pulled = wire::readPublishedArticle(change.record);
        if (!pulled)
            return pulled.error();
        return KnowledgeStore(db).put(pulled->article, pulled->revision, pulled->publishedAt);
    }
    return makeError(u"sync.unknown_entity"_s, tr("The server sent a record of an unknown kind: %1").arg(change.entity));
}

// The snapshot's fast path for one record, or false when it must take applyChange(): a customer, case
// or contact upsert that the cache does not hold and has no unsent change of is inserted outright.
// `stored` holds the ids of the page's records already in the cache (one query per table per page);
// an id inserted here joins it, so a record twice in one page is applied the second time as usual.
Result<bool> insertNew(SnapshotWriter &writer, const wire::Change &change, const PendingByRecord &pendingChanges,
                       QSet<QString> &stored)
{
    if (change.operation != u"upsert"_s)
        return false;
    const QString id = change.id.toString(QUuid::WithoutBraces);
    if (stored.contains(id) || pendingChanges.contains(change.entity + change.id.toString()))
        return false;
    if (change.entity == u"customer"_s) {
        Result<Customer> pulled = DomainJson::toCustomer(change.record);
        if (!pulled)
            return pulled.error();
        if (pulled->id != change.id)
            return false;
        if (Status saved = writer.insertCustomer(pulled.value()); !saved)
            return saved.error();
    } else if (change.entity == u"case"_s) {
        Result<Case> pulled = DomainJson::toCase(change.record);
        if (!pulled)
            return pulled.error();
        if (pulled->id != change.id)
            return false;
        if (Status saved = writer.insertCase(pulled.value()); !saved)
            return saved.error();
    } else if (change.entity == u"contact"_s) {
        Result<Contact> pulled = DomainJson::toContact(change.record);
        if (!pulled)
            return pulled.error();
        if (pulled->id != change.id)
            return false;
        if (Status saved = writer.insertContact(pulled.value()); !saved)
            return saved.error();
    } else {
        return false;
    }
    stored.insert(id);
    return true;
}

// The cache table holding an entity's records, for the snapshot's one probe per table.
QString tableOf(const QString &entity)
{
    if (entity == u"customer"_s)
        return u"customer"_s;
    if (entity == u"case"_s)
        return u"service_case"_s;
    if (entity == u"contact"_s)
        return u"contact"_s;
    return {};
}

} // namespace

Result<AppliedPage> SyncCache::applyPage(QSqlDatabase db, const wire::PullPage &page)
{
    CacheTransaction transaction(db);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    // The page is all or nothing as a whole: no savepoint per record (see WholeTransactionWrites).
    const WholeTransactionWrites whole(db);
    Result<PendingByRecord> pending = pendingByRecord(db);
    if (!pending)
        return pending.error();
    // A first sync's snapshot loads with the secondary indexes down; the first page after it (or its
    // last page, when it says nothing follows) builds them again before the cursor moves on.
    const bool snapshot = page.phase == u"snapshot"_s;
    Result<bool> indexesDown = SnapshotIndexes::areDropped(db);
    if (!indexesDown)
        return indexesDown.error();
    bool restored = false;
    if (snapshot && !indexesDown.value()) {
        if (Status dropped = SnapshotIndexes::drop(db); !dropped)
            return dropped.error();
    } else if (!snapshot && indexesDown.value()) {
        Result<bool> rebuilt = SnapshotIndexes::restore(db);
        if (!rebuilt)
            return rebuilt.error();
        restored = rebuilt.value();
    }
    std::optional<SnapshotWriter> writer;
    QSet<QString> stored;
    if (snapshot) {
        writer.emplace(db);
        QHash<QString, QStringList> idsByTable;
        for (const wire::Change &change : page.changes) {
            if (const QString table = tableOf(change.entity); !table.isEmpty())
                idsByTable[table].append(change.id.toString(QUuid::WithoutBraces));
        }
        for (auto it = idsByTable.cbegin(); it != idsByTable.cend(); ++it) {
            Result<QSet<QString>> found = writer->storedIds(it.key(), it.value());
            if (!found)
                return found.error();
            stored.unite(found.value());
        }
    }

    AppliedPage applied;
    QHash<QUuid, QDateTime> latestContact;
    for (const wire::Change &change : page.changes) {
        Result<bool> done = snapshot ? insertNew(*writer, change, pending.value(), stored) : Result<bool>(false);
        if (done && !done.value())
            done = applyChange(db, change, pending.value(), latestContact);
        if (!done)
            return makeError(done.error().code, tr("%1 %2: %3")
                                                    .arg(change.entity, change.id.toString(QUuid::WithoutBraces),
                                                         done.error().message));
        done.value() ? ++applied.applied : ++applied.skipped;
    }
    // Search ranks by recency; only ever moves forward, and waits for a customer not here yet.
    CustomerStore customers(db);
    for (auto it = latestContact.cbegin(); it != latestContact.cend(); ++it) {
        if (Status set = customers.setLastContactAt(it.key(), it.value()); !set)
            return set.error();
    }
    SyncStateStore state(db);
    if (Status saved = state.setValue(SyncStateStore::pullCursorKey, page.cursor); !saved)
        return saved.error();
    if (Status saved = state.setValue(SyncStateStore::serverEpochKey, page.epoch); !saved)
        return saved.error();
    if (Status saved = state.setValue(u"pull_phase"_s, page.more || page.phase == u"snapshot"_s ? page.phase : u"log"_s); !saved)
        return saved.error();
    if (snapshot && !page.more) {
        Result<bool> rebuilt = SnapshotIndexes::restore(db);
        if (!rebuilt)
            return rebuilt.error();
        restored = rebuilt.value();
    }
    writer.reset(); // its statements before the transaction ends
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    // Never in the load's own transaction (CustomerBulkLoader::mergeSearchIndex). Searches work
    // unmerged, only more slowly, so a failure here loses nothing and is not the page's failure.
    if (restored)
        (void)CustomerBulkLoader::mergeSearchIndex(db);
    return applied;
}

Result<QList<wire::Mutation>> SyncCache::pendingMutations(QSqlDatabase db, int limit)
{
    Result<QList<OutboxEntry>> entries = OutboxStore(db).peek(limit);
    if (!entries)
        return entries.error();
    QList<wire::Mutation> mutations;
    for (const OutboxEntry &entry : entries.value()) {
        const OutboxMutation &m = entry.mutation;
        mutations.append(wire::Mutation { m.mutationId, m.entity, m.operation, m.entityId, m.baseRevision, m.payload });
    }
    return mutations;
}

Status SyncCache::applyPushResults(QSqlDatabase db, const QList<wire::Mutation> &sent,
                                   const QList<wire::MutationResult> &results, const QDateTime &now)
{
    QHash<QUuid, wire::Mutation> byId;
    for (const wire::Mutation &mutation : sent)
        byId.insert(mutation.id, mutation);
    CacheTransaction transaction(db);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    QList<QUuid> answered;
    RejectedChangeStore rejected(db);
    for (const wire::MutationResult &result : results) {
        const auto found = byId.constFind(result.id);
        if (found == byId.constEnd())
            continue; // an answer for something not sent: ignore it rather than lose an entry
        answered.append(result.id);
        if (result.status == wire::MutationStatus::Rejected) {
            const wire::Mutation &m = found.value();
            if (Status kept = rejected.add(RejectedChange { m.id, m.entity, m.entityId, m.operation, m.payload,
                                                            result.code, result.message, now });
                !kept)
                return kept;
        }
    }
    if (Result<int> removed = OutboxStore(db).remove(answered); !removed)
        return removed.error();
    return transaction.commit();
}

Status SyncCache::resetForResync(QSqlDatabase db)
{
    CacheTransaction transaction(db);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    for (const QString &sql : { u"DELETE FROM customer"_s, u"DELETE FROM customer_fts"_s, u"DELETE FROM service_case"_s,
                                u"DELETE FROM contact_case"_s, u"DELETE FROM contact"_s, u"DELETE FROM sync_conflict"_s,
                                u"DELETE FROM script"_s, u"DELETE FROM knowledge_article"_s,
                                u"DELETE FROM sync_state WHERE key IN ('pull_cursor', 'server_epoch', 'pull_phase')"_s }) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return queryFailed(query, tr("Could not clear the cache for a fresh sync"));
    }
    return transaction.commit();
}

Status SyncCache::setLastSyncAt(QSqlDatabase db, const QDateTime &at)
{
    return SyncStateStore(db).setValue(SyncStateStore::lastSyncAtKey, JsonReader::timeText(at));
}

Result<SyncSnapshot> SyncCache::snapshot(QSqlDatabase db)
{
    SyncSnapshot s;
    Result<qint64> pending = OutboxStore(db).count();
    if (!pending)
        return pending.error();
    s.pending = pending.value();
    Result<qint64> conflicts = ConflictStore(db).unresolvedCount();
    if (!conflicts)
        return conflicts.error();
    s.conflicts = conflicts.value();
    Result<qint64> rejected = RejectedChangeStore(db).count();
    if (!rejected)
        return rejected.error();
    s.rejected = rejected.value();
    SyncStateStore state(db);
    const auto read = [&state](const QString &key) {
        Result<std::optional<QString>> value = state.value(key);
        return value && value.value() ? *value.value() : QString();
    };
    s.cursor = read(SyncStateStore::pullCursorKey);
    s.epoch = read(SyncStateStore::serverEpochKey);
    s.phase = read(u"pull_phase"_s);
    s.lastSyncAt = QDateTime::fromString(read(SyncStateStore::lastSyncAtKey), Qt::ISODateWithMs);
    return s;
}

Result<std::optional<QString>> SyncCache::sessionValue(QSqlDatabase db, const QString &key)
{
    return SyncStateStore(db).value(kSessionPrefix + key);
}

Status SyncCache::setSessionValue(QSqlDatabase db, const QString &key, const QString &value)
{
    return SyncStateStore(db).setValue(kSessionPrefix + key, value);
}

} // namespace fc
