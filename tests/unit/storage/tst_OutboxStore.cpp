// OutboxStore on a real encrypted cache: a queue in seq order that survives restarts, written only in the
// same transaction as the change it carries.

#include "storage/CacheTransaction.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "storage/OutboxStore.h"
#include "unit/storage/StoreTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

OutboxMutation makeMutation(const QString &entity = u"case"_s, const QUuid &entityId = QUuid::createUuid())
{
    OutboxMutation mutation;
    mutation.mutationId = QUuid::createUuid();
    mutation.entity = entity;
    mutation.entityId = entityId;
    mutation.operation = u"update"_s;
    mutation.baseRevision = 4;
    mutation.payload = QJsonObject { { u"assignee"_s, u"a.officer"_s } };
    mutation.createdAt = utc(2025, 3, 1, 10, 0, 0, 321);
    return mutation;
}

// Queues one mutation in a transaction of its own, as a local write does.
Result<qint64> enqueueAlone(const QSqlDatabase &db, const OutboxMutation &mutation)
{
    CacheTransaction tx(db);
    if (Status begun = tx.begin(); !begun)
        return begun.error();
    Result<qint64> seq = OutboxStore(db).enqueue(mutation);
    if (!seq)
        return seq.error();
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return seq;
}

QList<QUuid> mutationIds(const QList<OutboxEntry> &entries)
{
    QList<QUuid> out;
    for (const OutboxEntry &entry : entries)
        out.append(entry.mutation.mutationId);
    return out;
}

Case storedCase()
{
    Case c;
    c.id = QUuid(u"{0b5c2f7e-8d1a-4c3b-9e2f-6a7b8c9d0e1f}"_s);
    c.reference = u"WST-2025-000123"_s;
    c.service = u"waste"_s;
    c.requestType = u"missed_bin"_s;
    c.status = CaseStatus::New;
    c.raisedAt = utc(2025, 3, 1, 9);
    c.revision = 4;
    return c;
}

// Where a local write is made to fail, to show the change and its outbox row are never saved apart.
enum class FailAt { Nowhere, AfterTheChange, AtTheOutboxRow, AfterTheOutboxRow };

// The pattern every local write follows: change, outbox row, commit, in one CacheTransaction.
Status saveLocally(const QSqlDatabase &db, const std::function<Status()> &change, const OutboxMutation &mutation,
                   FailAt failAt)
{
    CacheTransaction tx(db);
    if (Status begun = tx.begin(); !begun)
        return begun;
    if (Status changed = change(); !changed)
        return changed;
    if (failAt == FailAt::AfterTheChange)
        return makeError(u"test.injected"_s, u"Injected failure after the change."_s);
    if (Result<qint64> seq = OutboxStore(db).enqueue(mutation); !seq)
        return seq.error();
    if (failAt == FailAt::AfterTheOutboxRow)
        return makeError(u"test.injected"_s, u"Injected failure after the outbox row."_s);
    return tx.commit();
}

} // namespace

Q_DECLARE_METATYPE(FailAt)

class tst_OutboxStore : public QObject {
    Q_OBJECT

private slots:
    void enqueueGivesIncreasingSeqsAndPeekGivesQueueOrder()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        OutboxStore outbox(cache.db());
        QList<OutboxMutation> queued;
        QList<qint64> seqs;
        CacheTransaction tx(cache.db());
        QVERIFY(tx.begin().ok());
        for (int i = 0; i < 4; ++i) {
            OutboxMutation mutation = makeMutation();
            mutation.payload.insert(u"i"_s, i);
            auto seq = outbox.enqueue(mutation);
            QVERIFY(seq.ok());
            queued.append(mutation);
            seqs.append(*seq);
        }
        QVERIFY(tx.commit().ok());
        QVERIFY(seqs.at(0) > 0);
        for (int i = 1; i < seqs.size(); ++i)
            QVERIFY(seqs.at(i) > seqs.at(i - 1));

