#include "storage/ContactStore.h"

#include "core/Case.h"
#include "storage/StoreSavepoint.h"
#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr auto kColumns = "id, customer_id, channel, site, agent, started_at, ended_at, service, reason, script_id, "
                          "script_version, answers, outcome, signposted_to, transferred_to, demand_type, "
                          "failure_kind, notes, corrects_contact_id"_L1;
constexpr auto kUpdateSet = "customer_id = ?, channel = ?, site = ?, agent = ?, started_at = ?, ended_at = ?, "
                            "service = ?, reason = ?, script_id = ?, script_version = ?, answers = ?, outcome = ?, "
                            "signposted_to = ?, transferred_to = ?, demand_type = ?, failure_kind = ?, notes = ?, "
                            "corrects_contact_id = ?"_L1;
// SQLite's default limit on bound parameters is 999.
constexpr qsizetype kIdsPerQuery = 500;

Error invalid(const QString &message)
{
    return makeError(u"contact.invalid"_s, message);
}

Status validate(const Contact &contact)
{
    if (contact.id.isNull())
        return invalid(QCoreApplication::translate("ContactStore", "A contact without an id cannot be saved."));
    if (!contact.startedAt.isValid())
        return invalid(QCoreApplication::translate("ContactStore", "A contact without a start time cannot be saved."));
    if (contact.correctsContactId == contact.id)
        return invalid(QCoreApplication::translate("ContactStore", "A contact cannot correct itself."));
    if (Result<DemandClassification> demand = makeDemandClassification(contact.demand.type, contact.demand.failureKind);
        !demand)
        return invalid(demand.error().message);
    const QSet<QUuid> distinct(contact.linkedCaseIds.cbegin(), contact.linkedCaseIds.cend());
    if (distinct.size() != contact.linkedCaseIds.size() || distinct.contains(QUuid()))
        return invalid(
            QCoreApplication::translate("ContactStore", "A contact's linked cases must each be named once, by id."));
    return {};
}

// Every field but the id, in kColumns order, for both INSERT and UPDATE.
QVariantList fieldParams(const Contact &contact)
{
    return {
        store::uuidParam(contact.customerId),   channelKey(contact.channel),
        store::textParam(contact.site),         store::textParam(contact.agent),
        store::timeParam(contact.startedAt),    store::timeParam(contact.endedAt),
        store::textParam(contact.service),      store::textParam(contact.reason),
        store::textParam(contact.scriptId),     contact.scriptVersion,
        store::jsonParam(contact.answers),      contact.outcome ? QVariant(outcomeKey(*contact.outcome)) : QVariant(),
        store::textParam(contact.signpostedTo), store::textParam(contact.transferredTo),
        demandTypeKey(contact.demand.type),     store::textParam(failureKindKey(contact.demand.failureKind)),
        store::textParam(contact.notes),        store::uuidParam(contact.correctsContactId),
    };
}

Contact readContact(store::RowReader &row)
{
    Contact contact;
    contact.id = row.uuid(0);
    contact.customerId = row.uuid(1);
    contact.channel = row.key(2, channelFromKey, Channel::Phone);
    contact.site = row.text(3);
    contact.agent = row.text(4);
    contact.startedAt = row.time(5);
    contact.endedAt = row.time(6);
    contact.service = row.text(7);
    contact.reason = row.text(8);
    contact.scriptId = row.text(9);
    contact.scriptVersion = int(row.integer(10));
    contact.answers = row.jsonObject(11);
    contact.outcome = row.optionalKey<Outcome>(12, outcomeFromKey);
    contact.signpostedTo = row.text(13);
    contact.transferredTo = row.text(14);
    contact.demand.type = row.key(15, demandTypeFromKey, DemandType::Value);
    contact.demand.failureKind = row.key(16, failureKindFromKey, FailureKind::None);
    contact.notes = row.text(17);
    contact.correctsContactId = row.uuid(18);
    return contact;
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(u"?"_s);
    return marks.join(u", "_s);
}

QStringList finishedCaseStatusKeys()
{
    QStringList keys;
    for (CaseStatus status : allCaseStatuses()) {
        if (!isOpen(status))
            keys.append(caseStatusKey(status));
    }
    return keys;
}

} // namespace

ContactStore::ContactStore(QSqlDatabase db) : m_db(std::move(db)) { }

Status ContactStore::insert(const Contact &contact)
{
    return write(contact, Existing::Refuse);
}

Status ContactStore::update(const Contact &contact)
{
    return write(contact, Existing::KeepUnlessWrappedUp);
}

Status ContactStore::applyPulled(const Contact &contact)
{
    return write(contact, Existing::Replace);
}

Status ContactStore::check(const Contact &contact)
{
    return validate(contact);
}

Status ContactStore::insertPulled(const Contact &contact)
{
    return write(contact, Existing::Absent);
}

