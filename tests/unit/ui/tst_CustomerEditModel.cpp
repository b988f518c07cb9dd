// CustomerEditModel on a real encrypted cache: the checks made as the agent types (postcode, phone,
// email, date of birth, name), a saved phone change queuing one customer.update with that field only, a
// change of address queuing exactly one change naming all five address fields ("tell us once"), and a
// new customer from a screen-pop number queuing one customer.create.

#include "storage/CustomerStore.h"
#include "storage/OutboxStore.h"
#include "ui/CustomerEditModel.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/ui/UiTestCache.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

// Tuesday 10 March 2026, 10:00 in London.
const QDateTime kNow = QDateTime(QDate(2026, 3, 10), QTime(10, 0), QTimeZone::utc());

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

// The store tests' fully populated customer with its emails in canonical form (domain in lower case), as
// LocalChanges requires of a record it saves.
Customer customer()
{
    Customer c = fullyPopulatedCustomer();
    c.emails = { u"Sian.ONeill@example.org"_s, u"s@example.com"_s };
    return c;
}

} // namespace

class tst_CustomerEditModel : public QObject {
    Q_OBJECT

private:
    QList<OutboxEntry> outbox()
    {
        Result<QList<OutboxEntry>> entries
            = UiTestCache::await(m_cache->worker().run([](QSqlDatabase &db) { return OutboxStore(db).peek(100); }));
        if (!entries) {
            qWarning("%s", qPrintable(entries.error().message));
            return {};
        }
        return entries.value();
    }

    std::optional<Customer> cached(const QUuid &id)
    {
        Result<std::optional<Customer>> found
            = UiTestCache::await(m_cache->worker().run([id](QSqlDatabase &db) { return CustomerStore(db).byId(id); }));
        return found ? found.value() : std::nullopt;
    }

    void loadInto(CustomerEditModel &edit, const QUuid &id)
    {
        edit.setCacheWorker(&m_cache->worker());
        edit.setUser(u"agent.one"_s);
        edit.setClock(stoppedClock(kNow));
        QSignalSpy loaded(&edit, &CustomerEditModel::loaded);
        edit.load(id.toString());
        QVERIFY(edit.busy());
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(!edit.busy());
    }

private slots:
    void init()
    {
        m_cache = std::make_unique<UiTestCache>();
        QVERIFY(m_cache->open());
        QVERIFY(m_cache->save({ customer() })); // C1000042, Siân O'Neill-Evans
    }
    void cleanup() { m_cache.reset(); }

    void loadFillsTheFormAsTheAgentReadsIt()
    {
        CustomerEditModel edit;
        loadInto(edit, customerUuid(42));
        QCOMPARE(edit.customerId(), customerUuid(42).toString(QUuid::WithoutBraces));
        QCOMPARE(edit.reference(), u"C1000042"_s);
        QVERIFY(!edit.isNew());
        QCOMPARE(edit.title(), u"Ms"_s);
        QCOMPARE(edit.givenName(), u"Siân"_s);
        QCOMPARE(edit.familyName(), u"O'Neill-Evans"_s);
        QCOMPARE(edit.preferredName(), u"Sî"_s);
        QCOMPARE(edit.dateOfBirthText(), u"12/03/1984"_s);
        QCOMPARE(edit.phones(), (QStringList { u"07700 900123"_s, u"01752 123456"_s }));
        QCOMPARE(edit.emails(), (QStringList { u"Sian.ONeill@example.org"_s, u"s@example.com"_s }));
        QCOMPARE(edit.preferredLanguage(), u"cy"_s);
        QCOMPARE(edit.preferredChannel(), u"video_relay"_s);
        QCOMPARE(edit.addressLine1(), u"Flat 3, Harbour House"_s);
        QCOMPARE(edit.addressLine2(), u"Stonehouse"_s);
        QCOMPARE(edit.town(), u"Plymouth"_s);
        QCOMPARE(edit.postcode(), u"PL1 2AA"_s);
        QCOMPARE(edit.uprn(), u"100040123"_s);
        QVERIFY(edit.valid());
        QVERIFY(!edit.dirty());
        QVERIFY(!edit.addressChanged());
        QCOMPARE(edit.errorText(), QString());
        QVERIFY(edit.channelOptions().size() == allChannels().size());
        QCOMPARE(edit.channelOptions().first().toMap().value(u"key"_s).toString(), u"phone"_s);
    }

