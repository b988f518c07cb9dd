#pragma once

// Hand-made customers for the customer store, bulk loader and search tests: the names, accents,
// postcodes and phone forms the search box must get right.

#include "core/Customer.h"
#include "storage/CustomerStore.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QTimeZone>

namespace fc::test {

struct CustomerWithContact {
    Customer customer;
    QDateTime lastContactAt; // invalid: never contacted
};

inline QUuid customerUuid(int n)
{
    return QUuid(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

inline Customer makeCustomer(int n, const QString &given, const QString &family, const QString &line1,
                             const QString &postcode, const QStringList &phones = {}, const QStringList &emails = {},
                             const QString &uprn = {})
{
    Customer c;
    c.id = customerUuid(n);
    c.reference = QStringLiteral("C%1").arg(1000000 + n);
    c.givenName = given;
    c.familyName = family;
    c.address.line1 = line1;
    c.address.town = QStringLiteral("Plymouth");
    c.address.postcode = postcode;
    c.address.uprn = uprn;
    c.phones = phones;
    c.emails = emails;
    return c;
}

inline QDateTime contactAt(int month, int day, int hour = 9)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), QTimeZone::utc());
}

/// The search tests' council. Letters name them in the tests: A is reference C1000001, and so on.
/// A and B share a postcode; C and F live in PL12, which an "PL1" search must not find; A's mobile and
/// F's landline both end in 900123; H's UPRN is 900123 too.
inline QList<CustomerWithContact> handMadeCustomers()
{
    using namespace Qt::StringLiterals;
    QList<CustomerWithContact> all;
    // A
    all.append({ makeCustomer(1, u"Siân"_s, u"Jones"_s, u"12 Mill Road"_s, u"PL1 2AA"_s, { u"+447700900123"_s },
                              { u"Sian.Jones@Example.org"_s }, u"100040000001"_s),
                 contactAt(10, 1) });
    all.last().customer.dateOfBirth = QDate(1984, 3, 12);
    // B
    all.append({ makeCustomer(2, u"Sian"_s, u"Jones-Evans"_s, u"14 Mill Road"_s, u"PL1 2AA"_s, { u"+441752123456"_s },
                              { u"sje@example.com"_s }, u"100040000002"_s),
                 contactAt(9, 1) });
    // C
    all.append({ makeCustomer(3, u"Siobhan"_s, u"O'Neill"_s, u"Flat 3, Harbour House"_s, u"PL12 3AB"_s,
                              { u"+447700900456"_s }, {}, u"100040000003"_s),
                 contactAt(8, 1) });
    // D
    all.append({ makeCustomer(4, u"Aoife"_s, u"Ní Bhriain"_s, u"120 Mill Lane"_s, u"PL4 6XX"_s, { u"+35312345678"_s },
                              {}, u"100040000004"_s),
                 QDateTime() });
    all.last().customer.accessNeeds.needs = AccessNeed::Interpreter;
    all.last().customer.accessNeeds.interpreterLanguage = u"ga"_s;
    // E
    all.append({ makeCustomer(5, u"Agnieszka"_s, u"Wiśniewska"_s, u"7 Station Road"_s, u"PL1 3BB"_s,
                              { u"+447700111222"_s }, { u"agnieszka@example.pl"_s }, u"100040000005"_s),
                 contactAt(7, 1) });
    // F
    all.append({ makeCustomer(6, u"Łukasz"_s, u"Kowalski"_s, u"Flat 4, Harbour House"_s, u"PL12 3AB"_s,
                              { u"+447700333444"_s, u"+441752900123"_s }, {}, u"100040000006"_s),
                 contactAt(6, 1) });
    // G
    all.append({ makeCustomer(7, u"Tom"_s, u"Jones"_s, u"1 Quay Road"_s, u"PL4 7YY"_s), contactAt(10, 15) });
    // H
    all.append(
        { makeCustomer(8, u"Mary"_s, u"O'Brien"_s, u"2 Quay Road"_s, u"PL4 7YY"_s, {}, {}, u"900123"_s), QDateTime() });
    return all;
}

/// Every field set to something other than its default, so a round trip proves each one is stored.
inline Customer fullyPopulatedCustomer()
{
    using namespace Qt::StringLiterals;
    Customer c = makeCustomer(42, u"Siân"_s, u"O'Neill-Evans"_s, u"Flat 3, Harbour House"_s, u"PL1 2AA"_s,
                              { u"+447700900123"_s, u"+441752123456"_s },
                              { u"Sian.ONeill@Example.ORG"_s, u"s@example.com"_s }, u"100040123"_s);
    c.title = u"Ms"_s;
    c.preferredName = u"Sî"_s;
    c.dateOfBirth = QDate(1984, 3, 12);
    c.address.line2 = u"Stonehouse"_s;
    c.preferredLanguage = u"cy"_s;
    c.preferredChannel = Channel::VideoRelay;
    c.accessNeeds.needs = AccessNeed::BritishSignLanguage | AccessNeed::LargePrint | AccessNeed::Interpreter;
    c.accessNeeds.signLanguage = u"bfi"_s;
    c.accessNeeds.interpreterLanguage = u"pl"_s;
    c.flags = {
        CustomerFlag { FlagCategory::Bereavement, u"Husband died in May"_s, QDate(2026, 5, 20), QDate(2026, 11, 20) },
        CustomerFlag { FlagCategory::DoNotVisitAlone, u"Dog"_s, QDate(2025, 1, 2), QDate() },
    };
    c.consents = CommunicationConsents { true, true, false };
    c.revision = 17;
    c.createdAt = QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5, 678), QTimeZone::utc());
    c.updatedAt = QDateTime(QDate(2026, 3, 29), QTime(1, 30, 0, 123), QTimeZone::utc());
    return c;
}

} // namespace fc::test
