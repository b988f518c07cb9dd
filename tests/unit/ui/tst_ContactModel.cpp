// ContactModel on a real encrypted cache: the contact's clock (injected) and its ticking, the fields
// wrap-up needs, wrap-up recording the contact with its handle time and one outbox row, and an anonymous
// contact linked to a customer afterwards, once.

#include "core/Case.h"
#include "storage/ContactStore.h"
#include "storage/OutboxStore.h"
#include "ui/ContactModel.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/ui/UiTestCache.h"

#include <QSignalSpy>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

// Tuesday 10 March 2026, 10:00:00 in London (GMT).
const QDateTime kStart = QDateTime(QDate(2026, 3, 10), QTime(10, 0), QTimeZone::utc());

// A clock the test moves by hand.
struct HandClock {
    std::shared_ptr<QDateTime> now = std::make_shared<QDateTime>(kStart);
    NowFunction function() const
    {
        return [now = now] { return *now; };
    }
    void advance(int seconds) { *now = now->addSecs(seconds); }
};

} // namespace

class tst_ContactModel : public QObject {
    Q_OBJECT

private:
    QList<OutboxEntry> outbox()
    {
        Result<QList<OutboxEntry>> entries
            = UiTestCache::await(m_cache->worker().run([](QSqlDatabase &db) { return OutboxStore(db).peek(100); }));
        return entries ? entries.value() : QList<OutboxEntry>();
    }

    std::optional<Contact> recorded(const QString &id)
    {
        const QUuid uuid = QUuid::fromString(id);
        Result<std::optional<Contact>> found = UiTestCache::await(
            m_cache->worker().run([uuid](QSqlDatabase &db) { return ContactStore(db).byId(uuid); }));
        return found ? found.value() : std::nullopt;
    }

    void setUp(ContactModel &contact, const HandClock &clock)
    {
        contact.setCacheWorker(&m_cache->worker());
        contact.setUser(u"agent.one"_s);
        contact.setSite(u"contact-centre"_s);
        contact.setClock(clock.function());
    }

private slots:
    void init()
    {
        m_cache = std::make_unique<UiTestCache>();
        QVERIFY(m_cache->open());
        QVERIFY(m_cache->save({ fullyPopulatedCustomer() }));
    }
    void cleanup() { m_cache.reset(); }

