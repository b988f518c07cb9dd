// Reading the search box: every kind of text becomes the right keys and words, and nothing typed can
// reach FTS syntax except as a quoted folded word.

#include "storage/CustomerQuery.h"

#include <QRegularExpression>
#include <QTest>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

// Every non-empty field, in declaration order, so one string pins the whole reading.
QString describe(const CustomerQuery &q)
{
    QStringList parts;
    const auto put = [&](const QString &name, const QString &value) {
        if (!value.isEmpty())
            parts.append(name + u'=' + value);
    };
    put(u"ref"_s, q.references.join(u','));
    put(u"case"_s, q.caseReferences.join(u','));
    put(u"phone"_s, q.phoneDigits);
    put(u"email"_s, q.email);
    put(u"uprn"_s, q.uprn);
    put(u"ending"_s, q.phoneEnding);
    put(u"emailStart"_s, q.emailStart);
    put(u"postcode"_s, q.postcodeKey);
    put(u"outward"_s, q.outwardCode);
    put(u"words"_s, q.words.join(u','));
    if (q.wordsAreAddress)
        parts.append(u"address"_s);
    put(u"withOutward"_s, q.wordsOutwardCode);
    put(u"withPostcode"_s, q.wordsPostcodeKey);
    return parts.join(u"; "_s);
}

QStringList hostileInputs()
{
    return {
        u"\""_s,
        u"\"\""_s,
        u"\"sian"_s,
        u"sian\""_s,
        u"*"_s,
        u"sian*"_s,
        u"**"_s,
        u"-"_s,
        u"-jones"_s,
        u"sian -jones"_s,
        u"OR"_s,
        u"sian OR jones"_s,
        u"NEAR"_s,
        u"sian NEAR jones"_s,
        u"sian NEAR/3 jones"_s,
        u"AND"_s,
        u"NOT"_s,
        u"sian AND NOT jones"_s,
        u"("_s,
        u"(sian"_s,
        u")"_s,
        u"names:sian"_s,
        u"^sian"_s,
        u"'; DROP TABLE customer; --"_s,
        QString(10000, u'a'),
        QString(5000, u'"'),
        u"😀"_s,
        u"😀 jones 👍🏽"_s,
        u"محمد علي"_s,
        u"\u05D9\u05E2\u05E7\u05D1 \u05DB\u05D4\u05DF"_s,
        u"jo\u0000nes"_s,
        u"\u202Ejones\u202C"_s,
        u"%"_s,
        u"_"_s,
        u"\\"_s,
        u"sian_jones"_s,
        u"\u0000"_s,
        u"\uFFFF"_s,
        u"\xD800 jones"_s,
    };
}

} // namespace

class tst_CustomerQuery : public QObject {
    Q_OBJECT

private slots:
    void readsWhatWasTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("reading");

