#include "sync/LocalChanges.h"

#include "core/CaseStateMachine.h"
#include "core/DomainJson.h"
#include "core/JsonReader.h"
#include "core/Postcode.h"
#include "core/ServiceCatalogue.h"
#include "storage/CacheTransaction.h"
#include "storage/CaseStore.h"
#include "storage/ConflictStore.h"
#include "storage/ContactStore.h"
#include "storage/CustomerStore.h"
#include "storage/OutboxStore.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

/// The transaction of one change: its own CacheTransaction, or none when the caller already holds one
/// and saves several changes as one (recordScriptedContact), committing or rolling back all of them.
class ChangeTransaction {
public:
    explicit ChangeTransaction(QSqlDatabase db) : m_joined(cacheInTransaction(db)), m_own(db) { }
    Status begin() { return m_joined ? Status() : m_own.begin(); }
    Status commit() { return m_joined ? Status() : m_own.commit(); }

private:
    bool m_joined;
    CacheTransaction m_own;
};

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::LocalChanges", text);
}

// The server's limits on an audit event (MutationApplier::appendAudit).
constexpr qsizetype kAuditNameLength = 40;
constexpr qsizetype kAuditDetailLength = 2000;

const QStringList &addressFields()
{
    static const QStringList fields { u"address_line1"_s, u"address_line2"_s, u"town"_s, u"postcode"_s, u"uprn"_s };
    return fields;
}

// `base` with `fields` taken from `source`: an edit of those fields only, identity kept from `base`.
QJsonObject overlay(QJsonObject base, const QJsonObject &source, const QStringList &fields)
{
    for (const QString &field : fields)
        base.insert(field, source.value(field));
    return base;
}

// {"field": {"from": before, "to": after}} for every field that differs; when any of `sentTogether`
// differs, all of them go, unchanged ones included.
QJsonObject changesBetween(const QJsonObject &before, const QJsonObject &after, const QStringList &fields,
                           const QStringList &sentTogether = {})
{
    QStringList changed;
    for (const QString &field : fields) {
        if (before.value(field) != after.value(field))
            changed.append(field);
    }
    const bool together = std::any_of(changed.cbegin(), changed.cend(),
                                      [&](const QString &field) { return sentTogether.contains(field); });
    QJsonObject changes;
    for (const QString &field : fields) {
        if (changed.contains(field) || (together && sentTogether.contains(field)))
            changes.insert(field, QJsonObject { { u"from"_s, before.value(field) }, { u"to"_s, after.value(field) } });
    }
    return changes;
}

Error noChanges()
{
    return makeError(u"local.no_changes"_s, tr("Nothing was changed, so there is nothing to save."));
}

// What the server does with a status move (MutationApplier::writeMerged): the state machine decides
// whether the move is allowed; a resolved time the edit set itself is kept.
Result<Case> settleStatusMove(const Case &current, Case next, const QDateTime &now)
{
    if (next.status == current.status)
        return next;
    Result<Case> moved = CaseStateMachine::transition(current, next.status, now, next.closureReason);
    if (!moved)
        return moved.error();
    if (isOpen(next.status))
        next.resolvedAt = QDateTime();
    else if (!next.resolvedAt.isValid() || next.resolvedAt == current.resolvedAt)
        next.resolvedAt = moved->resolvedAt;
    next.closureReason = moved->closureReason;
    return next;
}

// The record as it will travel, read back by the server's strict reader: a value the server would
// refuse (an over-long name, a contact ending before it started) is refused here, before it is queued.
Result<Customer> throughWire(const Customer &customer)
{
    return DomainJson::toCustomer(DomainJson::fromCustomer(customer));
}

Result<Case> throughWire(const Case &serviceCase)
{
    return DomainJson::toCase(DomainJson::fromCase(serviceCase));
}

Result<Contact> throughWire(const Contact &contact)
{
    return DomainJson::toContact(DomainJson::fromContact(contact));
}

} // namespace

