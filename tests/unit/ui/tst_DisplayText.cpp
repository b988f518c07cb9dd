// How the workstation writes dates, ages and addresses: UK day/month/year, the council's clock, ages that
// turn on the birthday (29 February on 1 March), addresses with empty parts left out.

#include "ui/DisplayText.h"

#include <QTest>
#include <QTimeZone>

using namespace fc;
using namespace Qt::StringLiterals;

class tst_DisplayText : public QObject {
    Q_OBJECT

private slots:
    void datesAreDayMonthYear()
    {
        QCOMPARE(ukDateText(QDate(1984, 3, 12)), u"12/03/1984"_s);
        QCOMPARE(ukDateText(QDate()), QString());
    }

    void timesAreShownOnTheCouncilsClock()
    {
        // 23:30 UTC in summer is 00:30 the next day in London; in winter London is on UTC.
        QCOMPARE(ukDateTimeText(QDateTime(QDate(2026, 7, 1), QTime(23, 30), QTimeZone::utc())), u"02/07/2026 00:30"_s);
        QCOMPARE(ukDateTimeText(QDateTime(QDate(2026, 1, 1), QTime(23, 30), QTimeZone::utc())), u"01/01/2026 23:30"_s);
        QCOMPARE(councilDate(QDateTime(QDate(2026, 7, 1), QTime(23, 30), QTimeZone::utc())), QDate(2026, 7, 2));
        QCOMPARE(ukDateTimeText(QDateTime()), QString());
    }

    void ageTurnsOnTheBirthday_data()
    {
        QTest::addColumn<QDate>("born");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("age");
        QTest::newRow("day before") << QDate(1984, 3, 12) << QDate(2026, 3, 11) << 41;
        QTest::newRow("birthday") << QDate(1984, 3, 12) << QDate(2026, 3, 12) << 42;
        QTest::newRow("later in the year") << QDate(1984, 3, 12) << QDate(2026, 12, 31) << 42;
        QTest::newRow("earlier month") << QDate(1984, 3, 12) << QDate(2026, 2, 28) << 41;
        QTest::newRow("leapling on 28 February") << QDate(2004, 2, 29) << QDate(2025, 2, 28) << 20;
        QTest::newRow("leapling on 1 March") << QDate(2004, 2, 29) << QDate(2025, 3, 1) << 21;
        QTest::newRow("leapling in a leap year") << QDate(2004, 2, 29) << QDate(2024, 2, 29) << 20;
        QTest::newRow("born today") << QDate(2026, 3, 12) << QDate(2026, 3, 12) << 0;
        QTest::newRow("born tomorrow") << QDate(2026, 3, 13) << QDate(2026, 3, 12) << -1;
        QTest::newRow("unknown") << QDate() << QDate(2026, 3, 12) << -1;
    }
    void ageTurnsOnTheBirthday()
    {
        QFETCH(QDate, born);
        QFETCH(QDate, today);
        QFETCH(int, age);
        QCOMPARE(ageInYears(born, today), age);
    }

    void addressesLeaveEmptyPartsOut()
    {
        PostalAddress a;
        a.line1 = u"Flat 3, Harbour House"_s;
        a.town = u"Plymouth"_s;
        a.postcode = u"PL1 2AA"_s;
        QCOMPARE(addressOneLine(a), u"Flat 3, Harbour House, Plymouth, PL1 2AA"_s);
        a.line2 = u"  Stonehouse "_s;
        QCOMPARE(addressOneLine(a), u"Flat 3, Harbour House, Stonehouse, Plymouth, PL1 2AA"_s);
        QCOMPARE(addressOneLine(u"12 Mill Road"_s, QString()), u"12 Mill Road"_s);
        QCOMPARE(addressOneLine(QString(), u"PL1 2AA"_s), u"PL1 2AA"_s);
    }
};

QTEST_GUILESS_MAIN(tst_DisplayText)
#include "tst_DisplayText.moc"
