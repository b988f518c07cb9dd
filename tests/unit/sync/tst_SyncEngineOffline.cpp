// SyncEngine without a server: a refused connection makes it Offline with "offline since", a retry is
// scheduled with back-off that doubles up to its cap with ±50 % jitter, and the GUI thread never waits.

#include "storage/CacheWorker.h"
#include "storage/KeyFile.h"
#include "sync/SyncEngine.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace Qt::StringLiterals;

class tst_SyncEngineOffline : public QObject {
    Q_OBJECT

private slots:
    void aServerThatCannotBeReachedMeansOfflineAndBackingOffRetries()
    {
        QTemporaryDir dir;
        CacheWorker worker;
        QVERIFY(worker.create(dir.filePath(u"profile"_s), u"a.khan"_s, SecureBytes::fromPassword(QByteArray("pw-12345678")).value(),
                              KdfCost::Interactive)
                    .result()
                    .ok());
        // A port nobody listens on: take one, then close it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();

        SyncEngine engine(worker, dir.filePath(u"profile"_s));
        engine.setServer(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), u"token"_s);
        SyncTiming timing;
        timing.firstRetry = std::chrono::milliseconds(400);
        timing.maximumRetry = std::chrono::milliseconds(1000);
        engine.setTiming(timing);
        engine.setRandomSeed(7);
        QSignalSpy finished(&engine, &SyncEngine::cycleFinished);

        // While the cycle runs, this thread keeps turning its event loop.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(5);
        engine.syncNow();
        QCOMPARE(engine.status().state, SyncStatus::State::Syncing);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).value<Error>().code, u"network.unreachable"_s);
        QCOMPARE(engine.status().state, SyncStatus::State::Offline);
        const QDateTime since = engine.status().offlineSince;
        QVERIFY(since.isValid());
        QVERIFY(!engine.status().message.isEmpty());
        const qint64 first = engine.nextRetryIn().count();
        QVERIFY2(first > 0 && first <= 600, qPrintable(QString::number(first))); // 400 ms ± 50 %, less what has passed

        // The retry comes by itself; offline-since stays the first failure's time.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QCOMPARE(engine.status().offlineSince, since);
        const qint64 second = engine.nextRetryIn().count();
        QVERIFY2(second > 0 && second <= 1200, qPrintable(QString::number(second))); // 800 ms ± 50 %
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10000);
        QVERIFY(engine.nextRetryIn().count() <= 1500); // capped at 1 s (+50 %)
        QVERIFY(ticks > 20);

        engine.stop();
        QVERIFY(!engine.isRunning());
        QCOMPARE(engine.nextRetryIn().count(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncEngineOffline)
#include "tst_SyncEngineOffline.moc"
