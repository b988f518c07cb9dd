// CustomerViewModel on a real encrypted cache: the details of one customer, their warnings with staff
// safety first, open cases across services judged against the working calendar at an injected now
// (overdue, at risk), possible duplicates found and not found, a later load winning over an earlier, and
// opening a customer recorded as one "view" audit event (a reload records none).

#include "core/ServiceCatalogue.h"
#include "storage/OutboxStore.h"
#include "storage/CaseStore.h"
#include "ui/CustomerViewModel.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/ui/UiTestCache.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

QStringList column(const QAbstractListModel *model, const QByteArray &roleName)
{
    QStringList values;
    const int role = model->roleNames().key(roleName, -1);
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->data(model->index(row, 0), role).toString());
    return values;
}

QVariant roleValue(const QAbstractListModel *model, int row, const QByteArray &roleName)
{
    return model->data(model->index(row, 0), model->roleNames().key(roleName, -1));
}

QString serviceTitle(const QString &key)
{
    static const ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();
    return catalogue.service(key)->displayName;
}

Case openCase(const QUuid &customer, const QString &reference, const QString &service, const QString &type,
              const QDateTime &raisedAt, const QDateTime &promisedBy, CaseStatus status = CaseStatus::InProgress)
{
    Case c;
    c.id = QUuid::createUuid();
    c.reference = reference;
    c.customerId = customer;
    c.service = service;
    c.requestType = type;
    c.status = status;
    c.raisedAt = raisedAt;
    c.promisedBy = promisedBy;
    c.summary = u"About "_s + reference;
    if (status == CaseStatus::Resolved)
        c.resolvedAt = raisedAt.addDays(1);
    return c;
}

// Tuesday 10 March 2026, 10:00 in London (GMT).
const QDateTime kNow = QDateTime(QDate(2026, 3, 10), QTime(10, 0), QTimeZone::utc());

} // namespace

