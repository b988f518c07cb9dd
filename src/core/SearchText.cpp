#include "core/SearchText.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

struct Word {
    QString text;
    bool hyphenatedToPrevious = false;
};

// Latin letters that NFKD leaves whole, spelt as people type them on a UK keyboard. Compatibility
// decomposition already handles accents (â ŵ ś ë ó), ligatures (ﬁ), full-width and styled letters.
QLatin1StringView latinFolding(char32_t c)
{
    switch (c) {
    case U'ł':
    case U'Ł':
        return "l"_L1; // Polish: Łukasz, Michał
    case U'ø':
    case U'Ø':
        return "o"_L1; // Danish, Norwegian: Øyvind, Søren
    case U'đ':
    case U'Đ':
        return "d"_L1; // Croatian, Serbian, Vietnamese: Đorđević
    case U'ð':
    case U'Ð':
        return "d"_L1; // Icelandic, Faroese eth
    case U'þ':
    case U'Þ':
        return "th"_L1; // Icelandic thorn: Þór -> thor
    case U'ß':
    case U'ẞ':
        return "ss"_L1; // German: Weiß
    case U'æ':
    case U'Æ':
        return "ae"_L1; // Danish, Norwegian, Old English: Ælfric
    case U'œ':
    case U'Œ':
        return "oe"_L1; // French: Œuvray
    case U'ı':
        return "i"_L1; // Turkish dotless i: Işık (İ decomposes to I + dot)
    case U'ħ':
    case U'Ħ':
        return "h"_L1; // Maltese
    case U'ŧ':
    case U'Ŧ':
        return "t"_L1; // Sámi
    default:
        return {};
    }
}

// Inside a word these only mark elision: O'Neill, D’Arcy, Ta`ir, Hawai‘i. Removing them (rather than
// breaking) makes "O'Neill" and "ONeill" the same word, which is how people search for it.
bool isApostrophe(char32_t c)
{
    switch (c) {
    case U'\'':
    case U'`':
    case U'\u00B4': // acute accent used as an apostrophe
    case U'\u02BB': // modifier letter turned comma (okina)
    case U'\u02BC': // modifier letter apostrophe
    case U'\u2018':
    case U'\u2019':
    case U'\u201B':
    case U'\u2032': // prime, from some keyboards and OCR
        return true;
    default:
        return false;
    }
}

bool isMark(QChar::Category category)
{
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
        || category == QChar::Mark_Enclosing;
}

// Accents are dropped from Latin, Greek and Cyrillic letters, where search users expect "e" to find
// "é". In other scripts marks are often vowels (Devanagari, Hebrew points), so they stay.
bool dropsMarks(QChar::Script script)
{
    switch (script) {
    case QChar::Script_Latin:
    case QChar::Script_Greek:
    case QChar::Script_Cyrillic:
    case QChar::Script_Common:
    case QChar::Script_Inherited:
        return true;
    default:
        return false;
    }
}

void appendCodePoint(QString &out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out += QChar(QChar::highSurrogate(c));
        out += QChar(QChar::lowSurrogate(c));
    } else {
        out += QChar(static_cast<char16_t>(c));
    }
}

QList<Word> foldedWords(QStringView text)
{
    // U+00B4 would decompose to a space and a combining accent, splitting "O´Neill" in two.
    QString source = text.toString();
    source.replace(QChar(u'\u00B4'), QChar(u'\''));
    source = source.normalized(QString::NormalizationForm_KD);

    QList<Word> words;
    QString current;
    bool separatorHadDash = false;
    bool separatorOnlyDashes = true;
    QChar::Script baseScript = QChar::Script_Common;

    const auto endWord = [&] {
        if (current.isEmpty())
            return;
        const bool hyphenated = !words.isEmpty() && separatorHadDash && separatorOnlyDashes;
        words.append({ current.normalized(QString::NormalizationForm_C).toCaseFolded(), hyphenated });
        current.clear();
        separatorHadDash = false;
        separatorOnlyDashes = true;
    };
    const auto breakWord = [&](bool isDash) {
        endWord();
        if (isDash)
            separatorHadDash = true;
        else
            separatorOnlyDashes = false;
    };

    for (qsizetype i = 0; i < source.size(); ++i) {
        char32_t c = source.at(i).unicode();
        if (source.at(i).isHighSurrogate() && i + 1 < source.size() && source.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(source.at(i), source.at(i + 1));
            ++i;
        }
        const QChar::Category category = QChar::category(c);
        if (isApostrophe(c) || category == QChar::Other_Format)
            continue;
        if (isMark(category)) {
            if (!current.isEmpty() && !dropsMarks(baseScript))
                appendCodePoint(current, c);
            continue;
        }
        if (const QLatin1StringView folded = latinFolding(c); !folded.isEmpty()) {
            current += folded;
            baseScript = QChar::Script_Latin;
            continue;
        }
        if (QChar::isLetterOrNumber(c)) {
            appendCodePoint(current, c);
            baseScript = QChar::script(c);
            continue;
        }
        breakWord(category == QChar::Punctuation_Dash);
        baseScript = QChar::Script_Common;
    }
    endWord();
    return words;
}

void appendUnique(QStringList &list, const QString &token)
{
    if (!list.contains(token))
        list.append(token);
}

} // namespace

QString foldForSearch(QStringView text)
{
    QStringList words;
    for (const Word &word : foldedWords(text))
        words.append(word.text);
    return words.join(u' ');
}

QStringList searchTokens(QStringView text)
{
    const QList<Word> words = foldedWords(text);
    QStringList tokens;
    QString joined;
    qsizetype runLength = 0;
    for (const Word &word : words) {
        if (word.hyphenatedToPrevious) {
            joined += word.text;
            ++runLength;
        } else {
            if (runLength > 1)
                appendUnique(tokens, joined);
            joined = word.text;
            runLength = 1;
        }
        appendUnique(tokens, word.text);
    }
    if (runLength > 1)
        appendUnique(tokens, joined);
    return tokens;
}

QStringList searchQueryTokens(QStringView text)
{
    QStringList tokens;
    for (const Word &word : foldedWords(text))
        appendUnique(tokens, word.text);
    return tokens;
}

} // namespace fc
