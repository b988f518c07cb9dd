// The summary counts records and shares exactly, and passes every record on untouched.

#include "demo/DemoCouncilSummary.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace fc;

namespace {

class CountingSink : public DemoCouncilSink {
public:
    void onCustomer(const Customer &) override { ++customers; }
    void onContact(const Contact &contact) override
    {
        lastContact = contact;
        ++contacts;
    }
    void onCase(const Case &) override { ++cases; }
    void onDuplicatePlanted(const PlantedDuplicate &) override { ++duplicates; }
    Status status() const override { return failed ? Status(makeError(u"test.failed"_s, u"Failed."_s)) : Status(); }
    int customers = 0;
    int contacts = 0;
    int cases = 0;
    int duplicates = 0;
    bool failed = false;
    Contact lastContact;
};

Contact contactWith(Outcome outcome, DemandClassification demand, Channel channel = Channel::Phone)
{
    Contact contact;
    contact.outcome = outcome;
    contact.demand = demand;
    contact.channel = channel;
    contact.service = u"waste"_s;
    return contact;
}

} // namespace

class tst_DemoCouncilSummary : public QObject {
    Q_OBJECT

private slots:
    void emptySummaryHasZeroShares()
    {
        const DemoCouncilSummary summary;
        QCOMPARE(summary.rows(), qint64(0));
        QCOMPARE(summary.firstContactResolutionShare(), 0.0);
        QCOMPARE(summary.failureDemandShare(), 0.0);
        QCOMPARE(summary.accessNeedsShare(), 0.0);
        QCOMPARE(summary.duplicateShare(), 0.0);
        QVERIFY(summary.status().ok());
    }

    void countsAndShares()
    {
        DemoCouncilSummary summary;
        Customer plain;
        Customer needs;
        needs.accessNeeds.needs = AccessNeed::LargePrint;
        needs.phones = { u"+447700900123"_s };
        needs.flags = { CustomerFlag { FlagCategory::MentalHealth, {}, {}, {} },
                        CustomerFlag { FlagCategory::VerbalAbuse, {}, {}, {} } };
        summary.onCustomer(plain);
        summary.onCustomer(plain);
        summary.onCustomer(plain);
        summary.onCustomer(needs);
        summary.onContact(contactWith(Outcome::ResolvedAtFirstContact, DemandClassification::value()));
        summary.onContact(contactWith(Outcome::ResolvedAtFirstContact,
                                      DemandClassification::failure(FailureKind::ChasingProgress), Channel::Email));
        summary.onContact(contactWith(Outcome::RequestRaised, DemandClassification::value()));
        summary.onContact(
            contactWith(Outcome::Transferred, DemandClassification::failure(FailureKind::ChasingProgress)));
        summary.onCase(Case());
        summary.onDuplicatePlanted(PlantedDuplicate {});

        QCOMPARE(summary.customers(), qint64(4));
        QCOMPARE(summary.contacts(), qint64(4));
        QCOMPARE(summary.cases(), qint64(1));
        QCOMPARE(summary.rows(), qint64(9));
        QCOMPARE(summary.duplicatesPlanted(), qint64(1));
        QCOMPARE(summary.customersWithPhone(), qint64(1));
        QCOMPARE(summary.customersWithEmail(), qint64(0));
        QCOMPARE(summary.customersWithVulnerabilityFlag(), qint64(1));
        QCOMPARE(summary.customersWithStaffSafetyFlag(), qint64(1));
        QCOMPARE(summary.firstContactResolutionShare(), 0.5);
        QCOMPARE(summary.failureDemandShare(), 0.5);
        QCOMPARE(summary.accessNeedsShare(), 0.25);
        QCOMPARE(summary.duplicateShare(), 0.25);
        QCOMPARE(summary.channelCount(Channel::Phone), qint64(3));
        QCOMPARE(summary.channelCount(Channel::Email), qint64(1));
        QCOMPARE(summary.outcomeCount(Outcome::Transferred), qint64(1));
        QCOMPARE(summary.failureKindCount(FailureKind::ChasingProgress), qint64(2));
        QCOMPARE(summary.failureKindCount(FailureKind::WorkNotDoneProperly), qint64(0));
        QCOMPARE(summary.contactsByService().value(u"waste"_s), qint64(4));
    }

    void passesEveryRecordOn()
    {
        CountingSink next;
        DemoCouncilSummary summary(&next);
        summary.onCustomer(Customer());
        Contact contact = contactWith(Outcome::Signposted, DemandClassification::value());
        contact.signpostedTo = u"citizens_advice"_s;
        summary.onContact(contact);
        summary.onCase(Case());
        summary.onDuplicatePlanted(PlantedDuplicate {});
        QCOMPARE(next.customers, 1);
        QCOMPARE(next.contacts, 1);
        QCOMPARE(next.cases, 1);
        QCOMPARE(next.duplicates, 1);
        QCOMPARE(next.lastContact, contact);
        QVERIFY(summary.status().ok());
        next.failed = true;
        QCOMPARE(summary.status().error().code, u"test.failed"_s);
    }
};

QTEST_GUILESS_MAIN(tst_DemoCouncilSummary)
#include "tst_DemoCouncilSummary.moc"
