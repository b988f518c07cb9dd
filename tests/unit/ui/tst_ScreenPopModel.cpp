// ScreenPopModel on a real encrypted cache: a caller's number in any written form finds one customer,
// several sharing a number, or no one (a shared ending is not a match); an unreadable number is "none"
// at once with the number kept as typed.

#include "ui/ScreenPopModel.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/ui/UiTestCache.h"

#include <QSignalSpy>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

class tst_ScreenPopModel : public QObject {
    Q_OBJECT

private:
    QStringList ids(const ScreenPopModel &pop)
    {
        QStringList values;
        const auto *matches = static_cast<RowListModel *>(pop.matches());
        for (int row = 0; row < matches->count(); ++row)
            values.append(matches->value(row, "id").toString());
        values.sort();
        return values;
    }

    void lookUp(ScreenPopModel &pop, const QString &number)
    {
        QSignalSpy ready(&pop, &ScreenPopModel::resultReady);
        pop.lookup(number);
        QTRY_COMPARE(ready.size(), 1);
    }

private slots:
    void init()
    {
        m_cache = std::make_unique<UiTestCache>();
        QVERIFY(m_cache->open());
        // A and F (handMadeCustomers) have numbers ending 900123 that are not the same number; a couple
        // share a landline.
        QList<CustomerWithContact> council = handMadeCustomers();
        Customer partner
            = makeCustomer(20, u"Gareth"_s, u"Jones-Evans"_s, u"14 Mill Road"_s, u"PL1 2AA"_s, { u"+441752123456"_s });
        partner.dateOfBirth = QDate(1980, 1, 2);
        council.append({ partner, QDateTime() });
        QVERIFY(m_cache->save(council));
    }
    void cleanup() { m_cache.reset(); }

    void oneCustomerHasTheNumber()
    {
        ScreenPopModel pop;
        pop.setCacheWorker(&m_cache->worker());
        QCOMPARE(pop.state(), u"idle"_s);
        QSignalSpy changed(&pop, &ScreenPopModel::resultChanged);
        pop.lookup(u"+44 (0)7700 900123"_s);
        QCOMPARE(pop.state(), u"searching"_s);
        QCOMPARE(pop.numberText(), u"07700 900123"_s);
        QCOMPARE(pop.number(), u"+447700900123"_s);
        QTRY_COMPARE(pop.state(), u"one"_s);
        QCOMPARE(pop.singleCustomerId(), customerUuid(1).toString(QUuid::WithoutBraces));
        const auto *matches = static_cast<RowListModel *>(pop.matches());
        QCOMPARE(matches->count(), 1);
        QCOMPARE(matches->value(0, "reference").toString(), u"C1000001"_s);
        QCOMPARE(matches->value(0, "displayName").toString(), u"Siân Jones"_s);
        QCOMPARE(matches->value(0, "address").toString(), u"12 Mill Road, PL1 2AA"_s);
        QCOMPARE(matches->value(0, "dateOfBirthText").toString(), u"12/03/1984"_s);
        QCOMPARE(pop.errorText(), QString());
    }

    void severalCustomersShareTheNumber()
    {
        ScreenPopModel pop;
        pop.setCacheWorker(&m_cache->worker());
        lookUp(pop, u"01752 123456"_s);
        QCOMPARE(pop.state(), u"several"_s);
        QCOMPARE(pop.singleCustomerId(), QString());
        QCOMPARE(ids(pop),
                 (QStringList { customerUuid(2).toString(QUuid::WithoutBraces),
                                customerUuid(20).toString(QUuid::WithoutBraces) }));
    }

    void noOneHasTheNumber()
    {
        ScreenPopModel pop;
        pop.setCacheWorker(&m_cache->worker());
        lookUp(pop, u"07700 111223"_s);
        QCOMPARE(pop.state(), u"none"_s);
        QCOMPARE(pop.matches()->rowCount(), 0);
        // Ends like A's and F's numbers, but is neither.
        lookUp(pop, u"01632 900123"_s);
        QCOMPARE(pop.state(), u"none"_s);
        QVERIFY(pop.numberValid());
    }

    void anUnreadableNumberIsNoneAndKeptAsTyped()
    {
        ScreenPopModel pop;
        pop.setCacheWorker(&m_cache->worker());
        QSignalSpy ready(&pop, &ScreenPopModel::resultReady);
        pop.lookup(u" withheld "_s);
        QCOMPARE(ready.size(), 1); // at once: nothing to look up
        QCOMPARE(pop.state(), u"none"_s);
        QVERIFY(!pop.numberValid());
        QCOMPARE(pop.numberText(), u"withheld"_s);
        QCOMPARE(pop.number(), u"withheld"_s);
    }

    void aNewerLookupWins()
    {
        ScreenPopModel pop;
        pop.setCacheWorker(&m_cache->worker());
        QSignalSpy ready(&pop, &ScreenPopModel::resultReady);
        pop.lookup(u"01752 123456"_s);
        pop.lookup(u"07700 900123"_s);
        QTRY_COMPARE(ready.size(), 1);
        QTest::qWait(100); // the first answer arrives too, and is dropped
        QCOMPARE(ready.size(), 1);
        QCOMPARE(pop.state(), u"one"_s);
        QCOMPARE(pop.singleCustomerId(), customerUuid(1).toString(QUuid::WithoutBraces));
    }

private:
    std::unique_ptr<UiTestCache> m_cache;
};

QTEST_MAIN(tst_ScreenPopModel)
#include "tst_ScreenPopModel.moc"
