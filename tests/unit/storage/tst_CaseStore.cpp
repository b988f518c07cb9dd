// CaseStore on a real encrypted cache: every field round-trips, queries order as promised, pruning keeps
// open and recent cases.

#include "storage/CaseStore.h"
#include "unit/storage/StoreTestSupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

const QUuid kCustomer = QUuid(u"{4d6f3c1e-2b7a-4f0e-9a51-0c2d8e6b7a10}"_s);
const QUuid kOtherCustomer = QUuid(u"{9e1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d}"_s);

Case makeCase(const QString &reference, CaseStatus status = CaseStatus::New)
{
    Case c;
    c.id = QUuid::createUuid();
    c.reference = reference;
    c.customerId = kCustomer;
    c.service = u"waste"_s;
    c.requestType = u"missed_bin"_s;
    c.status = status;
    c.raisedAt = utc(2025, 3, 1, 9, 15, 0, 123);
    return c;
}

QStringList references(const QList<Case> &cases)
{
    QStringList out;
    for (const Case &c : cases)
        out.append(c.reference);
    return out;
}

qint64 rowOf(const QSqlDatabase &db, const QUuid &id)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT row FROM service_case WHERE id = ?"_s);
    query.addBindValue(id.toString(QUuid::WithoutBraces));
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

class tst_CaseStore : public QObject {
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField_data()
    {
        QTest::addColumn<Case>("original");

        Case full = makeCase(u"WST-2025-000123"_s, CaseStatus::InProgress);
        full.priority = CasePriority::Emergency;
        full.team = u"waste-ops"_s;
        full.assignee = u"a.officer"_s;
        full.promisedBy = utc(2025, 3, 5, 17, 0, 0, 999);
        full.raisingContactId = QUuid::createUuid();
        full.summary = u"Bin not emptied — Heol y Nant, Llanelli; “twice”"_s;
        full.revision = 7;
        QTest::newRow("every field set") << full;

        Case sparse = makeCase(u"WST-2025-000124"_s);
        sparse.customerId = QUuid();
        QTest::newRow("no customer, promise, contact or text") << sparse;

        Case resolved = makeCase(u"HSG-2025-000001"_s, CaseStatus::Resolved);
        resolved.service = u"housing"_s;
        resolved.requestType = u"repair"_s;
        resolved.resolvedAt = utc(2025, 3, 2, 23, 59, 59, 1);
        resolved.priority = CasePriority::Low;
        QTest::newRow("resolved") << resolved;

        Case closed = makeCase(u"WST-2025-000125"_s, CaseStatus::Closed);
        closed.closureReason = ClosureReason::NoCustomerResponse;
        QTest::newRow("closed unresolved with a reason") << closed;

        Case zoned = makeCase(u"WST-2025-000126"_s, CaseStatus::Assigned);
        zoned.raisedAt = QDateTime(QDate(2025, 7, 1), QTime(10, 30, 0, 250), QTimeZone(u"Europe/London"_s.toLatin1()));
        QTest::newRow("time given in London time") << zoned;

        for (ClosureReason reason : allClosureReasons()) {
            Case c = makeCase(u"REASON-"_s + closureReasonKey(reason), CaseStatus::Closed);
            c.closureReason = reason;
            QTest::addRow("closure reason %s", qPrintable(closureReasonKey(reason))) << c;
        }
        for (CaseStatus status : allCaseStatuses()) {
            Case c = makeCase(u"STATUS-"_s + caseStatusKey(status), status);
            QTest::addRow("status %s", qPrintable(caseStatusKey(status))) << c;
        }
    }

