#include "core/PhoneNumber.h"

#include <QTest>

using namespace Qt::StringLiterals;

using fc::PhoneNumber;

namespace {

QString kindName(PhoneNumber::Kind kind)
{
    switch (kind) {
    case PhoneNumber::Kind::Geographic:
        return u"geographic"_s;
    case PhoneNumber::Kind::Mobile:
        return u"mobile"_s;
    case PhoneNumber::Kind::NonGeographic:
        return u"non-geographic"_s;
    case PhoneNumber::Kind::Freephone:
        return u"freephone"_s;
    case PhoneNumber::Kind::PremiumRate:
        return u"premium"_s;
    case PhoneNumber::Kind::International:
        return u"international"_s;
    }
    return {};
}

} // namespace

class tst_PhoneNumber : public QObject {
    Q_OBJECT

private slots:
    void parsesEveryWrittenForm_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("national");
        QTest::addColumn<QString>("kind");

        const QString mobile = u"+447700900123"_s;
        const auto addMobile = [&](const char *name, const QString &input) {
            QTest::newRow(name) << input << mobile << u"07700 900123"_s << u"07700900123"_s << u"mobile"_s;
        };
        addMobile("mobile, national spaced", u"07700 900123"_s);
        addMobile("mobile, +44", u"+44 7700 900123"_s);
        addMobile("mobile, 0044", u"0044 7700 900123"_s);
        addMobile("mobile, +44 (0)", u"+44 (0) 7700 900123"_s);
        addMobile("mobile, 0044 (0)", u"0044 (0)7700 900123"_s);
        addMobile("mobile, +44 with the trunk 0 kept", u"+44 07700 900123"_s);
        addMobile("mobile, dots", u"07700.900.123"_s);
        addMobile("mobile, hyphens", u"07700-900-123"_s);
        addMobile("mobile, en dash", u"07700\u2013900123"_s);
        addMobile("mobile, stray spaces", u"  0 7 7 0 0   9 0 0 1 2 3  "_s);
        addMobile("mobile, tab", u"07700\t900123"_s);
        addMobile("mobile, no-break space", u"07700\u00A0900123"_s);
        addMobile("mobile, right-to-left marks from a pasted page", u"\u200F07700 900123\u200E"_s);
        addMobile("mobile, zero-width space", u"07700\u200B900123"_s);
        addMobile("mobile, brackets", u"(07700) 900123"_s);
        addMobile("mobile, canonical", u"+447700900123"_s);

        const QString plymouth = u"+441752123456"_s;
        const auto addPlymouth = [&](const char *name, const QString &input) {
            QTest::newRow(name) << input << plymouth << u"01752 123456"_s << u"01752123456"_s << u"geographic"_s;
        };
        addPlymouth("geographic, bracketed area code", u"(01752) 123456"_s);
        addPlymouth("geographic, +44 (0)", u"+44 (0) 1752 123456"_s);
        addPlymouth("geographic, hyphens", u"01752-123-456"_s);
        addPlymouth("geographic, slash", u"01752 / 123456"_s);
        addPlymouth("geographic, run together", u"01752123456"_s);
        addPlymouth("geographic, canonical", u"+441752123456"_s);