Status ContactStore::linkToCustomer(const QUuid &contactId, const QUuid &customerId)
{
    if (contactId.isNull() || customerId.isNull())
        return invalid(QCoreApplication::translate("ContactStore", "A contact is linked to a customer by their ids."));
    const QString what = QCoreApplication::translate("ContactStore", "Could not link a contact to a customer");
    QSqlQuery link(m_db);
    // "Still anonymous" is part of the statement, so a contact is never moved from one customer to another.
    link.prepare(u"UPDATE contact SET customer_id = ? WHERE id = ? AND customer_id IS NULL"_s);
    link.addBindValue(store::uuidParam(customerId));
    link.addBindValue(store::uuidParam(contactId));
    if (!link.exec())
        return store::queryError(link, what);
    if (link.numRowsAffected() > 0)
        return {};

    QSqlQuery exists(m_db);
    exists.prepare(u"SELECT count(*) FROM contact WHERE id = ?"_s);
    exists.addBindValue(store::uuidParam(contactId));
    if (!exists.exec() || !exists.next())
        return store::queryError(exists, what);
    if (exists.value(0).toLongLong() > 0)
        return makeError(u"contact.already_linked"_s,
                         QCoreApplication::translate("ContactStore", "This contact is linked to a customer already."));
    return makeError(u"contact.not_found"_s,
                     QCoreApplication::translate("ContactStore", "The contact to link is not in the cache."));
}

Status ContactStore::write(const Contact &contact, Existing existing)
{
    if (Status valid = validate(contact); !valid)
        return valid;
    const QVariantList fields = fieldParams(contact);
    const QString idText = contact.id.toString(QUuid::WithoutBraces);
    const QString what = QCoreApplication::translate("ContactStore", "Could not save a contact");

    store::StoreSavepoint savepoint(m_db);
    if (Status opened = savepoint.open(); !opened)
        return opened;

    // Built once: the driver keeps each prepared statement for the connection, keyed by its text.
    static const QString updateSql = u"UPDATE contact SET "_s + kUpdateSet + u" WHERE id = ?"_s;
    // The append-only check is part of the statement, so no other write can slip in between.
    static const QString updateOpenSql = updateSql + u" AND (outcome IS NULL OR ended_at IS NULL)"_s;
    static const QString insertSql
        = u"INSERT INTO contact ("_s + kColumns + u") VALUES (?, "_s + placeholders(fields.size()) + u")"_s;

    bool stored = false;
    if (existing != Existing::Refuse && existing != Existing::Absent) {
        QSqlQuery update(m_db);
        update.prepare(existing == Existing::KeepUnlessWrappedUp ? updateOpenSql : updateSql);
        for (const QVariant &value : fields)
            update.addBindValue(value);
        update.addBindValue(idText);
        if (!update.exec())
            return store::queryError(update, what);
        stored = update.numRowsAffected() > 0;

        if (!stored && existing == Existing::KeepUnlessWrappedUp) {
            QSqlQuery exists(m_db);
            exists.prepare(u"SELECT count(*) FROM contact WHERE id = ?"_s);
            exists.addBindValue(idText);
            if (!exists.exec() || !exists.next())
                return store::queryError(exists, what);
            if (exists.value(0).toLongLong() > 0)
                return makeError(u"contact.append_only"_s,
                                 QCoreApplication::translate("ContactStore",
                                                             "This contact has been wrapped up and can no longer be "
                                                             "changed. Record a correction as a new contact instead."));
            return makeError(u"contact.not_found"_s,
                             QCoreApplication::translate("ContactStore", "The contact to update is not in the cache."));
        }
    }

    if (!stored) {
        QSqlQuery insert(m_db);
        insert.prepare(insertSql);
        insert.addBindValue(idText);
        for (const QVariant &value : fields)
            insert.addBindValue(value);
        if (!insert.exec()) {
            if (store::isUniqueViolation(insert))
                return makeError(u"contact.duplicate"_s,
                                 QCoreApplication::translate("ContactStore", "This contact is already in the cache."));
            return store::queryError(insert, what);
        }
    }

    if (existing != Existing::Absent) {
        QSqlQuery unlink(m_db);
        unlink.prepare(u"DELETE FROM contact_case WHERE contact_id = ?"_s);
        unlink.addBindValue(idText);
        if (!unlink.exec())
            return store::queryError(unlink, what);
    }
    if (contact.linkedCaseIds.isEmpty())
        return savepoint.release();
    QSqlQuery link(m_db);
    link.prepare(u"INSERT INTO contact_case (contact_id, case_id, position) VALUES (?, ?, ?)"_s);
    for (qsizetype i = 0; i < contact.linkedCaseIds.size(); ++i) {
        link.addBindValue(idText);
        link.addBindValue(store::uuidParam(contact.linkedCaseIds.at(i)));
        link.addBindValue(qint64(i));
        if (!link.exec())
            return store::queryError(link, what);
    }
    return savepoint.release();
}

