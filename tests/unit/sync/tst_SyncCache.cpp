// SyncCache on a real encrypted cache: a pulled page and its cursor in one transaction, the revision
// rule, unsent edits laid over pulled records, deletes held back by pending changes, conflicts, push
// answers (refusals kept), published scripts and articles into their stores, and the reset after a
// server's epoch changed.

#include "core/DomainJson.h"
#include "storage/CacheTransaction.h"
#include "storage/ConflictStore.h"
#include "storage/ContactStore.h"
#include "storage/CustomerStore.h"
#include "storage/KnowledgeStore.h"
#include "storage/OutboxStore.h"
#include "storage/ScriptStore.h"
#include "storage/SyncStateStore.h"
#include "sync/PublishedRecords.h"
#include "sync/SyncCache.h"
#include "unit/storage/StoreTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
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

// A published script version as the server's feed sends it.
wire::Change scriptChange(const QString &id, int version, const QString &title)
{
    wire::PublishedScript script;
    script.id = id;
    script.version = version;
    script.service = u"waste"_s;
    script.title = title;
    script.publishedAt = QDateTime(QDate(2026, 11, 1), QTime(8, 0).addSecs(version * 60), Qt::UTC);
    script.body = QJsonObject { { u"format"_s, 1 }, { u"id"_s, id }, { u"version"_s, version }, { u"title"_s, title } };
    return wire::Change { u"script"_s, u"upsert"_s, QUuid::createUuidV5(QUuid(), u"%1/%2"_s.arg(id).arg(version)),
                          version, wire::toJson(script) };
}

