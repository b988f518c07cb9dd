#pragma once

// A request type's promise: how many working days we give ourselves and when it counts as at risk.

#include "core/Result.h"

#include <QDateTime>
#include <QString>

namespace fc {

class WorkingCalendar;
struct RequestType;

/// Where an open request stands against its promised-by date.
enum class RiskLevel {
    OnTrack,
    AtRisk, // less than the rule's share of its working time left
    Breached, // past the promised-by instant
};

/// Stable key used in storage and on the wire: "on_track", "at_risk", "breached".
QString riskLevelKey(RiskLevel level);
/// Translated name for people ("At risk").
QString riskLevelDisplayName(RiskLevel level);

/// Turns a request type's working-day promise into a promised-by instant and judges an open
/// request against it, on a WorkingCalendar.
class PromiseRule {
public:
    static constexpr double defaultAtRiskShare = 0.25;

    /// workingDays in 0..WorkingCalendar::maxWorkingDays; atRiskShare in [0, 1].
    static Result<PromiseRule> create(int workingDays, double atRiskShare = defaultAtRiskShare);
    static Result<PromiseRule> forRequestType(const RequestType &type, double atRiskShare = defaultAtRiskShare);

    int workingDays() const { return m_workingDays; }
    double atRiskShare() const { return m_atRiskShare; }

    /// End of the working day workingDays() working days after the request's start day (UTC).
    Result<QDateTime> promisedBy(const WorkingCalendar &calendar, const QDateTime &raisedAt) const;

    /// Breached once now is past promisedBy; otherwise AtRisk when the working time left is less than
    /// atRiskShare() of the working time from raisedAt to promisedBy (or none is left at all).
    /// Takes the stored promise rather than recomputing it, so a promise changed by hand still counts.
    Result<RiskLevel> risk(const WorkingCalendar &calendar, const QDateTime &raisedAt, const QDateTime &promisedBy,
                           const QDateTime &now) const;

private:
    PromiseRule(int workingDays, double atRiskShare) : m_workingDays(workingDays), m_atRiskShare(atRiskShare) { }

    int m_workingDays;
    double m_atRiskShare;
};

} // namespace fc
