#pragma once

#include "core/Case.h"
#include "core/Contact.h"
#include "core/Customer.h"
#include "core/Result.h"

#include <QStringList>
#include <QUuid>

namespace fc {

/// A customer record the generator planted as a second record of an existing one, and how it differs:
/// the answer key for duplicate detection.
struct PlantedDuplicate {
    QUuid duplicateId;
    QUuid originalId;
    QStringList variations; // keys, see DuplicatePlanter.h: "nickname", "typo", "moved_address", ...
};

/// Where the demo council generator sends its records as it makes them, so millions of them never
/// sit in memory at once.
///
/// Order, per customer: onCustomer, then its contacts in time order, each case right after the
/// contact that raised it (a later contact may link an earlier case). A planted duplicate is an
/// ordinary customer followed by onDuplicatePlanted; its original always came earlier.
class DemoCouncilSink {
public:
    virtual ~DemoCouncilSink() = default;

    virtual void onCustomer(const Customer &customer) = 0;
    virtual void onContact(const Contact &contact) = 0;
    virtual void onCase(const Case &serviceCase) = 0;
    virtual void onDuplicatePlanted(const PlantedDuplicate &duplicate) { Q_UNUSED(duplicate); }

    /// Checked after each customer: a sink that failed (a full disk) stops the run with its error.
    virtual Status status() const { return {}; }
};

} // namespace fc
