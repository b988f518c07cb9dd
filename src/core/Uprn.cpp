#include "core/Uprn.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

Result<Uprn> Uprn::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return makeError(u"uprn.empty"_s, QCoreApplication::translate("fc::Uprn", "Enter a UPRN."));
    for (QChar c : trimmed) {
        if (c < u'0' || c > u'9') {
            return makeError(u"uprn.invalid_character"_s,
                             QCoreApplication::translate("fc::Uprn", "A UPRN contains only the digits 0 to 9."));
        }
    }
    // Checked on the digits as given: a 13-digit value is a different identifier or a typing slip,
    // even when it starts with zero.
    if (trimmed.size() > kMaximumDigits) {
        return makeError(u"uprn.too_long"_s, QCoreApplication::translate("fc::Uprn", "A UPRN has at most 12 digits."));
    }
    qsizetype firstSignificant = 0;
    while (firstSignificant < trimmed.size() && trimmed.at(firstSignificant) == u'0')
        ++firstSignificant;
    if (firstSignificant == trimmed.size()) {
        return makeError(u"uprn.zero"_s,
                         QCoreApplication::translate("fc::Uprn", "A UPRN is never zero: check the number."));
    }
    return Uprn(trimmed.mid(firstSignificant).toString());
}

} // namespace fc
