#pragma once

// The PostgreSQL advisory lock that serialises handing out new customer references ("C" + 7 digits,
// the highest plus one), taken by the importer and by a pushed customer.create alike, so the two never
// pick the same number at once.

#include <QtGlobal>

namespace fc::server {

inline constexpr qint64 kCustomerReferenceLockKey = 0x4643'494D'5043;

} // namespace fc::server
