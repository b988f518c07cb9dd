// The QuickTest suite's setup: one real encrypted cache, seeded with the search tests' council, a
// customer with every warning, open cases, contacts and a sync conflict, offered to every test file as
// `testCache` (the CacheWorker the models use) and `testIds` (the seeded ids by name).

#include "core/Case.h"
#include "core/Contact.h"
#include "storage/ConflictStore.h"
#include "unit/ui/UiTestCache.h"

#include <QJsonValue>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(FirstContactPlugin)
Q_IMPORT_QML_PLUGIN(FirstContact_ModelsPlugin)

using namespace Qt::StringLiterals;

namespace {

using namespace fc;
using namespace fc::test;

QUuid uuid(int n)
{
    return QUuid(u"10000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0')));
}

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable() { QQuickStyle::setStyle(u"Basic"_s); }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/"_s);
        if (!m_cache) {
            m_cache = std::make_unique<UiTestCache>();
            if (!m_cache->open() || !seed())
                qFatal("tst_quick: could not seed the test cache");
        }
        engine->rootContext()->setContextProperty(u"testCache"_s, &m_cache->worker());
        engine->rootContext()->setContextProperty(u"testIds"_s, m_ids);
    }

    // The cache's thread must stop while the application still runs: QUICK_TEST_MAIN destroys this
    // object after the application, and a worker shut down then waits for ever on its last job.
    void cleanupTestCase() { m_cache.reset(); }

private:
    bool seed()
    {
        QList<CustomerWithContact> council = handMadeCustomers();
        Customer warned = fullyPopulatedCustomer(); // flags: bereavement, do not visit alone; BSL, large print
        warned.flags.append(CustomerFlag { FlagCategory::ViolenceHistory, u"Threatened staff at the counter"_s,
                                           QDate(2026, 2, 1), QDate(2027, 2, 1) });
        council.append({ warned, contactAt(11, 2) });
        if (!m_cache->save(council))
            return false;

        Case missedBin;
        missedBin.id = uuid(1);
        missedBin.reference = u"W2600001"_s;
        missedBin.customerId = warned.id;
        missedBin.service = u"waste"_s;
        missedBin.requestType = u"missed_bin"_s;
        missedBin.summary = u"Green bin missed twice"_s;
        missedBin.raisedAt = QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc());
        missedBin.promisedBy = QDateTime(QDate(2026, 11, 4), QTime(17, 0), QTimeZone::utc());

        Contact call;
        call.id = uuid(2);
        call.customerId = warned.id;
        call.channel = Channel::Phone;
        call.site = u"contact-centre"_s;
        call.agent = u"agent"_s;
        call.startedAt = missedBin.raisedAt;
        call.endedAt = missedBin.raisedAt.addSecs(240);
        call.service = u"waste"_s;
        call.reason = u"missed_bin"_s;
        call.outcome = Outcome::RequestRaised;
        call.notes = u"Bin left at the kerb since Monday"_s;
        call.linkedCaseIds = { missedBin.id };
        if (!m_cache->save({}, { missedBin }, { call }))
            return false;

        const QUuid conflictId = uuid(3);
        const Status conflicted = UiTestCache::await(m_cache->worker().run([warned, conflictId](QSqlDatabase &db) -> Status {
            SyncConflict conflict;
            conflict.id = conflictId;
            conflict.entity = u"customer"_s;
            conflict.entityId = warned.id;
            conflict.field = u"postcode"_s;
            conflict.baseValue = u"PL1 2AA"_s;
            conflict.serverValue = u"PL4 6XX"_s;
            conflict.clientValue = u"PL1 3BB"_s;
            conflict.user = u"agent"_s;
            conflict.createdAt = QDateTime(QDate(2026, 11, 20), QTime(14, 5), QTimeZone::utc());
            conflict.revision = 1;
            return ConflictStore(db).upsert(conflict);
        }));
        if (!conflicted)
            return false;

        m_ids = QVariantMap { { u"warned"_s, warned.id.toString(QUuid::WithoutBraces) },
                              { u"sianJones"_s, customerUuid(1).toString(QUuid::WithoutBraces) },
                              { u"conflict"_s, conflictId.toString(QUuid::WithoutBraces) },
                              { u"missedBinCase"_s, missedBin.id.toString(QUuid::WithoutBraces) } };
        return true;
    }

    std::unique_ptr<UiTestCache> m_cache;
    QVariantMap m_ids;
};

} // namespace

QUICK_TEST_MAIN_WITH_SETUP(tst_quick, Setup)

#include "tst_quick.moc"