        auto all = outbox.peek(10);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(all->at(i).seq, seqs.at(i));
            QVERIFY(all->at(i).mutation == queued.at(i));
            QCOMPARE(all->at(i).attempts, 0);
            QCOMPARE(all->at(i).lastError, QString());
        }
        auto firstTwo = outbox.peek(2);
        QVERIFY(firstTwo.ok());
        QCOMPARE(mutationIds(*firstTwo), (QList<QUuid> { queued.at(0).mutationId, queued.at(1).mutationId }));
        QCOMPARE(outbox.peek(0)->size(), 0);
        QCOMPARE(*outbox.count(), 4);
    }

    void roundTripKeepsEveryField_data()
    {
        QTest::addColumn<OutboxMutation>("original");
        QTest::newRow("an edit with its base revision") << makeMutation();
        OutboxMutation append = makeMutation(u"contact"_s);
        append.operation = u"create"_s;
        append.baseRevision.reset();
        append.payload = QJsonObject {
            { u"answers"_s, QJsonObject { { u"q1"_s, u"Dydd Llun"_s }, { u"count"_s, 3 }, { u"kg"_s, 1.5 } } },
            { u"linked"_s, QJsonArray { u"a"_s, u"b"_s } },
            { u"note"_s, QJsonValue::Null },
        };
        QTest::newRow("an append with no base revision") << append;
        OutboxMutation empty = makeMutation();
        empty.operation = u"delete"_s;
        empty.baseRevision = 0;
        empty.payload = QJsonObject();
        QTest::newRow("a delete at revision 0 with an empty payload") << empty;
    }

    void roundTripKeepsEveryField()
    {
        QFETCH(OutboxMutation, original);
        StoreTestCache cache;
        QVERIFY(cache.open());
        QVERIFY(enqueueAlone(cache.db(), original).ok());
        auto peeked = OutboxStore(cache.db()).peek(1);
        QVERIFY(peeked.ok());
        QCOMPARE(peeked->size(), 1);
        const OutboxMutation &stored = peeked->first().mutation;
        QCOMPARE(stored.mutationId, original.mutationId);
        QCOMPARE(stored.entityId, original.entityId);
        QCOMPARE(stored.baseRevision, original.baseRevision);
        QCOMPARE(stored.payload, original.payload);
        QCOMPARE(stored.createdAt, original.createdAt);
        QCOMPARE(stored.createdAt.timeSpec(), Qt::UTC);
        QVERIFY(stored == original);
    }

    void enqueueOutsideATransactionIsRefused()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        OutboxStore outbox(cache.db());
        auto seq = outbox.enqueue(makeMutation());
        QVERIFY(!seq.ok());
        QCOMPARE(seq.error().code, u"outbox.no_transaction"_s);
        QVERIFY(seq.error().message.contains(u"same transaction"_s));
        QCOMPARE(*outbox.count(), 0);
    }

    void enqueueRefusesAnIncompleteMutation_data()
    {
        QTest::addColumn<OutboxMutation>("incomplete");
        OutboxMutation m = makeMutation();
        m.mutationId = QUuid();
        QTest::newRow("no mutation id") << m;
        m = makeMutation();
        m.entityId = QUuid();
        QTest::newRow("no record id") << m;
        m = makeMutation(QString());
        QTest::newRow("no entity") << m;
        m = makeMutation();
        m.operation.clear();
        QTest::newRow("no operation") << m;
        m = makeMutation();
        m.createdAt = QDateTime();
        QTest::newRow("no time") << m;
    }

    void enqueueRefusesAnIncompleteMutation()
    {
        QFETCH(OutboxMutation, incomplete);
        StoreTestCache cache;
        QVERIFY(cache.open());
        auto seq = enqueueAlone(cache.db(), incomplete);
        QVERIFY(!seq.ok());
        QCOMPARE(seq.error().code, u"outbox.invalid"_s);
        QCOMPARE(cache.rowCount(u"outbox"_s), 0);
    }

    void enqueueRefusesAMutationIdAlreadyQueued()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        const OutboxMutation first = makeMutation();
        QVERIFY(enqueueAlone(cache.db(), first).ok());
        OutboxMutation again = makeMutation();
        again.mutationId = first.mutationId;
        auto seq = enqueueAlone(cache.db(), again);
        QVERIFY(!seq.ok());
        QCOMPARE(seq.error().code, u"outbox.duplicate_mutation"_s);
        auto peeked = OutboxStore(cache.db()).peek(10);
        QCOMPARE(peeked->size(), 1);
        QVERIFY(peeked->first().mutation == first);
    }

    void theOutboxSurvivesCloseAndReopenInOrder()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        QList<QUuid> queued;
        qint64 lastSeq = 0;
        for (int i = 0; i < 5; ++i) {
            const OutboxMutation mutation = makeMutation();
            auto seq = enqueueAlone(cache.db(), mutation);
            QVERIFY(seq.ok());
            lastSeq = *seq;
            queued.append(mutation.mutationId);
        }
        cache.close();
        QVERIFY(cache.open());
        {
            OutboxStore outbox(cache.db());
            auto peeked = outbox.peek(100);
            QVERIFY(peeked.ok());
            QCOMPARE(mutationIds(*peeked), queued);
            QCOMPARE(*outbox.count(), 5);
            // Emptied and reopened, the queue still never reuses a seq the server may have seen.
            QCOMPARE(*outbox.removeUpTo(lastSeq), 5);
        }
        cache.close();
        QVERIFY(cache.open());
        auto next = enqueueAlone(cache.db(), makeMutation());
        QVERIFY(next.ok());
        QVERIFY(*next > lastSeq);
    }

    void removeUpToRemovesThatEntryAndEveryEarlierOne_data()
    {
        QTest::addColumn<int>("upToIndex"); // -1: a seq before the first
        QTest::addColumn<int>("removed");
        QTest::newRow("before the first") << -1 << 0;
        QTest::newRow("the first") << 0 << 1;
        QTest::newRow("the third") << 2 << 3;
        QTest::newRow("the last") << 3 << 4;
    }

    void removeUpToRemovesThatEntryAndEveryEarlierOne()
    {
        QFETCH(int, upToIndex);
        QFETCH(int, removed);
        StoreTestCache cache;
        QVERIFY(cache.open());
        QList<qint64> seqs;
        QList<QUuid> queued;
        for (int i = 0; i < 4; ++i) {
            const OutboxMutation mutation = makeMutation();
            auto seq = enqueueAlone(cache.db(), mutation);
            QVERIFY(seq.ok());
            seqs.append(*seq);
            queued.append(mutation.mutationId);
        }
        OutboxStore outbox(cache.db());
        auto result = outbox.removeUpTo(upToIndex < 0 ? seqs.first() - 1 : seqs.at(upToIndex));
        QVERIFY(result.ok());
        QCOMPARE(*result, removed);
        QCOMPARE(mutationIds(*outbox.peek(10)), queued.mid(removed));
    }

    void removeByMutationIdRemovesOnlyThose()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        QList<QUuid> queued;
        for (int i = 0; i < 5; ++i) {
            const OutboxMutation mutation = makeMutation();
            QVERIFY(enqueueAlone(cache.db(), mutation).ok());
            queued.append(mutation.mutationId);
        }
        OutboxStore outbox(cache.db());
        auto result = outbox.remove({ queued.at(3), QUuid::createUuid(), queued.at(1) });
        QVERIFY(result.ok());
        QCOMPARE(*result, 2);
        QCOMPARE(mutationIds(*outbox.peek(10)), (QList<QUuid> { queued.at(0), queued.at(2), queued.at(4) }));
        QCOMPARE(*outbox.remove({}), 0);
    }

    void recordAttemptCountsFailedPushesAndKeepsTheLastReason()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        const OutboxMutation first = makeMutation();
        const OutboxMutation second = makeMutation();
        QVERIFY(enqueueAlone(cache.db(), first).ok());
        QVERIFY(enqueueAlone(cache.db(), second).ok());
        OutboxStore outbox(cache.db());
        QVERIFY(outbox.recordAttempt(first.mutationId, u"Connection refused"_s).ok());
        QVERIFY(outbox.recordAttempt(first.mutationId, u"Server said 503"_s).ok());

        auto peeked = outbox.peek(10);
        QCOMPARE(peeked->at(0).attempts, 2);
        QCOMPARE(peeked->at(0).lastError, u"Server said 503"_s);
        QCOMPARE(peeked->at(1).attempts, 0);
        QCOMPARE(peeked->at(1).lastError, QString());
        QVERIFY(peeked->at(0).mutation == first); // the mutation itself is untouched

        const Status unknown = outbox.recordAttempt(QUuid::createUuid(), u"x"_s);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, u"outbox.not_found"_s);
    }

    void aChangeAndItsOutboxRowAreSavedTogetherOrNotAtAll_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<FailAt>("failAt");
        QTest::addColumn<bool>("saved");
        for (const QString &entity : { u"case"_s, u"contact"_s }) {
            QTest::addRow("%s: no failure", qPrintable(entity)) << entity << FailAt::Nowhere << true;
            QTest::addRow("%s: failure after the change", qPrintable(entity))
                << entity << FailAt::AfterTheChange << false;
            QTest::addRow("%s: the outbox row fails", qPrintable(entity)) << entity << FailAt::AtTheOutboxRow << false;
            QTest::addRow("%s: failure after the outbox row", qPrintable(entity))
                << entity << FailAt::AfterTheOutboxRow << false;
        }
    }

    void aChangeAndItsOutboxRowAreSavedTogetherOrNotAtAll()
    {
        QFETCH(QString, entity);
        QFETCH(FailAt, failAt);
        QFETCH(bool, saved);
        StoreTestCache cache;
        QVERIFY(cache.open());
        const Case original = storedCase();
        const OutboxMutation earlier = makeMutation();
        Case edited = original;
        edited.status = CaseStatus::Assigned;
        edited.assignee = u"a.officer"_s;
        Contact contact;
        contact.id = QUuid::createUuid();
        contact.startedAt = utc(2025, 3, 1, 10);
        contact.linkedCaseIds = { original.id };
        OutboxMutation mutation = makeMutation(entity, entity == u"case"_s ? original.id : contact.id);
        if (failAt == FailAt::AtTheOutboxRow)
            mutation.mutationId = earlier.mutationId; // a real failure: the id is already queued
        {
            QSqlDatabase db = cache.db();
            QVERIFY(CaseStore(db).upsert(original).ok());
            QVERIFY(enqueueAlone(db, earlier).ok());
            auto change = [&]() -> Status {
                return entity == u"case"_s ? CaseStore(db).upsert(edited) : ContactStore(db).insert(contact);
            };
            const Status status = saveLocally(db, change, mutation, failAt);
            QCOMPARE(status.ok(), saved);
            QVERIFY(!cacheInTransaction(db));
        }

        // Read back through a fresh connection, as after a restart.
        cache.close();
        QVERIFY(cache.open());
        const QSqlDatabase db = cache.db();
        const QList<OutboxEntry> queue = OutboxStore(db).peek(10).valueOr({});
        const Case stored = CaseStore(db).byId(original.id).valueOr(std::nullopt).value_or(Case());
        const bool contactStored = ContactStore(db).byId(contact.id).valueOr(std::nullopt).has_value();
        if (saved) {
            QCOMPARE(mutationIds(queue), (QList<QUuid> { earlier.mutationId, mutation.mutationId }));
            QVERIFY(queue.last().mutation == mutation);
            QVERIFY(stored == (entity == u"case"_s ? edited : original));
            QCOMPARE(contactStored, entity == u"contact"_s);
        } else {
            QCOMPARE(mutationIds(queue), (QList<QUuid> { earlier.mutationId }));
            QVERIFY(queue.first().mutation == earlier);
            QVERIFY(stored == original);
            QCOMPARE(contactStored, false);
            QCOMPARE(cache.rowCount(u"contact_case"_s), 0);
        }
    }
};

QTEST_GUILESS_MAIN(tst_OutboxStore)
#include "tst_OutboxStore.moc"
