// The database thread: jobs run off the caller's thread, in order, without blocking the caller's event
// loop; results and errors come back through futures on the caller's thread; shutdown closes the
// connection on its own thread.

#include "storage/CacheWorker.h"
#include "unit/storage/ProfileTestSupport.h"

#include <QFutureWatcher>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

class tst_CacheWorker : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void resultArrivesThroughAFutureWatcherOnTheCallersThread();
    void jobsRunOnTheWorkerThreadNotTheCallers();
    void unlockOpensTheConnectionOnTheWorkerThread();
    void jobsRunInTheOrderTheyWerePosted();
    void slowJobDoesNotBlockTheCallersEventLoop();
    void errorsComeBackAsResults();
    void shutdownClosesTheConnectionOnItsThreadAndRefusesLaterJobs();
    void passwordChangeAndKeyRotationRunOnTheWorker();

private:
    template<typename T> T await(const QFuture<T> &future);
    QString dir() const { return m_dir->filePath(u"profile"_s); }
    // A worker with a new profile open, or null after a failed QVERIFY.
    bool createOpenProfile(CacheWorker &worker);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_CacheWorker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_CacheWorker::cleanup()
{
    m_dir.reset();
}

// Spins the caller's own event loop until the future is done, then takes its one result.
template<typename T> T tst_CacheWorker::await(const QFuture<T> &future)
{
    QFutureWatcher<T> watcher;
    bool finished = false;
    connect(&watcher, &QFutureWatcherBase::finished, this, [&] { finished = true; });
    watcher.setFuture(future);
    if (!QTest::qWaitFor([&] { return finished; }, 30000))
        return T(makeError(u"test.timeout"_s, u"The job did not finish within 30 s."_s));
    return watcher.result();
}

bool tst_CacheWorker::createOpenProfile(CacheWorker &worker)
{
    const Status created = await(worker.create(dir(), u"sian.jones"_s, password("pw"), KdfCost::Interactive));
    if (!created)
        qWarning("%s", why(created).constData());
    return created.ok();
}

void tst_CacheWorker::resultArrivesThroughAFutureWatcherOnTheCallersThread()
{
    CacheWorker worker;
    QVERIFY(createOpenProfile(worker));
    QFuture<Result<int>> future = worker.run([](QSqlDatabase &db) -> Result<int> {
        QSqlQuery query(db);
        for (int i = 0; i < 3; ++i) {
            if (!query.exec(u"INSERT INTO customer (id, reference) VALUES ('c%1', 'R%1')"_s.arg(i)))
                return makeError(u"test.query"_s, query.lastError().text());
        }
        if (!query.exec(u"SELECT count(*) FROM customer"_s) || !query.next())
            return makeError(u"test.query"_s, query.lastError().text());
        return query.value(0).toInt();
    });

    QFutureWatcher<Result<int>> watcher;
    QThread *finishedOn = nullptr;
    int finishedSignals = 0;
    connect(&watcher, &QFutureWatcherBase::finished, this, [&] {
        finishedOn = QThread::currentThread();
        ++finishedSignals;
    });
    watcher.setFuture(future);
    QTRY_COMPARE_WITH_TIMEOUT(finishedSignals, 1, 30000);
    QCOMPARE(finishedOn, QThread::currentThread());
    const Result<int> customers = watcher.result();
    QVERIFY2(customers.ok(), why(customers).constData());
    QCOMPARE(customers.value(), 3);
}

void tst_CacheWorker::jobsRunOnTheWorkerThreadNotTheCallers()
{
    CacheWorker worker;
    QVERIFY(createOpenProfile(worker));
    const auto threadOfJob = [](QSqlDatabase &) -> Result<QThread *> { return QThread::currentThread(); };
    const Result<QThread *> first = await(worker.run(threadOfJob));
    const Result<QThread *> second = await(worker.run(threadOfJob));
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first.value() != QThread::currentThread());
    QCOMPARE(first.value(), worker.workerThread());
    QCOMPARE(second.value(), first.value());
}

