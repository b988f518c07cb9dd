#pragma once

// Working days and hours in the council's time zone, with one UK jurisdiction's bank holidays.

#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace fc {

/// The UK's three bank holiday calendars.
enum class Jurisdiction { EnglandAndWales, Scotland, NorthernIreland };

/// Stable key, also the name of the built-in data file: "england-and-wales", "scotland", "northern-ireland".
QString jurisdictionKey(Jurisdiction jurisdiction);
std::optional<Jurisdiction> jurisdictionFromKey(QStringView key);
/// Translated name for people ("England and Wales").
QString jurisdictionDisplayName(Jurisdiction jurisdiction);
QList<Jurisdiction> allJurisdictions();

struct BankHoliday {
    QDate date;
    QString name; // as written in the data file, e.g. "Boxing Day (substitute day)"

    friend bool operator==(const BankHoliday &, const BankHoliday &) = default;
};

/// The council's office day, in local time. A request raised at or after the cut-off counts from the
/// next working day, so an agent never promises "today" for work the back office cannot start.
struct WorkingHours {
    QTime start { 9, 0 };
    QTime end { 17, 0 };
    QTime cutOff { 16, 0 };

    friend bool operator==(const WorkingHours &, const WorkingHours &) = default;
};

/// Says which instants are working time (Monday to Friday, not a bank holiday, within WorkingHours in
/// the council's time zone) and counts working days and seconds; callers pass and get UTC instants.
/// Days outside the years the bank holiday data covers count as working days unless at a weekend.
class WorkingCalendar {
public:
    /// The built-in calendar for a jurisdiction (compiled in as a Qt resource), in Europe/London.
    static Result<WorkingCalendar> forJurisdiction(Jurisdiction jurisdiction);
    /// A calendar from a bank holiday file in the format of resources/calendars/*.txt.
    static Result<WorkingCalendar> fromFile(const QString &path);
    /// As fromFile, from text already read; sourceName is used in error messages.
    static Result<WorkingCalendar> fromText(QStringView text, const QString &sourceName);

    const QTimeZone &timeZone() const { return m_zone; }
    Status setTimeZone(const QTimeZone &zone);
    const WorkingHours &hours() const { return m_hours; }
    /// Requires start < cutOff <= end, so a request raised before the cut-off has some of its day left.
    Status setHours(const WorkingHours &hours);

    QList<BankHoliday> bankHolidays() const;
    bool isBankHoliday(QDate date) const { return m_holidays.contains(date); }
    /// Empty when the date is not a bank holiday.
    QString bankHolidayName(QDate date) const { return m_holidays.value(date); }
    /// First and last calendar years with a bank holiday in the data.
    int firstYear() const;
    int lastYear() const;
    bool covers(QDate date) const { return date.year() >= firstYear() && date.year() <= lastYear(); }

    bool isWorkingDay(QDate date) const;
    /// The first working day strictly after the given date.
    QDate nextWorkingDay(QDate date) const;
    /// The date `days` working days after the given date (the date itself when days is 0).
    QDate addWorkingDays(QDate date, int days) const;
    /// The working day a request raised at this instant counts from (see WorkingHours::cutOff).
    QDate startDay(const QDateTime &raisedAt) const;
    QDateTime startOfWorkingDay(QDate date) const; // UTC
    QDateTime endOfWorkingDay(QDate date) const; // UTC

    /// End of the working day `workingDays` working days after the start day; 0 means end of the
    /// start day. Fails for an invalid instant or a day count outside 0..maxWorkingDays.
    Result<QDateTime> promisedBy(const QDateTime &raisedAt, int workingDays) const;
    static constexpr int maxWorkingDays = 1000;

    /// Seconds of working time in [from, to); 0 when `to` is not after `from`.
    qint64 workingSecondsBetween(const QDateTime &from, const QDateTime &to) const;

private:
    WorkingCalendar() = default;

    QMap<QDate, QString> m_holidays;
    QTimeZone m_zone;
    WorkingHours m_hours;
};

} // namespace fc
