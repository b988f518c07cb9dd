#include "core/PhoneNumber.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr int kInternationalMinimumDigits = 7; // the shortest numbering plans (Niue, Saint Helena)
constexpr int kInternationalMaximumDigits = 15; // E.164's limit, country code included

// One row of the UK numbering plan as far as a contact centre needs it (Ofcom's National Telephone
// Numbering Plan). The longest matching prefix wins, so "07624" overrides "076" overrides "07".
struct UkRange {
    QLatin1StringView prefix;
    int minimumLength; // national digits, leading 0 included
    int maximumLength;
    PhoneNumber::Kind kind;
};

// 01 has 10-digit numbers in about forty "mixed" areas (016977 xxxx, 01387 xxxxx) beside the usual 11.
// 0500 and the old 0800 xxxxxx ranges are 10 digits. 04 and 06 are unallocated; 00 is the
// international prefix and never reaches this table.
constexpr std::array kUkRanges {
    UkRange { "01"_L1, 10, 11, PhoneNumber::Kind::Geographic },
    UkRange { "02"_L1, 11, 11, PhoneNumber::Kind::Geographic },
    UkRange { "03"_L1, 11, 11, PhoneNumber::Kind::NonGeographic },
    UkRange { "0500"_L1, 10, 10, PhoneNumber::Kind::Freephone },
    UkRange { "055"_L1, 11, 11, PhoneNumber::Kind::NonGeographic },
    UkRange { "056"_L1, 11, 11, PhoneNumber::Kind::NonGeographic },
    UkRange { "07"_L1, 11, 11, PhoneNumber::Kind::Mobile },
    UkRange { "070"_L1, 11, 11, PhoneNumber::Kind::NonGeographic }, // personal numbering
    UkRange { "076"_L1, 11, 11, PhoneNumber::Kind::NonGeographic }, // pagers
    UkRange { "07624"_L1, 11, 11, PhoneNumber::Kind::Mobile }, // Isle of Man mobiles
    UkRange { "0800"_L1, 10, 11, PhoneNumber::Kind::Freephone },
    UkRange { "0808"_L1, 11, 11, PhoneNumber::Kind::Freephone },
    UkRange { "084"_L1, 11, 11, PhoneNumber::Kind::NonGeographic },
    UkRange { "087"_L1, 11, 11, PhoneNumber::Kind::NonGeographic },
    UkRange { "09"_L1, 11, 11, PhoneNumber::Kind::PremiumRate },
};

// Area codes of six digits (leading 0 included), after which the local number is 4 or 5 digits.
constexpr std::array kSixDigitAreaCodes {
    "013873"_L1, "015242"_L1, "015394"_L1, "015395"_L1, "015396"_L1, "016973"_L1,
    "016974"_L1, "016977"_L1, "017683"_L1, "017684"_L1, "017687"_L1, "019467"_L1,
};

