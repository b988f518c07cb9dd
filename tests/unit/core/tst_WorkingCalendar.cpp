#include "core/WorkingCalendar.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <initializer_list>
#include <map>

using namespace Qt::StringLiterals;
using fc::Jurisdiction;
using fc::WorkingCalendar;

Q_DECLARE_METATYPE(fc::WorkingHours)

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

Jurisdiction jurisdiction(const QString &key)
{
    return fc::jurisdictionFromKey(key).value();
}

// Easter Sunday by Carter's method (valid 1900-2099), deliberately not the algorithm used to write
// the data files, so the check is independent of how they were made.
QDate easterSunday(int year)
{
    int d = 225 - 11 * (year % 19);
    while (d > 50)
        d -= 30;
    if (d > 48)
        --d;
    const int e = (year + year / 4 + d + 1) % 7;
    const int q = d + 7 - e;
    return q < 32 ? QDate(year, 3, q) : QDate(year, 4, q - 31);
}

bool atWeekend(QDate date)
{
    return date.dayOfWeek() >= 6;
}

QDate firstMonday(int year, int month)
{
    QDate date(year, month, 1);
    while (date.dayOfWeek() != 1)
        date = date.addDays(1);
    return date;
}

QDate lastMonday(int year, int month)
{
    QDate date = QDate(year, month, 1).addMonths(1).addDays(-1);
    while (date.dayOfWeek() != 1)
        date = date.addDays(-1);
    return date;
}

