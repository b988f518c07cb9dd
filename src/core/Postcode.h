#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

#include <utility>

namespace fc {

/// A UK postcode in its one canonical written form ("PL1 2AA"), with the parts search needs
/// (docs/domain/NORMALISATION.md).
class Postcode {
public:
    /// Reads "pl1 2aa", "PL12AA", " pl1  2aa ": case and spaces are ignored and the inward code is
    /// always the last three characters. Checks the six outward formats (A9, A99, AA9, AA99, A9A,
    /// AA9A) and the inward 9AA, the letters Royal Mail never uses in each position, and GIR 0AA.
    /// Errors: postcode.empty, postcode.invalid_format.
    static Result<Postcode> parse(QStringView text);

    /// "PL1 2AA"
    const QString &canonical() const { return m_canonical; }
    /// "PL1": the post town's district, what "all of PL1" means.
    QString outward() const;
    /// "2AA"
    QString inward() const;
    /// "PL12AA": for exact lookups of whatever spacing was typed. Never prefix-match it for an
    /// outward code: "PL1" is a prefix of "PL12AA" and of "PL123AB" alike.
    QString searchKey() const;

    friend bool operator==(const Postcode &, const Postcode &) = default;

private:
    explicit Postcode(QString canonical) : m_canonical(std::move(canonical)) { }

    QString m_canonical;
};

/// "pl1" -> "PL1", checked like the outward part of a full postcode. Errors: postcode.empty,
/// postcode.invalid_format.
Result<QString> normaliseOutwardCode(QStringView text);

/// What a search box entry is, as far as postcodes go.
enum class PostcodeQueryKind {
    NotPostcode,
    Outward, // "PL1", "sw1a"
    Full, // "PL1 2AA", "pl12aa"
};

struct PostcodeQuery {
    PostcodeQueryKind kind = PostcodeQueryKind::NotPostcode;
    QString value; // canonical: "PL1" or "PL1 2AA"; empty for NotPostcode
    friend bool operator==(const PostcodeQuery &, const PostcodeQuery &) = default;
};

/// Decides whether the search box holds a full postcode, an outward code alone, or something else
/// (a name, a reference). Whole-entry only: "Jones PL1" is not a postcode.
PostcodeQuery classifyPostcodeQuery(QStringView text);

/// True when classifyPostcodeQuery() finds a full postcode or an outward code.
bool looksLikePostcodeOrOutward(QStringView text);

/// The outward-search rule: a postcode belongs to an outward code only when its whole outward part
/// equals it, so "PL1" matches "PL1 2AA" but not "PL12 3AB". In SQL over canonical postcodes that is
/// `postcode GLOB 'PL1 *'` (the space ends the outward code), or equality on an outward column.
/// False when either argument is not valid.
bool postcodeMatchesOutward(QStringView postcode, QStringView outward);

} // namespace fc