// Written numbers carry spaces, dots, dashes and, when copied out of right-to-left or web text,
// invisible direction marks; none of them carries meaning.
bool isSeparator(QChar c)
{
    if (c.isSpace())
        return true;
    switch (c.category()) {
    case QChar::Other_Format:
    case QChar::Punctuation_Dash:
        return true;
    default:
        return c == u'.' || c == u'/';
    }
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

Error invalidCharacter()
{
    return makeError(
        u"phone.invalid_character"_s,
        QCoreApplication::translate("fc::PhoneNumber",
                                    "A phone number can contain only digits, spaces, brackets, dots, hyphens and a "
                                    "leading +."));
}

QString lengthWords(int minimum, int maximum)
{
    if (minimum == maximum)
        return QString::number(minimum);
    return QCoreApplication::translate("fc::PhoneNumber", "%1 or %2").arg(minimum).arg(maximum);
}

Result<PhoneNumber::Kind> checkUkNational(const QString &national)
{
    const UkRange *match = nullptr;
    bool isStartOfARange = false;
    for (const UkRange &range : kUkRanges) {
        if (national.startsWith(range.prefix)) {
            if (!match || range.prefix.size() > match->prefix.size())
                match = &range;
        } else if (QLatin1StringView(range.prefix).startsWith(national)) {
            isStartOfARange = true;
        }
    }
    if (!match) {
        if (isStartOfARange)
            return makeError(u"phone.too_short"_s,
                             QCoreApplication::translate("fc::PhoneNumber", "This phone number is too short."));
        return makeError(
            u"phone.invalid_prefix"_s,
            QCoreApplication::translate("fc::PhoneNumber",
                                        "This is not a UK number range: UK numbers start with 01, 02, 03, 05, 07, "
                                        "08 or 09, and numbers from abroad with + or 00."));
    }
    const QString lengths = lengthWords(match->minimumLength, match->maximumLength);
    if (national.size() < match->minimumLength) {
        return makeError(u"phone.too_short"_s,
                         QCoreApplication::translate(
                             "fc::PhoneNumber", "This phone number is too short: numbers starting %1 have %2 digits.")
                             .arg(match->prefix, lengths));
    }
    if (national.size() > match->maximumLength) {
        return makeError(u"phone.too_long"_s,
                         QCoreApplication::translate(
                             "fc::PhoneNumber", "This phone number is too long: numbers starting %1 have %2 digits.")
                             .arg(match->prefix, lengths));
    }
    return match->kind;
}

QString reversed(QString text)
{
    std::reverse(text.begin(), text.end());
    return text;
}

QString grouped(const QString &digits, std::initializer_list<int> sizes)
{
    QString out;
    qsizetype at = 0;
    for (int size : sizes) {
        if (at >= digits.size())
            break;
        if (!out.isEmpty())
            out += u' ';
        out += QStringView(digits).mid(at, size);
        at += size;
    }
    if (at < digits.size())
        out += QStringView(digits).mid(at);
    return out;
}

} // namespace

Result<PhoneNumber> PhoneNumber::parse(QStringView text)
{
    // Keep only what carries meaning: digits, '+', and brackets (needed to recognise "(0)").
    QString compact;
    bool sawDigit = false;
    for (QChar c : text) {
        if (isSeparator(c))
            continue;
        if (isAsciiDigit(c))
            sawDigit = true;
        else if (c != u'+' && c != u'(' && c != u')')
            return invalidCharacter();
        compact += c;
    }
    if (compact.isEmpty())
        return makeError(u"phone.empty"_s, QCoreApplication::translate("fc::PhoneNumber", "Enter a phone number."));

    const bool plus = compact.startsWith(u'+');
    if (plus)
        compact.remove(0, 1);
    if (compact.contains(u'+'))
        return invalidCharacter();
    if (!sawDigit)
        return makeError(u"phone.too_short"_s,
                         QCoreApplication::translate("fc::PhoneNumber", "This phone number is too short."));

    QString digits = compact;
    digits.remove(u'(').remove(u')');
    const bool international = plus || digits.startsWith("00"_L1);
    if (!international) {
        if (digits.startsWith(u'0')) {
            Result<Kind> kind = checkUkNational(digits);
            if (!kind)
                return kind.error();
            return PhoneNumber(u"+44"_s + QStringView(digits).mid(1), *kind);
        }
        if (digits.size() <= 8) {
            return makeError(
                u"phone.missing_area_code"_s,
                QCoreApplication::translate("fc::PhoneNumber", "Include the area code, for example 01752 123456."));
        }
        return makeError(u"phone.invalid_prefix"_s,
                         QCoreApplication::translate("fc::PhoneNumber",
                                                     "UK numbers start with 0, and numbers from abroad with + or 00."));
    }

    // "+44 (0) 1752 ..." and "+353 (0)1 ...": the bracketed 0 is the trunk prefix, dialled only at home.
    compact.replace("(0)"_L1, ""_L1);
    digits = compact;
    digits.remove(u'(').remove(u')');
    if (!plus)
        digits.remove(0, 2);
    if (digits.isEmpty())
        return makeError(u"phone.too_short"_s,
                         QCoreApplication::translate("fc::PhoneNumber", "This phone number is too short."));
    if (digits.startsWith(u'0')) {
        return makeError(u"phone.invalid_country_code"_s,
                         QCoreApplication::translate(
                             "fc::PhoneNumber", "Country codes never start with 0: check the digits after + or 00."));
    }
    if (digits.startsWith("44"_L1)) {
        QStringView nsn = QStringView(digits).mid(2);
        // "+44 07700 900123" is a common slip; no UK number starts 0 after the country code.
        if (nsn.startsWith(u'0'))
            nsn = nsn.mid(1);
        const QString national = u'0' + nsn;
        Result<Kind> kind = checkUkNational(national);
        if (!kind)
            return kind.error();
        return PhoneNumber(u"+44"_s + nsn, *kind);
    }
    if (digits.size() < kInternationalMinimumDigits) {
        return makeError(
            u"phone.too_short"_s,
            QCoreApplication::translate("fc::PhoneNumber",
                                        "This phone number is too short: numbers from abroad have at least 7 "
                                        "digits, country code included."));
    }
    if (digits.size() > kInternationalMaximumDigits) {
        return makeError(
            u"phone.too_long"_s,
            QCoreApplication::translate("fc::PhoneNumber",
                                        "This phone number is too long: numbers from abroad have at most 15 "
                                        "digits, country code included."));
    }
    return PhoneNumber(u'+' + digits, Kind::International);
}

