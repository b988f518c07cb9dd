#pragma once

// Repeat contacts and first-contact resolution, computed the one documented way (docs/METRICS.md):
// the same customer about the same service within a window of working days is the same matter again.

#include "core/Case.h"
#include "core/Contact.h"
#include "core/Demand.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace fc {

/// The window in which a second contact about the same matter counts as a repeat (default 10 working
/// days, as councils reporting NI14 commonly use).
constexpr int kDefaultRepeatWindowWorkingDays = 10;

/// Working days after `from` up to and including `to` (0 for the same day or an earlier `to`); Monday
/// to Friday when no calendar is given.
int workingDaysBetween(QDate from, QDate to, const WorkingCalendar *calendar);

/// An earlier contact that makes the one under way a repeat.
struct RepeatContactMatch {
    Contact previous;
    int workingDaysAgo = 0;
    /// What the repeat probably is: chasing progress while a request of that service is still open,
    /// otherwise not resolved last time. The agent confirms or changes it at wrap-up.
    FailureKind suggestedKind = FailureKind::NotResolvedLastTime;
};

/// The latest wrapped-up contact of `history` about `service` that started within the window before
/// `now` (the customer's own contacts: the caller passes only theirs). `openCases` are the customer's
/// open cases. nullopt when there is none, or no service yet.
std::optional<RepeatContactMatch> findRepeatContact(const QList<Contact> &history, const QList<Case> &openCases,
                                                    const QString &service, const QDateTime &now,
                                                    const WorkingCalendar *calendar,
                                                    int windowWorkingDays = kDefaultRepeatWindowWorkingDays);

/// Outcomes that settle the resident's need at the contact: everything but a transfer and no action.
bool isResolvingOutcome(Outcome outcome);

/// Where one counted contact stands for first-contact resolution.
enum class FcrStatus {
    ResolvedFirstTime, // a first contact about its matter, resolving, and no repeat within the window
    NotResolved, // a first contact that did not resolve, or was followed by a repeat
    Pending, // a first contact whose window is still open and not repeated yet
    Repeat, // not a first contact: the same matter again within the window
    NotCounted, // anonymous (a repeat cannot be seen), not wrapped up, or replaced by a correction
};

struct FcrFigures {
    int contacts = 0; // every wrapped-up contact counted, anonymous ones too
    int anonymous = 0;
    int matters = 0; // first contacts about a matter (known customers)
    int resolvedFirstTime = 0;
    int pending = 0;
    int repeats = 0;
    int failureDemand = 0; // contacts the agent classified as failure demand

    /// resolvedFirstTime / (matters - pending) as a percentage; nullopt when nothing is settled yet.
    std::optional<double> fcrPercent() const;
    /// repeats / contacts about known customers, as a percentage.
    std::optional<double> repeatPercent() const;
    /// failureDemand / contacts, as a percentage.
    std::optional<double> failureDemandPercent() const;
};

struct FcrAssessment {
    QList<FcrStatus> statuses; // one per input contact, in input order
    FcrFigures figures;
};

/// Judges every contact (any order; all customers) as docs/METRICS.md defines, at `now`.
FcrAssessment assessFirstContactResolution(const QList<Contact> &contacts, const QDateTime &now,
                                           const WorkingCalendar *calendar,
                                           int windowWorkingDays = kDefaultRepeatWindowWorkingDays);

} // namespace fc
