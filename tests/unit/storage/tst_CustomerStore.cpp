// CustomerStore on a real encrypted cache: every field round-trips, updates keep the row and replace
// every search key, writes join the caller's transaction, last contact only moves forward.

#include "storage/CacheTransaction.h"
#include "storage/CustomerStore.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/storage/StoreTestSupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

QStringList column(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    QStringList values;
    if (!query.exec()) {
        values.append(u"error: "_s + query.lastError().text());
        return values;
    }
    while (query.next())
        values.append(query.value(0).toString());
    return values;
}

QStringList ftsDocids(const QSqlDatabase &db, const QString &match)
{
    return column(db, u"SELECT docid FROM customer_fts WHERE customer_fts MATCH ? ORDER BY docid"_s, { match });
}

} // namespace

class tst_CustomerStore : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryField_data()
    {
        QTest::addColumn<Customer>("customer");
        QTest::newRow("every field set") << fullyPopulatedCustomer();
        QTest::newRow("only id and reference") << [] {
            Customer c;
            c.id = customerUuid(7);
            c.reference = u"C1000007"_s;
            return c;
        }();
        QTest::newRow("invalid phone, postcode and email kept as given") << makeCustomer(
            8, u"Ann"_s, u"Lee"_s, u"1 High St"_s, u"not a postcode"_s, { u"12"_s }, { u"no at sign"_s }, u"0001"_s);
    }
    void roundTripsEveryField()
    {
        QFETCH(Customer, customer);
        StoreTestCache cache;
        QVERIFY(cache.open());
        {
            CustomerStore store(cache.db());
            const Status saved = store.upsert(customer);
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

            const auto byId = store.byId(customer.id);
            QVERIFY(byId.ok());
            QVERIFY(byId->has_value());
            QCOMPARE(**byId, customer);
            const auto byReference = store.byReference(customer.reference);
            QVERIFY(byReference.ok());
            QVERIFY(byReference->has_value());
            QCOMPARE(**byReference, customer);
        }

        // Survives closing: nothing is held in memory.
        cache.close();
        QVERIFY(cache.open());
        const auto reopened = CustomerStore(cache.db()).byId(customer.id);
        QVERIFY(reopened.ok() && reopened->has_value());
        QCOMPARE(**reopened, customer);
    }

    void unknownCustomerIsNotAnError()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CustomerStore store(cache.db());
        const auto byId = store.byId(customerUuid(99));
        QVERIFY(byId.ok());
        QVERIFY(!byId->has_value());
        const auto byReference = store.byReference(u"C9999999"_s);
        QVERIFY(byReference.ok());
        QVERIFY(!byReference->has_value());
        const auto row = store.rowOf(customerUuid(99));
        QVERIFY(row.ok());
        QVERIFY(!row->has_value());
    }

    void storesEverySearchKey()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        const Customer customer = fullyPopulatedCustomer();
        QVERIFY(CustomerStore(cache.db()).upsert(customer).ok());
        const QSqlDatabase db = cache.db();

        QCOMPARE(column(db, u"SELECT family_fold || '|' || postcode_key || '|' || outward_code FROM customer"_s),
                 QStringList { u"oneillevans|PL12AA|PL1"_s });
        QCOMPARE(column(db, u"SELECT phone || '|' || reversed_digits FROM customer_phone ORDER BY position"_s),
                 (QStringList { u"+447700900123|32100900770"_s, u"+441752123456|65432125710"_s }));
        QCOMPARE(
            column(db, u"SELECT email || '|' || email_key FROM customer_email ORDER BY position"_s),
            (QStringList { u"Sian.ONeill@Example.ORG|sian.oneill@example.org"_s, u"s@example.com|s@example.com"_s }));
        // Apostrophe parts are indexed too, so "neill" and "o neill" find O'Neill.
        QCOMPARE(column(db, u"SELECT names || '|' || address FROM customer_fts"_s),
                 QStringList { u"sian oneill evans oneillevans o neill neillevans si|flat 3 harbour house"_s });
    }

    void updateKeepsRowAndReplacesKeys()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CustomerStore store(cache.db());
        Customer customer = makeCustomer(1, u"Siân"_s, u"Jones"_s, u"12 Mill Road"_s, u"PL1 2AA"_s,
                                         { u"+447700900123"_s }, { u"sian@example.org"_s }, u"100040000001"_s);
        customer.flags = { CustomerFlag { FlagCategory::Bereavement, u"x"_s, QDate(2026, 1, 1), QDate() } };
        QVERIFY(store.upsert(customer).ok());
        QVERIFY(store.upsert(makeCustomer(2, u"Other"_s, u"Person"_s, u"1 Road"_s, u"PL4 6XX"_s)).ok());
        QVERIFY(store.setLastContactAt(customer.id, contactAt(10, 1)).ok());
        const auto rowBefore = store.rowOf(customer.id);
        QVERIFY(rowBefore.ok() && rowBefore->has_value());

        customer.familyName = u"Evans"_s;
        customer.address.line1 = u"3 Quay Road"_s;
        customer.address.postcode = u"PL12 3AB"_s;
        customer.phones = { u"+441752900999"_s };
        customer.emails = { u"evans@example.org"_s };
        customer.flags.clear();
        QVERIFY(store.upsert(customer).ok());

        const auto rowAfter = store.rowOf(customer.id);
        QVERIFY(rowAfter.ok() && rowAfter->has_value());
        QCOMPARE(**rowAfter, **rowBefore);
        QCOMPARE(**store.byId(customer.id), customer);
        QCOMPARE(store.lastContactAt(customer.id).value(), contactAt(10, 1));

        const QSqlDatabase db = cache.db();
        const QString row = QString::number(**rowAfter);
        // The old phone, email, name, street and postcode no longer find the customer; the new ones do.
        QCOMPARE(column(db, u"SELECT count(*) FROM customer_phone WHERE reversed_digits = '32100900770'"_s),
                 QStringList { u"0"_s });
        QCOMPARE(column(db, u"SELECT customer_row FROM customer_phone WHERE reversed_digits = '99900925710'"_s),
                 QStringList { row });
        QCOMPARE(column(db, u"SELECT count(*) FROM customer_email WHERE email_key = 'sian@example.org'"_s),
                 QStringList { u"0"_s });
        QCOMPARE(column(db, u"SELECT count(*) FROM customer_flag"_s), QStringList { u"0"_s });
        QCOMPARE(ftsDocids(db, u"\"jones*\""_s), QStringList {});
        QCOMPARE(ftsDocids(db, u"\"mill*\""_s), QStringList {});
        QCOMPARE(ftsDocids(db, u"\"evans*\" \"quay*\""_s), QStringList { row });
        QCOMPARE(column(db, u"SELECT count(*) FROM customer WHERE outward_code = 'PL1'"_s), QStringList { u"0"_s });
        QCOMPARE(column(db, u"SELECT row FROM customer WHERE outward_code = 'PL12' AND postcode_key = 'PL123AB'"_s),
                 QStringList { row });
        QCOMPARE(cache.rowCount(u"customer_fts"_s), 2);
    }

    void refusesInvalidCustomers_data()
    {
        QTest::addColumn<Customer>("customer");
        QTest::addColumn<QString>("code");
        Customer noId = makeCustomer(1, u"A"_s, u"B"_s, {}, {});
        noId.id = QUuid();
        Customer noReference = makeCustomer(2, u"A"_s, u"B"_s, {}, {});
        noReference.reference = u"  "_s;
        QTest::newRow("no id") << noId << u"customer.invalid"_s;
        QTest::newRow("blank reference") << noReference << u"customer.invalid"_s;
        QTest::newRow("another customer's reference")
            << makeCustomer(3, u"A"_s, u"B"_s, {}, {}) << u"customer.duplicate_reference"_s;
    }
    void refusesInvalidCustomers()
    {
        QFETCH(Customer, customer);
        QFETCH(QString, code);
        StoreTestCache cache;
        QVERIFY(cache.open());
        CustomerStore store(cache.db());
        Customer first = makeCustomer(9, u"First"_s, u"Customer"_s, {}, {});
        first.reference = u"C1000003"_s; // the reference makeCustomer(3, ...) gets
        QVERIFY(store.upsert(first).ok());

        const Status saved = store.upsert(customer);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, code);
        QVERIFY(!saved.error().message.isEmpty());
        QCOMPARE(cache.rowCount(u"customer"_s), 1);
        QCOMPARE(cache.rowCount(u"customer_fts"_s), 1);
        QCOMPARE(**store.byId(first.id), first);
    }

    void removeTakesChildRowsAndIndexWithIt()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CustomerStore store(cache.db());
        const Customer customer = fullyPopulatedCustomer();
        QVERIFY(store.upsert(customer).ok());
        const Customer other
            = makeCustomer(2, u"Other"_s, u"Person"_s, u"1 Road"_s, u"PL4 6XX"_s, { u"+447700111222"_s });
        QVERIFY(store.upsert(other).ok());

        const auto removed = store.remove(customer.id);
        QVERIFY(removed.ok());
        QCOMPARE(*removed, true);
        QCOMPARE(cache.rowCount(u"customer"_s), 1);
        QCOMPARE(cache.rowCount(u"customer_phone"_s), 1);
        QCOMPARE(cache.rowCount(u"customer_email"_s), 0);
        QCOMPARE(cache.rowCount(u"customer_flag"_s), 0);
        QCOMPARE(cache.rowCount(u"customer_fts"_s), 1);
        QCOMPARE(ftsDocids(cache.db(), u"\"sian*\""_s), QStringList {});
        QVERIFY(!store.byId(customer.id)->has_value());

        const auto again = store.remove(customer.id);
        QVERIFY(again.ok());
        QCOMPARE(*again, false);
    }

    void lastContactOnlyMovesForward()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CustomerStore store(cache.db());
        const Customer customer = makeCustomer(1, u"A"_s, u"B"_s, {}, {});
        QVERIFY(store.upsert(customer).ok());
        QCOMPARE(store.lastContactAt(customer.id).value(), QDateTime());

        QVERIFY(store.setLastContactAt(customer.id, contactAt(9, 1)).ok());
        QCOMPARE(store.lastContactAt(customer.id).value(), contactAt(9, 1));
        QVERIFY(store.setLastContactAt(customer.id, contactAt(8, 1)).ok()); // pulled out of order
        QCOMPARE(store.lastContactAt(customer.id).value(), contactAt(9, 1));
        QVERIFY(store.setLastContactAt(customer.id, utc(2026, 9, 1, 9, 0, 0, 1)).ok());
        QCOMPARE(store.lastContactAt(customer.id).value(), utc(2026, 9, 1, 9, 0, 0, 1));

        QVERIFY(store.setLastContactAt(customerUuid(99), contactAt(9, 1)).ok()); // not cached yet
        QCOMPARE(cache.rowCount(u"customer"_s), 1);
    }

    void newCustomerTakesLastContactFromCachedContacts()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        const Customer customer = makeCustomer(1, u"A"_s, u"B"_s, {}, {});
        // A pulled page brought the contacts before the customer.
        QSqlQuery insert(cache.db());
        insert.prepare(u"INSERT INTO contact (id, customer_id, channel, started_at) VALUES (?, ?, 'phone', ?)"_s);
        const QList<QDateTime> times = { contactAt(3, 1), contactAt(5, 2, 14), contactAt(4, 1) };
        for (int i = 0; i < times.size(); ++i) {
            insert.addBindValue(customerUuid(100 + i).toString(QUuid::WithoutBraces));
            insert.addBindValue(customer.id.toString(QUuid::WithoutBraces));
            insert.addBindValue(times.at(i));
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        CustomerStore store(cache.db());
        QVERIFY(store.upsert(customer).ok());
        QCOMPARE(store.lastContactAt(customer.id).value(), contactAt(5, 2, 14));
    }

    void writesJoinTheCallersTransaction()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CustomerStore store(cache.db());
        const Customer a
            = makeCustomer(1, u"Siân"_s, u"Jones"_s, u"12 Mill Road"_s, u"PL1 2AA"_s, { u"+447700900123"_s });
        Customer clash = makeCustomer(2, u"Other"_s, u"Person"_s, {}, {});
        clash.reference = a.reference;

        {
            CacheTransaction transaction(cache.db());
            QVERIFY(transaction.begin().ok());
            QVERIFY(store.upsert(a).ok());
            QVERIFY(store.byId(a.id)->has_value()); // visible inside the transaction
            QVERIFY(transaction.rollback().ok());
        }
        QVERIFY(!store.byId(a.id)->has_value());
        QCOMPARE(cache.rowCount(u"customer_fts"_s), 0);
        QCOMPARE(cache.rowCount(u"customer_phone"_s), 0);

        {
            CacheTransaction transaction(cache.db());
            QVERIFY(transaction.begin().ok());
            QVERIFY(store.upsert(a).ok());
            // A failed write undoes only itself; the caller's transaction goes on.
            QCOMPARE(store.upsert(clash).error().code, u"customer.duplicate_reference"_s);
            QVERIFY(transaction.isActive());
            QVERIFY(transaction.commit().ok());
        }
        QCOMPARE(**store.byId(a.id), a);
        QVERIFY(!store.byId(clash.id)->has_value());
        QCOMPARE(cache.rowCount(u"customer"_s), 1);
    }
};

QTEST_GUILESS_MAIN(tst_CustomerStore)
#include "tst_CustomerStore.moc"