    void roundTripKeepsEveryField()
    {
        QFETCH(Case, original);
        StoreTestCache cache;
        QVERIFY(cache.open());
        {
            CaseStore store(cache.db());
            const Status saved = store.upsert(original);
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        }
        cache.close();
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        auto stored = store.byId(original.id);
        QVERIFY(stored.ok());
        QVERIFY(stored->has_value());
        const Case &c = **stored;
        QCOMPARE(c.reference, original.reference);
        QCOMPARE(c.customerId, original.customerId);
        QCOMPARE(c.status, original.status);
        QCOMPARE(c.priority, original.priority);
        QCOMPARE(c.summary, original.summary);
        QCOMPARE(c.closureReason, original.closureReason);
        QCOMPARE(c.raisedAt, original.raisedAt);
        QCOMPARE(c.raisedAt.timeSpec(), Qt::UTC);
        QCOMPARE(c.raisedAt.time().msec(), original.raisedAt.time().msec());
        QCOMPARE(c.promisedBy, original.promisedBy);
        QCOMPARE(c.resolvedAt, original.resolvedAt);
        QCOMPARE(c.raisingContactId, original.raisingContactId);
        QVERIFY(c == original);

        auto byReference = store.byReference(original.reference);
        QVERIFY(byReference.ok() && byReference->has_value());
        QVERIFY(**byReference == original);
    }

    void upsertReplacesEveryFieldAndKeepsTheRow()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        QVERIFY(store.upsert(makeCase(u"WST-1"_s)).ok());
        Case c = makeCase(u"WST-2"_s, CaseStatus::Assigned);
        QVERIFY(store.upsert(c).ok());
        const qint64 row = rowOf(cache.db(), c.id);
        QVERIFY(row > 0);

        c.reference = u"WST-2A"_s;
        c.status = CaseStatus::Closed;
        c.closureReason = ClosureReason::Duplicate;
        c.assignee = u"b.officer"_s;
        c.customerId = kOtherCustomer;
        c.promisedBy = utc(2025, 4, 1);
        c.revision = 3;
        QVERIFY(store.upsert(c).ok());

        QCOMPARE(rowOf(cache.db(), c.id), row);
        QCOMPARE(cache.rowCount(u"service_case"_s), 2);
        auto stored = store.byId(c.id);
        QVERIFY(stored.ok() && stored->has_value());
        QVERIFY(**stored == c);
        QVERIFY(!store.byReference(u"WST-2"_s)->has_value());

