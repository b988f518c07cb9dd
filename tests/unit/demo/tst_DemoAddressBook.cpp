// The address book gives every property one address and one UPRN of its own, valid-format postcodes
// in the council's districts, neighbours on shared streets, and the same properties for the same seed.

#include "core/PhoneNumber.h"
#include "core/Postcode.h"
#include "core/Uprn.h"
#include "demo/DemoAddressBook.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace fc;

namespace {

const QRegularExpression kUkPostcode(u"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}$"_s);

std::vector<DemoProperty> properties(const DemoDataLists &lists, quint64 seed, int count)
{
    DemoAddressBook book(lists, seed);
    std::vector<DemoProperty> result;
    for (int i = 0; i < count; ++i)
        result.push_back(book.next());
    return result;
}

} // namespace

class tst_DemoAddressBook : public QObject {
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

    void everyPostcodeIsValidAndCanonical()
    {
        QSet<QString> districts;
        for (const DemoTown &town : m_lists.towns)
            districts.insert(town.district);
        for (const DemoProperty &property : properties(m_lists, 1, 20000)) {
            const QString &postcode = property.address.postcode;
            QVERIFY2(kUkPostcode.match(postcode).hasMatch(), qPrintable(postcode));
            const Result<Postcode> parsed = Postcode::parse(postcode);
            QVERIFY2(parsed.ok(), qPrintable(postcode));
            QCOMPARE(parsed->canonical(), postcode);
            QVERIFY2(districts.contains(parsed->outward()), qPrintable(postcode));
        }
    }

    void eachPropertyHasItsOwnUprnAndAddress()
    {
        QSet<QString> uprns;
        QSet<QString> addresses;
        const std::vector<DemoProperty> all = properties(m_lists, 1, 50000);
        for (const DemoProperty &property : all) {
            const QString &uprn = property.address.uprn;
            QVERIFY2(uprn.size() <= 12 && !uprn.startsWith(u'0'), qPrintable(uprn));
            const Result<Uprn> parsed = Uprn::parse(uprn);
            QVERIFY2(parsed.ok(), qPrintable(uprn));
            uprns.insert(uprn);
            addresses.insert(property.address.line1 + u'|' + property.address.town + u'|'
                             + property.address.postcode.section(u' ', 0, 0));
        }
        QCOMPARE(uprns.size(), qsizetype(all.size()));
        QCOMPARE(addresses.size(), qsizetype(all.size()));
    }

    void uprnForMatchesTheProperty()
    {
        DemoAddressBook book(m_lists, 5);
        for (int i = 0; i < 100; ++i) {
            const DemoProperty property = book.next();
            QCOMPARE(property.index, qint64(i));
            QCOMPARE(property.address.uprn, book.uprnFor(i));
        }
    }

    void neighboursShareAStreet()
    {
        // Numbered doors follow each other along a street: 1 Mill Road, 2 Mill Road, ...
        const std::vector<DemoProperty> all = properties(m_lists, 3, 2000);
        QHash<QString, int> doorsPerStreet;
        for (const DemoProperty &property : all) {
            QString street = property.address.line1;
            street.remove(QRegularExpression(u"^(Flat )?[0-9]+,? "_s));
            ++doorsPerStreet[street + u'|' + property.address.postcode.section(u' ', 0, 0)];
        }
        QVERIFY2(doorsPerStreet.size() < 200, qPrintable(QString::number(doorsPerStreet.size())));
        QVERIFY(doorsPerStreet.size() > 10);
        QVERIFY(all[0].address.line1.startsWith(u"1 "_s) || all[0].address.line1.startsWith(u"Flat 1, "_s));
    }

    void landlinesAreCanonicalGeographicNumbers()
    {
        int withLandline = 0;
        const std::vector<DemoProperty> all = properties(m_lists, 1, 10000);
        for (const DemoProperty &property : all) {
            if (property.landline.isEmpty())
                continue;
            ++withLandline;
            const Result<PhoneNumber> phone = PhoneNumber::parse(property.landline);
            QVERIFY2(phone.ok(), qPrintable(property.landline));
            QCOMPARE(phone->canonical(), property.landline);
            QCOMPARE(phone->kind(), PhoneNumber::Kind::Geographic);
        }
        QVERIFY2(withLandline > 3000 && withLandline < 4000, qPrintable(QString::number(withLandline)));
    }

    void sameSeedSamePropertiesOtherSeedOthers()
    {
        const std::vector<DemoProperty> a = properties(m_lists, 9, 500);
        const std::vector<DemoProperty> b = properties(m_lists, 9, 500);
        const std::vector<DemoProperty> c = properties(m_lists, 10, 500);
        int differ = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].address, b[i].address);
            QCOMPARE(a[i].landline, b[i].landline);
            differ += a[i].address == c[i].address ? 0 : 1;
        }
        QVERIFY(differ > 490);
    }
};

QTEST_GUILESS_MAIN(tst_DemoAddressBook)
#include "tst_DemoAddressBook.moc"
