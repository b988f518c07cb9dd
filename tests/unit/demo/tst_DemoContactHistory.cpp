// A customer's history runs forward in time inside the window, every case follows the contact that
// raised it, failure demand follows the case it is about, and promises skip weekends.

#include "demo/DemoContactHistory.h"
#include "demo/DemoCustomerFactory.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace fc;

namespace {

const QDate kAsOf(2026, 11, 1);
const QDateTime kWindowStart(QDate(2024, 11, 1), QTime(0, 0), Qt::UTC);
const QDateTime kWindowEnd(kAsOf, QTime(0, 0), Qt::UTC);

QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

} // namespace

class tst_DemoContactHistory : public QObject {
    Q_OBJECT

private:
    DemoDataLists m_lists;

private slots:
    void initTestCase()
    {
        Result<DemoDataLists> lists = DemoDataLists::loadBuiltIn();
        QVERIFY(lists.ok());
        m_lists = std::move(lists.value());
    }

    void promisesFollowTheWorkingCalendar_data()
    {
        QTest::addColumn<QDateTime>("raisedAt");
        QTest::addColumn<int>("workingDays");
        QTest::addColumn<QDateTime>("promisedBy");
        QTest::newRow("Monday + 2") << utc(2026, 3, 2, 10) << 2 << utc(2026, 3, 4, 17);
        QTest::newRow("Friday + 1 is Monday") << utc(2026, 3, 6, 10) << 1 << utc(2026, 3, 9, 17);
        QTest::newRow("Friday after the cut-off + 1 is Tuesday") << utc(2026, 3, 6, 18) << 1 << utc(2026, 3, 10, 17);
        QTest::newRow("Saturday + 1 is Tuesday") << utc(2026, 3, 7, 11) << 1 << utc(2026, 3, 10, 17);
        QTest::newRow("Monday + 10 is two weeks on") << utc(2026, 3, 2, 9) << 10 << utc(2026, 3, 16, 17);
        QTest::newRow("Wednesday + 5 is next Wednesday") << utc(2026, 3, 4, 9) << 5 << utc(2026, 3, 11, 17);
        QTest::newRow("same day ends at 17:00") << utc(2026, 3, 2, 10) << 0 << utc(2026, 3, 2, 17);
        QTest::newRow("Christmas and the Boxing Day substitute")
            << utc(2026, 12, 24, 10) << 1 << utc(2026, 12, 29, 17);
        QTest::newRow("summer: 17:00 BST is 16:00 UTC") << utc(2026, 6, 1, 10) << 2 << utc(2026, 6, 3, 16);
    }
    void promisesFollowTheWorkingCalendar()
    {
        QFETCH(QDateTime, raisedAt);
        QFETCH(int, workingDays);
        QFETCH(QDateTime, promisedBy);
        QCOMPARE(DemoContactHistory::promisedBy(raisedAt, workingDays), promisedBy);
    }

    void episodeCountsAreSkewed()
    {
        DemoContactHistory history(m_lists, ServiceCatalogue::defaultCatalogue(), kAsOf, 2);
        DemoRandom random(1);
        qint64 total = 0;
        int oneOrTwo = 0;
        int most = 0;
        const int draws = 20000;
        for (int i = 0; i < draws; ++i) {
            const int episodes = history.drawEpisodeCount(random);
            QVERIFY(episodes >= 1 && episodes <= 40);
            total += episodes;
            oneOrTwo += episodes <= 2 ? 1 : 0;
            most = std::max(most, episodes);
        }
        const double mean = double(total) / draws;
        QVERIFY2(mean > 3.0 && mean < 4.0, qPrintable(QString::number(mean)));
        QVERIFY2(oneOrTwo > draws / 2, qPrintable(QString::number(oneOrTwo)));
        QVERIFY(most >= 26);
    }

    void everyRequestTypeOfTheCatalogueCanBeDrawn()
    {
        const ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();
        qsizetype requestTypes = 0;
        for (const Service &service : catalogue.services())
            requestTypes += service.requestTypes.size();
        DemoContactHistory history(m_lists, catalogue, kAsOf, 2);
        QCOMPARE(history.requestTypeCount(), requestTypes);
    }

