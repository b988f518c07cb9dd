#include "core/PromiseRule.h"

#include "core/ServiceCatalogue.h"
#include "core/WorkingCalendar.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

QString riskLevelKey(RiskLevel level)
{
    switch (level) {
    case RiskLevel::OnTrack:
        return u"on_track"_s;
    case RiskLevel::AtRisk:
        return u"at_risk"_s;
    case RiskLevel::Breached:
        return u"breached"_s;
    }
    return {};
}

QString riskLevelDisplayName(RiskLevel level)
{
    switch (level) {
    case RiskLevel::OnTrack:
        return QCoreApplication::translate("PromiseRule", "On track");
    case RiskLevel::AtRisk:
        return QCoreApplication::translate("PromiseRule", "At risk");
    case RiskLevel::Breached:
        return QCoreApplication::translate("PromiseRule", "Breached");
    }
    return {};
}

Result<PromiseRule> PromiseRule::create(int workingDays, double atRiskShare)
{
    if (workingDays < 0 || workingDays > WorkingCalendar::maxWorkingDays) {
        return makeError(
            u"promise.working_days_out_of_range"_s,
            QCoreApplication::translate("PromiseRule", "A promise must be between 0 and %1 working days; %2 was given.")
                .arg(QString::number(WorkingCalendar::maxWorkingDays), QString::number(workingDays)));
    }
    // Written so that NaN fails too.
    if (!(atRiskShare >= 0.0 && atRiskShare <= 1.0)) {
        return makeError(u"promise.invalid_at_risk_share"_s,
                         QCoreApplication::translate("PromiseRule",
                                                     "The at-risk share must be between 0% and 100% of the time "
                                                     "allowed."));
    }
    return PromiseRule(workingDays, atRiskShare);
}

Result<PromiseRule> PromiseRule::forRequestType(const RequestType &type, double atRiskShare)
{
    return create(type.promiseWorkingDays, atRiskShare);
}

Result<QDateTime> PromiseRule::promisedBy(const WorkingCalendar &calendar, const QDateTime &raisedAt) const
{
    return calendar.promisedBy(raisedAt, m_workingDays);
}

Result<RiskLevel> PromiseRule::risk(const WorkingCalendar &calendar, const QDateTime &raisedAt,
                                    const QDateTime &promisedBy, const QDateTime &now) const
{
    if (!raisedAt.isValid() || !promisedBy.isValid() || !now.isValid()) {
        return makeError(u"promise.invalid_time"_s,
                         QCoreApplication::translate("PromiseRule",
                                                     "Judging a promise needs the time the request was raised, "
                                                     "its promised-by time and the current time."));
    }
    if (now > promisedBy)
        return RiskLevel::Breached;

    const qint64 total = calendar.workingSecondsBetween(raisedAt, promisedBy);
    const qint64 remaining = calendar.workingSecondsBetween(now, promisedBy);
    if (remaining == 0 || double(remaining) < m_atRiskShare * double(total))
        return RiskLevel::AtRisk;
    return RiskLevel::OnTrack;
}

} // namespace fc
