// SyncStatusModel: the status bar's words and numbers for every state a SyncEngine reports (fed through
// setStatus on a model attached to a real, idle engine), with the council's clock in summer time, and
// the model's answer with no engine at all.

#include "storage/CacheWorker.h"
#include "sync/SyncEngine.h"
#include "ui/SyncStatusModel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int month, int day, int hour, int minute)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), QTimeZone::utc());
}

// 1 July 2026, 15:00 UTC: 16:00 in London (BST).
const QDateTime kNow = utc(7, 1, 15, 0);

SyncStatus status(SyncStatus::State state)
{
    SyncStatus s;
    s.state = state;
    s.lastSyncAt = utc(7, 1, 12, 30); // 13:30 in London
    s.phase = u"log"_s;
    return s;
}

} // namespace

class tst_SyncStatusModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheWorker m_worker; // never opened: the engine here only carries statuses
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<SyncStatusModel> m_model;

private slots:
    void init()
    {
        m_engine = std::make_unique<SyncEngine>(m_worker, m_dir.filePath(u"profile"_s));
        m_model = std::make_unique<SyncStatusModel>();
        m_model->setClock([] { return kNow; });
        m_model->setEngine(m_engine.get());
    }

    void cleanup()
    {
        m_model.reset();
        m_engine.reset();
    }

    void withoutAnEngineItSaysNotSignedIn()
    {
        SyncStatusModel model;
        QCOMPARE(model.state(), u"none"_s);
        QCOMPARE(model.summaryText(), u"Not signed in"_s);
        QVERIFY(!model.online());
        QVERIFY(!model.syncing());
        QCOMPARE(model.progress(), -1.0);
        QVERIFY(!model.detailText().isEmpty());
        model.syncNow(); // nothing to do, nothing to break
        QCOMPARE(model.summaryText(), u"Not signed in"_s);
    }

    void upToDateWhenIdleWithNothingWaiting()
    {
        m_model->setStatus(status(SyncStatus::State::Idle));
        QCOMPARE(m_model->state(), u"idle"_s);
        QVERIFY(m_model->online());
        QVERIFY(!m_model->syncing());
        QVERIFY(!m_model->needsAttention());
        QCOMPARE(m_model->summaryText(), u"Online · up to date"_s);
        QCOMPARE(m_model->lastSyncText(), u"13:30"_s);
        QVERIFY(m_model->detailText().contains(u"Last synced at 01/07/2026 13:30."_s));
    }

    void idleCountsChangesWaitingAndConflicts()
    {
        SyncStatus s = status(SyncStatus::State::Idle);
        s.pending = 3;
        s.conflicts = 2;
        s.rejected = 1;
        m_model->setStatus(s);
        QCOMPARE(m_model->pendingCount(), 3);
        QCOMPARE(m_model->conflictCount(), 2);
        QCOMPARE(m_model->rejectedCount(), 1);
        QVERIFY(m_model->needsAttention());
        // Source texts (plural forms come from the translation files).
        QCOMPARE(m_model->summaryText(),
                 u"Online · 3 change(s) waiting to send · 2 conflict(s) to settle · 1 change(s) refused"_s);
    }

    void aLastSyncOnAnotherDayShowsTheDate()
    {
        SyncStatus s = status(SyncStatus::State::Idle);
        s.lastSyncAt = utc(6, 29, 8, 15);
        m_model->setStatus(s);
        QCOMPARE(m_model->lastSyncText(), u"29/06/2026 09:15"_s);
    }

    void aFirstSyncShowsItsProgress()
    {
        SyncStatus s = status(SyncStatus::State::Syncing);
        s.phase = u"snapshot"_s;
        s.lastSyncAt = QDateTime();
        s.done = 12345;
        s.total = 100000;
        m_model->setStatus(s);
        QVERIFY(m_model->syncing());
        QVERIFY(m_model->firstSync());
        QVERIFY(m_model->online());
        QCOMPARE(m_model->progress(), 0.12345);
        QCOMPARE(m_model->progressText(), u"12,345 of 100,000 records (12 %)"_s);
        QCOMPARE(m_model->summaryText(), u"Syncing… 12 %"_s);
        QVERIFY(m_model->detailText().contains(u"Not synced yet."_s));
    }

    void aFirstSyncBeforeItsFirstPageHasNoProgressYet()
    {
        SyncStatus s = status(SyncStatus::State::Syncing);
        s.phase.clear();
        s.lastSyncAt = QDateTime();
        m_model->setStatus(s);
        QVERIFY(m_model->firstSync());
        QCOMPARE(m_model->progress(), -1.0);
        QCOMPARE(m_model->progressText(), QString());
        QCOMPARE(m_model->summaryText(), u"Syncing…"_s);
    }

    void anEverydaySyncIsNotAFirstSync()
    {
        SyncStatus s = status(SyncStatus::State::Syncing);
        s.done = 10;
        s.total = 20;
        m_model->setStatus(s);
        QVERIFY(m_model->syncing());
        QVERIFY(!m_model->firstSync());
        QCOMPARE(m_model->progress(), -1.0);
        QCOMPARE(m_model->summaryText(), u"Syncing…"_s);
    }

    void offlineSaysSinceWhenAndWhatWaits()
    {
        SyncStatus s = status(SyncStatus::State::Offline);
        s.offlineSince = utc(7, 1, 13, 5); // 14:05 in London
        s.pending = 3;
        s.message = u"Connection refused"_s;
        m_model->setStatus(s);
        QVERIFY(!m_model->online());
        QCOMPARE(m_model->offlineSinceText(), u"14:05"_s);
        QCOMPARE(m_model->summaryText(), u"Offline since 14:05 · 3 change(s) waiting to send"_s);
        QVERIFY(m_model->detailText().contains(u"Last problem: Connection refused"_s));
        QVERIFY(m_model->detailText().contains(u"since 01/07/2026 14:05"_s));
    }

    void aRetryAfterGoingOfflineIsNotOnlineUntilItWorks()
    {
        SyncStatus s = status(SyncStatus::State::Syncing);
        s.offlineSince = utc(7, 1, 13, 5);
        m_model->setStatus(s);
        QVERIFY(m_model->syncing());
        QVERIFY(!m_model->online());
        QCOMPARE(m_model->offlineSinceText(), QString());
    }

    void signedOutAsksToSignInAgain()
    {
        SyncStatus s = status(SyncStatus::State::SignedOut);
        m_model->setStatus(s);
        QVERIFY(!m_model->online());
        QCOMPARE(m_model->summaryText(), u"Signed out of the server · sign in again to send changes"_s);
        s.pending = 4;
        m_model->setStatus(s);
        QCOMPARE(m_model->summaryText(), u"Signed out of the server · sign in again to send 4 change(s)"_s);
    }

    void failedSaysItWillTryAgain()
    {
        SyncStatus s = status(SyncStatus::State::Failed);
        s.pending = 1;
        s.message = u"The server answered a push without results."_s;
        m_model->setStatus(s);
        QVERIFY(m_model->online());
        QCOMPARE(m_model->summaryText(), u"Sync problem · trying again soon · 1 change(s) waiting to send"_s);
        QVERIFY(m_model->detailText().endsWith(u"Last problem: The server answered a push without results."_s));
    }

    void wipedSaysTheCopyWasRemoved()
    {
        SyncStatus s = status(SyncStatus::State::Wiped);
        s.pending = 2;
        m_model->setStatus(s);
        QCOMPARE(m_model->state(), u"wiped"_s);
        QVERIFY(!m_model->online());
        QCOMPARE(m_model->summaryText(), u"This desk's copy of the records was removed"_s);
    }

    void neverSyncedWaitsForTheFirstSync()
    {
        m_model->setStatus(SyncStatus {});
        QCOMPARE(m_model->summaryText(), u"Waiting for the first sync"_s);
        QCOMPARE(m_model->lastSyncText(), QString());
    }

    void conflictCountChangedOnlyWhenTheCountsMove()
    {
        QSignalSpy spy(m_model.get(), &SyncStatusModel::conflictCountChanged);
        SyncStatus s = status(SyncStatus::State::Idle);
        m_model->setStatus(s);
        QCOMPARE(spy.count(), 0);
        s.pending = 5;
        m_model->setStatus(s);
        QCOMPARE(spy.count(), 0);
        s.conflicts = 1;
        m_model->setStatus(s);
        QCOMPARE(spy.count(), 1);
        s.rejected = 1;
        m_model->setStatus(s);
        QCOMPARE(spy.count(), 2);
    }

    void theEnginesOwnStatusReachesTheModelAndItsEndSaysNotSignedIn()
    {
        // A real engine with no cache open: a cycle fails at its first cache step and says so.
        QSignalSpy changed(m_model.get(), &SyncStatusModel::statusChanged);
        m_engine->syncNow();
        QTRY_COMPARE(m_model->state(), u"failed"_s);
        QVERIFY(changed.count() >= 2); // syncing, then failed
        QCOMPARE(m_model->state(), syncStateKey(m_engine->status().state));
        m_engine->stop();
        m_engine.reset();
        QCOMPARE(m_model->summaryText(), u"Not signed in"_s);
        QVERIFY(!m_model->hasEngine());
    }
};

QTEST_MAIN(tst_SyncStatusModel)
#include "tst_SyncStatusModel.moc"
