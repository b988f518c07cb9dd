#pragma once

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fc {

/// What a customer needs from us to be served well; shown before anything else on the customer view.
enum class AccessNeed {
    BritishSignLanguage = 0x01, // also ISL via VideoRelay; the language is in signLanguage
    Interpreter = 0x02,         // spoken-language interpreter; language in interpreterLanguage
    LargePrint = 0x04,
    HearingLoop = 0x08,
    EasyRead = 0x10,
};
Q_DECLARE_FLAGS(AccessNeedSet, AccessNeed)
Q_DECLARE_OPERATORS_FOR_FLAGS(AccessNeedSet)

struct AccessNeeds {
    AccessNeedSet needs;
    QString interpreterLanguage; // BCP 47 tag, e.g. "pl", "pa", "ro"; set when Interpreter is
    QString signLanguage;        // "bfi" (BSL) or "isg" (ISL); set when BritishSignLanguage is

    bool any() const { return needs != AccessNeedSet(); }
    bool has(AccessNeed need) const { return needs.testFlag(need); }
    friend bool operator==(const AccessNeeds &, const AccessNeeds &) = default;
};

QString accessNeedKey(AccessNeed need); // "bsl", "interpreter", "large_print", "hearing_loop", "easy_read"
std::optional<AccessNeed> accessNeedFromKey(QStringView key);
QString accessNeedDisplayName(AccessNeed need); // "Sign language interpreter", "Large print", ...
QList<AccessNeed> allAccessNeeds();
QStringList accessNeedKeys(const AccessNeeds &needs); // in declaration order
/// Short translated summary for a person: "BSL interpreter · Large print".
QString accessNeedsSummary(const AccessNeeds &needs);

} // namespace fc
