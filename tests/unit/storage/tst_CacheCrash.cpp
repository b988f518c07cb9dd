// Kill -9 at random moments: a child process (cache_writer_child) writes 2,000-row transactions, or
// writes and rotates the key, and is killed with SIGKILL at a random point, many times. After every kill
// the profile must unlock with the same password, PRAGMA integrity_check must say ok, every batch the
// child reported committed must be there, and no batch may be there in part.
//
// FC_CRASH_ITERATIONS=N runs N kills per test function instead of the default (25 during writes, 10
// during key rotation); FC_CRASH_SEED=S replays the kill moments of an earlier run (its seed is printed).
// Each kill costs about a second, so past ~250 kills also raise QtTest's per-function watchdog
// (QTEST_FUNCTION_TIMEOUT, in milliseconds) and run the executable directly rather than through CTest:
//   FC_CRASH_ITERATIONS=1000 QTEST_FUNCTION_TIMEOUT=3600000 build/tests/bin/tst_CacheCrash

#include "storage/CacheProfile.h"
#include "unit/storage/ProfileTestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRowsPerBatch = 2000;
constexpr int kRowsPerBatchWhileRotating = 200;
constexpr int kKillsPerProfile = 25;

struct KillOutcome {
    QSet<int> committed; // batches the child reported after COMMIT returned
    QByteArray lastLine; // "begin N": killed inside a batch; "committed N" while rotating: inside a rotation
    bool beforeReady = false;
    QString error; // the child's own failure, which is the test's failure
};

// Where in the write-and-rotate loop a kill landed, from the last line the child printed.
QString rotationPhase(const KillOutcome &outcome)
{
    if (outcome.beforeReady || outcome.lastLine == "ready")
        return u"before the first batch"_s;
    if (outcome.lastLine.startsWith("begin "))
        return u"inside a batch"_s;
    if (outcome.lastLine.startsWith("committed "))
        return u"before the new key file was written"_s;
    if (outcome.lastLine == "step 1")
        return u"after the new key file, before or during the rekey"_s;
    if (outcome.lastLine == "step 2")
        return u"after the rekey, before the swap"_s;
    return u"after the swap"_s;
}

} // namespace

class tst_CacheCrash : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killDuringLargeWritesLosesNoCommittedBatch();
    void killDuringKeyRotationLeavesACacheThatOpensWithTheSamePassword();

private:
    // Starts the child, waits for it to print `trigger` (except one run in five, killed from start-up
    // on), kills it a random 0 .. maxDelayMs later and returns what it had reported.
    KillOutcome runAndKill(const QString &mode, const QString &dir, int rowsPerBatch, const QByteArray &trigger,
                           int maxDelayMs);
    // Unlocks `dir` and checks integrity and batches; returns the batch count found, or -1 after a failure.
    void verifyProfile(const QString &dir, const QSet<int> &reported, int rowsPerBatch, int *batchesFound);

    QString m_child;
    quint32 m_seed = 0;
    int m_iterations = 0;
    QRandomGenerator m_random;
    QTemporaryDir m_dir;
};

void tst_CacheCrash::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_child = QDir(QCoreApplication::applicationDirPath()).filePath(u"cache_writer_child"_s);
    QVERIFY2(QFileInfo(m_child).isExecutable(), qPrintable(m_child));
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    bool seeded = false;
    m_seed = env.value(u"FC_CRASH_SEED"_s).toUInt(&seeded);
    if (!seeded)
        m_seed = QRandomGenerator::system()->generate();
    m_random.seed(m_seed);
    m_iterations = env.value(u"FC_CRASH_ITERATIONS"_s).toInt();
    qInfo("crash test seed %u (FC_CRASH_SEED=%u replays it); FC_CRASH_ITERATIONS=%d", m_seed, m_seed, m_iterations);
}

