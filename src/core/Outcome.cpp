#include "core/Outcome.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

QString outcomeKey(Outcome outcome)
{
    switch (outcome) {
    case Outcome::ResolvedAtFirstContact:
        return u"resolved"_s;
    case Outcome::RequestRaised:
        return u"request_raised"_s;
    case Outcome::AppointmentBooked:
        return u"appointment_booked"_s;
    case Outcome::Signposted:
        return u"signposted"_s;
    case Outcome::Transferred:
        return u"transferred"_s;
    case Outcome::AssistedSelfService:
        return u"assisted_self_service"_s;
    case Outcome::NoAction:
        return u"no_action"_s;
    }
    return {};
}

std::optional<Outcome> outcomeFromKey(QStringView key)
{
    for (Outcome outcome : allOutcomes()) {
        if (key == outcomeKey(outcome))
            return outcome;
    }
    return std::nullopt;
}

QString outcomeDisplayName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::ResolvedAtFirstContact:
        return QCoreApplication::translate("fc::Outcome", "Resolved at first contact");
    case Outcome::RequestRaised:
        return QCoreApplication::translate("fc::Outcome", "Request raised");
    case Outcome::AppointmentBooked:
        return QCoreApplication::translate("fc::Outcome", "Appointment booked");
    case Outcome::Signposted:
        return QCoreApplication::translate("fc::Outcome", "Signposted");
    case Outcome::Transferred:
        return QCoreApplication::translate("fc::Outcome", "Transferred");
    case Outcome::AssistedSelfService:
        return QCoreApplication::translate("fc::Outcome", "Assisted self-service");
    case Outcome::NoAction:
        return QCoreApplication::translate("fc::Outcome", "No action or abandoned");
    }
    return {};
}

QList<Outcome> allOutcomes()
{
    return { Outcome::ResolvedAtFirstContact,
             Outcome::RequestRaised,
             Outcome::AppointmentBooked,
             Outcome::Signposted,
             Outcome::Transferred,
             Outcome::AssistedSelfService,
             Outcome::NoAction };
}

} // namespace fc
