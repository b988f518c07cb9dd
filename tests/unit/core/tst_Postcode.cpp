#include "core/Postcode.h"

#include <QTest>

using namespace Qt::StringLiterals;

using fc::Postcode;
using fc::PostcodeQuery;
using fc::PostcodeQueryKind;

Q_DECLARE_METATYPE(PostcodeQueryKind)

class tst_Postcode : public QObject {
    Q_OBJECT

private slots:
    void normalisesEveryFormat_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("outward");
        QTest::addColumn<QString>("inward");
        QTest::addColumn<QString>("searchKey");

        QTest::newRow("lower case") << u"pl1 2aa"_s << u"PL1 2AA"_s << u"PL1"_s << u"2AA"_s << u"PL12AA"_s;
        QTest::newRow("no space") << u"PL12AA"_s << u"PL1 2AA"_s << u"PL1"_s << u"2AA"_s << u"PL12AA"_s;
        QTest::newRow("stray spaces") << u" pl1  2aa "_s << u"PL1 2AA"_s << u"PL1"_s << u"2AA"_s << u"PL12AA"_s;
        QTest::newRow("space in the wrong place")
            << u"PL 12AA"_s << u"PL1 2AA"_s << u"PL1"_s << u"2AA"_s << u"PL12AA"_s;
        QTest::newRow("tab and no-break space")
            << u"\tPL1\u00A02AA"_s << u"PL1 2AA"_s << u"PL1"_s << u"2AA"_s << u"PL12AA"_s;
        QTest::newRow("direction marks from pasted text")
            << u"\u200FPL1 2AA\u200E"_s << u"PL1 2AA"_s << u"PL1"_s << u"2AA"_s << u"PL12AA"_s;
        QTest::newRow("A9 9AA") << u"m1 1aa"_s << u"M1 1AA"_s << u"M1"_s << u"1AA"_s << u"M11AA"_s;
        QTest::newRow("A99 9AA") << u"M60 1NW"_s << u"M60 1NW"_s << u"M60"_s << u"1NW"_s << u"M601NW"_s;
        QTest::newRow("AA9 9AA") << u"cr2 6xh"_s << u"CR2 6XH"_s << u"CR2"_s << u"6XH"_s << u"CR26XH"_s;
        QTest::newRow("AA99 9AA") << u"DN551PT"_s << u"DN55 1PT"_s << u"DN55"_s << u"1PT"_s << u"DN551PT"_s;
        QTest::newRow("A9A 9AA") << u"w1a 1hq"_s << u"W1A 1HQ"_s << u"W1A"_s << u"1HQ"_s << u"W1A1HQ"_s;
        QTest::newRow("AA9A 9AA") << u"ec1a1bb"_s << u"EC1A 1BB"_s << u"EC1A"_s << u"1BB"_s << u"EC1A1BB"_s;
        QTest::newRow("SW1A 1AA") << u"SW1A 1AA"_s << u"SW1A 1AA"_s << u"SW1A"_s << u"1AA"_s << u"SW1A1AA"_s;
        QTest::newRow("Girobank") << u"gir 0aa"_s << u"GIR 0AA"_s << u"GIR"_s << u"0AA"_s << u"GIR0AA"_s;
        QTest::newRow("Girobank, no space") << u"GIR0AA"_s << u"GIR 0AA"_s << u"GIR"_s << u"0AA"_s << u"GIR0AA"_s;
        QTest::newRow("Jersey") << u"JE2 3AB"_s << u"JE2 3AB"_s << u"JE2"_s << u"3AB"_s << u"JE23AB"_s;
        QTest::newRow("Belfast") << u"bt1 5gs"_s << u"BT1 5GS"_s << u"BT1"_s << u"5GS"_s << u"BT15GS"_s;
    }
    void normalisesEveryFormat()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(QString, outward);
        QFETCH(QString, inward);
        QFETCH(QString, searchKey);

        const fc::Result<Postcode> postcode = Postcode::parse(input);
        QVERIFY2(postcode.ok(), qPrintable(postcode.ok() ? QString() : postcode.error().message));
        QCOMPARE(postcode->canonical(), canonical);
        QCOMPARE(postcode->outward(), outward);
        QCOMPARE(postcode->inward(), inward);
        QCOMPARE(postcode->searchKey(), searchKey);

        const fc::Result<Postcode> again = Postcode::parse(postcode->searchKey());
        QVERIFY(again.ok());
        QCOMPARE(*again, *postcode);
    }

    void rejectsWithAClearError_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");

        QTest::newRow("empty") << QString() << u"postcode.empty"_s;
        QTest::newRow("spaces") << u"   "_s << u"postcode.empty"_s;
        QTest::newRow("outward only") << u"PL1"_s << u"postcode.invalid_format"_s;
        QTest::newRow("inward missing a letter") << u"PL1 2A"_s << u"postcode.invalid_format"_s;
        QTest::newRow("too long") << u"PL123 2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("digit first") << u"1PL 2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("three letters") << u"PLA1 2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("letter O for zero in inward") << u"PL1 OAA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("inward all digits") << u"PL1 234"_s << u"postcode.invalid_format"_s;
        QTest::newRow("hyphen") << u"PL1-2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("Q first") << u"QA1 2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("V first") << u"V1 2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("X first") << u"X1 2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("I second") << u"AI1 2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("J second") << u"BJ1 2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("Z second") << u"CZ1 2AA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("A9A with I third") << u"W1I 1HQ"_s << u"postcode.invalid_format"_s;
        QTest::newRow("AA9A with C fourth") << u"EC1C 1BB"_s << u"postcode.invalid_format"_s;
        QTest::newRow("C in inward") << u"PL1 2CA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("I in inward") << u"PL1 2AI"_s << u"postcode.invalid_format"_s;
        QTest::newRow("K in inward") << u"PL1 2KA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("M in inward") << u"PL1 2AM"_s << u"postcode.invalid_format"_s;
        QTest::newRow("O in inward") << u"PL1 2OA"_s << u"postcode.invalid_format"_s;
        QTest::newRow("V in inward") << u"PL1 2AV"_s << u"postcode.invalid_format"_s;
        QTest::newRow("Turkish dotless i would upper-case to I") << u"pl1 2a\u0131"_s << u"postcode.invalid_format"_s;
        QTest::newRow("sharp s would upper-case to SS") << u"pl1 2\u00DF"_s << u"postcode.invalid_format"_s;
        QTest::newRow("full-width letters")
            << u"\uFF30\uFF2C\uFF11 \uFF12\uFF21\uFF21"_s << u"postcode.invalid_format"_s;
        QTest::newRow("emoji") << u"PL1 2AA \U0001F3E0"_s << u"postcode.invalid_format"_s;
        QTest::newRow("right-to-left text") << u"\u05E9\u05DC\u05D5\u05DD"_s << u"postcode.invalid_format"_s;
        QTest::newRow("a name") << u"Jones"_s << u"postcode.invalid_format"_s;
        QTest::newRow("10k letters") << QString(10000, u'A') << u"postcode.invalid_format"_s;
        QTest::newRow("10k spaces") << QString(10000, u' ') << u"postcode.empty"_s;
    }
    void rejectsWithAClearError()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);
        const fc::Result<Postcode> postcode = Postcode::parse(input);
        QVERIFY2(!postcode.ok(), qPrintable(postcode.ok() ? postcode->canonical() : QString()));
        QCOMPARE(postcode.error().code, code);
        QVERIFY(!postcode.error().message.isEmpty());
    }

    void normalisesOutwardCodes_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty: rejected with postcode.invalid_format
        QTest::newRow("PL1") << u"pl1"_s << u"PL1"_s;
        QTest::newRow("PL12") << u" PL12 "_s << u"PL12"_s;
        QTest::newRow("M1") << u"m1"_s << u"M1"_s;
        QTest::newRow("SW1A") << u"sw1a"_s << u"SW1A"_s;
        QTest::newRow("W1A") << u"W1A"_s << u"W1A"_s;
        QTest::newRow("letters only") << u"PL"_s << QString();
        QTest::newRow("full postcode") << u"PL1 2AA"_s << QString();
        QTest::newRow("inner space") << u"PL 1"_s << QString();
        QTest::newRow("five characters") << u"PL123"_s << QString();
        QTest::newRow("Q first") << u"Q1"_s << QString();
        QTest::newRow("GIR alone") << u"GIR"_s << QString();
    }
    void normalisesOutwardCodes()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const fc::Result<QString> outward = fc::normaliseOutwardCode(input);
        if (expected.isEmpty()) {
            QVERIFY(!outward.ok());
            QCOMPARE(outward.error().code, u"postcode.invalid_format"_s);
        } else {
            QVERIFY(outward.ok());
            QCOMPARE(*outward, expected);
        }
    }

    void classifiesSearchBoxEntries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<PostcodeQueryKind>("kind");
        QTest::addColumn<QString>("value");
        QTest::newRow("full, spaced") << u"pl1 2aa"_s << PostcodeQueryKind::Full << u"PL1 2AA"_s;
        QTest::newRow("full, run together") << u"PL12AA"_s << PostcodeQueryKind::Full << u"PL1 2AA"_s;
        QTest::newRow("outward PL1") << u"pl1"_s << PostcodeQueryKind::Outward << u"PL1"_s;
        QTest::newRow("outward PL12") << u"PL12"_s << PostcodeQueryKind::Outward << u"PL12"_s;
        QTest::newRow("outward EC1A") << u"ec1a "_s << PostcodeQueryKind::Outward << u"EC1A"_s;
        QTest::newRow("a surname") << u"Jones"_s << PostcodeQueryKind::NotPostcode << QString();
        QTest::newRow("a two-letter name") << u"Al"_s << PostcodeQueryKind::NotPostcode << QString();
        QTest::newRow("a case reference") << u"C-1234567"_s << PostcodeQueryKind::NotPostcode << QString();
        QTest::newRow("a phone number") << u"07700 900123"_s << PostcodeQueryKind::NotPostcode << QString();
        QTest::newRow("name and outward") << u"Jones PL1"_s << PostcodeQueryKind::NotPostcode << QString();
        QTest::newRow("sector") << u"PL1 2"_s << PostcodeQueryKind::NotPostcode << QString();
        QTest::newRow("empty") << QString() << PostcodeQueryKind::NotPostcode << QString();
        QTest::newRow("emoji") << u"\U0001F3E0"_s << PostcodeQueryKind::NotPostcode << QString();
        QTest::newRow("right-to-left text")
            << u"\u0645\u062D\u0645\u062F"_s << PostcodeQueryKind::NotPostcode << QString();
        QTest::newRow("10k characters") << QString(10000, u'P') << PostcodeQueryKind::NotPostcode << QString();
    }
    void classifiesSearchBoxEntries()
    {
        QFETCH(QString, text);
        QFETCH(PostcodeQueryKind, kind);
        QFETCH(QString, value);
        const PostcodeQuery query = fc::classifyPostcodeQuery(text);
        QCOMPARE(query.kind, kind);
        QCOMPARE(query.value, value);
        QCOMPARE(fc::looksLikePostcodeOrOutward(text), kind != PostcodeQueryKind::NotPostcode);
    }

    void outwardMatchesOnlyItsOwnDistrict_data()
    {
        QTest::addColumn<QString>("postcode");
        QTest::addColumn<QString>("outward");
        QTest::addColumn<bool>("matches");
        QTest::newRow("PL1 finds PL1 2AA") << u"PL1 2AA"_s << u"PL1"_s << true;
        QTest::newRow("PL1 does not find PL12 3AB") << u"PL12 3AB"_s << u"PL1"_s << false;
        QTest::newRow("PL12 finds PL12 3AB") << u"PL12 3AB"_s << u"PL12"_s << true;
        QTest::newRow("PL12 does not find PL1 2AA") << u"PL1 2AA"_s << u"PL12"_s << false;
        QTest::newRow("case and spacing ignored") << u"pl12aa"_s << u" pl1"_s << true;
        QTest::newRow("W1 does not find W1A 1HQ") << u"W1A 1HQ"_s << u"W1"_s << false;
        QTest::newRow("W1A finds W1A 1HQ") << u"W1A 1HQ"_s << u"W1A"_s << true;
        QTest::newRow("EC1 does not find EC1A 1BB") << u"EC1A 1BB"_s << u"EC1"_s << false;
        QTest::newRow("invalid postcode") << u"PL1 2"_s << u"PL1"_s << false;
        QTest::newRow("invalid outward") << u"PL1 2AA"_s << u"PL"_s << false;
        QTest::newRow("empty outward") << u"PL1 2AA"_s << QString() << false;
    }
    void outwardMatchesOnlyItsOwnDistrict()
    {
        QFETCH(QString, postcode);
        QFETCH(QString, outward);
        QFETCH(bool, matches);
        QCOMPARE(fc::postcodeMatchesOutward(postcode, outward), matches);
    }

    // The SQL form documented in Postcode.h must agree with the function: GLOB 'PL1 *' on canonical.
    void canonicalSpaceEndsTheOutwardCode()
    {
        const QStringList stored { u"PL1 2AA"_s, u"PL12 3AB"_s, u"PL1 9ZZ"_s, u"PL13 1AA"_s };
        QStringList prefixMatches;
        QStringList ruleMatches;
        for (const QString &postcode : stored) {
            if (postcode.startsWith(u"PL1 "_s))
                prefixMatches.append(postcode);
            if (fc::postcodeMatchesOutward(postcode, u"PL1"_s))
                ruleMatches.append(postcode);
        }
        QCOMPARE(ruleMatches, (QStringList { u"PL1 2AA"_s, u"PL1 9ZZ"_s }));
        QCOMPARE(prefixMatches, ruleMatches);
    }
};

QTEST_GUILESS_MAIN(tst_Postcode)
#include "tst_Postcode.moc"
