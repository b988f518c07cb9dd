#include "server/MutationApplier.h"
#include "server/ReferenceLock.h"

#include "core/CaseStateMachine.h"
#include "core/DomainJson.h"
#include "core/JsonReader.h"
#include "core/ServiceCatalogue.h"
#include "server/DomainRows.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::server::MutationApplier", text);
}

// How often a mutation is tried again when its transaction fails (a duplicate applied on another server
// at the same moment, or two new references taken at once); then the failure goes back to the client.
constexpr int kAttempts = 4;

// Mutations applied in one transaction. The quick way needs no savepoints; when one is needed, each
// mutation gets one, and PostgreSQL keeps the ids of 64 subtransactions per session cheaply (past that
// every other session's snapshots get slower).
constexpr qsizetype kChunk = 32;

const QString kSavepoint = u"fc_mutation"_s;

wire::MutationResult applied(const QUuid &id, qint64 revision)
{
    return wire::MutationResult { id, wire::MutationStatus::Applied, revision, {}, {}, {} };
}

wire::MutationResult rejected(const QUuid &id, const QString &code, const QString &message)
{
    return wire::MutationResult { id, wire::MutationStatus::Rejected, 0, {}, code, message };
}

wire::MutationResult rejected(const QUuid &id, const Error &error)
{
    return rejected(id, error.code, error.message);
}

// The text columns are NOT NULL: a null QString would bind as NULL.
QString nonNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

MutationApplier::MutationApplier(ServerDatabase &database)
    : m_database(database)
{
}

Result<wire::PushResponse> MutationApplier::apply(const QList<wire::Mutation> &mutations, const MutationSource &source,
                                                  const QDateTime &now)
{
    wire::PushResponse response;
    qsizetype next = 0;
    int attempts = 0; // failed tries at mutations[next]
    while (next < mutations.size()) {
        const qsizetype end = std::min<qsizetype>(next + kChunk, mutations.size());
        Error failure;
        const qsizetype reached = applyChunk(mutations, next, end, source, now, response.results, failure);
        if (reached == end) {
            next = end;
            attempts = 0;
            continue;
        }
        // Mutations before `reached` are saved; the one there failed. Try it again in a new transaction
        // (the lock it waited for, or the reference it collided on, is free by then), then give up: the
        // client sends the rest again later.
        attempts = reached > next ? 1 : attempts + 1;
        next = reached;
        if (attempts >= kAttempts)
            return failure;
    }
    return response;
}

Result<wire::MutationResult> MutationApplier::applyOne(const wire::Mutation &mutation, const MutationSource &source,
                                                       const QDateTime &now)
{
    Result<wire::PushResponse> response = apply({ mutation }, source, now);
    if (!response)
        return response.error();
    return response->results.constFirst();
}

qsizetype MutationApplier::applyChunk(const QList<wire::Mutation> &mutations, qsizetype from, qsizetype to,
                                      const MutationSource &source, const QDateTime &now,
                                      QList<wire::MutationResult> &results, Error &failure)
{
    if (Status begun = m_database.begin(); !begun) {
        failure = begun.error();
        return from;
    }
    Result<QHash<QUuid, wire::MutationResult>> stored = storedResults(mutations.mid(from, to - from), source);
    if (!stored) {
        m_database.rollback();
        failure = stored.error();
        return from;
    }
    if (std::optional<QList<wire::MutationResult>> quick = applyQuickly(mutations, from, to, stored.value(), source, now)) {
        if (Status committed = m_database.commit(); !committed) {
            failure = committed.error();
            return from;
        }
        results.append(*quick);
        return to;
    }
    // One of them needed undoing: start again with a savepoint before each mutation.
    m_database.rollback();
    if (Status begun = m_database.begin(); !begun) {
        failure = begun.error();
        return from;
    }
    QList<wire::MutationResult> answers;
    bool written = false;
    qsizetype reached = to;
    for (qsizetype i = from; i < to; ++i) {
        const wire::Mutation &mutation = mutations.at(i);
        if (const auto known = stored->constFind(mutation.id); known != stored->constEnd()) {
            answers.append(known.value());
            continue;
        }
        Result<wire::MutationResult> answer = applyInTransaction(mutation, source, now, written);
        if (!answer) {
            failure = answer.error();
            reached = i;
            break;
        }
        answers.append(answer.value());
    }
    if (!written) {
        // Nothing to keep: only answers read back, or the first mutation failed.
        m_database.rollback();
    } else if (Status committed = m_database.commit(); !committed) {
        failure = committed.error();
        return from;
    }
    results.append(answers);
    return reached;
}

