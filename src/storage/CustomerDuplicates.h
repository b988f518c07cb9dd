#pragma once

// Other customers in the cache who may be the same person: the hint on the customer view that a merge
// request might be due.

#include "core/Customer.h"
#include "core/Result.h"

#include <QDate>
#include <QFlags>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace fc {

/// Why another customer may be the same person.
enum class DuplicateReason {
    NameAndDateOfBirth = 0x1, // same folded given and family name, same date of birth
    Phone = 0x2, // a phone number in common
    Email = 0x4, // an email address in common (case-insensitive)
};
Q_DECLARE_FLAGS(DuplicateReasons, DuplicateReason)
Q_DECLARE_OPERATORS_FOR_FLAGS(DuplicateReasons)

/// Stable keys for logs, tests and QML: "name_and_date_of_birth", "phone", "email".
QString duplicateReasonKey(DuplicateReason reason);
/// Translated, for people: "Same name and date of birth", "Same phone number", "Same email address".
QString duplicateReasonDisplayName(DuplicateReason reason);
/// Every reason set, in declaration order.
QList<DuplicateReason> duplicateReasonList(DuplicateReasons reasons);

/// One possible duplicate: enough to tell the agent who it is and why it was suggested.
struct PossibleDuplicate {
    QUuid id;
    QString reference;
    QString displayName; // Customer::displayName()
    QDate dateOfBirth; // null when unknown
    QString addressLine; // first line of the address
    QString postcode;
    DuplicateReasons reasons;

    friend bool operator==(const PossibleDuplicate &, const PossibleDuplicate &) = default;
};

/// Finds the other cached customers that share a customer's folded name and date of birth, a phone
/// number or an email address. Each key is one indexed lookup (customer_family_dob,
/// customer_phone_reversed, customer_email_key), never a scan; the given names are compared after the
/// index has narrowed the rows to one family name and birthday. Synchronous on the connection it is
/// given: run it on the database thread.
class CustomerDuplicates {
public:
    /// A switchboard number or a shared family inbox can be on hundreds of records; each key brings at
    /// most this many, and the whole answer is cut to kMaximumResults.
    static constexpr int kMaximumPerKey = 50;
    static constexpr int kMaximumResults = 50;

    explicit CustomerDuplicates(QSqlDatabase db);

    /// The possible duplicates of `customer` (never itself), those with most reasons first, then
    /// name-and-date-of-birth before phone before email, then by display name and reference.
    /// Errors: "cache.query_failed", "cache.bad_row".
    Result<QList<PossibleDuplicate>> find(const Customer &customer) const;

    /// The statement behind one kind of lookup, public so a test can check SQLite's plan for it.
    static QString lookupSql(DuplicateReason reason);

private:
    QSqlDatabase m_db;
};

} // namespace fc