    void historiesRunForwardAndCasesFollowTheirContacts()
    {
        const ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();
        DemoContactHistory history(m_lists, catalogue, kAsOf, 2);
        DemoAddressBook book(m_lists, 4);
        DemoCustomerFactory factory(m_lists, 4, kAsOf);
        const QRegularExpression referencePattern(u"^([A-Z]{3})-(\\d{4})-(\\d{6})$"_s);
        QSet<QString> references;
        int contacts = 0;
        int cases = 0;
        qint64 index = 0;
        for (int h = 0; h < 300; ++h) {
            for (const Customer &customer : factory.household(h, index, 16, book.next())) {
                ++index;
                DemoRandom random { quint64(index) };
                const std::vector<DemoHistoryEntry> entries = history.make(customer, 6, random);
                QHash<QUuid, Case> casesSoFar;
                QDateTime previous;
                for (const DemoHistoryEntry &entry : entries) {
                    const Contact &contact = entry.contact;
                    ++contacts;
                    QCOMPARE(contact.customerId, customer.id);
                    QVERIFY(contact.startedAt >= kWindowStart);
                    QVERIFY(contact.endedAt <= kWindowEnd);
                    QVERIFY(contact.endedAt > contact.startedAt);
                    QVERIFY(!previous.isValid() || contact.startedAt >= previous);
                    previous = contact.startedAt;
                    QVERIFY(contact.isWrappedUp());
                    QVERIFY(catalogue.requestType(contact.service, contact.reason) != nullptr);
                    QCOMPARE(contact.demand.isFailure(), contact.demand.failureKind != FailureKind::None);
                    QCOMPARE(contact.signpostedTo.isEmpty(), contact.outcome != Outcome::Signposted);
                    QCOMPARE(contact.transferredTo.isEmpty(), contact.outcome != Outcome::Transferred);
                    QCOMPARE(entry.raisedCase.has_value(),
                             contact.outcome == Outcome::RequestRaised
                                 && contact.demand.failureKind != FailureKind::WorkNotDoneProperly);

                    // Chasing and complaints are about a case this customer raised earlier, same service.
                    if (contact.demand.failureKind == FailureKind::ChasingProgress
                        || contact.demand.failureKind == FailureKind::WorkNotDoneProperly) {
                        QCOMPARE(contact.linkedCaseIds.size(), 1);
                        QVERIFY(casesSoFar.contains(contact.linkedCaseIds.first()));
                        const Case &earlier = casesSoFar.value(contact.linkedCaseIds.first());
                        QCOMPARE(earlier.service, contact.service);
                        QVERIFY(contact.startedAt > earlier.raisedAt);
                    }
                    if (!entry.raisedCase)
                        continue;
                    const Case &serviceCase = *entry.raisedCase;
                    ++cases;
                    QCOMPARE(contact.linkedCaseIds, QList<QUuid> { serviceCase.id });
                    QCOMPARE(serviceCase.raisingContactId, contact.id);
                    QCOMPARE(serviceCase.customerId, customer.id);
                    QCOMPARE(serviceCase.raisedAt, contact.endedAt);
                    QCOMPARE(serviceCase.service, contact.service);
                    QCOMPARE(serviceCase.requestType, contact.reason);
                    QVERIFY(serviceCase.promisedBy > serviceCase.raisedAt);
                    const RequestType *type = catalogue.requestType(serviceCase.service, serviceCase.requestType);
                    QCOMPARE(serviceCase.team, type->owningTeam);
                    QCOMPARE(serviceCase.promisedBy,
                             DemoContactHistory::promisedBy(serviceCase.raisedAt, type->promiseWorkingDays));
                    QCOMPARE(serviceCase.resolvedAt.isValid(), !isOpen(serviceCase.status));
                    if (serviceCase.resolvedAt.isValid()) {
                        QVERIFY(serviceCase.resolvedAt > serviceCase.raisedAt);
                        QVERIFY(serviceCase.resolvedAt < kWindowEnd);
                        QVERIFY(!serviceCase.assignee.isEmpty());
                    }
                    const QRegularExpressionMatch match = referencePattern.match(serviceCase.reference);
                    QVERIFY2(match.hasMatch(), qPrintable(serviceCase.reference));
                    QCOMPARE(match.captured(1), catalogue.service(serviceCase.service)->referencePrefix);
                    QCOMPARE(match.captured(2).toInt(), serviceCase.raisedAt.date().year());
                    QVERIFY2(!references.contains(serviceCase.reference), qPrintable(serviceCase.reference));
                    references.insert(serviceCase.reference);
                    casesSoFar.insert(serviceCase.id, serviceCase);
                }
            }
        }
        QVERIFY(contacts > 1500);
        QVERIFY(cases > 200);
    }

    void openCasesAreRecentAndOldOnesClosed()
    {
        DemoContactHistory history(m_lists, ServiceCatalogue::defaultCatalogue(), kAsOf, 2);
        DemoAddressBook book(m_lists, 6);
        DemoCustomerFactory factory(m_lists, 6, kAsOf);
        int oldCases = 0;
        int oldOpen = 0;
        int recentCases = 0;
        int recentOpen = 0;
        qint64 index = 0;
        for (int h = 0; h < 1500; ++h) {
            for (const Customer &customer : factory.household(h, index, 16, book.next())) {
                DemoRandom random { quint64(++index) };
                for (const DemoHistoryEntry &entry : history.make(customer, 4, random)) {
                    if (!entry.raisedCase)
                        continue;
                    const Case &serviceCase = *entry.raisedCase;
                    // Reopened cases were closed once: the question here is whether work ever finished.
                    const bool open = isOpen(serviceCase.status) && serviceCase.status != CaseStatus::Reopened;
                    if (serviceCase.raisedAt < kWindowEnd.addMonths(-6)) {
                        ++oldCases;
                        oldOpen += open ? 1 : 0;
                    } else if (serviceCase.raisedAt > kWindowEnd.addDays(-5)) {
                        ++recentCases;
                        recentOpen += open ? 1 : 0;
                    }
                }
            }
        }
        QVERIFY(oldCases > 1000);
        QCOMPARE(oldOpen, 0);
        QVERIFY(recentCases > 5);
        QVERIFY2(recentOpen * 2 > recentCases,
                 qPrintable(QString::number(recentOpen) + u'/' + QString::number(recentCases)));
    }
};

QTEST_GUILESS_MAIN(tst_DemoContactHistory)
#include "tst_DemoContactHistory.moc"
