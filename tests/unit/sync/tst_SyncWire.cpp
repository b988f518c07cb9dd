// The sync protocol's messages and the domain records as JSON: exact round trips, and strict reads that
// name the field that is wrong.

#include "core/DomainJson.h"
#include "sync/PublishedRecords.h"
#include "sync/SyncWire.h"

#include <QJsonArray>
#include <QTest>

using namespace fc;
using namespace Qt::StringLiterals;

class tst_SyncWire : public QObject {
    Q_OBJECT

private slots:
    void recordsRoundTripExactly()
    {
        Customer c;
        c.id = QUuid::createUuid();
        c.reference = u"C1234567"_s;
        c.givenName = u"Siân"_s;
        c.familyName = u"Łukasiewicz"_s;
        c.dateOfBirth = QDate(1980, 2, 29);
        c.phones = { u"+447700900123"_s, u"+441752000000"_s };
        c.emails = { u"sian@example.org"_s };
        c.address = { u"Flat 3, Harbour House"_s, u"Coxside"_s, u"Plymouth"_s, u"PL4 0AA"_s, u"100040123"_s };
        c.accessNeeds.needs = AccessNeed::Interpreter;
        c.accessNeeds.interpreterLanguage = u"pl"_s;
        c.flags = { CustomerFlag { FlagCategory::VerbalAbuse, u"Shouted at counter staff"_s, QDate(2026, 1, 2), QDate(2026, 7, 2) } };
        c.consents = { true, false, true };
        c.revision = 7;
        c.createdAt = QDateTime(QDate(2026, 1, 1), QTime(9, 0, 0, 123), Qt::UTC);
        c.updatedAt = c.createdAt.addDays(3);
        QCOMPARE(DomainJson::toCustomer(DomainJson::fromCustomer(c)).value(), c);

        Contact contact;
        contact.id = QUuid::createUuid();
        contact.channel = Channel::FaceToFace;
        contact.startedAt = c.createdAt;
        contact.endedAt = c.createdAt.addSecs(300);
        contact.outcome = Outcome::Signposted;
        contact.signpostedTo = u"citizens_advice"_s;
        contact.demand = DemandClassification::failure(FailureKind::ChasingProgress);
        contact.answers = QJsonObject { { u"q1"_s, u"yes"_s } };
        contact.linkedCaseIds = { QUuid::createUuid() };
        QCOMPARE(DomainJson::toContact(DomainJson::fromContact(contact)).value(), contact);
    }

    void strictReadsNameTheField()
    {
        Customer c;
        c.id = QUuid::createUuid();
        c.reference = u"C1"_s;
        QJsonObject json = DomainJson::fromCustomer(c);
        json.insert(u"phones"_s, u"07700 900123"_s);
        Result<Customer> wrongType = DomainJson::toCustomer(json);
        QCOMPARE(wrongType.error().code, u"json.invalid_field"_s);
        QVERIFY(wrongType.error().message.contains(u"customer.phones"_s));
        json = DomainJson::fromCustomer(c);
        json.insert(u"shoe_size"_s, 9);
        QCOMPARE(DomainJson::toCustomer(json).error().code, u"json.unknown_field"_s);
        json = DomainJson::fromCustomer(c);
        json.insert(u"created_at"_s, u"2026-01-01T09:00:00"_s); // no offset: a different time on every desk
        QCOMPARE(DomainJson::toCustomer(json).error().code, u"json.invalid_field"_s);
        json = DomainJson::fromCustomer(c);
        json.insert(u"revision"_s, 1.5);
        QCOMPARE(DomainJson::toCustomer(json).error().code, u"json.invalid_field"_s);
        json.remove(u"revision"_s);
        json.remove(u"id"_s);
        QCOMPARE(DomainJson::toCustomer(json).error().code, u"json.missing_field"_s);
    }

    void validationRefusesWhatAPersonMistyped()
    {
        Customer c;
        c.familyName = u"Jones"_s;
        c.address.postcode = u"PL1 2AA"_s;
        QVERIFY(DomainJson::validateCustomer(c).ok());
        c.address.postcode = u"pl12aa"_s; // not the written form
        QCOMPARE(DomainJson::validateCustomer(c).error().code, u"customer.invalid_postcode"_s);
        c.address.postcode.clear();
        c.phones = { u"12345"_s };
        QCOMPARE(DomainJson::validateCustomer(c).error().code, u"customer.invalid_phone"_s);
        c.phones.clear();
        c.familyName.clear();
        QCOMPARE(DomainJson::validateCustomer(c).error().code, u"customer.no_name"_s);
    }

