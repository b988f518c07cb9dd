#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace fc {

/// What a contact ended in (DESIGN.md "contact" / issue 3).
enum class Outcome {
    ResolvedAtFirstContact,
    RequestRaised,
    AppointmentBooked,
    Signposted, // to whom is recorded on the contact (Contact::signpostedTo)
    Transferred,
    AssistedSelfService,
    NoAction, // no action needed, or abandoned
};

QString outcomeKey(Outcome outcome); // "resolved", "request_raised", ...
std::optional<Outcome> outcomeFromKey(QStringView key);
QString outcomeDisplayName(Outcome outcome);
QList<Outcome> allOutcomes();

} // namespace fc