void tst_CacheWorker::unlockOpensTheConnectionOnTheWorkerThread()
{
    {
        CacheWorker creator;
        QVERIFY(createOpenProfile(creator));
    }
    CacheWorker worker;
    const Status unlocked = await(worker.unlock(dir(), password("pw")));
    QVERIFY2(unlocked.ok(), why(unlocked).constData());
    // The driver object is made by the unlock itself, so its thread is the thread the unlock ran on.
    const Result<bool> sameThread = await(
        worker.run([](QSqlDatabase &db) -> Result<bool> { return db.driver()->thread() == QThread::currentThread(); }));
    QVERIFY(sameThread.ok());
    QCOMPARE(sameThread.value(), true);
    const Result<QThread *> jobThread
        = await(worker.run([](QSqlDatabase &) -> Result<QThread *> { return QThread::currentThread(); }));
    QVERIFY(jobThread.ok());
    QVERIFY(jobThread.value() != QThread::currentThread());
}

void tst_CacheWorker::jobsRunInTheOrderTheyWerePosted()
{
    CacheWorker worker;
    QVERIFY(createOpenProfile(worker));
    QVERIFY(await(worker.run([](QSqlDatabase &db) -> Status {
                QSqlQuery query(db);
                if (!query.exec(u"CREATE TABLE seen (n INTEGER)"_s))
                    return makeError(u"test.query"_s, query.lastError().text());
                return {};
            })).ok());
    QList<QFuture<Status>> futures;
    for (int n = 0; n < 100; ++n) {
        futures.append(worker.run([n](QSqlDatabase &db) -> Status {
            QSqlQuery query(db);
            query.prepare(u"INSERT INTO seen (n) VALUES (?)"_s);
            query.addBindValue(n);
            if (!query.exec())
                return makeError(u"test.query"_s, query.lastError().text());
            return {};
        }));
    }
    const Result<QList<int>> seen = await(worker.run([](QSqlDatabase &db) -> Result<QList<int>> {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT n FROM seen ORDER BY rowid"_s))
            return makeError(u"test.query"_s, query.lastError().text());
        QList<int> values;
        while (query.next())
            values.append(query.value(0).toInt());
        return values;
    }));
    for (const QFuture<Status> &future : futures)
        QVERIFY(future.isFinished() && future.result().ok()); // run before the later job, so done already
    QVERIFY(seen.ok());
    QList<int> expected;
    for (int n = 0; n < 100; ++n)
        expected.append(n);
    QCOMPARE(seen.value(), expected);
}

void tst_CacheWorker::slowJobDoesNotBlockTheCallersEventLoop()
{
    CacheWorker worker;
    QVERIFY(createOpenProfile(worker));
    // The job sleeps until the caller's timer has fired five times: if the caller were blocked waiting
    // for the job, the timer could never fire and the job would never end.
    std::atomic<int> ticks { 0 };
    int ticksWhenFinished = -1;
    QTimer timer;
    timer.setInterval(5);
    connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
    timer.start();
    QFuture<Result<int>> future = worker.run([&ticks](QSqlDatabase &) -> Result<int> {
        int naps = 0;
        while (ticks.load() < 5 && naps < 20000) {
            QThread::msleep(1);
            ++naps;
        }
        return ticks.load();
    });
    QFutureWatcher<Result<int>> watcher;
    connect(&watcher, &QFutureWatcherBase::finished, this, [&] { ticksWhenFinished = ticks.load(); });
    watcher.setFuture(future);
    QVERIFY(!future.isFinished()); // run() returned before the job could have
    QTRY_VERIFY_WITH_TIMEOUT(ticksWhenFinished >= 0, 30000);
    QVERIFY(watcher.result().ok());
    QVERIFY(watcher.result().value() >= 5);
    QVERIFY(ticksWhenFinished >= 5);
}

