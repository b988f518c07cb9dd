#include "core/Case.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

QString caseStatusKey(CaseStatus status)
{
    switch (status) {
    case CaseStatus::New:
        return u"new"_s;
    case CaseStatus::Assigned:
        return u"assigned"_s;
    case CaseStatus::InProgress:
        return u"in_progress"_s;
    case CaseStatus::AwaitingCustomer:
        return u"awaiting_customer"_s;
    case CaseStatus::AwaitingThirdParty:
        return u"awaiting_third_party"_s;
    case CaseStatus::Resolved:
        return u"resolved"_s;
    case CaseStatus::Closed:
        return u"closed"_s;
    case CaseStatus::Reopened:
        return u"reopened"_s;
    }
    return {};
}

std::optional<CaseStatus> caseStatusFromKey(QStringView key)
{
    for (CaseStatus status : allCaseStatuses()) {
        if (key == caseStatusKey(status))
            return status;
    }
    return std::nullopt;
}

QString caseStatusDisplayName(CaseStatus status)
{
    switch (status) {
    case CaseStatus::New:
        return QCoreApplication::translate("fc::Case", "New");
    case CaseStatus::Assigned:
        return QCoreApplication::translate("fc::Case", "Assigned");
    case CaseStatus::InProgress:
        return QCoreApplication::translate("fc::Case", "In progress");
    case CaseStatus::AwaitingCustomer:
        return QCoreApplication::translate("fc::Case", "Awaiting customer");
    case CaseStatus::AwaitingThirdParty:
        return QCoreApplication::translate("fc::Case", "Awaiting third party");
    case CaseStatus::Resolved:
        return QCoreApplication::translate("fc::Case", "Resolved");
    case CaseStatus::Closed:
        return QCoreApplication::translate("fc::Case", "Closed");
    case CaseStatus::Reopened:
        return QCoreApplication::translate("fc::Case", "Reopened");
    }
    return {};
}

QList<CaseStatus> allCaseStatuses()
{
    return { CaseStatus::New,
             CaseStatus::Assigned,
             CaseStatus::InProgress,
             CaseStatus::AwaitingCustomer,
             CaseStatus::AwaitingThirdParty,
             CaseStatus::Resolved,
             CaseStatus::Closed,
             CaseStatus::Reopened };
}

bool isOpen(CaseStatus status)
{
    return status != CaseStatus::Resolved && status != CaseStatus::Closed;
}

QString casePriorityKey(CasePriority priority)
{
    switch (priority) {
    case CasePriority::Low:
        return u"low"_s;
    case CasePriority::Normal:
        return u"normal"_s;
    case CasePriority::High:
        return u"high"_s;
    case CasePriority::Emergency:
        return u"emergency"_s;
    }
    return {};
}

std::optional<CasePriority> casePriorityFromKey(QStringView key)
{
    for (CasePriority priority : allCasePriorities()) {
        if (key == casePriorityKey(priority))
            return priority;
    }
    return std::nullopt;
}

QString casePriorityDisplayName(CasePriority priority)
{
    switch (priority) {
    case CasePriority::Low:
        return QCoreApplication::translate("fc::Case", "Low");
    case CasePriority::Normal:
        return QCoreApplication::translate("fc::Case", "Normal");
    case CasePriority::High:
        return QCoreApplication::translate("fc::Case", "High");
    case CasePriority::Emergency:
        return QCoreApplication::translate("fc::Case", "Emergency");
    }
    return {};
}

QList<CasePriority> allCasePriorities()
{
    return { CasePriority::Low, CasePriority::Normal, CasePriority::High, CasePriority::Emergency };
}

QString closureReasonKey(ClosureReason reason)
{
    switch (reason) {
    case ClosureReason::Withdrawn:
        return u"withdrawn"_s;
    case ClosureReason::Duplicate:
        return u"duplicate"_s;
    case ClosureReason::NoCustomerResponse:
        return u"no_customer_response"_s;
    case ClosureReason::RaisedInError:
        return u"raised_in_error"_s;
    }
    return {};
}

std::optional<ClosureReason> closureReasonFromKey(QStringView key)
{
    for (ClosureReason reason : allClosureReasons()) {
        if (key == closureReasonKey(reason))
            return reason;
    }
    return std::nullopt;
}

QString closureReasonDisplayName(ClosureReason reason)
{
    switch (reason) {
    case ClosureReason::Withdrawn:
        return QCoreApplication::translate("fc::Case", "Withdrawn by the customer");
    case ClosureReason::Duplicate:
        return QCoreApplication::translate("fc::Case", "Duplicate of another case");
    case ClosureReason::NoCustomerResponse:
        return QCoreApplication::translate("fc::Case", "No response from the customer");
    case ClosureReason::RaisedInError:
        return QCoreApplication::translate("fc::Case", "Raised in error");
    }
    return {};
}

QList<ClosureReason> allClosureReasons()
{
    return { ClosureReason::Withdrawn, ClosureReason::Duplicate, ClosureReason::NoCustomerResponse,
             ClosureReason::RaisedInError };
}

} // namespace fc
