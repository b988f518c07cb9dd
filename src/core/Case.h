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

    bool isOverdue(const QDateTime &nowUtc) const { return isOpen(status) && promisedBy.isValid() && nowUtc > promisedBy; }
    friend bool operator==(const Case &, const Case &) = default;
};

} // namespace fc
