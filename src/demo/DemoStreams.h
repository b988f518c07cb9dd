#pragma once

#include <QtGlobal>

namespace fc {

/// Which kind of record a random stream belongs to: with the seed and the record's index it names
/// the stream (DemoRandom::forStream), so adding draws for one kind never shifts another's.
/// Values are part of the output's identity: changing one changes every demo council.
enum class DemoStream : quint64 {
    Household = 1,
    Customer = 2,
    Street = 3,
    Property = 4,
    Duplicate = 5,
    Numbering = 6, // per-run offsets for UPRNs and phone numbers
    History = 7, // a customer's contacts and cases
};

inline quint64 streamDomain(DemoStream stream)
{
    return quint64(stream);
}

} // namespace fc