        QTest::newRow("London 020") << u"020 7946 0000"_s << u"+442079460000"_s << u"020 7946 0000"_s
                                    << u"02079460000"_s << u"geographic"_s;
        QTest::newRow("London run together")
            << u"02079460000"_s << u"+442079460000"_s << u"020 7946 0000"_s << u"02079460000"_s << u"geographic"_s;
        QTest::newRow("Leeds 0113") << u"0113 496 0000"_s << u"+441134960000"_s << u"0113 496 0000"_s
                                    << u"01134960000"_s << u"geographic"_s;
        QTest::newRow("Birmingham 0121") << u"01214960000"_s << u"+441214960000"_s << u"0121 496 0000"_s
                                         << u"01214960000"_s << u"geographic"_s;
        QTest::newRow("drama range 01632")
            << u"01632 960123"_s << u"+441632960123"_s << u"01632 960123"_s << u"01632960123"_s << u"geographic"_s;
        QTest::newRow("ten-digit 01 (mixed area)")
            << u"01387 12345"_s << u"+44138712345"_s << u"01387 12345"_s << u"0138712345"_s << u"geographic"_s;
        QTest::newRow("six-digit area code, 4-digit local")
            << u"016977 2345"_s << u"+44169772345"_s << u"016977 2345"_s << u"0169772345"_s << u"geographic"_s;
        QTest::newRow("six-digit area code, 5-digit local")
            << u"01539412345"_s << u"+441539412345"_s << u"015394 12345"_s << u"01539412345"_s << u"geographic"_s;
        QTest::newRow("Guernsey is in the UK plan")
            << u"01481 123456"_s << u"+441481123456"_s << u"01481 123456"_s << u"01481123456"_s << u"geographic"_s;
        QTest::newRow("03 non-geographic") << u"0300 123 4567"_s << u"+443001234567"_s << u"0300 123 4567"_s
                                           << u"03001234567"_s << u"non-geographic"_s;
        QTest::newRow("0345") << u"03456789012"_s << u"+443456789012"_s << u"0345 678 9012"_s << u"03456789012"_s
                              << u"non-geographic"_s;
        QTest::newRow("0800, 10 digits") << u"0800 123456"_s << u"+44800123456"_s << u"0800 123456"_s << u"0800123456"_s
                                         << u"freephone"_s;
        QTest::newRow("0800, 11 digits") << u"0800 123 4567"_s << u"+448001234567"_s << u"0800 123 4567"_s
                                         << u"08001234567"_s << u"freephone"_s;
        QTest::newRow("0808") << u"0808 157 0000"_s << u"+448081570000"_s << u"0808 157 0000"_s << u"08081570000"_s
                              << u"freephone"_s;
        QTest::newRow("0500") << u"0500 123456"_s << u"+44500123456"_s << u"0500 123456"_s << u"0500123456"_s
                              << u"freephone"_s;
        QTest::newRow("056 VoIP") << u"0560 123 4567"_s << u"+445601234567"_s << u"0560 123 4567"_s << u"05601234567"_s
                                  << u"non-geographic"_s;
        QTest::newRow("0845") << u"0845 123 4567"_s << u"+448451234567"_s << u"0845 123 4567"_s << u"08451234567"_s
                              << u"non-geographic"_s;
        QTest::newRow("0870") << u"0870-123-4567"_s << u"+448701234567"_s << u"0870 123 4567"_s << u"08701234567"_s
                              << u"non-geographic"_s;
        QTest::newRow("09 premium") << u"0909 879 0000"_s << u"+449098790000"_s << u"0909 879 0000"_s
                                    << u"09098790000"_s << u"premium"_s;
        QTest::newRow("070 personal number")
            << u"07012 345678"_s << u"+447012345678"_s << u"07012 345678"_s << u"07012345678"_s << u"non-geographic"_s;
        QTest::newRow("076 pager") << u"07623 123456"_s << u"+447623123456"_s << u"07623 123456"_s << u"07623123456"_s
                                   << u"non-geographic"_s;
        QTest::newRow("07624 Isle of Man mobile")
            << u"07624 123456"_s << u"+447624123456"_s << u"07624 123456"_s << u"07624123456"_s << u"mobile"_s;

