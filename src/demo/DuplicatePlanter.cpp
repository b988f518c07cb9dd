#include "demo/DuplicatePlanter.h"

#include "demo/AccentStripping.h"
#include "demo/WeightedChoice.h"

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr quint32 kSecondVariation = 300000;
constexpr quint32 kTitleDropped = 400000;
constexpr quint32 kAccessNeedsLost = 700000;

bool isMobile(const QString &phone)
{
    return phone.startsWith("+447"_L1);
}

bool isVowel(QChar c)
{
    return QStringView(u"aeiou").contains(c);
}

} // namespace

DuplicatePlanter::DuplicatePlanter(const DemoDataLists &lists, const DemoCustomerFactory &factory)
    : m_lists(lists), m_factory(factory)
{
}

QStringList DuplicatePlanter::variationKeys()
{
    return { u"nickname"_s,      u"typo"_s,          u"accent_dropped"_s, u"missing_middle"_s,
             u"moved_address"_s, u"phone_changed"_s, u"email_changed"_s,  u"dob_changed"_s };
}

QString DuplicatePlanter::withTypo(const QString &name, DemoRandom &random)
{
    const qsizetype size = name.size();
    for (int attempt = 0; attempt < 16 && size >= 2; ++attempt) {
        const qsizetype at = qsizetype(random.below(quint64(size)));
        if (!name[at].isLetter())
            continue;
        QString typed = name;
        switch (random.below(4)) {
        case 0:
            if (size > 2)
                typed.remove(at, 1);
            break;
        case 1:
            typed.insert(at + 1, name[at].toLower());
            break;
        case 2:
            if (at + 1 < size && name[at + 1].isLetter()) {
                typed[at] = name[at + 1];
                typed[at + 1] = name[at];
                if (at == 0) { // keep the capital where a person would
                    typed[0] = typed[0].toUpper();
                    typed[1] = typed[1].toLower();
                }
            }
            break;
        default:
            if (isVowel(name[at])) {
                static constexpr char16_t kVowels[] = u"aeiou";
                typed[at] = QChar(kVowels[random.below(5)]);
            }
            break;
        }
        if (typed != name)
            return typed;
    }
    return name + name.back().toLower();
}

bool DuplicatePlanter::apply(const QString &variation, DuplicateRecord &record, const Customer &original,
                             qint64 duplicateIndex, DemoRandom &random, DemoAddressBook &addressBook) const
{
    Customer &customer = record.customer;
    if (variation == "nickname"_L1) {
        const QStringList nicknames = m_lists.nicknames.value(customer.givenName.section(u' ', 0, 0));
        if (nicknames.isEmpty())
            return false;
        customer.givenName = nicknames[qsizetype(random.below(quint64(nicknames.size())))];
        return true;
    }
    if (variation == "typo"_L1) {
        if (random.chance(600000))
            customer.familyName = withTypo(customer.familyName, random);
        else
            customer.givenName = withTypo(customer.givenName, random);
        return true;
    }
    if (variation == "accent_dropped"_L1) {
        const QString given = withoutAccents(customer.givenName);
        const QString family = withoutAccents(customer.familyName);
        if (given == customer.givenName && family == customer.familyName)
            return false;
        customer.givenName = given;
        customer.familyName = family;
        return true;
    }
    if (variation == "missing_middle"_L1) {
        if (!customer.givenName.contains(u' '))
            return false;
        customer.givenName = customer.givenName.section(u' ', 0, 0);
        return true;
    }
    if (variation == "moved_address"_L1) {
        const DemoProperty home = addressBook.next();
        customer.address = home.address;
        customer.phones.removeIf([](const QString &phone) { return !isMobile(phone); });
        if (!home.landline.isEmpty() && random.chance(500000))
            customer.phones.append(home.landline);
        return true;
    }
    if (variation == "phone_changed"_L1) {
        QStringList phones;
        switch (random.below(3)) {
        case 0:
            phones.append(m_factory.mobileFor(duplicateIndex));
            break;
        case 1:
            for (const QString &phone : original.phones) {
                if (!isMobile(phone))
                    phones.append(phone);
            }
            break;
        default:
            break;
        }
        if (phones == customer.phones)
            return false;
        customer.phones = phones;
        return true;
    }
    if (variation == "email_changed"_L1) {
        if (!customer.emails.isEmpty() && random.chance(600000)) {
            customer.emails.clear();
            return true;
        }
        const QString email = m_factory.emailFor(customer.givenName, customer.familyName, customer.dateOfBirth, random);
        if (customer.emails.contains(email))
            return false;
        customer.emails = QStringList { email };
        return true;
    }
    if (variation == "dob_changed"_L1) {
        const QDate dob = customer.dateOfBirth;
        if (!dob.isValid())
            return false;
        const quint64 how = random.below(10);
        if (how < 3 && dob.day() <= 12 && dob.day() != dob.month()) {
            customer.dateOfBirth = QDate(dob.year(), dob.day(), dob.month());
        } else if (how < 6) {
            const QDate shifted(dob.year() + (random.chance(500000) ? 1 : -1), dob.month(), dob.day());
            customer.dateOfBirth = shifted.isValid() ? shifted : QDate();
        } else {
            customer.dateOfBirth = QDate();
        }
        return true;
    }
    return false;
}

DuplicateRecord DuplicatePlanter::plant(const Customer &original, qint64 duplicateIndex, DemoRandom &random,
                                        DemoAddressBook &addressBook) const
{
    static const WeightedChoice<QString> variations {
        { u"nickname"_s, 20 },      { u"typo"_s, 22 },          { u"missing_middle"_s, 12 }, { u"moved_address"_s, 15 },
        { u"phone_changed"_s, 12 }, { u"accent_dropped"_s, 8 }, { u"dob_changed"_s, 8 },     { u"email_changed"_s, 5 },
    };

    DuplicateRecord record;
    Customer &customer = record.customer;
    customer = original;
    customer.id = random.uuid();
    customer.reference = DemoCustomerFactory::customerReference(duplicateIndex);
    customer.preferredName.clear();
    customer.flags.clear();
    customer.consents = CommunicationConsents();
    if (random.chance(kTitleDropped))
        customer.title.clear();
    if (random.chance(kAccessNeedsLost))
        customer.accessNeeds = AccessNeeds();

    const int wanted = random.chance(kSecondVariation) ? 2 : 1;
    for (int attempt = 0; attempt < 24 && record.variations.size() < wanted; ++attempt) {
        const QString &variation = variations.pick(random);
        if (record.variations.contains(variation))
            continue;
        if (apply(variation, record, original, duplicateIndex, random, addressBook))
            record.variations.append(variation);
    }
    if (record.variations.isEmpty()) {
        customer.familyName = withTypo(customer.familyName, random);
        record.variations.append(u"typo"_s);
    }
    return record;
}

} // namespace fc