LocalChanges::LocalChanges(QSqlDatabase db, QString user, Clock clock)
    : m_db(std::move(db)), m_user(std::move(user)), m_clock(std::move(clock))
{
}

QString LocalChanges::provisionalReference(const QUuid &id)
{
    return u"P-"_s + JsonReader::uuidText(id).left(8).toUpper();
}

QDateTime LocalChanges::currentTime() const
{
    return (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toUTC();
}

Status LocalChanges::enqueue(const QString &entity, const QString &operation, const QUuid &entityId,
                             std::optional<qint64> baseRevision, const QJsonObject &payload, const QDateTime &at)
{
    const OutboxMutation mutation {
        QUuid::createUuid(), entity, entityId, operation, baseRevision, payload, at.toUTC()
    };
    if (Result<qint64> seq = OutboxStore(m_db).enqueue(mutation); !seq)
        return seq.error();
    return {};
}

Status LocalChanges::requireCustomer(const QUuid &customerId) const
{
    Result<std::optional<Customer>> customer = CustomerStore(m_db).byId(customerId);
    if (!customer)
        return customer.error();
    if (!customer.value())
        return makeError(u"local.unknown_customer"_s, tr("The customer is not in this desk's cache."));
    return {};
}

Result<Customer> LocalChanges::createCustomer(Customer draft, const QDateTime &now)
{
    if (draft.id.isNull())
        draft.id = QUuid::createUuid();
    draft.reference = provisionalReference(draft.id);
    draft.revision = 0;
    draft.createdAt = now.toUTC();
    draft.updatedAt = now.toUTC();
    if (Status valid = DomainJson::validateCustomer(draft); !valid)
        return valid.error();
    Result<Customer> customer = throughWire(draft);
    if (!customer)
        return customer.error();

    ChangeTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    CustomerStore customers(m_db);
    Result<std::optional<Customer>> existing = customers.byId(customer->id);
    if (!existing)
        return existing.error();
    if (existing.value())
        return makeError(u"local.already_exists"_s, tr("A customer with this id is already in the cache."));
    if (Status saved = customers.upsert(customer.value()); !saved)
        return saved.error();
    if (Status queued = enqueue(u"customer"_s, u"create"_s, customer->id, std::nullopt,
                                QJsonObject { { u"record"_s, DomainJson::fromCustomer(customer.value()) } }, now);
        !queued)
        return queued.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return customer;
}

Result<Customer> LocalChanges::saveCustomerEdit(const Customer &current, const QJsonObject &edited,
                                                const QStringList &sentTogether, const QDateTime &now)
{
    const QStringList &editable = DomainJson::editableCustomerFields();
    const QJsonObject before = DomainJson::fromCustomer(current);
    Result<Customer> next = DomainJson::toCustomer(overlay(before, edited, editable));
    if (!next)
        return next.error();
    const QJsonObject changes = changesBetween(before, DomainJson::fromCustomer(next.value()), editable, sentTogether);
    if (changes.isEmpty())
        return noChanges();
    if (Status valid = DomainJson::validateCustomer(next.value()); !valid)
        return valid.error();
    next.value().updatedAt = now.toUTC();
    if (Status saved = CustomerStore(m_db).upsert(next.value()); !saved)
        return saved.error();
    if (Status queued = enqueue(u"customer"_s, u"update"_s, current.id, current.revision,
                                QJsonObject { { u"changes"_s, changes } }, now);
        !queued)
        return queued.error();
    return next;
}

Result<Customer> LocalChanges::updateCustomer(const Customer &edited, const QDateTime &now)
{
    ChangeTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    Result<std::optional<Customer>> current = CustomerStore(m_db).byId(edited.id);
    if (!current)
        return current.error();
    if (!current.value())
        return makeError(u"local.not_found"_s, tr("The customer to change is not in this desk's cache."));
    Result<Customer> saved = saveCustomerEdit(*current.value(), DomainJson::fromCustomer(edited), {}, now);
    if (!saved)
        return saved;
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return saved;
}

Result<Customer> LocalChanges::moveAddress(const QUuid &customerId, const PostalAddress &address, const QDateTime &now)
{
    Result<Postcode> postcode = Postcode::parse(address.postcode);
    if (!postcode)
        return makeError(u"customer.invalid_postcode"_s,
                         tr("'%1' is not a UK postcode: %2").arg(address.postcode, postcode.error().message));
    PostalAddress moved = address;
    moved.postcode = postcode->canonical();

    ChangeTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    Result<std::optional<Customer>> current = CustomerStore(m_db).byId(customerId);
    if (!current)
        return current.error();
    if (!current.value())
        return makeError(u"local.not_found"_s, tr("The customer who moved is not in this desk's cache."));
    Customer edited = *current.value();
    edited.address = moved;
    Result<Customer> saved = saveCustomerEdit(*current.value(), DomainJson::fromCustomer(edited), addressFields(), now);
    if (!saved)
        return saved;
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return saved;
}

Result<Case> LocalChanges::createCase(Case draft, const QDateTime &now)
{
    if (draft.id.isNull())
        draft.id = QUuid::createUuid();
    draft.reference = provisionalReference(draft.id);
    draft.revision = 0;
    if (!draft.raisedAt.isValid())
        draft.raisedAt = now.toUTC();
    const ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();
    if (!catalogue.requestType(draft.service, draft.requestType))
        return makeError(
            u"local.unknown_request_type"_s,
            tr("'%1' / '%2' is not a request type of this council.").arg(draft.service, draft.requestType));
    Result<Case> serviceCase = throughWire(draft);
    if (!serviceCase)
        return serviceCase.error();

    ChangeTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    CaseStore cases(m_db);
    Result<std::optional<Case>> existing = cases.byId(serviceCase->id);
    if (!existing)
        return existing.error();
    if (existing.value())
        return makeError(u"local.already_exists"_s, tr("A case with this id is already in the cache."));
    if (!serviceCase->customerId.isNull()) {
        if (Status known = requireCustomer(serviceCase->customerId); !known)
            return known.error();
    }
    if (Status saved = cases.upsert(serviceCase.value()); !saved)
        return saved.error();
    if (Status queued = enqueue(u"case"_s, u"create"_s, serviceCase->id, std::nullopt,
                                QJsonObject { { u"record"_s, DomainJson::fromCase(serviceCase.value()) } }, now);
        !queued)
        return queued.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return serviceCase;
}

Result<Case> LocalChanges::updateCase(const Case &edited, const QDateTime &now)
{
    ChangeTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    CaseStore cases(m_db);
    Result<std::optional<Case>> found = cases.byId(edited.id);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(u"local.not_found"_s, tr("The case to change is not in this desk's cache."));
    const Case &current = *found.value();
    const QStringList &editable = DomainJson::editableCaseFields();
    const QJsonObject before = DomainJson::fromCase(current);
    Result<Case> merged = DomainJson::toCase(overlay(before, DomainJson::fromCase(edited), editable));
    if (!merged)
        return merged.error();
    Result<Case> next = settleStatusMove(current, merged.value(), now.toUTC());
    if (!next)
        return next.error();
    const QJsonObject changes = changesBetween(before, DomainJson::fromCase(next.value()), editable);
    if (changes.isEmpty())
        return noChanges();
    if (changes.contains(u"customer_id"_s) && !next->customerId.isNull()) {
        if (Status known = requireCustomer(next->customerId); !known)
            return known.error();
    }
    if (Status saved = cases.upsert(next.value()); !saved)
        return saved.error();
    if (Status queued
        = enqueue(u"case"_s, u"update"_s, current.id, current.revision, QJsonObject { { u"changes"_s, changes } }, now);
        !queued)
        return queued.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return next;
}

Status LocalChanges::recordContact(const Contact &contact)
{
    if (!contact.isWrappedUp())
        return makeError(u"local.not_wrapped_up"_s,
                         tr("A contact is recorded once it is wrapped up, with its outcome and end time."));
    Result<Contact> checked = throughWire(contact);
    if (!checked)
        return checked.error();
    const Contact &c = checked.value();

    ChangeTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    if (!c.customerId.isNull()) {
        if (Status known = requireCustomer(c.customerId); !known)
            return known;
    }
    CaseStore cases(m_db);
    for (const QUuid &caseId : c.linkedCaseIds) {
        Result<std::optional<Case>> linked = cases.byId(caseId);
        if (!linked)
            return linked.error();
        if (!linked.value())
            return makeError(u"local.unknown_case"_s, tr("The contact names a case that is not in this desk's cache."));
    }
    if (Status saved = ContactStore(m_db).insert(c); !saved)
        return saved;
    // Search ranks by recency; the store only ever moves the time forward.
    if (!c.customerId.isNull()) {
        if (Status ranked = CustomerStore(m_db).setLastContactAt(c.customerId, c.startedAt); !ranked)
            return ranked;
    }
    if (Status queued = enqueue(u"contact"_s, u"create"_s, c.id, std::nullopt,
                                QJsonObject { { u"record"_s, DomainJson::fromContact(c) } }, currentTime());
        !queued)
        return queued;
    return transaction.commit();
}

Result<QList<Case>> LocalChanges::recordScriptedContact(Contact contact, const QList<Case> &raised, const QDateTime &now)
{
    CacheTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun.error();
    QList<Case> made;
    for (Case draft : raised) {
        draft.customerId = contact.customerId;
        draft.raisingContactId = contact.id;
        Result<Case> created = createCase(draft, now);
        if (!created)
            return created.error();
        contact.linkedCaseIds.append(created->id);
        made.append(created.value());
    }
    if (Status recorded = recordContact(contact); !recorded)
        return recorded.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return made;
}

Status LocalChanges::linkContact(const QUuid &contactId, const QUuid &customerId)
{
    ChangeTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    ContactStore contacts(m_db);
    Result<std::optional<Contact>> found = contacts.byId(contactId);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(u"local.not_found"_s, tr("The contact to link is not in this desk's cache."));
    const Contact &contact = *found.value();
    if (!contact.customerId.isNull())
        return makeError(u"local.already_linked"_s, tr("This contact is linked to a customer already."));
    // Only a recorded contact is on its way to the server; one still open gets its customer before wrap-up.
    if (!contact.isWrappedUp())
        return makeError(u"local.not_wrapped_up"_s,
                         tr("Choose the customer before wrapping up: this contact has not been recorded yet."));
    if (Status known = requireCustomer(customerId); !known)
        return known;
    if (Status linked = contacts.linkToCustomer(contactId, customerId); !linked)
        return linked;
    if (Status ranked = CustomerStore(m_db).setLastContactAt(customerId, contact.startedAt); !ranked)
        return ranked;
    if (Status queued = enqueue(u"contact"_s, u"link"_s, contactId, std::nullopt,
                                QJsonObject { { u"customer_id"_s, JsonReader::uuidText(customerId) } }, currentTime());
        !queued)
        return queued;
    return transaction.commit();
}

Status LocalChanges::recordAudit(const QString &action, const QString &entity, const QUuid &entityId,
                                 const QString &detail, const QDateTime &at)
{
    if (action.isEmpty() || action.size() > kAuditNameLength || entity.isEmpty() || entity.size() > kAuditNameLength
        || entityId.isNull() || detail.size() > kAuditDetailLength || !at.isValid())
        return makeError(u"local.invalid"_s,
                         tr("An audit event needs its time, an action and a kind of record of at most %1 characters, "
                            "the record's id, and at most %2 characters of detail.")
                             .arg(kAuditNameLength)
                             .arg(kAuditDetailLength));
    const QJsonObject record {
        { u"at"_s, JsonReader::timeText(at) },
        { u"action"_s, action },
        { u"entity"_s, entity },
        { u"entity_id"_s, JsonReader::uuidText(entityId) },
        { u"detail"_s, detail },
    };
    ChangeTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    // The event's own id: the server keeps each event once, however often it is pushed.
    if (Status queued = enqueue(u"audit"_s, u"append"_s, QUuid::createUuid(), std::nullopt,
                                QJsonObject { { u"record"_s, record } }, at);
        !queued)
        return queued;
    return transaction.commit();
}

Status LocalChanges::writeChosenValue(const QString &entity, const QUuid &entityId, const QString &field,
                                      const QJsonValue &chosen, const QDateTime &now)
{
    const bool customer = entity == u"customer"_s;
    if (!customer && entity != u"case"_s)
        return makeError(u"local.invalid"_s, tr("A conflict of '%1' records cannot be settled here.").arg(entity));
    const QStringList &editable = customer ? DomainJson::editableCustomerFields() : DomainJson::editableCaseFields();
    if (!editable.contains(field))
        return makeError(u"local.invalid"_s, tr("The field '%1' cannot be changed.").arg(field));

    if (customer) {
        CustomerStore customers(m_db);
        Result<std::optional<Customer>> current = customers.byId(entityId);
        if (!current)
            return current.error();
        if (!current.value())
            return {}; // not cached: the next pull brings the settled record
        QJsonObject json = DomainJson::fromCustomer(*current.value());
        if (json.value(field) == chosen)
            return {};
        json.insert(field, chosen);
        Result<Customer> next = DomainJson::toCustomer(json);
        if (!next)
            return next.error();
        if (Status valid = DomainJson::validateCustomer(next.value()); !valid)
            return valid;
        next.value().updatedAt = now;
        return customers.upsert(next.value());
    }
    CaseStore cases(m_db);
    Result<std::optional<Case>> current = cases.byId(entityId);
    if (!current)
        return current.error();
    if (!current.value())
        return {};
    QJsonObject json = DomainJson::fromCase(*current.value());
    if (json.value(field) == chosen)
        return {};
    json.insert(field, chosen);
    Result<Case> merged = DomainJson::toCase(json);
    if (!merged)
        return merged.error();
    Result<Case> next = settleStatusMove(*current.value(), merged.value(), now);
    if (!next)
        return next.error();
    return cases.upsert(next.value());
}

Status LocalChanges::resolveConflict(const QUuid &conflictId, const QString &choice, const QJsonValue &value)
{
    if (choice != u"server"_s && choice != u"client"_s && choice != u"value"_s)
        return makeError(u"local.invalid"_s, tr("Choose the server's value, this desk's, or a new value."));
    if (choice == u"value"_s && value.isUndefined())
        return makeError(u"local.invalid"_s, tr("Choosing a new value needs the value."));
    const QDateTime now = currentTime();

    ChangeTransaction transaction(m_db);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    ConflictStore conflicts(m_db);
    Result<std::optional<SyncConflict>> found = conflicts.byId(conflictId);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(u"local.not_found"_s, tr("The conflict is not in this desk's cache."));
    const SyncConflict &conflict = *found.value();
    if (conflict.isResolved())
        return makeError(u"local.already_resolved"_s, tr("This conflict has been settled already."));
    if (choice != u"server"_s) {
        const QJsonValue chosen = choice == u"client"_s ? conflict.clientValue : value;
        if (Status written = writeChosenValue(conflict.entity, conflict.entityId, conflict.field, chosen, now);
            !written)
            return written;
    }
    if (Status marked = conflicts.markResolved(conflictId, choice, m_user, now); !marked)
        return marked;
    QJsonObject payload { { u"choice"_s, choice } };
    if (choice == u"value"_s)
        payload.insert(u"value"_s, value);
    if (Status queued = enqueue(u"conflict"_s, u"resolve"_s, conflictId, conflict.revision, payload, now); !queued)
        return queued;
    return transaction.commit();
}

} // namespace fc
