#include "core/Postcode.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

enum class Check { Ok, BadShape, BadLetters };

bool isAsciiUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// 'A' stands for a letter, '9' for a digit.
bool hasShape(QStringView text, QLatin1StringView shape)
{
    if (text.size() != shape.size())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool ok = shape.at(i).toLatin1() == 'A' ? isAsciiUpper(text.at(i)) : isAsciiDigit(text.at(i));
        if (!ok)
            return false;
    }
    return true;
}

bool oneOf(QChar c, QLatin1StringView letters)
{
    return letters.contains(c);
}

// Royal Mail's letter rules (BS 7666): they catch slips that the shape alone lets through.
Check checkOutward(QStringView o)
{
    const bool shapeA9A = hasShape(o, "A9A"_L1);
    const bool shapeAA9A = hasShape(o, "AA9A"_L1);
    const bool twoLetterArea = hasShape(o, "AA9"_L1) || hasShape(o, "AA99"_L1) || shapeAA9A;
    if (!(hasShape(o, "A9"_L1) || hasShape(o, "A99"_L1) || shapeA9A || twoLetterArea))
        return Check::BadShape;
    if (oneOf(o.at(0), "QVX"_L1))
        return Check::BadLetters;
    if (twoLetterArea && oneOf(o.at(1), "IJZ"_L1))
        return Check::BadLetters;
    if (shapeA9A && !oneOf(o.at(2), "ABCDEFGHJKPSTUW"_L1))
        return Check::BadLetters;
    if (shapeAA9A && !oneOf(o.at(3), "ABEHMNPRVWXY"_L1))
        return Check::BadLetters;
    return Check::Ok;
}

Check checkInward(QStringView i)
{
    if (!hasShape(i, "9AA"_L1))
        return Check::BadShape;
    if (oneOf(i.at(1), "CIKMOV"_L1) || oneOf(i.at(2), "CIKMOV"_L1))
        return Check::BadLetters;
    return Check::Ok;
}

Error emptyError()
{
    return makeError(u"postcode.empty"_s, QCoreApplication::translate("fc::Postcode", "Enter a postcode."));
}

Error formatError(Check check)
{
    if (check == Check::BadLetters) {
        return makeError(u"postcode.invalid_format"_s,
                         QCoreApplication::translate("fc::Postcode",
                                                     "This is not a UK postcode: those letters are never "
                                                     "used in those places. Check it against the letter."));
    }
    return makeError(u"postcode.invalid_format"_s,
                     QCoreApplication::translate("fc::Postcode", "Enter a full UK postcode, such as PL1 2AA."));
}

// Upper-cases ASCII letters and drops spaces and invisible marks; anything else cannot be in a
// postcode. Non-ASCII is refused before upper-casing, which would turn "ı" into "I" and "ß" into "SS".
Result<QString> compacted(QStringView text, bool keepInnerSpaces)
{
    QString out;
    for (QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Format) {
            if (keepInnerSpaces && !out.isEmpty())
                out += u' ';
            continue;
        }
        if (c >= u'a' && c <= u'z')
            out += c.toUpper();
        else if (isAsciiUpper(c) || isAsciiDigit(c))
            out += c;
        else
            return formatError(Check::BadShape);
    }
    out = out.trimmed();
    if (out.isEmpty())
        return emptyError();
    return out;
}

} // namespace

Result<Postcode> Postcode::parse(QStringView text)
{
    Result<QString> compact = compacted(text, false);
    if (!compact)
        return compact.error();
    const QString &c = *compact;
    if (c == "GIR0AA"_L1) // Girobank's, the one postcode outside the pattern still in use
        return Postcode(u"GIR 0AA"_s);
    if (c.size() < 5 || c.size() > 7)
        return formatError(Check::BadShape);
    const QStringView outward = QStringView(c).chopped(3);
    const QStringView inward = QStringView(c).right(3);
    const Check outwardCheck = checkOutward(outward);
    const Check inwardCheck = checkInward(inward);
    if (outwardCheck == Check::BadShape || inwardCheck == Check::BadShape)
        return formatError(Check::BadShape);
    if (outwardCheck != Check::Ok || inwardCheck != Check::Ok)
        return formatError(Check::BadLetters);
    return Postcode(outward + u' ' + inward);
}

QString Postcode::outward() const
{
    return m_canonical.chopped(4);
}

QString Postcode::inward() const
{
    return m_canonical.right(3);
}

QString Postcode::searchKey() const
{
    return QString(m_canonical).remove(u' ');
}

Result<QString> normaliseOutwardCode(QStringView text)
{
    // Inner spaces are kept so they fail: "PL 1" in a search box is more likely not an outward code.
    Result<QString> compact = compacted(text, true);
    if (!compact)
        return compact.error();
    switch (checkOutward(*compact)) {
    case Check::Ok:
        return *compact;
    case Check::BadLetters:
        return formatError(Check::BadLetters);
    case Check::BadShape:
        break;
    }
    return makeError(u"postcode.invalid_format"_s,
                     QCoreApplication::translate("fc::Postcode", "Enter a postcode district, such as PL1."));
}

PostcodeQuery classifyPostcodeQuery(QStringView text)
{
    if (const Result<Postcode> postcode = Postcode::parse(text))
        return { PostcodeQueryKind::Full, postcode->canonical() };
    if (const Result<QString> outward = normaliseOutwardCode(text))
        return { PostcodeQueryKind::Outward, *outward };
    return {};
}

bool looksLikePostcodeOrOutward(QStringView text)
{
    return classifyPostcodeQuery(text).kind != PostcodeQueryKind::NotPostcode;
}

bool postcodeMatchesOutward(QStringView postcode, QStringView outward)
{
    const Result<Postcode> full = Postcode::parse(postcode);
    const Result<QString> district = normaliseOutwardCode(outward);
    return full && district && full->outward() == *district;
}

} // namespace fc
