#include "demo/DemoCustomerFactory.h"

#include "demo/AccentStripping.h"
#include "demo/DemoChannelMix.h"
#include "demo/DemoStreams.h"

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// Shares per million customers.
constexpr quint32 kFemale = 510000;
constexpr quint32 kSecondMemberIsPartner = 700000;
constexpr quint32 kPartnerOppositeSex = 920000;
constexpr quint32 kPartnerSameCulture = 850000;
constexpr quint32 kPartnerSharesSurname = 750000;
constexpr quint32 kMixedPartnerSharesSurname = 400000;
constexpr quint32 kGrownUpChild = 700000;
constexpr quint32 kPreferredNameKnown = 50000;
constexpr quint32 kSecondEmail = 50000;
constexpr quint32 kLandlineListed = 500000;
constexpr quint32 kSignLanguage = 5000;
constexpr quint32 kIrishSignLanguage = 100000; // of Irish-culture sign-language users
constexpr quint32 kInterpreter = 70000; // of people whose preferred language is not English or Welsh
constexpr quint32 kLargePrintOlder = 50000; // 75 and over
constexpr quint32 kLargePrint = 5000;
constexpr quint32 kHearingLoopOlder = 30000;
constexpr quint32 kHearingLoop = 3000;
constexpr quint32 kEasyRead = 5500;
constexpr quint32 kVulnerable = 40000;
constexpr quint32 kStaffSafety = 5000;
constexpr quint32 kEmailConsent = 550000;
constexpr quint32 kSmsConsent = 450000;
constexpr quint32 kPostConsent = 960000;

// Mobile numbers: 07 then 71-75 or 77-79 (076 is pagers, 070 personal numbering), then 8 digits.
constexpr int kMobilePrefixes[] = { 71, 72, 73, 74, 75, 77, 78, 79 };
constexpr qint64 kMobileSpan = qint64(std::size(kMobilePrefixes)) * 100'000'000;
// Odd and not a multiple of 5, so index -> number is a bijection on the span; large, so neighbours'
// numbers look unrelated.
constexpr qint64 kMobileStride = 494'427'281;

quint32 mobileShare(int age)
{
    if (age >= 80)
        return 400000;
    if (age >= 65)
        return 700000;
    return 820000;
}

quint32 emailShare(int age)
{
    if (age >= 80)
        return 180000;
    if (age >= 65)
        return 450000;
    return 720000;
}

// Lower-case letters and digits only, for the local part of an email address.
QString emailWord(const QString &name)
{
    QString word;
    for (const QChar c : withoutAccents(name).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            word += c;
    }
    return word;
}

QString title(DemoRandom &random, bool female, int age, bool partnered)
{
    const quint64 roll = random.below(1000);
    if (roll < 70)
        return {};
    if (roll < 90)
        return u"Dr"_s;
    if (roll < 94)
        return u"Mx"_s;
    if (roll < 96)
        return u"Rev"_s;
    if (!female)
        return u"Mr"_s;
    if (partnered && age >= 25 && random.chance(600000))
        return u"Mrs"_s;
    const quint64 pick = random.below(100);
    if (age < 35)
        return pick < 55 ? u"Miss"_s : (pick < 90 ? u"Ms"_s : u"Mrs"_s);
    return pick < 45 ? u"Mrs"_s : (pick < 80 ? u"Ms"_s : u"Miss"_s);
}

} // namespace

DemoCustomerFactory::DemoCustomerFactory(const DemoDataLists &lists, quint64 seed, QDate asOf)
    : m_lists(lists),
      m_seed(seed),
      m_asOf(asOf),
      m_householdSizes { { 1, 380 }, { 2, 420 }, { 3, 120 }, { 4, 60 }, { 5, 20 } }
      // Adults by age band, roughly as in an English city.
      ,
      m_ages { { { 18, 29 }, 190 }, { { 30, 39 }, 170 }, { { 40, 49 }, 160 }, { { 50, 59 }, 170 },
               { { 60, 69 }, 140 }, { { 70, 79 }, 110 }, { { 80, 89 }, 50 },  { { 90, 100 }, 10 } }
{
    DemoRandom numbering = DemoRandom::forStream(seed, streamDomain(DemoStream::Numbering), 2);
    m_mobileOffset = qint64(numbering.below(quint64(kMobileSpan)));
}

QString DemoCustomerFactory::customerReference(qint64 customerIndex)
{
    return u'C' + QString::number(1'000'000 + customerIndex);
}

