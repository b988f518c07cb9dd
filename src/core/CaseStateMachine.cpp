#include "core/CaseStateMachine.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fc {

QList<CaseStatus> CaseStateMachine::allowedFrom(CaseStatus from)
{
    using S = CaseStatus;
    // Every open status may be closed unresolved (withdrawn, duplicate, ...): a duplicate or a
    // withdrawal can come to light at any point, and that must never be recorded as work done.
    switch (from) {
    case S::New:
        return { S::Assigned, S::Closed };
    case S::Assigned:
        return { S::InProgress, S::Closed };
    case S::InProgress:
        return { S::AwaitingCustomer, S::AwaitingThirdParty, S::Resolved, S::Closed };
    case S::AwaitingCustomer:
        return { S::InProgress, S::Closed };
    case S::AwaitingThirdParty:
        return { S::InProgress, S::Closed };
    case S::Resolved:
        return { S::Closed, S::Reopened };
    case S::Closed:
        return { S::Reopened };
    case S::Reopened:
        return { S::Assigned, S::InProgress, S::Closed };
    }
    return {};
}

Status CaseStateMachine::check(CaseStatus from, CaseStatus to)
{
    if (allowedFrom(from).contains(to))
        return {};
    return makeError(u"case.illegal_transition"_s,
                     QCoreApplication::translate("fc::CaseStateMachine", "A case cannot move from %1 to %2.")
                         .arg(caseStatusDisplayName(from), caseStatusDisplayName(to)));
}

bool CaseStateMachine::needsClosureReason(CaseStatus from, CaseStatus to)
{
    return to == CaseStatus::Closed && isOpen(from);
}

QDateTime CaseStateMachine::reopenDeadline(const Case &c)
{
    if (!c.resolvedAt.isValid())
        return {};
    return c.resolvedAt.toUTC().addDays(kReopenWindowDays);
}

Result<Case> CaseStateMachine::transition(const Case &c, CaseStatus to, const QDateTime &nowUtc,
                                          std::optional<ClosureReason> reason)
{
    if (Status legal = check(c.status, to); !legal)
        return legal.error();
    if (!nowUtc.isValid()) {
        return makeError(
            u"case.invalid_time"_s,
            QCoreApplication::translate("fc::CaseStateMachine", "The time of the change is missing or invalid."));
    }

    const bool closingUnresolved = needsClosureReason(c.status, to);
    if (closingUnresolved && !reason) {
        return makeError(u"case.closure_reason_required"_s,
                         QCoreApplication::translate("fc::CaseStateMachine",
                                                     "Say why this case is being closed without being resolved."));
    }
    if (!closingUnresolved && reason) {
        return makeError(u"case.closure_reason_not_allowed"_s,
                         QCoreApplication::translate(
                             "fc::CaseStateMachine",
                             "A closure reason is only recorded when a case is closed without being resolved."));
    }

    if (c.status == CaseStatus::Closed && to == CaseStatus::Reopened) {
        const QDateTime deadline = reopenDeadline(c);
        if (!deadline.isValid()) {
            return makeError(
                u"case.not_reopenable"_s,
                QCoreApplication::translate("fc::CaseStateMachine",
                                            "This case was closed without being resolved, so it cannot be reopened. "
                                            "Raise a new case instead."));
        }
        if (nowUtc.toUTC() > deadline) {
            return makeError(u"case.reopen_window_passed"_s,
                             QCoreApplication::translate("fc::CaseStateMachine",
                                                         "This case could be reopened until %1. "
                                                         "Raise a new case instead.")
                                 .arg(QLocale().toString(deadline.date(), QLocale::LongFormat)));
        }
    }

    Case next = c;
    next.status = to;
    if (to == CaseStatus::Resolved)
        next.resolvedAt = nowUtc.toUTC();
    if (to == CaseStatus::Reopened) {
        next.resolvedAt = QDateTime();
        next.closureReason.reset();
    }
    if (closingUnresolved)
        next.closureReason = reason;
    return next;
}

} // namespace fc
