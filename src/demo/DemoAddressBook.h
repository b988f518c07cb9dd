#pragma once

#include "core/Customer.h"
#include "demo/DemoDataLists.h"
#include "demo/DemoRandom.h"

#include <QSet>
#include <QString>

#include <vector>

namespace fc {

/// One property in the demo council: its address (with a UPRN of its own) and, when the household
/// keeps one, its landline.
struct DemoProperty {
    qint64 index = 0;
    PostalAddress address;
    QString landline; // canonical "+441752123456", empty when there is none
};

/// Hands out the demo council's properties one after another, street by street: numbered houses
/// and blocks of flats, a valid-format postcode for every dozen or so doors, and a UPRN unique to each
/// property. The same seed always gives the same properties in the same order.
class DemoAddressBook {
public:
    DemoAddressBook(const DemoDataLists &lists, quint64 seed);

    /// The next property; consecutive properties are neighbours on the same street.
    DemoProperty next();

    /// The UPRN of the property with this index: 12 digits, distinct for the first 100 million.
    QString uprnFor(qint64 propertyIndex) const;

private:
    struct Street {
        QString name; // "Mill Road" or, for a block of flats, "Mayflower Court"
        QString locality;
        int townIndex = 0;
        int doors = 0;
        bool flats = false;
        std::vector<QString> postcodes; // one per run of doors
    };

    void openNextStreet();

    const DemoDataLists &m_lists;
    quint64 m_seed;
    qint64 m_uprnOffset = 0;
    qint64 m_landlineOffset = 0;
    qint64 m_nextProperty = 0;
    qint64 m_streetCount = 0;
    Street m_street;
    int m_nextDoor = 0;
    QSet<QString> m_usedStreets; // "Mill Road|PL1": a street name is used once per district
};

} // namespace fc
