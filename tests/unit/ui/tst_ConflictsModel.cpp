// ConflictsModel on a real encrypted cache: open conflicts listed with the record's name and both values
// in words, a conflict settled with this desk's value written into the cached record and queued once in
// the outbox, the server's value kept, refused changes listed and dismissed.

#include "core/Case.h"
#include "core/ServiceCatalogue.h"
#include "storage/ConflictStore.h"
#include "storage/CustomerStore.h"
#include "storage/OutboxStore.h"
#include "ui/ConflictsModel.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/ui/UiTestCache.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

// 1 July 2026, 15:00 UTC: 16:00 in London (BST).
const QDateTime kNow = utcAt(2026, 7, 1, 15, 0);

SyncConflict conflict(const QString &entity, const QUuid &entityId, const QString &field, const QJsonValue &base,
                      const QJsonValue &server, const QJsonValue &client, const QDateTime &at, const QString &user)
{
    SyncConflict c;
    c.id = QUuid::createUuid();
    c.entity = entity;
    c.entityId = entityId;
    c.field = field;
    c.baseValue = base;
    c.serverValue = server;
    c.clientValue = client;
    c.user = user;
    c.createdAt = at;
    c.revision = 1;
    return c;
}

} // namespace

class tst_ConflictsModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<UiTestCache> m_cache;
    Customer m_customer;
    Case m_case;
    SyncConflict m_postcode;
    SyncConflict m_birthday;
    SyncConflict m_status;
    RejectedChange m_refused;

    Status seed()
    {
        const QList<SyncConflict> conflicts { m_postcode, m_birthday, m_status };
        const RejectedChange refused = m_refused;
        return UiTestCache::await(m_cache->worker().run([conflicts, refused](QSqlDatabase &db) -> Status {
            ConflictStore store(db);
            for (const SyncConflict &c : conflicts) {
                if (Status s = store.upsert(c); !s)
                    return s;
            }
            return RejectedChangeStore(db).add(refused);
        }));
    }

    qint64 outboxCount()
    {
        Result<qint64> n = UiTestCache::await(
            m_cache->worker().run([](QSqlDatabase &db) { return OutboxStore(db).count(); }));
        return n ? n.value() : -1;
    }

    std::unique_ptr<ConflictsModel> loadedModel()
    {
        auto model = std::make_unique<ConflictsModel>();
        model->setClock([] { return kNow; });
        model->setUser(u"agent"_s);
        QSignalSpy loaded(model.get(), &ConflictsModel::loaded);
        model->setCacheWorker(&m_cache->worker());
        if (!loaded.wait(10000))
            return nullptr;
        return model;
    }

