// SyncCache on a real encrypted cache: a pulled page and its cursor in one transaction, the revision
// rule, unsent edits laid over pulled records, deletes held back by pending changes, conflicts, push
// answers (refusals kept), and the reset after a server's epoch changed.

#include "core/DomainJson.h"
#include "storage/CacheTransaction.h"
#include "storage/ConflictStore.h"
#include "storage/ContactStore.h"
#include "storage/CustomerStore.h"
#include "storage/OutboxStore.h"
#include "storage/SyncStateStore.h"
#include "sync/SyncCache.h"
#include "unit/storage/StoreTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

QUuid uuidOf(int n)
{
    return QUuid(QStringLiteral("{00000000-0000-4000-8000-%1}").arg(n, 12, 10, QLatin1Char('0')));
}

Customer customer(int n, qint64 revision, const QString &town)
{
    Customer c;
    c.id = uuidOf(n);
    c.reference = u"C%1"_s.arg(2000000 + n);
    c.givenName = u"Rhys"_s;
    c.familyName = u"Evans"_s;
    c.address.line1 = u"1 Quay Road"_s;
    c.address.town = town;
    c.address.postcode = u"SA1 1AA"_s;
    c.revision = revision;
    return c;
}

wire::Change upsert(const Customer &c)
{
    return wire::Change { u"customer"_s, u"upsert"_s, c.id, c.revision, DomainJson::fromCustomer(c) };
}

wire::PullPage page(const QList<wire::Change> &changes, const QString &cursor)
{
    wire::PullPage p;
    p.epoch = u"epoch-1"_s;
    p.cursor = cursor;
    p.phase = u"log"_s;
    p.changes = changes;
    return p;
}

} // namespace

class tst_SyncCache : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::StoreTestCache> m_cache;
    QSqlDatabase db() { return m_cache->db(); }

    QString cursor()
    {
        return SyncStateStore(db()).value(SyncStateStore::pullCursorKey).value().value_or(QString());
    }

    void enqueueTownEdit(const QUuid &id, const QString &from, const QString &to)
    {
        CacheTransaction transaction(db());
        QVERIFY(transaction.begin().ok());
        OutboxMutation m { QUuid::createUuid(), u"customer"_s, id, u"update"_s, 1,
                           { { u"changes"_s, QJsonObject { { u"town"_s, QJsonObject { { u"from"_s, from }, { u"to"_s, to } } } } } },
                           QDateTime::currentDateTimeUtc() };
        QVERIFY(OutboxStore(db()).enqueue(m).ok());
        QVERIFY(transaction.commit().ok());
    }

