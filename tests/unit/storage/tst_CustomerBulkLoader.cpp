// CustomerBulkLoader on a real encrypted cache: a bulk-loaded cache is the same as one written customer
// by customer, its indexes come back exactly, and an unfinished load leaves nothing behind.

#include "storage/CacheTransaction.h"
#include "storage/CustomerBulkLoader.h"
#include "storage/CustomerStore.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/storage/StoreTestSupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

QStringList rows(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    QStringList out;
    if (!query.exec(sql))
        return { u"error: "_s + query.lastError().text() };
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values.append(query.isNull(i) ? u"NULL"_s : query.value(i).toString());
        out.append(values.join(u'|'));
    }
    return out;
}

// Everything the customer tables hold, in a fixed order.
QStringList customerTables(const QSqlDatabase &db)
{
    QStringList all;
    all += rows(db, u"SELECT * FROM customer ORDER BY row"_s);
    all += rows(db, u"SELECT * FROM customer_phone ORDER BY customer_row, position"_s);
    all += rows(db, u"SELECT * FROM customer_email ORDER BY customer_row, position"_s);
    all += rows(db, u"SELECT * FROM customer_flag ORDER BY customer_row, position"_s);
    all += rows(db, u"SELECT docid, names, address FROM customer_fts ORDER BY docid"_s);
    return all;
}

QStringList schema(const QSqlDatabase &db)
{
    return rows(db, u"SELECT type, name, sql FROM sqlite_master ORDER BY type, name"_s);
}

QList<CustomerWithContact> everyone()
{
    QList<CustomerWithContact> all = handMadeCustomers();
    all.append({ fullyPopulatedCustomer(), contactAt(3, 4, 5) });
    return all;
}

} // namespace

class tst_CustomerBulkLoader : public QObject {
    Q_OBJECT

private slots:
    void loadedCacheEqualsOneWrittenByTheStore()
    {
        StoreTestCache stored;
        QVERIFY(stored.open());
        {
            CustomerStore store(stored.db());
            for (const CustomerWithContact &c : everyone()) {
                QVERIFY(store.upsert(c.customer).ok());
                QVERIFY(store.setLastContactAt(c.customer.id, c.lastContactAt).ok());
            }
        }
        StoreTestCache loaded;
        QVERIFY(loaded.open());
        {
            CustomerBulkLoader loader(loaded.db());
            QVERIFY(loader.begin().ok());
            for (const CustomerWithContact &c : everyone())
                QVERIFY(loader.add(c.customer, c.lastContactAt).ok());
            const Result<qint64> finished = loader.finish();
            QVERIFY(finished.ok());
            QCOMPARE(*finished, everyone().size());
        }
        QCOMPARE(customerTables(loaded.db()), customerTables(stored.db()));
        QCOMPARE(customerTables(loaded.db()).size(), 9 + 9 + 5 + 2 + 9);
        QCOMPARE(**CustomerStore(loaded.db()).byId(fullyPopulatedCustomer().id), fullyPopulatedCustomer());
    }

    void rebuildsTheIndexesExactly()
    {
        StoreTestCache fresh;
        QVERIFY(fresh.open());
        StoreTestCache loaded;
        QVERIFY(loaded.open());
        {
            CustomerBulkLoader loader(loaded.db());
            QVERIFY(loader.begin().ok());
            // Dropped while loading, back afterwards.
            QCOMPARE(rows(loaded.db(), u"SELECT count(*) FROM sqlite_master WHERE name = 'customer_recent'"_s),
                     QStringList { u"0"_s });
            QVERIFY(loader.add(fullyPopulatedCustomer()).ok());
            QVERIFY(loader.finish().ok());
        }
        QCOMPARE(schema(loaded.db()), schema(fresh.db()));
    }

    void mergesTheSearchIndexAfterASmallLoad()
    {
        // SQLite 3.15 loses every term when 'optimize' runs over terms still pending in the same
        // transaction: a load small enough to stay in memory must still be found.
        StoreTestCache cache;
        QVERIFY(cache.open());
        {
            CustomerBulkLoader loader(cache.db());
            QVERIFY(loader.begin().ok());
            for (int n = 1; n <= 50; ++n)
                QVERIFY(loader.add(makeCustomer(n, u"Pat"_s, u"Smith"_s, u"1 Long Road"_s, u"PL1 1AA"_s)).ok());
            QVERIFY(loader.finish().ok());
        }
        QCOMPARE(rows(cache.db(), u"SELECT count(*) FROM customer_fts WHERE customer_fts MATCH '\"smi*\" \"long*\"'"_s),
                 QStringList { u"50"_s });
        // One segment per index (the terms and the two prefix lengths): merged.
        QCOMPARE(rows(cache.db(), u"SELECT level / 1024, count(*) FROM customer_fts_segdir GROUP BY 1 ORDER BY 1"_s),
                 (QStringList { u"0|1"_s, u"1|1"_s, u"2|1"_s }));
    }