std::optional<QList<wire::MutationResult>> MutationApplier::applyQuickly(
    const QList<wire::Mutation> &mutations, qsizetype from, qsizetype to,
    const QHash<QUuid, wire::MutationResult> &stored, const MutationSource &source, const QDateTime &now)
{
    QList<wire::MutationResult> answers;
    // The answers are kept with one statement at the end (a repeat among them fails it, and the careful
    // way takes over).
    QList<const wire::Mutation *> fresh;
    QList<wire::MutationResult> freshAnswers;
    m_careful = false;
    for (qsizetype i = from; i < to; ++i) {
        const wire::Mutation &mutation = mutations.at(i);
        if (const auto known = stored.constFind(mutation.id); known != stored.constEnd()) {
            answers.append(known.value());
            continue;
        }
        const qint64 changesBefore = m_database.changesRun();
        Result<wire::MutationResult> result = dispatch(mutation, source, now);
        // A failed statement (a key refusing, a repeat racing in) spoils the transaction on PostgreSQL,
        // and a refusal after a write would need undoing: both go the careful way.
        if (!result || (result->status == wire::MutationStatus::Rejected && m_database.changesRun() != changesBefore))
            return std::nullopt;
        if (!sendBack(mutation, result.value()))
            return std::nullopt;
        fresh.append(&mutation);
        freshAnswers.append(result.value());
        answers.append(result.value());
    }
    if (!fresh.isEmpty() && !record(fresh, freshAnswers, source, now))
        return std::nullopt;
    return answers;
}

Status MutationApplier::undo(bool written)
{
    if (written)
        return m_database.rollbackToSavepoint(kSavepoint);
    // Nothing before this mutation to keep: a savepoint would be one more round trip for nothing.
    m_database.rollback();
    return m_database.begin();
}

Result<wire::MutationResult> MutationApplier::applyInTransaction(const wire::Mutation &mutation,
                                                                 const MutationSource &source, const QDateTime &now,
                                                                 bool &written)
{
    Error lastError;
    // First the quick way, which lets the database's keys find what is missing; when that fails, the
    // careful way, which checks each record the mutation names first so a refusal says which.
    for (const bool careful : { false, true }) {
        if (written) {
            if (Status saved = m_database.savepoint(kSavepoint); !saved)
                return saved.error();
        }
        m_careful = careful;
        Result<wire::MutationResult> result = dispatch(mutation, source, now);
        Status kept;
        if (result && result->status == wire::MutationStatus::Rejected) {
            // Nothing of a refused mutation stays, only the answer.
            kept = undo(written);
            if (!kept)
                return kept.error();
        }
        kept = result ? record(mutation, result.value(), source, now) : Status(result.error());
        if (kept)
            kept = sendBack(mutation, result.value());
        if (kept) {
            written = true;
            return result;
        }
        lastError = kept.error();
        if (Status undone = undo(written); !undone)
            return undone.error();
        // Most likely applied at this moment through another server (or earlier in this push): its answer.
        Result<std::optional<wire::MutationResult>> stored = storedResult(mutation, source);
        if (!stored)
            return stored.error();
        if (stored.value())
            return *stored.value();
    }
    return lastError;
}

Result<QHash<QUuid, wire::MutationResult>> MutationApplier::storedResults(const QList<wire::Mutation> &mutations,
                                                                          const MutationSource &source)
{
    QVariantList ids;
    ids.reserve(mutations.size());
    for (const wire::Mutation &mutation : mutations)
        ids.append(ServerDatabase::uuidValue(mutation.id));
    Result<CachedQuery> query = m_database.runCached(
        u"SELECT id, status, revision, conflict_fields, code, message, user_name FROM applied_mutations"
        " WHERE id IN (%1)"_s.arg(DomainRows::placeholders(ids.size())),
        ids);
    if (!query)
        return query.error();
    QHash<QUuid, wire::MutationResult> found;
    while (query.value().next()) {
        const QUuid id = ServerDatabase::readUuid(query->value(0));
        if (query->value(6).toString() != source.user) {
            // Ids are random UUIDs: the same id from another user is a forgery or a bug, never a repeat.
            found.insert(id, rejected(id, u"mutation.id_taken"_s, tr("This mutation id was used by another user.")));
            continue;
        }
        wire::MutationResult result;
        result.id = id;
        result.status = wire::mutationStatusFromKey(query->value(1).toString()).value_or(wire::MutationStatus::Rejected);
        result.revision = query->value(2).toLongLong();
        result.conflictFields = query->value(3).toString().split(u';', Qt::SkipEmptyParts);
        result.code = query->value(4).toString();
        result.message = query->value(5).toString();
        found.insert(id, result);
    }
    return found;
}