    void eachFieldIsCheckedAsTyped()
    {
        CustomerEditModel edit;
        edit.setClock(stoppedClock(kNow));
        edit.startNew();
        QVERIFY(edit.isNew());
        QVERIFY(!edit.valid());
        const QString noName = u"Enter a given name or a family name."_s;
        QCOMPARE(edit.fieldErrors().value(u"givenName"_s).toString(), noName);
        QCOMPARE(edit.fieldErrors().value(u"familyName"_s).toString(), noName);
        edit.setFamilyName(u"Jones"_s);
        QVERIFY(edit.fieldErrors().isEmpty());
        QVERIFY(edit.valid());

        QSignalSpy checks(&edit, &CustomerEditModel::checksChanged);
        edit.setAddressLine1(u"12 Mill Road"_s);
        edit.setPostcode(u"PL1 2A"_s);
        QVERIFY(checks.size() >= 2);
        QCOMPARE(edit.fieldErrors().value(u"postcode"_s).toString(), u"Enter a full UK postcode, like PL1 2AA."_s);
        QVERIFY(!edit.valid());
        edit.setPostcode(u"pl1 2aa"_s); // any case and spacing is a postcode
        QVERIFY(!edit.fieldErrors().contains(u"postcode"_s));
        edit.setPostcode(QString()); // an address needs its postcode
        QCOMPARE(edit.fieldErrors().value(u"postcode"_s).toString(), u"Enter the postcode of the address."_s);
        edit.setPostcode(u"PL1 2AA"_s);

        edit.addPhone();
        edit.setPhone(0, u"07700 900123"_s);
        edit.addPhone();
        edit.setPhone(1, u"0770090"_s);
        QCOMPARE(edit.phones(), (QStringList { u"07700 900123"_s, u"0770090"_s }));
        QVERIFY(!edit.fieldErrors().contains(u"phones.0"_s));
        QVERIFY(edit.fieldErrors().value(u"phones.1"_s).toString().startsWith(u"This phone number is too short"_s));
        edit.setPhone(1, u"+44 7700 900123"_s);
        QCOMPARE(edit.fieldErrors().value(u"phones.1"_s).toString(), u"This number is listed already."_s);
        edit.removePhone(1);
        QVERIFY(!edit.fieldErrors().contains(u"phones.1"_s));

        edit.addEmail();
        edit.setEmail(0, u"sian.jones@@example.org"_s);
        QCOMPARE(edit.fieldErrors().value(u"emails.0"_s).toString(), u"An email address has only one @."_s);
        edit.setEmail(0, u"sian.jones@example"_s);
        QCOMPARE(edit.fieldErrors().value(u"emails.0"_s).toString(),
                 u"The part after the @ needs a dot, as in example.org."_s);
        edit.setEmail(0, u"Sian.Jones@Example.org"_s);
        QVERIFY(!edit.fieldErrors().contains(u"emails.0"_s));

        edit.setDateOfBirthText(u"11/03/2026"_s); // tomorrow
        QCOMPARE(edit.fieldErrors().value(u"dateOfBirth"_s).toString(), u"A date of birth cannot be in the future."_s);
        edit.setDateOfBirthText(u"31/02/1990"_s);
        QCOMPARE(edit.fieldErrors().value(u"dateOfBirth"_s).toString(),
                 u"Enter the date of birth as day/month/year, like 12/03/1984."_s);
        edit.setDateOfBirthText(u"10/03/2026"_s); // born today
        QVERIFY(!edit.fieldErrors().contains(u"dateOfBirth"_s));
        edit.setDateOfBirthText(u"1/3/1984"_s);
        QVERIFY(!edit.fieldErrors().contains(u"dateOfBirth"_s));

        edit.setUprn(u"12A"_s);
        QCOMPARE(edit.fieldErrors().value(u"uprn"_s).toString(),
                 u"A UPRN is a number of up to 12 digits, like 100040123."_s);
        edit.setUprn(u"000100040123"_s);
        QVERIFY(edit.fieldErrors().isEmpty());
        QVERIFY(edit.valid());
    }

    void anInvalidFormIsNotSaved()
    {
        CustomerEditModel edit;
        loadInto(edit, customerUuid(42));
        QSignalSpy failed(&edit, &CustomerEditModel::saveFailed);
        edit.setPostcode(u"PL99"_s);
        QVERIFY(edit.dirty());
        QVERIFY(!edit.valid());
        edit.save();
        QCOMPARE(failed.size(), 1);
        QVERIFY(!edit.busy());
        QCOMPARE(edit.errorText(), u"Nothing was saved: correct the fields marked first."_s);
        QCOMPARE(outbox().size(), 0);
    }