        QTest::newRow("Ireland +353") << u"+353 1 234 5678"_s << u"+35312345678"_s << u"+35312345678"_s
                                      << u"0035312345678"_s << u"international"_s;
        QTest::newRow("Ireland 00353") << u"00353 1 234 5678"_s << u"+35312345678"_s << u"+35312345678"_s
                                       << u"0035312345678"_s << u"international"_s;
        QTest::newRow("Ireland with (0)") << u"+353 (0)1 234 5678"_s << u"+35312345678"_s << u"+35312345678"_s
                                          << u"0035312345678"_s << u"international"_s;
        QTest::newRow("Poland") << u"+48 22 123 45 67"_s << u"+48221234567"_s << u"+48221234567"_s << u"0048221234567"_s
                                << u"international"_s;
        QTest::newRow("North America") << u"+1 (202) 555-0123"_s << u"+12025550123"_s << u"+12025550123"_s
                                       << u"0012025550123"_s << u"international"_s;
        QTest::newRow("shortest plausible, 7 digits")
            << u"+683 4002"_s << u"+6834002"_s << u"+6834002"_s << u"006834002"_s << u"international"_s;
        QTest::newRow("longest plausible, 15 digits")
            << u"+49 30 12345678901"_s << u"+493012345678901"_s << u"+493012345678901"_s << u"00493012345678901"_s
            << u"international"_s;
    }
    void parsesEveryWrittenForm()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(QString, display);
        QFETCH(QString, national);
        QFETCH(QString, kind);

        const fc::Result<PhoneNumber> number = PhoneNumber::parse(input);
        QVERIFY2(number.ok(), qPrintable(number.ok() ? QString() : number.error().code));
        QCOMPARE(number->canonical(), canonical);
        QCOMPARE(number->nationalDisplay(), display);
        QCOMPARE(number->nationalDigits(), national);
        QCOMPARE(kindName(number->kind()), kind);
        QCOMPARE(number->isUk(), kind != u"international"_s);
        QCOMPARE(number->isMobile(), kind == u"mobile"_s);

        // Every form it produces reads back as the same number.
        for (const QString &again : { canonical, display, national }) {
            const fc::Result<PhoneNumber> reread = PhoneNumber::parse(again);
            QVERIFY2(reread.ok(), qPrintable(again));
            QCOMPARE(*reread, *number);
        }
    }

    void rejectsWithAClearError_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");

        QTest::newRow("empty") << QString() << u"phone.empty"_s;
        QTest::newRow("only spaces") << u"   \t "_s << u"phone.empty"_s;
        QTest::newRow("only separators") << u"-- . / --"_s << u"phone.empty"_s;
        QTest::newRow("extension written out") << u"01752 123456 ext 12"_s << u"phone.invalid_character"_s;
        QTest::newRow("letter O for zero") << u"O7700 900123"_s << u"phone.invalid_character"_s;
        QTest::newRow("letters inside") << u"07700 9OO123"_s << u"phone.invalid_character"_s;
        QTest::newRow("emoji only") << u"\U0001F4DE"_s << u"phone.invalid_character"_s;
        QTest::newRow("emoji after a number") << u"07700 900123 \U0001F600"_s << u"phone.invalid_character"_s;
        QTest::newRow("right-to-left text")
            << u"\u0631\u0642\u0645 \u0647\u0627\u062A\u0641"_s << u"phone.invalid_character"_s;
        QTest::newRow("Arabic-Indic digits")
            << u"\u0660\u0667\u0667\u0660\u0660\u0669\u0660\u0660\u0661\u0662\u0663"_s << u"phone.invalid_character"_s;
        QTest::newRow("plus in the middle") << u"07700+900123"_s << u"phone.invalid_character"_s;
        QTest::newRow("two pluses") << u"++447700900123"_s << u"phone.invalid_character"_s;
        QTest::newRow("lone high surrogate") << QString(QChar(0xD83D)) << u"phone.invalid_character"_s;
        QTest::newRow("plus alone") << u"+"_s << u"phone.too_short"_s;
        QTest::newRow("single zero") << u"0"_s << u"phone.too_short"_s;
        QTest::newRow("00 alone") << u"00"_s << u"phone.too_short"_s;
        QTest::newRow("05 alone") << u"05"_s << u"phone.too_short"_s;
        QTest::newRow("mobile one short") << u"07700 90012"_s << u"phone.too_short"_s;
        QTest::newRow("mobile one long") << u"07700 9001234"_s << u"phone.too_long"_s;
        QTest::newRow("London one short") << u"020 7946 000"_s << u"phone.too_short"_s;
        QTest::newRow("geographic 9 digits") << u"01752 1234"_s << u"phone.too_short"_s;
        QTest::newRow("geographic 12 digits") << u"01752 1234567"_s << u"phone.too_long"_s;
        QTest::newRow("0800 9 digits") << u"0800 12345"_s << u"phone.too_short"_s;
        QTest::newRow("0800 12 digits") << u"0800 123 45678"_s << u"phone.too_long"_s;
        QTest::newRow("0500 11 digits") << u"0500 123 4567"_s << u"phone.too_long"_s;
        QTest::newRow("+44 mobile one short") << u"+44 7700 90012"_s << u"phone.too_short"_s;
        QTest::newRow("+44 alone") << u"+44"_s << u"phone.too_short"_s;
        QTest::newRow("04 unallocated") << u"0400 123 4567"_s << u"phone.invalid_prefix"_s;
        QTest::newRow("06 unallocated") << u"0600 123 4567"_s << u"phone.invalid_prefix"_s;
        QTest::newRow("051 unallocated") << u"0510 123 4567"_s << u"phone.invalid_prefix"_s;
        QTest::newRow("081 unallocated") << u"0810 123 4567"_s << u"phone.invalid_prefix"_s;
        QTest::newRow("+44 04") << u"+44 400 123 4567"_s << u"phone.invalid_prefix"_s;
        QTest::newRow("mobile without its 0") << u"7700 900123"_s << u"phone.invalid_prefix"_s;
        QTest::newRow("local number without area code") << u"900123"_s << u"phone.missing_area_code"_s;
        QTest::newRow("country code 0 after +") << u"+0 123 456 789"_s << u"phone.invalid_country_code"_s;
        QTest::newRow("country code 0 after 00") << u"000 123 456 789"_s << u"phone.invalid_country_code"_s;
        QTest::newRow("abroad, 6 digits") << u"+353 1 23"_s << u"phone.too_short"_s;
        QTest::newRow("abroad, 16 digits") << u"+49 30 123456789012"_s << u"phone.too_long"_s;
        QTest::newRow("10k digits after 07") << QString(u"07"_s + QString(9998, u'1')) << u"phone.too_long"_s;
        QTest::newRow("10k digits after +44") << QString(u"+44"_s + QString(9997, u'7')) << u"phone.too_long"_s;
        QTest::newRow("10k digits after +353") << QString(u"+353"_s + QString(9996, u'7')) << u"phone.too_long"_s;
        QTest::newRow("10k letters") << QString(10000, u'a') << u"phone.invalid_character"_s;
        QTest::newRow("10k spaces") << QString(10000, u' ') << u"phone.empty"_s;
    }
    void rejectsWithAClearError()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);

        const fc::Result<PhoneNumber> number = PhoneNumber::parse(input);
        QVERIFY2(!number.ok(), qPrintable(number.ok() ? number->canonical() : QString()));
        QCOMPARE(number.error().code, code);
        QVERIFY(!number.error().message.isEmpty());
    }

    void suffixKeyIsNationalDigitsReversed_data()
    {
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("key");
        QTest::newRow("mobile") << u"+447700900123"_s << u"32100900770"_s;
        QTest::newRow("London") << u"+442079460000"_s << u"00006497020"_s;
        QTest::newRow("0800 10 digits") << u"+44800123456"_s << u"6543210080"_s;
        QTest::newRow("Ireland, dialled from the UK") << u"+35312345678"_s << u"8765432135300"_s;
        QTest::newRow("not a number") << u"hello"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void suffixKeyIsNationalDigitsReversed()
    {
        QFETCH(QString, canonical);
        QFETCH(QString, key);
        QCOMPARE(fc::phoneSuffixSearchKey(canonical), key);
    }

    void typedPartialBecomesReversedPrefix_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("last six digits") << u"900123"_s << u"321009"_s;
        QTest::newRow("spaced with a leading 0") << u"0 900 123"_s << u"3210090"_s;
        QTest::newRow("hyphens") << u"900-123"_s << u"321009"_s;
        QTest::newRow("full national number") << u"07700 900123"_s << u"32100900770"_s;
        QTest::newRow("full +44 number, brought to national") << u"+44 7700 900123"_s << u"32100900770"_s;
        QTest::newRow("full +44 (0) number") << u"+44 (0) 1752 123456"_s << u"65432125710"_s;
        QTest::newRow("mobile without its 0") << u"7700900123"_s << u"3210090077"_s;
        QTest::newRow("abroad, full") << u"+353 1 234 5678"_s << u"8765432135300"_s;
    }
    void typedPartialBecomesReversedPrefix()
    {
        QFETCH(QString, typed);
        QFETCH(QString, prefix);
        const fc::Result<QString> result = fc::phoneSuffixSearchPrefix(typed);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().code));
        QCOMPARE(*result, prefix);
    }

    void typedPartialRejectsWhatCannotBeSearched_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << u"phone.empty"_s;
        QTest::newRow("spaces") << u"  "_s << u"phone.empty"_s;
        QTest::newRow("five digits") << u"12345"_s << u"phone.partial_too_short"_s;
        QTest::newRow("five digits spaced") << u"1 2 3 4 5"_s << u"phone.partial_too_short"_s;
        QTest::newRow("a name") << u"Jones"_s << u"phone.invalid_character"_s;
        QTest::newRow("digits and letters") << u"abc123456"_s << u"phone.invalid_character"_s;
        QTest::newRow("emoji") << u"\U0001F600 123456"_s << u"phone.invalid_character"_s;
        QTest::newRow("right-to-left text") << u"\u05D8\u05DC\u05E4\u05D5\u05DF"_s << u"phone.invalid_character"_s;
        QTest::newRow("10k letters") << QString(10000, u'x') << u"phone.invalid_character"_s;
    }
    void typedPartialRejectsWhatCannotBeSearched()
    {
        QFETCH(QString, typed);
        QFETCH(QString, code);
        const fc::Result<QString> result = fc::phoneSuffixSearchPrefix(typed);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.isEmpty());
    }

    void suffixSearchFindsTheStoredNumber_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("found");
        QTest::newRow("last six") << u"+447700900123"_s << u"900123"_s << true;
        QTest::newRow("last seven with the space typed") << u"+447700900123"_s << u"0 900 123"_s << true;
        QTest::newRow("the whole number as +44") << u"+447700900123"_s << u"+44 7700 900123"_s << true;
        QTest::newRow("the whole number as 0044") << u"+447700900123"_s << u"0044 7700 900123"_s << true;
        QTest::newRow("different last digits") << u"+447700900123"_s << u"900124"_s << false;
        QTest::newRow("digits from the middle") << u"+447700900123"_s << u"770090"_s << false;
        QTest::newRow("landline by its local part") << u"+441752123456"_s << u"123456"_s << true;
        QTest::newRow("abroad by its last digits") << u"+35312345678"_s << u"2345678"_s << true;
        QTest::newRow("abroad typed in full") << u"+35312345678"_s << u"00353 1 234 5678"_s << true;
        QTest::newRow("other country, same local digits") << u"+35312345678"_s << u"+44 1234 5678"_s << false;
    }
    void suffixSearchFindsTheStoredNumber()
    {
        QFETCH(QString, stored);
        QFETCH(QString, typed);
        QFETCH(bool, found);
        const QString key = fc::phoneSuffixSearchKey(stored);
        QVERIFY(!key.isEmpty());
        const fc::Result<QString> prefix = fc::phoneSuffixSearchPrefix(typed);
        QVERIFY(prefix.ok());
        QCOMPARE(key.startsWith(*prefix), found);
    }
};

QTEST_GUILESS_MAIN(tst_PhoneNumber)
#include "tst_PhoneNumber.moc"
