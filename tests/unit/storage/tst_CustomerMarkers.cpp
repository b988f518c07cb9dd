// CustomerMarkerReader on a real encrypted cache: a page of customers' access needs and flags in two
// statements, staff safety told apart from vulnerability, unknown ids left out, long id lists split.

#include "storage/CacheTransaction.h"
#include "storage/CustomerMarkers.h"
#include "storage/CustomerStore.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/storage/StoreTestSupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

class tst_CustomerMarkers : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_cache = std::make_unique<StoreTestCache>();
        QVERIFY(m_cache->open());
    }
    void cleanup() { m_cache.reset(); }

    void readsAccessNeedsAndFlagsOfEachCustomer()
    {
        const QList<CustomerWithContact> council = handMadeCustomers();
        QList<Customer> customers;
        for (const CustomerWithContact &c : council)
            customers.append(c.customer);
        customers.append(
            fullyPopulatedCustomer()); // BSL, large print, Polish interpreter; bereaved, do not visit alone
        save(customers);

        const Result<QHash<QUuid, CustomerMarkers>> markers
            = CustomerMarkerReader(m_cache->db()).forCustomers({ customerUuid(1), customerUuid(4), customerUuid(42) });
        QVERIFY(markers.ok());
        QCOMPARE(markers->size(), 3);

        const CustomerMarkers a = markers->value(customerUuid(1));
        QVERIFY(!a.accessNeeds.any());
        QVERIFY(a.flags.isEmpty());
        QVERIFY(!a.hasStaffSafetyFlag());
        QVERIFY(!a.hasVulnerabilityFlag());

        const CustomerMarkers d = markers->value(customerUuid(4));
        QCOMPARE(d.accessNeeds.needs, AccessNeedSet(AccessNeed::Interpreter));
        QCOMPARE(d.accessNeeds.interpreterLanguage, u"ga"_s);
        QVERIFY(d.flags.isEmpty());

        const CustomerMarkers full = markers->value(customerUuid(42));
        QCOMPARE(full.accessNeeds, fullyPopulatedCustomer().accessNeeds);
        QCOMPARE(full.flags, (QList<FlagCategory> { FlagCategory::Bereavement, FlagCategory::DoNotVisitAlone }));
        QVERIFY(full.hasStaffSafetyFlag());
        QVERIFY(full.hasVulnerabilityFlag());
    }

    void vulnerabilityAloneIsNotAStaffSafetyFlag()
    {
        Customer c = makeCustomer(1, u"Sian"_s, u"Jones"_s, u"1 Quay Road"_s, u"PL4 7YY"_s);
        c.flags = { CustomerFlag { FlagCategory::MentalHealth, {}, QDate(2026, 1, 1), {} } };
        save({ c });
        const Result<QHash<QUuid, CustomerMarkers>> markers
            = CustomerMarkerReader(m_cache->db()).forCustomers({ c.id });
        QVERIFY(markers.ok());
        QVERIFY(markers->value(c.id).hasVulnerabilityFlag());
        QVERIFY(!markers->value(c.id).hasStaffSafetyFlag());
    }

    void idsNotInTheCacheAreLeftOut()
    {
        save({ makeCustomer(1, u"Sian"_s, u"Jones"_s, u"1 Quay Road"_s, u"PL4 7YY"_s) });
        const Result<QHash<QUuid, CustomerMarkers>> markers
            = CustomerMarkerReader(m_cache->db()).forCustomers({ customerUuid(1), customerUuid(2) });
        QVERIFY(markers.ok());
        QCOMPARE(markers->keys(), QList<QUuid> { customerUuid(1) });
        const Result<QHash<QUuid, CustomerMarkers>> none = CustomerMarkerReader(m_cache->db()).forCustomers({});
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void moreIdsThanOneStatementTakesAreAllRead()
    {
        QList<Customer> many;
        QList<QUuid> ids;
        for (int n = 1; n <= 450; ++n) {
            Customer c = makeCustomer(n, u"Resident"_s, u"No %1"_s.arg(n), u"1 Quay Road"_s, u"PL4 7YY"_s);
            if (n % 2 == 0)
                c.flags = { CustomerFlag { FlagCategory::ViolenceHistory, {}, QDate(2026, 1, 1), {} } };
            many.append(c);
            ids.append(c.id);
        }
        save(many);
        const Result<QHash<QUuid, CustomerMarkers>> markers = CustomerMarkerReader(m_cache->db()).forCustomers(ids);
        QVERIFY(markers.ok());
        QCOMPARE(markers->size(), 450);
        QVERIFY(markers->value(customerUuid(450)).hasStaffSafetyFlag());
        QVERIFY(!markers->value(customerUuid(449)).hasStaffSafetyFlag());
    }

    void anUnknownStoredKeyIsABadRowNotASilentGap()
    {
        save({ makeCustomer(1, u"Sian"_s, u"Jones"_s, u"1 Quay Road"_s, u"PL4 7YY"_s) });
        QSqlQuery tamper(m_cache->db());
        QVERIFY(tamper.exec(u"UPDATE customer SET access_needs = 'telepathy'"_s));
        const Result<QHash<QUuid, CustomerMarkers>> markers
            = CustomerMarkerReader(m_cache->db()).forCustomers({ customerUuid(1) });
        QVERIFY(!markers.ok());
        QCOMPARE(markers.error().code, u"cache.bad_row"_s);
    }

private:
    void save(const QList<Customer> &customers)
    {
        CacheTransaction transaction(m_cache->db());
        QVERIFY(transaction.begin().ok());
        CustomerStore store(m_cache->db());
        for (const Customer &c : customers)
            QVERIFY(store.upsert(c).ok());
        QVERIFY(transaction.commit().ok());
    }

    std::unique_ptr<StoreTestCache> m_cache;
};

QTEST_GUILESS_MAIN(tst_CustomerMarkers)
#include "tst_CustomerMarkers.moc"