    void aChangedPhoneQueuesOneUpdateOfThatFieldOnly()
    {
        CustomerEditModel edit;
        loadInto(edit, customerUuid(42));
        edit.setPhone(1, u"01752-654321"_s);
        QVERIFY(edit.dirty());
        QVERIFY(!edit.addressChanged());
        QSignalSpy saved(&edit, &CustomerEditModel::saved);
        edit.save();
        QVERIFY(edit.busy());
        QTRY_VERIFY(!edit.busy());
        QVERIFY2(saved.size() == 1, qPrintable(edit.errorText()));
        QCOMPARE(saved.first().first().toString(), customerUuid(42).toString(QUuid::WithoutBraces));
        QVERIFY(!edit.dirty());
        QCOMPARE(edit.errorText(), QString());
        QCOMPARE(edit.phones(), (QStringList { u"07700 900123"_s, u"01752 654321"_s })); // as stored, read out

        const QList<OutboxEntry> queued = outbox();
        QCOMPARE(queued.size(), 1);
        const OutboxMutation &m = queued.first().mutation;
        QCOMPARE(m.entity, u"customer"_s);
        QCOMPARE(m.operation, u"update"_s);
        QCOMPARE(m.entityId, customerUuid(42));
        QCOMPARE(m.baseRevision, std::optional<qint64>(17));
        const QJsonObject changes = m.payload.value(u"changes"_s).toObject();
        QCOMPARE(sortedKeys(changes), QStringList { u"phones"_s });
        QCOMPARE(changes.value(u"phones"_s).toObject().value(u"to"_s).toArray(),
                 (QJsonArray { u"+447700900123"_s, u"+441752654321"_s }));
        QCOMPARE(cached(customerUuid(42))->phones, (QStringList { u"+447700900123"_s, u"+441752654321"_s }));
    }

    void aChangeOfAddressIsOneChangeNamingEveryAddressField()
    {
        CustomerEditModel edit;
        loadInto(edit, customerUuid(42));
        edit.setAddressLine1(u"7 Station Road"_s);
        edit.setAddressLine2(QString());
        edit.setPostcode(u"pl4 6xx"_s);
        edit.setUprn(QString());
        QVERIFY(edit.addressChanged());
        QVERIFY(edit.valid());
        QSignalSpy saved(&edit, &CustomerEditModel::saved);
        edit.save();
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(!edit.addressChanged());
        QVERIFY(!edit.dirty());
        QCOMPARE(edit.postcode(), u"PL4 6XX"_s);

        const QList<OutboxEntry> queued = outbox();
        QCOMPARE(queued.size(), 1);
        const QJsonObject changes = queued.first().mutation.payload.value(u"changes"_s).toObject();
        QCOMPARE(sortedKeys(changes),
                 (QStringList { u"address_line1"_s, u"address_line2"_s, u"postcode"_s, u"town"_s, u"uprn"_s }));
        QCOMPARE(changes.value(u"town"_s).toObject().value(u"to"_s).toString(), u"Plymouth"_s); // unchanged, sent too
        const Customer stored = *cached(customerUuid(42));
        QCOMPARE(stored.address,
                 (PostalAddress { u"7 Station Road"_s, QString(), u"Plymouth"_s, u"PL4 6XX"_s, QString() }));
        QCOMPARE(stored.givenName, u"Siân"_s);
    }

    void aMoveWithOtherChangesIsTheMoveAndOneUpdateOfTheRest()
    {
        CustomerEditModel edit;
        loadInto(edit, customerUuid(42));
        edit.setPostcode(u"PL4 6XX"_s);
        edit.setPreferredName(QString());
        QSignalSpy saved(&edit, &CustomerEditModel::saved);
        edit.save();
        QTRY_COMPARE(saved.size(), 1);
        const QList<OutboxEntry> queued = outbox();
        QCOMPARE(queued.size(), 2);
        QCOMPARE(sortedKeys(queued.at(0).mutation.payload.value(u"changes"_s).toObject()),
                 (QStringList { u"address_line1"_s, u"address_line2"_s, u"postcode"_s, u"town"_s, u"uprn"_s }));
        QCOMPARE(sortedKeys(queued.at(1).mutation.payload.value(u"changes"_s).toObject()),
                 QStringList { u"preferred_name"_s });
        const Customer stored = *cached(customerUuid(42));
        QCOMPARE(stored.address.postcode, u"PL4 6XX"_s);
        QCOMPARE(stored.preferredName, QString());
    }

    void anEditKeepsAFieldSyncedInMeanwhile()
    {
        CustomerEditModel edit;
        loadInto(edit, customerUuid(42));
        // A pull changes the title while the form is open; the agent changes the given name only.
        Customer pulled = customer();
        pulled.title = u"Dr"_s;
        pulled.revision = 18;
        QVERIFY(m_cache->save({ pulled }));
        edit.setGivenName(u"Sian"_s);
        QSignalSpy saved(&edit, &CustomerEditModel::saved);
        edit.save();
        QTRY_COMPARE(saved.size(), 1);
        const Customer stored = *cached(customerUuid(42));
        QCOMPARE(stored.title, u"Dr"_s);
        QCOMPARE(stored.givenName, u"Sian"_s);
        const QList<OutboxEntry> queued = outbox();
        QCOMPARE(queued.size(), 1);
        QCOMPARE(sortedKeys(queued.first().mutation.payload.value(u"changes"_s).toObject()),
                 QStringList { u"given_name"_s });
        QCOMPARE(edit.title(), u"Dr"_s);
    }

