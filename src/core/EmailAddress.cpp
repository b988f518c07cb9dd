#include "core/EmailAddress.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr int kMaximumLabelOctets = 63;

bool isAsciiAlphanumeric(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

// Non-ASCII letters, digits and accents are allowed in both parts (RFC 6531, IDNA); symbols such as
// emoji are not, since almost no mail system accepts them.
bool isInternationalWordCharacter(QChar c)
{
    if (c.unicode() < 0x80)
        return false;
    if (c.isSurrogate())
        return true; // checked as a pair below
    return c.isLetterOrNumber() || c.isMark();
}

bool hasOnlyWordSurrogates(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isSurrogate())
            continue;
        if (!text.at(i).isHighSurrogate() || i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
            return false;
        const char32_t c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
        if (!QChar::isLetterOrNumber(c) && !QChar::isMark(c))
            return false;
        ++i;
    }
    return true;
}

bool isValidLocalPart(QStringView local)
{
    if (local.startsWith(u'.') || local.endsWith(u'.') || local.contains(".."_L1))
        return false;
    for (QChar c : local) {
        if (!isAsciiAlphanumeric(c) && !"!#$%&'*+-/=?^_`{|}~."_L1.contains(c) && !isInternationalWordCharacter(c))
            return false;
    }
    return hasOnlyWordSurrogates(local);
}

bool isValidDomain(const QString &domain)
{
    const QStringList labels = domain.split(u'.');
    for (const QString &label : labels) {
        if (label.isEmpty() || label.startsWith(u'-') || label.endsWith(u'-'))
            return false;
        for (QChar c : label) {
            if (!isAsciiAlphanumeric(c) && c != u'-' && !isInternationalWordCharacter(c))
                return false;
        }
        if (!hasOnlyWordSurrogates(label))
            return false;
    }
    // A top-level domain is never numeric: "sian@192.168.0.1" is an address typed without brackets.
    const QString &top = labels.constLast();
    bool numeric = true;
    for (QChar c : top)
        numeric = numeric && c.isDigit();
    if (numeric || top.size() < 2)
        return false;
    // Lengths count in the ASCII form DNS uses ("münchen" travels as "xn--mnchen-3ya").
    const QByteArray ace = QUrl::toAce(domain);
    if (ace.isEmpty())
        return false;
    for (const QByteArray &label : ace.split('.')) {
        if (label.size() > kMaximumLabelOctets)
            return false;
    }
    return true;
}

} // namespace

Result<EmailAddress> EmailAddress::parse(QStringView text)
{
    QString cleaned;
    cleaned.reserve(text.size());
    for (QChar c : text) {
        if (c.category() != QChar::Other_Format)
            cleaned += c;
    }
    cleaned = cleaned.trimmed().normalized(QString::NormalizationForm_C);

    if (cleaned.isEmpty())
        return makeError(u"email.empty"_s, QCoreApplication::translate("fc::EmailAddress", "Enter an email address."));
    if (cleaned.toUtf8().size() > kMaximumOctets) {
        return makeError(
            u"email.too_long"_s,
            QCoreApplication::translate("fc::EmailAddress", "This email address is too long: at most 254 characters."));
    }
    for (QChar c : cleaned) {
        if (c.isSpace()) {
            return makeError(u"email.contains_space"_s,
                             QCoreApplication::translate("fc::EmailAddress", "An email address has no spaces."));
        }
    }
    const qsizetype ats = cleaned.count(u'@');
    if (ats == 0) {
        return makeError(
            u"email.missing_at"_s,
            QCoreApplication::translate("fc::EmailAddress", "An email address needs an @, as in name@example.org."));
    }
    if (ats > 1) {
        return makeError(u"email.multiple_at"_s,
                         QCoreApplication::translate("fc::EmailAddress", "An email address has only one @."));
    }
    const qsizetype at = cleaned.indexOf(u'@');
    const QStringView local = QStringView(cleaned).left(at);
    const QString domain = cleaned.mid(at + 1).toLower();
    if (local.isEmpty()) {
        return makeError(u"email.empty_local_part"_s,
                         QCoreApplication::translate("fc::EmailAddress", "Enter the part before the @."));
    }
    if (domain.isEmpty()) {
        return makeError(
            u"email.missing_domain"_s,
            QCoreApplication::translate("fc::EmailAddress", "Enter the part after the @, such as example.org."));
    }
    if (local.toUtf8().size() > kMaximumLocalPartOctets) {
        return makeError(u"email.local_part_too_long"_s,
                         QCoreApplication::translate("fc::EmailAddress",
                                                     "The part before the @ is too long: at most 64 characters."));
    }
    if (!isValidLocalPart(local)) {
        return makeError(u"email.invalid_local_part"_s,
                         QCoreApplication::translate("fc::EmailAddress",
                                                     "The part before the @ can have letters, digits, dots (not "
                                                     "first, last or two together) and - _ + ' ! # $ % & * / = ? "
                                                     "^ ` { | } ~."));
    }
    if (!domain.contains(u'.')) {
        return makeError(
            u"email.domain_without_dot"_s,
            QCoreApplication::translate("fc::EmailAddress", "The part after the @ needs a dot, as in example.org."));
    }
    if (!isValidDomain(domain)) {
        return makeError(u"email.invalid_domain"_s,
                         QCoreApplication::translate("fc::EmailAddress",
                                                     "The part after the @ is not a valid domain, such as "
                                                     "example.org."));
    }
    return EmailAddress(local + u'@' + domain);
}

QString EmailAddress::localPart() const
{
    return m_canonical.left(m_canonical.indexOf(u'@'));
}

QString EmailAddress::domain() const
{
    return m_canonical.mid(m_canonical.indexOf(u'@') + 1);
}

} // namespace fc
