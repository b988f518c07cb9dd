// LocalChanges on a real encrypted cache: each change a person makes is saved with exactly one outbox
// row in the payload format the server reads, and a failure anywhere leaves neither.

#include "core/DomainJson.h"
#include "core/JsonReader.h"
#include "storage/CaseStore.h"
#include "storage/ConflictStore.h"
#include "storage/ContactStore.h"
#include "storage/CustomerStore.h"
#include "storage/OutboxStore.h"
#include "sync/LocalChanges.h"
#include "sync/SyncWire.h"
#include "unit/storage/StoreTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <iterator>
#include <memory>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

const QUuid kCustomerId = QUuid(u"{4d6f3c1e-2b7a-4f0e-9a51-0c2d8e6b7a10}"_s);
const QUuid kOtherCustomerId = QUuid(u"{9e1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d}"_s);
const QUuid kCaseId = QUuid(u"{0b5e7a21-6c3d-4e8f-a1b2-c3d4e5f60718}"_s);
const QUuid kConflictId = QUuid(u"{c0ffee00-1234-4abc-8def-0123456789ab}"_s);
const QDateTime kNow = utc(2026, 11, 23, 15, 4, 5, 123);

QString text(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
}

QString message(const Error &error)
{
    return error.code + u": "_s + error.message;
}

// For QVERIFY2, which builds its message whether or not the check fails.
template<typename T> QString why(const Result<T> &result)
{
    return result.ok() ? QString() : message(result.error());
}

// A customer as the server sent it: revision 4, a real reference.
Customer pulledCustomer(const QUuid &id = kCustomerId)
{
    Customer c;
    c.id = id;
    c.reference = id == kCustomerId ? u"C1000001"_s : u"C1000002"_s;
    c.givenName = u"Siân"_s;
    c.familyName = u"Jones"_s;
    c.dateOfBirth = QDate(1984, 3, 12);
    c.phones = { u"+447700900123"_s };
    c.emails = { u"sian.jones@example.org"_s };
    c.address.line1 = u"12 Mill Road"_s;
    c.address.town = u"Plymouth"_s;
    c.address.postcode = u"PL1 2AA"_s;
    c.address.uprn = u"100040000001"_s;
    c.revision = 4;
    c.createdAt = utc(2024, 5, 1, 8, 30, 0, 250);
    c.updatedAt = utc(2026, 1, 2, 10, 0, 0, 1);
    return c;
}

Customer draftCustomer()
{
    Customer c;
    c.title = u"Mx"_s;
    c.givenName = u"Łukasz"_s;
    c.familyName = u"Kowalski"_s;
    c.phones = { u"+441752123456"_s };
    c.address.line1 = u"Flat 4, Harbour House"_s;
    c.address.town = u"Plymouth"_s;
    c.address.postcode = u"PL12 3AB"_s;
    c.preferredLanguage = u"pl"_s;
    c.reference = u"C9999999"_s; // a desk never makes a real reference
    c.revision = 7;
    return c;
}

Case pulledCase(CaseStatus status)
{
    Case c;
    c.id = kCaseId;
    c.reference = u"WST-2026-000123"_s;
    c.customerId = kCustomerId;
    c.service = u"waste"_s;
    c.requestType = u"missed_bin"_s;
    c.status = status;
    c.team = u"waste-ops"_s;
    c.raisedAt = utc(2026, 11, 20, 10, 0, 0, 5);
    c.promisedBy = utc(2026, 11, 24, 17);
    c.summary = u"Missed green bin"_s;
    c.revision = 2;
    if (status == CaseStatus::Resolved)
        c.resolvedAt = utc(2026, 11, 22, 12);
    return c;
}

Case draftCase()
{
    Case c;
    c.customerId = kCustomerId;
    c.service = u"waste"_s;
    c.requestType = u"bulky_waste"_s;
    c.priority = CasePriority::High;
    c.summary = u"Sofa and two chairs"_s;
    c.reference = u"WST-2026-999999"_s;
    c.revision = 3;
    return c;
}

Contact wrappedUpContact(const QDateTime &startedAt, const QUuid &customerId = kCustomerId)
{
    Contact c;
    c.id = QUuid::createUuid();
    c.customerId = customerId;
    c.channel = Channel::Phone;
    c.site = u"contact-centre"_s;
    c.agent = u"s.jones"_s;
    c.startedAt = startedAt;
    c.endedAt = startedAt.addSecs(245).addMSecs(7);
    c.service = u"waste"_s;
    c.reason = u"missed_bin"_s;
    c.outcome = Outcome::RequestRaised;
    c.notes = u"Green bin missed twice."_s;
    return c;
}

SyncConflict customerConflict()
{
    SyncConflict c;
    c.id = kConflictId;
    c.entity = u"customer"_s;
    c.entityId = kCustomerId;
    c.field = u"town"_s;
    c.baseValue = u"Plymouth"_s;
    c.serverValue = u"Plympton"_s;
    c.clientValue = u"Saltash"_s;
    c.user = u"a.other"_s;
    c.createdAt = utc(2026, 11, 23, 9);
    c.revision = 1;
    return c;
}

QJsonObject change(const QJsonValue &from, const QJsonValue &to)
{
    return QJsonObject { { u"from"_s, from }, { u"to"_s, to } };
}

// One cache, the changes made on it, and the clock they read.
struct Desk {
    StoreTestCache cache;
    QDateTime now = kNow;
    std::unique_ptr<LocalChanges> changes;

    bool open()
    {
        if (!cache.open())
            return false;
        changes = std::make_unique<LocalChanges>(cache.db(), u"s.jones"_s, [this] { return now; });
        return true;
    }
    QSqlDatabase db() const { return cache.db(); }

    QList<OutboxEntry> outbox() const { return OutboxStore(db()).peek(1000).valueOr({}); }

    bool seedCustomer(const Customer &c = pulledCustomer()) const { return CustomerStore(db()).upsert(c).ok(); }
    bool seedCase(const Case &c) const { return CaseStore(db()).upsert(c).ok(); }

