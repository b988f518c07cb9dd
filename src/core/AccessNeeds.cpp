#include "core/AccessNeeds.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString interpreterSummary(const QString &languageTag)
{
    if (languageTag.isEmpty())
        return QCoreApplication::translate("fc::AccessNeeds", "Interpreter");
    const QLocale locale(languageTag);
    // QLocale falls back to C for a tag it does not know; the raw tag is then more use than "C".
    const QString language = (locale.language() == QLocale::C || locale.language() == QLocale::AnyLanguage)
        ? languageTag
        : QLocale::languageToString(locale.language());
    return QCoreApplication::translate("fc::AccessNeeds", "Interpreter (%1)").arg(language);
}

QString signLanguageSummary(const QString &signLanguage)
{
    if (signLanguage.isEmpty() || signLanguage == "bfi"_L1)
        return QCoreApplication::translate("fc::AccessNeeds", "BSL interpreter");
    if (signLanguage == "isg"_L1)
        return QCoreApplication::translate("fc::AccessNeeds", "ISL interpreter");
    return QCoreApplication::translate("fc::AccessNeeds", "Sign language interpreter (%1)").arg(signLanguage);
}

} // namespace

QString accessNeedKey(AccessNeed need)
{
    switch (need) {
    case AccessNeed::BritishSignLanguage:
        return u"bsl"_s;
    case AccessNeed::Interpreter:
        return u"interpreter"_s;
    case AccessNeed::LargePrint:
        return u"large_print"_s;
    case AccessNeed::HearingLoop:
        return u"hearing_loop"_s;
    case AccessNeed::EasyRead:
        return u"easy_read"_s;
    }
    return {};
}

std::optional<AccessNeed> accessNeedFromKey(QStringView key)
{
    for (AccessNeed need : allAccessNeeds()) {
        if (key == accessNeedKey(need))
            return need;
    }
    return std::nullopt;
}

QString accessNeedDisplayName(AccessNeed need)
{
    switch (need) {
    case AccessNeed::BritishSignLanguage:
        return QCoreApplication::translate("fc::AccessNeeds", "Sign language interpreter");
    case AccessNeed::Interpreter:
        return QCoreApplication::translate("fc::AccessNeeds", "Spoken-language interpreter");
    case AccessNeed::LargePrint:
        return QCoreApplication::translate("fc::AccessNeeds", "Large print");
    case AccessNeed::HearingLoop:
        return QCoreApplication::translate("fc::AccessNeeds", "Hearing loop");
    case AccessNeed::EasyRead:
        return QCoreApplication::translate("fc::AccessNeeds", "Easy read");
    }
    return {};
}

QList<AccessNeed> allAccessNeeds()
{
    return { AccessNeed::BritishSignLanguage, AccessNeed::Interpreter, AccessNeed::LargePrint, AccessNeed::HearingLoop,
             AccessNeed::EasyRead };
}

QStringList accessNeedKeys(const AccessNeeds &needs)
{
    QStringList keys;
    for (AccessNeed need : allAccessNeeds()) {
        if (needs.has(need))
            keys.append(accessNeedKey(need));
    }
    return keys;
}

QString accessNeedsSummary(const AccessNeeds &needs)
{
    QStringList parts;
    for (AccessNeed need : allAccessNeeds()) {
        if (!needs.has(need))
            continue;
        switch (need) {
        case AccessNeed::BritishSignLanguage:
            parts.append(signLanguageSummary(needs.signLanguage));
            break;
        case AccessNeed::Interpreter:
            parts.append(interpreterSummary(needs.interpreterLanguage));
            break;
        default:
            parts.append(accessNeedDisplayName(need));
            break;
        }
    }
    return parts.join(u" \u00B7 "_s);
}

} // namespace fc
