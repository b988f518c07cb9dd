#include "core/AccessNeeds.h"

#include <QTest>

using namespace Qt::StringLiterals;

using fc::AccessNeed;
using fc::AccessNeeds;

namespace {

AccessNeeds needsOf(fc::AccessNeedSet set, const QString &interpreterLanguage = {}, const QString &signLanguage = {})
{
    AccessNeeds needs;
    needs.needs = set;
    needs.interpreterLanguage = interpreterLanguage;
    needs.signLanguage = signLanguage;
    return needs;
}

} // namespace

class tst_AccessNeeds : public QObject {
    Q_OBJECT

private slots:
    void summaryReadsAsAgentsSayIt_data()
    {
        QTest::addColumn<AccessNeeds>("needs");
        QTest::addColumn<QString>("summary");
        QTest::newRow("none") << AccessNeeds() << QString();
        QTest::newRow("bsl and large print")
            << needsOf(AccessNeed::BritishSignLanguage | AccessNeed::LargePrint, {}, u"bfi"_s)
            << u"BSL interpreter · Large print"_s;
        QTest::newRow("isl") << needsOf(AccessNeed::BritishSignLanguage, {}, u"isg"_s) << u"ISL interpreter"_s;
        QTest::newRow("sign language not given") << needsOf(AccessNeed::BritishSignLanguage) << u"BSL interpreter"_s;
        QTest::newRow("polish interpreter") << needsOf(AccessNeed::Interpreter, u"pl"_s) << u"Interpreter (Polish)"_s;
        QTest::newRow("unknown language tag shown as given")
            << needsOf(AccessNeed::Interpreter, u"zz"_s) << u"Interpreter (zz)"_s;
        QTest::newRow("interpreter, language not given") << needsOf(AccessNeed::Interpreter) << u"Interpreter"_s;
        QTest::newRow("everything, in a fixed order")
            << needsOf(AccessNeed::EasyRead | AccessNeed::HearingLoop | AccessNeed::LargePrint | AccessNeed::Interpreter
                           | AccessNeed::BritishSignLanguage,
                       u"ro"_s, u"bfi"_s)
            << u"BSL interpreter · Interpreter (Romanian) · Large print · Hearing loop · Easy read"_s;
    }
    void summaryReadsAsAgentsSayIt()
    {
        QFETCH(AccessNeeds, needs);
        QFETCH(QString, summary);
        QCOMPARE(fc::accessNeedsSummary(needs), summary);
    }

    void keysListOnlyTheNeedsThatAreSet()
    {
        QCOMPARE(fc::accessNeedKeys(needsOf(AccessNeed::HearingLoop | AccessNeed::Interpreter, u"pa"_s)),
                 QStringList({ u"interpreter"_s, u"hearing_loop"_s }));
        QCOMPARE(fc::accessNeedKeys(AccessNeeds()), QStringList());
    }

    void anyAndHasReflectTheSet()
    {
        QVERIFY(!AccessNeeds().any());
        const AccessNeeds needs = needsOf(AccessNeed::LargePrint);
        QVERIFY(needs.any());
        QVERIFY(needs.has(AccessNeed::LargePrint));
        QVERIFY(!needs.has(AccessNeed::EasyRead));
    }
};

QTEST_GUILESS_MAIN(tst_AccessNeeds)
#include "tst_AccessNeeds.moc"