    // Every row of every table a local change may touch: equal before and after means nothing was saved.
    QString everything() const
    {
        QString out;
        for (const QString &table :
             { u"customer"_s, u"customer_phone"_s, u"customer_email"_s, u"customer_flag"_s, u"service_case"_s,
               u"contact"_s, u"contact_case"_s, u"sync_conflict"_s, u"outbox"_s }) {
            QSqlQuery query(db());
            if (!query.exec(u"SELECT * FROM "_s + table + u" ORDER BY 1"_s))
                return u"cannot read "_s + table;
            while (query.next()) {
                out += table + u':';
                for (int i = 0; i < query.record().count(); ++i)
                    out += query.value(i).toString() + u'|';
                out += u'\n';
            }
        }
        return out;
    }
};

} // namespace

class tst_LocalChanges : public QObject {
    Q_OBJECT

    // The entry as the push will send it, read back by the wire reader both sides use.
    static bool readsBackOnTheWire(const OutboxEntry &entry)
    {
        const OutboxMutation &m = entry.mutation;
        const wire::Mutation sent { m.mutationId, m.entity, m.operation, m.entityId, m.baseRevision, m.payload };
        Result<wire::Mutation> read = wire::readMutation(wire::toJson(sent));
        if (!read) {
            qWarning() << message(read.error());
            return false;
        }
        return read.value() == sent;
    }

    static void compareJson(const QJsonValue &actual, const QJsonValue &expected)
    {
        QVERIFY2(actual == expected,
                 qPrintable(u"\n   actual: "_s + text(actual) + u"\n expected: "_s + text(expected)));
    }

    // The one outbox entry there should be: its kind, record, base revision, time, and wire form.
    static void checkOnlyEntry(const Desk &desk, const QString &entity, const QString &operation, const QUuid &entityId,
                               std::optional<qint64> baseRevision, const QJsonObject &payload,
                               const QDateTime &createdAt = kNow)
    {
        const QList<OutboxEntry> outbox = desk.outbox();
        QCOMPARE(outbox.size(), 1);
        const OutboxMutation &m = outbox.first().mutation;
        QCOMPARE(m.entity, entity);
        QCOMPARE(m.operation, operation);
        QCOMPARE(m.entityId, entityId);
        QCOMPARE(m.baseRevision, baseRevision);
        compareJson(m.payload, payload);
        QCOMPARE(m.createdAt, createdAt);
        QVERIFY(!m.mutationId.isNull());
        QVERIFY(m.mutationId != entityId);
        QVERIFY(readsBackOnTheWire(outbox.first()));
    }

private slots:
    void provisionalReferenceIsPAndTheFirstEightHexDigitsUpperCase()
    {
        QCOMPARE(LocalChanges::provisionalReference(kCustomerId), u"P-4D6F3C1E"_s);
        QCOMPARE(LocalChanges::provisionalReference(QUuid(u"{00ab0000-0000-4000-8000-000000000000}"_s)),
                 u"P-00AB0000"_s);
    }

    // --- customers

    void createCustomerSavesTheCustomerWithAProvisionalReferenceAndQueuesItsRecord()
    {
        Desk desk;
        QVERIFY(desk.open());
        Result<Customer> created = desk.changes->createCustomer(draftCustomer(), kNow);
        QVERIFY2(created.ok(), qPrintable(why(created)));
        const Customer &c = created.value();
        QVERIFY(!c.id.isNull());
        QCOMPARE(c.reference, LocalChanges::provisionalReference(c.id));
        QVERIFY(c.reference.startsWith(u"P-"_s));
        QCOMPARE(c.revision, qint64(0));
        QCOMPARE(c.createdAt, kNow);
        QCOMPARE(c.updatedAt, kNow);
        QCOMPARE(c.givenName, u"Łukasz"_s);

        auto stored = CustomerStore(desk.db()).byId(c.id);
        QVERIFY(stored.ok() && stored->has_value());
        QVERIFY(**stored == c);
        checkOnlyEntry(desk, u"customer"_s, u"create"_s, c.id, std::nullopt,
                       QJsonObject { { u"record"_s, DomainJson::fromCustomer(c) } });
        // The record reads as the server reads it, and is the customer saved here.
        const QJsonObject record = desk.outbox().first().mutation.payload.value(u"record"_s).toObject();
        Result<Customer> onWire = DomainJson::toCustomer(record);
        QVERIFY(onWire.ok());
        QVERIFY(onWire.value() == c);
    }

    void createCustomerKeepsTheDraftsIdWhenItHasOne()
    {
        Desk desk;
        QVERIFY(desk.open());
        Customer draft = draftCustomer();
        draft.id = kOtherCustomerId;
        Result<Customer> created = desk.changes->createCustomer(draft, kNow);
        QVERIFY(created.ok());
        QCOMPARE(created->id, kOtherCustomerId);
        QCOMPARE(created->reference, u"P-9E1B2C3D"_s);
        QCOMPARE(desk.outbox().first().mutation.entityId, kOtherCustomerId);
    }

