#include "core/Demand.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

Result<DemandClassification> makeDemandClassification(DemandType type, FailureKind kind)
{
    if (type == DemandType::Value && kind != FailureKind::None) {
        return makeError(u"demand.kind_not_allowed"_s,
                         QCoreApplication::translate("fc::Demand", "Value demand cannot have a failure kind."));
    }
    if (type == DemandType::Failure && kind == FailureKind::None) {
        return makeError(u"demand.kind_required"_s,
                         QCoreApplication::translate(
                             "fc::Demand", "Failure demand needs a kind: say why the customer had to contact us."));
    }
    return DemandClassification { type, kind };
}

QString demandTypeKey(DemandType type)
{
    switch (type) {
    case DemandType::Value:
        return u"value"_s;
    case DemandType::Failure:
        return u"failure"_s;
    }
    return {};
}

std::optional<DemandType> demandTypeFromKey(QStringView key)
{
    for (DemandType type : allDemandTypes()) {
        if (key == demandTypeKey(type))
            return type;
    }
    return std::nullopt;
}

QString demandTypeDisplayName(DemandType type)
{
    switch (type) {
    case DemandType::Value:
        return QCoreApplication::translate("fc::Demand", "Value demand");
    case DemandType::Failure:
        return QCoreApplication::translate("fc::Demand", "Failure demand");
    }
    return {};
}

QList<DemandType> allDemandTypes()
{
    return { DemandType::Value, DemandType::Failure };
}

QString failureKindKey(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return QString();
    case FailureKind::ChasingProgress:
        return u"chasing_progress"_s;
    case FailureKind::NotResolvedLastTime:
        return u"not_resolved_last_time"_s;
    case FailureKind::WrongOrUnclearInformation:
        return u"wrong_information"_s;
    case FailureKind::WorkNotDoneProperly:
        return u"work_not_done_properly"_s;
    case FailureKind::CouldNotUseAnotherChannel:
        return u"could_not_use_channel"_s;
    }
    return {};
}

std::optional<FailureKind> failureKindFromKey(QStringView key)
{
    // Value demand is stored with None's empty key; reading it back must give None, not an error.
    if (key.isEmpty())
        return FailureKind::None;
    for (FailureKind kind : allFailureKinds()) {
        if (key == failureKindKey(kind))
            return kind;
    }
    return std::nullopt;
}

QString failureKindDisplayName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return QCoreApplication::translate("fc::Demand", "No failure");
    case FailureKind::ChasingProgress:
        return QCoreApplication::translate("fc::Demand", "Chasing progress");
    case FailureKind::NotResolvedLastTime:
        return QCoreApplication::translate("fc::Demand", "Not resolved last time");
    case FailureKind::WrongOrUnclearInformation:
        return QCoreApplication::translate("fc::Demand", "Wrong or unclear information");
    case FailureKind::WorkNotDoneProperly:
        return QCoreApplication::translate("fc::Demand", "Work not done properly");
    case FailureKind::CouldNotUseAnotherChannel:
        return QCoreApplication::translate("fc::Demand", "Could not use another channel");
    }
    return {};
}

QList<FailureKind> allFailureKinds()
{
    return { FailureKind::ChasingProgress, FailureKind::NotResolvedLastTime, FailureKind::WrongOrUnclearInformation,
             FailureKind::WorkNotDoneProperly, FailureKind::CouldNotUseAnotherChannel };
}

} // namespace fc