QString DemoCustomerFactory::mobileFor(qint64 customerIndex) const
{
    const qint64 number = (customerIndex * kMobileStride + m_mobileOffset) % kMobileSpan;
    const int prefix = kMobilePrefixes[number / 100'000'000];
    return u"+44"_s + QString::number(prefix) + QString::number(number % 100'000'000).rightJustified(8, u'0');
}

QString DemoCustomerFactory::emailFor(const QString &givenName, const QString &familyName, QDate dateOfBirth,
                                      DemoRandom &random) const
{
    QString given = emailWord(givenName.section(u' ', 0, 0));
    QString family = emailWord(familyName);
    if (given.isEmpty())
        given = u"resident"_s;
    if (family.isEmpty())
        family = u"home"_s;
    QString local;
    switch (random.below(6)) {
    case 0:
        local = given + u'.' + family;
        break;
    case 1:
        local = given + family;
        break;
    case 2:
        local = given.left(1) + u'.' + family;
        break;
    case 3:
        local = family + u'.' + given;
        break;
    case 4:
        local = given + u'_' + family;
        break;
    default:
        local = given + family.left(1);
        break;
    }
    const quint64 digits = random.below(100);
    if (digits < 25 && dateOfBirth.isValid())
        local += QString::number(dateOfBirth.year() % 100).rightJustified(2, u'0');
    else if (digits < 35 && dateOfBirth.isValid())
        local += QString::number(dateOfBirth.year());
    else if (digits < 60)
        local += QString::number(random.between(1, 999));
    return local + u'@' + m_lists.emailDomains.pick(random);
}

std::vector<Customer> DemoCustomerFactory::household(qint64 householdIndex, qint64 firstCustomerIndex, int maxSize,
                                                     const DemoProperty &property) const
{
    DemoRandom random = DemoRandom::forStream(m_seed, streamDomain(DemoStream::Household), quint64(householdIndex));
    const int size = std::max(1, std::min(m_householdSizes.pick(random), maxSize));

    std::vector<Person> people;
    Person first;
    first.sex = random.chance(kFemale) ? Sex::Female : Sex::Male;
    first.age = int(m_ages.pick(random));
    first.culture = m_lists.cultureChoice.pick(random);
    first.surname = m_lists.cultures[std::size_t(first.culture)].surnames.pick(random);
    people.push_back(first);

    for (int member = 1; member < size; ++member) {
        Person person;
        person.sex = random.chance(kFemale) ? Sex::Female : Sex::Male;
        if (member == 1 && random.chance(kSecondMemberIsPartner)) {
            person.sex
                = random.chance(kPartnerOppositeSex) ? (first.sex == Sex::Female ? Sex::Male : Sex::Female) : first.sex;
            person.age = int(std::clamp<qint64>(first.age + random.between(-6, 6), 18, 100));
            person.culture = random.chance(kPartnerSameCulture) ? first.culture : m_lists.cultureChoice.pick(random);
            const bool sameCulture = person.culture == first.culture;
            person.surname = random.chance(sameCulture ? kPartnerSharesSurname : kMixedPartnerSharesSurname)
                ? first.surname
                : m_lists.cultures[std::size_t(person.culture)].surnames.pick(random);
            person.partnered = true;
            people.front().partnered = true;
        } else if (first.age >= 40 && random.chance(kGrownUpChild)) {
            person.age = int(std::max<qint64>(18, first.age - random.between(20, 35)));
            person.culture = first.culture;
            person.surname = first.surname;
        } else {
            person.age = int(std::clamp<qint64>(first.age + random.between(-8, 8), 18, 100));
            person.culture = m_lists.cultureChoice.pick(random);
            person.surname = m_lists.cultures[std::size_t(person.culture)].surnames.pick(random);
        }
        people.push_back(person);
    }

    std::vector<Customer> customers;
    customers.reserve(people.size());
    for (std::size_t i = 0; i < people.size(); ++i)
        customers.push_back(makeCustomer(people[i], firstCustomerIndex + qint64(i), property));
    return customers;
}

