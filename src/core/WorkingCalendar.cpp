#include "core/WorkingCalendar.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// Accepts exactly "YYYY-MM-DD": QDate::fromString alone would also take "2025-12-25T10:00".
std::optional<QDate> parseIsoDate(QStringView token, bool *shapedLikeDate)
{
    *shapedLikeDate = token.size() == 10 && token[4] == u'-' && token[7] == u'-'
        && std::all_of(token.begin(), token.end(), [](QChar c) { return c.isDigit() || c == u'-'; });
    if (!*shapedLikeDate)
        return std::nullopt;
    const QDate date = QDate::fromString(token.toString(), u"yyyy-MM-dd"_s);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

// Keeps an error readable when the file is not a calendar at all (a binary picked by mistake).
QString shortened(QStringView line)
{
    constexpr qsizetype limit = 60;
    return line.size() <= limit ? line.toString() : line.left(limit).toString() + u"\u2026"_s;
}

QTimeZone councilTimeZone()
{
    return QTimeZone(QByteArrayLiteral("Europe/London"));
}

} // namespace

QString jurisdictionKey(Jurisdiction jurisdiction)
{
    switch (jurisdiction) {
    case Jurisdiction::EnglandAndWales:
        return u"england-and-wales"_s;
    case Jurisdiction::Scotland:
        return u"scotland"_s;
    case Jurisdiction::NorthernIreland:
        return u"northern-ireland"_s;
    }
    return {};
}

std::optional<Jurisdiction> jurisdictionFromKey(QStringView key)
{
    for (Jurisdiction jurisdiction : allJurisdictions()) {
        if (key == jurisdictionKey(jurisdiction))
            return jurisdiction;
    }
    return std::nullopt;
}

QString jurisdictionDisplayName(Jurisdiction jurisdiction)
{
    switch (jurisdiction) {
    case Jurisdiction::EnglandAndWales:
        return QCoreApplication::translate("WorkingCalendar", "England and Wales");
    case Jurisdiction::Scotland:
        return QCoreApplication::translate("WorkingCalendar", "Scotland");
    case Jurisdiction::NorthernIreland:
        return QCoreApplication::translate("WorkingCalendar", "Northern Ireland");
    }
    return {};
}

QList<Jurisdiction> allJurisdictions()
{
    return { Jurisdiction::EnglandAndWales, Jurisdiction::Scotland, Jurisdiction::NorthernIreland };
}

Result<WorkingCalendar> WorkingCalendar::forJurisdiction(Jurisdiction jurisdiction)
{
    return fromFile(u":/calendars/"_s + jurisdictionKey(jurisdiction) + u".txt"_s);
}

Result<WorkingCalendar> WorkingCalendar::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(u"calendar.unreadable_file"_s,
                         QCoreApplication::translate("WorkingCalendar", "Cannot read the bank holiday file %1: %2.")
                             .arg(path, file.errorString()));
    }
    return fromText(QString::fromUtf8(file.readAll()), path);
}

Result<WorkingCalendar> WorkingCalendar::fromText(QStringView text, const QString &sourceName)
{
    WorkingCalendar calendar;
    calendar.m_zone = councilTimeZone();
    if (!calendar.m_zone.isValid()) {
        return makeError(
            u"calendar.time_zone_unavailable"_s,
            QCoreApplication::translate("WorkingCalendar",
                                        "The Europe/London time zone is not available on this computer; install the "
                                        "time zone data (tzdata)."));
    }

    // Windows editors may save the file with a byte order mark.
    if (text.startsWith(QChar(0xFEFF)))
        text = text.mid(1);

    int lineNumber = 0;
    for (QStringView rawLine : text.split(u'\n')) {
        ++lineNumber;
        const QStringView line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;

        qsizetype gap = 0;
        while (gap < line.size() && !line[gap].isSpace())
            ++gap;
        const QStringView token = line.left(gap);
        const QString name = line.mid(gap).trimmed().toString();

        bool shapedLikeDate = false;
        const std::optional<QDate> date = parseIsoDate(token, &shapedLikeDate);
        if (!shapedLikeDate) {
            return makeError(u"calendar.malformed_line"_s,
                             QCoreApplication::translate(
                                 "WorkingCalendar",
                                 "%1, line %2: expected a date (YYYY-MM-DD) and the holiday's name, found \"%3\".")
                                 .arg(sourceName, QString::number(lineNumber), shortened(line)));
        }
        if (!date) {
            return makeError(
                u"calendar.invalid_date"_s,
                QCoreApplication::translate("WorkingCalendar", "%1, line %2: %3 is not a date in the calendar.")
                    .arg(sourceName, QString::number(lineNumber), token.toString()));
        }
        if (name.isEmpty()) {
            return makeError(
                u"calendar.missing_name"_s,
                QCoreApplication::translate("WorkingCalendar", "%1, line %2: the bank holiday on %3 has no name.")
                    .arg(sourceName, QString::number(lineNumber), token.toString()));
        }
        if (calendar.m_holidays.contains(*date)) {
            return makeError(u"calendar.duplicate_date"_s,
                             QCoreApplication::translate("WorkingCalendar", "%1, line %2: %3 is listed more than once.")
                                 .arg(sourceName, QString::number(lineNumber), token.toString()));
        }
        calendar.m_holidays.insert(*date, name);
    }

    if (calendar.m_holidays.isEmpty()) {
        return makeError(u"calendar.empty"_s,
                         QCoreApplication::translate("WorkingCalendar", "%1 lists no bank holidays.").arg(sourceName));
    }
    return calendar;
}

