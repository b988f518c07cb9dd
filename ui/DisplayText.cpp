#include "ui/DisplayText.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString joinNonEmpty(const QStringList &parts)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            kept.append(part.trimmed());
    }
    return kept.join(u", "_s);
}

} // namespace

QTimeZone councilTimeZone()
{
    static const QTimeZone london("Europe/London");
    return london.isValid() ? london : QTimeZone::utc();
}

std::shared_ptr<const WorkingCalendar> councilCalendar()
{
    static const std::shared_ptr<const WorkingCalendar> calendar = []() -> std::shared_ptr<const WorkingCalendar> {
        Result<WorkingCalendar> loaded = WorkingCalendar::forJurisdiction(Jurisdiction::EnglandAndWales);
        return loaded ? std::make_shared<const WorkingCalendar>(std::move(loaded).value()) : nullptr;
    }();
    return calendar;
}

QDate councilDate(const QDateTime &instant)
{
    return instant.isValid() ? instant.toTimeZone(councilTimeZone()).date() : QDate();
}

QString ukDateText(QDate date)
{
    return date.isValid() ? date.toString(u"dd/MM/yyyy"_s) : QString();
}

QString ukDateTimeText(const QDateTime &instant)
{
    return instant.isValid() ? instant.toTimeZone(councilTimeZone()).toString(u"dd/MM/yyyy HH:mm"_s) : QString();
}

int ageInYears(QDate dateOfBirth, QDate today)
{
    if (!dateOfBirth.isValid() || !today.isValid() || dateOfBirth > today)
        return -1;
    int years = today.year() - dateOfBirth.year();
    // Compared as (month, day): a 29 February birthday is not reached on 28 February.
    if (today.month() < dateOfBirth.month()
        || (today.month() == dateOfBirth.month() && today.day() < dateOfBirth.day()))
        --years;
    return years;
}

QString addressOneLine(const PostalAddress &address)
{
    return joinNonEmpty({ address.line1, address.line2, address.town, address.postcode });
}

QString addressOneLine(const QString &line1, const QString &postcode)
{
    return joinNonEmpty({ line1, postcode });
}

} // namespace fc
