#pragma once

// How the workstation writes dates, ages and addresses for a UK agent.

#include "core/Customer.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <memory>

namespace fc {

/// Europe/London: the council's clock, whatever the desktop is set to.
QTimeZone councilTimeZone();
/// The calendar day an instant falls on in the council's time zone.
QDate councilDate(const QDateTime &instant);
/// The council's working calendar (England and Wales bank holidays, Europe/London), read once and
/// shared, read-only, by every model and cache job; null if the built-in data cannot be read.
std::shared_ptr<const WorkingCalendar> councilCalendar();

/// "12/03/1984"; empty for a null date.
QString ukDateText(QDate date);
/// "12/03/2026 14:05" in the council's time zone; empty for an invalid instant.
QString ukDateTimeText(const QDateTime &instant);

/// Whole years from the date of birth to `today` (a 29 February birthday counts from 1 March in other
/// years, as UK law has it); -1 when either date is unknown or the birth date is after today.
int ageInYears(QDate dateOfBirth, QDate today);

/// The address on one line, empty parts left out: "Flat 3, Harbour House, Stonehouse, Plymouth, PL1 2AA".
QString addressOneLine(const PostalAddress &address);
/// "12 Mill Road, PL1 2AA": a list row's first line and postcode.
QString addressOneLine(const QString &line1, const QString &postcode);

} // namespace fc