Result<std::optional<wire::MutationResult>> MutationApplier::storedResult(const wire::Mutation &mutation,
                                                                          const MutationSource &source)
{
    Result<QHash<QUuid, wire::MutationResult>> found = storedResults({ mutation }, source);
    if (!found)
        return found.error();
    if (!found->contains(mutation.id))
        return std::optional<wire::MutationResult>();
    return std::optional<wire::MutationResult>(found->value(mutation.id));
}

Status MutationApplier::sendBack(const wire::Mutation &mutation, const wire::MutationResult &result)
{
    // A desk shows its own edit until the server's answer comes back. When the edit did not (wholly)
    // apply, the record is named in the change log again, so every desk, the sender included, pulls
    // the server's true state; a record that does not exist comes back as a delete.
    static const QStringList kRecords { u"customer"_s, u"case"_s, u"contact"_s, u"conflict"_s };
    if (result.status == wire::MutationStatus::Applied || !kRecords.contains(mutation.entity))
        return {};
    if (Result<CachedQuery> done = m_database.runCached(
            u"INSERT INTO change_log (entity, entity_id, operation, revision, payload) VALUES (?, ?, 'update', ?, '')"_s,
            { mutation.entity, ServerDatabase::uuidValue(mutation.entityId), result.revision });
        !done)
        return done.error();
    return {};
}

Status MutationApplier::record(const wire::Mutation &mutation, const wire::MutationResult &result,
                               const MutationSource &source, const QDateTime &now)
{
    return record(QList<const wire::Mutation *> { &mutation }, { result }, source, now);
}

Status MutationApplier::record(const QList<const wire::Mutation *> &mutations, const QList<wire::MutationResult> &results,
                               const MutationSource &source, const QDateTime &now)
{
    static const QStringList kColumns { u"id"_s,     u"user_name"_s,       u"device_id"_s, u"entity"_s,
                                        u"operation"_s, u"entity_id"_s,    u"status"_s,    u"revision"_s,
                                        u"conflict_fields"_s, u"code"_s, u"message"_s,   u"applied_at"_s };
    QVariantList values;
    values.reserve(mutations.size() * kColumns.size());
    const QVariant at = ServerDatabase::timestampValue(now);
    for (qsizetype i = 0; i < mutations.size(); ++i) {
        const wire::Mutation &mutation = *mutations.at(i);
        const wire::MutationResult &result = results.at(i);
        values << ServerDatabase::uuidValue(mutation.id) << source.user << source.deviceId << mutation.entity
               << mutation.operation << ServerDatabase::uuidValue(mutation.entityId)
               << wire::mutationStatusKey(result.status) << result.revision << nonNull(result.conflictFields.join(u';'))
               << nonNull(result.code) << nonNull(result.message) << at;
    }
    Result<CachedQuery> done
        = m_database.runCached(DomainRows::insertSql(u"applied_mutations"_s, kColumns, mutations.size()), values);
    if (!done)
        return done.error();
    return {};
}

Result<wire::MutationResult> MutationApplier::dispatch(const wire::Mutation &m, const MutationSource &source,
                                                       const QDateTime &now)
{
    const QString kind = m.entity + u'.' + m.operation;
    if (kind == u"customer.create"_s)
        return createCustomer(m, now);
    if (kind == u"customer.update"_s || kind == u"case.update"_s)
        return updateRecord(m, source, now);
    if (kind == u"case.create"_s)
        return createCase(m);
    if (kind == u"contact.create"_s)
        return createContact(m);
    if (kind == u"contact.link"_s)
        return linkContact(m);
    if (kind == u"audit.append"_s)
        return appendAudit(m, source, now);
    if (kind == u"conflict.resolve"_s)
        return resolveConflict(m, source, now);
    return rejected(m.id, u"mutation.unknown_kind"_s, tr("This server does not know the change '%1'.").arg(kind));
}

Result<bool> MutationApplier::exists(const QString &table, const QUuid &id)
{
    Result<QVariant> found = m_database.scalarCached(u"SELECT 1 FROM %1 WHERE id = ?"_s.arg(table),
                                               { ServerDatabase::uuidValue(id) });
    if (!found)
        return found.error();
    return found->isValid();
}