private slots:
    void init()
    {
        m_cache = std::make_unique<test::StoreTestCache>();
        QVERIFY(m_cache->open());
    }
    void cleanup() { m_cache.reset(); }

    void aPageAndItsCursorAreSavedTogether()
    {
        Result<AppliedPage> applied = SyncCache::applyPage(db(), page({ upsert(customer(1, 1, u"Swansea"_s)) }, u"c1"_s));
        QVERIFY(applied.ok());
        QCOMPARE(applied->applied, 1);
        QCOMPARE(cursor(), u"c1"_s);
        QCOMPARE(CustomerStore(db()).byId(uuidOf(1)).value()->address.town, u"Swansea"_s);

        // A page with one bad record saves nothing of itself, the cursor included.
        QJsonObject broken = DomainJson::fromCustomer(customer(2, 1, u"Neath"_s));
        broken.insert(u"preferred_channel"_s, u"carrier pigeon"_s);
        Result<AppliedPage> refused = SyncCache::applyPage(
            db(), page({ upsert(customer(3, 1, u"Neath"_s)), { u"customer"_s, u"upsert"_s, uuidOf(2), 1, broken } }, u"c2"_s));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"json.invalid_field"_s);
        QCOMPARE(cursor(), u"c1"_s);
        QVERIFY(!CustomerStore(db()).byId(uuidOf(3)).value().has_value());
    }

    void anOlderRevisionNeverReplacesANewerOne()
    {
        QVERIFY(SyncCache::applyPage(db(), page({ upsert(customer(1, 5, u"Swansea"_s)) }, u"c1"_s)).ok());
        Result<AppliedPage> stale = SyncCache::applyPage(db(), page({ upsert(customer(1, 4, u"Neath"_s)) }, u"c2"_s));
        QCOMPARE(stale->skipped, 1);
        QCOMPARE(CustomerStore(db()).byId(uuidOf(1)).value()->address.town, u"Swansea"_s);
        // The same revision again is applied (a snapshot and the log may both carry it): harmless.
        QCOMPARE(SyncCache::applyPage(db(), page({ upsert(customer(1, 5, u"Swansea"_s)) }, u"c3"_s))->applied, 1);
    }

    void unsentEditsAreLaidOverAPulledRecord()
    {
        QVERIFY(SyncCache::applyPage(db(), page({ upsert(customer(1, 1, u"Swansea"_s)) }, u"c1"_s)).ok());
        Customer edited = customer(1, 1, u"Llanelli"_s);
        QVERIFY(CustomerStore(db()).upsert(edited).ok());
        enqueueTownEdit(uuidOf(1), u"Swansea"_s, u"Llanelli"_s);
        // Someone else changed the title on the server meanwhile.
        Customer server = customer(1, 2, u"Swansea"_s);
        server.title = u"Dr"_s;
        QVERIFY(SyncCache::applyPage(db(), page({ upsert(server) }, u"c2"_s)).ok());
        const Customer now = *CustomerStore(db()).byId(uuidOf(1)).value();
        QCOMPARE(now.title, u"Dr"_s);
        QCOMPARE(now.address.town, u"Llanelli"_s); // not undone before it is sent
        QCOMPARE(now.revision, 2);
    }

    void aDeleteWaitsWhileAChangeOfTheRecordIsUnsent()
    {
        QVERIFY(SyncCache::applyPage(db(), page({ upsert(customer(1, 1, u"Swansea"_s)), upsert(customer(2, 1, u"Neath"_s)) },
                                                u"c1"_s))
                    .ok());
        enqueueTownEdit(uuidOf(1), u"Swansea"_s, u"Llanelli"_s);
        Result<AppliedPage> applied = SyncCache::applyPage(
            db(), page({ { u"customer"_s, u"delete"_s, uuidOf(1), 0, {} }, { u"customer"_s, u"delete"_s, uuidOf(2), 0, {} } },
                       u"c2"_s));
        QCOMPARE(applied->applied, 1);
        QCOMPARE(applied->skipped, 1);
        QVERIFY(CustomerStore(db()).byId(uuidOf(1)).value().has_value());
        QVERIFY(!CustomerStore(db()).byId(uuidOf(2)).value().has_value());
    }

    void conflictsArriveAndALocalChoiceIsKept()
    {
        const QJsonObject conflict { { u"id"_s, uuidOf(70).toString(QUuid::WithoutBraces) },
                                     { u"entity"_s, u"customer"_s },
                                     { u"entity_id"_s, uuidOf(1).toString(QUuid::WithoutBraces) },
                                     { u"field"_s, u"phones"_s },
                                     { u"base_value"_s, QJsonArray {} },
                                     { u"server_value"_s, QJsonArray { u"+447700900001"_s } },
                                     { u"client_value"_s, QJsonArray { u"+447700900002"_s } },
                                     { u"user"_s, u"b.lee"_s },
                                     { u"created_at"_s, u"2026-11-20T10:00:00.000Z"_s },
                                     { u"resolved_at"_s, QJsonValue() },
                                     { u"resolved_by"_s, u""_s },
                                     { u"resolution"_s, u""_s },
                                     { u"revision"_s, 1 } };
        QVERIFY(SyncCache::applyPage(db(), page({ { u"conflict"_s, u"upsert"_s, uuidOf(70), 1, conflict } }, u"c1"_s)).ok());
        ConflictStore conflicts(db());
        QCOMPARE(conflicts.unresolvedCount().value(), 1);
        const SyncConflict stored = conflicts.unresolved().value().first();
        QCOMPARE(stored.clientValue, QJsonValue(QJsonArray { u"+447700900002"_s }));
        QCOMPARE(stored.user, u"b.lee"_s);
        // Settled here, not yet confirmed: the same (unsettled) conflict pulled again keeps the choice.
        QVERIFY(conflicts.markResolved(uuidOf(70), u"client"_s, u"a.khan"_s, QDateTime::currentDateTimeUtc()).ok());
        QVERIFY(SyncCache::applyPage(db(), page({ { u"conflict"_s, u"upsert"_s, uuidOf(70), 1, conflict } }, u"c2"_s)).ok());
        QCOMPARE(conflicts.unresolvedCount().value(), 0);

        // The choice waits in the outbox; a pulled copy of the record still shows the chosen value.
        {
            CacheTransaction transaction(db());
            QVERIFY(transaction.begin().ok());
            QVERIFY(OutboxStore(db())
                        .enqueue(OutboxMutation { QUuid::createUuid(), u"conflict"_s, uuidOf(70), u"resolve"_s, 1,
                                                  { { u"choice"_s, u"client"_s } }, QDateTime::currentDateTimeUtc() })
                        .ok());
            QVERIFY(transaction.commit().ok());
        }
        Customer server = customer(1, 3, u"Swansea"_s);
        server.phones = { u"+447700900001"_s };
        QVERIFY(SyncCache::applyPage(db(), page({ upsert(server) }, u"c3"_s)).ok());
        QCOMPARE(CustomerStore(db()).byId(uuidOf(1)).value()->phones, QStringList { u"+447700900002"_s });
    }

    void pushAnswersEmptyTheOutboxAndKeepRefusals()
    {
        enqueueTownEdit(uuidOf(1), u"Swansea"_s, u"Llanelli"_s);
        enqueueTownEdit(uuidOf(2), u"Neath"_s, u"X"_s);
        enqueueTownEdit(uuidOf(3), u"Neath"_s, u"Y"_s);
        Result<QList<wire::Mutation>> sent = SyncCache::pendingMutations(db(), 2);
        QCOMPARE(sent->size(), 2);
        QCOMPARE(sent->at(0).entityId, uuidOf(1)); // in order
        const QList<wire::MutationResult> results {
            { sent->at(0).id, wire::MutationStatus::Applied, 2, {}, {}, {} },
            { sent->at(1).id, wire::MutationStatus::Rejected, 0, {}, u"customer.not_found"_s, u"gone"_s },
        };
        QVERIFY(SyncCache::applyPushResults(db(), sent.value(), results, QDateTime::currentDateTimeUtc()).ok());
        QCOMPARE(OutboxStore(db()).count().value(), 1);
        const QList<RejectedChange> refused = RejectedChangeStore(db()).all().value();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().code, u"customer.not_found"_s);
        QCOMPARE(refused.first().entityId, uuidOf(2));
        QCOMPARE(refused.first().payload, sent->at(1).payload); // what the person typed is not lost
        QCOMPARE(SyncCache::snapshot(db())->rejected, 1);
    }

    void aNewEpochClearsPulledDataButKeepsTheOutbox()
    {
        QVERIFY(SyncCache::applyPage(db(), page({ upsert(customer(1, 1, u"Swansea"_s)) }, u"c1"_s)).ok());
        enqueueTownEdit(uuidOf(1), u"Swansea"_s, u"Llanelli"_s);
        QVERIFY(SyncCache::resetForResync(db()).ok());
        QCOMPARE(cursor(), QString());
        QVERIFY(!CustomerStore(db()).byId(uuidOf(1)).value().has_value());
        QCOMPARE(OutboxStore(db()).count().value(), 1);
        const SyncSnapshot snapshot = SyncCache::snapshot(db()).value();
        QCOMPARE(snapshot.pending, 1);
        QCOMPARE(snapshot.phase, QString());
    }
};

QTEST_GUILESS_MAIN(tst_SyncCache)
#include "tst_SyncCache.moc"
