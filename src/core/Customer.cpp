#include "core/Customer.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

QString Customer::displayName() const
{
    // The name they asked to be called replaces the given name only; the family name still tells
    // two customers called "Jo" apart on a list.
    const QString given = preferredName.trimmed().isEmpty() ? givenName.trimmed() : preferredName.trimmed();
    const QString family = familyName.trimmed();
    if (!given.isEmpty() && !family.isEmpty())
        return given % u' ' % family;
    if (!given.isEmpty())
        return given;
    if (!family.isEmpty())
        return family;
    if (!reference.isEmpty())
        return reference;
    return QCoreApplication::translate("fc::Customer", "Unnamed customer");
}

} // namespace fc
