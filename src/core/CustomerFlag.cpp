#include "core/CustomerFlag.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

FlagKind CustomerFlag::kind() const
{
    return flagKindOf(category);
}

FlagKind flagKindOf(FlagCategory category)
{
    switch (category) {
    case FlagCategory::SafeguardingConcern:
    case FlagCategory::Bereavement:
    case FlagCategory::FinancialHardship:
    case FlagCategory::MentalHealth:
    case FlagCategory::PhysicalDisability:
    case FlagCategory::CognitiveImpairment:
    case FlagCategory::DomesticAbuse:
    case FlagCategory::CareLeaver:
        return FlagKind::Vulnerability;
    case FlagCategory::VerbalAbuse:
    case FlagCategory::ViolenceHistory:
    case FlagCategory::DoNotVisitAlone:
        return FlagKind::StaffSafety;
    }
    // Unreachable for a valid category; the safer default shows the flag as a risk to staff.
    return FlagKind::StaffSafety;
}

QString flagCategoryKey(FlagCategory category)
{
    switch (category) {
    case FlagCategory::SafeguardingConcern:
        return u"safeguarding"_s;
    case FlagCategory::Bereavement:
        return u"bereavement"_s;
    case FlagCategory::FinancialHardship:
        return u"financial_hardship"_s;
    case FlagCategory::MentalHealth:
        return u"mental_health"_s;
    case FlagCategory::PhysicalDisability:
        return u"physical_disability"_s;
    case FlagCategory::CognitiveImpairment:
        return u"cognitive_impairment"_s;
    case FlagCategory::DomesticAbuse:
        return u"domestic_abuse"_s;
    case FlagCategory::CareLeaver:
        return u"care_leaver"_s;
    case FlagCategory::VerbalAbuse:
        return u"verbal_abuse"_s;
    case FlagCategory::ViolenceHistory:
        return u"violence_history"_s;
    case FlagCategory::DoNotVisitAlone:
        return u"do_not_visit_alone"_s;
    }
    return {};
}

std::optional<FlagCategory> flagCategoryFromKey(QStringView key)
{
    for (FlagCategory category : allFlagCategories()) {
        if (key == flagCategoryKey(category))
            return category;
    }
    return std::nullopt;
}

QString flagCategoryDisplayName(FlagCategory category)
{
    switch (category) {
    case FlagCategory::SafeguardingConcern:
        return QCoreApplication::translate("fc::CustomerFlag", "Safeguarding concern");
    case FlagCategory::Bereavement:
        return QCoreApplication::translate("fc::CustomerFlag", "Recently bereaved");
    case FlagCategory::FinancialHardship:
        return QCoreApplication::translate("fc::CustomerFlag", "Financial hardship");
    case FlagCategory::MentalHealth:
        return QCoreApplication::translate("fc::CustomerFlag", "Mental health");
    case FlagCategory::PhysicalDisability:
        return QCoreApplication::translate("fc::CustomerFlag", "Physical disability");
    case FlagCategory::CognitiveImpairment:
        return QCoreApplication::translate("fc::CustomerFlag", "Cognitive impairment");
    case FlagCategory::DomesticAbuse:
        return QCoreApplication::translate("fc::CustomerFlag", "Domestic abuse");
    case FlagCategory::CareLeaver:
        return QCoreApplication::translate("fc::CustomerFlag", "Care leaver");
    case FlagCategory::VerbalAbuse:
        return QCoreApplication::translate("fc::CustomerFlag", "History of verbal abuse");
    case FlagCategory::ViolenceHistory:
        return QCoreApplication::translate("fc::CustomerFlag", "History of violence");
    case FlagCategory::DoNotVisitAlone:
        return QCoreApplication::translate("fc::CustomerFlag", "Do not visit alone");
    }
    return {};
}

QList<FlagCategory> allFlagCategories()
{
    return { FlagCategory::SafeguardingConcern, FlagCategory::Bereavement,        FlagCategory::FinancialHardship,
             FlagCategory::MentalHealth,        FlagCategory::PhysicalDisability, FlagCategory::CognitiveImpairment,
             FlagCategory::DomesticAbuse,       FlagCategory::CareLeaver,         FlagCategory::VerbalAbuse,
             FlagCategory::ViolenceHistory,     FlagCategory::DoNotVisitAlone };
}

} // namespace fc
