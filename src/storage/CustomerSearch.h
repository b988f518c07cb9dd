#pragma once

// The one customer search box: whatever the agent typed, the customers it most likely means, best first.

#include "core/Result.h"
#include "storage/CustomerQuery.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>
#include <QUuid>

#include <optional>

namespace fc {

/// One line of the result list: what an agent needs to pick the right customer.
struct CustomerSearchHit {
    QUuid id;
    QString reference;
    QString displayName; // Customer::displayName()
    QString addressLine; // first line of the address
    QString postcode;
    QDate dateOfBirth; // null when unknown
    bool hasAccessNeeds = false;
    QDateTime lastContactAt; // UTC; invalid when never contacted
    CustomerMatchKind match = CustomerMatchKind::Name;

    friend bool operator==(const CustomerSearchHit &, const CustomerSearchHit &) = default;
};

/// Where a page ended, to ask for the next one with the same text. Opaque to callers: pass it back as
/// it came. Keyset paging: later pages cost no more than the first, and a customer added meanwhile
/// never shifts a customer into a page twice.
struct CustomerSearchCursor {
    int tier = 0;
    QString lastContactAt;
    qint64 row = 0;

    friend bool operator==(const CustomerSearchCursor &, const CustomerSearchCursor &) = default;
};

struct CustomerSearchPage {
    QList<CustomerSearchHit> hits;
    std::optional<CustomerSearchCursor> next; // nullopt on the last page
};

/// Runs the search box over the cache: exact-key lookups (reference, case reference, phone, email,
/// UPRN), partial keys (last digits of a phone, postcode, outward code) and FTS4 over folded names and
/// first address lines (CustomerQuery reads the text). Results are ranked as a person would: exact
/// keys first, then words with a postcode, then everything else; ties by most recent contact.
/// docs/storage/SEARCH.md has the rules and the query plans behind them.
///
/// Any text gives a page of results or an empty one; the only error is a cache that cannot be read,
/// and its message never shows SQL. Synchronous on the connection it is given: callers must run it
/// on the database thread (the database worker), never on the GUI thread.
class CustomerSearch {
public:
    static constexpr int kDefaultPageSize = 25;
    static constexpr int kMaximumPageSize = 200;

    explicit CustomerSearch(QSqlDatabase db);

    /// A page of at most `limit` customers (clamped to 1..kMaximumPageSize), after `after` when given.
    /// Error: "search.failed" (the cache could not be read).
    Result<CustomerSearchPage> search(QStringView text, int limit = kDefaultPageSize,
                                      const std::optional<CustomerSearchCursor> &after = std::nullopt) const;
    Result<CustomerSearchPage> search(const CustomerQuery &query, int limit = kDefaultPageSize,
                                      const std::optional<CustomerSearchCursor> &after = std::nullopt) const;

    /// An FTS match up to this many customers is ranked by reading each one's last contact; a larger one
    /// by walking the last-contact index until a page is full (docs/storage/SEARCH.md).
    static constexpr int kRankInMemoryLimit = 600;

private:
    QSqlDatabase m_db;
};

} // namespace fc