KillOutcome tst_CacheCrash::runAndKill(const QString &mode, const QString &dir, int rowsPerBatch,
                                       const QByteArray &trigger, int maxDelayMs)
{
    KillOutcome outcome;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(m_child, { mode, dir, QString::number(rowsPerBatch) });
    if (!child.waitForStarted(30000)) {
        outcome.error = u"the child did not start: "_s + child.errorString();
        return outcome;
    }
    child.write("crash test password\n");
    child.closeWriteChannel();

    // One kill in five lands anywhere from start-up on (during Argon2id, the open, the migration check);
    // the rest land after the trigger line.
    const bool early = m_random.bounded(5) == 0;
    QByteArray output;
    if (!early) {
        QElapsedTimer waited;
        waited.start();
        while (!output.contains(trigger) && child.state() == QProcess::Running && waited.elapsed() < 30000) {
            child.waitForReadyRead(100);
            output += child.readAllStandardOutput();
        }
    }
    QThread::msleep(m_random.bounded(maxDelayMs));
    child.kill(); // SIGKILL
    child.waitForFinished(30000);
    output += child.readAllStandardOutput();

    const QList<QByteArray> lines = output.split('\n');
    outcome.beforeReady = !output.contains("ready\n");
    for (const QByteArray &line : lines) {
        if (line.startsWith("error "))
            outcome.error = QString::fromUtf8(line);
        else if (line.startsWith("committed "))
            outcome.committed.insert(line.mid(10).toInt());
    }
    for (qsizetype i = lines.size() - 1; i >= 0 && outcome.lastLine.isEmpty(); --i)
        outcome.lastLine = lines.at(i);
    if (outcome.error.isEmpty() && child.exitStatus() != QProcess::CrashExit)
        outcome.error = u"the child ended by itself (exit code %1) before it was killed"_s.arg(child.exitCode());
    return outcome;
}

void tst_CacheCrash::verifyProfile(const QString &dir, const QSet<int> &reported, int rowsPerBatch, int *batchesFound)
{
    *batchesFound = -1;
    Result<CacheProfile> unlocked = CacheProfile::unlock(dir, password("crash test password"));
    QVERIFY2(unlocked.ok(), why(unlocked).constData());
    QVERIFY(!QFileInfo::exists(ProfileLayout(dir).pendingKeyFile()));
    QSqlQuery query(unlocked.value().database());
    QVERIFY(query.exec(u"PRAGMA integrity_check"_s));
    QStringList integrity;
    while (query.next())
        integrity.append(query.value(0).toString());
    QCOMPARE(integrity, QStringList { u"ok"_s });

    QMap<int, int> rowsByBatch;
    if (query.exec(u"SELECT batch, count(*), min(seq), max(seq) FROM crash_batch GROUP BY batch"_s)) {
        while (query.next()) {
            const int batch = query.value(0).toInt();
            rowsByBatch.insert(batch, query.value(1).toInt());
            // A batch is whole: all its rows, numbered 0 .. rows-1.
            QCOMPARE(query.value(1).toInt(), rowsPerBatch);
            QCOMPARE(query.value(2).toInt(), 0);
            QCOMPARE(query.value(3).toInt(), rowsPerBatch - 1);
        }
    } else {
        // Only before the child ever got as far as creating its table.
        QVERIFY2(reported.isEmpty(), qPrintable(query.lastError().text()));
    }
    for (int batch : reported)
        QVERIFY2(rowsByBatch.contains(batch),
                 qPrintable(u"batch %1 was reported committed but is missing"_s.arg(batch)));
    *batchesFound = int(rowsByBatch.size());
}

