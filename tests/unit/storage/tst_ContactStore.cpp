// ContactStore on a real encrypted cache: every field round-trips, wrapped-up contacts are append-only,
// corrections link back, and pruning keeps what a desk still needs.

#include "storage/CacheTransaction.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "unit/storage/StoreTestSupport.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

const QUuid kCustomer = QUuid(u"{4d6f3c1e-2b7a-4f0e-9a51-0c2d8e6b7a10}"_s);
const QUuid kOtherCustomer = QUuid(u"{9e1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d}"_s);

Contact inProgress(const QDateTime &startedAt = utc(2025, 3, 1, 9, 0, 0, 500))
{
    Contact contact;
    contact.id = QUuid::createUuid();
    contact.customerId = kCustomer;
    contact.channel = Channel::Phone;
    contact.site = u"contact-centre"_s;
    contact.agent = u"s.jones"_s;
    contact.startedAt = startedAt;
    contact.service = u"waste"_s;
    contact.reason = u"missed_bin"_s;
    return contact;
}

Contact wrappedUp(const QDateTime &startedAt = utc(2025, 3, 1, 9, 0, 0, 500))
{
    Contact contact = inProgress(startedAt);
    contact.endedAt = startedAt.addSecs(245).addMSecs(7);
    contact.outcome = Outcome::ResolvedAtFirstContact;
    return contact;
}

QList<QUuid> ids(const QList<Contact> &contacts)
{
    QList<QUuid> out;
    for (const Contact &contact : contacts)
        out.append(contact.id);
    return out;
}

QString message(const Status &status)
{
    return status.ok() ? QString() : status.error().code + u": "_s + status.error().message;
}

} // namespace

class tst_ContactStore : public QObject {
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField_data()
    {
        QTest::addColumn<Contact>("original");

        Contact full = wrappedUp();
        full.channel = Channel::VideoRelay;
        full.site = u"central-library-hub"_s;
        full.scriptId = u"waste-missed-bin"_s;
        full.scriptVersion = 3;
        full.answers = QJsonObject {
            { u"collection_day"_s, u"Dydd Mawrth"_s },
            { u"bins_missed"_s, 2 },
            { u"weight_kg"_s, 12.75 },
            { u"assisted_collection"_s, true },
            { u"photo"_s, QJsonValue::Null },
            { u"bins"_s, QJsonArray { u"general"_s, u"recycling"_s } },
            { u"address"_s,
              QJsonObject { { u"uprn"_s, u"100023336956"_s }, { u"note"_s, u"gate code “4821”, ł ŵ"_s } } },
        };
        full.outcome = Outcome::Signposted;
        full.signpostedTo = u"citizens-advice"_s;
        full.transferredTo = u"waste-ops"_s;
        full.demand = DemandClassification::failure(FailureKind::NotResolvedLastTime);
        full.notes = u"Second report this month.\nCustomer asked for a call back."_s;
        full.linkedCaseIds = { QUuid::createUuid(), QUuid::createUuid(), QUuid::createUuid() };
        std::sort(full.linkedCaseIds.begin(), full.linkedCaseIds.end(), std::greater<QUuid>()); // not table order
        full.correctsContactId = QUuid::createUuid();
        QTest::newRow("wrapped up, every field set") << full;

        Contact anonymous = inProgress();
        anonymous.customerId = QUuid();
        anonymous.site.clear();
        anonymous.agent.clear();
        anonymous.service.clear();
        anonymous.reason.clear();
        QTest::newRow("anonymous, in progress, nothing optional") << anonymous;

        Contact ended = inProgress();
        ended.endedAt = utc(2025, 3, 1, 9, 10);
        QTest::newRow("ended but no outcome yet") << ended;

        for (Channel channel : allChannels()) {
            Contact contact = inProgress();
            contact.channel = channel;
            QTest::addRow("channel %s", qPrintable(channelKey(channel))) << contact;
        }
        for (Outcome outcome : allOutcomes()) {
            Contact contact = wrappedUp();
            contact.outcome = outcome;
            QTest::addRow("outcome %s", qPrintable(outcomeKey(outcome))) << contact;
        }
        for (FailureKind kind : allFailureKinds()) {
            Contact contact = wrappedUp();
            contact.demand = DemandClassification::failure(kind);
            QTest::addRow("failure demand %s", qPrintable(failureKindKey(kind))) << contact;
        }
    }

