#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace fc {

// Folds names and addresses to the plain lower-case words the cache's FTS4 index holds, so "Siân",
// "SIAN" and "sian" find each other. The cache's unicode61 tokenizer leaves ł, ø, ß, æ, œ, þ, đ, ı
// alone and splits at apostrophes and hyphens, so both the indexed text and every query go through
// these functions first and the tokenizer only ever sees folded words (docs/domain/NORMALISATION.md
// lists every rule). Output contains only letters, digits and single spaces, all lower case, so it
// can go into a MATCH expression without quoting ("or", "and", "near" are not operators in lower case).

/// "Siân O'Neill-Smith" -> "sian oneill smith"; "Łukasz Wiśniewski" -> "lukasz wisniewski".
/// Apostrophes (' ’ ‘ ` ´ ʼ ʻ ′) vanish inside a word; hyphens, other punctuation, symbols and emoji
/// become word breaks; invisible format characters (direction marks, soft hyphens) vanish.
QString foldForSearch(QStringView text);

/// The words to index: the folded words plus, for each hyphenated run, the run joined
/// ("Smith-Jones" -> smith, jones, smithjones), in order of first appearance, without repeats.
QStringList searchTokens(QStringView text);

/// The words to query with: the folded words without the joined forms (so "Smith-Jones" also finds
/// "Smith Jones"; "smithjones" still finds "Smith-Jones" through the indexed joined form), in order,
/// without repeats.
QStringList searchQueryTokens(QStringView text);

} // namespace fc
