#include "core/PromiseRule.h"
#include "core/ServiceCatalogue.h"
#include "core/WorkingCalendar.h"

#include <QTest>

#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using fc::PromiseRule;
using fc::RiskLevel;

Q_DECLARE_METATYPE(fc::RiskLevel)

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

} // namespace

class tst_PromiseRule : public QObject {
    Q_OBJECT

private:
    std::optional<fc::WorkingCalendar> m_calendar;

private slots:
    void initTestCase()
    {
        auto loaded = fc::WorkingCalendar::forJurisdiction(fc::Jurisdiction::EnglandAndWales);
        QVERIFY(loaded.ok());
        m_calendar = std::move(loaded).value();
    }

    void riskLevelKeys()
    {
        QCOMPARE(fc::riskLevelKey(RiskLevel::OnTrack), u"on_track"_s);
        QCOMPARE(fc::riskLevelKey(RiskLevel::AtRisk), u"at_risk"_s);
        QCOMPARE(fc::riskLevelKey(RiskLevel::Breached), u"breached"_s);
        QCOMPARE(fc::riskLevelDisplayName(RiskLevel::AtRisk), u"At risk"_s);
    }

    void rejectsImpossibleRules_data()
    {
        QTest::addColumn<int>("workingDays");
        QTest::addColumn<double>("share");
        QTest::addColumn<QString>("code");
        QTest::newRow("negative days") << -1 << 0.25 << u"promise.working_days_out_of_range"_s;
        QTest::newRow("too many days") << 1001 << 0.25 << u"promise.working_days_out_of_range"_s;
        QTest::newRow("negative share") << 5 << -0.01 << u"promise.invalid_at_risk_share"_s;
        QTest::newRow("share over one") << 5 << 1.01 << u"promise.invalid_at_risk_share"_s;
        QTest::newRow("share not a number")
            << 5 << std::numeric_limits<double>::quiet_NaN() << u"promise.invalid_at_risk_share"_s;
    }
    void rejectsImpossibleRules()
    {
        QFETCH(int, workingDays);
        QFETCH(double, share);
        QFETCH(QString, code);
        const auto rule = PromiseRule::create(workingDays, share);
        QVERIFY(!rule.ok());
        QCOMPARE(rule.error().code, code);
    }

    void takesWorkingDaysFromTheRequestType()
    {
        fc::RequestType type;
        type.key = u"missed_bin"_s;
        type.promiseWorkingDays = 5;
        const auto rule = PromiseRule::forRequestType(type);
        QVERIFY(rule.ok());
        QCOMPARE(rule->workingDays(), 5);
        QCOMPARE(rule->atRiskShare(), 0.25);
        // Friday 9 January 2026, 10:00: five working days on is Friday 16th, 17:00.
        QCOMPARE(rule->promisedBy(*m_calendar, utc(2026, 1, 9, 10)).value(), utc(2026, 1, 16, 17));
    }