        c.closureReason.reset();
        c.promisedBy = QDateTime();
        QVERIFY(store.upsert(c).ok());
        QVERIFY(*store.byId(c.id).value() == c); // optional fields can be cleared again
    }

    void upsertRefusesAReferenceAnotherCaseHas()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        const Case first = makeCase(u"WST-1"_s);
        QVERIFY(store.upsert(first).ok());
        Case second = makeCase(u"WST-2"_s);
        QVERIFY(store.upsert(second).ok());

        for (Case clash : { makeCase(u"WST-1"_s), second }) {
            clash.reference = u"WST-1"_s;
            const Status status = store.upsert(clash);
            QVERIFY(!status.ok());
            QCOMPARE(status.error().code, u"case.duplicate_reference"_s);
            QVERIFY(status.error().message.contains(u"WST-1"_s));
        }
        QVERIFY(*store.byReference(u"WST-1"_s).value() == first);
        QVERIFY(*store.byId(second.id).value() == second);
        QCOMPARE(cache.rowCount(u"service_case"_s), 2);
    }

    void upsertRefusesAnIncompleteCase_data()
    {
        QTest::addColumn<Case>("incomplete");
        Case c = makeCase(u"WST-1"_s);
        c.id = QUuid();
        QTest::newRow("no id") << c;
        c = makeCase(QString());
        QTest::newRow("no reference") << c;
        c = makeCase(u"WST-1"_s);
        c.service.clear();
        QTest::newRow("no service") << c;
        c = makeCase(u"WST-1"_s);
        c.requestType.clear();
        QTest::newRow("no request type") << c;
        c = makeCase(u"WST-1"_s);
        c.raisedAt = QDateTime();
        QTest::newRow("no raised time") << c;
    }

    void upsertRefusesAnIncompleteCase()
    {
        QFETCH(Case, incomplete);
        StoreTestCache cache;
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        const Status status = store.upsert(incomplete);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"case.invalid"_s);
        QVERIFY(!status.error().message.isEmpty());
        QCOMPARE(cache.rowCount(u"service_case"_s), 0);
    }

    void lookupsOfAnUnknownCaseFindNothing()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        QVERIFY(store.upsert(makeCase(u"WST-1"_s)).ok());
        auto byId = store.byId(QUuid::createUuid());
        QVERIFY(byId.ok());
        QVERIFY(!byId->has_value());
        auto byReference = store.byReference(u"WST-404"_s);
        QVERIFY(byReference.ok());
        QVERIFY(!byReference->has_value());
        auto none = store.forCustomer(kOtherCustomer);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void openForCustomerListsOpenCasesSoonestPromiseFirst()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        auto add = [&](const QString &reference, CaseStatus status, const QDateTime &promisedBy,
                       const QUuid &customer = kCustomer) {
            Case c = makeCase(reference, status);
            c.customerId = customer;
            c.promisedBy = promisedBy;
            QVERIFY(store.upsert(c).ok());
        };
        add(u"LATER"_s, CaseStatus::InProgress, utc(2025, 3, 20));
        add(u"NO-PROMISE"_s, CaseStatus::New, QDateTime());
        add(u"SOONEST"_s, CaseStatus::AwaitingCustomer, utc(2025, 3, 2, 8, 0, 0, 1));
        add(u"RESOLVED"_s, CaseStatus::Resolved, utc(2025, 3, 1));
        add(u"CLOSED"_s, CaseStatus::Closed, utc(2025, 3, 1));
        add(u"SOON"_s, CaseStatus::Reopened, utc(2025, 3, 2, 8, 0, 0, 2));
        add(u"OTHER-CUSTOMER"_s, CaseStatus::New, utc(2025, 3, 1), kOtherCustomer);

        auto open = store.openForCustomer(kCustomer);
        QVERIFY(open.ok());
        QCOMPARE(references(*open), (QStringList { u"SOONEST"_s, u"SOON"_s, u"LATER"_s, u"NO-PROMISE"_s }));
    }

    void forCustomerListsEveryCaseNewestFirst()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        auto add = [&](const QString &reference, CaseStatus status, const QDateTime &raisedAt) {
            Case c = makeCase(reference, status);
            c.raisedAt = raisedAt;
            QVERIFY(store.upsert(c).ok());
        };
        add(u"MIDDLE"_s, CaseStatus::Closed, utc(2024, 6, 1));
        add(u"NEWEST"_s, CaseStatus::New, utc(2025, 1, 1, 0, 0, 0, 1));
        add(u"OLDEST"_s, CaseStatus::Resolved, utc(2020, 1, 1));
        add(u"NEW-BY-A-MS"_s, CaseStatus::Assigned, utc(2025, 1, 1));

        auto all = store.forCustomer(kCustomer);
        QVERIFY(all.ok());
        QCOMPARE(references(*all), (QStringList { u"NEWEST"_s, u"NEW-BY-A-MS"_s, u"MIDDLE"_s, u"OLDEST"_s }));
    }

    void removeDeletesOnlyThatCase()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        const Case keep = makeCase(u"KEEP"_s);
        const Case gone = makeCase(u"GONE"_s);
        QVERIFY(store.upsert(keep).ok());
        QVERIFY(store.upsert(gone).ok());

        auto removed = store.remove(gone.id);
        QVERIFY(removed.ok());
        QCOMPARE(*removed, true);
        auto again = store.remove(gone.id);
        QVERIFY(again.ok());
        QCOMPARE(*again, false);
        QVERIFY(!store.byId(gone.id)->has_value());
        QVERIFY(store.byId(keep.id)->has_value());
    }

    void pruneKeepsOpenCasesAndCasesFinishedInsideTheWindow()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        const QDateTime cutoff = utc(2024, 1, 1);
        auto add
            = [&](const QString &reference, CaseStatus status, const QDateTime &raisedAt, const QDateTime &resolvedAt) {
                  Case c = makeCase(reference, status);
                  c.raisedAt = raisedAt;
                  c.resolvedAt = resolvedAt;
                  if (status == CaseStatus::Closed && !resolvedAt.isValid())
                      c.closureReason = ClosureReason::Withdrawn;
                  QVERIFY(store.upsert(c).ok());
              };
        add(u"OPEN-ANCIENT"_s, CaseStatus::AwaitingThirdParty, utc(2015, 1, 1), QDateTime());
        add(u"REOPENED-OLD"_s, CaseStatus::Reopened, utc(2019, 1, 1), QDateTime());
        add(u"RESOLVED-OLD"_s, CaseStatus::Resolved, utc(2022, 1, 1), utc(2023, 12, 31, 23, 59, 59, 999));
        add(u"CLOSED-OLD"_s, CaseStatus::Closed, utc(2021, 1, 1), utc(2021, 2, 1));
        add(u"WITHDRAWN-OLD"_s, CaseStatus::Closed, utc(2023, 5, 1), QDateTime());
        add(u"RESOLVED-AT-CUTOFF"_s, CaseStatus::Closed, utc(2023, 1, 1), cutoff);
        add(u"RESOLVED-RECENTLY"_s, CaseStatus::Resolved, utc(2022, 1, 1), utc(2024, 2, 1));
        add(u"WITHDRAWN-RECENTLY"_s, CaseStatus::Closed, utc(2024, 3, 1), QDateTime());

        auto pruned = store.pruneClosedBefore(cutoff);
        QVERIFY(pruned.ok());
        QCOMPARE(*pruned, 3);

        QStringList left = references(*store.forCustomer(kCustomer));
        left.sort();
        QCOMPARE(left,
                 (QStringList { u"OPEN-ANCIENT"_s, u"REOPENED-OLD"_s, u"RESOLVED-AT-CUTOFF"_s, u"RESOLVED-RECENTLY"_s,
                                u"WITHDRAWN-RECENTLY"_s }));
        QCOMPARE(*store.pruneClosedBefore(cutoff), 0);
    }

    void aStoredRowThatDoesNotParseIsReportedNotGuessed_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("storedValue");
        QTest::newRow("unknown status") << u"status"_s << u"flying"_s;
        QTest::newRow("unknown priority") << u"priority"_s << u"urgentish"_s;
        QTest::newRow("unknown closure reason") << u"closure_reason"_s << u"bored"_s;
        QTest::newRow("time that is not a time") << u"promised_by"_s << u"next Tuesday"_s;
        QTest::newRow("customer that is not a UUID") << u"customer_id"_s << u"C-123"_s;
    }

    void aStoredRowThatDoesNotParseIsReportedNotGuessed()
    {
        QFETCH(QString, column);
        QFETCH(QString, storedValue);
        StoreTestCache cache;
        QVERIFY(cache.open());
        CaseStore store(cache.db());
        const Case c = makeCase(u"WST-1"_s);
        QVERIFY(store.upsert(c).ok());
        {
            QSqlQuery damage(cache.db());
            damage.prepare(u"UPDATE service_case SET "_s + column + u" = ?"_s);
            damage.addBindValue(storedValue);
            QVERIFY(damage.exec());
        }
        auto read = store.byId(c.id);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, u"cache.bad_row"_s);
        QVERIFY2(read.error().message.contains(column), qPrintable(read.error().message));
        QVERIFY(!read.error().message.contains(storedValue)); // stored values may be personal data
    }
};

QTEST_GUILESS_MAIN(tst_CaseStore)
#include "tst_CaseStore.moc"