QString PhoneNumber::nationalDigits() const
{
    if (!isUk())
        return u"00"_s + QStringView(m_e164).mid(1);
    return u'0' + QStringView(m_e164).mid(3);
}

QString PhoneNumber::nationalDisplay() const
{
    if (!isUk())
        return m_e164;
    const QString n = nationalDigits();
    const auto size = n.size();
    if (n.startsWith("02"_L1))
        return grouped(n, { 3, 4, 4 });
    if (n.startsWith("01"_L1)) {
        // 011x and 01x1 are the big cities (0113 Leeds, 0121 Birmingham) with 7-digit local numbers.
        if (size == 11 && (n.startsWith("011"_L1) || n.at(3) == u'1'))
            return grouped(n, { 4, 3, 4 });
        for (QLatin1StringView area : kSixDigitAreaCodes) {
            if (n.startsWith(area))
                return grouped(n, { 6, 5 });
        }
        return grouped(n, { 5, 6 });
    }
    if (n.startsWith("07"_L1))
        return grouped(n, { 5, 6 });
    if (size == 10)
        return grouped(n, { 4, 6 }); // 0800 123456, 0500 123456
    return grouped(n, { 4, 3, 4 });
}

QString phoneSuffixSearchKey(QStringView canonical)
{
    const Result<PhoneNumber> number = PhoneNumber::parse(canonical);
    if (!number)
        return {};
    return reversed(number->nationalDigits());
}

Result<QString> phoneSuffixSearchPrefix(QStringView typed)
{
    if (const Result<PhoneNumber> number = PhoneNumber::parse(typed))
        return reversed(number->nationalDigits());

    QString digits;
    for (QChar c : typed) {
        if (isAsciiDigit(c))
            digits += c;
        else if (!isSeparator(c) && c != u'+' && c != u'(' && c != u')')
            return invalidCharacter();
    }
    if (digits.isEmpty())
        return makeError(u"phone.empty"_s, QCoreApplication::translate("fc::PhoneNumber", "Enter a phone number."));
    if (digits.size() < kPhoneSuffixMinimumDigits) {
        return makeError(
            u"phone.partial_too_short"_s,
            QCoreApplication::translate("fc::PhoneNumber", "Type at least the last %1 digits of the number.")
                .arg(kPhoneSuffixMinimumDigits));
    }
    return reversed(digits);
}

} // namespace fc
