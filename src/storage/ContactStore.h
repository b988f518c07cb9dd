#pragma once

// Contacts (interactions) in the encrypted cache, with the cases each one is linked to.

#include "core/Contact.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QUuid>

#include <optional>

namespace fc {

/// Reads and writes the contact and contact_case tables of an open, migrated cache. A contact is
/// append-only once wrapped up: update() refuses it, and a correction is a new contact naming the one it
/// corrects. Every write is all-or-nothing and joins the caller's CacheTransaction.
/// Errors: "cache.query_failed" (SQL failed), "cache.bad_row" (a stored row does not parse).
class ContactStore {
public:
    explicit ContactStore(QSqlDatabase db);

    /// Adds a new contact and its linked cases. Errors: "contact.invalid" (null id, no start time, a
    /// demand classification that does not hold together, a case linked twice, correcting itself),
    /// "contact.duplicate" (a contact with this id is already stored).
    Status insert(const Contact &contact);
    /// Replaces a stored contact that is not yet wrapped up with `contact`, linked cases included;
    /// wrapping up is such an update. Errors: "contact.invalid", "contact.not_found",
    /// "contact.append_only" (the stored contact is wrapped up; it is left exactly as it was).
    Status update(const Contact &contact);
    /// Writes a contact as the server holds it, inserted or replaced whatever its local state (keeping
    /// its row): what a pulled page does. Errors: "contact.invalid".
    Status applyPulled(const Contact &contact);
    /// A pulled contact the caller knows is not stored yet (a first sync's snapshot, after
    /// SnapshotWriter::storedIds): the contact and its links inserted, with no probe or unlinking first.
    /// Errors: "contact.invalid", "contact.duplicate".
    Status insertPulled(const Contact &contact);
    /// What every write checks first ("contact.invalid"), for writers that bypass the store.
    static Status check(const Contact &contact);
    /// Links an anonymous contact to the customer it turned out to be about: the one change a wrapped-up
    /// contact still accepts, once (the server's contact.link). Errors: "contact.invalid" (a null id),
    /// "contact.not_found", "contact.already_linked" (it has a customer already; left as it was).
    Status linkToCustomer(const QUuid &contactId, const QUuid &customerId);

    Result<std::optional<Contact>> byId(const QUuid &id) const;
    /// The customer's latest `limit` contacts, most recently started first.
    Result<QList<Contact>> forCustomer(const QUuid &customerId, int limit) const;
    /// Contacts linked to the case, most recently started first.
    Result<QList<Contact>> forCase(const QUuid &caseId) const;
    /// Contacts that correct `contactId`, oldest first.
    Result<QList<Contact>> corrections(const QUuid &contactId) const;
    /// When the customer's latest contact started; invalid when the cache holds none.
    Result<QDateTime> lastContactAt(const QUuid &customerId) const;

    /// Removes wrapped-up contacts started before `cutoffUtc`, with their case links, keeping contacts
    /// still in progress and contacts linked to a case that is open in the cache. Returns how many went.
    Result<int> pruneBefore(const QDateTime &cutoffUtc);

private:
    enum class Existing { Refuse, KeepUnlessWrappedUp, Replace, Absent };
    Status write(const Contact &contact, Existing existing);
    Result<QList<Contact>> select(const QString &where, const QVariantList &params, const QString &orderBy) const;

    QSqlDatabase m_db;
};

} // namespace fc
