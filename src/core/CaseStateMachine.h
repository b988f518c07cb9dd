#pragma once

#include "core/Case.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace fc {

/// The legal moves in a service request's life, and the one place a Case's status is changed
/// (docs/domain/CASE-LIFECYCLE.md explains the table).
class CaseStateMachine {
public:
    /// A case closed after being resolved may be reopened for this many calendar days after
    /// resolvedAt; after that a repeat problem is a new case.
    static constexpr int kReopenWindowDays = 28;

    /// Whether the table allows `from` -> `to` at all; "case.illegal_transition" when not. Conditions
    /// that need the case itself (closure reason, reopen window) are checked by transition().
    static Status check(CaseStatus from, CaseStatus to);
    /// The statuses `from` may move to, in CaseStatus declaration order.
    static QList<CaseStatus> allowedFrom(CaseStatus from);
    /// True when the move closes an open case without resolving it, which needs a ClosureReason.
    static bool needsClosureReason(CaseStatus from, CaseStatus to);
    /// The last moment a Closed case may be reopened; invalid when it was closed without being resolved.
    static QDateTime reopenDeadline(const Case &c);

    /// The case after the move: status changed, resolvedAt set when resolving and cleared when
    /// reopening, closureReason set when closing unresolved and cleared when reopening.
    /// Errors: case.illegal_transition, case.closure_reason_required, case.closure_reason_not_allowed,
    /// case.not_reopenable, case.reopen_window_passed, case.invalid_time.
    static Result<Case> transition(const Case &c, CaseStatus to, const QDateTime &nowUtc,
                                   std::optional<ClosureReason> reason = std::nullopt);
};

} // namespace fc
