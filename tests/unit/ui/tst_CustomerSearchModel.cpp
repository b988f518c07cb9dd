// CustomerSearchModel on a real encrypted cache behind a CacheWorker: results for what is typed, after a
// pause in typing, with markers, ages on an injected today, keyset "load more", translated errors; a
// slow cache never blocks the GUI thread and an answer to older text never replaces a newer one.

#include "ui/CustomerSearchModel.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/ui/UiTestCache.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

QVariant roleValue(const QAbstractItemModel &model, int row, const QByteArray &roleName)
{
    const QHash<int, QByteArray> names = model.roleNames();
    return model.data(model.index(row, 0), names.key(roleName, -1));
}

QStringList column(const QAbstractItemModel &model, const QByteArray &roleName)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(roleValue(model, row, roleName).toString());
    return values;
}

QList<CustomerWithContact> handMadeCouncil()
{
    return handMadeCustomers();
}

} // namespace

class tst_CustomerSearchModel : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_cache = std::make_unique<UiTestCache>();
        QVERIFY(m_cache->open());
    }
    void cleanup() { m_cache.reset(); }

    void typedTextListsTheMatchingCustomers()
    {
        QList<CustomerWithContact> council = handMadeCouncil();
        QVERIFY(m_cache->save(council));
        CustomerSearchModel model;
        model.setCacheWorker(&m_cache->worker());
        model.setClock(stoppedClock(utcAt(2026, 3, 11, 12)));
        QSignalSpy arrived(&model, &CustomerSearchModel::resultsArrived);

        model.setQuery(u"sian jones"_s);
        QVERIFY(model.busy());
        QTRY_COMPARE(arrived.size(), 1);
        QVERIFY(!model.busy());
        QCOMPARE(model.errorText(), QString());
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(column(model, "reference"), (QStringList { u"C1000001"_s, u"C1000002"_s }));
        QCOMPARE(column(model, "displayName"), (QStringList { u"Siân Jones"_s, u"Sian Jones-Evans"_s }));
        QCOMPARE(roleValue(model, 0, "id").toString(), customerUuid(1).toString(QUuid::WithoutBraces));
        QCOMPARE(model.idAt(0), customerUuid(1).toString(QUuid::WithoutBraces));
        QCOMPARE(model.idAt(5), QString());
        QCOMPARE(roleValue(model, 0, "address").toString(), u"12 Mill Road, PL1 2AA"_s);
        QCOMPARE(roleValue(model, 0, "postcode").toString(), u"PL1 2AA"_s);
        QCOMPARE(roleValue(model, 0, "dateOfBirthText").toString(), u"12/03/1984"_s);
        QCOMPARE(roleValue(model, 0, "age").toInt(), 41); // the day before the birthday
        QCOMPARE(roleValue(model, 1, "dateOfBirthText").toString(), QString());
        QCOMPARE(roleValue(model, 1, "age").toInt(), -1);
        QCOMPARE(roleValue(model, 0, "matchKind").toString(), u"name"_s);

        model.setClock(stoppedClock(utcAt(2026, 3, 12, 0, 30)));
        QCOMPARE(roleValue(model, 0, "age").toInt(), 42); // the birthday itself
    }

    void rowsCarryAccessNeedsAndFlagsStaffSafetyFirst()
    {
        QList<CustomerWithContact> council = handMadeCouncil();
        council[6].customer.flags = {
            CustomerFlag { FlagCategory::Bereavement, u"Wife died"_s, QDate(2026, 1, 5), QDate(2026, 7, 5) },
            CustomerFlag { FlagCategory::ViolenceHistory, {}, QDate(2025, 6, 1), {} },
        }; // G, Tom Jones
        council[0].customer.flags = { CustomerFlag { FlagCategory::MentalHealth, {}, QDate(2025, 6, 1), {} } }; // A
        QVERIFY(m_cache->save(council));
        CustomerSearchModel model;
        model.setCacheWorker(&m_cache->worker());
        QSignalSpy arrived(&model, &CustomerSearchModel::resultsArrived);
        model.setQuery(u"jones"_s);
        QTRY_COMPARE(arrived.size(), 1);
        QCOMPARE(column(model, "reference"), (QStringList { u"C1000007"_s, u"C1000001"_s, u"C1000002"_s }));
        QCOMPARE(roleValue(model, 0, "hasSafetyFlag").toBool(), true);
        QCOMPARE(roleValue(model, 0, "hasVulnerabilityFlag").toBool(), true);
        QCOMPARE(roleValue(model, 0, "flagSummary").toString(),
                 flagCategoryDisplayName(FlagCategory::ViolenceHistory) + u" \u00B7 "_s
                     + flagCategoryDisplayName(FlagCategory::Bereavement));
        QCOMPARE(roleValue(model, 1, "hasSafetyFlag").toBool(), false);
        QCOMPARE(roleValue(model, 1, "hasVulnerabilityFlag").toBool(), true);
        QCOMPARE(roleValue(model, 2, "hasSafetyFlag").toBool(), false);
        QCOMPARE(roleValue(model, 2, "flagSummary").toString(), QString());

        model.setQuery(u"aoife"_s); // D: Irish interpreter
        QTRY_COMPARE(arrived.size(), 2);
        QCOMPARE(column(model, "reference"), QStringList { u"C1000004"_s });
        QCOMPARE(roleValue(model, 0, "hasAccessNeeds").toBool(), true);
        QCOMPARE(roleValue(model, 0, "accessNeedsSummary").toString(),
                 accessNeedsSummary(council[3].customer.accessNeeds));
        QVERIFY(!roleValue(model, 0, "accessNeedsSummary").toString().isEmpty());
    }

    void searchesOnlyAfterAPauseInTyping()
    {
        QVERIFY(m_cache->save(handMadeCouncil()));
        CustomerSearchModel model;
        model.setCacheWorker(&m_cache->worker());
        model.setDebounceInterval(1000); // long, so a busy machine cannot outrun it
        QSignalSpy arrived(&model, &CustomerSearchModel::resultsArrived);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        for (const QString &typed : { u"s"_s, u"si"_s, u"sia"_s, u"sian"_s }) {
            model.setQuery(typed);
            QTest::qWait(40);
        }
        QVERIFY(model.busy());
        QTest::qWait(200); // well inside the pause: no search has started, so nothing can have arrived
        QCOMPARE(arrived.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.count(), 0);
        QTRY_COMPARE(arrived.size(), 1);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(column(model, "reference"), (QStringList { u"C1000001"_s, u"C1000002"_s }));

        // Enter searches at once, without the pause.
        model.setDebounceInterval(60000);
        model.setQuery(u"tom"_s);
        model.searchNow();
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 2, 20000);
        QCOMPARE(column(model, "reference"), QStringList { u"C1000007"_s });
    }

    void clearingTheTextEmptiesTheListAtOnce()
    {
        QVERIFY(m_cache->save(handMadeCouncil()));
        CustomerSearchModel model;
        model.setCacheWorker(&m_cache->worker());
        model.setDebounceInterval(0);
        QSignalSpy arrived(&model, &CustomerSearchModel::resultsArrived);
        model.setQuery(u"jones"_s);
        QTRY_COMPARE(arrived.size(), 1);
        QCOMPARE(model.count(), 3);
        QSignalSpy countChanged(&model, &CustomerSearchModel::countChanged);
        model.setQuery(u"   "_s);
        QCOMPARE(model.count(), 0);
        QCOMPARE(countChanged.size(), 1);
        QVERIFY(!model.busy());
        QVERIFY(!model.canLoadMore());
        QTest::qWait(100);
        QCOMPARE(arrived.size(), 1);
    }

    void loadMoreFollowsTheCursorWithoutRepeats()
    {
        QList<Customer> smiths;
        for (int n = 1; n <= 30; ++n)
            smiths.append(makeCustomer(n, u"Pat"_s, u"Smith"_s, u"%1 Quay Road"_s.arg(n), u"PL4 7YY"_s));
        QVERIFY(m_cache->save(smiths));
        CustomerSearchModel model;
        model.setCacheWorker(&m_cache->worker());
        model.setDebounceInterval(0);
        model.setPageSize(10);
        QSignalSpy arrived(&model, &CustomerSearchModel::resultsArrived);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setQuery(u"pat smith"_s);
        QTRY_COMPARE(arrived.size(), 1);
        QCOMPARE(model.count(), 10);
        QVERIFY(model.canLoadMore());

        model.loadMore();
        model.loadMore(); // ignored: a page is already on its way
        QVERIFY(model.busy());
        QTRY_COMPARE(arrived.size(), 2);
        QCOMPARE(model.count(), 20);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 10);
        QCOMPARE(inserted.first().at(2).toInt(), 19);
        QVERIFY(model.canLoadMore());

        model.loadMore();
        QTRY_COMPARE(arrived.size(), 3);
        QCOMPARE(model.count(), 30);
        QVERIFY(!model.canLoadMore());
        model.loadMore(); // nothing more to ask for
        QTest::qWait(50);
        QCOMPARE(arrived.size(), 3);

        QStringList ids = column(model, "id");
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 30);
    }

    void aSlowCacheNeverBlocksTheGuiThreadAndTheNewestTextWins()
    {
        QVERIFY(m_cache->save(handMadeCouncil()));
        CustomerSearchModel model;
        model.setCacheWorker(&m_cache->worker());
        model.setDebounceInterval(0);
        QSignalSpy arrived(&model, &CustomerSearchModel::resultsArrived);
        QStringList shown; // the first reference on screen after every change of the list
        connect(&model, &QAbstractItemModel::modelReset, this,
                [&] { shown.append(model.count() ? roleValue(model, 0, "reference").toString() : u"-"_s); });

        // The GUI thread's heartbeat: counted only while the database thread is stalled.
        auto stallState = std::make_shared<std::atomic<int>>(0);
        int beatsDuringStall = 0;
        QTimer heartbeat;
        heartbeat.setInterval(10);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            if (stallState->load() == 1)
                ++beatsDuringStall;
        });
        heartbeat.start();

        const QFuture<Status> stalled = m_cache->stall(500, stallState);
        QTRY_COMPARE(stallState->load(), 1);
        model.setQuery(u"sian"_s); // A and B
        model.searchNow(); // posted behind the stall
        model.setQuery(u"tom"_s); // G: typed while "sian" is still waiting
        model.searchNow();
        QVERIFY(model.busy());
        QCOMPARE(stallState->load(), 1); // setting the text returned while the cache was still stalled

        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 10000);
        QCOMPARE(stallState->load(), 2);
        QVERIFY(stalled.isFinished());
        QVERIFY2(beatsDuringStall >= 10, qPrintable(QString::number(beatsDuringStall)));
        QCOMPARE(column(model, "reference"), QStringList { u"C1000007"_s });
        QTest::qWait(100);
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(shown, (QStringList { u"C1000007"_s })); // "sian"'s answer came first and was dropped
        QVERIFY(!model.busy());
    }

    void aPageForOlderTextIsDropped()
    {
        QVERIFY(m_cache->save(handMadeCouncil()));
        CustomerSearchModel model;
        model.setCacheWorker(&m_cache->worker());
        model.setDebounceInterval(0);
        model.setPageSize(1);
        QSignalSpy arrived(&model, &CustomerSearchModel::resultsArrived);
        model.setQuery(u"jones"_s);
        QTRY_COMPARE(arrived.size(), 1);
        QCOMPARE(column(model, "reference"), QStringList { u"C1000007"_s });

        auto stallState = std::make_shared<std::atomic<int>>(0);
        (void)m_cache->stall(300, stallState);
        model.loadMore(); // the second Jones, behind the stall
        model.setQuery(u"aoife"_s);
        model.searchNow();
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 2, 10000);
        QTest::qWait(100);
        QCOMPARE(arrived.size(), 2);
        QCOMPARE(column(model, "reference"), QStringList { u"C1000004"_s });
    }

    void cacheErrorsBecomeReadableText()
    {
        CustomerSearchModel model;
        model.setDebounceInterval(0);
        QSignalSpy error(&model, &CustomerSearchModel::errorTextChanged);
        model.setQuery(u"jones"_s); // no cache at all
        QTRY_COMPARE(error.size(), 1);
        QCOMPARE(model.errorText(), CustomerSearchModel::tr("Customer search is not available: no cache is open."));
        QVERIFY(!model.busy());
        QCOMPARE(model.count(), 0);

        QVERIFY(UiTestCache::await(m_cache->worker().close()).ok()); // the profile is locked now
        model.setCacheWorker(&m_cache->worker());
        QTRY_COMPARE(error.size(), 2);
        QVERIFY(model.errorText().contains(u"locked"_s));
        QVERIFY(!model.errorText().contains(u"worker."_s)); // a sentence, not a code
        QVERIFY(!model.busy());
    }

private:
    std::unique_ptr<UiTestCache> m_cache;
};

QTEST_GUILESS_MAIN(tst_CustomerSearchModel)
#include "tst_CustomerSearchModel.moc"