Result<QString> MutationApplier::nextCustomerReference()
{
    // The importer hands out references too: one at a time (until this transaction ends).
    if (m_database.dialect() == SqlDialect::PostgreSql) {
        if (Result<CachedQuery> locked = m_database.runCached(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kCustomerReferenceLockKey));
            !locked)
            return locked.error();
    }
    // References are "C" and seven digits; the largest one sorts last as text.
    Result<QVariant> last = m_database.scalarCached(u"SELECT max(reference) FROM customers WHERE reference LIKE 'C%'"_s);
    if (!last)
        return last.error();
    // Numbering starts at C1000001, as the importer's does, so references keep seven significant digits.
    const qint64 number = std::max<qint64>(last->toString().mid(1).toLongLong(), 1'000'000) + 1;
    return QString(u"C"_s + QString::number(number).rightJustified(7, u'0'));
}

Result<QString> MutationApplier::nextCaseReference(const QString &prefix, int year)
{
    const QString stem = u"%1-%2-"_s.arg(prefix).arg(year);
    Result<QVariant> last = m_database.scalarCached(u"SELECT max(reference) FROM cases WHERE reference LIKE ?"_s,
                                              { QVariant(stem + u'%') });
    if (!last)
        return last.error();
    const qint64 number = last->toString().mid(stem.size()).toLongLong() + 1;
    return QString(stem + QString::number(number).rightJustified(6, u'0'));
}

Result<wire::MutationResult> MutationApplier::createCustomer(const wire::Mutation &m, const QDateTime &now)
{
    JsonReader payload(m.payload, u"payload"_s);
    const QJsonObject record = payload.object(u"record"_s);
    if (Status ok = payload.status(); !ok)
        return rejected(m.id, ok.error());
    // The desk's reference is provisional; the server gives the real one (docs/SYNC.md, "References").
    QJsonObject incoming = record;
    if (incoming.value(u"reference"_s).toString().isEmpty())
        incoming.insert(u"reference"_s, u"pending"_s);
    Result<Customer> customer = DomainJson::toCustomer(incoming);
    if (!customer)
        return rejected(m.id, customer.error());
    if (customer->id != m.entityId)
        return rejected(m.id, u"mutation.id_mismatch"_s, tr("The record's id is not the mutation's entity id."));
    if (Status valid = DomainJson::validateCustomer(customer.value()); !valid)
        return rejected(m.id, valid.error());
    if (m_careful) {
        // The quick way leaves this to the primary key, whose refusal brings us here.
        Result<bool> already = exists(u"customers"_s, m.entityId);
        if (!already)
            return already.error();
        if (already.value())
            return rejected(m.id, u"customer.exists"_s, tr("A customer with this id exists already."));
    }
    Result<QString> reference = nextCustomerReference();
    if (!reference)
        return reference.error();
    Customer c = customer.value();
    c.reference = reference.value();
    c.revision = 1;
    c.createdAt = now;
    c.updatedAt = now;
    if (Result<CachedQuery> done = m_database.runCached(DomainRows::insertSql(u"customers"_s, DomainRows::customerColumns()),
                                                DomainRows::customerRow(c));
        !done)
        return done.error();
    return applied(m.id, 1);
}

