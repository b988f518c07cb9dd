#pragma once

// The search keys the cache stores beside each customer, computed in one place for the store and the
// bulk loader so a customer written either way is found the same way.

#include "core/Customer.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace fc {

/// Everything CustomerSearch looks a customer up by, precomputed by fc_core's normalisation
/// (docs/storage/SEARCH.md). A key that cannot be computed (an unreadable postcode) is empty, and the
/// customer is simply not found by it.
struct CustomerSearchKeys {
    QString familyFold; // "jonesevans": folded family name, for surname + date of birth
    QString postcodeKey; // "PL12AA", or empty
    QString outwardCode; // "PL1", or empty
    QStringList phoneDigits; // per phone, in order: national digits reversed, or empty for an invalid number
    QStringList emailKeys; // per email, in order: lower-cased
    QString ftsNames; // "sian jones evans jonesevans": words of the given, family and preferred names
    QString ftsAddress; // "12 mill road": words of the first address line

    friend bool operator==(const CustomerSearchKeys &, const CustomerSearchKeys &) = default;
};

CustomerSearchKeys customerSearchKeys(const Customer &customer);

/// The words indexed for a name: fc_core's searchTokens(), plus the parts of words split at an
/// apostrophe, so "O'Neill" is found by "oneill", "o'neill" and "neill".
QStringList nameSearchTokens(QStringView name);

} // namespace fc
