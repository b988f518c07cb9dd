#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace fc {

/// A warning attached to a customer: vulnerability (how to take care of them) or staff safety (how to
/// take care of ourselves). Both are shown prominently before anything else on the customer view.
enum class FlagKind { Vulnerability, StaffSafety };

enum class FlagCategory {
    // Vulnerability
    SafeguardingConcern,
    Bereavement,
    FinancialHardship,
    MentalHealth,
    PhysicalDisability,
    CognitiveImpairment,
    DomesticAbuse,
    CareLeaver,
    // Staff safety
    VerbalAbuse,
    ViolenceHistory,
    DoNotVisitAlone,
};

struct CustomerFlag {
    FlagCategory category = FlagCategory::SafeguardingConcern;
    QString note;     // free text, kept short; personal data
    QDate raisedOn;
    QDate reviewBy;   // flags are reviewed, not kept for ever

    FlagKind kind() const;
    friend bool operator==(const CustomerFlag &, const CustomerFlag &) = default;
};

FlagKind flagKindOf(FlagCategory category);
QString flagCategoryKey(FlagCategory category); // "safeguarding", "do_not_visit_alone", ...
std::optional<FlagCategory> flagCategoryFromKey(QStringView key);
QString flagCategoryDisplayName(FlagCategory category);
QList<FlagCategory> allFlagCategories();

} // namespace fc
