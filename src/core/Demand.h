#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace fc {

/// NI14 demand classification: every contact is value demand (what the council exists to do) or
/// failure demand (caused by a failure to do something, or do it right, for the customer).
enum class DemandType { Value, Failure };

/// The kind of failure demand, as councils reporting NI14 record it.
enum class FailureKind {
    None, // only with DemandType::Value
    ChasingProgress,
    NotResolvedLastTime,
    WrongOrUnclearInformation,
    WorkNotDoneProperly,
    CouldNotUseAnotherChannel,
};

struct DemandClassification {
    DemandType type = DemandType::Value;
    FailureKind failureKind = FailureKind::None;

    static DemandClassification value() { return {DemandType::Value, FailureKind::None}; }
    static DemandClassification failure(FailureKind kind) { return {DemandType::Failure, kind}; }
    bool isFailure() const { return type == DemandType::Failure; }

    friend bool operator==(const DemandClassification &, const DemandClassification &) = default;
};

/// Value demand must carry FailureKind::None; failure demand must carry a kind.
Result<DemandClassification> makeDemandClassification(DemandType type, FailureKind kind);

QString demandTypeKey(DemandType type); // "value", "failure"
std::optional<DemandType> demandTypeFromKey(QStringView key);
QString demandTypeDisplayName(DemandType type); // "Value demand", "Failure demand"
QList<DemandType> allDemandTypes();
QString failureKindKey(FailureKind kind); // "", "chasing_progress", ...
/// The empty key is None's own key, so it gives None; any other unknown key gives nullopt.
std::optional<FailureKind> failureKindFromKey(QStringView key);
QString failureKindDisplayName(FailureKind kind); // None: "No failure"
QList<FailureKind> allFailureKinds(); // excludes None

} // namespace fc
