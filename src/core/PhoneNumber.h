#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

#include <utility>

namespace fc {

/// A telephone number read from any way a person writes it, held in one canonical E.164 form
/// ("+447700900123") so the same number is stored, synced and found once (docs/domain/NORMALISATION.md).
class PhoneNumber {
public:
    enum class Kind {
        Geographic, // 01, 02
        Mobile, // 071-075, 077-079, 07624
        NonGeographic, // 03, 055, 056, 070, 076, 084, 087
        Freephone, // 0800, 0808, 0500
        PremiumRate, // 09
        International, // any country code other than 44
    };

    /// Reads "07700 900123", "+44 (0) 1752 123456", "0044 7700 900123", "01752-123-456",
    /// "07700.900.123", "+353 1 234 5678", ... UK numbers are checked against the national numbering
    /// plan; other countries only for a plausible length (7-15 digits with the country code).
    /// Errors: phone.empty, phone.invalid_character, phone.missing_area_code, phone.invalid_prefix,
    /// phone.invalid_country_code, phone.too_short, phone.too_long.
    static Result<PhoneNumber> parse(QStringView text);

    /// E.164: "+447700900123", "+35312345678".
    const QString &canonical() const { return m_e164; }
    Kind kind() const { return m_kind; }
    bool isUk() const { return m_kind != Kind::International; }
    bool isMobile() const { return m_kind == Kind::Mobile; }

    /// The digits dialled from a UK phone: "07700900123" for UK numbers, "0035312345678" abroad.
    QString nationalDigits() const;
    /// How a UK agent reads it out: "07700 900123", "01752 123456", "020 7946 0000",
    /// "0113 496 0000", "0800 123456". International numbers are shown in E.164.
    QString nationalDisplay() const;

    friend bool operator==(const PhoneNumber &, const PhoneNumber &) = default;

private:
    PhoneNumber(QString e164, Kind kind) : m_e164(std::move(e164)), m_kind(kind) { }

    QString m_e164;
    Kind m_kind = Kind::International;
};

/// Fewer trailing digits than this match too many customers to be worth a query.
inline constexpr int kPhoneSuffixMinimumDigits = 6;

/// The value to index for "find by the last digits": nationalDigits() reversed, so a suffix becomes a
/// prefix and an index answers `key GLOB '<prefix>*'` or `key >= '<prefix>' AND key < '<prefix>:'`
/// (':' sorts right after '9'; LIKE never uses a BINARY index). Empty when `canonical` is not a
/// valid number.
QString phoneSuffixSearchKey(QStringView canonical);

/// Turns what an agent typed ("900123", "0 900 123", "+44 7700 900123") into the reversed prefix to
/// look up against phoneSuffixSearchKey(). A complete number is first brought to its national digits
/// so "+44 ..." finds "07...". Errors: phone.empty, phone.invalid_character, phone.partial_too_short.
Result<QString> phoneSuffixSearchPrefix(QStringView typed);

} // namespace fc