    void roundTripKeepsEveryField()
    {
        QFETCH(Contact, original);
        StoreTestCache cache;
        QVERIFY(cache.open());
        {
            ContactStore store(cache.db());
            const Status saved = store.insert(original);
            QVERIFY2(saved.ok(), qPrintable(message(saved)));
        }
        cache.close();
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        auto stored = store.byId(original.id);
        QVERIFY(stored.ok());
        QVERIFY(stored->has_value());
        const Contact &contact = **stored;
        QCOMPARE(contact.customerId, original.customerId);
        QCOMPARE(contact.channel, original.channel);
        QCOMPARE(contact.startedAt, original.startedAt);
        QCOMPARE(contact.startedAt.timeSpec(), Qt::UTC);
        QCOMPARE(contact.endedAt, original.endedAt);
        QCOMPARE(contact.handleTimeSeconds(), original.handleTimeSeconds());
        QCOMPARE(contact.answers, original.answers);
        QCOMPARE(contact.outcome, original.outcome);
        QCOMPARE(contact.demand, original.demand);
        QCOMPARE(contact.linkedCaseIds, original.linkedCaseIds);
        QCOMPARE(contact.correctsContactId, original.correctsContactId);
        QCOMPARE(contact.isWrappedUp(), original.isWrappedUp());
        QVERIFY(contact == original);
    }

