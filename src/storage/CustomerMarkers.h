#pragma once

// The markers a result list shows beside each customer: access needs and warning flags, read for a
// whole page of customers at once.

#include "core/AccessNeeds.h"
#include "core/CustomerFlag.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QUuid>

namespace fc {

/// What a list row needs to warn the agent before they open the record.
struct CustomerMarkers {
    AccessNeeds accessNeeds;
    QList<FlagCategory> flags; // in stored order

    bool hasStaffSafetyFlag() const;
    bool hasVulnerabilityFlag() const;
    friend bool operator==(const CustomerMarkers &, const CustomerMarkers &) = default;
};

/// Reads the markers of many customers in two indexed statements (the customer's unique id, then the
/// flags by customer row), instead of loading each whole record. Synchronous on the connection it is
/// given: run it on the database thread.
class CustomerMarkerReader {
public:
    explicit CustomerMarkerReader(QSqlDatabase db);

    /// Markers by customer id; ids not in the cache are left out. Errors: "cache.query_failed",
    /// "cache.bad_row" (an access need or flag key this program does not know).
    Result<QHash<QUuid, CustomerMarkers>> forCustomers(const QList<QUuid> &ids) const;

private:
    QSqlDatabase m_db;
};

} // namespace fc
