#pragma once

// What an agent typed into the customer search box, read as the keys and words to look for.

#include <QString>
#include <QStringList>
#include <QStringView>

namespace fc {

/// How a search result matched, best first within each ranking tier (docs/storage/SEARCH.md).
enum class CustomerMatchKind {
    // Exact keys: ranked first.
    Reference, // customer reference "C1234567"
    CaseReference, // the customer of case "WST-2026-000123"
    Phone, // a whole phone number, in any written form
    Email,
    Uprn,
    // Words together with a postcode: ranked second.
    NameAndPostcode, // "jones pl1"
    AddressAndPostcode, // "12 mill pl1 2aa"
    // Everything else: ranked third.
    Name, // "sian jones", "siân", "o'neill"
    Address, // "12 mill"
    PhoneEnding, // the last 6 or more digits
    EmailStart, // an email address still being typed: "sian.jones@exa"
    Postcode, // "PL1 2AA", "pl12aa"
    OutwardCode, // "PL1": all of the district, never "PL12"
};

/// Stable key for logs and tests: "reference", "name_and_postcode", "phone_ending", ...
QString customerMatchKindKey(CustomerMatchKind kind);

/// The search box's text classified into everything it could mean. Several readings can hold at once
/// ("100040123" is a UPRN and the end of a phone number); CustomerSearch runs them all and ranks the
/// results. Every field is already normalised, and `words` hold only folded letters and digits, so
/// nothing the agent typed reaches SQL or FTS syntax except through bound values and ftsMatch().
struct CustomerQuery {
    /// Longer input is cut to this many characters first: no real search is longer, and it bounds the work.
    static constexpr qsizetype kMaximumLength = 200;
    /// FTS words used at most; the rest are ignored (each narrows the result, so this only widens it).
    static constexpr qsizetype kMaximumWords = 6;
    /// Longer words are cut; a prefix of a word still finds it.
    static constexpr qsizetype kMaximumWordLength = 40;

    // Exact keys.
    QStringList references; // stored forms to try: "C1234567", "C-1234567"
    QStringList caseReferences; // "WST-2026-000123", and zero-padded forms
    QString phoneDigits; // national digits reversed, of a whole number
    QString email; // lower-cased key
    QString uprn; // canonical

    // Partial keys.
    QString phoneEnding; // reversed trailing digits (at least kPhoneSuffixMinimumDigits)
    QString emailStart; // lower-cased beginning of an email address, up to and past its '@'
    QString postcodeKey; // "PL12AA"
    QString outwardCode; // "PL1"

    // Full-text words.
    QStringList words; // folded: "sian", "jones"; "12", "mill"
    bool wordsAreAddress = false; // the first word is a house number: "12 mill"
    QString wordsOutwardCode; // with the words: "jones pl1" -> "PL1"
    QString wordsPostcodeKey; // with the words: "jones pl1 2aa" -> "PL12AA"

    /// Reads the text. Never fails: text that means nothing searchable gives an empty query.
    static CustomerQuery parse(QStringView typed);

    bool isEmpty() const;

    /// The FTS4 MATCH expression for the words, built only from folded words each quoted here:
    /// "\"sian*\" \"jones*\"", "\"12\" \"mill*\"". Words of digits only match whole (house number 12 is
    /// not 120); others match as prefixes. Empty when there are no words.
    QString ftsMatch() const;

    friend bool operator==(const CustomerQuery &, const CustomerQuery &) = default;
};

} // namespace fc