    void insertRefusesAContactAlreadyStored()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        const Contact original = inProgress();
        QVERIFY(store.insert(original).ok());
        Contact again = original;
        again.notes = u"different"_s;
        const Status status = store.insert(again);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"contact.duplicate"_s);
        QVERIFY(*store.byId(original.id).value() == original);
    }

    void insertRefusesAnInvalidContact_data()
    {
        QTest::addColumn<Contact>("invalid");
        Contact c = inProgress();
        c.id = QUuid();
        QTest::newRow("no id") << c;
        c = inProgress();
        c.startedAt = QDateTime();
        QTest::newRow("no start time") << c;
        c = inProgress();
        c.correctsContactId = c.id;
        QTest::newRow("corrects itself") << c;
        c = inProgress();
        c.demand = { DemandType::Value, FailureKind::ChasingProgress };
        QTest::newRow("value demand with a failure kind") << c;
        c = inProgress();
        c.demand = { DemandType::Failure, FailureKind::None };
        QTest::newRow("failure demand without a kind") << c;
        c = inProgress();
        const QUuid twice = QUuid::createUuid();
        c.linkedCaseIds = { twice, QUuid::createUuid(), twice };
        QTest::newRow("case linked twice") << c;
        c = inProgress();
        c.linkedCaseIds = { QUuid() };
        QTest::newRow("linked case without an id") << c;
    }

    void insertRefusesAnInvalidContact()
    {
        QFETCH(Contact, invalid);
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        const Status status = store.insert(invalid);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"contact.invalid"_s);
        QVERIFY(!status.error().message.isEmpty());
        QCOMPARE(cache.rowCount(u"contact"_s), 0);
        QCOMPARE(cache.rowCount(u"contact_case"_s), 0);
    }

    void updateChangesAContactStillInProgressUpToWrapUp()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        Contact contact = inProgress();
        contact.linkedCaseIds = { QUuid::createUuid(), QUuid::createUuid() };
        QVERIFY(store.insert(contact).ok());

        contact.answers = QJsonObject { { u"step1"_s, u"yes"_s } };
        contact.linkedCaseIds = { contact.linkedCaseIds.at(1), QUuid::createUuid() };
        contact.customerId = kOtherCustomer;
        QVERIFY(store.update(contact).ok());
        QVERIFY(*store.byId(contact.id).value() == contact);

        contact.endedAt = contact.startedAt.addSecs(300);
        contact.outcome = Outcome::RequestRaised;
        contact.notes = u"Raised WST-2025-000123."_s;
        const Status wrap = store.update(contact);
        QVERIFY2(wrap.ok(), qPrintable(message(wrap)));
        QVERIFY(*store.byId(contact.id).value() == contact);
        QCOMPARE(cache.rowCount(u"contact"_s), 1);
        QCOMPARE(cache.rowCount(u"contact_case"_s), 2);
    }

    void updateOfAWrappedUpContactIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<int>("change");
        QTest::newRow("notes") << 0;
        QTest::newRow("outcome") << 1;
        QTest::newRow("linked cases") << 2;
        QTest::newRow("reopen by clearing the end") << 3;
        QTest::newRow("nothing at all") << 4;
    }

    void updateOfAWrappedUpContactIsRefusedAndChangesNothing()
    {
        QFETCH(int, change);
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        Contact original = wrappedUp();
        original.linkedCaseIds = { QUuid::createUuid() };
        original.notes = u"As wrapped up."_s;
        QVERIFY(store.insert(original).ok());

        Contact edited = original;
        switch (change) {
        case 0:
            edited.notes = u"Changed after the fact."_s;
            break;
        case 1:
            edited.outcome = Outcome::NoAction;
            break;
        case 2:
            edited.linkedCaseIds = { QUuid::createUuid(), QUuid::createUuid() };
            break;
        case 3:
            edited.endedAt = QDateTime();
            break;
        default:
            break;
        }
        const Status status = store.update(edited);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"contact.append_only"_s);
        QVERIFY(status.error().message.contains(u"correction"_s));
        QVERIFY(*store.byId(original.id).value() == original);
        QCOMPARE(cache.rowCount(u"contact_case"_s), 1);
    }

    void updateOfAnUnknownContactIsRefusedAndStoresNothing()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        Contact contact = inProgress();
        contact.linkedCaseIds = { QUuid::createUuid() };
        const Status status = store.update(contact);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"contact.not_found"_s);
        QCOMPARE(cache.rowCount(u"contact"_s), 0);
        QCOMPARE(cache.rowCount(u"contact_case"_s), 0);
    }

    void aCorrectionIsANewContactNamingTheOneItCorrects()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        const Contact original = wrappedUp(utc(2025, 3, 1, 9));
        QVERIFY(store.insert(original).ok());
        Contact second = wrappedUp(utc(2025, 3, 3, 9));
        second.correctsContactId = original.id;
        second.notes = u"Correction: the outcome was a transfer."_s;
        second.outcome = Outcome::Transferred;
        Contact first = wrappedUp(utc(2025, 3, 2, 9));
        first.correctsContactId = original.id;
        QVERIFY(store.insert(second).ok());
        QVERIFY(store.insert(first).ok());
        QVERIFY(store.insert(wrappedUp(utc(2025, 3, 4))).ok());

        auto corrections = store.corrections(original.id);
        QVERIFY(corrections.ok());
        QCOMPARE(ids(*corrections), (QList<QUuid> { first.id, second.id }));
        QVERIFY(corrections->last() == second);
        QVERIFY(*store.byId(original.id).value() == original);
        QVERIFY(store.corrections(second.id)->isEmpty());
    }

    void applyPulledWritesTheServerCopyEvenOverAWrappedUpContact()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        Contact contact = wrappedUp();
        contact.linkedCaseIds = { QUuid::createUuid() };
        QVERIFY(store.applyPulled(contact).ok()); // a contact new to this device
        QSqlQuery row(cache.db());
        QVERIFY(row.exec(u"SELECT row FROM contact"_s) && row.next());
        const qint64 rowBefore = row.value(0).toLongLong();
        row.finish();

        contact.notes = u"As the server holds it."_s;
        contact.linkedCaseIds = { QUuid::createUuid(), contact.linkedCaseIds.first() };
        const Status status = store.applyPulled(contact);
        QVERIFY2(status.ok(), qPrintable(message(status)));
        QVERIFY(*store.byId(contact.id).value() == contact);
        QVERIFY(row.exec(u"SELECT row FROM contact"_s) && row.next());
        QCOMPARE(row.value(0).toLongLong(), rowBefore);
        QCOMPARE(cache.rowCount(u"contact"_s), 1);
    }

    void linkToCustomerLinksAnAnonymousWrappedUpContactOnce()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        Contact anonymous = wrappedUp();
        anonymous.customerId = QUuid();
        anonymous.linkedCaseIds = { QUuid::createUuid() };
        QVERIFY(store.insert(anonymous).ok());

        const Status linked = store.linkToCustomer(anonymous.id, kOtherCustomer);
        QVERIFY2(linked.ok(), qPrintable(message(linked)));
        Contact expected = anonymous;
        expected.customerId = kOtherCustomer;
        QVERIFY(*store.byId(anonymous.id).value() == expected); // nothing else changed
        QCOMPARE(ids(store.forCustomer(kOtherCustomer, 10).value()), QList<QUuid> { anonymous.id });

        // Once: a linked contact is never moved to another customer, nor linked to the same one again.
        for (const QUuid &customer : { kCustomer, kOtherCustomer }) {
            const Status again = store.linkToCustomer(anonymous.id, customer);
            QVERIFY(!again.ok());
            QCOMPARE(again.error().code, u"contact.already_linked"_s);
        }
        QVERIFY(*store.byId(anonymous.id).value() == expected);

        const Contact known = wrappedUp();
        QVERIFY(store.insert(known).ok());
        const Status moved = store.linkToCustomer(known.id, kOtherCustomer);
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().code, u"contact.already_linked"_s);
        QCOMPARE(store.byId(known.id).value()->customerId, kCustomer);
    }

    void linkToCustomerRefusesAnUnknownContactOrANullId()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        Contact anonymous = wrappedUp();
        anonymous.customerId = QUuid();
        QVERIFY(store.insert(anonymous).ok());

        const Status unknown = store.linkToCustomer(QUuid::createUuid(), kCustomer);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, u"contact.not_found"_s);
        const Status noCustomer = store.linkToCustomer(anonymous.id, QUuid());
        QVERIFY(!noCustomer.ok());
        QCOMPARE(noCustomer.error().code, u"contact.invalid"_s);
        const Status noContact = store.linkToCustomer(QUuid(), kCustomer);
        QVERIFY(!noContact.ok());
        QCOMPARE(noContact.error().code, u"contact.invalid"_s);
        QVERIFY(store.byId(anonymous.id).value()->customerId.isNull());
    }

    void forCustomerListsTheLatestContactsFirstUpToTheLimit_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<QList<int>>("expected"); // days of March, newest first
        QTest::newRow("none") << 0 << QList<int> {};
        QTest::newRow("two") << 2 << QList<int> { 20, 9 };
        QTest::newRow("more than there are") << 10 << QList<int> { 20, 9, 5, 1 };
    }

    void forCustomerListsTheLatestContactsFirstUpToTheLimit()
    {
        QFETCH(int, limit);
        QFETCH(QList<int>, expected);
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        QHash<int, QUuid> byDay;
        for (int day : { 5, 1, 20, 9 }) {
            const Contact contact = wrappedUp(utc(2025, 3, day, 12));
            byDay.insert(day, contact.id);
            QVERIFY(store.insert(contact).ok());
        }
        Contact other = wrappedUp(utc(2025, 3, 30));
        other.customerId = kOtherCustomer;
        QVERIFY(store.insert(other).ok());
        Contact anonymous = wrappedUp(utc(2025, 3, 31));
        anonymous.customerId = QUuid();
        QVERIFY(store.insert(anonymous).ok());

        QList<QUuid> expectedIds;
        for (int day : expected)
            expectedIds.append(byDay.value(day));
        auto found = store.forCustomer(kCustomer, limit);
        QVERIFY(found.ok());
        QCOMPARE(ids(*found), expectedIds);
    }

    void forCaseListsTheContactsLinkedToTheCaseNewestFirst()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        const QUuid caseId = QUuid::createUuid();
        Contact raised = wrappedUp(utc(2025, 3, 1));
        raised.linkedCaseIds = { caseId };
        Contact chased = wrappedUp(utc(2025, 3, 8));
        chased.linkedCaseIds = { QUuid::createUuid(), caseId };
        chased.demand = DemandClassification::failure(FailureKind::ChasingProgress);
        QVERIFY(store.insert(raised).ok());
        QVERIFY(store.insert(chased).ok());
        QVERIFY(store.insert(wrappedUp(utc(2025, 3, 9))).ok());

        auto found = store.forCase(caseId);
        QVERIFY(found.ok());
        QCOMPARE(ids(*found), (QList<QUuid> { chased.id, raised.id }));
        QVERIFY(found->first() == chased);
    }

    void lastContactAtIsTheLatestStartOfTheCustomersContacts()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        auto none = store.lastContactAt(kCustomer);
        QVERIFY(none.ok());
        QVERIFY(!none->isValid());

        QVERIFY(store.insert(wrappedUp(utc(2025, 3, 1, 9, 0, 0, 1))).ok());
        QVERIFY(store.insert(inProgress(utc(2025, 3, 7, 16, 45, 30, 999))).ok());
        QVERIFY(store.insert(wrappedUp(utc(2025, 2, 1))).ok());
        Contact other = wrappedUp(utc(2025, 4, 1));
        other.customerId = kOtherCustomer;
        QVERIFY(store.insert(other).ok());

        auto last = store.lastContactAt(kCustomer);
        QVERIFY(last.ok());
        QCOMPARE(*last, utc(2025, 3, 7, 16, 45, 30, 999));
        QCOMPARE(last->timeSpec(), Qt::UTC);
    }

    void pruneKeepsContactsInsideTheWindowInProgressOrAboutAnOpenCase()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        CaseStore cases(cache.db());
        bool casesSaved = true;
        auto addCase = [&](CaseStatus status) {
            Case c;
            c.id = QUuid::createUuid();
            c.reference = u"C-"_s + c.id.toString(QUuid::WithoutBraces);
            c.service = u"waste"_s;
            c.requestType = u"missed_bin"_s;
            c.status = status;
            c.raisedAt = utc(2020, 1, 1);
            if (status == CaseStatus::Closed)
                c.closureReason = ClosureReason::Withdrawn;
            casesSaved = casesSaved && cases.upsert(c).ok();
            return c.id;
        };
        const QUuid openCase = addCase(CaseStatus::AwaitingThirdParty);
        const QUuid closedCase = addCase(CaseStatus::Closed);
        QVERIFY(casesSaved);
        const QUuid prunedCase = QUuid::createUuid(); // linked, but no longer in the cache
        const QDateTime cutoff = utc(2023, 1, 1);
        const QDateTime old = utc(2021, 6, 1);

        QHash<QString, QUuid> added;
        auto add = [&](const QString &name, Contact contact, const QList<QUuid> &linked = {}) {
            contact.linkedCaseIds = linked;
            added.insert(name, contact.id);
            QVERIFY(store.insert(contact).ok());
        };
        add(u"old"_s, wrappedUp(old));
        add(u"old about a closed case"_s, wrappedUp(old), { closedCase });
        add(u"old about a pruned case"_s, wrappedUp(old), { prunedCase });
        add(u"old just before the cutoff"_s, wrappedUp(cutoff.addMSecs(-1)));
        add(u"old about an open case"_s, wrappedUp(old), { closedCase, openCase });
        add(u"old, never wrapped up"_s, inProgress(old));
        add(u"at the cutoff"_s, wrappedUp(cutoff));
        add(u"recent"_s, wrappedUp(utc(2024, 1, 1)), { closedCase });

        auto pruned = store.pruneBefore(cutoff);
        QVERIFY(pruned.ok());
        QCOMPARE(*pruned, 4);

        QStringList kept;
        for (auto it = added.cbegin(); it != added.cend(); ++it) {
            if (store.byId(it.value())->has_value())
                kept.append(it.key());
        }
        kept.sort();
        QCOMPARE(
            kept,
            (QStringList { u"at the cutoff"_s, u"old about an open case"_s, u"old, never wrapped up"_s, u"recent"_s }));
        QCOMPARE(cache.rowCount(u"contact_case"_s), 3); // the kept contacts' links, and no orphans
        QCOMPARE(store.byId(added.value(u"old about an open case"_s))->value().linkedCaseIds,
                 (QList<QUuid> { closedCase, openCase }));
        QCOMPARE(*store.pruneBefore(cutoff), 0);
    }

    void aFailedWriteLeavesNoHalfContactInTheCallersTransaction_data()
    {
        QTest::addColumn<bool>("asUpdate");
        QTest::newRow("insert") << false;
        QTest::newRow("update") << true;
    }

    void aFailedWriteLeavesNoHalfContactInTheCallersTransaction()
    {
        QFETCH(bool, asUpdate);
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        Contact before = inProgress();
        before.linkedCaseIds = { QUuid::createUuid() };
        if (asUpdate)
            QVERIFY(store.insert(before).ok());
        {
            // Failure injection: the second case link of any write fails.
            QSqlQuery trigger(cache.db());
            QVERIFY(trigger.exec(u"CREATE TRIGGER fail_second_link BEFORE INSERT ON contact_case "
                                 "WHEN NEW.position = 1 BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s));
        }
        Contact contact = asUpdate ? before : inProgress();
        contact.notes = u"written halfway"_s;
        contact.linkedCaseIds = { QUuid::createUuid(), QUuid::createUuid() };

        CacheTransaction tx(cache.db());
        QVERIFY(tx.begin().ok());
        const Status status = asUpdate ? store.update(contact) : store.insert(contact);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"cache.query_failed"_s);
        QVERIFY(status.error().message.contains(u"injected failure"_s));
        QVERIFY(cacheInTransaction(cache.db())); // the caller's transaction is still the caller's to end
        // Even a caller that commits anyway keeps the contact exactly as it was before the call.
        QVERIFY(tx.commit().ok());
        auto stored = store.byId(contact.id);
        QVERIFY(stored.ok());
        if (asUpdate) {
            QVERIFY(stored->has_value());
            QVERIFY(**stored == before);
        } else {
            QVERIFY(!stored->has_value());
        }
        QCOMPARE(cache.rowCount(u"contact_case"_s), asUpdate ? 1 : 0);
    }

    void aStoredRowThatDoesNotParseIsReportedNotGuessed_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("storedValue");
        QTest::newRow("answers that are not JSON") << u"answers"_s << u"{\"step\": "_s;
        QTest::newRow("answers that are a list") << u"answers"_s << u"[1, 2]"_s;
        QTest::newRow("unknown channel") << u"channel"_s << u"carrier_pigeon"_s;
        QTest::newRow("unknown outcome") << u"outcome"_s << u"shrugged"_s;
        QTest::newRow("unknown failure kind") << u"failure_kind"_s << u"mystery"_s;
    }

    void aStoredRowThatDoesNotParseIsReportedNotGuessed()
    {
        QFETCH(QString, column);
        QFETCH(QString, storedValue);
        StoreTestCache cache;
        QVERIFY(cache.open());
        ContactStore store(cache.db());
        const Contact contact = wrappedUp();
        QVERIFY(store.insert(contact).ok());
        {
            QSqlQuery damage(cache.db());
            damage.prepare(u"UPDATE contact SET "_s + column + u" = ?"_s);
            damage.addBindValue(storedValue);
            QVERIFY(damage.exec());
        }
        auto read = store.byId(contact.id);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, u"cache.bad_row"_s);
        QVERIFY2(read.error().message.contains(column), qPrintable(read.error().message));
        auto list = store.forCustomer(kCustomer, 10);
        QVERIFY(!list.ok());
        QCOMPARE(list.error().code, u"cache.bad_row"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ContactStore)
#include "tst_ContactStore.moc"
