#include "core/Uprn.h"

#include <QTest>

using namespace Qt::StringLiterals;

using fc::Uprn;

class tst_Uprn : public QObject {
    Q_OBJECT

private slots:
    void keepsTheSignificantDigits_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<qint64>("value");
        QTest::newRow("typical") << u"100040123456"_s << u"100040123456"_s << Q_INT64_C(100040123456);
        QTest::newRow("nine digits") << u"100040123"_s << u"100040123"_s << Q_INT64_C(100040123);
        QTest::newRow("padded to twelve") << u"000100040123"_s << u"100040123"_s << Q_INT64_C(100040123);
        QTest::newRow("one digit") << u"7"_s << u"7"_s << Q_INT64_C(7);
        QTest::newRow("one, padded") << u"000000000001"_s << u"1"_s << Q_INT64_C(1);
        QTest::newRow("largest") << u"999999999999"_s << u"999999999999"_s << Q_INT64_C(999999999999);
        QTest::newRow("surrounding spaces") << u"  10023 \t"_s << u"10023"_s << Q_INT64_C(10023);
        QTest::newRow("no-break spaces around") << u"\u00A010023\u00A0"_s << u"10023"_s << Q_INT64_C(10023);
        QTest::newRow("inner zeros kept") << u"1000000000"_s << u"1000000000"_s << Q_INT64_C(1000000000);
    }
    void keepsTheSignificantDigits()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(qint64, value);
        const fc::Result<Uprn> uprn = Uprn::parse(input);
        QVERIFY2(uprn.ok(), qPrintable(uprn.ok() ? QString() : uprn.error().code));
        QCOMPARE(uprn->canonical(), canonical);
        QCOMPARE(uprn->value(), value);
        QCOMPARE(*Uprn::parse(canonical), *uprn);
    }

    void rejectsWithAClearError_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << u"uprn.empty"_s;
        QTest::newRow("spaces") << u"   "_s << u"uprn.empty"_s;
        QTest::newRow("letter") << u"10004O123"_s << u"uprn.invalid_character"_s;
        QTest::newRow("prefixed") << u"UPRN100040123"_s << u"uprn.invalid_character"_s;
        QTest::newRow("inner space") << u"100 040 123"_s << u"uprn.invalid_character"_s;
        QTest::newRow("negative") << u"-100040123"_s << u"uprn.invalid_character"_s;
        QTest::newRow("plus sign") << u"+100040123"_s << u"uprn.invalid_character"_s;
        QTest::newRow("decimal point") << u"100040123.0"_s << u"uprn.invalid_character"_s;
        QTest::newRow("spreadsheet exponent") << u"1.00040123E+11"_s << u"uprn.invalid_character"_s;
        QTest::newRow("full-width digits") << u"\uFF11\uFF10\uFF10"_s << u"uprn.invalid_character"_s;
        QTest::newRow("Arabic-Indic digits") << u"\u0661\u0660\u0660"_s << u"uprn.invalid_character"_s;
        QTest::newRow("right-to-left text") << u"\u05D1\u05D9\u05EA"_s << u"uprn.invalid_character"_s;
        QTest::newRow("emoji") << u"100\U0001F3E0"_s << u"uprn.invalid_character"_s;
        QTest::newRow("thirteen digits") << u"1000401234567"_s << u"uprn.too_long"_s;
        QTest::newRow("thirteen with a leading zero") << u"0100040123456"_s << u"uprn.too_long"_s;
        QTest::newRow("10k digits") << QString(10000, u'1') << u"uprn.too_long"_s;
        QTest::newRow("10k letters") << QString(10000, u'x') << u"uprn.invalid_character"_s;
        QTest::newRow("zero") << u"0"_s << u"uprn.zero"_s;
        QTest::newRow("twelve zeros") << u"000000000000"_s << u"uprn.zero"_s;
    }
    void rejectsWithAClearError()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);
        const fc::Result<Uprn> uprn = Uprn::parse(input);
        QVERIFY2(!uprn.ok(), qPrintable(uprn.ok() ? uprn->canonical() : QString()));
        QCOMPARE(uprn.error().code, code);
        QVERIFY(!uprn.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Uprn)
#include "tst_Uprn.moc"