Status WorkingCalendar::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid())
        return makeError(
            u"calendar.invalid_time_zone"_s,
            QCoreApplication::translate("WorkingCalendar", "The working calendar needs a valid time zone."));
    m_zone = zone;
    return {};
}

Status WorkingCalendar::setHours(const WorkingHours &hours)
{
    if (!hours.start.isValid() || !hours.end.isValid() || !hours.cutOff.isValid() || hours.start >= hours.end) {
        return makeError(u"calendar.invalid_hours"_s,
                         QCoreApplication::translate("WorkingCalendar", "The working day must start before it ends."));
    }
    if (hours.cutOff <= hours.start || hours.cutOff > hours.end) {
        return makeError(u"calendar.invalid_cut_off"_s,
                         QCoreApplication::translate(
                             "WorkingCalendar",
                             "The daily cut-off must be after the working day starts and no later than it ends."));
    }
    m_hours = hours;
    return {};
}

QList<BankHoliday> WorkingCalendar::bankHolidays() const
{
    QList<BankHoliday> holidays;
    holidays.reserve(m_holidays.size());
    for (auto it = m_holidays.cbegin(); it != m_holidays.cend(); ++it)
        holidays.append(BankHoliday { it.key(), it.value() });
    return holidays;
}

int WorkingCalendar::firstYear() const
{
    return m_holidays.firstKey().year();
}

int WorkingCalendar::lastYear() const
{
    return m_holidays.lastKey().year();
}

bool WorkingCalendar::isWorkingDay(QDate date) const
{
    return date.isValid() && date.dayOfWeek() <= 5 && !isBankHoliday(date);
}

QDate WorkingCalendar::nextWorkingDay(QDate date) const
{
    // Terminates: every week has five weekdays and the holiday list is finite.
    QDate next = date.addDays(1);
    while (!isWorkingDay(next))
        next = next.addDays(1);
    return next;
}

QDate WorkingCalendar::addWorkingDays(QDate date, int days) const
{
    QDate result = date;
    for (int i = 0; i < days; ++i)
        result = nextWorkingDay(result);
    return result;
}

QDate WorkingCalendar::startDay(const QDateTime &raisedAt) const
{
    const QDateTime local = raisedAt.toTimeZone(m_zone);
    const QDate day = local.date();
    if (isWorkingDay(day) && local.time() < m_hours.cutOff)
        return day;
    return nextWorkingDay(day);
}

QDateTime WorkingCalendar::startOfWorkingDay(QDate date) const
{
    return QDateTime(date, m_hours.start, m_zone).toUTC();
}

QDateTime WorkingCalendar::endOfWorkingDay(QDate date) const
{
    return QDateTime(date, m_hours.end, m_zone).toUTC();
}

Result<QDateTime> WorkingCalendar::promisedBy(const QDateTime &raisedAt, int workingDays) const
{
    if (!raisedAt.isValid()) {
        return makeError(u"calendar.invalid_time"_s,
                         QCoreApplication::translate("WorkingCalendar",
                                                     "A promised-by date needs the time the request was raised."));
    }
    if (workingDays < 0 || workingDays > maxWorkingDays) {
        return makeError(u"calendar.working_days_out_of_range"_s,
                         QCoreApplication::translate("WorkingCalendar",
                                                     "A promise must be between 0 and %1 working days; %2 was given.")
                             .arg(QString::number(maxWorkingDays), QString::number(workingDays)));
    }
    return endOfWorkingDay(addWorkingDays(startDay(raisedAt), workingDays));
}

qint64 WorkingCalendar::workingSecondsBetween(const QDateTime &from, const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return 0;

    // Day by day in local time, so each day's opening hours are converted to UTC with that day's
    // offset: a span across a clock change counts the same eight hours a day as any other.
    qint64 msecs = 0;
    const QDate last = to.toTimeZone(m_zone).date();
    for (QDate day = from.toTimeZone(m_zone).date(); day <= last; day = day.addDays(1)) {
        if (!isWorkingDay(day))
            continue;
        const QDateTime open = std::max(startOfWorkingDay(day), from);
        const QDateTime close = std::min(endOfWorkingDay(day), to);
        if (open < close)
            msecs += open.msecsTo(close);
    }
    return msecs / 1000;
}

} // namespace fc
