// A planted duplicate differs from its original exactly as its variations say — a new id and
// reference, its listed identity changes, and no unlisted change to name, birth date, address,
// phones or emails — so duplicate detection can be scored against the answer key.

#include "demo/AccentStripping.h"
#include "demo/DuplicatePlanter.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace fc;

namespace {

const QDate kAsOf(2026, 11, 1);

Customer richOriginal()
{
    Customer customer;
    customer.id = QUuid::fromString(u"11111111-2222-4333-8444-555555555555"_s);
    customer.reference = u"C1000001"_s;
    customer.title = u"Mrs"_s;
    customer.givenName = u"Siân Margaret"_s;
    customer.familyName = u"Llewellyn"_s;
    customer.preferredName = u"Sian"_s;
    customer.dateOfBirth = QDate(1971, 3, 9);
    customer.phones = { u"+447712345678"_s, u"+441752234567"_s };
    customer.emails = { u"sian.llewellyn@example.org"_s };
    customer.address = PostalAddress { u"12 Mill Road"_s, QString(), u"Plymouth"_s, u"PL1 2AB"_s, u"100040000012"_s };
    customer.accessNeeds.needs = AccessNeed::LargePrint;
    customer.flags = { CustomerFlag { FlagCategory::Bereavement, QString(), QDate(2026, 1, 1), QDate(2027, 1, 1) } };
    return customer;
}

// Letters changed by one edit: a drop, an insertion, a swap of neighbours or a substitution.
bool oneEditApart(const QString &a, const QString &b)
{
    if (a == b)
        return false;
    if (a.size() == b.size()) {
        QList<qsizetype> differ;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a[i] != b[i])
                differ.append(i);
        }
        if (differ.size() == 1)
            return true;
        return differ.size() == 2 && differ[1] == differ[0] + 1 && a[differ[0]].toLower() == b[differ[1]].toLower()
            && a[differ[1]].toLower() == b[differ[0]].toLower();
    }
    const QString &longer = a.size() > b.size() ? a : b;
    const QString &shorter = a.size() > b.size() ? b : a;
    if (longer.size() != shorter.size() + 1)
        return false;
    for (qsizetype skip = 0; skip < longer.size(); ++skip) {
        QString without = longer;
        without.remove(skip, 1);
        if (without.compare(shorter, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

class tst_DuplicatePlanter : public QObject {
    Q_OBJECT

private:
    DemoDataLists m_lists;

private slots:
    void initTestCase()
    {
        Result<DemoDataLists> lists = DemoDataLists::loadBuiltIn();
        QVERIFY(lists.ok());
        m_lists = std::move(lists.value());
    }

    void typoIsOneEditAndNeverTheSame_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("short") << u"Li"_s;
        QTest::newRow("ordinary") << u"Jones"_s;
        QTest::newRow("apostrophe") << u"O'Brien"_s;
        QTest::newRow("accented") << u"Siobhán"_s;
        QTest::newRow("two words") << u"Ó Briain"_s;
        QTest::newRow("one letter") << u"X"_s;
    }
    void typoIsOneEditAndNeverTheSame()
    {
        QFETCH(QString, name);
        for (quint64 seed = 0; seed < 200; ++seed) {
            DemoRandom random(seed);
            const QString typed = DuplicatePlanter::withTypo(name, random);
            QVERIFY2(oneEditApart(name, typed), qPrintable(name + u" -> "_s + typed));
        }
    }

    void variationsAreWhatChanged()
    {
        DemoAddressBook book(m_lists, 1);
        DemoCustomerFactory factory(m_lists, 1, kAsOf);
        DuplicatePlanter planter(m_lists, factory);
        const Customer original = richOriginal();
        QHash<QString, int> seen;
        for (quint64 seed = 0; seed < 3000; ++seed) {
            DemoRandom random(seed);
            const DuplicateRecord record = planter.plant(original, 5000 + qint64(seed), random, book);
            const Customer &copy = record.customer;
            const QStringList &variations = record.variations;
            QVERIFY(!variations.isEmpty() && variations.size() <= 2);
            for (const QString &variation : variations) {
                QVERIFY2(DuplicatePlanter::variationKeys().contains(variation), qPrintable(variation));
                ++seen[variation];
            }

            QVERIFY(copy.id != original.id && !copy.id.isNull());
            QCOMPARE(copy.reference, DemoCustomerFactory::customerReference(5000 + qint64(seed)));
            QVERIFY(copy.flags.isEmpty());
            QVERIFY(copy.preferredName.isEmpty());

            const bool nameVaried = variations.contains(u"nickname"_s) || variations.contains(u"typo"_s)
                || variations.contains(u"accent_dropped"_s) || variations.contains(u"missing_middle"_s);
            const QString context = variations.join(u';') + u": "_s + copy.givenName + u' ' + copy.familyName;
            if (!nameVaried) {
                QCOMPARE(copy.givenName, original.givenName);
                QCOMPARE(copy.familyName, original.familyName);
            } else {
                QVERIFY2(copy.givenName != original.givenName || copy.familyName != original.familyName,
                         qPrintable(context));
            }
            if (variations == QStringList { u"accent_dropped"_s }) {
                QCOMPARE(copy.givenName, withoutAccents(original.givenName));
                QCOMPARE(copy.familyName, original.familyName);
            }
            if (variations == QStringList { u"missing_middle"_s })
                QCOMPARE(copy.givenName, u"Siân"_s);
            if (variations == QStringList { u"typo"_s }) {
                QVERIFY2(oneEditApart(copy.givenName, original.givenName)
                             || oneEditApart(copy.familyName, original.familyName),
                         qPrintable(context));
            }
            QCOMPARE(copy.dateOfBirth != original.dateOfBirth, variations.contains(u"dob_changed"_s));
            QCOMPARE(copy.address != original.address, variations.contains(u"moved_address"_s));
            QCOMPARE(copy.emails != original.emails, variations.contains(u"email_changed"_s));
            if (!variations.contains(u"phone_changed"_s) && !variations.contains(u"moved_address"_s))
                QCOMPARE(copy.phones, original.phones);
            if (variations.contains(u"phone_changed"_s))
                QVERIFY(copy.phones != original.phones);
        }
        // Every kind turns up; the nickname list has none for "Siân", so that kind never applies here.
        for (const QString &variation : DuplicatePlanter::variationKeys()) {
            if (variation != u"nickname"_s)
                QVERIFY2(seen.value(variation) > 50, qPrintable(variation));
        }
        QCOMPARE(seen.value(u"nickname"_s), 0);
    }

    void nicknamesComeFromTheList()
    {
        DemoAddressBook book(m_lists, 1);
        DemoCustomerFactory factory(m_lists, 1, kAsOf);
        DuplicatePlanter planter(m_lists, factory);
        Customer original = richOriginal();
        original.givenName = u"William"_s;
        int nicknamed = 0;
        for (quint64 seed = 0; seed < 500; ++seed) {
            DemoRandom random(seed);
            const DuplicateRecord record = planter.plant(original, 1, random, book);
            if (record.variations.contains(u"nickname"_s)) {
                ++nicknamed;
                QVERIFY2((QStringList { u"Bill"_s, u"Will"_s, u"Billy"_s }).contains(record.customer.givenName)
                             || record.variations.contains(u"typo"_s),
                         qPrintable(record.customer.givenName));
            }
        }
        QVERIFY(nicknamed > 50);
    }

    void sameStreamSameDuplicate()
    {
        DemoAddressBook bookA(m_lists, 1);
        DemoAddressBook bookB(m_lists, 1);
        DemoCustomerFactory factory(m_lists, 1, kAsOf);
        DuplicatePlanter planter(m_lists, factory);
        for (quint64 seed = 0; seed < 100; ++seed) {
            DemoRandom a(seed);
            DemoRandom b(seed);
            const DuplicateRecord first = planter.plant(richOriginal(), 7, a, bookA);
            const DuplicateRecord second = planter.plant(richOriginal(), 7, b, bookB);
            QCOMPARE(first.customer, second.customer);
            QCOMPARE(first.variations, second.variations);
        }
    }
};

QTEST_GUILESS_MAIN(tst_DuplicatePlanter)
#include "tst_DuplicatePlanter.moc"
