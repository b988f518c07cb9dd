#pragma once

// Every change a person makes on this desk: saved in the cache together with the outbox row that will
// carry it to the server, in one transaction.

#include "core/Case.h"
#include "core/Contact.h"
#include "core/Customer.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <optional>

namespace fc {

/// The one way the workstation and firstcontact-cli change the cache. Each call is one CacheTransaction
/// holding the store write(s) and exactly one OutboxStore::enqueue with a fresh mutation id (but
/// recordScriptedContact, which saves several changes as one: a row for each), in the
/// payload format of docs/SYNC.md ("Push"): if anything fails, nothing is saved and the error comes
/// back. Values are checked here as the server will check them, so what a desk queues is what the
/// server accepts. Like the stores it uses, it belongs to the cache's database thread (a
/// CacheWorker::run job makes one and drops it).
///
/// Errors of its own: local.not_found (the record to change is not in the cache), local.already_exists,
/// local.no_changes, local.unknown_customer, local.unknown_case, local.unknown_request_type,
/// local.not_wrapped_up, local.already_linked, local.invalid (an audit event or conflict choice that
/// cannot be sent), local.already_resolved. Besides: the validation codes the server would answer with
/// (customer.invalid_postcode, customer.no_name, case.illegal_transition, json.invalid_field, ...) and
/// the stores' codes (cache.*, customer.*, case.*, contact.*, outbox.*, conflict.*).
class LocalChanges {
public:
    using Clock = std::function<QDateTime()>;

    /// `db` is an open, migrated cache. `user` is who makes the changes (kept with a settled conflict);
    /// `clock` times the calls that take no time of their own (UTC now when empty).
    explicit LocalChanges(QSqlDatabase db, QString user = QString(), Clock clock = {});

    /// A new customer: a new id when the draft has none, a provisional reference (the server gives the
    /// real one), revision 0, created and updated `now`. Queues customer.create with the record.
    Result<Customer> createCustomer(Customer draft, const QDateTime &now);
    /// Saves the editable fields of `edited` (its id, reference, revision and times are ignored: the
    /// cached copy's stand) and queues customer.update with the changed fields only, each with the value
    /// it had here and the new one, based on the cached revision. The cached copy keeps its revision
    /// until the server's next one is pulled.
    Result<Customer> updateCustomer(const Customer &edited, const QDateTime &now);
    /// "Tell us once": a change of address for every service, as one customer.update that names all five
    /// address fields together (so an address is never half one desk's and half another's: a field
    /// changed elsewhere meanwhile is a conflict). The postcode is read as typed and stored canonical.
    Result<Customer> moveAddress(const QUuid &customerId, const PostalAddress &address, const QDateTime &now);
    /// A new case: as createCustomer (raised `now` unless the draft says when); its service and request
    /// type must be in the catalogue and its customer, if any, in the cache. Queues case.create.
    Result<Case> createCase(Case draft, const QDateTime &now);
    /// As updateCustomer for the editable case fields. A status move goes through CaseStateMachine first
    /// (resolved time and closure reason as the server will set them); an illegal one is refused.
    Result<Case> updateCase(const Case &edited, const QDateTime &now);
    /// A wrapped-up contact (append-only from here), its linked cases, and its customer's last contact
    /// time moved forward. Queues contact.create with the record.
    Status recordContact(const Contact &contact);
    /// A contact that ran a script, with the requests it raised: each case created for the contact's
    /// customer with the contact as its raiser, then the contact recorded with them linked, all in one
    /// transaction (case.create for each, then contact.create). Returns the cases as saved.
    Result<QList<Case>> recordScriptedContact(Contact contact, const QList<Case> &raised, const QDateTime &now);
    /// Links an anonymous, recorded contact to a customer, once. Queues contact.link.
    Status linkContact(const QUuid &contactId, const QUuid &customerId);
    /// Queues audit.append ("view" when a person opens a customer record); the cache keeps nothing else.
    Status recordAudit(const QString &action, const QString &entity, const QUuid &entityId, const QString &detail,
                       const QDateTime &at);
    /// Settles a sync conflict: `choice` is "server", "client" or "value" (then `value` is the value).
    /// Marks it resolved here so the desk stops showing it, writes the chosen value into the cached
    /// customer or case at once (for "client" and "value"; a record no longer cached is left to the next
    /// pull), and queues conflict.resolve.
    Status resolveConflict(const QUuid &conflictId, const QString &choice,
                           const QJsonValue &value = QJsonValue(QJsonValue::Undefined));

    /// "P-" and the first eight hex digits of the id, upper case: what a desk reads out until the server's
    /// reference arrives.
    static QString provisionalReference(const QUuid &id);

private:
    QDateTime currentTime() const;
    Result<Customer> saveCustomerEdit(const Customer &current, const QJsonObject &edited,
                                      const QStringList &sentTogether, const QDateTime &now);
    Status enqueue(const QString &entity, const QString &operation, const QUuid &entityId,
                   std::optional<qint64> baseRevision, const QJsonObject &payload, const QDateTime &at);
    Status requireCustomer(const QUuid &customerId) const;
    Status writeChosenValue(const QString &entity, const QUuid &entityId, const QString &field,
                            const QJsonValue &chosen, const QDateTime &now);

    QSqlDatabase m_db;
    QString m_user;
    Clock m_clock;
};

} // namespace fc