Result<wire::MutationResult> MutationApplier::createCase(const wire::Mutation &m)
{
    JsonReader payload(m.payload, u"payload"_s);
    QJsonObject record = payload.object(u"record"_s);
    if (Status ok = payload.status(); !ok)
        return rejected(m.id, ok.error());
    if (record.value(u"reference"_s).toString().isEmpty())
        record.insert(u"reference"_s, u"pending"_s);
    Result<Case> serviceCase = DomainJson::toCase(record);
    if (!serviceCase)
        return rejected(m.id, serviceCase.error());
    Case c = serviceCase.value();
    if (c.id != m.entityId)
        return rejected(m.id, u"mutation.id_mismatch"_s, tr("The record's id is not the mutation's entity id."));
    const ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();
    const Service *service = catalogue.service(c.service);
    if (!service || !catalogue.requestType(c.service, c.requestType))
        return rejected(m.id, u"case.unknown_request_type"_s,
                        tr("'%1' / '%2' is not a request type of this council.").arg(c.service, c.requestType));
    if (m_careful) {
        // The quick way leaves these to the primary and foreign keys, whose failure brings us here.
        Result<bool> already = exists(u"cases"_s, c.id);
        if (!already)
            return already.error();
        if (already.value())
            return rejected(m.id, u"case.exists"_s, tr("A case with this id exists already."));
        if (!c.customerId.isNull()) {
            Result<bool> customer = exists(u"customers"_s, c.customerId);
            if (!customer)
                return customer.error();
            if (!customer.value())
                return rejected(m.id, u"case.unknown_customer"_s, tr("The case's customer is not on the server."));
        }
    }
    Result<QString> reference = nextCaseReference(service->referencePrefix, c.raisedAt.date().year());
    if (!reference)
        return reference.error();
    c.reference = reference.value();
    c.revision = 1;
    // The raising contact arrives after the case (a contact links the cases it raised), so it is not
    // checked here; the column's foreign key is satisfied once that contact is pushed.
    const QUuid raisingContact = c.raisingContactId;
    c.raisingContactId = QUuid();
    if (Result<CachedQuery> done = m_database.runCached(DomainRows::insertSql(u"cases"_s, DomainRows::caseColumns()), DomainRows::caseRow(c));
        !done)
        return done.error();
    if (!raisingContact.isNull()) {
        if (Result<CachedQuery> linked = m_database.runCached(
                u"UPDATE cases SET raising_contact_id = ? WHERE id = ? AND EXISTS (SELECT 1 FROM contacts WHERE id = ?)"_s,
                { ServerDatabase::uuidValue(raisingContact), ServerDatabase::uuidValue(c.id),
                  ServerDatabase::uuidValue(raisingContact) });
            !linked)
            return linked.error();
    }
    return applied(m.id, 1);
}

Result<wire::MutationResult> MutationApplier::createContact(const wire::Mutation &m)
{
    JsonReader payload(m.payload, u"payload"_s);
    const QJsonObject record = payload.object(u"record"_s);
    if (Status ok = payload.status(); !ok)
        return rejected(m.id, ok.error());
    Result<Contact> contact = DomainJson::toContact(record);
    if (!contact)
        return rejected(m.id, contact.error());
    const Contact &c = contact.value();
    if (c.id != m.entityId)
        return rejected(m.id, u"mutation.id_mismatch"_s, tr("The record's id is not the mutation's entity id."));
    if (!c.isWrappedUp())
        return rejected(m.id, u"contact.not_wrapped_up"_s,
                        tr("A contact is sent once it is wrapped up, with its outcome and end time."));
    if (m_careful) {
        // The quick way leaves these to the keys (a contact already there is no conflict: contacts are
        // append-only, the same one again changes nothing); when a key refused, this says which.
        Result<bool> already = exists(u"contacts"_s, c.id);
        if (!already)
            return already.error();
        if (already.value())
            return applied(m.id, 1);
        if (!c.customerId.isNull()) {
            Result<bool> customer = exists(u"customers"_s, c.customerId);
            if (!customer)
                return customer.error();
            if (!customer.value())
                return rejected(m.id, u"contact.unknown_customer"_s, tr("The contact's customer is not on the server."));
        }
        for (const QUuid &caseId : c.linkedCaseIds) {
            Result<bool> found = exists(u"cases"_s, caseId);
            if (!found)
                return found.error();
            if (!found.value())
                return rejected(m.id, u"contact.unknown_case"_s,
                                tr("The contact names the case %1, which is not on the server.").arg(idText(caseId)));
        }
        if (!c.correctsContactId.isNull()) {
            Result<bool> found = exists(u"contacts"_s, c.correctsContactId);
            if (!found)
                return found.error();
            if (!found.value())
                return rejected(m.id, u"contact.unknown_corrected"_s,
                                tr("The contact this one corrects is not on the server."));
        }
    }
    Result<CachedQuery> inserted = m_database.runCached(
        DomainRows::insertSql(u"contacts"_s, DomainRows::contactColumns()) + u" ON CONFLICT (id) DO NOTHING"_s,
        DomainRows::contactRow(c));
    if (!inserted)
        return inserted.error();
    if (inserted->numRowsAffected() == 0)
        return applied(m.id, 1); // there already: the same contact again changes nothing
    const QList<QVariantList> caseRows = DomainRows::contactCaseRows(c);
    if (caseRows.isEmpty())
        return applied(m.id, 1);
    QVariantList values;
    for (const QVariantList &row : caseRows)
        values.append(row);
    if (Result<CachedQuery> done = m_database.runCached(
            DomainRows::insertSql(u"contact_cases"_s, DomainRows::contactCaseColumns(), caseRows.size()), values);
        !done)
        return done.error();
    // A case raised by this contact on the same desk names it as its raising contact.
    if (Result<CachedQuery> raised = m_database.runCached(
            u"UPDATE cases SET raising_contact_id = ?, revision = revision + 1 WHERE raising_contact_id IS NULL AND id IN"
            " (SELECT case_id FROM contact_cases WHERE contact_id = ?) AND raised_at >= ?"_s,
            { ServerDatabase::uuidValue(c.id), ServerDatabase::uuidValue(c.id),
              ServerDatabase::timestampValue(c.startedAt) });
        !raised)
        return raised.error();
    return applied(m.id, 1);
}