Result<QList<Contact>> ContactStore::select(const QString &where, const QVariantList &params,
                                            const QString &orderBy) const
{
    const QString what = QCoreApplication::translate("ContactStore", "Could not read contacts");
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + kColumns + u" FROM contact WHERE "_s + where + u" ORDER BY "_s + orderBy);
    for (const QVariant &value : params)
        query.addBindValue(value);
    if (!query.exec())
        return store::queryError(query, what);
    QList<Contact> contacts;
    store::RowReader row(query, u"contact"_s);
    while (query.next()) {
        Contact contact = readContact(row);
        if (!row.ok())
            return row.error();
        contacts.append(std::move(contact));
    }
    if (query.lastError().isValid())
        return store::queryError(query, what);
    query.finish();

    QHash<QUuid, qsizetype> indexById;
    for (qsizetype i = 0; i < contacts.size(); ++i)
        indexById.insert(contacts.at(i).id, i);
    for (qsizetype from = 0; from < contacts.size(); from += kIdsPerQuery) {
        const qsizetype count = std::min(kIdsPerQuery, contacts.size() - from);
        QSqlQuery links(m_db);
        links.setForwardOnly(true);
        links.prepare(u"SELECT contact_id, case_id FROM contact_case WHERE contact_id IN ("_s + placeholders(count)
                      + u") ORDER BY contact_id, position"_s);
        for (qsizetype i = from; i < from + count; ++i)
            links.addBindValue(store::uuidParam(contacts.at(i).id));
        if (!links.exec())
            return store::queryError(links, what);
        store::RowReader link(links, u"contact case link"_s);
        while (links.next()) {
            const QUuid contactId = link.uuid(0);
            const QUuid caseId = link.uuid(1);
            if (!link.ok())
                return link.error();
            contacts[indexById.value(contactId)].linkedCaseIds.append(caseId);
        }
        if (links.lastError().isValid())
            return store::queryError(links, what);
    }
    return contacts;
}

Result<std::optional<Contact>> ContactStore::byId(const QUuid &id) const
{
    Result<QList<Contact>> found = select(u"id = ?"_s, { store::uuidParam(id) }, u"row"_s);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Contact>();
    return std::optional<Contact>(found->first());
}

Result<QList<Contact>> ContactStore::forCustomer(const QUuid &customerId, int limit) const
{
    return select(u"customer_id = ?"_s, { store::uuidParam(customerId), qMax(0, limit) },
                  u"started_at DESC, row DESC LIMIT ?"_s);
}

Result<QList<Contact>> ContactStore::forCase(const QUuid &caseId) const
{
    return select(u"id IN (SELECT contact_id FROM contact_case WHERE case_id = ?)"_s, { store::uuidParam(caseId) },
                  u"started_at DESC, row DESC"_s);
}

Result<QList<Contact>> ContactStore::corrections(const QUuid &contactId) const
{
    return select(u"corrects_contact_id = ?"_s, { store::uuidParam(contactId) }, u"started_at, row"_s);
}

Result<QDateTime> ContactStore::lastContactAt(const QUuid &customerId) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT max(started_at) FROM contact WHERE customer_id = ?"_s);
    query.addBindValue(store::uuidParam(customerId));
    if (!query.exec() || !query.next())
        return store::queryError(query, QCoreApplication::translate("ContactStore", "Could not read contacts"));
    store::RowReader row(query, u"contact"_s);
    const QDateTime last = row.time(0);
    if (!row.ok())
        return row.error();
    return last;
}

Result<int> ContactStore::pruneBefore(const QDateTime &cutoffUtc)
{
    if (!cutoffUtc.isValid())
        return makeError(
            u"contact.invalid"_s,
            QCoreApplication::translate("ContactStore", "Contacts cannot be pruned without a valid cut-off time."));
    const QString what = QCoreApplication::translate("ContactStore", "Could not prune old contacts");
    const QStringList finished = finishedCaseStatusKeys();
    // Evaluated twice, links first: a contact whose links go in the first statement had no link to an
    // open case, so the second statement picks exactly the same contacts.
    const QString prunable = u"started_at < ? AND outcome IS NOT NULL AND ended_at IS NOT NULL AND NOT EXISTS ("
                             "SELECT 1 FROM contact_case JOIN service_case ON service_case.id = contact_case.case_id "
                             "WHERE contact_case.contact_id = contact.id AND service_case.status NOT IN ("_s
        + placeholders(finished.size()) + u"))"_s;
    auto bind = [&](QSqlQuery &query) {
        query.addBindValue(store::timeParam(cutoffUtc));
        for (const QString &key : finished)
            query.addBindValue(key);
    };

    store::StoreSavepoint savepoint(m_db);
    if (Status opened = savepoint.open(); !opened)
        return opened.error();
    QSqlQuery unlink(m_db);
    unlink.prepare(u"DELETE FROM contact_case WHERE contact_id IN (SELECT id FROM contact WHERE "_s + prunable
                   + u")"_s);
    bind(unlink);
    if (!unlink.exec())
        return store::queryError(unlink, what);
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM contact WHERE "_s + prunable);
    bind(remove);
    if (!remove.exec())
        return store::queryError(remove, what);
    const int removed = remove.numRowsAffected();
    if (Status released = savepoint.release(); !released)
        return released.error();
    return removed;
}

} // namespace fc