// Bank holidays by the published rules (gov.uk/bank-holidays) and the one-offs of 2020-2023.
QList<QDate> expectedHolidays(Jurisdiction where, int year)
{
    QSet<QDate> days;
    // Fixed dates on weekdays stay; each on a weekend moves to the next weekday not already taken.
    const auto fixed = [&days](std::initializer_list<QDate> dates) {
        for (QDate date : dates) {
            if (!atWeekend(date))
                days.insert(date);
        }
        for (QDate date : dates) {
            if (!atWeekend(date))
                continue;
            QDate substitute = date;
            while (atWeekend(substitute) || days.contains(substitute))
                substitute = substitute.addDays(1);
            days.insert(substitute);
        }
    };

    if (where == Jurisdiction::Scotland)
        fixed({ QDate(year, 1, 1), QDate(year, 1, 2) });
    else
        fixed({ QDate(year, 1, 1) });
    if (where == Jurisdiction::NorthernIreland)
        fixed({ QDate(year, 3, 17) });

    const QDate easter = easterSunday(year);
    days.insert(easter.addDays(-2));
    if (where != Jurisdiction::Scotland)
        days.insert(easter.addDays(1));

    days.insert(year == 2020 ? QDate(2020, 5, 8) : firstMonday(year, 5)); // VE Day 75 moved it
    if (year == 2023)
        days.insert(QDate(2023, 5, 8)); // coronation
    if (year == 2022) {
        days.insert(QDate(2022, 6, 2)); // Spring bank holiday moved for the Platinum Jubilee
        days.insert(QDate(2022, 6, 3));
        days.insert(QDate(2022, 9, 19)); // state funeral
    } else {
        days.insert(lastMonday(year, 5));
    }

    if (where == Jurisdiction::NorthernIreland)
        fixed({ QDate(year, 7, 12) });
    days.insert(where == Jurisdiction::Scotland ? firstMonday(year, 8) : lastMonday(year, 8));
    if (where == Jurisdiction::Scotland)
        fixed({ QDate(year, 11, 30) });
    fixed({ QDate(year, 12, 25), QDate(year, 12, 26) });

    QList<QDate> sorted(days.cbegin(), days.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

} // namespace

class tst_WorkingCalendar : public QObject {
    Q_OBJECT

private:
    std::map<QString, WorkingCalendar> m_calendars;

    const WorkingCalendar &calendar(const QString &key) const { return m_calendars.at(key); }

private slots:
    void initTestCase()
    {
        for (Jurisdiction where : fc::allJurisdictions()) {
            auto loaded = WorkingCalendar::forJurisdiction(where);
            QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
            m_calendars.emplace(fc::jurisdictionKey(where), std::move(loaded).value());
        }
    }

    void jurisdictionKeysRoundTrip()
    {
        for (Jurisdiction where : fc::allJurisdictions())
            QCOMPARE(fc::jurisdictionFromKey(fc::jurisdictionKey(where)), std::optional<Jurisdiction>(where));
        QCOMPARE(fc::jurisdictionKey(Jurisdiction::NorthernIreland), u"northern-ireland"_s);
        QCOMPARE(fc::jurisdictionDisplayName(Jurisdiction::EnglandAndWales), u"England and Wales"_s);
        QVERIFY(!fc::jurisdictionFromKey(u"wales").has_value());
    }

    void builtInCalendarsCover2020To2030()
    {
        for (Jurisdiction where : fc::allJurisdictions()) {
            const auto loaded = WorkingCalendar::forJurisdiction(where);
            QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
            QCOMPARE(loaded->firstYear(), 2020);
            QCOMPARE(loaded->lastYear(), 2030);
            QCOMPARE(loaded->timeZone().id(), QByteArrayLiteral("Europe/London"));
            QCOMPARE(loaded->hours(), fc::WorkingHours {});
        }
    }

    void easterAlgorithmMatchesKnownDates_data()
    {
        QTest::addColumn<QDate>("easter");
        for (QDate date : { QDate(2020, 4, 12), QDate(2022, 4, 17), QDate(2024, 3, 31), QDate(2025, 4, 20),
                            QDate(2026, 4, 5), QDate(2027, 3, 28), QDate(2030, 4, 21) })
            QTest::newRow(qPrintable(date.toString(Qt::ISODate))) << date;
    }
    void easterAlgorithmMatchesKnownDates()
    {
        QFETCH(QDate, easter);
        QCOMPARE(easterSunday(easter.year()), easter);
    }

    void easterHolidaysAreInEveryYear_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<bool>("easterMonday");
        QTest::newRow("england-and-wales") << u"england-and-wales"_s << true;
        QTest::newRow("scotland") << u"scotland"_s << false; // Good Friday only
        QTest::newRow("northern-ireland") << u"northern-ireland"_s << true;
    }
    void easterHolidaysAreInEveryYear()
    {
        QFETCH(QString, where);
        QFETCH(bool, easterMonday);
        const WorkingCalendar cal = calendar(where);
        for (int year = cal.firstYear(); year <= cal.lastYear(); ++year) {
            const QDate easter = easterSunday(year);
            QVERIFY2(cal.isBankHoliday(easter.addDays(-2)), qPrintable(u"Good Friday %1"_s.arg(year)));
            QCOMPARE(cal.bankHolidayName(easter.addDays(-2)), u"Good Friday"_s);
            QCOMPARE(cal.isBankHoliday(easter.addDays(1)), easterMonday);
        }
    }

    void dataFilesFollowTheRules_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<int>("year");
        for (Jurisdiction where : fc::allJurisdictions()) {
            for (int year = 2020; year <= 2030; ++year) {
                const QString key = fc::jurisdictionKey(where);
                QTest::addRow("%s %d", qPrintable(key), year) << key << year;
            }
        }
    }
    void dataFilesFollowTheRules()
    {
        QFETCH(QString, where);
        QFETCH(int, year);
        QList<QDate> listed;
        for (const fc::BankHoliday &holiday : calendar(where).bankHolidays()) {
            if (holiday.date.year() == year)
                listed.append(holiday.date);
        }
        QCOMPARE(listed, expectedHolidays(jurisdiction(where), year));
    }

    void knownBankHolidays_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("holiday");
        const QString ew = u"england-and-wales"_s, sc = u"scotland"_s, ni = u"northern-ireland"_s;
        const auto row = [](const QString &where, QDate date, bool holiday) {
            QTest::addRow("%s %s", qPrintable(where), qPrintable(date.toString(Qt::ISODate)))
                << where << date << holiday;
        };
        for (const QString &where : { ew, sc, ni }) {
            row(where, QDate(2025, 12, 25), true);
            row(where, QDate(2025, 12, 26), true);
            row(where, QDate(2026, 4, 3), true); // Good Friday
            row(where, QDate(2026, 5, 4), true); // Early May
            row(where, QDate(2026, 5, 25), true); // Spring
            row(where, QDate(2027, 12, 27), true); // Christmas Day (substitute day)
            row(where, QDate(2027, 12, 28), true); // Boxing Day (substitute day)
            row(where, QDate(2022, 6, 2), true); // Spring bank holiday moved
            row(where, QDate(2022, 6, 3), true); // Platinum Jubilee
            row(where, QDate(2022, 5, 30), false); // the usual Spring Monday, not that year
            row(where, QDate(2022, 9, 19), true); // state funeral
            row(where, QDate(2022, 12, 27), true); // Christmas on a Sunday: substitute after Boxing Day
            row(where, QDate(2023, 5, 8), true); // coronation
            row(where, QDate(2020, 5, 8), true); // VE Day
            row(where, QDate(2020, 5, 4), false);
            row(where, QDate(2026, 12, 28), true); // Boxing Day (substitute day)
        }
        row(ew, QDate(2026, 4, 6), true); // Easter Monday
        row(sc, QDate(2026, 4, 6), false);
        row(ni, QDate(2026, 4, 6), true);
        row(ew, QDate(2026, 8, 31), true);
        row(ni, QDate(2026, 8, 31), true);
        row(sc, QDate(2026, 8, 31), false);
        row(sc, QDate(2026, 8, 3), true);
        row(ew, QDate(2026, 8, 3), false);
        row(ni, QDate(2026, 7, 13), true); // Battle of the Boyne, 12 July a Sunday
        row(ew, QDate(2026, 7, 13), false);
        row(ni, QDate(2025, 7, 14), true); // 12 July a Saturday
        row(ni, QDate(2026, 3, 17), true); // St Patrick's Day
        row(ni, QDate(2024, 3, 18), true); // St Patrick's Day on a Sunday
        row(ew, QDate(2026, 3, 17), false);
        row(sc, QDate(2026, 1, 2), true);
        row(ew, QDate(2026, 1, 2), false);
        row(sc, QDate(2027, 1, 4), true); // 2 January a Saturday
        row(ew, QDate(2027, 1, 4), false);
        row(sc, QDate(2023, 1, 3), true); // 1 January a Sunday: 2nd Monday, substitute Tuesday
        row(ew, QDate(2023, 1, 3), false);
        row(sc, QDate(2025, 12, 1), true); // St Andrew's Day on a Sunday
        row(ew, QDate(2025, 12, 1), false);
        row(sc, QDate(2024, 12, 2), true); // St Andrew's Day on a Saturday
        row(sc, QDate(2026, 11, 30), true);
    }
    void knownBankHolidays()
    {
        QFETCH(QString, where);
        QFETCH(QDate, date);
        QFETCH(bool, holiday);
        const WorkingCalendar cal = calendar(where);
        QCOMPARE(cal.isBankHoliday(date), holiday);
        QCOMPARE(cal.isWorkingDay(date), !holiday);
    }

    void namesComeFromTheFile()
    {
        const WorkingCalendar cal = calendar(u"england-and-wales"_s);
        QCOMPARE(cal.bankHolidayName(QDate(2027, 12, 28)), u"Boxing Day (substitute day)"_s);
        QCOMPARE(cal.bankHolidayName(QDate(2023, 5, 8)), u"Bank holiday for the coronation of King Charles III"_s);
        QCOMPARE(cal.bankHolidayName(QDate(2026, 1, 5)), QString());
    }

    void yearsBeyondTheDataCountOnlyWeekends()
    {
        const WorkingCalendar cal = calendar(u"england-and-wales"_s);
        QVERIFY(cal.covers(QDate(2030, 12, 31)));
        QVERIFY(!cal.covers(QDate(2031, 1, 1)));
        QVERIFY(cal.isWorkingDay(QDate(2031, 1, 1))); // a Wednesday nobody has listed yet
        QVERIFY(!cal.isWorkingDay(QDate(2031, 1, 4)));
    }

    void loadsACouncilsOwnFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Byte order mark and Windows line ends, as a council editor might save them.
        const QString path = writeFile(dir, u"council.txt"_s,
                                       "\xEF\xBB\xBF# our calendar\r\n\r\n2026-06-15   Council foundation day \r\n"
                                       "2026-01-01 New Year's Day\r\n");
        QVERIFY(!path.isEmpty());
        const auto loaded = WorkingCalendar::fromFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        const QList<fc::BankHoliday> expected { { QDate(2026, 1, 1), u"New Year's Day"_s },
                                                { QDate(2026, 6, 15), u"Council foundation day"_s } };
        QCOMPARE(loaded->bankHolidays(), expected);
        QVERIFY(!loaded->isWorkingDay(QDate(2026, 6, 15)));
    }

    void rejectsMalformedFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message"); // %1 is the file's path
        QTest::newRow("not a date") << QByteArray("# header\n\n25/12/2025 Christmas Day\n")
                                    << u"calendar.malformed_line"_s
                                    << u"%1, line 3: expected a date (YYYY-MM-DD) and the holiday's name, "
                                       "found \"25/12/2025 Christmas Day\"."_s;
        QTest::newRow("date with a time")
            << QByteArray("2025-12-25T10:00 Christmas Day\n") << u"calendar.malformed_line"_s
            << u"%1, line 1: expected a date (YYYY-MM-DD) and the holiday's name, "
               "found \"2025-12-25T10:00 Christmas Day\"."_s;
        QTest::newRow("long line is shortened")
            << QByteArray("not a calendar: " + QByteArray(100, 'x') + "\n") << u"calendar.malformed_line"_s
            << u"%1, line 1: expected a date (YYYY-MM-DD) and the holiday's name, found \"not a calendar: "_s
                + QString(44, u'x') + u"\u2026\"."_s;
        QTest::newRow("no such day") << QByteArray("2026-01-01 New Year's Day\n2026-02-30 Leap\n")
                                     << u"calendar.invalid_date"_s
                                     << u"%1, line 2: 2026-02-30 is not a date in the calendar."_s;
        QTest::newRow("no name") << QByteArray("2026-01-01 New Year's Day\n# note\n2026-12-25   \n")
                                 << u"calendar.missing_name"_s
                                 << u"%1, line 3: the bank holiday on 2026-12-25 has no name."_s;
        QTest::newRow("listed twice") << QByteArray("2026-12-25 Christmas Day\n2026-12-25 Christmas\n")
                                      << u"calendar.duplicate_date"_s
                                      << u"%1, line 2: 2026-12-25 is listed more than once."_s;
        QTest::newRow("only comments") << QByteArray("# nothing yet\n\n") << u"calendar.empty"_s
                                       << u"%1 lists no bank holidays."_s;
    }
    void rejectsMalformedFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeFile(dir, u"council.txt"_s, content);
        QVERIFY(!path.isEmpty());
        const auto loaded = WorkingCalendar::fromFile(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, code);
        QCOMPARE(loaded.error().message, message.arg(path));
    }

    void missingFileNamesThePath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"absent.txt"_s);
        const auto loaded = WorkingCalendar::fromFile(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, u"calendar.unreadable_file"_s);
        QVERIFY2(loaded.error().message.startsWith(u"Cannot read the bank holiday file "_s + path + u": "_s),
                 qPrintable(loaded.error().message));
    }

    void startDay_data()
    {
        QTest::addColumn<QDateTime>("raisedAt");
        QTest::addColumn<QDate>("start");
        QTest::newRow("before opening") << utc(2026, 1, 14, 7, 30) << QDate(2026, 1, 14);
        QTest::newRow("just before cut-off") << utc(2026, 1, 14, 15, 59, 59) << QDate(2026, 1, 14);
        QTest::newRow("at cut-off") << utc(2026, 1, 14, 16, 0) << QDate(2026, 1, 15);
        QTest::newRow("evening") << utc(2026, 1, 14, 22, 0) << QDate(2026, 1, 15);
        // 15:30 UTC is 16:30 BST: the cut-off is local time.
        QTest::newRow("after cut-off in summer time") << utc(2026, 6, 3, 15, 30) << QDate(2026, 6, 4);
        // 23:30 UTC on the 3rd is 00:30 BST on the 4th.
        QTest::newRow("after midnight local") << utc(2026, 6, 3, 23, 30) << QDate(2026, 6, 4);
        QTest::newRow("saturday") << utc(2026, 1, 10, 10, 0) << QDate(2026, 1, 12);
        QTest::newRow("friday after cut-off") << utc(2026, 1, 9, 16, 30) << QDate(2026, 1, 12);
        QTest::newRow("bank holiday") << utc(2026, 5, 4, 9, 0) << QDate(2026, 5, 5);
    }
    void startDay()
    {
        QFETCH(QDateTime, raisedAt);
        QFETCH(QDate, start);
        QCOMPARE(calendar(u"england-and-wales"_s).startDay(raisedAt), start);
    }

    void promisedBy_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QDateTime>("raisedAt");
        QTest::addColumn<int>("workingDays");
        QTest::addColumn<QDateTime>("promisedBy");
        const QString ew = u"england-and-wales"_s, sc = u"scotland"_s, ni = u"northern-ireland"_s;

        QTest::newRow("same day before cut-off") << ew << utc(2026, 1, 14, 15, 59, 59) << 0 << utc(2026, 1, 14, 17);
        QTest::newRow("same day at cut-off") << ew << utc(2026, 1, 14, 16, 0) << 0 << utc(2026, 1, 15, 17);
        QTest::newRow("ten days") << ew << utc(2026, 1, 12, 10) << 10 << utc(2026, 1, 26, 17);
        QTest::newRow("friday afternoon over the weekend") << ew << utc(2026, 1, 9, 14) << 1 << utc(2026, 1, 12, 17);
        QTest::newRow("friday after cut-off") << ew << utc(2026, 1, 9, 16, 30) << 1 << utc(2026, 1, 13, 17);
        QTest::newRow("raised on saturday") << ew << utc(2026, 1, 10, 10) << 0 << utc(2026, 1, 12, 17);

        QTest::newRow("christmas and boxing day") << ew << utc(2025, 12, 24, 10) << 1 << utc(2025, 12, 29, 17);
        QTest::newRow("christmas eve after cut-off") << ew << utc(2025, 12, 24, 16, 30) << 0 << utc(2025, 12, 29, 17);
        QTest::newRow("2027 substitute days") << ew << utc(2027, 12, 24, 10) << 1 << utc(2027, 12, 29, 17);
        QTest::newRow("new year england") << ew << utc(2025, 12, 31, 10) << 1 << utc(2026, 1, 2, 17);
        QTest::newRow("new year scotland") << sc << utc(2025, 12, 31, 10) << 1 << utc(2026, 1, 5, 17);
        QTest::newRow("2 january substitute england") << ew << utc(2026, 12, 31, 10) << 1 << utc(2027, 1, 4, 17);
        QTest::newRow("2 january substitute scotland") << sc << utc(2026, 12, 31, 10) << 1 << utc(2027, 1, 5, 17);
        QTest::newRow("st andrew's substitute england") << ew << utc(2025, 11, 28, 10) << 1 << utc(2025, 12, 1, 17);
        QTest::newRow("st andrew's substitute scotland") << sc << utc(2025, 11, 28, 10) << 1 << utc(2025, 12, 2, 17);

        // Easter 2026 is in summer time: 17:00 BST is 16:00 UTC.
        QTest::newRow("easter england") << ew << utc(2026, 4, 2, 9) << 1 << utc(2026, 4, 7, 16);
        QTest::newRow("easter scotland") << sc << utc(2026, 4, 2, 9) << 1 << utc(2026, 4, 6, 16);
        QTest::newRow("raised on good friday england") << ew << utc(2026, 4, 3, 9) << 0 << utc(2026, 4, 7, 16);
        QTest::newRow("raised on good friday scotland") << sc << utc(2026, 4, 3, 9) << 0 << utc(2026, 4, 6, 16);
        QTest::newRow("raised on early may bank holiday") << ew << utc(2026, 5, 4, 9) << 0 << utc(2026, 5, 5, 16);
        QTest::newRow("boyne england") << ew << utc(2026, 7, 10, 9) << 1 << utc(2026, 7, 13, 16);
        QTest::newRow("boyne northern ireland") << ni << utc(2026, 7, 10, 9) << 1 << utc(2026, 7, 14, 16);
        QTest::newRow("august england") << ew << utc(2026, 7, 31, 9) << 1 << utc(2026, 8, 3, 16);
        QTest::newRow("august scotland") << sc << utc(2026, 7, 31, 9) << 1 << utc(2026, 8, 4, 16);

        // Raised in GMT, promised in BST (clocks go forward Sunday 29 March 2026), and back again
        // (Sunday 25 October 2026).
        QTest::newRow("spring forward") << ew << utc(2026, 3, 27, 10) << 1 << utc(2026, 3, 30, 16);
        QTest::newRow("fall back") << ew << utc(2026, 10, 23, 9) << 1 << utc(2026, 10, 26, 17);
        QTest::newRow("summer cut-off is local") << ew << utc(2026, 6, 5, 15, 30) << 0 << utc(2026, 6, 8, 16);
        QTest::newRow("summer before cut-off") << ew << utc(2026, 6, 5, 14, 59, 59) << 0 << utc(2026, 6, 5, 16);
    }
    void promisedBy()
    {
        QFETCH(QString, where);
        QFETCH(QDateTime, raisedAt);
        QFETCH(int, workingDays);
        QFETCH(QDateTime, promisedBy);
        const auto promise = calendar(where).promisedBy(raisedAt, workingDays);
        QVERIFY(promise.ok());
        QCOMPARE(promise.value(), promisedBy);
        QCOMPARE(promise->timeSpec(), Qt::UTC);
    }

    void promisedByRejectsBadInput()
    {
        const WorkingCalendar cal = calendar(u"england-and-wales"_s);
        const auto noTime = cal.promisedBy(QDateTime(), 1);
        QVERIFY(!noTime.ok());
        QCOMPARE(noTime.error().code, u"calendar.invalid_time"_s);
        const auto negative = cal.promisedBy(utc(2026, 1, 12, 10), -1);
        QVERIFY(!negative.ok());
        QCOMPARE(negative.error().code, u"calendar.working_days_out_of_range"_s);
        QCOMPARE(negative.error().message, u"A promise must be between 0 and 1000 working days; -1 was given."_s);
        QVERIFY(!cal.promisedBy(utc(2026, 1, 12, 10), WorkingCalendar::maxWorkingDays + 1).ok());
        QVERIFY(cal.promisedBy(utc(2026, 1, 12, 10), WorkingCalendar::maxWorkingDays).ok());
    }

    void workingSecondsBetween_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<qint64>("seconds");
        const QString ew = u"england-and-wales"_s, sc = u"scotland"_s;
        constexpr qint64 hour = 3600;

        QTest::newRow("inside one day") << ew << utc(2026, 1, 14, 10) << utc(2026, 1, 14, 12, 30) << 2 * hour + 1800;
        QTest::newRow("clipped to opening hours") << ew << utc(2026, 1, 14, 7) << utc(2026, 1, 14, 19) << 8 * hour;
        QTest::newRow("a full week") << ew << utc(2026, 1, 12, 0) << utc(2026, 1, 19, 0) << 40 * hour;
        QTest::newRow("over a weekend") << ew << utc(2026, 1, 9, 15) << utc(2026, 1, 12, 11) << 4 * hour;
        QTest::newRow("over christmas") << ew << utc(2025, 12, 24, 13) << utc(2025, 12, 29, 13) << 8 * hour;
        QTest::newRow("bank holiday") << ew << utc(2026, 5, 4, 0) << utc(2026, 5, 5, 0) << qint64(0);
        QTest::newRow("2 january england") << ew << utc(2026, 1, 2, 0) << utc(2026, 1, 3, 0) << 8 * hour;
        QTest::newRow("2 january scotland") << sc << utc(2026, 1, 2, 0) << utc(2026, 1, 3, 0) << qint64(0);
        // 08:00-16:00 UTC is 09:00-17:00 BST.
        QTest::newRow("summer day") << ew << utc(2026, 6, 1, 8) << utc(2026, 6, 1, 16) << 8 * hour;
        QTest::newRow("summer evening") << ew << utc(2026, 6, 1, 16) << utc(2026, 6, 1, 17) << qint64(0);
        // Fri 13:00 GMT to Mon 11:00 BST: 4 h + 2 h, though 69 h pass on the clock.
        QTest::newRow("spring forward") << ew << utc(2026, 3, 27, 13) << utc(2026, 3, 30, 10) << 6 * hour;
        // Fri 15:00 BST to Mon 11:00 GMT: 2 h + 2 h.
        QTest::newRow("fall back") << ew << utc(2026, 10, 23, 14) << utc(2026, 10, 26, 11) << 4 * hour;
        QTest::newRow("backwards") << ew << utc(2026, 1, 14, 12) << utc(2026, 1, 14, 10) << qint64(0);
    }
    void workingSecondsBetween()
    {
        QFETCH(QString, where);
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QFETCH(qint64, seconds);
        QCOMPARE(calendar(where).workingSecondsBetween(from, to), seconds);
    }

    void councilHoursMoveThePromise()
    {
        WorkingCalendar cal = calendar(u"england-and-wales"_s);
        QVERIFY(cal.setHours({ QTime(8, 0), QTime(18, 0), QTime(17, 0) }).ok());
        // 16:30 is before this council's 17:00 cut-off, so the day counts; it ends at 18:00.
        QCOMPARE(cal.promisedBy(utc(2026, 1, 14, 16, 30), 0).value(), utc(2026, 1, 14, 18));
        QCOMPARE(cal.workingSecondsBetween(utc(2026, 1, 14, 0), utc(2026, 1, 15, 0)), qint64(10 * 3600));
    }

    void rejectsImpossibleHours_data()
    {
        QTest::addColumn<fc::WorkingHours>("hours");
        QTest::addColumn<QString>("code");
        QTest::newRow("ends before it starts")
            << fc::WorkingHours { QTime(17, 0), QTime(9, 0), QTime(16, 0) } << u"calendar.invalid_hours"_s;
        QTest::newRow("invalid time") << fc::WorkingHours { QTime(), QTime(17, 0), QTime(16, 0) }
                                      << u"calendar.invalid_hours"_s;
        QTest::newRow("cut-off after close")
            << fc::WorkingHours { QTime(9, 0), QTime(17, 0), QTime(17, 30) } << u"calendar.invalid_cut_off"_s;
        QTest::newRow("cut-off at opening")
            << fc::WorkingHours { QTime(9, 0), QTime(17, 0), QTime(9, 0) } << u"calendar.invalid_cut_off"_s;
    }
    void rejectsImpossibleHours()
    {
        QFETCH(fc::WorkingHours, hours);
        QFETCH(QString, code);
        WorkingCalendar cal = calendar(u"england-and-wales"_s);
        const fc::Status status = cal.setHours(hours);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, code);
        QCOMPARE(cal.hours(), fc::WorkingHours {}); // unchanged
    }
};

QTEST_GUILESS_MAIN(tst_WorkingCalendar)
#include "tst_WorkingCalendar.moc"
