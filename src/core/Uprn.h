#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

#include <utility>

namespace fc {

/// A Unique Property Reference Number, the key councils share for a property (OS AddressBase):
/// 1 to 12 digits, held without leading zeros so "000100040123" and "100040123" are one property.
class Uprn {
public:
    static constexpr int kMaximumDigits = 12;

    /// Reads "100040123", " 000100040123 ". Only ASCII digits: a UPRN is a key, so a stray letter or
    /// an Excel "1.0004E+8" is refused rather than guessed at.
    /// Errors: uprn.empty, uprn.invalid_character, uprn.too_long, uprn.zero.
    static Result<Uprn> parse(QStringView text);

    /// "100040123"
    const QString &canonical() const { return m_canonical; }
    qint64 value() const { return m_canonical.toLongLong(); }

    friend bool operator==(const Uprn &, const Uprn &) = default;

private:
    explicit Uprn(QString canonical) : m_canonical(std::move(canonical)) { }

    QString m_canonical;
};

} // namespace fc