    void risk_data()
    {
        QTest::addColumn<int>("workingDays");
        QTest::addColumn<double>("share");
        QTest::addColumn<QDateTime>("raisedAt");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<RiskLevel>("expected");

        // Raised Monday 12 January 2026 09:00, one working day: due Tuesday 17:00, 16 working hours.
        // A quarter is 4 hours, so at risk from Tuesday 13:00.
        const QDateTime monday = utc(2026, 1, 12, 9);
        QTest::newRow("just raised") << 1 << 0.25 << monday << monday << RiskLevel::OnTrack;
        QTest::newRow("monday noon") << 1 << 0.25 << monday << utc(2026, 1, 12, 12) << RiskLevel::OnTrack;
        QTest::newRow("exactly a quarter left") << 1 << 0.25 << monday << utc(2026, 1, 13, 13) << RiskLevel::OnTrack;
        QTest::newRow("less than a quarter left")
            << 1 << 0.25 << monday << utc(2026, 1, 13, 13, 0, 1) << RiskLevel::AtRisk;
        QTest::newRow("at the promised instant") << 1 << 0.25 << monday << utc(2026, 1, 13, 17) << RiskLevel::AtRisk;
        QTest::newRow("a second late") << 1 << 0.25 << monday << utc(2026, 1, 13, 17, 0, 1) << RiskLevel::Breached;
        QTest::newRow("next morning") << 1 << 0.25 << monday << utc(2026, 1, 14, 9) << RiskLevel::Breached;

        // Other shares: half (at risk once Monday is used up), none (only at the last instant), all.
        QTest::newRow("half, monday evening") << 1 << 0.5 << monday << utc(2026, 1, 12, 18) << RiskLevel::OnTrack;
        QTest::newRow("half, tuesday opening") << 1 << 0.5 << monday << utc(2026, 1, 13, 9, 0, 1) << RiskLevel::AtRisk;
        QTest::newRow("zero share, last minute")
            << 1 << 0.0 << monday << utc(2026, 1, 13, 16, 59) << RiskLevel::OnTrack;
        QTest::newRow("zero share, no time left") << 1 << 0.0 << monday << utc(2026, 1, 13, 17) << RiskLevel::AtRisk;
        QTest::newRow("full share, a second in")
            << 1 << 1.0 << monday << utc(2026, 1, 12, 9, 0, 1) << RiskLevel::AtRisk;

        // Raised Friday 9 January 09:00, due Monday 17:00: the weekend uses none of the time.
        const QDateTime friday = utc(2026, 1, 9, 9);
        QTest::newRow("weekend, saturday") << 1 << 0.25 << friday << utc(2026, 1, 10, 12) << RiskLevel::OnTrack;
        QTest::newRow("weekend, monday 12:59") << 1 << 0.25 << friday << utc(2026, 1, 12, 12, 59) << RiskLevel::OnTrack;
        QTest::newRow("weekend, monday 13:01") << 1 << 0.25 << friday << utc(2026, 1, 12, 13, 1) << RiskLevel::AtRisk;

        // Raised Friday 27 March 09:00 GMT, due Monday 30 March 17:00 BST (16:00 UTC). Four hours are
        // left at 12:00 UTC (13:00 BST); counting by UTC clock hours would say so an hour early.
        const QDateTime beforeClocksGoForward = utc(2026, 3, 27, 9);
        QTest::newRow("spring forward, four hours left")
            << 1 << 0.25 << beforeClocksGoForward << utc(2026, 3, 30, 12) << RiskLevel::OnTrack;
        QTest::newRow("spring forward, less than four hours left")
            << 1 << 0.25 << beforeClocksGoForward << utc(2026, 3, 30, 12, 0, 1) << RiskLevel::AtRisk;
        QTest::newRow("spring forward, breached")
            << 1 << 0.25 << beforeClocksGoForward << utc(2026, 3, 30, 16, 0, 1) << RiskLevel::Breached;

        // Raised Friday 23 October 09:00 UTC (10:00 BST), due Monday 26 October 17:00 GMT (17:00 UTC).
        // 15 working hours; a quarter is 3 h 45 min, so at risk after 13:15 GMT on Monday.
        const QDateTime beforeClocksGoBack = utc(2026, 10, 23, 9);
        QTest::newRow("fall back, on track")
            << 1 << 0.25 << beforeClocksGoBack << utc(2026, 10, 26, 13, 15) << RiskLevel::OnTrack;
        QTest::newRow("fall back, at risk")
            << 1 << 0.25 << beforeClocksGoBack << utc(2026, 10, 26, 13, 15, 1) << RiskLevel::AtRisk;
        QTest::newRow("fall back, not yet breached at 16:30 UTC")
            << 1 << 0.25 << beforeClocksGoBack << utc(2026, 10, 26, 16, 30) << RiskLevel::AtRisk;
    }
    void risk()
    {
        QFETCH(int, workingDays);
        QFETCH(double, share);
        QFETCH(QDateTime, raisedAt);
        QFETCH(QDateTime, now);
        QFETCH(RiskLevel, expected);
        const auto rule = PromiseRule::create(workingDays, share);
        QVERIFY(rule.ok());
        const auto promise = rule->promisedBy(*m_calendar, raisedAt);
        QVERIFY(promise.ok());
        const auto level = rule->risk(*m_calendar, raisedAt, promise.value(), now);
        QVERIFY(level.ok());
        QCOMPARE(level.value(), expected);
    }

    void riskJudgesTheStoredPromise()
    {
        // An agent promised Friday rather than the rule's Tuesday: Tuesday afternoon is then on track.
        const auto rule = PromiseRule::create(1);
        QVERIFY(rule.ok());
        const QDateTime raised = utc(2026, 1, 12, 9);
        const QDateTime tuesdayAfternoon = utc(2026, 1, 13, 15);
        QCOMPARE(
            rule->risk(*m_calendar, raised, rule->promisedBy(*m_calendar, raised).value(), tuesdayAfternoon).value(),
            RiskLevel::AtRisk);
        QCOMPARE(rule->risk(*m_calendar, raised, utc(2026, 1, 16, 17), tuesdayAfternoon).value(), RiskLevel::OnTrack);
    }

    void riskNeedsValidTimes()
    {
        const auto rule = PromiseRule::create(1);
        QVERIFY(rule.ok());
        const auto level = rule->risk(*m_calendar, utc(2026, 1, 12, 9), QDateTime(), utc(2026, 1, 12, 10));
        QVERIFY(!level.ok());
        QCOMPARE(level.error().code, u"promise.invalid_time"_s);
    }
};

QTEST_GUILESS_MAIN(tst_PromiseRule)
#include "tst_PromiseRule.moc"