        QTest::newRow("empty") << u""_s << u""_s;
        QTest::newRow("spaces") << u"   "_s << u""_s;
        QTest::newRow("customer reference") << u"C1234567"_s << u"ref=C1234567,C-1234567"_s;
        QTest::newRow("customer reference, lower case, hyphen") << u"c-1234567"_s << u"ref=C1234567,C-1234567"_s;
        QTest::newRow("case reference") << u"WST-2026-000123"_s << u"case=WST-2026-000123"_s;
        QTest::newRow("case reference read out") << u"wst 2026 123"_s << u"case=WST-2026-123,WST-2026-000123"_s;
        QTest::newRow("case reference run together") << u"wst2026000123"_s << u"case=WST-2026-000123"_s;
        QTest::newRow("email") << u" Sian.Jones@Example.ORG "_s << u"email=sian.jones@example.org"_s;
        QTest::newRow("email being typed") << u"Sian.Jones@exa"_s << u"emailStart=sian.jones@exa"_s;
        QTest::newRow("only a domain") << u"@example.org"_s << u""_s;
        QTest::newRow("phone, national") << u"07700 900123"_s << u"phone=32100900770"_s;
        QTest::newRow("phone, international") << u"+44 (0) 7700 900123"_s << u"phone=32100900770"_s;
        QTest::newRow("phone, dotted") << u"07700.900.123"_s << u"phone=32100900770"_s;
        QTest::newRow("landline with hyphens") << u"01752-123-456"_s << u"phone=65432125710"_s;
        QTest::newRow("last six digits, also a UPRN") << u"900123"_s << u"uprn=900123; ending=321009"_s;
        QTest::newRow("last digits with a space") << u"900 123"_s << u"ending=321009"_s;
        QTest::newRow("nine digits") << u"100040123"_s << u"uprn=100040123; ending=321040001"_s;
        QTest::newRow("UPRN with leading zeros") << u"000100040123"_s << u"uprn=100040123; ending=321040001000"_s;
        QTest::newRow("five digits: only a UPRN") << u"12345"_s << u"uprn=12345"_s;
        QTest::newRow("full postcode") << u"PL1 2AA"_s << u"postcode=PL12AA"_s;
        QTest::newRow("full postcode, no space") << u"pl12aa"_s << u"postcode=PL12AA"_s;
        QTest::newRow("outward code") << u"pl1"_s << u"outward=PL1"_s;
        QTest::newRow("longer outward code") << u"PL12"_s << u"outward=PL12"_s;
        QTest::newRow("name") << u"Siân Jones"_s << u"words=sian,jones"_s;
        QTest::newRow("name, any order") << u"jones sian"_s << u"words=jones,sian"_s;
        QTest::newRow("apostrophe") << u"O'Neill"_s << u"words=oneill"_s;
        QTest::newRow("curly apostrophe") << u"O\u2019Neill"_s << u"words=oneill"_s;
        QTest::newRow("Irish fada") << u"Ní Bhriain"_s << u"words=ni,bhriain"_s;
        QTest::newRow("Polish letters") << u"Łukasz Wiśniewska"_s << u"words=lukasz,wisniewska"_s;
        QTest::newRow("hyphenated") << u"Jones-Evans"_s << u"words=jones,evans"_s;
        QTest::newRow("initial dropped") << u"s jones"_s << u"words=jones"_s;
        QTest::newRow("only initials") << u"s j"_s << u""_s;
        QTest::newRow("address") << u"12 Mill"_s << u"words=12,mill; address"_s;
        QTest::newRow("flat") << u"Flat 3"_s << u"words=flat,3"_s;
        QTest::newRow("name and outward code") << u"jones pl1"_s << u"words=jones; withOutward=PL1"_s;
        QTest::newRow("outward code first") << u"PL1 jones"_s << u"words=jones; withOutward=PL1"_s;
        QTest::newRow("name and postcode") << u"sian jones pl1 2aa"_s << u"words=sian,jones; withPostcode=PL12AA"_s;
        QTest::newRow("name and postcode, no space") << u"jones PL12AA"_s << u"words=jones; withPostcode=PL12AA"_s;
        QTest::newRow("address and postcode")
            << u"12 mill pl1 2aa"_s << u"words=12,mill; address; withPostcode=PL12AA"_s;
        QTest::newRow("initial and outward code") << u"s pl1"_s << u"outward=PL1"_s;
        QTest::newRow("operators are words") << u"sian OR jones NEAR AND"_s << u"words=sian,or,jones,near,and"_s;
        QTest::newRow("quotes and stars") << u"\"sian* -jones"_s << u"words=sian,jones"_s;
        QTest::newRow("SQL") << u"'; DROP TABLE customer; --"_s << u"words=drop,table,customer"_s;
        QTest::newRow("emoji alone") << u"😀"_s << u""_s;
        QTest::newRow("emoji around a name") << u"😀 jones 👍🏽"_s << u"words=jones"_s;
        QTest::newRow("Arabic") << u"محمد"_s << u"words=محمد"_s;
        QTest::newRow("NUL splits") << u"jo\u0000nes"_s << u"words=jo,nes"_s;
        QTest::newRow("seven words keep six")
            << u"one two three four five six seven"_s << u"words=one,two,three,four,five,six"_s;
        QTest::newRow("10k characters") << QString(10000, u'a') << (u"words="_s + QString(40, u'a'));
    }
    void readsWhatWasTyped()
    {
        QFETCH(QString, typed);
        QFETCH(QString, reading);
        QCOMPARE(describe(CustomerQuery::parse(typed)), reading);
    }

    void emptyReadingIsEmpty()
    {
        QVERIFY(CustomerQuery::parse(u"  "_s).isEmpty());
        QVERIFY(CustomerQuery::parse(u"😀"_s).isEmpty());
        QVERIFY(!CustomerQuery::parse(u"jones"_s).isEmpty());
        QVERIFY(!CustomerQuery::parse(u"pl1"_s).isEmpty());
    }

    void ftsMatchQuotesEveryWord_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("match");

        QTest::newRow("name") << u"Siân Jones"_s << u"\"sian*\" \"jones*\""_s;
        QTest::newRow("house number matches whole") << u"12 mill"_s << u"\"12\" \"mill*\""_s;
        QTest::newRow("flat 3b is a prefix") << u"3b harbour"_s << u"\"3b*\" \"harbour*\""_s;
        QTest::newRow("postcode is left to SQL") << u"jones pl1 2aa"_s << u"\"jones*\""_s;
        QTest::newRow("operators are quoted words") << u"OR NEAR"_s << u"\"or*\" \"near*\""_s;
        QTest::newRow("no words") << u"PL1"_s << u""_s;
    }
    void ftsMatchQuotesEveryWord()
    {
        QFETCH(QString, typed);
        QFETCH(QString, match);
        QCOMPARE(CustomerQuery::parse(typed).ftsMatch(), match);
    }

    void hostileTextGivesOnlyQuotedWords_data()
    {
        QTest::addColumn<QString>("typed");
        const QStringList inputs = hostileInputs();
        for (qsizetype i = 0; i < inputs.size(); ++i)
            QTest::addRow("hostile %d", int(i)) << inputs.at(i);
    }
    void hostileTextGivesOnlyQuotedWords()
    {
        QFETCH(QString, typed);
        const CustomerQuery query = CustomerQuery::parse(typed);
        // One quoted run of letters or digits per word, an optional star inside the quotes, one space
        // between: no operator, column filter, bracket or bare quote can appear.
        static const QRegularExpression safe(u"^(\"[\\p{L}\\p{N}\\p{M}]+\\*?\"( (?=\"))?)*$"_s);
        QVERIFY2(safe.match(query.ftsMatch()).hasMatch(), qPrintable(query.ftsMatch()));
        QVERIFY(query.words.size() <= CustomerQuery::kMaximumWords);
        for (const QString &word : query.words)
            QVERIFY(word.size() <= CustomerQuery::kMaximumWordLength);
    }
};

QTEST_GUILESS_MAIN(tst_CustomerQuery)
#include "tst_CustomerQuery.moc"
