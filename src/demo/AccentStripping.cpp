#include "demo/AccentStripping.h"

using namespace Qt::StringLiterals;

namespace fc {

QString withoutAccents(QStringView text)
{
    // Letters with a stroke or ligatures have no decomposition, so NFD alone would keep them.
    QString result;
    result.reserve(text.size());
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_D);
    for (const QChar c : decomposed) {
        switch (c.unicode()) {
        case u'ł':
            result += u'l';
            continue;
        case u'Ł':
            result += u'L';
            continue;
        case u'ø':
            result += u'o';
            continue;
        case u'Ø':
            result += u'O';
            continue;
        case u'đ':
            result += u'd';
            continue;
        case u'Đ':
            result += u'D';
            continue;
        case u'ß':
            result += u"ss"_s;
            continue;
        case u'æ':
            result += u"ae"_s;
            continue;
        case u'Æ':
            result += u"AE"_s;
            continue;
        case u'ı':
            result += u'i';
            continue;
        default:
            break;
        }
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        result += c;
    }
    return result;
}

} // namespace fc
