// TimelineModel on a real encrypted cache: a customer's contacts and case events across channels and
// services, newest first, with the roles a view shows; filtered by service, by channel and by both; the
// services and channels present for filter chips; a later load wins over an earlier one.

#include "core/ServiceCatalogue.h"
#include "ui/TimelineModel.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/ui/UiTestCache.h"

#include <QSignalSpy>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

QVariant roleValue(const QAbstractItemModel &model, int row, const QByteArray &roleName)
{
    return model.data(model.index(row, 0), model.roleNames().key(roleName, -1));
}

// "contact/phone/waste", "case_raised//council_tax": kind, channel and service of each row, in order.
QStringList described(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(roleValue(model, row, "kind").toString() + u'/' + roleValue(model, row, "channel").toString() + u'/'
                    + roleValue(model, row, "service").toString());
    return rows;
}

QString serviceTitle(const QString &key)
{
    static const ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();
    return catalogue.service(key)->displayName;
}

QString requestTypeTitle(const QString &service, const QString &type)
{
    static const ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();
    return catalogue.requestType(service, type)->displayName;
}

Contact contact(const QUuid &customer, Channel channel, const QString &service, const QString &reason,
                const QDateTime &startedAt, std::optional<Outcome> outcome, const QString &notes = {})
{
    Contact c;
    c.id = QUuid::createUuid();
    c.customerId = customer;
    c.channel = channel;
    c.site = u"contact-centre"_s;
    c.agent = u"a.agent"_s;
    c.startedAt = startedAt;
    c.service = service;
    c.reason = reason;
    c.notes = notes;
    if (outcome) {
        c.outcome = outcome;
        c.endedAt = startedAt.addSecs(300);
    }
    return c;
}

Case serviceCase(const QUuid &customer, const QString &reference, const QString &service, const QString &type,
                 const QDateTime &raisedAt, const QDateTime &resolvedAt = {})
{
    Case c;
    c.id = QUuid::createUuid();
    c.reference = reference;
    c.customerId = customer;
    c.service = service;
    c.requestType = type;
    c.status = resolvedAt.isValid() ? CaseStatus::Resolved : CaseStatus::InProgress;
    c.raisedAt = raisedAt;
    c.resolvedAt = resolvedAt;
    c.summary = u"Summary of "_s + reference;
    return c;
}

} // namespace

