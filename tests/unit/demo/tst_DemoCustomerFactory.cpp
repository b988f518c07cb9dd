// A household's customers live at its property, are adults with plausible names, titles and dates of
// birth, and carry phones and emails in the canonical forms the rest of FirstContact expects.

#include "core/EmailAddress.h"
#include "core/PhoneNumber.h"
#include "demo/DemoCustomerFactory.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace fc;

namespace {

const QDate kAsOf(2026, 11, 1);

} // namespace

class tst_DemoCustomerFactory : public QObject {
    Q_OBJECT

private:
    DemoDataLists m_lists;

    // Customers of `households` households, as the generator makes them.
    std::vector<std::vector<Customer>> households(quint64 seed, int count)
    {
        DemoAddressBook book(m_lists, seed);
        DemoCustomerFactory factory(m_lists, seed, kAsOf);
        std::vector<std::vector<Customer>> result;
        qint64 next = 0;
        for (int h = 0; h < count; ++h) {
            result.push_back(factory.household(h, next, 16, book.next()));
            next += qint64(result.back().size());
        }
        return result;
    }

private slots:
    void initTestCase()
    {
        Result<DemoDataLists> lists = DemoDataLists::loadBuiltIn();
        QVERIFY(lists.ok());
        m_lists = std::move(lists.value());
    }

    void membersShareTheirPropertyAndGetConsecutiveReferences()
    {
        qint64 expected = 0;
        int shared = 0;
        for (const std::vector<Customer> &members : households(1, 2000)) {
            QVERIFY(!members.empty() && members.size() <= 5);
            shared += members.size() > 1 ? 1 : 0;
            for (const Customer &customer : members) {
                QCOMPARE(customer.reference, DemoCustomerFactory::customerReference(expected++));
                QCOMPARE(customer.address, members.front().address);
            }
        }
        QVERIFY2(shared > 1000 && shared < 1400, qPrintable(QString::number(shared)));
    }

    void referencesAreCAndSevenDigits_data()
    {
        QTest::addColumn<qint64>("index");
        QTest::addColumn<QString>("reference");
        QTest::newRow("first") << qint64(0) << u"C1000000"_s;
        QTest::newRow("42nd") << qint64(42) << u"C1000042"_s;
        QTest::newRow("last possible") << DemoCustomerFactory::maximumCustomers - 1 << u"C9999999"_s;
    }
    void referencesAreCAndSevenDigits()
    {
        QFETCH(qint64, index);
        QFETCH(QString, reference);
        QCOMPARE(DemoCustomerFactory::customerReference(index), reference);
    }

    void maxSizeCapsAHousehold()
    {
        DemoAddressBook book(m_lists, 1);
        DemoCustomerFactory factory(m_lists, 1, kAsOf);
        for (int h = 0; h < 200; ++h)
            QCOMPARE(factory.household(h, 0, 1, book.next()).size(), std::size_t(1));
    }

    void peopleArePlausibleAdults()
    {
        const QRegularExpression namePattern(u"^\\p{Lu}[\\p{L}' -]*$"_s);
        const QStringList titles = { QString(), u"Mr"_s, u"Mrs"_s, u"Miss"_s, u"Ms"_s, u"Mx"_s, u"Dr"_s, u"Rev"_s };
        QSet<QString> languages;
        for (const std::vector<Customer> &members : households(2, 3000)) {
            for (const Customer &customer : members) {
                QVERIFY2(customer.dateOfBirth.isValid(), qPrintable(customer.reference));
                const int age = customer.dateOfBirth.daysTo(kAsOf) / 366;
                QVERIFY2(age >= 17 && age <= 100, qPrintable(customer.dateOfBirth.toString(Qt::ISODate)));
                QVERIFY(customer.dateOfBirth.addYears(18) <= kAsOf);
                QVERIFY(titles.contains(customer.title));
                QVERIFY2(namePattern.match(customer.givenName).hasMatch(), qPrintable(customer.givenName));
                QVERIFY2(!customer.familyName.isEmpty(), qPrintable(customer.reference));
                QVERIFY(!customer.id.isNull());
                languages.insert(customer.preferredLanguage);
                if (customer.accessNeeds.has(AccessNeed::Interpreter))
                    QCOMPARE(customer.accessNeeds.interpreterLanguage, customer.preferredLanguage);
                if (customer.accessNeeds.has(AccessNeed::BritishSignLanguage))
                    QVERIFY(customer.accessNeeds.signLanguage == u"bfi"_s
                            || customer.accessNeeds.signLanguage == u"isg"_s);
            }
        }
        for (const QString &language : { u"en"_s, u"cy"_s, u"pl"_s, u"pa"_s, u"ur"_s, u"ro"_s })
            QVERIFY2(languages.contains(language), qPrintable(language));
    }

    void phonesAndEmailsAreCanonical()
    {
        int customers = 0;
        int withPhone = 0;
        int withEmail = 0;
        for (const std::vector<Customer> &members : households(3, 3000)) {
            for (const Customer &customer : members) {
                ++customers;
                withPhone += customer.phones.isEmpty() ? 0 : 1;
                withEmail += customer.emails.isEmpty() ? 0 : 1;
                for (const QString &text : customer.phones) {
                    const Result<PhoneNumber> phone = PhoneNumber::parse(text);
                    QVERIFY2(phone.ok(), qPrintable(text));
                    QCOMPARE(phone->canonical(), text);
                }
                for (const QString &text : customer.emails) {
                    const Result<EmailAddress> email = EmailAddress::parse(text);
                    QVERIFY2(email.ok(), qPrintable(text));
                    QCOMPARE(email->canonical(), text);
                }
            }
        }
        // About 85 % with a phone and 65 % with an email.
        QVERIFY2(withPhone > customers * 80 / 100 && withPhone < customers * 90 / 100,
                 qPrintable(QString::number(withPhone) + u'/' + QString::number(customers)));
        QVERIFY2(withEmail > customers * 60 / 100 && withEmail < customers * 70 / 100,
                 qPrintable(QString::number(withEmail) + u'/' + QString::number(customers)));
    }

    void mobilesAreDistinctMobilesPerCustomer()
    {
        DemoCustomerFactory factory(m_lists, 1, kAsOf);
        QSet<QString> numbers;
        for (qint64 i = 0; i < 100000; ++i) {
            const QString mobile = factory.mobileFor(i);
            numbers.insert(mobile);
            if (i % 997 == 0) {
                const Result<PhoneNumber> phone = PhoneNumber::parse(mobile);
                QVERIFY2(phone.ok() && phone->isMobile(), qPrintable(mobile));
                QCOMPARE(phone->canonical(), mobile);
            }
        }
        QCOMPARE(numbers.size(), 100000);
    }

    void emailsFoldAccentsAway()
    {
        DemoCustomerFactory factory(m_lists, 1, kAsOf);
        DemoRandom random(1);
        const QRegularExpression local(u"^[a-z0-9._]+@"_s);
        for (int i = 0; i < 50; ++i) {
            const QString email = factory.emailFor(u"Siân Łucja"_s, u"Ó Súilleabháin"_s, QDate(1984, 5, 6), random);
            QVERIFY2(local.match(email).hasMatch(), qPrintable(email));
            QVERIFY2(email.contains(u"sian"_s) || email.startsWith(u"s."_s) || email.contains(u"osuilleabhain"_s),
                     qPrintable(email));
        }
    }
};

QTEST_GUILESS_MAIN(tst_DemoCustomerFactory)
#include "tst_DemoCustomerFactory.moc"
