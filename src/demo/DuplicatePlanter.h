#pragma once

#include "core/Customer.h"
#include "demo/DemoAddressBook.h"
#include "demo/DemoCustomerFactory.h"
#include "demo/DemoDataLists.h"
#include "demo/DemoRandom.h"

#include <QStringList>

namespace fc {

/// A second record of a customer the council already holds, and how it differs from the first.
struct DuplicateRecord {
    Customer customer;
    QStringList variations; // in the order applied
};

/// Makes the second records a council's systems gather for one person: keyed in again at another
/// contact with a small difference, so duplicate detection has something real to find.
///
/// Each duplicate gets one variation (sometimes two) to its identity: "nickname" (Bill for William,
/// Mohammed for Muhammad), "typo" (a dropped, doubled, swapped or wrong letter), "accent_dropped"
/// (Sian for Siân), "missing_middle" (Sarah for Sarah Jane), "moved_address" (a new property),
/// "phone_changed" (a new mobile, only the landline, or none), "email_changed" (none, or a new one)
/// and "dob_changed" (missing, day and month swapped, or a year out). Like real second records it
/// also often lacks the title, preferred name, access needs and flags; those are not listed.
class DuplicatePlanter {
public:
    DuplicatePlanter(const DemoDataLists &lists, const DemoCustomerFactory &factory);

    static QStringList variationKeys();

    /// The second record, with its own id and the reference for `duplicateIndex`. A moved address
    /// takes the next property from `addressBook`.
    DuplicateRecord plant(const Customer &original, qint64 duplicateIndex, DemoRandom &random,
                          DemoAddressBook &addressBook) const;

    /// One letter dropped, doubled, swapped with its neighbour or a vowel changed; never the same text.
    static QString withTypo(const QString &name, DemoRandom &random);

private:
    bool apply(const QString &variation, DuplicateRecord &record, const Customer &original, qint64 duplicateIndex,
               DemoRandom &random, DemoAddressBook &addressBook) const;

    const DemoDataLists &m_lists;
    const DemoCustomerFactory &m_factory;
};

} // namespace fc
