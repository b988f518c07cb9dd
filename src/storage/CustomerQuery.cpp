#include "storage/CustomerQuery.h"

#include "core/EmailAddress.h"
#include "core/PhoneNumber.h"
#include "core/Postcode.h"
#include "core/SearchText.h"
#include "core/Uprn.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// Cutting between the halves of a surrogate pair would leave half a character.
QStringView cutAt(QStringView text, qsizetype length)
{
    if (text.size() <= length)
        return text;
    if (length > 0 && text.at(length - 1).isHighSurrogate())
        --length;
    return text.left(length);
}

bool isPhoneCharacter(QChar c)
{
    return (c >= u'0' && c <= u'9') || c == u' ' || c == u'+' || c == u'(' || c == u')' || c == u'-' || c == u'.';
}

bool looksLikePhoneOrNumber(QStringView text)
{
    bool digit = false;
    for (QChar c : text) {
        if (!isPhoneCharacter(c))
            return false;
        digit = digit || (c >= u'0' && c <= u'9');
    }
    return digit;
}

bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

bool isSingleAsciiLetter(const QString &word)
{
    return word.size() == 1 && word.at(0).unicode() < 0x80 && word.at(0).isLetter();
}

// "C1234567", "c-1234567", "C 1234567": one to three letters, then the digits.
bool readCustomerReference(const QString &text, CustomerQuery &query)
{
    static const QRegularExpression pattern(u"^([A-Za-z]{1,3})[- ]?([0-9]{4,9})$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    const QString letters = match.captured(1).toUpper();
    const QString digits = match.captured(2);
    query.references = { letters + digits, letters + u'-' + digits };
    return true;
}

// "WST-2026-000123", "wst 2026 123", "WST2026000123": service prefix, year, number.
bool readCaseReference(const QString &text, CustomerQuery &query)
{
    static const QRegularExpression pattern(u"^([A-Za-z]{2,5})[-/ ]?([0-9]{4})[-/ ]?([0-9]{1,8})$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    const QString prefix = match.captured(1).toUpper() + u'-' + match.captured(2) + u'-';
    const QString number = match.captured(3);
    query.caseReferences.append(prefix + number);
    // References are written with six-digit numbers; people drop the zeros when they read one out.
    if (number.size() < 6)
        query.caseReferences.append(prefix + number.rightJustified(6, u'0'));
    return true;
}

struct SplitPostcode {
    QStringList words;
    QString postcode; // key "PL12AA" or outward "PL1"; empty when none was found
    bool full = false;
};

// "jones pl1", "jones pl1 2aa", "pl12aa jones": a postcode or outward code at either end of the words.
SplitPostcode splitPostcode(QStringList words)
{
    SplitPostcode split;
    const auto tryTake = [&](qsizetype from, qsizetype count) {
        if (words.size() <= count)
            return false; // a postcode alone is not "words and a postcode"
        const QString candidate = words.mid(from, count).join(u' ');
        const PostcodeQuery postcode = classifyPostcodeQuery(candidate);
        if (postcode.kind == PostcodeQueryKind::NotPostcode || (count == 2 && postcode.kind != PostcodeQueryKind::Full))
            return false;
        split.full = postcode.kind == PostcodeQueryKind::Full;
        split.postcode = split.full ? Postcode::parse(postcode.value)->searchKey() : postcode.value;
        words.remove(from, count);
        return true;
    };
    if (!tryTake(words.size() - 2, 2) && !tryTake(words.size() - 1, 1) && !tryTake(0, 2))
        tryTake(0, 1);
    split.words = words;
    return split;
}

} // namespace

QString customerMatchKindKey(CustomerMatchKind kind)
{
    switch (kind) {
    case CustomerMatchKind::Reference:
        return u"reference"_s;
    case CustomerMatchKind::CaseReference:
        return u"case_reference"_s;
    case CustomerMatchKind::Phone:
        return u"phone"_s;
    case CustomerMatchKind::Email:
        return u"email"_s;
    case CustomerMatchKind::Uprn:
        return u"uprn"_s;
    case CustomerMatchKind::NameAndPostcode:
        return u"name_and_postcode"_s;
    case CustomerMatchKind::AddressAndPostcode:
        return u"address_and_postcode"_s;
    case CustomerMatchKind::Name:
        return u"name"_s;
    case CustomerMatchKind::Address:
        return u"address"_s;
    case CustomerMatchKind::PhoneEnding:
        return u"phone_ending"_s;
    case CustomerMatchKind::EmailStart:
        return u"email_start"_s;
    case CustomerMatchKind::Postcode:
        return u"postcode"_s;
    case CustomerMatchKind::OutwardCode:
        return u"outward_code"_s;
    }
    return {};
}

CustomerQuery CustomerQuery::parse(QStringView typed)
{
    CustomerQuery query;
    const QString text = cutAt(typed, kMaximumLength).trimmed().toString();
    if (text.isEmpty())
        return query;

    if (text.contains(u'@')) {
        if (const Result<EmailAddress> email = EmailAddress::parse(text)) {
            query.email = email->searchKey();
        } else if (!text.startsWith(u'@') && !text.contains(u' ')) {
            query.emailStart = text.toLower();
        }
        return query;
    }

    if (looksLikePhoneOrNumber(text)) {
        if (const Result<PhoneNumber> phone = PhoneNumber::parse(text))
            query.phoneDigits = phoneSuffixSearchKey(phone->canonical());
        else if (const Result<QString> ending = phoneSuffixSearchPrefix(text))
            query.phoneEnding = *ending;
        if (const Result<Uprn> uprn = Uprn::parse(text))
            query.uprn = uprn->canonical();
        return query;
    }

    // Reference shapes hold digits no name has, so when one matches nothing else is meant.
    const bool reference = readCustomerReference(text, query);
    const bool caseReference = readCaseReference(text, query);
    if (reference || caseReference)
        return query;

    const PostcodeQuery postcode = classifyPostcodeQuery(text);
    if (postcode.kind == PostcodeQueryKind::Full) {
        query.postcodeKey = Postcode::parse(postcode.value)->searchKey();
        return query;
    }
    if (postcode.kind == PostcodeQueryKind::Outward) {
        query.outwardCode = postcode.value;
        return query;
    }

    static const QRegularExpression whitespace(u"\\s+"_s);
    const SplitPostcode split = splitPostcode(text.split(whitespace, Qt::SkipEmptyParts));
    QStringList folded = searchQueryTokens(split.words.join(u' '));
    // Initials ("s jones") and the "o" of "o neill" would be a prefix query over a whole letter of the
    // index; the other words find these customers anyway.
    QStringList words;
    for (const QString &word : std::as_const(folded)) {
        if (isSingleAsciiLetter(word) || words.size() == kMaximumWords)
            continue;
        const QString cut = cutAt(word, kMaximumWordLength).toString();
        if (!words.contains(cut))
            words.append(cut);
    }

    if (words.isEmpty()) {
        // "s pl1": nothing but the postcode is left to search by.
        if (split.full)
            query.postcodeKey = split.postcode;
        else
            query.outwardCode = split.postcode;
        return query;
    }
    query.words = words;
    query.wordsAreAddress = words.first().at(0).isDigit();
    (split.full ? query.wordsPostcodeKey : query.wordsOutwardCode) = split.postcode;
    return query;
}

bool CustomerQuery::isEmpty() const
{
    return references.isEmpty() && caseReferences.isEmpty() && phoneDigits.isEmpty() && email.isEmpty()
        && uprn.isEmpty() && phoneEnding.isEmpty() && emailStart.isEmpty() && postcodeKey.isEmpty()
        && outwardCode.isEmpty() && words.isEmpty();
}

QString CustomerQuery::ftsMatch() const
{
    if (words.isEmpty())
        return {};
    QStringList terms;
    for (const QString &word : words) {
        // Folded words hold letters and digits only; dropping quotes anyway keeps the quoting ours alone.
        QString safe = word;
        safe.remove(u'"');
        terms.append(isDigits(safe) ? QString(u'"' + safe + u'"') : QString(u'"' + safe + u"*\""_s));
    }
    return terms.join(u' ');
}

} // namespace fc