void tst_CacheWorker::errorsComeBackAsResults()
{
    CacheWorker worker;
    const Result<int> beforeUnlock = await(worker.run([](QSqlDatabase &) -> Result<int> { return 1; }));
    QVERIFY(!beforeUnlock.ok());
    QCOMPARE(beforeUnlock.error().code, u"worker.not_open"_s);

    QVERIFY(createOpenProfile(worker));
    QVERIFY(await(worker.close()).ok());
    const Status wrong = await(worker.unlock(dir(), password("not pw")));
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, u"keyfile.wrong_password"_s);

    QVERIFY(await(worker.unlock(dir(), password("pw"))).ok());
    const Status again = await(worker.unlock(dir(), password("pw")));
    QCOMPARE(again.error().code, u"worker.already_open"_s);

    const Result<int> failedSql = await(worker.run([](QSqlDatabase &db) -> Result<int> {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT * FROM no_such_table"_s))
            return makeError(u"test.sql_failed"_s, query.lastError().text());
        return 0;
    }));
    QVERIFY(!failedSql.ok());
    QCOMPARE(failedSql.error().code, u"test.sql_failed"_s);
    QVERIFY2(failedSql.error().message.contains(u"no_such_table"_s), qPrintable(failedSql.error().message));

    const Result<int> afterError = await(worker.run([](QSqlDatabase &) -> Result<int> { return 7; }));
    QVERIFY(afterError.ok());
    QCOMPARE(afterError.value(), 7);
}

void tst_CacheWorker::shutdownClosesTheConnectionOnItsThreadAndRefusesLaterJobs()
{
    CacheWorker worker;
    QVERIFY(createOpenProfile(worker));
    const Result<QString> name
        = await(worker.run([](QSqlDatabase &db) -> Result<QString> { return db.connectionName(); }));
    QVERIFY(name.ok());
    QVERIFY(QSqlDatabase::contains(name.value()));

    QFuture<Result<int>> queuedBefore = worker.run([](QSqlDatabase &) -> Result<int> { return 1; });
    const Status down = await(worker.shutdown());
    QVERIFY(down.ok());
    QVERIFY(queuedBefore.isFinished());
    QCOMPARE(queuedBefore.result().value(), 1);
    QVERIFY(worker.workerThread()->wait(30000));
    QVERIFY(!QSqlDatabase::contains(name.value()));

    const Result<int> after = await(worker.run([](QSqlDatabase &) -> Result<int> { return 1; }));
    QVERIFY(!after.ok());
    QCOMPARE(after.error().code, u"worker.stopped"_s);
    QVERIFY(await(worker.shutdown()).ok());

    // The profile's lock went with the connection: another owner can open it now.
    Result<CacheProfile> reopened = CacheProfile::unlock(dir(), password("pw"));
    QVERIFY2(reopened.ok(), why(reopened).constData());
}

void tst_CacheWorker::passwordChangeAndKeyRotationRunOnTheWorker()
{
    CacheWorker worker;
    QVERIFY(createOpenProfile(worker));
    const Status changed = await(worker.changePassword(password("pw"), password("new pw"), KdfCost::Interactive));
    QVERIFY2(changed.ok(), why(changed).constData());
    const Status rotated = await(worker.rotateKey(password("new pw"), KdfCost::Interactive));
    QVERIFY2(rotated.ok(), why(rotated).constData());
    const Result<int> stillOpen = await(worker.run([](QSqlDatabase &db) -> Result<int> {
        QSqlQuery query(db);
        return query.exec(u"SELECT count(*) FROM customer"_s) && query.next() ? Result<int>(query.value(0).toInt())
                                                                              : Result<int>(makeError(u"x"_s, u"x"_s));
    }));
    QVERIFY(stillOpen.ok());
    QCOMPARE(stillOpen.value(), 0);
    QVERIFY(await(worker.close()).ok());
    QCOMPARE(await(worker.unlock(dir(), password("pw"))).error().code, u"keyfile.wrong_password"_s);
    QVERIFY(await(worker.unlock(dir(), password("new pw"))).ok());
}

QTEST_GUILESS_MAIN(tst_CacheWorker)
#include "tst_CacheWorker.moc"
