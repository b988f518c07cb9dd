// Failed-login throttling over a sliding window, per user and per address.

#include "ServerTestSupport.h"
#include "server/LoginThrottle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

class tst_LoginThrottle : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<ServerDatabase> m_db;
    const QDateTime m_start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

private slots:
    void init()
    {
        m_db = test::openMigratedSqlite(m_dir.filePath(u"throttle%1.sqlite"_s.arg(++m_counter)));
        QVERIFY(m_db);
    }

    void fewerFailuresThanTheLimitRefuseNothing()
    {
        LoginThrottle throttle(*m_db);
        for (int i = 0; i < 4; ++i)
            QVERIFY(throttle.recordFailure(u"a.khan"_s, u"10.0.0.1"_s, m_start.addSecs(i)).ok());
        const ThrottleDecision decision = throttle.check(u"a.khan"_s, u"10.0.0.1"_s, m_start.addSecs(5)).value();
        QCOMPARE(decision.refused, false);
        QCOMPARE(decision.retryAfterSeconds, qint64(0));
    }

    void theLimitRefusesUntilTheFifthNewestFailureLeavesTheWindow()
    {
        LoginThrottle throttle(*m_db);
        // Failures at 0, 60, 120, 180, 240 and 300 seconds: the fifth newest is the one at 60.
        for (int i = 0; i < 6; ++i)
            QVERIFY(throttle.recordFailure(u"a.khan"_s, u"10.0.0.1"_s, m_start.addSecs(60 * i)).ok());
        const QDateTime now = m_start.addSecs(400);
        const ThrottleDecision decision = throttle.check(u"a.khan"_s, u"10.0.0.2"_s, now).value();
        QCOMPARE(decision.refused, true);
        QCOMPARE(decision.byAddress, false);
        QCOMPARE(decision.retryAfterSeconds, qint64(60 + 900 - 400));
        QCOMPARE(throttle.check(u"a.khan"_s, u"10.0.0.2"_s, m_start.addSecs(959)).value().refused, true);
        QCOMPARE(throttle.check(u"a.khan"_s, u"10.0.0.2"_s, m_start.addSecs(960)).value().refused, false);
    }

    void theAddressLimitIsSeparateAndHigher()
    {
        LoginThrottle throttle(*m_db, ThrottlePolicy { 5, 3, std::chrono::seconds(600) });
        for (int i = 0; i < 3; ++i)
            QVERIFY(throttle.recordFailure(u"user%1"_s.arg(i), u"192.0.2.7"_s, m_start).ok());
        const ThrottleDecision decision = throttle.check(u"someone.else"_s, u"192.0.2.7"_s, m_start).value();
        QCOMPARE(decision.refused, true);
        QCOMPARE(decision.byAddress, true);
        QCOMPARE(decision.retryAfterSeconds, qint64(600));
        QCOMPARE(throttle.check(u"someone.else"_s, u"192.0.2.8"_s, m_start).value().refused, false);
    }

    void clearingAUserForgetsOnlyTheirFailures()
    {
        LoginThrottle throttle(*m_db);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(throttle.recordFailure(u"a.khan"_s, u"10.0.0.1"_s, m_start).ok());
            QVERIFY(throttle.recordFailure(u"b.jones"_s, u"10.0.0.1"_s, m_start).ok());
        }
        QVERIFY(throttle.clearUser(u"a.khan"_s).ok());
        QCOMPARE(throttle.check(u"a.khan"_s, u"10.0.0.3"_s, m_start).value().refused, false);
        QCOMPARE(throttle.check(u"b.jones"_s, u"10.0.0.3"_s, m_start).value().refused, true);
    }

    void oldFailuresArePrunedWhenNewOnesArrive()
    {
        LoginThrottle throttle(*m_db);
        QVERIFY(throttle.recordFailure(u"a.khan"_s, u"10.0.0.1"_s, m_start).ok());
        QVERIFY(throttle.recordFailure(u"a.khan"_s, u"10.0.0.1"_s, m_start.addSecs(901)).ok());
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM login_failures"_s).value().toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_LoginThrottle)
#include "tst_LoginThrottle.moc"