Result<wire::MutationResult> MutationApplier::linkContact(const wire::Mutation &m)
{
    JsonReader payload(m.payload, u"payload"_s);
    const QUuid customerId = payload.uuid(u"customer_id"_s, true);
    if (Status ok = payload.status(); !ok)
        return rejected(m.id, ok.error());
    Result<CachedQuery> current = m_database.runCached(u"SELECT customer_id FROM contacts WHERE id = ?"_s,
                                               { ServerDatabase::uuidValue(m.entityId) });
    if (!current)
        return current.error();
    if (!current.value().next())
        return rejected(m.id, u"contact.not_found"_s, tr("The contact is not on the server."));
    const QUuid linked = ServerDatabase::readUuid(current->value(0));
    if (linked == customerId)
        return applied(m.id, 1);
    if (!linked.isNull())
        return rejected(m.id, u"contact.already_linked"_s, tr("The contact is linked to another customer already."));
    Result<bool> customer = exists(u"customers"_s, customerId);
    if (!customer)
        return customer.error();
    if (!customer.value())
        return rejected(m.id, u"contact.unknown_customer"_s, tr("The customer is not on the server."));
    if (Result<CachedQuery> done = m_database.runCached(u"UPDATE contacts SET customer_id = ? WHERE id = ?"_s,
                                                { ServerDatabase::uuidValue(customerId),
                                                  ServerDatabase::uuidValue(m.entityId) });
        !done)
        return done.error();
    return applied(m.id, 1);
}

Result<wire::MutationResult> MutationApplier::appendAudit(const wire::Mutation &m, const MutationSource &source,
                                                          const QDateTime &now)
{
    JsonReader payload(m.payload, u"payload"_s);
    JsonReader record(payload.object(u"record"_s), u"record"_s);
    if (Status ok = payload.status(); !ok)
        return rejected(m.id, ok.error());
    const QDateTime at = record.time(u"at"_s, true);
    const QString action = record.string(u"action"_s, 40, true);
    const QString entity = record.string(u"entity"_s, 40, true);
    const QString entityId = record.string(u"entity_id"_s, 64, true);
    const QString detail = record.string(u"detail"_s, 2000);
    if (Status ok = record.status(); !ok)
        return rejected(m.id, ok.error());
    // Append-only: the same event again changes nothing.
    if (Result<CachedQuery> done = m_database.runCached(
            u"INSERT INTO audit_events (id, at, received_at, user_name, device_id, action, entity, entity_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_s,
            { ServerDatabase::uuidValue(m.entityId), ServerDatabase::timestampValue(at),
              ServerDatabase::timestampValue(now), source.user, source.deviceId, action, entity, entityId, nonNull(detail) });
        !done)
        return done.error();
    return applied(m.id, 1);
}

Result<std::optional<QJsonObject>> MutationApplier::currentRecord(const QString &entity, const QUuid &id)
{
    const bool customer = entity == u"customer"_s;
    // The record is read to be merged and written back: on PostgreSQL its row is locked until the
    // transaction ends, so an edit of it through another server waits and then merges onto this one's
    // result instead of overwriting it (SQLite has one writer at a time).
    Result<CachedQuery> query = m_database.runCached(
        u"SELECT %1 FROM %2 WHERE id = ?%3"_s.arg(
            DomainRows::selectList(customer ? DomainRows::customerColumns() : DomainRows::caseColumns()),
            customer ? u"customers"_s : u"cases"_s,
            m_database.dialect() == SqlDialect::PostgreSql ? u" FOR UPDATE"_s : QString()),
        { ServerDatabase::uuidValue(id) });
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<QJsonObject>();
    if (customer) {
        Result<Customer> c = DomainRows::readCustomer(query.value().query());
        if (!c)
            return c.error();
        return std::optional<QJsonObject>(DomainJson::fromCustomer(c.value()));
    }
    Result<Case> c = DomainRows::readCase(query.value().query());
    if (!c)
        return c.error();
    return std::optional<QJsonObject>(DomainJson::fromCase(c.value()));
}

