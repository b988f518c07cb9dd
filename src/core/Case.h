#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace fc {

/// Where a service request is in its life (see CaseStateMachine for the allowed moves).
enum class CaseStatus {
    New,
    Assigned,
    InProgress,
    AwaitingCustomer,
    AwaitingThirdParty,
    Resolved,
    Closed,
    Reopened,
};

enum class CasePriority { Low, Normal, High, Emergency };

QString caseStatusKey(CaseStatus status); // "new", "assigned", "in_progress", ...
std::optional<CaseStatus> caseStatusFromKey(QStringView key);
QString caseStatusDisplayName(CaseStatus status);
QList<CaseStatus> allCaseStatuses();
bool isOpen(CaseStatus status); // everything but Resolved and Closed

QString casePriorityKey(CasePriority priority); // "low", "normal", "high", "emergency"
std::optional<CasePriority> casePriorityFromKey(QStringView key);
QString casePriorityDisplayName(CasePriority priority);
QList<CasePriority> allCasePriorities();

/// Why a case was closed without being resolved (see CaseStateMachine): reporting counts these apart
/// from work done.
enum class ClosureReason {
    Withdrawn,          // the customer no longer wants it
    Duplicate,          // another case already covers the same request
    NoCustomerResponse, // we waited on the customer and they did not come back
    RaisedInError,      // wrong service, wrong customer, test entry
};

QString closureReasonKey(ClosureReason reason); // "withdrawn", "duplicate", "no_customer_response", "raised_in_error"
std::optional<ClosureReason> closureReasonFromKey(QStringView key);
QString closureReasonDisplayName(ClosureReason reason);
QList<ClosureReason> allClosureReasons();

/// A service request raised for a customer and owned by a back-office team until it is done.
struct Case {
    QUuid id;
    QString reference;     // "WST-2026-000123": service prefix, year, number
    QUuid customerId;      // null for a request with no known customer
    QString service;       // service key, see ServiceCatalogue ("waste")
    QString requestType;   // "missed_bin", "bulky_waste", ...
    CaseStatus status = CaseStatus::New;
    CasePriority priority = CasePriority::Normal;
    QString team;          // owning team key
    QString assignee;      // user name, empty when unassigned
    QDateTime raisedAt;    // UTC
    QDateTime promisedBy;  // UTC; the date we told the customer (SLA)
    QDateTime resolvedAt;  // UTC, null while open
    QUuid raisingContactId;
    QString summary;       // one line for queues
    qint64 revision = 0;
    std::optional<ClosureReason> closureReason; // set only when closed without being resolved

    bool isOverdue(const QDateTime &nowUtc) const { return isOpen(status) && promisedBy.isValid() && nowUtc > promisedBy; }
    friend bool operator==(const Case &, const Case &) = default;
};

} // namespace fc