class tst_TimelineModel : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_cache = std::make_unique<UiTestCache>();
        QVERIFY(m_cache->open());
        const QUuid a = customerUuid(1);
        const QUuid b = customerUuid(2);
        QVERIFY(m_cache->save(
            { makeCustomer(1, u"Sian"_s, u"Jones"_s, u"12 Mill Road"_s, u"PL1 2AA"_s),
              makeCustomer(2, u"Tom"_s, u"Jones"_s, u"1 Quay Road"_s, u"PL4 7YY"_s) },
            {
                serviceCase(a, u"CTX-2026-000001"_s, u"council_tax"_s, u"bill_query"_s, utcAt(2026, 3, 3, 10, 5),
                            utcAt(2026, 3, 6, 15)),
                serviceCase(a, u"WST-2026-000001"_s, u"waste"_s, u"missed_bin"_s, utcAt(2026, 2, 20, 8)),
                serviceCase(b, u"WST-2026-000002"_s, u"waste"_s, u"missed_bin"_s, utcAt(2026, 3, 7, 8)),
            },
            {
                contact(a, Channel::Phone, u"waste"_s, u"missed_bin"_s, utcAt(2026, 3, 1, 9),
                        Outcome::ResolvedAtFirstContact, u"Bin missed twice"_s),
                contact(a, Channel::Email, u"council_tax"_s, u"bill_query"_s, utcAt(2026, 3, 3, 10),
                        Outcome::RequestRaised),
                contact(a, Channel::FaceToFace, u"waste"_s, u"bulky_waste"_s, utcAt(2026, 3, 5, 11), std::nullopt),
                contact(b, Channel::Phone, u"waste"_s, u"missed_bin"_s, utcAt(2026, 3, 7, 8), Outcome::RequestRaised),
            }));
    }
    void cleanup() { m_cache.reset(); }

    void listsContactsAndCaseEventsNewestFirst()
    {
        TimelineModel model;
        model.setCacheWorker(&m_cache->worker());
        QSignalSpy loaded(&model, &TimelineModel::loaded);
        model.load(customerUuid(1).toString());
        QVERIFY(model.loading());
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(!model.loading());
        QCOMPARE(model.errorText(), QString());
        QCOMPARE(model.customerId(), customerUuid(1).toString(QUuid::WithoutBraces));
        QCOMPARE(described(model),
                 (QStringList {
                     u"case_resolved//council_tax"_s, // 06/03 15:00
                     u"contact/face_to_face/waste"_s, // 05/03 11:00
                     u"case_raised//council_tax"_s, // 03/03 10:05
                     u"contact/email/council_tax"_s, // 03/03 10:00
                     u"contact/phone/waste"_s, // 01/03 09:00
                     u"case_raised//waste"_s, // 20/02 08:00
                 }));
        QCOMPARE(model.count(), 6);
        QCOMPARE(model.totalCount(), 6);

        QCOMPARE(roleValue(model, 0, "when").toDateTime(), utcAt(2026, 3, 6, 15));
        QCOMPARE(roleValue(model, 0, "whenText").toString(), u"06/03/2026 15:00"_s);
        QCOMPARE(roleValue(model, 0, "kindText").toString(), TimelineModel::tr("Case resolved"));
        QCOMPARE(roleValue(model, 0, "reference").toString(), u"CTX-2026-000001"_s);
        QCOMPARE(roleValue(model, 0, "serviceTitle").toString(), serviceTitle(u"council_tax"_s));
        QCOMPARE(roleValue(model, 0, "notes").toString(), u"Summary of CTX-2026-000001"_s);

        QCOMPARE(roleValue(model, 1, "summary").toString(),
                 requestTypeTitle(u"waste"_s, u"bulky_waste"_s) + u" \u00B7 "_s + TimelineModel::tr("In progress"));
        QCOMPARE(roleValue(model, 1, "channelText").toString(), channelDisplayName(Channel::FaceToFace));

        QCOMPARE(roleValue(model, 4, "summary").toString(),
                 requestTypeTitle(u"waste"_s, u"missed_bin"_s) + u" \u00B7 "_s
                     + outcomeDisplayName(Outcome::ResolvedAtFirstContact));
        QCOMPARE(roleValue(model, 4, "notes").toString(), u"Bin missed twice"_s);
        QCOMPARE(roleValue(model, 4, "agent").toString(), u"a.agent"_s);
        QCOMPARE(roleValue(model, 4, "serviceTitle").toString(), serviceTitle(u"waste"_s));
        QCOMPARE(roleValue(model, 5, "kind").toString(), u"case_raised"_s);
        QCOMPARE(roleValue(model, 5, "channel").toString(), QString());
    }

    void aCorrectedContactShowsOnceAsCorrected()
    {
        Contact original = contact(customerUuid(1), Channel::Phone, u"highways"_s, u"pothole"_s, utcAt(2026, 3, 9, 9),
                                   Outcome::NoAction, u"Rang off"_s);
        Contact correction = original;
        correction.id = QUuid::createUuid();
        correction.correctsContactId = original.id;
        correction.outcome = Outcome::RequestRaised;
        correction.notes = u"Pothole reported"_s;
        QVERIFY(m_cache->save({}, {}, { original, correction }));

        TimelineModel model;
        model.setCacheWorker(&m_cache->worker());
        QSignalSpy loaded(&model, &TimelineModel::loaded);
        model.load(customerUuid(1).toString());
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(model.count(), 7); // six as before, and the corrected contact once
        QCOMPARE(roleValue(model, 0, "kind").toString(), u"contact"_s);
        QCOMPARE(roleValue(model, 0, "notes").toString(), u"Pothole reported"_s);
        const QString summary = roleValue(model, 0, "summary").toString();
        QVERIFY2(summary.contains(outcomeDisplayName(Outcome::RequestRaised)) && summary.contains(TimelineModel::tr("Corrected")),
                 qPrintable(summary));
    }

    void offersTheServicesAndChannelsPresent()
    {
        TimelineModel model;
        model.setCacheWorker(&m_cache->worker());
        QSignalSpy loaded(&model, &TimelineModel::loaded);
        model.load(customerUuid(1).toString());
        QTRY_COMPARE(loaded.size(), 1);

        QStringList serviceKeys;
        for (const QVariant &entry : model.services()) {
            const QVariantMap map = entry.toMap();
            serviceKeys.append(map.value(u"key"_s).toString());
            QCOMPARE(map.value(u"title"_s).toString(), serviceTitle(map.value(u"key"_s).toString()));
        }
        QStringList expected { u"council_tax"_s, u"waste"_s };
        std::sort(expected.begin(), expected.end(), [](const QString &x, const QString &y) {
            return QString::localeAwareCompare(serviceTitle(x), serviceTitle(y)) < 0;
        });
        QCOMPARE(serviceKeys, expected);

        QStringList channelKeys;
        for (const QVariant &entry : model.channels())
            channelKeys.append(entry.toMap().value(u"key"_s).toString());
        QCOMPARE(channelKeys, (QStringList { u"phone"_s, u"face_to_face"_s, u"email"_s }));
    }

    void filtersByServiceByChannelAndByBoth()
    {
        TimelineModel model;
        model.setCacheWorker(&m_cache->worker());
        QSignalSpy loaded(&model, &TimelineModel::loaded);
        model.load(customerUuid(1).toString());
        QTRY_COMPARE(loaded.size(), 1);
        QSignalSpy countChanged(&model, &TimelineModel::countChanged);

        model.setServiceFilter(u"waste"_s);
        QCOMPARE(described(model),
                 (QStringList { u"contact/face_to_face/waste"_s, u"contact/phone/waste"_s, u"case_raised//waste"_s }));
        QCOMPARE(model.count(), 3);
        QCOMPARE(model.totalCount(), 6);
        QCOMPARE(countChanged.size(), 1);

        model.setServiceFilter({});
        model.setChannelFilter(u"phone"_s); // case events have no channel
        QCOMPARE(described(model), QStringList { u"contact/phone/waste"_s });

        model.setChannelFilter(u"email"_s);
        model.setServiceFilter(u"council_tax"_s);
        QCOMPARE(described(model), QStringList { u"contact/email/council_tax"_s });
        model.setServiceFilter(u"waste"_s);
        QCOMPARE(described(model), QStringList());
        QCOMPARE(model.count(), 0);

        model.setChannelFilter({});
        model.setServiceFilter({});
        QCOMPARE(model.count(), 6);
        // The chips stay: they describe the whole history, not the filtered rows.
        QCOMPARE(model.services().size(), 2);
    }

    void filtersHoldAcrossAReload()
    {
        TimelineModel model;
        model.setCacheWorker(&m_cache->worker());
        model.setServiceFilter(u"council_tax"_s);
        QSignalSpy loaded(&model, &TimelineModel::loaded);
        model.load(customerUuid(1).toString());
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(described(model),
                 (QStringList { u"case_resolved//council_tax"_s, u"case_raised//council_tax"_s,
                                u"contact/email/council_tax"_s }));
    }

    void aLaterLoadWinsOverAnEarlierOne()
    {
        TimelineModel model;
        model.setCacheWorker(&m_cache->worker());
        QSignalSpy loaded(&model, &TimelineModel::loaded);
        auto stallState = std::make_shared<std::atomic<int>>(0);
        (void)m_cache->stall(300, stallState);
        model.load(customerUuid(1).toString());
        model.load(customerUuid(2).toString());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QTest::qWait(100);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model.customerId(), customerUuid(2).toString(QUuid::WithoutBraces));
        QCOMPARE(described(model), (QStringList { u"contact/phone/waste"_s, u"case_raised//waste"_s }));
    }

    void withoutACacheSaysSo()
    {
        TimelineModel model;
        model.load(customerUuid(1).toString());
        QCOMPARE(model.errorText(), TimelineModel::tr("The history is not available: no cache is open."));
        QVERIFY(!model.loading());
        QCOMPARE(model.count(), 0);
    }

private:
    std::unique_ptr<UiTestCache> m_cache;
};

QTEST_GUILESS_MAIN(tst_TimelineModel)
#include "tst_TimelineModel.moc"