    void aNewCustomerFromAScreenPopIsOneCreate()
    {
        CustomerEditModel edit;
        edit.setCacheWorker(&m_cache->worker());
        edit.setUser(u"agent.one"_s);
        edit.setClock(stoppedClock(kNow));
        edit.startNew(u"07700900999"_s);
        QVERIFY(edit.isNew());
        QVERIFY(edit.hasCustomer());
        QCOMPARE(edit.customerId(), QString());
        QCOMPARE(edit.phones(), QStringList { u"07700 900999"_s });
        QVERIFY(!edit.dirty());
        edit.setGivenName(u"Dai"_s);
        edit.setFamilyName(u"Evans"_s);
        edit.setAddressLine1(u"2 Quay Road"_s);
        edit.setPostcode(u"pl4 7yy"_s);
        QVERIFY(edit.dirty());
        QSignalSpy saved(&edit, &CustomerEditModel::saved);
        edit.save();
        QTRY_COMPARE(saved.size(), 1);
        const QString id = saved.first().first().toString();
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(edit.customerId(), id);
        QVERIFY(!edit.isNew());
        QVERIFY(!edit.dirty());
        QVERIFY(edit.reference().startsWith(u"P-"_s));

        const QList<OutboxEntry> queued = outbox();
        QCOMPARE(queued.size(), 1);
        const OutboxMutation &m = queued.first().mutation;
        QCOMPARE(m.entity, u"customer"_s);
        QCOMPARE(m.operation, u"create"_s);
        QCOMPARE(m.entityId, QUuid::fromString(id));
        const QJsonObject record = m.payload.value(u"record"_s).toObject();
        QCOMPARE(record.value(u"phones"_s).toArray(), QJsonArray { u"+447700900999"_s });
        QCOMPARE(record.value(u"postcode"_s).toString(), u"PL4 7YY"_s);
        QCOMPARE(cached(QUuid::fromString(id))->familyName, u"Evans"_s);
    }

    void savingNeverWaitsForABusyCache()
    {
        CustomerEditModel edit;
        loadInto(edit, customerUuid(42));
        edit.setGivenName(u"Sian"_s);
        auto state = std::make_shared<std::atomic<int>>(0);
        const QFuture<Status> stalled = m_cache->stall(500, state);
        QTRY_COMPARE(state->load(), 1); // the database thread is held
        QSignalSpy saved(&edit, &CustomerEditModel::saved);
        edit.save();
        QCOMPARE(state->load(), 1); // save() returned while the cache was still held
        QVERIFY(edit.busy());
        edit.save(); // ignored while busy: one save, one outbox row
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(!edit.busy());
        QCOMPARE(outbox().size(), 1);
        QVERIFY(UiTestCache::await(stalled).ok());
    }

    void aRetypedPostcodeIsNoChange()
    {
        CustomerEditModel edit;
        loadInto(edit, customerUuid(42));
        edit.setPostcode(u"pl12aa"_s);
        QVERIFY(edit.dirty());
        QVERIFY(!edit.addressChanged());
        QSignalSpy saved(&edit, &CustomerEditModel::saved);
        edit.save();
        QCOMPARE(saved.size(), 1);
        QVERIFY(!edit.dirty());
        QCOMPARE(edit.postcode(), u"PL1 2AA"_s);
        QCOMPARE(outbox().size(), 0);
    }

    void revertBringsBackTheLoadedValues()
    {
        CustomerEditModel edit;
        loadInto(edit, customerUuid(42));
        edit.setGivenName(QString());
        edit.setFamilyName(QString());
        edit.setPostcode(u"PL4 6XX"_s);
        QVERIFY(!edit.valid());
        QVERIFY(edit.addressChanged());
        edit.revert();
        QCOMPARE(edit.givenName(), u"Siân"_s);
        QCOMPARE(edit.postcode(), u"PL1 2AA"_s);
        QVERIFY(edit.valid());
        QVERIFY(!edit.dirty());
        QVERIFY(!edit.addressChanged());
    }

    void aCustomerNotInTheCacheSaysSo()
    {
        CustomerEditModel edit;
        edit.setCacheWorker(&m_cache->worker());
        QSignalSpy errors(&edit, &CustomerEditModel::errorTextChanged);
        edit.load(customerUuid(99).toString());
        QTRY_VERIFY(!edit.busy());
        QVERIFY(!edit.hasCustomer());
        QVERIFY(edit.errorText().startsWith(u"This customer is not in the cache."_s));
    }

private:
    std::unique_ptr<UiTestCache> m_cache;
};

QTEST_MAIN(tst_CustomerEditModel)
#include "tst_CustomerEditModel.moc"
