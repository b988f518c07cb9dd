#include "demo/DemoAddressBook.h"

#include "demo/DemoStreams.h"

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// Royal Mail never uses C, I, K, M, O or V in the inward code's letters.
constexpr char16_t kInwardLetters[] = u"ABDEFGHJLNPQRSTUWXYZ";
constexpr int kInwardLetterCount = int(std::size(kInwardLetters)) - 1;

constexpr qint64 kUprnBase = 100040000000; // 12 digits, in the style of a real authority's range
constexpr qint64 kUprnSpan = 100000000;
constexpr qint64 kUprnStride = 7919; // prime, so i -> i * stride mod span is a bijection on the span

constexpr qint64 kLocalNumberBase = 200000; // UK local numbers do not start with 0 or 1
constexpr qint64 kLocalNumberSpan = 800000;

constexpr quint32 kFlatsPerMillion = 120000;
constexpr quint32 kLandlinePerMillion = 350000;
constexpr quint32 kLocalityPerMillion = 600000;

QString qualifier(DemoRandom &random)
{
    static constexpr const char *kQualifiers[]
        = { "Upper", "Lower", "Little", "Great", "Old", "New", "North", "South", "East", "West" };
    return QLatin1StringView(kQualifiers[random.below(std::size(kQualifiers))]);
}

} // namespace

DemoAddressBook::DemoAddressBook(const DemoDataLists &lists, quint64 seed) : m_lists(lists), m_seed(seed)
{
    // Offsets make each seed's numbers differ while keeping i -> number a bijection.
    DemoRandom numbering = DemoRandom::forStream(m_seed, streamDomain(DemoStream::Numbering), 0);
    m_uprnOffset = qint64(numbering.below(kUprnSpan));
    m_landlineOffset = qint64(numbering.below(kLocalNumberSpan));
}

QString DemoAddressBook::uprnFor(qint64 propertyIndex) const
{
    return QString::number(kUprnBase + (propertyIndex * kUprnStride + m_uprnOffset) % kUprnSpan);
}

void DemoAddressBook::openNextStreet()
{
    DemoRandom random = DemoRandom::forStream(m_seed, streamDomain(DemoStream::Street), quint64(m_streetCount));
    ++m_streetCount;

    Street street;
    street.townIndex = m_lists.townChoice.pick(random);
    const DemoTown &town = m_lists.towns[std::size_t(street.townIndex)];
    street.flats = random.chance(kFlatsPerMillion);

    // A district never has two streets of one name, or addresses would stop identifying properties.
    for (int attempt = 0;; ++attempt) {
        QString name = m_lists.streetNames[random.below(m_lists.streetNames.size())] + u' '
            + (street.flats ? m_lists.buildingSuffixes.pick(random) : m_lists.streetSuffixes.pick(random));
        if (attempt >= 10)
            name = qualifier(random) + u' ' + name;
        if (attempt >= 40)
            name += u' ' + QString::number(m_streetCount);
        const QString key = name + u'|' + town.district;
        if (!m_usedStreets.contains(key)) {
            m_usedStreets.insert(key);
            street.name = name;
            break;
        }
    }
    if (!town.localities.isEmpty() && random.chance(kLocalityPerMillion))
        street.locality = town.localities[qsizetype(random.below(quint64(town.localities.size())))];

    street.doors = int(street.flats ? random.between(6, 40) : random.between(8, 90));
    const int doorsPerPostcode = int(random.between(8, 16));
    const QChar sector = QChar(u'0' + int(random.between(1, 9)));
    for (int door = 0; door < street.doors; door += doorsPerPostcode) {
        const QChar first = QChar(kInwardLetters[random.below(kInwardLetterCount)]);
        const QChar second = QChar(kInwardLetters[random.below(kInwardLetterCount)]);
        street.postcodes.push_back(town.district + u' ' + sector + first + second);
    }
    m_street = std::move(street);
    m_nextDoor = 0;
}

DemoProperty DemoAddressBook::next()
{
    if (m_nextDoor >= m_street.doors || m_street.postcodes.empty())
        openNextStreet();
    const int door = m_nextDoor++;
    const qint64 index = m_nextProperty++;
    const DemoTown &town = m_lists.towns[std::size_t(m_street.townIndex)];

    DemoProperty property;
    property.index = index;
    const QString number = QString::number(door + 1);
    property.address.line1 = m_street.flats ? QString(u"Flat "_s + number + u", "_s + m_street.name)
                                            : QString(number + u' ' + m_street.name);
    property.address.line2 = m_street.locality;
    property.address.town = town.town;
    const std::size_t run = std::size_t(door) * m_street.postcodes.size() / std::size_t(m_street.doors);
    property.address.postcode = m_street.postcodes[run];
    property.address.uprn = uprnFor(index);

    DemoRandom random = DemoRandom::forStream(m_seed, streamDomain(DemoStream::Property), quint64(index));
    if (random.chance(kLandlinePerMillion)) {
        const qint64 local = kLocalNumberBase + (index * kUprnStride + m_landlineOffset) % kLocalNumberSpan;
        property.landline = u"+44"_s + town.diallingCode + QString::number(local);
    }
    return property;
}

} // namespace fc
