#include "core/SearchText.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_SearchText : public QObject {
    Q_OBJECT

private slots:
    void foldsNamesAndAddresses_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("folded");

        // Accents that NFKD decomposes.
        QTest::newRow("Welsh circumflex") << u"Siân"_s << u"sian"_s;
        QTest::newRow("Welsh ŵ ŷ") << u"Gŵyn Llŷr"_s << u"gwyn llyr"_s;
        QTest::newRow("Polish ś") << u"Wiśniewska"_s << u"wisniewska"_s;
        QTest::newRow("Irish fada") << u"Ní Bhriain"_s << u"ni bhriain"_s;
        QTest::newRow("diaeresis") << u"Zoë"_s << u"zoe"_s;
        QTest::newRow("Czech háček") << u"Dvořák"_s << u"dvorak"_s;
        QTest::newRow("Turkish dotted capital İ") << u"İlker"_s << u"ilker"_s;
        QTest::newRow("Romanian comma below") << u"Ștefan Țurcanu"_s << u"stefan turcanu"_s;
        QTest::newRow("Vietnamese stacked marks") << u"Nguyễn"_s << u"nguyen"_s;
        QTest::newRow("already decomposed (NFD)") << u"Sia\u0302n"_s << u"sian"_s;
        // Letters NFKD leaves whole: our own table.
        QTest::newRow("Polish Ł") << u"Łukasz Michał"_s << u"lukasz michal"_s;
        QTest::newRow("Norwegian Ø") << u"Øyvind Søren"_s << u"oyvind soren"_s;
        QTest::newRow("German ß") << u"Weiß"_s << u"weiss"_s;
        QTest::newRow("capital sharp s") << u"WEIẞ"_s << u"weiss"_s;
        QTest::newRow("Æ") << u"Ælfric"_s << u"aelfric"_s;
        QTest::newRow("æ with an accent") << u"ǽ"_s << u"ae"_s;
        QTest::newRow("Œ") << u"Œuvray cœur"_s << u"oeuvray coeur"_s;
        QTest::newRow("Þ") << u"Þór"_s << u"thor"_s;
        QTest::newRow("ð") << u"Guðrún"_s << u"gudrun"_s;
        QTest::newRow("Đ đ") << u"Đorđević"_s << u"dordevic"_s;
        QTest::newRow("dotless ı") << u"Işık"_s << u"isik"_s;
        QTest::newRow("Maltese ħ") << u"Ħal Qormi"_s << u"hal qormi"_s;
        // Apostrophes vanish; they do not split.
        QTest::newRow("ASCII apostrophe") << u"O'Neill"_s << u"oneill"_s;
        QTest::newRow("typographic apostrophe") << u"O’Neill"_s << u"oneill"_s;
        QTest::newRow("left quote as apostrophe") << u"O‘Neill"_s << u"oneill"_s;
        QTest::newRow("backtick") << u"O`Neill"_s << u"oneill"_s;
        QTest::newRow("acute accent as apostrophe") << u"O´Neill"_s << u"oneill"_s;
        QTest::newRow("modifier letter apostrophe") << u"Oʼneill"_s << u"oneill"_s;
        QTest::newRow("already joined") << u"ONeill"_s << u"oneill"_s;
        QTest::newRow("D'Arcy") << u"D’Arcy-Smith"_s << u"darcy smith"_s;
        // Hyphens and other punctuation break words.
        QTest::newRow("hyphen") << u"Smith-Jones"_s << u"smith jones"_s;
        QTest::newRow("en dash") << u"Smith–Jones"_s << u"smith jones"_s;
        QTest::newRow("non-breaking hyphen") << u"Smith\u2011Jones"_s << u"smith jones"_s;
        QTest::newRow("address punctuation")
            << u"Flat 3, Harbour House, 12a Mill St."_s << u"flat 3 harbour house 12a mill st"_s;
        QTest::newRow("slash and brackets") << u"3/4 (rear) Mill Rd"_s << u"3 4 rear mill rd"_s;
        QTest::newRow("ampersand") << u"Marks & Spencer"_s << u"marks spencer"_s;
        QTest::newRow("FTS syntax characters") << u"\"jones\" * -smith OR"_s << u"jones smith or"_s;
        // Spacing and invisible characters.
        QTest::newRow("runs of spaces") << u"  Siân \t  Jones  "_s << u"sian jones"_s;
        QTest::newRow("no-break space") << u"Siân\u00A0Jones"_s << u"sian jones"_s;
        QTest::newRow("soft hyphen vanishes") << u"Smi\u00ADth"_s << u"smith"_s;
        QTest::newRow("zero-width space vanishes") << u"Jo\u200Bnes"_s << u"jones"_s;
        QTest::newRow("ligature") << u"ﬁnch"_s << u"finch"_s;
        QTest::newRow("full-width letters") << u"\uFF2A\uFF4F\uFF4E\uFF45\uFF53"_s << u"jones"_s;
        QTest::newRow("superscript digit") << u"Flat ²"_s << u"flat 2"_s;
        // Other scripts: lower-cased, accents dropped in Greek and Cyrillic, kept where they are vowels.
        QTest::newRow("Greek") << u"Άννα ΣΟΦΊΑ"_s << u"αννα σοφια"_s;
        QTest::newRow("Greek final sigma folds to sigma") << u"Ὀδυσσεύς"_s << u"οδυσσευσ"_s;
        QTest::newRow("Cyrillic") << u"Алёна"_s << u"алена"_s;
        QTest::newRow("Arabic, right to left") << u"محمد علي"_s << u"محمد علي"_s;
        QTest::newRow("Arabic with direction marks") << u"\u202Bمحمد\u202C"_s << u"محمد"_s;
        QTest::newRow("Hebrew points kept") << u"שָׁלוֹם"_s << u"שָׁלוֹם"_s.normalized(QString::NormalizationForm_C);
        QTest::newRow("Devanagari vowel signs kept") << u"प्रिया"_s << u"प्रिया"_s;
        QTest::newRow("Chinese") << u"王 芳"_s << u"王 芳"_s;
        QTest::newRow("Korean recomposed after NFKD") << u"김민준"_s << u"김민준"_s;
        // Nothing left to search.
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("spaces only") << u"   "_s << QString();
        QTest::newRow("punctuation only") << u"-'.,"_s << QString();
        QTest::newRow("emoji only") << u"\U0001F600\U0001F44D\U0001F3FD"_s << QString();
        QTest::newRow("emoji between words") << u"Siân\U0001F600Jones"_s << u"sian jones"_s;
        QTest::newRow("family emoji with joiners")
            << u"Jones \U0001F468\u200D\U0001F469\u200D\U0001F467"_s << u"jones"_s;
        QTest::newRow("keycap") << u"Flat 1\uFE0F\u20E3"_s << u"flat 1"_s;
        QTest::newRow("lone surrogate") << QString(u"Jo"_s + QChar(0xD83D) + u"nes"_s) << u"jo nes"_s;
        QTest::newRow("control characters") << u"Siân\u0000Jones\u0007"_s << u"sian jones"_s;
    }
    void foldsNamesAndAddresses()
    {
        QFETCH(QString, input);
        QFETCH(QString, folded);
        QCOMPARE(fc::foldForSearch(input), folded);
    }

    void foldingTwiceChangesNothing_data() { foldsNamesAndAddresses_data(); }
    void foldingTwiceChangesNothing()
    {
        QFETCH(QString, folded);
        QCOMPARE(fc::foldForSearch(folded), folded);
    }

    void spellingsOfOneNameFoldAlike_data()
    {
        QTest::addColumn<QStringList>("spellings");
        QTest::newRow("O'Neill") << QStringList { u"O'Neill"_s, u"O’Neill"_s, u"oneill"_s, u"ONEILL"_s, u"O`Neill"_s };
        QTest::newRow("Siân") << QStringList { u"Siân"_s, u"SIÂN"_s, u"sian"_s, u"Sia\u0302n"_s };
        QTest::newRow("Łukasz") << QStringList { u"Łukasz"_s, u"ŁUKASZ"_s, u"lukasz"_s };
        QTest::newRow("Strauß") << QStringList { u"Strauß"_s, u"STRAUSS"_s, u"strauss"_s };
    }
    void spellingsOfOneNameFoldAlike()
    {
        QFETCH(QStringList, spellings);
        const QString first = fc::foldForSearch(spellings.constFirst());
        for (const QString &spelling : spellings)
            QCOMPARE(fc::foldForSearch(spelling), first);
    }

    void indexTokensAddJoinedHyphenatedForms_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("double-barrelled")
            << u"Smith-Jones"_s << QStringList { u"smith"_s, u"jones"_s, u"smithjones"_s };
        QTest::newRow("with given name") << u"Siân Smith-Jones"_s
                                         << QStringList { u"sian"_s, u"smith"_s, u"jones"_s, u"smithjones"_s };
        QTest::newRow("joined form before the next word")
            << u"Smith–Jones Brown"_s << QStringList { u"smith"_s, u"jones"_s, u"smithjones"_s, u"brown"_s };
        QTest::newRow("triple") << u"Ap-Rhys-Price"_s
                                << QStringList { u"ap"_s, u"rhys"_s, u"price"_s, u"aprhysprice"_s };
        QTest::newRow("apostrophe and hyphen")
            << u"O'Neill-Smith"_s << QStringList { u"oneill"_s, u"smith"_s, u"oneillsmith"_s };
        QTest::newRow("spaced dash is not a hyphen") << u"Smith - Jones"_s << QStringList { u"smith"_s, u"jones"_s };
        QTest::newRow("comma then hyphen is not a hyphen")
            << u"Smith,-Jones"_s << QStringList { u"smith"_s, u"jones"_s };
        QTest::newRow("leading hyphen") << u"-Jones"_s << QStringList { u"jones"_s };
        QTest::newRow("repeats dropped") << u"Jones Jones-Jones"_s << QStringList { u"jones"_s, u"jonesjones"_s };
        QTest::newRow("accented double-barrel")
            << u"Wiśniewska-Łęcka"_s << QStringList { u"wisniewska"_s, u"lecka"_s, u"wisniewskalecka"_s };
        QTest::newRow("empty") << QString() << QStringList {};
        QTest::newRow("emoji only") << u"\U0001F600"_s << QStringList {};
    }
    void indexTokensAddJoinedHyphenatedForms()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, tokens);
        QCOMPARE(fc::searchTokens(input), tokens);
    }

    void queryTokensAreTheFoldedWords_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("double-barrelled, no joined form") << u"Smith-Jones"_s << QStringList { u"smith"_s, u"jones"_s };
        QTest::newRow("run together") << u"smithjones"_s << QStringList { u"smithjones"_s };
        QTest::newRow("repeats dropped") << u"jones JONES Jones"_s << QStringList { u"jones"_s };
        QTest::newRow("empty") << QString() << QStringList {};
    }
    void queryTokensAreTheFoldedWords()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, tokens);
        QCOMPARE(fc::searchQueryTokens(input), tokens);
    }

    // What FTS AND-matching will do with these tokens: every query token must be an index token.
    void queryFindsIndexedName_data()
    {
        QTest::addColumn<QString>("indexed");
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("found");
        QTest::newRow("hyphenated found by both parts") << u"Smith-Jones"_s << u"smith jones"_s << true;
        QTest::newRow("hyphenated found by joined form") << u"Smith-Jones"_s << u"smithjones"_s << true;
        QTest::newRow("hyphenated query finds spaced name") << u"Smith Jones"_s << u"Smith-Jones"_s << true;
        QTest::newRow("joined query does not find spaced name") << u"Smith Jones"_s << u"smithjones"_s << false;
        QTest::newRow("apostrophe either way") << u"O’Neill"_s << u"o'neill"_s << true;
        QTest::newRow("Łukasz found without the stroke") << u"Łukasz Wiśniewski"_s << u"lukasz wisniewski"_s << true;
        QTest::newRow("different name") << u"Siân Jones"_s << u"sean jones"_s << false;
    }
    void queryFindsIndexedName()
    {
        QFETCH(QString, indexed);
        QFETCH(QString, query);
        QFETCH(bool, found);
        const QStringList index = fc::searchTokens(indexed);
        bool all = true;
        for (const QString &token : fc::searchQueryTokens(query))
            all = all && index.contains(token);
        QCOMPARE(all, found);
    }

    void longTextFoldsWhole()
    {
        const QString word = u"Łukasz "_s;
        QString text;
        for (int i = 0; i < 10000 / word.size(); ++i)
            text += word;
        const QString folded = fc::foldForSearch(text);
        QCOMPARE(folded.size(), 10000 / word.size() * word.size() - 1);
        QVERIFY(folded.startsWith(u"lukasz lukasz"_s));
        QCOMPARE(fc::searchTokens(text), QStringList { u"lukasz"_s });
    }

    void tenThousandCharactersOfOneWord()
    {
        const QString text(10000, u'ł');
        QCOMPARE(fc::foldForSearch(text), QString(10000, u'l'));
        QCOMPARE(fc::foldForSearch(QString(10000, u'-')), QString());
    }
};

QTEST_GUILESS_MAIN(tst_SearchText)
#include "tst_SearchText.moc"
