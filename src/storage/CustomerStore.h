#pragma once

// Customers in the encrypted cache, stored with every key the search box finds them by.

#include "core/Customer.h"
#include "core/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <optional>

namespace fc {

/// Reads and writes the customer tables of an open, migrated cache (customer, customer_phone,
/// customer_email, customer_flag, customer_fts), keeping the search keys of CustomerSearchKeys.h in
/// step with the record.
///
/// Transactions: each write is all-or-nothing through an SQLite savepoint. When the caller has a
/// CacheTransaction open (the sync layer saving a pulled page with its cursor, or a local edit with its
/// outbox row), the write becomes part of it and is saved only when that transaction commits; a failed
/// write is undone without ending the caller's transaction. With no transaction open, each write
/// commits on its own. Like the connection, a store belongs to the database thread.
///
/// Errors: "customer.invalid", "customer.duplicate_reference", "cache.query_failed" (SQL failed),
/// "cache.bad_row" (a stored row does not parse).
class CustomerStore {
public:
    explicit CustomerStore(QSqlDatabase db);

    /// Inserts the customer, or replaces every field of the stored customer with the same id. The
    /// customer keeps its row (the FTS docid) and its last contact time; phones, emails, flags and search
    /// keys are replaced, so an old phone number no longer finds them. (Never INSERT OR REPLACE: it
    /// deletes the row, renumbers it and cascades.) A new customer takes its last contact time from the
    /// contacts already cached for it, since a pulled page may bring contacts first.
    /// Errors: "customer.invalid" (null id or empty reference), "customer.duplicate_reference".
    Status upsert(const Customer &customer);

    /// True when a customer was removed, false when none had that id. Phones, emails and flags go with it.
    Result<bool> remove(const QUuid &id);

    Result<std::optional<Customer>> byId(const QUuid &id) const;
    /// Exactly as stored ("C1234567"); the search box accepts looser forms.
    Result<std::optional<Customer>> byReference(const QString &reference) const;

    /// Records a contact with the customer at `at` for search ranking ("ties by most recent contact").
    /// Only ever moves the time forward, so contacts pulled out of order leave the latest. Nothing
    /// happens for a customer not in the cache yet: upsert() finds the contact when the customer arrives.
    Status setLastContactAt(const QUuid &id, const QDateTime &at);
    /// Invalid when the customer has no recorded contact or is not in the cache.
    Result<QDateTime> lastContactAt(const QUuid &id) const;

    /// The customer's row number (the FTS docid), stable across updates; nullopt when not cached.
    Result<std::optional<qint64>> rowOf(const QUuid &id) const;

private:
    Result<std::optional<Customer>> select(const QString &column, const QVariant &value) const;

    QSqlDatabase m_db;
};

} // namespace fc