Customer DemoCustomerFactory::makeCustomer(const Person &person, qint64 customerIndex,
                                           const DemoProperty &property) const
{
    DemoRandom random = DemoRandom::forStream(m_seed, streamDomain(DemoStream::Customer), quint64(customerIndex));
    const NameCulture &culture = m_lists.cultures[std::size_t(person.culture)];
    const bool female = person.sex == Sex::Female;
    const WeightedChoice<QString> &givenNames = female ? culture.femaleNames : culture.maleNames;

    Customer customer;
    customer.id = random.uuid();
    customer.reference = customerReference(customerIndex);
    customer.title = title(random, female, person.age, person.partnered);
    const QString firstName = givenNames.pick(random);
    customer.givenName = firstName;
    if (random.chance(quint32(culture.middleNamePercent) * 10000)) {
        const QString middle = givenNames.pick(random);
        if (middle != firstName)
            customer.givenName += u' ' + middle;
    }
    customer.familyName = female ? person.surname.feminine : person.surname.masculine;
    if (random.chance(kPreferredNameKnown)) {
        const QStringList nicknames = m_lists.nicknames.value(firstName);
        if (!nicknames.isEmpty())
            customer.preferredName = nicknames[qsizetype(random.below(quint64(nicknames.size())))];
    }
    customer.dateOfBirth = m_asOf.addYears(-person.age).addDays(-random.between(1, 365));

    const bool hasMobile = random.chance(mobileShare(person.age));
    if (hasMobile)
        customer.phones.append(mobileFor(customerIndex));
    if (!property.landline.isEmpty() && (!hasMobile || random.chance(kLandlineListed)))
        customer.phones.append(property.landline);
    if (random.chance(emailShare(person.age))) {
        customer.emails.append(emailFor(customer.givenName, customer.familyName, customer.dateOfBirth, random));
        if (random.chance(kSecondEmail))
            customer.emails.append(emailFor(customer.givenName, customer.familyName, customer.dateOfBirth, random));
        if (customer.emails.size() == 2 && customer.emails[0] == customer.emails[1])
            customer.emails.removeLast();
    }
    customer.address = property.address;
    customer.preferredLanguage = culture.languages.pick(random);

    customer.preferredChannel = demoChannelMix().pick(random);
    if (customer.preferredChannel == Channel::Email && customer.emails.isEmpty())
        customer.preferredChannel = Channel::Phone;

    AccessNeeds &needs = customer.accessNeeds;
    const bool older = person.age >= 75;
    if (random.chance(kSignLanguage)) {
        needs.needs |= AccessNeed::BritishSignLanguage;
        needs.signLanguage = (culture.key == "irish"_L1 && random.chance(kIrishSignLanguage)) ? u"isg"_s : u"bfi"_s;
        customer.preferredChannel = random.chance(700000)
            ? Channel::VideoRelay
            : (customer.emails.isEmpty() ? Channel::FaceToFace : Channel::Email);
    }
    if (customer.preferredLanguage != "en"_L1 && customer.preferredLanguage != "cy"_L1 && random.chance(kInterpreter)) {
        needs.needs |= AccessNeed::Interpreter;
        needs.interpreterLanguage = customer.preferredLanguage;
    }
    if (random.chance(older ? kLargePrintOlder : kLargePrint))
        needs.needs |= AccessNeed::LargePrint;
    if (random.chance(older ? kHearingLoopOlder : kHearingLoop))
        needs.needs |= AccessNeed::HearingLoop;
    if (random.chance(kEasyRead))
        needs.needs |= AccessNeed::EasyRead;

    if (random.chance(kVulnerable)) {
        static const WeightedChoice<FlagCategory> vulnerabilities {
            { FlagCategory::FinancialHardship, 30 },  { FlagCategory::MentalHealth, 20 },
            { FlagCategory::PhysicalDisability, 15 }, { FlagCategory::Bereavement, 10 },
            { FlagCategory::CognitiveImpairment, 8 }, { FlagCategory::SafeguardingConcern, 7 },
            { FlagCategory::DomesticAbuse, 6 },       { FlagCategory::CareLeaver, 4 },
        };
        FlagCategory category = vulnerabilities.pick(random);
        if (category == FlagCategory::CareLeaver && person.age > 25)
            category = FlagCategory::FinancialHardship;
        const QDate raised = m_asOf.addDays(-random.between(1, 700));
        customer.flags.append(CustomerFlag { category, QString(), raised, raised.addYears(1) });
    }
    if (random.chance(kStaffSafety)) {
        static const WeightedChoice<FlagCategory> staffSafety { { FlagCategory::VerbalAbuse, 60 },
                                                                { FlagCategory::ViolenceHistory, 20 },
                                                                { FlagCategory::DoNotVisitAlone, 20 } };
        const QDate raised = m_asOf.addDays(-random.between(1, 700));
        customer.flags.append(CustomerFlag { staffSafety.pick(random), QString(), raised, raised.addYears(1) });
    }

    customer.consents.email = !customer.emails.isEmpty() && random.chance(kEmailConsent);
    customer.consents.sms = hasMobile && random.chance(kSmsConsent);
    customer.consents.post = random.chance(kPostConsent);
    return customer;
}

} // namespace fc