    void createCustomerRefusesWhatTheServerWouldAndSavesNothing_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("code");
        QTest::newRow("postcode not in its written form") << 0 << u"customer.invalid_postcode"_s;
        QTest::newRow("no name") << 1 << u"customer.no_name"_s;
        QTest::newRow("phone not canonical") << 2 << u"customer.invalid_phone"_s;
        QTest::newRow("name longer than the server takes") << 3 << u"json.invalid_field"_s;
        QTest::newRow("id already cached") << 4 << u"local.already_exists"_s;
    }

    void createCustomerRefusesWhatTheServerWouldAndSavesNothing()
    {
        QFETCH(int, problem);
        QFETCH(QString, code);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        const QString before = desk.everything();
        Customer draft = draftCustomer();
        switch (problem) {
        case 0:
            draft.address.postcode = u"pl12 3ab"_s;
            break;
        case 1:
            draft.givenName.clear();
            draft.familyName = u"  "_s;
            break;
        case 2:
            draft.phones = { u"01752 123456"_s };
            break;
        case 3:
            draft.familyName = QString(201, u'x');
            break;
        case 4:
            draft.id = kCustomerId;
            break;
        }
        Result<Customer> created = desk.changes->createCustomer(draft, kNow);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, code);
        QCOMPARE(desk.everything(), before);
        QVERIFY(desk.outbox().isEmpty());
        QVERIFY(CustomerStore(desk.db()).byId(kCustomerId).value().value() == pulledCustomer());
    }

    void updateCustomerQueuesOnlyTheChangedFieldsFromTheCachedValues()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        Customer edited = pulledCustomer();
        edited.preferredName = u"Sia"_s;
        edited.phones = { u"+447700900999"_s, u"+447700900123"_s };
        edited.dateOfBirth = QDate();
        edited.consents.sms = true;
        // Identity and bookkeeping are the cached copy's, whatever the edited copy says.
        edited.reference = u"P-DEADBEEF"_s;
        edited.revision = 99;
        edited.createdAt = utc(2000, 1, 1);
        edited.updatedAt = utc(2000, 1, 1);

        Result<Customer> updated = desk.changes->updateCustomer(edited, kNow);
        QVERIFY2(updated.ok(), qPrintable(why(updated)));
        Customer expected = pulledCustomer();
        expected.preferredName = u"Sia"_s;
        expected.phones = edited.phones;
        expected.dateOfBirth = QDate();
        expected.consents.sms = true;
        expected.updatedAt = kNow; // revision stays 4: the server gives the next one
        QVERIFY(updated.value() == expected);
        QVERIFY(CustomerStore(desk.db()).byId(kCustomerId).value().value() == expected);

        const QJsonObject changes {
            { u"preferred_name"_s, change(u""_s, u"Sia"_s) },
            { u"phones"_s,
              change(QJsonArray { u"+447700900123"_s }, QJsonArray { u"+447700900999"_s, u"+447700900123"_s }) },
            { u"date_of_birth"_s, change(u"1984-03-12"_s, QJsonValue::Null) },
            { u"consent_sms"_s, change(false, true) },
        };
        checkOnlyEntry(desk, u"customer"_s, u"update"_s, kCustomerId, 4, QJsonObject { { u"changes"_s, changes } });
    }

    void updateCustomerWithNothingEditableChangedIsRefused()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        const QString before = desk.everything();
        Customer edited = pulledCustomer();
        edited.reference = u"C7654321"_s;
        edited.revision = 5;
        edited.updatedAt = kNow;
        Result<Customer> updated = desk.changes->updateCustomer(edited, kNow);
        QVERIFY(!updated.ok());
        QCOMPARE(updated.error().code, u"local.no_changes"_s);
        QCOMPARE(desk.everything(), before);
    }

    void updateCustomerRefusesAnUnknownCustomerOrAnInvalidValueAndSavesNothing_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("code");
        QTest::newRow("not cached") << 0 << u"local.not_found"_s;
        QTest::newRow("email") << 1 << u"customer.invalid_email"_s;
        QTest::newRow("postcode") << 2 << u"customer.invalid_postcode"_s;
        QTest::newRow("uprn") << 3 << u"customer.invalid_uprn"_s;
    }

    void updateCustomerRefusesAnUnknownCustomerOrAnInvalidValueAndSavesNothing()
    {
        QFETCH(int, problem);
        QFETCH(QString, code);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        const QString before = desk.everything();
        Customer edited = pulledCustomer();
        edited.address.town = u"Saltash"_s; // a valid change alongside the bad one
        switch (problem) {
        case 0:
            edited.id = kOtherCustomerId;
            break;
        case 1:
            edited.emails = { u"sian.jones@"_s };
            break;
        case 2:
            edited.address.postcode = u"PL1"_s;
            break;
        case 3:
            edited.address.uprn = u"12ab"_s;
            break;
        }
        Result<Customer> updated = desk.changes->updateCustomer(edited, kNow);
        QVERIFY(!updated.ok());
        QCOMPARE(updated.error().code, code);
        QCOMPARE(desk.everything(), before);
        QVERIFY(desk.outbox().isEmpty());
    }

    void moveAddressSendsAllFiveAddressFieldsTogetherWithTheCanonicalPostcode()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        PostalAddress moved;
        moved.line1 = u"3 Fore Street"_s;
        moved.town = u"Saltash"_s;
        moved.postcode = u" pl12  6jr"_s;
        moved.uprn = u"100040000777"_s;
        Result<Customer> updated = desk.changes->moveAddress(kCustomerId, moved, kNow);
        QVERIFY2(updated.ok(), qPrintable(why(updated)));
        QCOMPARE(updated->address.postcode, u"PL12 6JR"_s);
        QCOMPARE(updated->address.line1, u"3 Fore Street"_s);
        QCOMPARE(updated->revision, qint64(4));
        QCOMPARE(updated->updatedAt, kNow);
        QVERIFY(CustomerStore(desk.db()).byId(kCustomerId).value().value() == updated.value());

        // address_line2 did not change ("" both) but travels with the rest: one address, one change.
        const QJsonObject changes {
            { u"address_line1"_s, change(u"12 Mill Road"_s, u"3 Fore Street"_s) },
            { u"address_line2"_s, change(u""_s, u""_s) },
            { u"town"_s, change(u"Plymouth"_s, u"Saltash"_s) },
            { u"postcode"_s, change(u"PL1 2AA"_s, u"PL12 6JR"_s) },
            { u"uprn"_s, change(u"100040000001"_s, u"100040000777"_s) },
        };
        checkOnlyEntry(desk, u"customer"_s, u"update"_s, kCustomerId, 4, QJsonObject { { u"changes"_s, changes } });
    }

    void moveAddressRefusesABadAddressOrAnUnknownCustomerAndSavesNothing_data()
    {
        QTest::addColumn<QString>("postcode");
        QTest::addColumn<QString>("uprn");
        QTest::addColumn<QUuid>("customer");
        QTest::addColumn<QString>("code");
        QTest::newRow("not a postcode") << u"PL1 ZZZ9"_s << u""_s << kCustomerId << u"customer.invalid_postcode"_s;
        QTest::newRow("no postcode") << u""_s << u""_s << kCustomerId << u"customer.invalid_postcode"_s;
        QTest::newRow("bad uprn") << u"PL12 6JR"_s << u"12ab"_s << kCustomerId << u"customer.invalid_uprn"_s;
        QTest::newRow("unknown customer") << u"PL12 6JR"_s << u""_s << kOtherCustomerId << u"local.not_found"_s;
        QTest::newRow("the same address") << u"pl1 2aa"_s << u"100040000001"_s << kCustomerId << u"local.no_changes"_s;
    }

    void moveAddressRefusesABadAddressOrAnUnknownCustomerAndSavesNothing()
    {
        QFETCH(QString, postcode);
        QFETCH(QString, uprn);
        QFETCH(QUuid, customer);
        QFETCH(QString, code);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        const QString before = desk.everything();
        PostalAddress moved = pulledCustomer().address;
        moved.postcode = postcode;
        moved.uprn = uprn;
        Result<Customer> updated = desk.changes->moveAddress(customer, moved, kNow);
        QVERIFY(!updated.ok());
        QCOMPARE(updated.error().code, code);
        QCOMPARE(desk.everything(), before);
        QVERIFY(desk.outbox().isEmpty());
    }

    // --- cases

    void createCaseSavesTheCaseWithAProvisionalReferenceAndQueuesItsRecord()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        Result<Case> created = desk.changes->createCase(draftCase(), kNow);
        QVERIFY2(created.ok(), qPrintable(why(created)));
        const Case &c = created.value();
        QVERIFY(!c.id.isNull());
        QCOMPARE(c.reference, LocalChanges::provisionalReference(c.id));
        QCOMPARE(c.revision, qint64(0));
        QCOMPARE(c.raisedAt, kNow);
        QCOMPARE(c.status, CaseStatus::New);
        QCOMPARE(c.summary, u"Sofa and two chairs"_s);
        QVERIFY(CaseStore(desk.db()).byId(c.id).value().value() == c);
        checkOnlyEntry(desk, u"case"_s, u"create"_s, c.id, std::nullopt,
                       QJsonObject { { u"record"_s, DomainJson::fromCase(c) } });
        Result<Case> onWire = DomainJson::toCase(desk.outbox().first().mutation.payload.value(u"record"_s).toObject());
        QVERIFY(onWire.ok());
        QVERIFY(onWire.value() == c);
    }

    void createCaseKeepsARaisedTimeTheDraftGives()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        Case draft = draftCase();
        draft.raisedAt = utc(2026, 11, 23, 14, 58);
        Result<Case> created = desk.changes->createCase(draft, kNow);
        QVERIFY(created.ok());
        QCOMPARE(created->raisedAt, utc(2026, 11, 23, 14, 58));
    }

    void createCaseRefusesAnUnknownRequestTypeOrCustomerAndSavesNothing_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("requestType");
        QTest::addColumn<QUuid>("customer");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown request type")
            << u"waste"_s << u"teleport_bin"_s << kCustomerId << u"local.unknown_request_type"_s;
        QTest::newRow("unknown service") << u"space_programme"_s << u"missed_bin"_s << kCustomerId
                                         << u"local.unknown_request_type"_s;
        QTest::newRow("request type of another service")
            << u"council_tax"_s << u"missed_bin"_s << kCustomerId << u"local.unknown_request_type"_s;
        QTest::newRow("customer not cached")
            << u"waste"_s << u"missed_bin"_s << kOtherCustomerId << u"local.unknown_customer"_s;
    }

    void createCaseRefusesAnUnknownRequestTypeOrCustomerAndSavesNothing()
    {
        QFETCH(QString, service);
        QFETCH(QString, requestType);
        QFETCH(QUuid, customer);
        QFETCH(QString, code);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        const QString before = desk.everything();
        Case draft = draftCase();
        draft.service = service;
        draft.requestType = requestType;
        draft.customerId = customer;
        Result<Case> created = desk.changes->createCase(draft, kNow);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, code);
        QCOMPARE(desk.everything(), before);
    }

    void updateCaseQueuesOnlyTheChangedFields()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        QVERIFY(desk.seedCase(pulledCase(CaseStatus::Assigned)));
        Case edited = pulledCase(CaseStatus::Assigned);
        edited.assignee = u"r.patel"_s;
        edited.priority = CasePriority::Emergency;
        edited.reference = u"P-00000000"_s; // identity is the cached copy's
        edited.revision = 40;
        edited.service = u"council_tax"_s;
        edited.raisedAt = kNow;
        Result<Case> updated = desk.changes->updateCase(edited, kNow);
        QVERIFY2(updated.ok(), qPrintable(why(updated)));
        Case expected = pulledCase(CaseStatus::Assigned);
        expected.assignee = u"r.patel"_s;
        expected.priority = CasePriority::Emergency;
        QVERIFY(updated.value() == expected);
        QVERIFY(CaseStore(desk.db()).byId(kCaseId).value().value() == expected);
        const QJsonObject changes {
            { u"assignee"_s, change(u""_s, u"r.patel"_s) },
            { u"priority"_s, change(u"normal"_s, u"emergency"_s) },
        };
        checkOnlyEntry(desk, u"case"_s, u"update"_s, kCaseId, 2, QJsonObject { { u"changes"_s, changes } });
    }

    void updateCaseMovesTheStatusThroughTheStateMachine_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<int>("reason"); // -1: none
        QTest::addColumn<QJsonObject>("changes");
        const QString resolvedBefore = JsonReader::timeText(pulledCase(CaseStatus::Resolved).resolvedAt);
        QTest::newRow("resolving sets the resolved time")
            << int(CaseStatus::InProgress) << int(CaseStatus::Resolved) << -1
            << QJsonObject { { u"status"_s, change(u"in_progress"_s, u"resolved"_s) },
                             { u"resolved_at"_s, change(QJsonValue::Null, JsonReader::timeText(kNow)) } };
        QTest::newRow("closing unresolved records why")
            << int(CaseStatus::InProgress) << int(CaseStatus::Closed) << int(ClosureReason::Withdrawn)
            << QJsonObject { { u"status"_s, change(u"in_progress"_s, u"closed"_s) },
                             { u"closure_reason"_s, change(QJsonValue::Null, u"withdrawn"_s) } };
        QTest::newRow("reopening clears the resolved time")
            << int(CaseStatus::Resolved) << int(CaseStatus::Reopened) << -1
            << QJsonObject { { u"status"_s, change(u"resolved"_s, u"reopened"_s) },
                             { u"resolved_at"_s, change(resolvedBefore, QJsonValue::Null) } };
    }

    void updateCaseMovesTheStatusThroughTheStateMachine()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(int, reason);
        QFETCH(QJsonObject, changes);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        QVERIFY(desk.seedCase(pulledCase(CaseStatus(from))));
        Case edited = pulledCase(CaseStatus(from));
        edited.status = CaseStatus(to);
        if (reason >= 0)
            edited.closureReason = ClosureReason(reason);
        Result<Case> updated = desk.changes->updateCase(edited, kNow);
        QVERIFY2(updated.ok(), qPrintable(why(updated)));
        QCOMPARE(updated->status, CaseStatus(to));
        QVERIFY(CaseStore(desk.db()).byId(kCaseId).value().value() == updated.value());
        checkOnlyEntry(desk, u"case"_s, u"update"_s, kCaseId, 2, QJsonObject { { u"changes"_s, changes } });
    }

    void updateCaseRefusesAnIllegalMoveAndSavesNothing_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("code");
        QTest::newRow("new to resolved") << int(CaseStatus::New) << int(CaseStatus::Resolved) << -1
                                         << u"case.illegal_transition"_s;
        QTest::newRow("closed unresolved, no reason")
            << int(CaseStatus::InProgress) << int(CaseStatus::Closed) << -1 << u"case.closure_reason_required"_s;
        QTest::newRow("resolved with a closure reason")
            << int(CaseStatus::InProgress) << int(CaseStatus::Resolved) << int(ClosureReason::Duplicate)
            << u"case.closure_reason_not_allowed"_s;
    }

    void updateCaseRefusesAnIllegalMoveAndSavesNothing()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(int, reason);
        QFETCH(QString, code);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        QVERIFY(desk.seedCase(pulledCase(CaseStatus(from))));
        const QString before = desk.everything();
        Case edited = pulledCase(CaseStatus(from));
        edited.status = CaseStatus(to);
        edited.summary = u"Changed as well"_s;
        if (reason >= 0)
            edited.closureReason = ClosureReason(reason);
        Result<Case> updated = desk.changes->updateCase(edited, kNow);
        QVERIFY(!updated.ok());
        QCOMPARE(updated.error().code, code);
        QCOMPARE(desk.everything(), before);
    }

    void updateCaseRefusesAnUnknownCaseNoChangeOrUnknownCustomer()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        QVERIFY(desk.seedCase(pulledCase(CaseStatus::New)));
        const QString before = desk.everything();

        Case unknown = pulledCase(CaseStatus::New);
        unknown.id = QUuid::createUuid();
        unknown.summary = u"Other"_s;
        Result<Case> notFound = desk.changes->updateCase(unknown, kNow);
        QVERIFY(!notFound.ok());
        QCOMPARE(notFound.error().code, u"local.not_found"_s);

        Result<Case> same = desk.changes->updateCase(pulledCase(CaseStatus::New), kNow);
        QVERIFY(!same.ok());
        QCOMPARE(same.error().code, u"local.no_changes"_s);

        Case otherCustomer = pulledCase(CaseStatus::New);
        otherCustomer.customerId = kOtherCustomerId;
        Result<Case> noCustomer = desk.changes->updateCase(otherCustomer, kNow);
        QVERIFY(!noCustomer.ok());
        QCOMPARE(noCustomer.error().code, u"local.unknown_customer"_s);
        QCOMPARE(desk.everything(), before);
    }

    // --- contacts

    void recordContactSavesItWithItsCasesAndQueuesItsRecord()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        QVERIFY(desk.seedCase(pulledCase(CaseStatus::New)));
        Contact contact = wrappedUpContact(utc(2026, 11, 23, 14, 50, 0, 10));
        contact.linkedCaseIds = { kCaseId };
        contact.answers = QJsonObject { { u"bin"_s, u"green"_s } };
        const Status recorded = desk.changes->recordContact(contact);
        QVERIFY2(recorded.ok(), qPrintable(why(recorded)));
        QVERIFY(ContactStore(desk.db()).byId(contact.id).value().value() == contact);
        const QJsonObject record = DomainJson::fromContact(contact);
        QCOMPARE(record.value(u"linked_case_ids"_s).toArray(), QJsonArray { JsonReader::uuidText(kCaseId) });
        checkOnlyEntry(desk, u"contact"_s, u"create"_s, contact.id, std::nullopt,
                       QJsonObject { { u"record"_s, record } });
    }

    void recordContactMovesTheCustomersLastContactOnlyForward()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        CustomerStore customers(desk.db());
        QVERIFY(!customers.lastContactAt(kCustomerId).value().isValid());
        const QDateTime middle = utc(2026, 11, 20, 9, 0, 0, 1);
        QVERIFY(desk.changes->recordContact(wrappedUpContact(middle)).ok());
        QCOMPARE(customers.lastContactAt(kCustomerId).value(), middle);
        QVERIFY(desk.changes->recordContact(wrappedUpContact(utc(2026, 11, 19))).ok()); // an older one, recorded late
        QCOMPARE(customers.lastContactAt(kCustomerId).value(), middle);
        const QDateTime latest = utc(2026, 11, 23, 15);
        QVERIFY(desk.changes->recordContact(wrappedUpContact(latest)).ok());
        QCOMPARE(customers.lastContactAt(kCustomerId).value(), latest);
        QCOMPARE(desk.outbox().size(), 3);
    }

    void recordContactRefusesAndSavesNothing_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("code");
        QTest::newRow("no outcome") << 0 << u"local.not_wrapped_up"_s;
        QTest::newRow("no end") << 1 << u"local.not_wrapped_up"_s;
        QTest::newRow("customer not cached") << 2 << u"local.unknown_customer"_s;
        QTest::newRow("case not cached") << 3 << u"local.unknown_case"_s;
        QTest::newRow("ends before it starts") << 4 << u"json.invalid_field"_s;
        QTest::newRow("recorded already") << 5 << u"contact.duplicate"_s;
    }

    void recordContactRefusesAndSavesNothing()
    {
        QFETCH(int, problem);
        QFETCH(QString, code);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        Contact contact = wrappedUpContact(utc(2026, 11, 23, 14));
        if (problem == 5) {
            Contact earlier = contact;
            earlier.startedAt = utc(2026, 11, 1);
            earlier.endedAt = utc(2026, 11, 1, 0, 5);
            QVERIFY(ContactStore(desk.db()).insert(earlier).ok());
            QVERIFY(CustomerStore(desk.db()).setLastContactAt(kCustomerId, earlier.startedAt).ok());
        }
        const QString before = desk.everything();
        const QDateTime lastBefore = CustomerStore(desk.db()).lastContactAt(kCustomerId).value();
        switch (problem) {
        case 0:
            contact.outcome.reset();
            break;
        case 1:
            contact.endedAt = QDateTime();
            break;
        case 2:
            contact.customerId = kOtherCustomerId;
            break;
        case 3:
            contact.linkedCaseIds = { kCaseId };
            break;
        case 4:
            contact.endedAt = contact.startedAt.addSecs(-1);
            break;
        }
        const Status recorded = desk.changes->recordContact(contact);
        QVERIFY(!recorded.ok());
        QCOMPARE(recorded.error().code, code);
        QCOMPARE(desk.everything(), before);
        QCOMPARE(CustomerStore(desk.db()).lastContactAt(kCustomerId).value(), lastBefore);
        QVERIFY(desk.outbox().isEmpty());
    }

    void linkContactLinksAnAnonymousRecordedContactOnce()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        const Contact anonymous = wrappedUpContact(utc(2026, 11, 22, 11), QUuid());
        QVERIFY(desk.changes->recordContact(anonymous).ok());
        QVERIFY(!CustomerStore(desk.db()).lastContactAt(kCustomerId).value().isValid());

        desk.now = kNow.addSecs(60);
        const Status linked = desk.changes->linkContact(anonymous.id, kCustomerId);
        QVERIFY2(linked.ok(), qPrintable(why(linked)));
        Contact expected = anonymous;
        expected.customerId = kCustomerId;
        QVERIFY(ContactStore(desk.db()).byId(anonymous.id).value().value() == expected);
        QCOMPARE(CustomerStore(desk.db()).lastContactAt(kCustomerId).value(), anonymous.startedAt);

        const QList<OutboxEntry> outbox = desk.outbox();
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(outbox.at(0).mutation.operation, u"create"_s);
        const OutboxMutation &link = outbox.at(1).mutation;
        QCOMPARE(link.entity, u"contact"_s);
        QCOMPARE(link.operation, u"link"_s);
        QCOMPARE(link.entityId, anonymous.id);
        QVERIFY(!link.baseRevision.has_value());
        compareJson(link.payload, QJsonObject { { u"customer_id"_s, u"4d6f3c1e-2b7a-4f0e-9a51-0c2d8e6b7a10"_s } });
        QCOMPARE(link.createdAt, kNow.addSecs(60));
        QVERIFY(readsBackOnTheWire(outbox.at(1)));

        // Once.
        QVERIFY(desk.seedCustomer(pulledCustomer(kOtherCustomerId)));
        const QString before = desk.everything();
        for (const QUuid &customer : { kCustomerId, kOtherCustomerId }) {
            const Status again = desk.changes->linkContact(anonymous.id, customer);
            QVERIFY(!again.ok());
            QCOMPARE(again.error().code, u"local.already_linked"_s);
        }
        QCOMPARE(desk.everything(), before);
    }

    void linkContactRefusesAndSavesNothing_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("code");
        QTest::newRow("contact not cached") << 0 << u"local.not_found"_s;
        QTest::newRow("customer not cached") << 1 << u"local.unknown_customer"_s;
        QTest::newRow("contact not recorded yet") << 2 << u"local.not_wrapped_up"_s;
    }

    void linkContactRefusesAndSavesNothing()
    {
        QFETCH(int, problem);
        QFETCH(QString, code);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        Contact anonymous = wrappedUpContact(utc(2026, 11, 22, 11), QUuid());
        if (problem == 2) {
            anonymous.outcome.reset();
            anonymous.endedAt = QDateTime();
        }
        QVERIFY(ContactStore(desk.db()).insert(anonymous).ok());
        const QString before = desk.everything();
        const Status linked = desk.changes->linkContact(problem == 0 ? QUuid::createUuid() : anonymous.id,
                                                        problem == 1 ? kOtherCustomerId : kCustomerId);
        QVERIFY(!linked.ok());
        QCOMPARE(linked.error().code, code);
        QCOMPARE(desk.everything(), before);
    }

    // --- audit

    void recordAuditQueuesTheEventAndStoresNothingElse()
    {
        Desk desk;
        QVERIFY(desk.open());
        const QString before = desk.everything();
        const QDateTime at = utc(2026, 11, 23, 15, 0, 0, 42);
        const Status recorded
            = desk.changes->recordAudit(u"view"_s, u"customer"_s, kCustomerId, u"search result"_s, at);
        QVERIFY2(recorded.ok(), qPrintable(why(recorded)));
        const QList<OutboxEntry> outbox = desk.outbox();
        QCOMPARE(outbox.size(), 1);
        const QUuid eventId = outbox.first().mutation.entityId;
        QVERIFY(!eventId.isNull());
        QVERIFY(eventId != kCustomerId);
        const QJsonObject record {
            { u"at"_s, u"2026-11-23T15:00:00.042Z"_s },
            { u"action"_s, u"view"_s },
            { u"entity"_s, u"customer"_s },
            { u"entity_id"_s, u"4d6f3c1e-2b7a-4f0e-9a51-0c2d8e6b7a10"_s },
            { u"detail"_s, u"search result"_s },
        };
        checkOnlyEntry(desk, u"audit"_s, u"append"_s, eventId, std::nullopt, QJsonObject { { u"record"_s, record } },
                       at);
        // Nothing but the outbox row.
        QSqlQuery clearOutbox(desk.db());
        QVERIFY(clearOutbox.exec(u"DELETE FROM outbox"_s));
        QCOMPARE(desk.everything(), before);

        // Each event is its own record, even the same view twice.
        QVERIFY(desk.changes->recordAudit(u"view"_s, u"customer"_s, kCustomerId, u""_s, at).ok());
        QVERIFY(desk.changes->recordAudit(u"view"_s, u"customer"_s, kCustomerId, u""_s, at).ok());
        const QList<OutboxEntry> twice = desk.outbox();
        QCOMPARE(twice.size(), 2);
        QVERIFY(twice.at(0).mutation.entityId != twice.at(1).mutation.entityId);
    }

    void recordAuditRefusesAnEventTheServerWouldNotKeep_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QUuid>("entityId");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QDateTime>("at");
        QTest::newRow("no action") << u""_s << u"customer"_s << kCustomerId << u""_s << kNow;
        QTest::newRow("no entity") << u"view"_s << u""_s << kCustomerId << u""_s << kNow;
        QTest::newRow("no entity id") << u"view"_s << u"customer"_s << QUuid() << u""_s << kNow;
        QTest::newRow("no time") << u"view"_s << u"customer"_s << kCustomerId << u""_s << QDateTime();
        QTest::newRow("long action") << QString(41, u'v') << u"customer"_s << kCustomerId << u""_s << kNow;
        QTest::newRow("long detail") << u"view"_s << u"customer"_s << kCustomerId << QString(2001, u'd') << kNow;
    }

    void recordAuditRefusesAnEventTheServerWouldNotKeep()
    {
        QFETCH(QString, action);
        QFETCH(QString, entity);
        QFETCH(QUuid, entityId);
        QFETCH(QString, detail);
        QFETCH(QDateTime, at);
        Desk desk;
        QVERIFY(desk.open());
        const Status recorded = desk.changes->recordAudit(action, entity, entityId, detail, at);
        QVERIFY(!recorded.ok());
        QCOMPARE(recorded.error().code, u"local.invalid"_s);
        QVERIFY(desk.outbox().isEmpty());
    }

    // --- conflicts

    void resolveConflictQueuesTheChoiceMarksItAndShowsTheChosenValue_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("town");
        QTest::addColumn<QJsonObject>("payload");
        QTest::newRow("server") << u"server"_s << QJsonValue(QJsonValue::Undefined) << u"Plympton"_s
                                << QJsonObject { { u"choice"_s, u"server"_s } };
        QTest::newRow("client") << u"client"_s << QJsonValue(QJsonValue::Undefined) << u"Saltash"_s
                                << QJsonObject { { u"choice"_s, u"client"_s } };
        QTest::newRow("value") << u"value"_s << QJsonValue(u"Ivybridge"_s) << u"Ivybridge"_s
                               << QJsonObject { { u"choice"_s, u"value"_s }, { u"value"_s, u"Ivybridge"_s } };
    }

    void resolveConflictQueuesTheChoiceMarksItAndShowsTheChosenValue()
    {
        QFETCH(QString, choice);
        QFETCH(QJsonValue, value);
        QFETCH(QString, town);
        QFETCH(QJsonObject, payload);
        Desk desk;
        QVERIFY(desk.open());
        Customer pulled = pulledCustomer();
        pulled.address.town = u"Plympton"_s; // the server kept its value
        QVERIFY(desk.seedCustomer(pulled));
        ConflictStore conflicts(desk.db());
        QVERIFY(conflicts.upsert(customerConflict()).ok());
        QCOMPARE(conflicts.unresolvedCount().value(), qint64(1));

        const Status resolved = desk.changes->resolveConflict(kConflictId, choice, value);
        QVERIFY2(resolved.ok(), qPrintable(why(resolved)));
        QCOMPARE(conflicts.unresolvedCount().value(), qint64(0));
        const SyncConflict settled = conflicts.byId(kConflictId).value().value();
        QCOMPARE(settled.resolution, choice);
        QCOMPARE(settled.resolvedBy, u"s.jones"_s);
        QCOMPARE(settled.resolvedAt, kNow);
        const Customer shown = CustomerStore(desk.db()).byId(kCustomerId).value().value();
        QCOMPARE(shown.address.town, town);
        QCOMPARE(shown.revision, qint64(4));
        checkOnlyEntry(desk, u"conflict"_s, u"resolve"_s, kConflictId, 1, payload);
    }

    void resolveConflictOfACaseStatusGoesThroughTheStateMachine()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        QVERIFY(desk.seedCase(pulledCase(CaseStatus::InProgress)));
        SyncConflict conflict = customerConflict();
        conflict.entity = u"case"_s;
        conflict.entityId = kCaseId;
        conflict.field = u"status"_s;
        conflict.baseValue = u"assigned"_s;
        conflict.serverValue = u"in_progress"_s;
        conflict.clientValue = u"resolved"_s;
        QVERIFY(ConflictStore(desk.db()).upsert(conflict).ok());
        QVERIFY(desk.changes->resolveConflict(kConflictId, u"client"_s).ok());
        const Case shown = CaseStore(desk.db()).byId(kCaseId).value().value();
        QCOMPARE(shown.status, CaseStatus::Resolved);
        QCOMPARE(shown.resolvedAt, kNow);
        QCOMPARE(desk.outbox().size(), 1);

        // A value the state machine refuses is refused here, and the conflict stays open.
        conflict.id = QUuid::createUuid();
        conflict.clientValue = u"new"_s;
        QVERIFY(ConflictStore(desk.db()).upsert(conflict).ok());
        const QString before = desk.everything();
        const Status illegal = desk.changes->resolveConflict(conflict.id, u"client"_s);
        QVERIFY(!illegal.ok());
        QCOMPARE(illegal.error().code, u"case.illegal_transition"_s);
        QCOMPARE(desk.everything(), before);
    }

    void resolveConflictRefusesAndSavesNothing_data()
    {
        QTest::addColumn<QUuid>("conflictId");
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        const QJsonValue none(QJsonValue::Undefined);
        QTest::newRow("unknown choice") << kConflictId << u"mine"_s << none << u"local.invalid"_s;
        QTest::newRow("value without one") << kConflictId << u"value"_s << none << u"local.invalid"_s;
        QTest::newRow("unknown conflict") << QUuid::createUuid() << u"server"_s << none << u"local.not_found"_s;
        QTest::newRow("a value the server refuses")
            << kConflictId << u"value"_s << QJsonValue(QString(201, u'x')) << u"json.invalid_field"_s;
        QTest::newRow("a value of the wrong type")
            << kConflictId << u"value"_s << QJsonValue(3) << u"json.invalid_field"_s;
    }

    void resolveConflictRefusesAndSavesNothing()
    {
        QFETCH(QUuid, conflictId);
        QFETCH(QString, choice);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        QVERIFY(ConflictStore(desk.db()).upsert(customerConflict()).ok());
        const QString before = desk.everything();
        const Status resolved = desk.changes->resolveConflict(conflictId, choice, value);
        QVERIFY(!resolved.ok());
        QCOMPARE(resolved.error().code, code);
        QCOMPARE(desk.everything(), before);
    }

    void resolveConflictRefusesAConflictSettledAlready()
    {
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        QVERIFY(ConflictStore(desk.db()).upsert(customerConflict()).ok());
        QVERIFY(desk.changes->resolveConflict(kConflictId, u"server"_s).ok());
        const QString before = desk.everything();
        const Status again = desk.changes->resolveConflict(kConflictId, u"client"_s);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"local.already_resolved"_s);
        QCOMPARE(desk.everything(), before);
    }

    // --- all together

    void theOutboxHoldsOneEntryPerChangeInTheOrderTheyWereMade()
    {
        Desk desk;
        QVERIFY(desk.open());
        Result<Customer> customer = desk.changes->createCustomer(draftCustomer(), kNow);
        QVERIFY(customer.ok());
        Customer edited = customer.value();
        edited.emails = { u"lukasz@example.pl"_s };
        QVERIFY(desk.changes->updateCustomer(edited, kNow.addSecs(1)).ok());
        PostalAddress moved = edited.address;
        moved.postcode = u"PL6 5XY"_s;
        QVERIFY(desk.changes->moveAddress(customer->id, moved, kNow.addSecs(2)).ok());
        Case draft = draftCase();
        draft.customerId = customer->id;
        Result<Case> serviceCase = desk.changes->createCase(draft, kNow.addSecs(3));
        QVERIFY(serviceCase.ok());
        Case assigned = serviceCase.value();
        assigned.status = CaseStatus::Assigned;
        QVERIFY(desk.changes->updateCase(assigned, kNow.addSecs(4)).ok());
        Contact contact = wrappedUpContact(kNow, customer->id);
        contact.linkedCaseIds = { serviceCase->id };
        QVERIFY(desk.changes->recordContact(contact).ok());
        QVERIFY(desk.changes->recordAudit(u"view"_s, u"customer"_s, customer->id, {}, kNow.addSecs(5)).ok());

        const QList<OutboxEntry> outbox = desk.outbox();
        QStringList kinds;
        QSet<QUuid> mutationIds;
        for (qsizetype i = 0; i < outbox.size(); ++i) {
            kinds.append(outbox.at(i).mutation.entity + u'.' + outbox.at(i).mutation.operation);
            mutationIds.insert(outbox.at(i).mutation.mutationId);
            if (i > 0)
                QVERIFY(outbox.at(i).seq > outbox.at(i - 1).seq);
            QVERIFY(readsBackOnTheWire(outbox.at(i)));
        }
        QCOMPARE(kinds,
                 (QStringList { u"customer.create"_s, u"customer.update"_s, u"customer.update"_s, u"case.create"_s,
                                u"case.update"_s, u"contact.create"_s, u"audit.append"_s }));
        QCOMPARE(mutationIds.size(), outbox.size());
        // Each update is based on the revision the desk held: 0 until the server's first one arrives.
        QCOMPARE(outbox.at(1).mutation.baseRevision, std::optional<qint64>(0));
        QCOMPARE(outbox.at(2).mutation.baseRevision, std::optional<qint64>(0));
        compareJson(
            outbox.at(1).mutation.payload,
            QJsonObject {
                { u"changes"_s,
                  QJsonObject { { u"emails"_s, change(QJsonArray(), QJsonArray { u"lukasz@example.pl"_s }) } } } });
        QCOMPARE(outbox.at(2).mutation.createdAt, kNow.addSecs(2));
        QCOMPARE(outbox.at(4).mutation.createdAt, kNow.addSecs(4));
    }

    void aFailedOutboxWriteLeavesNoChangeInTheCache_data()
    {
        QTest::addColumn<int>("operation");
        const char *names[] = { "createCustomer", "updateCustomer", "moveAddress", "createCase",     "updateCase",
                                "recordContact",  "linkContact",    "recordAudit", "resolveConflict" };
        for (int i = 0; i < int(std::size(names)); ++i)
            QTest::newRow(names[i]) << i;
    }

    void aFailedOutboxWriteLeavesNoChangeInTheCache()
    {
        QFETCH(int, operation);
        Desk desk;
        QVERIFY(desk.open());
        QVERIFY(desk.seedCustomer());
        QVERIFY(desk.seedCase(pulledCase(CaseStatus::InProgress)));
        const Contact anonymous = wrappedUpContact(utc(2026, 11, 23, 10), QUuid());
        QVERIFY(ContactStore(desk.db()).insert(anonymous).ok());
        QVERIFY(ConflictStore(desk.db()).upsert(customerConflict()).ok());
        {
            // Failure injection: the outbox refuses every row, after the store writes have been made.
            QSqlQuery trigger(desk.db());
            QVERIFY(trigger.exec(u"CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox "
                                 "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s));
        }
        const QString before = desk.everything();
        Customer edited = pulledCustomer();
        edited.givenName = u"Sian"_s;
        Case moved = pulledCase(CaseStatus::InProgress);
        moved.status = CaseStatus::Resolved;
        PostalAddress address = edited.address;
        address.postcode = u"PL6 5XY"_s;

        Error error;
        auto failed = [&error](const auto &result) {
            if (result.ok())
                return false;
            error = result.error();
            return true;
        };
        bool refused = false;
        switch (operation) {
        case 0:
            refused = failed(desk.changes->createCustomer(draftCustomer(), kNow));
            break;
        case 1:
            refused = failed(desk.changes->updateCustomer(edited, kNow));
            break;
        case 2:
            refused = failed(desk.changes->moveAddress(kCustomerId, address, kNow));
            break;
        case 3:
            refused = failed(desk.changes->createCase(draftCase(), kNow));
            break;
        case 4:
            refused = failed(desk.changes->updateCase(moved, kNow));
            break;
        case 5:
            refused = failed(desk.changes->recordContact(wrappedUpContact(kNow)));
            break;
        case 6:
            refused = failed(desk.changes->linkContact(anonymous.id, kCustomerId));
            break;
        case 7:
            refused = failed(desk.changes->recordAudit(u"view"_s, u"customer"_s, kCustomerId, {}, kNow));
            break;
        case 8:
            refused = failed(desk.changes->resolveConflict(kConflictId, u"client"_s));
            break;
        }
        QVERIFY(refused);
        QCOMPARE(error.code, u"cache.query_failed"_s);
        QVERIFY2(error.message.contains(u"injected failure"_s), qPrintable(error.message));
        QCOMPARE(desk.everything(), before);
        QVERIFY(!CustomerStore(desk.db()).lastContactAt(kCustomerId).value().isValid());
        QCOMPARE(ConflictStore(desk.db()).unresolvedCount().value(), qint64(1));
        // The failed transaction is over: the next change can begin one.
        QSqlQuery drop(desk.db());
        QVERIFY(drop.exec(u"DROP TRIGGER fail_outbox"_s));
        QVERIFY(desk.changes->recordAudit(u"view"_s, u"customer"_s, kCustomerId, {}, kNow).ok());
    }
};

QTEST_GUILESS_MAIN(tst_LocalChanges)
#include "tst_LocalChanges.moc"
