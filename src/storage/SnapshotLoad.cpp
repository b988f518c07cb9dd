#include "storage/SnapshotLoad.h"

#include "storage/CacheTransaction.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "storage/CustomerBulkLoader.h"
#include "storage/CustomerRecordWriter.h"
#include "storage/CustomerSearchKeys.h"
#include "storage/RawStatement.h"
#include "storage/StoreSql.h"
#include "storage/SyncStateStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// SQLite's default limit on bound parameters is 999.
constexpr qsizetype kIdsPerQuery = 500;

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::SnapshotLoad", text);
}

struct Index {
    QString name;
    QString table;
    QString sql;
};

Result<QList<Index>> markedIndexes(QSqlDatabase db)
{
    Result<std::optional<QString>> marker = SyncStateStore(db).value(SnapshotIndexes::markerKey);
    if (!marker)
        return marker.error();
    QList<Index> indexes;
    if (!marker.value())
        return indexes;
    const QJsonDocument document = QJsonDocument::fromJson(marker.value()->toUtf8());
    if (!document.isArray())
        return store::badRowError(u"sync_state"_s, SnapshotIndexes::markerKey);
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        Index index { object.value(u"name"_s).toString(), object.value(u"table"_s).toString(),
                      object.value(u"sql"_s).toString() };
        if (index.name.isEmpty() || !index.sql.startsWith(u"CREATE INDEX"_s, Qt::CaseInsensitive))
            return store::badRowError(u"sync_state"_s, SnapshotIndexes::markerKey);
        indexes.append(index);
    }
    return indexes;
}

Status run(QSqlDatabase db, const QString &sql, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return store::queryError(query, what);
    return {};
}

} // namespace

Result<bool> SnapshotIndexes::areDropped(QSqlDatabase db)
{
    Result<std::optional<QString>> marker = SyncStateStore(db).value(markerKey);
    if (!marker)
        return marker.error();
    return marker.value().has_value();
}