class tst_CustomerViewModel : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_cache = std::make_unique<UiTestCache>();
        QVERIFY(m_cache->open());
        const Customer full = fullyPopulatedCustomer(); // C1000042, Siân "Sî" O'Neill-Evans, born 12/03/1984
        Customer sameNameAndBirthday = makeCustomer(43, u"Sian"_s, u"O'Neill-Evans"_s, u"9 Quay Road"_s, u"PL4 7YY"_s);
        sameNameAndBirthday.dateOfBirth = QDate(1984, 3, 12);
        const Customer samePhone
            = makeCustomer(44, u"Dai"_s, u"Evans"_s, u"2 Mill Road"_s, u"PL1 2AA"_s, { u"+441752123456"_s });
        Customer nearMiss = makeCustomer(45, u"Sian"_s, u"O'Neill-Evans"_s, u"3 Mill Road"_s, u"PL1 2AA"_s,
                                         { u"+447700900124"_s }, { u"sian.oneill@example.org.uk"_s });
        nearMiss.dateOfBirth = QDate(1984, 3, 13);

        const QUuid id = full.id;
        QVERIFY(m_cache->save(
            { full, sameNameAndBirthday, samePhone, nearMiss },
            {
                // Soonest promise first, as the store orders them; the resolved one and the other customer's
                // are not shown.
                openCase(id, u"WST-2026-000001"_s, u"waste"_s, u"missed_bin"_s, utcAt(2026, 3, 2, 9),
                         utcAt(2026, 3, 4, 17)), // promise passed: overdue
                openCase(id, u"CTX-2026-000001"_s, u"council_tax"_s, u"bill_query"_s, utcAt(2026, 2, 24, 9),
                         utcAt(2026, 3, 10, 17)), // 7 of 88 working hours left: at risk
                openCase(id, u"HWY-2026-000001"_s, u"highways"_s, u"pothole"_s, utcAt(2026, 3, 9, 9),
                         utcAt(2026, 3, 16, 17)), // on track
                openCase(id, u"PRK-2026-000001"_s, u"parking"_s, u"permit"_s, utcAt(2026, 3, 1, 9), {}), // no promise
                openCase(id, u"WST-2026-000002"_s, u"waste"_s, u"new_bin"_s, utcAt(2026, 1, 5, 9),
                         utcAt(2026, 1, 19, 17), CaseStatus::Resolved),
                openCase(samePhone.id, u"WST-2026-000003"_s, u"waste"_s, u"missed_bin"_s, utcAt(2026, 3, 2, 9),
                         utcAt(2026, 3, 4, 17)),
            }));
    }
    void cleanup() { m_cache.reset(); }

    void loadsTheCustomersDetails()
    {
        CustomerViewModel view;
        view.setCacheWorker(&m_cache->worker());
        view.setClock(stoppedClock(kNow));
        QSignalSpy loaded(&view, &CustomerViewModel::loaded);
        QSignalSpy loading(&view, &CustomerViewModel::loadingChanged);
        view.load(customerUuid(42).toString());
        QVERIFY(view.loading());
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(!view.loading());
        QCOMPARE(loading.size(), 2);
        QCOMPARE(view.errorText(), QString());
        QVERIFY(view.hasCustomer());
        QCOMPARE(view.customerId(), customerUuid(42).toString(QUuid::WithoutBraces));
        QCOMPARE(view.reference(), u"C1000042"_s);
        QCOMPARE(view.displayName(), u"Sî O'Neill-Evans"_s);
        QCOMPARE(view.title(), u"Ms"_s);
        QCOMPARE(view.givenName(), u"Siân"_s);
        QCOMPARE(view.familyName(), u"O'Neill-Evans"_s);
        QCOMPARE(view.preferredName(), u"Sî"_s);
        QCOMPARE(view.dateOfBirthText(), u"12/03/1984"_s);
        QCOMPARE(view.age(), 41);
        QCOMPARE(view.address(), u"Flat 3, Harbour House, Stonehouse, Plymouth, PL1 2AA"_s);
        QCOMPARE(view.addressLines(),
                 (QStringList { u"Flat 3, Harbour House"_s, u"Stonehouse"_s, u"Plymouth"_s, u"PL1 2AA"_s }));
        QCOMPARE(view.postcode(), u"PL1 2AA"_s);
        QCOMPARE(view.uprn(), u"100040123"_s);
        QCOMPARE(view.phones(), (QStringList { u"07700 900123"_s, u"01752 123456"_s }));
        QCOMPARE(view.emails(), (QStringList { u"Sian.ONeill@Example.ORG"_s, u"s@example.com"_s }));
        QCOMPARE(view.preferredLanguage(), u"cy"_s);
        QCOMPARE(view.preferredLanguageName(), u"Welsh"_s);
        QCOMPARE(view.preferredChannel(), u"video_relay"_s);
        QCOMPARE(view.preferredChannelName(), channelDisplayName(Channel::VideoRelay));

        view.setClock(stoppedClock(utcAt(2026, 3, 12, 9)));
        QCOMPARE(view.age(), 42);
    }

    void warningsComeStaffSafetyFirst()
    {
        CustomerViewModel view;
        view.setCacheWorker(&m_cache->worker());
        view.setClock(stoppedClock(kNow));
        QSignalSpy loaded(&view, &CustomerViewModel::loaded);
        view.load(customerUuid(42).toString());
        QTRY_COMPARE(loaded.size(), 1);

        const QAbstractListModel *alerts = view.alerts();
        // Stored order is bereavement, then do-not-visit-alone: the banner turns it round.
        QCOMPARE(column(alerts, "kind"),
                 (QStringList { u"staff_safety"_s, u"vulnerability"_s, u"access_need"_s, u"access_need"_s,
                                u"access_need"_s }));
        QCOMPARE(
            column(alerts, "category"),
            (QStringList { u"do_not_visit_alone"_s, u"bereavement"_s, u"bsl"_s, u"interpreter"_s, u"large_print"_s }));
        QCOMPARE(roleValue(alerts, 0, "title").toString(), flagCategoryDisplayName(FlagCategory::DoNotVisitAlone));
        QCOMPARE(roleValue(alerts, 0, "note").toString(), u"Dog"_s);
        QCOMPARE(roleValue(alerts, 0, "raisedOnText").toString(), u"02/01/2025"_s);
        QCOMPARE(roleValue(alerts, 0, "reviewByText").toString(), QString());
        QCOMPARE(roleValue(alerts, 1, "note").toString(), u"Husband died in May"_s);
        QCOMPARE(roleValue(alerts, 1, "reviewByText").toString(), u"20/11/2026"_s);
        QCOMPARE(roleValue(alerts, 1, "reviewDue").toBool(), false);
        QVERIFY(view.hasStaffSafetyFlag());
        QVERIFY(view.hasVulnerabilityFlag());
        QCOMPARE(view.accessNeedsSummary(), accessNeedsSummary(fullyPopulatedCustomer().accessNeeds));
        QCOMPARE(view.accessNeeds().size(), 3);
        QCOMPARE(column(alerts, "title").mid(2), view.accessNeeds());

        view.setClock(stoppedClock(utcAt(2026, 12, 1, 9))); // past the bereavement flag's review date
        QCOMPARE(roleValue(alerts, 1, "reviewDue").toBool(), true);
    }

    void openCasesAcrossServicesShowOverdueAndAtRisk()
    {
        CustomerViewModel view;
        view.setCacheWorker(&m_cache->worker());
        view.setClock(stoppedClock(kNow));
        QSignalSpy loaded(&view, &CustomerViewModel::loaded);
        view.load(customerUuid(42).toString());
        QTRY_COMPARE(loaded.size(), 1);

        const QAbstractListModel *cases = view.openCases();
        QCOMPARE(
            column(cases, "reference"),
            (QStringList { u"WST-2026-000001"_s, u"CTX-2026-000001"_s, u"HWY-2026-000001"_s, u"PRK-2026-000001"_s }));
        QCOMPARE(column(cases, "serviceTitle"),
                 (QStringList { serviceTitle(u"waste"_s), serviceTitle(u"council_tax"_s), serviceTitle(u"highways"_s),
                                serviceTitle(u"parking"_s) }));
        QCOMPARE(column(cases, "risk"), (QStringList { u"breached"_s, u"at_risk"_s, u"on_track"_s, QString() }));
        QCOMPARE(column(cases, "overdue"), (QStringList { u"true"_s, u"false"_s, u"false"_s, u"false"_s }));
        QCOMPARE(column(cases, "atRisk"), (QStringList { u"false"_s, u"true"_s, u"false"_s, u"false"_s }));
        QCOMPARE(roleValue(cases, 0, "riskText").toString(), CustomerViewModel::tr("Overdue"));
        QCOMPARE(roleValue(cases, 0, "promisedByText").toString(), u"04/03/2026 17:00"_s);
        QCOMPARE(roleValue(cases, 0, "requestTypeText").toString(),
                 ServiceCatalogue::defaultCatalogue().requestType(u"waste", u"missed_bin")->displayName);
        QCOMPARE(roleValue(cases, 0, "statusText").toString(), caseStatusDisplayName(CaseStatus::InProgress));
        QCOMPARE(roleValue(cases, 0, "summary").toString(), u"About WST-2026-000001"_s);
        QCOMPARE(roleValue(cases, 3, "promisedByText").toString(), QString());
        QCOMPARE(view.overdueCount(), 1);
        QCOMPARE(view.atRiskCount(), 1);

        // A week earlier nothing had passed its promise yet.
        QSignalSpy changed(&view, &CustomerViewModel::openCasesChanged);
        view.setClock(stoppedClock(utcAt(2026, 3, 3, 10)));
        QVERIFY(changed.size() >= 1);
        QCOMPARE(column(cases, "overdue"), (QStringList { u"false"_s, u"false"_s, u"false"_s, u"false"_s }));
        QCOMPARE(view.overdueCount(), 0);
    }

    void possibleDuplicatesAreFoundAndNearMissesAreNot()
    {
        CustomerViewModel view;
        view.setCacheWorker(&m_cache->worker());
        QSignalSpy loaded(&view, &CustomerViewModel::loaded);
        view.load(customerUuid(42).toString());
        QTRY_COMPARE(loaded.size(), 1);

        const QAbstractListModel *duplicates = view.possibleDuplicates();
        QCOMPARE(column(duplicates, "reference"), (QStringList { u"C1000043"_s, u"C1000044"_s }));
        QCOMPARE(roleValue(duplicates, 0, "reasons").toStringList(), QStringList { u"name_and_date_of_birth"_s });
        QCOMPARE(roleValue(duplicates, 0, "reasonText").toString(),
                 duplicateReasonDisplayName(DuplicateReason::NameAndDateOfBirth));
        QCOMPARE(roleValue(duplicates, 0, "dateOfBirthText").toString(), u"12/03/1984"_s);
        QCOMPARE(roleValue(duplicates, 0, "address").toString(), u"9 Quay Road, PL4 7YY"_s);
        QCOMPARE(roleValue(duplicates, 1, "displayName").toString(), u"Dai Evans"_s);
        QCOMPARE(roleValue(duplicates, 1, "reasons").toStringList(), QStringList { u"phone"_s });

        // The near miss (another birthday, another number, another address) has no duplicates of its own.
        view.load(customerUuid(45).toString());
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(view.reference(), u"C1000045"_s);
        QCOMPARE(duplicates->rowCount(), 0);
        QCOMPARE(view.openCases()->rowCount(), 0);
        QCOMPARE(view.alerts()->rowCount(), 0);
    }

    void aPossibleDuplicateGoesToASupervisorAsAMergeRequestOnce()
    {
        CustomerViewModel view;
        view.setCacheWorker(&m_cache->worker());
        view.setUser(u"agent.one"_s);
        view.setClock([] { return kNow; });
        QSignalSpy loaded(&view, &CustomerViewModel::loaded);
        view.load(customerUuid(42).toString());
        QTRY_COMPARE(loaded.size(), 1);
        const int openBefore = view.openCases()->rowCount();

        QSignalSpy requested(&view, &CustomerViewModel::mergeRequested);
        view.requestMerge(customerUuid(44).toString(QUuid::WithoutBraces));
        QVERIFY(requested.wait(5000));
        QVERIFY(requested.first().first().toString().startsWith(u"P-"_s)); // provisional until the server's
        QTRY_COMPARE(loaded.size(), 2); // reloaded: the request is among the open cases
        QCOMPARE(view.openCases()->rowCount(), openBefore + 1);

        const Result<QList<Case>> cases = UiTestCache::await(m_cache->worker().run(
            [](QSqlDatabase &db) { return CaseStore(db).openForCustomer(customerUuid(42)); }));
        QVERIFY(cases.ok());
        const auto request = std::find_if(cases->cbegin(), cases->cend(),
                                          [](const Case &c) { return c.requestType == u"merge_request"_s; });
        QVERIFY(request != cases->cend());
        QCOMPARE(request->service, u"general"_s);
        QCOMPARE(request->team, u"customer_records"_s);
        QVERIFY2(request->summary.contains(u"C1000042"_s) && request->summary.contains(u"C1000044"_s)
                     && request->summary.contains(u"same phone number"_s),
                 qPrintable(request->summary));
        QCOMPARE(request->promisedBy, QDateTime(QDate(2026, 3, 17), QTime(17, 0), QTimeZone::utc())); // 5 working days

        // Asked once: a second request for the same pair is refused; another duplicate is fine.
        view.requestMerge(customerUuid(44).toString(QUuid::WithoutBraces));
        QVERIFY(view.errorText().contains(u"already"_s));
        QCOMPARE(requested.size(), 1);
        view.requestMerge(customerUuid(99).toString(QUuid::WithoutBraces)); // not a duplicate shown
        QVERIFY(!view.errorText().isEmpty());
        QCOMPARE(requested.size(), 1);
    }

    void theTimelineLoadsWithTheCustomer()
    {
        CustomerViewModel view;
        view.setCacheWorker(&m_cache->worker());
        QSignalSpy timelineLoaded(view.timeline(), &TimelineModel::loaded);
        view.load(customerUuid(42).toString());
        QTRY_COMPARE(timelineLoaded.size(), 1);
        QCOMPARE(view.timeline()->customerId(), customerUuid(42).toString(QUuid::WithoutBraces));
        QCOMPARE(view.timeline()->count(), 6); // five cases raised, one resolved
    }

    void aLaterLoadWinsAndNoOneElsesDetailsShowMeanwhile()
    {
        CustomerViewModel view;
        view.setCacheWorker(&m_cache->worker());
        QSignalSpy loaded(&view, &CustomerViewModel::loaded);
        view.load(customerUuid(44).toString());
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(view.reference(), u"C1000044"_s);

        QStringList shown;
        connect(&view, &CustomerViewModel::customerChanged, this, [&] { shown.append(view.reference()); });
        auto stallState = std::make_shared<std::atomic<int>>(0);
        (void)m_cache->stall(300, stallState);
        view.load(customerUuid(42).toString());
        QVERIFY(!view.hasCustomer()); // Dai Evans is off the screen at once
        view.load(customerUuid(43).toString());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 10000);
        QTest::qWait(100);
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(view.reference(), u"C1000043"_s);
        QCOMPARE(shown, (QStringList { QString(), u"C1000043"_s })); // C1000042's answer was dropped
    }

    void aCustomerNotInTheCacheIsAnError()
    {
        CustomerViewModel view;
        view.setCacheWorker(&m_cache->worker());
        QSignalSpy error(&view, &CustomerViewModel::errorTextChanged);
        view.load(customerUuid(999).toString());
        QTRY_COMPARE(error.size(), 1);
        QVERIFY(!view.loading());
        QVERIFY(!view.hasCustomer());
        QVERIFY(view.errorText().contains(u"not in the cache"_s));
        QCOMPARE(view.displayName(), QString());
        QCOMPARE(view.age(), -1);

        view.load(u"not a uuid"_s);
        QCOMPARE(view.errorText(), CustomerViewModel::tr("No customer was chosen."));
    }

    void openingACustomerRecordsOneViewAndReloadingNone()
    {
        CustomerViewModel view;
        view.setCacheWorker(&m_cache->worker());
        view.setClock(stoppedClock(kNow));
        view.setUser(u"agent.one"_s);
        QSignalSpy loaded(&view, &CustomerViewModel::loaded);
        view.load(customerUuid(42).toString());
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(view.errorText(), QString());
        QList<OutboxEntry> queued = outbox();
        QCOMPARE(queued.size(), 1);
        const OutboxMutation &m = queued.first().mutation;
        QCOMPARE(m.entity, u"audit"_s);
        QCOMPARE(m.operation, u"append"_s);
        const QJsonObject record = m.payload.value(u"record"_s).toObject();
        QCOMPARE(record.value(u"action"_s).toString(), u"view"_s);
        QCOMPARE(record.value(u"entity"_s).toString(), u"customer"_s);
        QCOMPARE(record.value(u"entity_id"_s).toString(), customerUuid(42).toString(QUuid::WithoutBraces));
        QCOMPARE(QDateTime::fromString(record.value(u"at"_s).toString(), Qt::ISODateWithMs), kNow);

        view.reload();
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(outbox().size(), 1); // a reload is not another opening

        view.load(customerUuid(44).toString()); // another customer is another view
        QTRY_COMPARE(loaded.size(), 3);
        queued = outbox();
        QCOMPARE(queued.size(), 2);
        QCOMPARE(queued.at(1).mutation.payload.value(u"record"_s).toObject().value(u"entity_id"_s).toString(),
                 customerUuid(44).toString(QUuid::WithoutBraces));

        view.load(customerUuid(99).toString()); // not in the cache: nothing was seen, nothing recorded
        QTRY_VERIFY(!view.loading());
        QCOMPARE(outbox().size(), 2);
    }

    void withoutACacheSaysSo()
    {
        CustomerViewModel view;
        view.load(customerUuid(42).toString());
        QCOMPARE(view.errorText(), CustomerViewModel::tr("The customer record is not available: no cache is open."));
        QVERIFY(!view.loading());
    }

private:
    QList<OutboxEntry> outbox()
    {
        Result<QList<OutboxEntry>> entries
            = UiTestCache::await(m_cache->worker().run([](QSqlDatabase &db) { return OutboxStore(db).peek(100); }));
        return entries ? entries.value() : QList<OutboxEntry>();
    }

    std::unique_ptr<UiTestCache> m_cache;
};

QTEST_GUILESS_MAIN(tst_CustomerViewModel)
#include "tst_CustomerViewModel.moc"