    void unfinishedLoadLeavesTheCacheAsItWas()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        const Customer before = fullyPopulatedCustomer();
        QVERIFY(CustomerStore(cache.db()).upsert(before).ok());
        const QStringList schemaBefore = schema(cache.db());
        const QStringList tablesBefore = customerTables(cache.db());
        {
            CustomerBulkLoader loader(cache.db());
            QVERIFY(loader.begin().ok());
            QVERIFY(loader.add(makeCustomer(1, u"Siân"_s, u"Jones"_s, u"12 Mill Road"_s, u"PL1 2AA"_s)).ok());
        } // the program closed, or the pull failed
        QCOMPARE(schema(cache.db()), schemaBefore);
        QCOMPARE(customerTables(cache.db()), tablesBefore);
        QVERIFY(!cacheInTransaction(cache.db()));
    }

    void customerSentAgainIsUpdatedInPlace()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        Customer c = makeCustomer(1, u"Siân"_s, u"Jones"_s, u"12 Mill Road"_s, u"PL1 2AA"_s, { u"+447700900123"_s });
        {
            CustomerBulkLoader loader(cache.db());
            QVERIFY(loader.begin().ok());
            QVERIFY(loader.add(c, contactAt(1, 1)).ok());
            QVERIFY(loader.add(makeCustomer(2, u"Tom"_s, u"Jones"_s, {}, {})).ok());
            c.familyName = u"Evans"_s;
            c.phones = { u"+447700900999"_s };
            const Status again = loader.add(c, contactAt(2, 1)); // the same page pulled again, newer
            QVERIFY2(again.ok(),
                     qPrintable(again.ok() ? QString() : again.error().code + u' ' + again.error().message));
            QCOMPARE(*loader.finish(), 3);
        }
        CustomerStore store(cache.db());
        QCOMPARE(**store.byId(c.id), c);
        QCOMPARE(**store.rowOf(c.id), 1);
        QCOMPARE(store.lastContactAt(c.id).value(), contactAt(2, 1));
        QCOMPARE(cache.rowCount(u"customer"_s), 2);
        QCOMPARE(cache.rowCount(u"customer_phone"_s), 1);
        QCOMPARE(rows(cache.db(), u"SELECT docid FROM customer_fts WHERE customer_fts MATCH '\"jones*\"'"_s),
                 QStringList { u"2"_s });
    }

    void customerWithAnotherReferenceIsSkipped()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        const Customer a = makeCustomer(1, u"Siân"_s, u"Jones"_s, {}, {});
        Customer clash = makeCustomer(2, u"Tom"_s, u"Jones"_s, {}, {});
        clash.reference = a.reference;
        {
            CustomerBulkLoader loader(cache.db());
            QVERIFY(loader.begin().ok());
            QVERIFY(loader.add(a).ok());
            QCOMPARE(loader.add(clash).error().code, u"customer.duplicate_reference"_s);
            Customer noId = a;
            noId.id = QUuid();
            QCOMPARE(loader.add(noId).error().code, u"customer.invalid"_s);
            QVERIFY(loader.add(makeCustomer(3, u"Ann"_s, u"Lee"_s, {}, {})).ok());
            QCOMPARE(*loader.finish(), 2);
        }
        QCOMPARE(cache.rowCount(u"customer"_s), 2);
        QCOMPARE(cache.rowCount(u"customer_fts"_s), 2);
    }

    void refusesToRunInsideTheCallersTransaction()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CacheTransaction transaction(cache.db());
        QVERIFY(transaction.begin().ok());
        CustomerBulkLoader loader(cache.db());
        QCOMPARE(loader.begin().error().code, u"cache.transaction_nested"_s);
        QVERIFY(transaction.isActive());
    }

    void addAndFinishNeedBegin()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CustomerBulkLoader loader(cache.db());
        QCOMPARE(loader.add(fullyPopulatedCustomer()).error().code, u"customer.bulk_not_begun"_s);
        QCOMPARE(loader.finish().error().code, u"customer.bulk_not_begun"_s);
        QCOMPARE(cache.rowCount(u"customer"_s), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CustomerBulkLoader)
#include "tst_CustomerBulkLoader.moc"