    void messagesRoundTrip()
    {
        const wire::Mutation m { QUuid::createUuid(), u"case"_s, u"update"_s, QUuid::createUuid(), 3,
                                 { { u"changes"_s, QJsonObject { { u"status"_s, QJsonObject { { u"from"_s, u"new"_s }, { u"to"_s, u"assigned"_s } } } } } } };
        QCOMPARE(wire::readPushRequest(wire::toJson(wire::PushRequest { { m } })).value().mutations, QList<wire::Mutation> { m });
        const wire::MutationResult r { m.id, wire::MutationStatus::Conflict, 4, { u"status"_s }, {}, {} };
        QCOMPARE(wire::readPushResponse(wire::toJson(wire::PushResponse { { r } })).value().results,
                 QList<wire::MutationResult> { r });
        wire::PullPage page;
        page.epoch = u"e"_s;
        page.cursor = u"abc"_s;
        page.more = true;
        page.phase = u"snapshot"_s;
        page.done = 10;
        page.total = 20;
        page.changes = { { u"contact"_s, u"delete"_s, QUuid::createUuid(), 0, {} } };
        QCOMPARE(wire::readPullPage(wire::toJson(page)).value(), page);
    }

    void malformedMessagesAreRefused()
    {
        QCOMPARE(wire::readPullRequest({ { u"limit"_s, 0 } }).error().code, u"json.invalid_field"_s);
        QCOMPARE(wire::readPullRequest({ { u"limit"_s, 5001 } }).error().code, u"json.invalid_field"_s);
        QCOMPARE(wire::readPushRequest({}).error().code, u"json.missing_field"_s);
        QCOMPARE(wire::readPushRequest({ { u"mutations"_s, QJsonArray { 1 } } }).error().code, u"json.invalid_field"_s);
        QCOMPARE(wire::readPushRequest({ { u"protocol"_s, 2 }, { u"mutations"_s, QJsonArray {} } }).error().code,
                 u"sync.protocol_mismatch"_s);
        QJsonObject page = wire::toJson(wire::PullPage { u"e"_s, u"c"_s, false, u"log"_s, 0, 0, {} });
        page.insert(u"changes"_s, QJsonArray { QJsonObject { { u"entity"_s, u"spaceship"_s }, { u"op"_s, u"upsert"_s },
                                                             { u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces) },
                                                             { u"record"_s, QJsonObject { { u"x"_s, 1 } } } } });
        QCOMPARE(wire::readPullPage(page).error().code, u"json.invalid_field"_s);
    }

    void publishedScriptsAndArticlesRoundTripAndAreReadStrictly()
    {
        wire::PublishedScript script;
        script.id = u"waste-missed-bin"_s;
        script.version = 3;
        script.service = u"waste"_s;
        script.title = u"Missed bin collection"_s;
        script.publishedAt = QDateTime(QDate(2026, 11, 2), QTime(9, 30, 0, 125), Qt::UTC);
        script.body = QJsonObject { { u"format"_s, 1 }, { u"id"_s, script.id }, { u"version"_s, 3 } };
        QCOMPARE(wire::readPublishedScript(wire::toJson(script)).value(), script);

        wire::PublishedArticle article { KnowledgeArticle { u"bin-day"_s, u"Bin day"_s, QString(),
                                                            { u"bin"_s, u"day"_s }, u"# Bin day\n\nTuesdays."_s },
                                         2, QDateTime(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC) };
        QCOMPARE(wire::readPublishedArticle(wire::toJson(article)).value(), article);

        QJsonObject otherVersion = wire::toJson(script);
        otherVersion.insert(u"body"_s, QJsonObject { { u"id"_s, script.id }, { u"version"_s, 2 } });
        QCOMPARE(wire::readPublishedScript(otherVersion).error().code, u"json.invalid_field"_s);
        QJsonObject unknown = wire::toJson(script);
        unknown.insert(u"status"_s, u"draft"_s);
        QCOMPARE(wire::readPublishedScript(unknown).error().code, u"json.unknown_field"_s);
        QJsonObject noRevision = wire::toJson(article);
        noRevision.remove(u"revision"_s);
        QCOMPARE(wire::readPublishedArticle(noRevision).error().code, u"json.invalid_field"_s);

        // Both are entities a pull may carry.
        const wire::Change change { u"script"_s, u"upsert"_s, QUuid::createUuid(), 3, wire::toJson(script) };
        QCOMPARE(wire::readChange(wire::toJson(change)).value(), change);
        const wire::Change articleChange { u"article"_s, u"upsert"_s, QUuid::createUuid(), 2, wire::toJson(article) };
        QCOMPARE(wire::readChange(wire::toJson(articleChange)).value(), articleChange);
    }
};

QTEST_GUILESS_MAIN(tst_SyncWire)
#include "tst_SyncWire.moc"
