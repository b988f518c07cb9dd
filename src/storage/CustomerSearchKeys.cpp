#include "storage/CustomerSearchKeys.h"

#include "core/EmailAddress.h"
#include "core/PhoneNumber.h"
#include "core/Postcode.h"
#include "core/SearchText.h"

using namespace Qt::StringLiterals;

namespace fc {

namespace {

void appendUnique(QStringList &list, const QStringList &more)
{
    for (const QString &token : more) {
        if (!list.contains(token))
            list.append(token);
    }
}

// The apostrophes fc_core's folding removes inside a word (SearchText.cpp); here they split it.
bool isApostrophe(QChar c)
{
    switch (c.unicode()) {
    case u'\'':
    case u'`':
    case u'\u00B4':
    case u'\u02BB':
    case u'\u02BC':
    case u'\u2018':
    case u'\u2019':
    case u'\u201B':
    case u'\u2032':
        return true;
    default:
        return false;
    }
}

} // namespace

QStringList nameSearchTokens(QStringView name)
{
    QStringList tokens = searchTokens(name);
    bool hasApostrophe = false;
    QString split = name.toString();
    for (QChar &c : split) {
        if (isApostrophe(c)) {
            c = u' ';
            hasApostrophe = true;
        }
    }
    if (hasApostrophe)
        appendUnique(tokens, searchTokens(split));
    return tokens;
}

CustomerSearchKeys customerSearchKeys(const Customer &customer)
{
    CustomerSearchKeys keys;
    keys.familyFold = foldForSearch(customer.familyName).remove(u' ');

    if (const Result<Postcode> postcode = Postcode::parse(customer.address.postcode)) {
        keys.postcodeKey = postcode->searchKey();
        keys.outwardCode = postcode->outward();
    }

    for (const QString &phone : customer.phones)
        keys.phoneDigits.append(phoneSuffixSearchKey(phone));
    for (const QString &email : customer.emails) {
        const Result<EmailAddress> parsed = EmailAddress::parse(email);
        keys.emailKeys.append(parsed ? parsed->searchKey() : email.trimmed().toLower());
    }

    QStringList names;
    appendUnique(names, nameSearchTokens(customer.givenName));
    appendUnique(names, nameSearchTokens(customer.familyName));
    appendUnique(names, nameSearchTokens(customer.preferredName));
    keys.ftsNames = names.join(u' ');
    keys.ftsAddress = searchTokens(customer.address.line1).join(u' ');
    return keys;
}

} // namespace fc
