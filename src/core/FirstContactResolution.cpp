#include "core/FirstContactResolution.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace fc {

namespace {

QDate localDate(const QDateTime &utc, const WorkingCalendar *calendar)
{
    return calendar ? utc.toTimeZone(calendar->timeZone()).date() : utc.toUTC().date();
}

bool isWorkingDay(QDate date, const WorkingCalendar *calendar)
{
    return calendar ? calendar->isWorkingDay(date) : date.dayOfWeek() <= 5;
}

std::optional<double> percent(int part, int whole)
{
    if (whole <= 0)
        return std::nullopt;
    return 100.0 * part / whole;
}

} // namespace

int workingDaysBetween(QDate from, QDate to, const WorkingCalendar *calendar)
{
    int days = 0;
    for (QDate d = from.addDays(1); d <= to; d = d.addDays(1)) {
        if (isWorkingDay(d, calendar))
            ++days;
    }
    return days;
}

std::optional<RepeatContactMatch> findRepeatContact(const QList<Contact> &history, const QList<Case> &openCases,
                                                    const QString &service, const QDateTime &now,
                                                    const WorkingCalendar *calendar, int windowWorkingDays)
{
    if (service.isEmpty())
        return std::nullopt;
    const QDate today = localDate(now, calendar);
    const Contact *latest = nullptr;
    for (const Contact &c : history) {
        if (!c.isWrappedUp() || c.service != service || c.startedAt > now)
            continue;
        if (workingDaysBetween(localDate(c.startedAt, calendar), today, calendar) > windowWorkingDays)
            continue;
        if (!latest || c.startedAt > latest->startedAt)
            latest = &c;
    }
    if (!latest)
        return std::nullopt;
    RepeatContactMatch match;
    match.previous = *latest;
    match.workingDaysAgo = workingDaysBetween(localDate(latest->startedAt, calendar), today, calendar);
    const bool stillOpen = std::any_of(openCases.cbegin(), openCases.cend(),
                                       [&](const Case &k) { return k.service == service && isOpen(k.status); });
    match.suggestedKind = stillOpen ? FailureKind::ChasingProgress : FailureKind::NotResolvedLastTime;
    return match;
}

bool isResolvingOutcome(Outcome outcome)
{
    return outcome != Outcome::Transferred && outcome != Outcome::NoAction;
}

std::optional<double> FcrFigures::fcrPercent() const
{
    return percent(resolvedFirstTime, matters - pending);
}

std::optional<double> FcrFigures::repeatPercent() const
{
    return percent(repeats, contacts - anonymous);
}

std::optional<double> FcrFigures::failureDemandPercent() const
{
    return percent(failureDemand, contacts);
}

FcrAssessment assessFirstContactResolution(const QList<Contact> &contacts, const QDateTime &now,
                                           const WorkingCalendar *calendar, int windowWorkingDays)
{
    FcrAssessment out;
    out.statuses.fill(FcrStatus::NotCounted, contacts.size());
    QSet<QUuid> corrected;
    for (const Contact &c : contacts) {
        if (!c.correctsContactId.isNull())
            corrected.insert(c.correctsContactId);
    }

    // Each known customer's contacts by service, in time order.
    QHash<QString, QList<qsizetype>> matters;
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        const Contact &c = contacts.at(i);
        if (!c.isWrappedUp() || corrected.contains(c.id))
            continue;
        ++out.figures.contacts;
        if (c.demand.isFailure())
            ++out.figures.failureDemand;
        if (c.isAnonymous()) {
            ++out.figures.anonymous;
            continue;
        }
        matters[c.customerId.toString() + u'/' + c.service].append(i);
    }
    const QDate today = localDate(now, calendar);
    for (QList<qsizetype> &indexes : matters) {
        std::sort(indexes.begin(), indexes.end(),
                  [&](qsizetype a, qsizetype b) { return contacts.at(a).startedAt < contacts.at(b).startedAt; });
        qsizetype first = -1; // the contact that opened the matter now running
        QDate lastDay;
        for (qsizetype k = 0; k < indexes.size(); ++k) {
            const qsizetype i = indexes.at(k);
            const QDate day = localDate(contacts.at(i).startedAt, calendar);
            const bool repeat = first >= 0 && workingDaysBetween(lastDay, day, calendar) <= windowWorkingDays;
            if (repeat) {
                out.statuses[i] = FcrStatus::Repeat;
                out.statuses[first] = FcrStatus::NotResolved; // the matter came back
                ++out.figures.repeats;
            } else {
                first = i;
                const Contact &c = contacts.at(i);
                const bool windowOpen = workingDaysBetween(day, today, calendar) < windowWorkingDays;
                out.statuses[i] = !isResolvingOutcome(*c.outcome) ? FcrStatus::NotResolved
                    : windowOpen                                  ? FcrStatus::Pending
                                                                  : FcrStatus::ResolvedFirstTime;
                ++out.figures.matters;
            }
            lastDay = day;
        }
    }
    for (FcrStatus status : std::as_const(out.statuses)) {
        if (status == FcrStatus::ResolvedFirstTime)
            ++out.figures.resolvedFirstTime;
        else if (status == FcrStatus::Pending)
            ++out.figures.pending;
    }
    return out;
}

} // namespace fc