Result<wire::MutationResult> MutationApplier::updateRecord(const wire::Mutation &m, const MutationSource &source,
                                                           const QDateTime &now)
{
    const bool customer = m.entity == u"customer"_s;
    const QStringList &editable = customer ? DomainJson::editableCustomerFields() : DomainJson::editableCaseFields();
    JsonReader payload(m.payload, u"payload"_s);
    const QJsonObject changes = payload.object(u"changes"_s);
    if (Status ok = payload.status(); !ok)
        return rejected(m.id, ok.error());
    if (changes.isEmpty())
        return rejected(m.id, u"mutation.no_changes"_s, tr("An update names at least one field."));
    Result<std::optional<QJsonObject>> current = currentRecord(m.entity, m.entityId);
    if (!current)
        return current.error();
    if (!current.value())
        return rejected(m.id, customer ? u"customer.not_found"_s : u"case.not_found"_s,
                        tr("The record is not on the server."));
    const QJsonObject &stored = *current.value();
    QJsonObject merged = stored;
    QList<Conflict> conflicts;
    int changed = 0;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (!editable.contains(it.key()))
            return rejected(m.id, u"mutation.field_not_editable"_s, tr("The field '%1' cannot be changed.").arg(it.key()));
        const QJsonObject edit = it.value().toObject();
        if (!it.value().isObject() || !edit.contains(u"from"_s) || !edit.contains(u"to"_s) || edit.size() != 2)
            return rejected(m.id, u"mutation.invalid"_s,
                            tr("The change of '%1' needs exactly 'from' and 'to'.").arg(it.key()));
        const QJsonValue from = edit.value(u"from"_s);
        const QJsonValue to = edit.value(u"to"_s);
        const QJsonValue server = stored.value(it.key());
        if (server == to)
            continue; // already so: the same edit from two desks agrees
        if (server == from) {
            merged.insert(it.key(), to);
            ++changed;
        } else {
            conflicts.append(Conflict { it.key(), from, server, to });
        }
    }
    qint64 revision = stored.value(u"revision"_s).toInteger();
    if (changed > 0) {
        Result<wire::MutationResult> written = writeMerged(m, stored, merged, now);
        if (!written || written->status == wire::MutationStatus::Rejected)
            return written;
        revision = written->revision;
    }
    if (conflicts.isEmpty())
        return applied(m.id, revision);
    if (Status saved = saveConflicts(m, conflicts, source, now); !saved)
        return saved.error();
    wire::MutationResult result { m.id, wire::MutationStatus::Conflict, revision, {}, {}, {} };
    for (const Conflict &conflict : conflicts)
        result.conflictFields.append(conflict.field);
    return result;
}

Result<wire::MutationResult> MutationApplier::writeMerged(const wire::Mutation &m, const QJsonObject &current,
                                                          QJsonObject merged, const QDateTime &now)
{
    const qint64 revision = current.value(u"revision"_s).toInteger() + 1;
    merged.insert(u"revision"_s, revision);
    if (m.entity == u"customer"_s) {
        merged.insert(u"updated_at"_s, JsonReader::timeText(now));
        Result<Customer> customer = DomainJson::toCustomer(merged);
        if (!customer)
            return rejected(m.id, customer.error());
        if (Status valid = DomainJson::validateCustomer(customer.value()); !valid)
            return rejected(m.id, valid.error());
        QStringList columns = DomainRows::customerColumns();
        QVariantList values = DomainRows::customerRow(customer.value());
        columns.removeFirst();
        values.removeFirst();
        values.append(ServerDatabase::uuidValue(customer->id));
        if (Result<CachedQuery> done = m_database.runCached(
                u"UPDATE customers SET %1 = ? WHERE id = ?"_s.arg(columns.join(u" = ?, "_s)), values);
            !done)
            return done.error();
        return applied(m.id, revision);
    }
    Result<Case> before = DomainJson::toCase(current);
    Result<Case> after = DomainJson::toCase(merged);
    if (!before)
        return before.error();
    if (!after)
        return rejected(m.id, after.error());
    if (before->status != after->status) {
        // The state machine decides whether the move is allowed; the desk's own resolved time and
        // closure reason are kept when it sent them.
        Result<Case> moved = CaseStateMachine::transition(before.value(), after->status, now, after->closureReason);
        if (!moved)
            return rejected(m.id, moved.error());
        Case settled = after.value();
        if (isOpen(settled.status))
            settled.resolvedAt = QDateTime();
        else if (!settled.resolvedAt.isValid() || settled.resolvedAt == before->resolvedAt)
            settled.resolvedAt = moved->resolvedAt;
        settled.closureReason = moved->closureReason;
        after = settled;
    }
    QStringList columns = DomainRows::caseColumns();
    QVariantList values = DomainRows::caseRow(after.value());
    columns.removeFirst();
    values.removeFirst();
    values.append(ServerDatabase::uuidValue(after->id));
    if (Result<CachedQuery> done
        = m_database.runCached(u"UPDATE cases SET %1 = ? WHERE id = ?"_s.arg(columns.join(u" = ?, "_s)), values);
        !done)
        return done.error();
    return applied(m.id, revision);
}