void tst_CacheCrash::killDuringLargeWritesLosesNoCommittedBatch()
{
    const int kills = m_iterations > 0 ? m_iterations : 25;
    QString dir;
    QSet<int> reported;
    int insideBatch = 0;
    int early = 0;
    int batches = 0;
    int totalBatches = 0;
    for (int kill = 1; kill <= kills; ++kill) {
        // A fresh profile every kKillsPerProfile kills keeps each check's cost flat however long the run.
        if ((kill - 1) % kKillsPerProfile == 0) {
            totalBatches += batches;
            batches = 0;
            reported.clear();
            dir = m_dir.filePath(u"writes-%1"_s.arg(kill));
            const Result<CacheProfile> made
                = CacheProfile::create(dir, u"crash"_s, password("crash test password"), KdfCost::Interactive);
            QVERIFY2(made.ok(), why(made).constData());
        }
        const KillOutcome outcome = runAndKill(u"write"_s, dir, kRowsPerBatch, "ready\n", 300);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(u"kill %1: %2"_s.arg(kill).arg(outcome.error)));
        reported += outcome.committed;
        insideBatch += outcome.lastLine.startsWith("begin ") ? 1 : 0;
        early += outcome.beforeReady ? 1 : 0;
        verifyProfile(dir, reported, kRowsPerBatch, &batches);
        if (QTest::currentTestFailed()) {
            qWarning("failed after kill %d of %d (seed %u)", kill, kills, m_seed);
            return;
        }
        QVERIFY(batches >= reported.size());
    }
    totalBatches += batches;
    qInfo("%d kills: %d inside a 2,000-row transaction, %d before the child was ready; %d batches committed, "
          "all present and whole",
          kills, insideBatch, early, totalBatches);
}

void tst_CacheCrash::killDuringKeyRotationLeavesACacheThatOpensWithTheSamePassword()
{
    const int kills = m_iterations > 0 ? m_iterations : 10;
    QString dir;
    QSet<int> reported;
    int batches = 0;
    int totalBatches = 0;
    QMap<QString, int> landed; // rotation phase -> kills
    for (int kill = 1; kill <= kills; ++kill) {
        if ((kill - 1) % kKillsPerProfile == 0) {
            totalBatches += batches;
            batches = 0;
            reported.clear();
            dir = m_dir.filePath(u"rotation-%1"_s.arg(kill));
            Result<CacheProfile> made
                = CacheProfile::create(dir, u"crash"_s, password("crash test password"), KdfCost::Interactive);
            QVERIFY2(made.ok(), why(made).constData());
            // Some bulk, so the rekey (which rewrites every page) is a window a kill can land in.
            QSqlQuery fill(made.value().database());
            QVERIFY(fill.exec(u"CREATE TABLE filler (n INTEGER PRIMARY KEY, text TEXT NOT NULL)"_s));
            QVERIFY(fill.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                              "INSERT INTO filler SELECT i, printf('%0200d', i) FROM n"_s));
        }
        // Argon2id takes most of a rotation's time; aim two kills in three at the short steps after it.
        static const QList<QPair<QByteArray, int>> aims { { "ready\n", 600 }, { "step 1\n", 50 }, { "step 2\n", 8 } };
        const auto &[trigger, maxDelay] = aims.at(int(m_random.bounded(3)));
        const KillOutcome outcome = runAndKill(u"rotate"_s, dir, kRowsPerBatchWhileRotating, trigger, maxDelay);
        QVERIFY2(outcome.error.isEmpty(), qPrintable(u"kill %1: %2"_s.arg(kill).arg(outcome.error)));
        reported += outcome.committed;
        ++landed[rotationPhase(outcome)];
        verifyProfile(dir, reported, kRowsPerBatchWhileRotating, &batches);
        if (QTest::currentTestFailed()) {
            qWarning("failed after kill %d of %d (seed %u)", kill, kills, m_seed);
            return;
        }
    }
    totalBatches += batches;
    QStringList phases;
    for (auto it = landed.cbegin(); it != landed.cend(); ++it)
        phases.append(u"%1 %2"_s.arg(it.value()).arg(it.key()));
    qInfo("%d kills during write-and-rotate (%s); %d batches committed, all present and whole", kills,
          qPrintable(phases.join(u", "_s)), totalBatches);
}

QTEST_GUILESS_MAIN(tst_CacheCrash)
#include "tst_CacheCrash.moc"