Status SnapshotIndexes::drop(QSqlDatabase db)
{
    Result<bool> dropped = areDropped(db);
    if (!dropped)
        return dropped.error();
    if (dropped.value())
        return {};
    const QString what = tr("Could not prepare the cache for a first sync");
    // Explicit indexes only: a UNIQUE constraint's own index has no SQL and stays, as would a UNIQUE index.
    QSqlQuery list(db);
    if (!list.exec(u"SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                   "AND tbl_name IN ('customer', 'customer_phone', 'customer_email', 'customer_flag', "
                   "'service_case', 'contact', 'contact_case') ORDER BY name"_s))
        return store::queryError(list, what);
    QList<Index> indexes;
    QJsonArray marker;
    while (list.next()) {
        const Index index { list.value(0).toString(), list.value(1).toString(), list.value(2).toString() };
        if (!index.sql.startsWith(u"CREATE INDEX"_s, Qt::CaseInsensitive))
            continue;
        indexes.append(index);
        marker.append(QJsonObject { { u"name"_s, index.name }, { u"table"_s, index.table }, { u"sql"_s, index.sql } });
    }
    list.finish();
    for (const Index &index : std::as_const(indexes)) {
        if (Status dropped = run(db, u"DROP INDEX "_s + db.driver()->escapeIdentifier(index.name, QSqlDriver::TableName), what);
            !dropped)
            return dropped;
    }
    return SyncStateStore(db).setValue(markerKey, QString::fromUtf8(QJsonDocument(marker).toJson(QJsonDocument::Compact)));
}

Result<bool> SnapshotIndexes::restore(QSqlDatabase db)
{
    Result<QList<Index>> indexes = markedIndexes(db);
    if (!indexes)
        return indexes.error();
    Result<bool> dropped = areDropped(db);
    if (!dropped)
        return dropped.error();
    if (!dropped.value())
        return false;
    const QString what = tr("Could not build the cache's indexes after a first sync");
    QSet<QString> existing;
    {
        QSqlQuery list(db);
        if (!list.exec(u"SELECT name FROM sqlite_master WHERE type = 'index'"_s))
            return store::queryError(list, what);
        while (list.next())
            existing.insert(list.value(0).toString());
    }
    const auto build = [&](bool customerTable) -> Status {
        for (const Index &index : std::as_const(indexes.value())) {
            if ((index.table == u"customer"_s) != customerTable || existing.contains(index.name))
                continue;
            if (Status built = run(db, index.sql, what); !built)
                return built;
        }
        return {};
    };
    // Contacts' indexes first: contact_customer answers each customer's latest contact below. The
    // customer table's last: its indexes then read the final last-contact times once, instead of
    // being updated for every customer here.
    if (Status built = build(false); !built)
        return built.error();
    // Only ever forward, like CustomerStore::setLastContactAt(); a customer never contacted keys ''.
    if (Status latest = run(db,
                            u"UPDATE customer SET last_contact_at = "
                            "(SELECT max(started_at) FROM contact WHERE customer_id = customer.id) "
                            "WHERE last_contact_at < "
                            "(SELECT ifnull(max(started_at), '') FROM contact WHERE customer_id = customer.id)"_s,
                            what);
        !latest)
        return latest.error();
    if (Status built = build(true); !built)
        return built.error();
    Result<bool> removed = SyncStateStore(db).remove(markerKey);
    if (!removed)
        return removed.error();
    return true;
}

Status SnapshotIndexes::restoreNow(QSqlDatabase db)
{
    CacheTransaction transaction(db);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    Result<bool> restored = restore(db);
    if (!restored)
        return restored.error();
    if (Status committed = transaction.commit(); !committed)
        return committed;
    return restored.value() ? CustomerBulkLoader::mergeSearchIndex(db) : Status();
}

SnapshotWriter::SnapshotWriter(QSqlDatabase db)
    : m_db(db),
      m_customers(std::make_unique<store::CustomerRecordWriter>(db)),
      m_insertCase(std::make_unique<store::RawStatement>(db)),
      m_insertContact(std::make_unique<store::RawStatement>(db)),
      m_insertLink(std::make_unique<store::RawStatement>(db))
{
}

SnapshotWriter::~SnapshotWriter() = default;

Result<QSet<QString>> SnapshotWriter::storedIds(const QString &table, const QStringList &ids)
{
    QSet<QString> stored;
    for (qsizetype from = 0; from < ids.size(); from += kIdsPerQuery) {
        const qsizetype count = std::min(kIdsPerQuery, ids.size() - from);
        QStringList marks(count, u"?"_s);
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(u"SELECT id FROM "_s + table + u" WHERE id IN ("_s + marks.join(u',') + u')');
        for (qsizetype i = 0; i < count; ++i)
            query.bindValue(int(i), ids.at(from + i));
        if (!query.exec())
            return store::queryError(query, tr("Could not read the cache"));
        while (query.next())
            stored.insert(query.value(0).toString());
    }
    return stored;
}

Status SnapshotWriter::insertCustomer(const Customer &customer)
{
    if (customer.id.isNull() || customer.reference.trimmed().isEmpty())
        return makeError(u"customer.invalid"_s, tr("A customer without an id or reference cannot be saved."));
    Result<qint64> row = m_customers->insert(customer, customerSearchKeys(customer), QString());
    if (!row)
        return row.error();
    return {};
}

// The columns as CaseStore and ContactStore write them (their kColumns); tst_SnapshotLoad reads records
// written here back through the stores and compares every field.
Status SnapshotWriter::insertCase(const Case &c)
{
    if (Status valid = CaseStore::check(c); !valid)
        return valid;
    store::RawStatement &q = *m_insertCase;
    if (!q.isPrepared()) {
        if (Status prepared = q.prepare("INSERT INTO service_case (id, reference, customer_id, service, request_type, "
                                        "status, priority, team, assignee, raised_at, promised_by, resolved_at, "
                                        "raising_contact_id, summary, closure_reason, revision) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            !prepared)
            return prepared;
    }
    q.bindUuid(1, c.id);
    q.bindText(2, c.reference);
    q.bindUuid(3, c.customerId);
    q.bindText(4, c.service);
    q.bindText(5, c.requestType);
    q.bindText(6, caseStatusKey(c.status));
    q.bindText(7, casePriorityKey(c.priority));
    q.bindText(8, c.team);
    q.bindText(9, c.assignee);
    q.bindTime(10, c.raisedAt);
    q.bindTime(11, c.promisedBy);
    q.bindTime(12, c.resolvedAt);
    q.bindUuid(13, c.raisingContactId);
    q.bindText(14, c.summary);
    if (c.closureReason)
        q.bindText(15, closureReasonKey(*c.closureReason));
    else
        q.bindNull(15);
    q.bindInteger(16, c.revision);
    if (Status saved = q.run(QCoreApplication::translate("CaseStore", "Could not save case %1").arg(c.reference)); !saved) {
        if (q.failedOnUnique())
            return makeError(u"case.duplicate_reference"_s,
                             QCoreApplication::translate("CaseStore", "Another case already has the reference %1.")
                                 .arg(c.reference));
        return saved;
    }
    return {};
}

Status SnapshotWriter::insertContact(const Contact &contact)
{
    if (Status valid = ContactStore::check(contact); !valid)
        return valid;
    store::RawStatement &q = *m_insertContact;
    if (!q.isPrepared()) {
        if (Status prepared = q.prepare("INSERT INTO contact (id, customer_id, channel, site, agent, started_at, "
                                        "ended_at, service, reason, script_id, script_version, answers, outcome, "
                                        "signposted_to, transferred_to, demand_type, failure_kind, notes, "
                                        "corrects_contact_id) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            !prepared)
            return prepared;
        if (Status prepared
            = m_insertLink->prepare("INSERT INTO contact_case (contact_id, case_id, position) VALUES (?, ?, ?)");
            !prepared)
            return prepared;
    }
    const QByteArray id = contact.id.toByteArray(QUuid::WithoutBraces);
    q.bindAscii(1, id);
    q.bindUuid(2, contact.customerId);
    q.bindText(3, channelKey(contact.channel));
    q.bindText(4, contact.site);
    q.bindText(5, contact.agent);
    q.bindTime(6, contact.startedAt);
    q.bindTime(7, contact.endedAt);
    q.bindText(8, contact.service);
    q.bindText(9, contact.reason);
    q.bindText(10, contact.scriptId);
    q.bindInteger(11, contact.scriptVersion);
    q.bindAscii(12, contact.answers.isEmpty() ? QByteArray("{}")
                                              : QJsonDocument(contact.answers).toJson(QJsonDocument::Compact));
    if (contact.outcome)
        q.bindText(13, outcomeKey(*contact.outcome));
    else
        q.bindNull(13);
    q.bindText(14, contact.signpostedTo);
    q.bindText(15, contact.transferredTo);
    q.bindText(16, demandTypeKey(contact.demand.type));
    q.bindText(17, failureKindKey(contact.demand.failureKind));
    q.bindText(18, contact.notes);
    q.bindUuid(19, contact.correctsContactId);
    const QString what = QCoreApplication::translate("ContactStore", "Could not save a contact");
    if (Status saved = q.run(what); !saved) {
        if (q.failedOnUnique())
            return makeError(u"contact.duplicate"_s,
                             QCoreApplication::translate("ContactStore", "This contact is already in the cache."));
        return saved;
    }
    for (qsizetype i = 0; i < contact.linkedCaseIds.size(); ++i) {
        m_insertLink->bindAscii(1, id);
        m_insertLink->bindUuid(2, contact.linkedCaseIds.at(i));
        m_insertLink->bindInteger(3, i);
        if (Status linked = m_insertLink->run(what); !linked)
            return linked;
    }
    return {};
}

} // namespace fc