Status MutationApplier::saveConflicts(const wire::Mutation &m, const QList<Conflict> &conflicts,
                                      const MutationSource &source, const QDateTime &now)
{
    for (const Conflict &conflict : conflicts) {
        if (Result<CachedQuery> done = m_database.runCached(
                u"INSERT INTO sync_conflicts (id, entity, entity_id, field, base_value, server_value, client_value,"
                " mutation_id, user_name, device_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                { ServerDatabase::uuidValue(QUuid::createUuid()), m.entity, ServerDatabase::uuidValue(m.entityId),
                  conflict.field, JsonReader::valueText(conflict.base), JsonReader::valueText(conflict.server),
                  JsonReader::valueText(conflict.client), ServerDatabase::uuidValue(m.id), source.user, source.deviceId,
                  ServerDatabase::timestampValue(now) });
            !done)
            return done.error();
    }
    return {};
}

Result<wire::MutationResult> MutationApplier::resolveConflict(const wire::Mutation &m, const MutationSource &source,
                                                              const QDateTime &now)
{
    JsonReader payload(m.payload, u"payload"_s);
    const QString choice = payload.string(u"choice"_s, 10, true);
    payload.skip(u"value"_s);
    if (Status ok = payload.status(); !ok)
        return rejected(m.id, ok.error());
    if (choice != u"server"_s && choice != u"client"_s && choice != u"value"_s)
        return rejected(m.id, u"conflict.bad_choice"_s, tr("Choose 'server', 'client' or 'value'."));
    if (choice == u"value"_s && !m.payload.contains(u"value"_s))
        return rejected(m.id, u"conflict.bad_choice"_s, tr("A chosen value needs 'value'."));
    Result<CachedQuery> query = m_database.runCached(
        u"SELECT entity, entity_id, field, server_value, client_value, resolved_at, resolution, revision"
        " FROM sync_conflicts WHERE id = ?"_s,
        { ServerDatabase::uuidValue(m.entityId) });
    if (!query)
        return query.error();
    if (!query.value().next())
        return rejected(m.id, u"conflict.not_found"_s, tr("The conflict is not on the server."));
    const QString entity = query->value(0).toString();
    const QUuid entityId = ServerDatabase::readUuid(query->value(1));
    const QString field = query->value(2).toString();
    const QJsonValue clientValue = JsonReader::valueFromText(query->value(4).toString());
    const qint64 conflictRevision = query->value(7).toLongLong();
    if (!query->value(5).isNull()) {
        if (query->value(6).toString() == choice)
            return applied(m.id, conflictRevision);
        return rejected(m.id, u"conflict.already_resolved"_s, tr("Someone settled this conflict already."));
    }
    if (choice != u"server"_s) {
        const QJsonValue chosen = choice == u"client"_s ? clientValue : m.payload.value(u"value"_s);
        Result<std::optional<QJsonObject>> current = currentRecord(entity, entityId);
        if (!current)
            return current.error();
        if (!current.value())
            return rejected(m.id, u"conflict.record_gone"_s, tr("The record of this conflict is gone."));
        if (current.value()->value(field) != chosen) {
            QJsonObject merged = *current.value();
            merged.insert(field, chosen);
            wire::Mutation edit = m;
            edit.entity = entity;
            edit.entityId = entityId;
            Result<wire::MutationResult> written = writeMerged(edit, *current.value(), merged, now);
            if (!written || written->status == wire::MutationStatus::Rejected)
                return written;
        }
    }
    if (Result<CachedQuery> done = m_database.runCached(
            u"UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ?, revision = revision + 1"
            " WHERE id = ?"_s,
            { ServerDatabase::timestampValue(now), source.user, choice, ServerDatabase::uuidValue(m.entityId) });
        !done)
        return done.error();
    return applied(m.id, conflictRevision + 1);
}

} // namespace fc::server