wire::Change articleChange(const QString &id, qint64 revision, const QString &body)
{
    wire::PublishedArticle published { KnowledgeArticle { id, u"Bin collection days"_s, u"waste"_s,
                                                          { u"bin"_s, u"collection"_s }, body },
                                       revision, QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC) };
    return wire::Change { u"article"_s, u"upsert"_s, QUuid::createUuidV5(QUuid(), id), revision,
                          wire::toJson(published) };
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

    void aPublishedScriptReachesTheScriptStoreAndANewerVersionBecomesTheLatest()
    {
        Result<AppliedPage> first
            = SyncCache::applyPage(db(), page({ scriptChange(u"waste-missed-bin"_s, 1, u"Missed bin"_s) }, u"c1"_s));
        QVERIFY(first.ok());
        QCOMPARE(first->applied, 1);
        ScriptStore scripts(db());
        std::optional<ScriptVersion> latest = scripts.latestPublished(u"waste-missed-bin"_s).value();
        QVERIFY(latest);
        QCOMPARE(latest->version, 1);
        QCOMPARE(latest->title, u"Missed bin"_s);
        QCOMPARE(latest->service, u"waste"_s);
        QCOMPARE(latest->publishedAt, QDateTime(QDate(2026, 11, 1), QTime(8, 1), Qt::UTC));
        QCOMPARE(QJsonDocument::fromJson(latest->body.toUtf8()).object().value(u"version"_s).toInt(), 1);

        QVERIFY(SyncCache::applyPage(db(), page({ scriptChange(u"waste-missed-bin"_s, 2, u"Missed bin, clearer"_s) },
                                                u"c2"_s))
                    .ok());
        latest = scripts.latestPublished(u"waste-missed-bin"_s).value();
        QCOMPARE(latest->version, 2);
        QCOMPARE(latest->title, u"Missed bin, clearer"_s);
        const std::optional<ScriptVersion> old = scripts.version(u"waste-missed-bin"_s, 1).value();
        QVERIFY(old); // a contact that recorded version 1 can still be shown with it
        QCOMPARE(old->title, u"Missed bin"_s);
        QCOMPARE(scripts.list().value().size(), 1);
        QCOMPARE(cursor(), u"c2"_s);

        // The same page again changes nothing; a delete (the server sends none) is skipped.
        QVERIFY(SyncCache::applyPage(db(), page({ scriptChange(u"waste-missed-bin"_s, 1, u"Missed bin"_s) }, u"c3"_s))
                    .ok());
        QCOMPARE(scripts.latestPublished(u"waste-missed-bin"_s).value()->version, 2);
        const wire::Change removal { u"script"_s, u"delete"_s, scriptChange(u"waste-missed-bin"_s, 1, QString()).id, 0, {} };
        Result<AppliedPage> deleted = SyncCache::applyPage(db(), page({ removal }, u"c4"_s));
        QCOMPARE(deleted->skipped, 1);
        QVERIFY(scripts.version(u"waste-missed-bin"_s, 1).value());
    }

    void aScriptWhoseBodyIsNotItsOwnIsRefusedWithThePage()
    {
        wire::Change wrong = scriptChange(u"waste-missed-bin"_s, 2, u"Missed bin"_s);
        QJsonObject body = wrong.record.value(u"body"_s).toObject();
        body.insert(u"version"_s, 1);
        wrong.record.insert(u"body"_s, body);
        Result<AppliedPage> refused = SyncCache::applyPage(db(), page({ wrong }, u"c1"_s));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"json.invalid_field"_s);
        QCOMPARE(cursor(), QString());
        QVERIFY(!ScriptStore(db()).latestPublished(u"waste-missed-bin"_s).value());
    }

    void articlesArriveAtTheirLatestRevisionAndAreSearchable()
    {
        QVERIFY(SyncCache::applyPage(db(), page({ articleChange(u"bin-collection-days"_s, 2, u"Tuesdays."_s) }, u"c1"_s))
                    .ok());
        KnowledgeStore articles(db());
        QCOMPARE(articles.revision(u"bin-collection-days"_s).value(), std::optional<qint64>(2));
        // An older revision arriving late does not replace it.
        Result<AppliedPage> older
            = SyncCache::applyPage(db(), page({ articleChange(u"bin-collection-days"_s, 1, u"Mondays."_s) }, u"c2"_s));
        QCOMPARE(older->skipped, 1);
        const std::optional<KnowledgeArticle> stored = articles.byId(u"bin-collection-days"_s).value();
        QVERIFY(stored);
        QCOMPARE(stored->body, u"Tuesdays."_s);
        QCOMPARE(stored->keywords, (QStringList { u"bin"_s, u"collection"_s }));
        QCOMPARE(articles.search(u"TUESDAYS"_s).value().size(), 1);
        QCOMPARE(articles.search(u"collection"_s).value().size(), 1);
        QVERIFY(articles.search(u"potholes"_s).value().isEmpty());
    }

    void aNewEpochClearsPulledDataButKeepsTheOutbox()
    {
        QVERIFY(SyncCache::applyPage(db(), page({ upsert(customer(1, 1, u"Swansea"_s)),
                                                  scriptChange(u"waste-missed-bin"_s, 1, u"Missed bin"_s),
                                                  articleChange(u"bin-collection-days"_s, 1, u"Tuesdays."_s) },
                                                u"c1"_s))
                    .ok());
        enqueueTownEdit(uuidOf(1), u"Swansea"_s, u"Llanelli"_s);
        QVERIFY(SyncCache::resetForResync(db()).ok());
        QCOMPARE(cursor(), QString());
        QVERIFY(!CustomerStore(db()).byId(uuidOf(1)).value().has_value());
        QVERIFY(ScriptStore(db()).list().value().isEmpty()); // the new database's snapshot brings them again
        QVERIFY(KnowledgeStore(db()).list().value().isEmpty());
        QCOMPARE(OutboxStore(db()).count().value(), 1);
        const SyncSnapshot snapshot = SyncCache::snapshot(db()).value();
        QCOMPARE(snapshot.pending, 1);
        QCOMPARE(snapshot.phase, QString());
    }
};

QTEST_GUILESS_MAIN(tst_SyncCache)
#include "tst_SyncCache.moc"