    void theClockRunsFromStartAndTicks()
    {
        HandClock clock;
        ContactModel contact;
        setUp(contact, clock);
        QVERIFY(!contact.active());
        QCOMPARE(contact.elapsedText(), QString());
        QVERIFY(contact.start(u"phone"_s, customerUuid(42).toString()));
        QVERIFY(contact.active());
        QCOMPARE(contact.channel(), u"phone"_s);
        QCOMPARE(contact.channelText(), channelDisplayName(Channel::Phone));
        QCOMPARE(contact.customerId(), customerUuid(42).toString(QUuid::WithoutBraces));
        QVERIFY(!contact.anonymous());
        QVERIFY(!QUuid::fromString(contact.contactId()).isNull());
        QCOMPARE(contact.startedAtText(), u"10:00"_s);
        QCOMPARE(contact.elapsedSeconds(), 0);
        QCOMPARE(contact.elapsedText(), u"00:00"_s);

        clock.advance(4 * 60 + 12);
        QSignalSpy ticks(&contact, &ContactModel::elapsedChanged);
        QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 1, 5000); // the view is told every second
        QCOMPARE(contact.elapsedSeconds(), 252);
        QCOMPARE(contact.elapsedText(), u"04:12"_s);
        clock.advance(3600);
        QCOMPARE(contact.elapsedText(), u"1:04:12"_s);
        QCOMPARE(ContactModel::elapsedTextFor(59), u"00:59"_s);
    }

    void wrapUpNeedsAnOutcomeAndADemandType()
    {
        HandClock clock;
        ContactModel contact;
        setUp(contact, clock);
        QVERIFY(!contact.discardAllowed());
        QVERIFY(!contact.canWrapUp());
        QVERIFY(contact.start(u"face_to_face"_s));
        QVERIFY(!contact.canWrapUp());
        QCOMPARE(contact.wrapUpErrors().value(u"outcome"_s).toString(), u"Choose how the contact ended."_s);
        QCOMPARE(contact.wrapUpErrors().value(u"demand"_s).toString(),
                 u"Choose whether this was value demand or failure demand, and which kind."_s);

        QSignalSpy failed(&contact, &ContactModel::wrapUpFailed);
        contact.wrapUp();
        QCOMPARE(failed.size(), 1);
        QVERIFY(contact.active());
        QVERIFY(contact.errorText().startsWith(u"Not wrapped up yet: "_s));

        contact.setOutcome(u"resolved"_s);
        QVERIFY(!contact.wrapUpErrors().contains(u"outcome"_s));
        QVERIFY(!contact.canWrapUp());
        contact.setDemand(u"failure"_s); // failure demand needs its kind
        QVERIFY(contact.wrapUpErrors().contains(u"demand"_s));
        contact.setDemand(u"chasing_progress"_s);
        QVERIFY(contact.canWrapUp());
        QCOMPARE(contact.wrapUpErrorText(), QString());

        contact.setOutcome(u"signposted"_s);
        QCOMPARE(contact.wrapUpErrors().value(u"signpostedTo"_s).toString(),
                 u"Say where the customer was signposted to."_s);
        contact.setSignpostedTo(u"citizens_advice"_s);
        QVERIFY(contact.canWrapUp());
        contact.setOutcome(u"transferred"_s);
        QVERIFY(contact.wrapUpErrors().contains(u"transferredTo"_s));
        contact.setOutcome(u"resolved"_s);

        contact.setService(u"waste"_s);
        QCOMPARE(contact.reasonOptions().size(), 4);
        contact.setReason(u"pothole"_s); // a highways reason
        QCOMPARE(contact.wrapUpErrors().value(u"reason"_s).toString(),
                 u"Choose a reason from the chosen service's list."_s);
        contact.setReason(u"missed_bin"_s);
        QVERIFY(contact.canWrapUp());
        contact.setService(u"highways"_s); // the reason was the old service's
        QCOMPARE(contact.reason(), QString());

        QVERIFY(!contact.start(u"phone"_s)); // one contact at a time
        QCOMPARE(contact.errorText(), u"Wrap up the contact under way before starting another."_s);
        QCOMPARE(outbox().size(), 0);
    }

    void wrapUpRecordsTheContactWithItsHandleTime()
    {
        HandClock clock;
        ContactModel contact;
        setUp(contact, clock);
        QVERIFY(contact.start(u"phone"_s, customerUuid(42).toString()));
        const QString id = contact.contactId();
        contact.setService(u"waste"_s);
        contact.setReason(u"missed_bin"_s);
        contact.setOutcome(u"request_raised"_s);
        contact.setDemand(u"not_resolved_last_time"_s);
        contact.setNotes(u"Bin missed again; crew told."_s);
        clock.advance(4 * 60 + 12);
        QSignalSpy wrapped(&contact, &ContactModel::wrappedUp);
        contact.wrapUp();
        QVERIFY(contact.busy());
        QTRY_COMPARE(wrapped.size(), 1);
        QCOMPARE(wrapped.first().first().toString(), id);
        QVERIFY(!contact.active());
        QVERIFY(!contact.busy());
        QCOMPARE(contact.lastContactId(), id);
        QVERIFY(!contact.lastContactAnonymous());
        QCOMPARE(contact.outcome(), QString()); // ready for the next one
        QCOMPARE(contact.elapsedSeconds(), 0);

        const std::optional<Contact> saved = recorded(id);
        QVERIFY(saved);
        QCOMPARE(saved->customerId, customerUuid(42));
        QCOMPARE(saved->agent, u"agent.one"_s);
        QCOMPARE(saved->site, u"contact-centre"_s);
        QCOMPARE(saved->channel, Channel::Phone);
        QCOMPARE(saved->startedAt, kStart);
        QCOMPARE(saved->endedAt, kStart.addSecs(252));
        QCOMPARE(saved->handleTimeSeconds(), 252);
        QCOMPARE(saved->service, u"waste"_s);
        QCOMPARE(saved->reason, u"missed_bin"_s);
        QCOMPARE(saved->outcome, std::optional<Outcome>(Outcome::RequestRaised));
        QCOMPARE(saved->demand, DemandClassification::failure(FailureKind::NotResolvedLastTime));
        QCOMPARE(saved->notes, u"Bin missed again; crew told."_s);

        const QList<OutboxEntry> queued = outbox();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().mutation.entity, u"contact"_s);
        QCOMPARE(queued.first().mutation.operation, u"create"_s);
        QCOMPARE(queued.first().mutation.entityId, QUuid::fromString(id));
    }

    void anAnonymousContactIsLinkedOnce()
    {
        HandClock clock;
        ContactModel contact;
        setUp(contact, clock);
        QVERIFY(contact.start(u"face_to_face"_s, QString()));
        QVERIFY(contact.anonymous());
        contact.setOutcome(u"resolved"_s);
        contact.setDemand(u"value"_s);
        clock.advance(90);
        QSignalSpy wrapped(&contact, &ContactModel::wrappedUp);
        contact.wrapUp();
        QTRY_COMPARE(wrapped.size(), 1);
        const QString id = contact.lastContactId();
        QVERIFY(contact.lastContactAnonymous());
        QVERIFY(recorded(id)->customerId.isNull());

        QSignalSpy linked(&contact, &ContactModel::linked);
        QSignalSpy failed(&contact, &ContactModel::linkFailed);
        contact.linkCustomer(customerUuid(42).toString());
        QTRY_COMPARE(linked.size(), 1);
        QCOMPARE(linked.first().at(0).toString(), id);
        QCOMPARE(linked.first().at(1).toString(), customerUuid(42).toString(QUuid::WithoutBraces));
        QVERIFY(!contact.lastContactAnonymous());
        QCOMPARE(recorded(id)->customerId, customerUuid(42));

        contact.linkCustomer(customerUuid(42).toString());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(linked.size(), 1);
        QCOMPARE(contact.errorText(), u"This contact is linked to a customer already."_s);

        const QList<OutboxEntry> queued = outbox();
        QCOMPARE(queued.size(), 2);
        QCOMPARE(queued.at(0).mutation.operation, u"create"_s);
        QCOMPARE(queued.at(1).mutation.entity, u"contact"_s);
        QCOMPARE(queued.at(1).mutation.operation, u"link"_s);
        QCOMPARE(queued.at(1).mutation.payload.value(u"customer_id"_s).toString(),
                 customerUuid(42).toString(QUuid::WithoutBraces));
    }

    void aCustomerChosenBeforeWrapUpIsJustSet()
    {
        HandClock clock;
        ContactModel contact;
        setUp(contact, clock);
        QVERIFY(contact.start(u"webchat"_s));
        QSignalSpy customer(&contact, &ContactModel::customerIdChanged);
        contact.linkCustomer(customerUuid(42).toString());
        QCOMPARE(customer.size(), 1);
        QVERIFY(!contact.anonymous());
        QVERIFY(!contact.busy());
        QCOMPARE(outbox().size(), 0);
        contact.setOutcome(u"assisted_self_service"_s);
        contact.setDemand(u"could_not_use_channel"_s);
        QSignalSpy wrapped(&contact, &ContactModel::wrappedUp);
        contact.wrapUp();
        QTRY_COMPARE(wrapped.size(), 1);
        QCOMPARE(recorded(contact.lastContactId())->customerId, customerUuid(42));
        QCOMPARE(outbox().size(), 1); // the create only: no link
    }

    void aRepeatAboutTheSameServiceIsToldAndItsDemandConfirmed()
    {
        // Two working days before kStart (Tue 10 Mar 2026): a waste call that raised a request still open.
        Contact earlier;
        earlier.id = QUuid::createUuid();
        earlier.customerId = customerUuid(42);
        earlier.channel = Channel::Email;
        earlier.startedAt = kStart.addDays(-2).addSecs(-3600);
        earlier.endedAt = earlier.startedAt.addSecs(200);
        earlier.service = u"waste"_s;
        earlier.reason = u"missed_bin"_s;
        earlier.outcome = Outcome::RequestRaised;
        Case open;
        open.id = QUuid::createUuid();
        open.reference = u"WST-2026-000009"_s;
        open.customerId = customerUuid(42);
        open.service = u"waste"_s;
        open.requestType = u"missed_bin"_s;
        open.team = u"waste_collections"_s;
        open.raisedAt = earlier.startedAt;
        open.promisedBy = kStart.addDays(1);
        QVERIFY(m_cache->save({}, { open }, { earlier }));

        HandClock clock;
        ContactModel contact;
        setUp(contact, clock);
        QVERIFY(contact.start(u"phone"_s, customerUuid(42).toString()));
        QSignalSpy repeat(&contact, &ContactModel::repeatChanged);
        contact.setService(u"waste"_s);
        QVERIFY(repeat.wait(5000));
        QVERIFY2(contact.repeatText().contains(u"Last contact 08/03/2026 09:00 by email (request raised)"_s),
                 qPrintable(contact.repeatText()));
        QCOMPARE(contact.demand(), u"chasing_progress"_s); // the request is still open
        QVERIFY(!contact.demandConfirmed());
        contact.setOutcome(u"resolved"_s);
        QVERIFY(!contact.canWrapUp());
        QVERIFY(contact.wrapUpErrors().value(u"demand"_s).toString().contains(u"repeat"_s));

        // Another service: no repeat, and the suggestion goes with it.
        contact.setService(u"highways"_s);
        QTRY_VERIFY(contact.repeatText().isEmpty());
        QCOMPARE(contact.demand(), QString());
        contact.setService(u"waste"_s);
        QTRY_COMPARE(contact.demand(), u"chasing_progress"_s);

        // Choosing the same value is the agent's confirmation; then a new repeat check keeps it.
        contact.setDemand(u"chasing_progress"_s);
        QVERIFY(contact.demandConfirmed());
        QVERIFY(contact.canWrapUp());
        contact.setService(u"highways"_s);
        QTRY_VERIFY(contact.repeatText().isEmpty());
        QCOMPARE(contact.demand(), u"chasing_progress"_s);

        // An anonymous contact cannot be a repeat until it is linked.
        ContactModel anonymous;
        setUp(anonymous, clock);
        QVERIFY(anonymous.start(u"phone"_s));
        anonymous.setService(u"waste"_s);
        QTest::qWait(100);
        QVERIFY(anonymous.repeatText().isEmpty());
        QSignalSpy linked(&anonymous, &ContactModel::repeatChanged);
        anonymous.linkCustomer(customerUuid(42).toString());
        QVERIFY(linked.wait(5000));
        QVERIFY(!anonymous.repeatText().isEmpty());
    }

    void aWrappedUpContactIsCorrectedByANewLinkedRecord()
    {
        HandClock clock;
        ContactModel contact;
        setUp(contact, clock);
        QVERIFY(!contact.canCorrectLast());
        QVERIFY(!contact.correctLast());
        QVERIFY(contact.start(u"phone"_s, customerUuid(42).toString()));
        contact.setService(u"waste"_s);
        contact.setOutcome(u"no_action"_s);
        contact.setDemand(u"value"_s);
        contact.setNotes(u"Caller rang off"_s);
        clock.advance(95);
        QSignalSpy wrapped(&contact, &ContactModel::wrappedUp);
        contact.wrapUp();
        QVERIFY(wrapped.wait(5000));
        const QString originalId = contact.lastContactId();
        QVERIFY(contact.canCorrectLast());

        clock.advance(600); // corrected ten minutes later
        QSignalSpy active(&contact, &ContactModel::activeChanged);
        QVERIFY(contact.correctLast());
        QVERIFY(active.wait(5000));
        QVERIFY(contact.correcting());
        QCOMPARE(contact.outcome(), u"no_action"_s);
        QCOMPARE(contact.notes(), u"Caller rang off"_s);
        QCOMPARE(contact.elapsedSeconds(), 95); // the original's handle time, not the clock's
        QVERIFY(contact.contactId() != originalId);
        contact.setOutcome(u"resolved"_s);
        contact.setDemand(u"wrong_information"_s);
        QVERIFY2(contact.canWrapUp(), qPrintable(contact.wrapUpErrorText()));
        contact.setNotes(u"Told the collection day; it had been printed wrongly on the calendar"_s);
        contact.wrapUp();
        QVERIFY(wrapped.wait(5000));
        QVERIFY(!contact.correcting());

        const std::optional<Contact> original = recorded(originalId);
        const std::optional<Contact> correction = recorded(contact.lastContactId());
        QVERIFY(original && correction);
        QCOMPARE(original->outcome, Outcome::NoAction); // unchanged
        QCOMPARE(correction->correctsContactId, QUuid::fromString(originalId));
        QCOMPARE(correction->outcome, Outcome::ResolvedAtFirstContact);
        QCOMPARE(correction->demand, DemandClassification::failure(FailureKind::WrongOrUnclearInformation));
        QCOMPARE(correction->startedAt, original->startedAt);
        QCOMPARE(correction->endedAt, original->endedAt);
        QCOMPARE(correction->customerId, customerUuid(42));
        QCOMPARE(outbox().size(), 2); // two contact.create, nothing updated
        QCOMPARE(outbox().at(1).mutation.operation, u"create"_s);
    }

    void optionsListEveryKey()
    {
        ContactModel contact;
        QCOMPARE(contact.outcomeOptions().size(), allOutcomes().size());
        QCOMPARE(contact.demandOptions().size(), allFailureKinds().size() + 1);
        QCOMPARE(contact.demandOptions().first().toMap().value(u"key"_s).toString(), u"value"_s);
        QCOMPARE(contact.demandOptions().at(1).toMap().value(u"title"_s).toString(),
                 u"Failure demand: Chasing progress"_s);
        QCOMPARE(contact.channelOptions().size(), allChannels().size());
        QCOMPARE(contact.serviceOptions().size(), ServiceCatalogue::defaultCatalogue().services().size());
        QVERIFY(!contact.start(u"carrier_pigeon"_s));
        QVERIFY(!contact.active());
    }

private:
    std::unique_ptr<UiTestCache> m_cache;
};

QTEST_MAIN(tst_ContactModel)
#include "tst_ContactModel.moc"