private slots:
    void init()
    {
        m_cache = std::make_unique<UiTestCache>();
        QVERIFY(m_cache->open());
        m_customer = makeCustomer(1, u"Siân"_s, u"O'Neill"_s, u"12 Mill Road"_s, u"PL1 2AA"_s);
        m_customer.dateOfBirth = QDate(1984, 3, 12);
        m_customer.revision = 2;
        m_case = Case {};
        m_case.id = QUuid::createUuid();
        m_case.reference = u"WST-2026-000123"_s;
        m_case.customerId = m_customer.id;
        m_case.service = u"waste"_s;
        m_case.requestType = u"missed_bin"_s;
        m_case.status = CaseStatus::InProgress;
        m_case.raisedAt = utcAt(2026, 6, 30, 9, 0);
        m_case.summary = u"Bin missed"_s;
        m_case.revision = 1;
        QVERIFY(m_cache->save({ m_customer }, { m_case }));
        m_postcode = conflict(u"customer"_s, m_customer.id, u"postcode"_s, u"PL1 1AA"_s, u"PL1 2AA"_s, u"PL4 8AA"_s,
                              utcAt(2026, 7, 1, 13, 5), u"agent"_s);
        m_birthday = conflict(u"customer"_s, m_customer.id, u"date_of_birth"_s, QJsonValue(), u"1984-03-12"_s,
                              QJsonValue(), utcAt(2026, 7, 1, 13, 6), u"other.agent"_s);
        m_status = conflict(u"case"_s, m_case.id, u"status"_s, u"new"_s, u"in_progress"_s, u"assigned"_s,
                            utcAt(2026, 6, 29, 8, 15), u"agent"_s);
        m_refused = RejectedChange { QUuid::createUuid(),
                                     u"customer"_s,
                                     m_customer.id,
                                     u"update"_s,
                                     QJsonObject {},
                                     u"customer.invalid_postcode"_s,
                                     u"That is not a UK postcode."_s,
                                     utcAt(2026, 7, 1, 14, 0) };
        const Status seeded = seed();
        QVERIFY2(seeded.ok(), why(seeded).constData());
    }

    void cleanup() { m_cache.reset(); }

    void listsEachOpenConflictWithTheRecordAndBothValuesInWords()
    {
        auto model = loadedModel();
        QVERIFY(model);
        QCOMPARE(model->count(), 3);
        QCOMPARE(model->errorText(), QString());
        QVERIFY(!model->busy());
        // Oldest first: the case's, then the postcode, then the date of birth.
        QCOMPARE(model->value(0, "entity").toString(), u"case"_s);
        QCOMPARE(model->value(0, "entityText").toString(), u"Case"_s);
        static const ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();
        QCOMPARE(model->value(0, "recordName").toString(),
                 u"WST-2026-000123 · "_s + catalogue.service(u"waste"_s)->displayName);
        QCOMPARE(model->value(0, "fieldText").toString(), u"Status"_s);
        QCOMPARE(model->value(0, "serverValueText").toString(), caseStatusDisplayName(CaseStatus::InProgress));
        QCOMPARE(model->value(0, "clientValueText").toString(), caseStatusDisplayName(CaseStatus::Assigned));
        QCOMPARE(model->value(0, "createdAtText").toString(), u"29/06/2026 09:15"_s);

        QCOMPARE(model->value(1, "id").toString(), m_postcode.id.toString(QUuid::WithoutBraces));
        QCOMPARE(model->value(1, "entityText").toString(), u"Customer"_s);
        QCOMPARE(model->value(1, "recordName").toString(), u"Siân O'Neill (C1000001)"_s);
        QCOMPARE(model->value(1, "field").toString(), u"postcode"_s);
        QCOMPARE(model->value(1, "fieldText").toString(), u"Postcode"_s);
        QCOMPARE(model->value(1, "serverValueText").toString(), u"PL1 2AA"_s);
        QCOMPARE(model->value(1, "clientValueText").toString(), u"PL4 8AA"_s);
        QCOMPARE(model->value(1, "serverSideText").toString(), u"Kept on the server (as it stood at 14:05)"_s);
        QCOMPARE(model->value(1, "clientSideText").toString(), u"Yours, from this desk"_s);
        QCOMPARE(model->value(1, "createdAtText").toString(), u"14:05"_s);

        QCOMPARE(model->value(2, "fieldText").toString(), u"Date of birth"_s);
        QCOMPARE(model->value(2, "serverValueText").toString(), u"12/03/1984"_s);
        QCOMPARE(model->value(2, "clientValueText").toString(), u"(blank)"_s);
        QCOMPARE(model->value(2, "clientSideText").toString(), u"Sent by other.agent"_s);
        QCOMPARE(model->value(2, "user").toString(), u"other.agent"_s);
    }

    void listsRefusedChangesWithTheirReason()
    {
        auto model = loadedModel();
        QVERIFY(model);
        RowListModel *rejected = model->rejectedList();
        QCOMPARE(rejected->count(), 1);
        QCOMPARE(rejected->value(0, "id").toString(), m_refused.mutationId.toString(QUuid::WithoutBraces));
        QCOMPARE(rejected->value(0, "recordName").toString(), u"Siân O'Neill (C1000001)"_s);
        QCOMPARE(rejected->value(0, "operationText").toString(), u"Change"_s);
        QCOMPARE(rejected->value(0, "message").toString(), u"That is not a UK postcode."_s);
        QCOMPARE(rejected->value(0, "rejectedAtText").toString(), u"15:00"_s);

        QSignalSpy loaded(model.get(), &ConflictsModel::loaded);
        model->dismissRejected(m_refused.mutationId.toString());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(rejected->count(), 0);
        QCOMPARE(model->count(), 3);
    }

    void resolvingWithThisDesksValueWritesItAndQueuesOneChange()
    {
        auto model = loadedModel();
        QVERIFY(model);
        QCOMPARE(outboxCount(), qint64(0));
        QSignalSpy resolved(model.get(), &ConflictsModel::resolved);
        QSignalSpy loaded(model.get(), &ConflictsModel::loaded);
        model->resolve(m_postcode.id.toString(QUuid::WithoutBraces), u"client"_s);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(resolved.at(0).at(0).toString(), m_postcode.id.toString(QUuid::WithoutBraces));
        QCOMPARE(model->errorText(), QString());
        QCOMPARE(model->count(), 2);
        for (int row = 0; row < model->count(); ++row)
            QVERIFY(model->value(row, "field").toString() != u"postcode"_s);

        QCOMPARE(outboxCount(), qint64(1));
        const QUuid id = m_customer.id;
        Result<QString> postcode = UiTestCache::await(m_cache->worker().run([id](QSqlDatabase &db) -> Result<QString> {
            Result<std::optional<Customer>> c = CustomerStore(db).byId(id);
            if (!c)
                return c.error();
            return c.value() ? c.value()->address.postcode : QString();
        }));
        QVERIFY(postcode.ok());
        QCOMPARE(postcode.value(), u"PL4 8AA"_s);
        Result<QList<OutboxEntry>> queued
            = UiTestCache::await(m_cache->worker().run([](QSqlDatabase &db) { return OutboxStore(db).peek(10); }));
        QVERIFY(queued.ok());
        QCOMPARE(queued->size(), 1);
        QCOMPARE(queued->at(0).mutation.entity, u"conflict"_s);
        QCOMPARE(queued->at(0).mutation.entityId, m_postcode.id);
    }

    void resolvingWithTheServersValueKeepsTheCachedRecord()
    {
        auto model = loadedModel();
        QVERIFY(model);
        QSignalSpy resolved(model.get(), &ConflictsModel::resolved);
        model->resolve(m_status.id.toString(QUuid::WithoutBraces), u"server"_s);
        QTRY_COMPARE(resolved.count(), 1);
        QTRY_COMPARE(model->count(), 2);
        QCOMPARE(outboxCount(), qint64(1));
        const QUuid id = m_case.id;
        Result<bool> unchanged = UiTestCache::await(m_cache->worker().run([id](QSqlDatabase &db) -> Result<bool> {
            Result<std::optional<Case>> c = CaseStore(db).byId(id);
            if (!c)
                return c.error();
            return c.value() && c.value()->status == CaseStatus::InProgress;
        }));
        QVERIFY(unchanged.ok());
        QVERIFY(unchanged.value());
    }

    void anUnknownChoiceIsRefusedWithASentenceAndChangesNothing()
    {
        auto model = loadedModel();
        QVERIFY(model);
        model->resolve(m_postcode.id.toString(), u"both"_s);
        QVERIFY(!model->errorText().isEmpty());
        QCOMPARE(model->count(), 3);
        QCOMPARE(outboxCount(), qint64(0));
    }

    void settlingAConflictTwiceSaysSo()
    {
        auto model = loadedModel();
        QVERIFY(model);
        QSignalSpy resolved(model.get(), &ConflictsModel::resolved);
        const QString id = m_postcode.id.toString(QUuid::WithoutBraces);
        model->resolve(id, u"client"_s);
        model->resolve(id, u"client"_s); // a double click: the second finds it settled
        QTRY_VERIFY(!model->errorText().isEmpty());
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(outboxCount(), qint64(1));
    }

    void valuesInWords()
    {
        QCOMPARE(ConflictsModel::valueText(u"consent_sms"_s, true), u"Yes"_s);
        QCOMPARE(ConflictsModel::valueText(u"phones"_s, QJsonArray { u"07700900123"_s, u"01752 123456"_s }),
                 u"07700900123, 01752 123456"_s);
        QCOMPARE(ConflictsModel::valueText(u"phones"_s, QJsonArray {}), u"(blank)"_s);
        QCOMPARE(ConflictsModel::valueText(u"town"_s, u"  "_s), u"(blank)"_s);
        QCOMPARE(ConflictsModel::valueText(u"promised_by"_s, u"2026-07-01T13:05:00.000Z"_s), u"01/07/2026 14:05"_s);
        QCOMPARE(ConflictsModel::fieldText(u"customer"_s, u"postcode"_s), u"Postcode"_s);
        QCOMPARE(ConflictsModel::fieldText(u"case"_s, u"status"_s), u"Status"_s);
        QCOMPARE(ConflictsModel::fieldText(u"customer"_s, u"shoe_size"_s), u"shoe_size"_s);
    }

    void withoutAnOpenCacheTheListIsEmptyAndQuiet()
    {
        CacheWorker closed;
        ConflictsModel model;
        QSignalSpy loaded(&model, &ConflictsModel::countChanged);
        model.setCacheWorker(&closed);
        QTRY_VERIFY(!model.busy());
        QCOMPARE(model.count(), 0);
        QCOMPARE(model.errorText(), QString());
    }
};

QTEST_MAIN(tst_ConflictsModel)
#include "tst_ConflictsModel.moc"
