// The sync routes' handlers called directly on SQLite (no HTTP): the first sync's snapshot in pages,
// the change log after it, exactly-once pushes, field merges and conflicts, rejections with reasons,
// and bad cursors. The PostgreSQL-specific ordering proof is in tests/integration.

#include "ServerTestSupport.h"
#include "core/DomainJson.h"
#include "server/ApiDispatcher.h"
#include "server/AuthService.h"
#include "server/DomainRows.h"
#include "server/ServerRoutes.h"
#include "sync/SyncWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"correct horse battery"_s;

QUuid uuidOf(int n)
{
    return QUuid(QStringLiteral("{00000000-0000-4000-8000-%1}").arg(n, 12, 10, QLatin1Char('0')));
}

Customer customer(int n, const QString &given, const QString &family)
{
    Customer c;
    c.id = uuidOf(n);
    c.reference = u"C%1"_s.arg(1000000 + n);
    c.givenName = given;
    c.familyName = family;
    c.address.line1 = u"%1 Mill Street"_s.arg(n);
    c.address.town = u"Plymouth"_s;
    c.address.postcode = u"PL1 2AA"_s;
    c.phones = { u"+447700900%1"_s.arg(100 + n) };
    c.revision = 1;
    c.createdAt = QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
    c.updatedAt = c.createdAt;
    return c;
}

Case openCase(int n, const QUuid &customerId, const QDateTime &raised)
{
    Case c;
    c.id = uuidOf(500 + n);
    c.reference = u"WST-2026-%1"_s.arg(n, 6, 10, QLatin1Char('0'));
    c.customerId = customerId;
    c.service = u"waste"_s;
    c.requestType = u"missed_bin"_s;
    c.status = CaseStatus::New;
    c.raisedAt = raised;
    c.promisedBy = raised.addDays(3);
    c.summary = u"Missed bin"_s;
    c.revision = 1;
    return c;
}

Contact wrappedContact(int n, const QUuid &customerId, const QDateTime &started)
{
    Contact c;
    c.id = uuidOf(800 + n);
    c.customerId = customerId;
    c.channel = Channel::Phone;
    c.agent = u"a.khan"_s;
    c.startedAt = started;
    c.endedAt = started.addSecs(240);
    c.service = u"waste"_s;
    c.reason = u"missed_bin"_s;
    c.outcome = Outcome::ResolvedAtFirstContact;
    return c;
}

} // namespace

class tst_SyncApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<RouteTable> m_routes;
    std::unique_ptr<ApiDispatcher> m_api;
    QString m_token;
    QString m_otherToken;
    const QDateTime m_recent = QDateTime::currentDateTimeUtc().addDays(-3);

    ApiResponse post(const QString &path, const QJsonObject &body, const QString &token)
    {
        ApiRequest request;
        request.method = u"POST"_s;
        request.path = path;
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.remoteAddress = u"10.0.0.1"_s;
        request.headers.insert("content-type", "application/json");
        if (!token.isEmpty())
            request.headers.insert("authorization", "Bearer " + token.toLatin1());
        return m_api->dispatch(request);
    }

    QString login(const QString &user, const QString &device)
    {
        const ApiResponse response = post(u"/v1/auth/login"_s,
                                          { { u"user"_s, user }, { u"password"_s, kPassword },
                                            { u"device_id"_s, device }, { u"device_name"_s, device } },
                                          QString());
        return response.json.value(u"token"_s).toString();
    }

    wire::PullPage pull(const QString &cursor, int limit, const QString &token = QString())
    {
        const ApiResponse response = post(u"/v1/sync/pull"_s, wire::toJson(wire::PullRequest { cursor, limit }),
                                          token.isEmpty() ? m_token : token);
        if (response.status != 200)
            qWarning() << response.json;
        Result<wire::PullPage> page = wire::readPullPage(response.json);
        if (!page)
            qWarning() << page.error().message;
        return page.valueOr(wire::PullPage());
    }

    /// Pulls from `cursor` until nothing more is waiting; every change, in order, and the last cursor.
    QList<wire::Change> pullAll(QString *cursor, int limit = 1000)
    {
        QList<wire::Change> all;
        for (int guard = 0; guard < 1000; ++guard) {
            const wire::PullPage page = pull(*cursor, limit);
            all.append(page.changes);
            *cursor = page.cursor;
            if (!page.more)
                break;
        }
        return all;
    }

    QList<wire::MutationResult> push(const QList<wire::Mutation> &mutations, const QString &token = QString())
    {
        const ApiResponse response = post(u"/v1/sync/push"_s, wire::toJson(wire::PushRequest { mutations }),
                                          token.isEmpty() ? m_token : token);
        if (response.status != 200)
            qWarning() << response.json;
        return wire::readPushResponse(response.json).valueOr(wire::PushResponse()).results;
    }

    static wire::Mutation edit(const QString &entity, const QUuid &id, const QJsonObject &changes)
    {
        return wire::Mutation { QUuid::createUuid(), entity, u"update"_s, id, 1, { { u"changes"_s, changes } } };
    }

    static QJsonObject change(const QJsonValue &from, const QJsonValue &to)
    {
        return { { u"from"_s, from }, { u"to"_s, to } };
    }

    void insertRow(const QString &table, const QStringList &columns, const QVariantList &values)
    {
        const QString sql = u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, columns.join(u", "_s),
                                                                     QStringList(columns.size(), u"?"_s).join(u", "_s));
        QVERIFY2(m_db->run(sql, values).ok(), qPrintable(table));
    }

    void seed(int customers)
    {
        for (int n = 1; n <= customers; ++n)
            insertRow(u"customers"_s, DomainRows::customerColumns(), DomainRows::customerRow(customer(n, u"Sian"_s, u"Jones"_s)));
        insertRow(u"cases"_s, DomainRows::caseColumns(), DomainRows::caseRow(openCase(1, uuidOf(1), m_recent)));
        Contact contact = wrappedContact(1, uuidOf(1), m_recent);
        contact.linkedCaseIds = { uuidOf(501) };
        insertRow(u"contacts"_s, DomainRows::contactColumns(), DomainRows::contactRow(contact));
        for (const QVariantList &row : DomainRows::contactCaseRows(contact))
            insertRow(u"contact_cases"_s, DomainRows::contactCaseColumns(), row);
        // A contact from before the window, about nothing open: stays on the server.
        insertRow(u"contacts"_s, DomainRows::contactColumns(),
                  DomainRows::contactRow(wrappedContact(2, uuidOf(1), QDateTime::currentDateTimeUtc().addYears(-5))));
    }

private slots:
    void init()
    {
        m_api.reset();
        m_routes.reset();
        m_auth.reset();
        m_db = test::openMigratedSqlite(m_dir.filePath(u"sync%1.sqlite"_s.arg(++m_counter)));
        QVERIFY(m_db);
        QVERIFY(test::addTestUser(*m_db, u"a.khan"_s, Role::Agent, u"contact-centre"_s, kPassword).ok());
        QVERIFY(test::addTestUser(*m_db, u"b.lee"_s, Role::Counter, u"civic-centre"_s, kPassword).ok());
        AuthPolicy policy;
        policy.passwordCost = PasswordCost::minimum();
        m_auth = std::make_unique<AuthService>(*m_db, policy);
        Result<RouteTable> routes = buildServerRoutes(*m_auth, *m_db, FeedSettings { 730 });
        QVERIFY(routes.ok());
        m_routes = std::make_unique<RouteTable>(routes.value());
        m_api = std::make_unique<ApiDispatcher>(*m_routes, *m_auth, *m_db);
        m_token = login(u"a.khan"_s, u"desk-1"_s);
        m_otherToken = login(u"b.lee"_s, u"counter-1"_s);
        QVERIFY(!m_token.isEmpty());
        QVERIFY(!m_otherToken.isEmpty());
    }

    void cleanup()
    {
        m_api.reset();
        m_routes.reset();
        m_auth.reset();
        m_db.reset();
    }

    void aFirstSyncSendsEveryRecordOnceInPagesWithProgress()
    {
        seed(25);
        QString cursor;
        QList<wire::Change> all;
        qint64 lastDone = -1;
        qint64 total = 0;
        int pages = 0;
        for (;;) {
            const wire::PullPage page = pull(cursor, 7);
            QVERIFY(!page.cursor.isEmpty());
            ++pages;
            all.append(page.changes);
            cursor = page.cursor;
            if (page.phase == u"snapshot"_s) {
                QVERIFY(page.done > lastDone);
                lastDone = page.done;
                total = page.total;
                QVERIFY(page.more);
            }
            if (!page.more)
                break;
        }
        // 25 customers, the open case, the recent contact; not the 5-year-old contact.
        QCOMPARE(total, 27);
        QCOMPARE(lastDone, 27);
        QVERIFY(pages >= 4);
        QSet<QString> keys;
        for (const wire::Change &change : all)
            keys.insert(change.entity + change.id.toString());
        QCOMPARE(keys.size(), 27);
        QVERIFY(!keys.contains(u"contact"_s + uuidOf(802).toString()));
        // The contact came with the case it touched.
        for (const wire::Change &change : all) {
            if (change.entity == u"contact"_s)
                QCOMPARE(change.record.value(u"linked_case_ids"_s).toArray(),
                         QJsonArray { uuidOf(501).toString(QUuid::WithoutBraces) });
        }
        // The records read back as the domain types.
        const Result<Customer> first = DomainJson::toCustomer(all.first().record);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->familyName, u"Jones"_s);
        QCOMPARE(first->phones.size(), 1);

        // Later writes arrive through the log; an idle pull returns nothing and keeps the place.
        const wire::PullPage idle = pull(cursor, 100);
        QCOMPARE(idle.phase, u"log"_s);
        QVERIFY(idle.changes.isEmpty());
        QVERIFY(!idle.more);
    }

    void editsAfterTheSnapshotArriveThroughTheLogAsTheCurrentRecord()
    {
        seed(3);
        QString cursor;
        pullAll(&cursor);
        const QList<wire::MutationResult> results
            = push({ edit(u"customer"_s, uuidOf(2), { { u"town"_s, change(u"Plymouth"_s, u"Saltash"_s) } }),
                     edit(u"customer"_s, uuidOf(2), { { u"address_line2"_s, change(u""_s, u"Keyham"_s) } }) });
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).status, wire::MutationStatus::Applied);
        QCOMPARE(results.at(0).revision, 2);
        QCOMPARE(results.at(1).revision, 3);
        const QList<wire::Change> changes = pullAll(&cursor);
        // Two log entries for one customer: its current state, once.
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().revision, 3);
        QCOMPARE(changes.first().record.value(u"town"_s).toString(), u"Saltash"_s);
        QCOMPARE(changes.first().record.value(u"address_line2"_s).toString(), u"Keyham"_s);
        QVERIFY(pullAll(&cursor).isEmpty());
    }

    void theSameMutationTwiceIsAppliedOnceAndAnsweredAlike()
    {
        seed(1);
        const wire::Mutation mutation = edit(u"customer"_s, uuidOf(1), { { u"title"_s, change(u""_s, u"Mrs"_s) } });
        const QList<wire::MutationResult> first = push({ mutation });
        const QList<wire::MutationResult> again = push({ mutation });
        QCOMPARE(first.size(), 1);
        QCOMPARE(again, first);
        QCOMPARE(m_db->scalar(u"SELECT revision FROM customers WHERE id = ?"_s, { uuidOf(1).toString(QUuid::WithoutBraces) })
                     .value()
                     .toInt(),
                 2);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM applied_mutations"_s).value().toInt(), 1);
        // Another user sending the same id is refused and changes nothing.
        const QList<wire::MutationResult> stolen = push({ mutation }, m_otherToken);
        QCOMPARE(stolen.first().status, wire::MutationStatus::Rejected);
        QCOMPARE(stolen.first().code, u"mutation.id_taken"_s);
    }

    void differentFieldsMergeAndTheSameFieldBecomesAConflict()
    {
        seed(1);
        const QUuid id = uuidOf(1);
        // Both desks started from revision 1.
        const QList<wire::MutationResult> desk1 = push({ edit(u"customer"_s, id,
                                                              { { u"town"_s, change(u"Plymouth"_s, u"Saltash"_s) },
                                                                { u"title"_s, change(u""_s, u"Ms"_s) } }) });
        const QList<wire::MutationResult> desk2
            = push({ edit(u"customer"_s, id, { { u"town"_s, change(u"Plymouth"_s, u"Tavistock"_s) },
                                               { u"preferred_name"_s, change(u""_s, u"Sue"_s) } }) },
                   m_otherToken);
        QCOMPARE(desk1.first().status, wire::MutationStatus::Applied);
        QCOMPARE(desk2.first().status, wire::MutationStatus::Conflict);
        QCOMPARE(desk2.first().conflictFields, QStringList { u"town"_s });
        QCOMPARE(desk2.first().revision, 3); // preferred_name merged
        const QString idText = id.toString(QUuid::WithoutBraces);
        QCOMPARE(m_db->scalar(u"SELECT town FROM customers WHERE id = ?"_s, { idText }).value().toString(), u"Saltash"_s);
        QCOMPARE(m_db->scalar(u"SELECT preferred_name FROM customers WHERE id = ?"_s, { idText }).value().toString(),
                 u"Sue"_s);
        QCOMPARE(m_db->scalar(u"SELECT title FROM customers WHERE id = ?"_s, { idText }).value().toString(), u"Ms"_s);

        // The conflict travels to desks with both values.
        QString cursor;
        const QList<wire::Change> all = pullAll(&cursor);
        QList<wire::Change> conflicts;
        for (const wire::Change &c : all) {
            if (c.entity == u"conflict"_s)
                conflicts.append(c);
        }
        QCOMPARE(conflicts.size(), 1);
        const QJsonObject conflict = conflicts.first().record;
        QCOMPARE(conflict.value(u"field"_s).toString(), u"town"_s);
        QCOMPARE(conflict.value(u"server_value"_s).toString(), u"Saltash"_s);
        QCOMPARE(conflict.value(u"client_value"_s).toString(), u"Tavistock"_s);
        QCOMPARE(conflict.value(u"base_value"_s).toString(), u"Plymouth"_s);
        QCOMPARE(conflict.value(u"user"_s).toString(), u"b.lee"_s);

        // A person settles it for the desk's value: the record changes, the conflict is closed and both
        // reach desks through the log.
        const wire::Mutation settle { QUuid::createUuid(), u"conflict"_s, u"resolve"_s, conflicts.first().id, std::nullopt,
                                      { { u"choice"_s, u"client"_s } } };
        QCOMPARE(push({ settle }).first().status, wire::MutationStatus::Applied);
        QCOMPARE(m_db->scalar(u"SELECT town FROM customers WHERE id = ?"_s, { idText }).value().toString(), u"Tavistock"_s);
        const QList<wire::Change> after = pullAll(&cursor);
        QCOMPARE(after.size(), 2);
        bool sawResolved = false;
        for (const wire::Change &c : after) {
            if (c.entity == u"conflict"_s)
                sawResolved = !c.record.value(u"resolved_at"_s).isNull() && c.record.value(u"resolution"_s) == u"client"_s;
        }
        QVERIFY(sawResolved);
        // Settling twice the other way is refused.
        const wire::Mutation other { QUuid::createUuid(), u"conflict"_s, u"resolve"_s, conflicts.first().id, std::nullopt,
                                     { { u"choice"_s, u"server"_s } } };
        QCOMPARE(push({ other }).first().code, u"conflict.already_resolved"_s);
    }

    void theSameEditFromTwoDesksAgreesWithoutAConflict()
    {
        seed(1);
        const QJsonObject town { { u"town"_s, change(u"Plymouth"_s, u"Saltash"_s) } };
        QCOMPARE(push({ edit(u"customer"_s, uuidOf(1), town) }).first().status, wire::MutationStatus::Applied);
        QCOMPARE(push({ edit(u"customer"_s, uuidOf(1), town) }, m_otherToken).first().status,
                 wire::MutationStatus::Applied);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM sync_conflicts"_s).value().toInt(), 0);
    }

    void invalidMutationsAreRejectedWithAReasonAndChangeNothing()
    {
        seed(1);
        const QUuid id = uuidOf(1);
        const auto codeOf = [this](const wire::Mutation &m) { return push({ m }).value(0).code; };
        QCOMPARE(codeOf(edit(u"customer"_s, id, { { u"postcode"_s, change(u"PL1 2AA"_s, u"PL1 ZZZ"_s) } })),
                 u"customer.invalid_postcode"_s);
        QCOMPARE(codeOf(edit(u"customer"_s, id, { { u"reference"_s, change(u"C1000001"_s, u"C9"_s) } })),
                 u"mutation.field_not_editable"_s);
        QCOMPARE(codeOf(edit(u"customer"_s, id, { { u"town"_s, QJsonObject { { u"to"_s, u"X"_s } } } })),
                 u"mutation.invalid"_s);
        QCOMPARE(codeOf(edit(u"customer"_s, uuidOf(99), { { u"town"_s, change(u""_s, u"X"_s) } })),
                 u"customer.not_found"_s);
        QCOMPARE(codeOf(wire::Mutation { QUuid::createUuid(), u"customer"_s, u"explode"_s, id, std::nullopt, {} }),
                 u"mutation.unknown_kind"_s);
        QCOMPARE(codeOf(edit(u"case"_s, uuidOf(501), { { u"status"_s, change(u"new"_s, u"resolved"_s) } })),
                 u"case.illegal_transition"_s);
        Contact open = wrappedContact(5, id, m_recent);
        open.outcome.reset();
        open.endedAt = QDateTime();
        QCOMPARE(codeOf(wire::Mutation { QUuid::createUuid(), u"contact"_s, u"create"_s, open.id, std::nullopt,
                                         { { u"record"_s, DomainJson::fromContact(open) } } }),
                 u"contact.not_wrapped_up"_s);
        QJsonObject typo = DomainJson::fromContact(wrappedContact(6, id, m_recent));
        typo.insert(u"outcomee"_s, u"resolved"_s);
        QCOMPARE(codeOf(wire::Mutation { QUuid::createUuid(), u"contact"_s, u"create"_s, uuidOf(806), std::nullopt,
                                         { { u"record"_s, typo } } }),
                 u"json.unknown_field"_s);
        // The refused edit of customer 1 sends its true state back to desks through the log.
        QVERIFY(m_db->scalar(u"SELECT count(*) FROM change_log WHERE entity = 'customer' AND entity_id = ?"_s,
                             { id.toString(QUuid::WithoutBraces) })
                    .value()
                    .toInt()
                > 1);
        // Nothing changed: revision 1 and the original postcode.
        QCOMPARE(m_db->scalar(u"SELECT revision || postcode FROM customers"_s).value().toString(), u"1PL1 2AA"_s);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM contacts"_s).value().toInt(), 2);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM applied_mutations WHERE status = 'rejected'"_s).value().toInt(), 8);
    }

    void newRecordsFromADeskGetServerReferencesAndContactsLinkTheirCases()
    {
        seed(1);
        Customer fresh = customer(40, u"Aled"_s, u"Pritchard"_s);
        fresh.reference = u"P-40"_s; // provisional, made on the desk
        Case raised = openCase(40, fresh.id, m_recent);
        raised.reference = QString();
        Contact contact = wrappedContact(40, fresh.id, m_recent.addSecs(-60));
        contact.outcome = Outcome::RequestRaised;
        contact.linkedCaseIds = { raised.id };
        const QList<wire::MutationResult> results = push({
            { QUuid::createUuid(), u"customer"_s, u"create"_s, fresh.id, std::nullopt,
              { { u"record"_s, DomainJson::fromCustomer(fresh) } } },
            { QUuid::createUuid(), u"case"_s, u"create"_s, raised.id, std::nullopt,
              { { u"record"_s, DomainJson::fromCase(raised) } } },
            { QUuid::createUuid(), u"contact"_s, u"create"_s, contact.id, std::nullopt,
              { { u"record"_s, DomainJson::fromContact(contact) } } },
        });
        QCOMPARE(results.size(), 3);
        for (const wire::MutationResult &result : results)
            QVERIFY2(result.status == wire::MutationStatus::Applied, qPrintable(result.code + u' ' + result.message));
        QCOMPARE(m_db->scalar(u"SELECT reference FROM customers WHERE id = ?"_s, { fresh.id.toString(QUuid::WithoutBraces) })
                     .value()
                     .toString(),
                 u"C1000002"_s);
        const QString caseReference
            = m_db->scalar(u"SELECT reference FROM cases WHERE id = ?"_s, { raised.id.toString(QUuid::WithoutBraces) })
                  .value()
                  .toString();
        QCOMPARE(caseReference, u"WST-%1-000002"_s.arg(m_recent.date().year()));
        QCOMPARE(m_db->scalar(u"SELECT raising_contact_id FROM cases WHERE id = ?"_s,
                              { raised.id.toString(QUuid::WithoutBraces) })
                     .value()
                     .toString(),
                 contact.id.toString(QUuid::WithoutBraces));
        // The same contact again (a new mutation id, as after a lost outbox row) adds nothing.
        QCOMPARE(push({ { QUuid::createUuid(), u"contact"_s, u"create"_s, contact.id, std::nullopt,
                          { { u"record"_s, DomainJson::fromContact(contact) } } } })
                     .first()
                     .status,
                 wire::MutationStatus::Applied);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM contacts"_s).value().toInt(), 3);
    }

    void badCursorsAndAReplacedDatabaseAreToldApart()
    {
        seed(1);
        const ApiResponse garbage = post(u"/v1/sync/pull"_s, { { u"cursor"_s, u"not-a-cursor"_s } }, m_token);
        QCOMPARE(garbage.status, 400);
        QCOMPARE(garbage.errorCode(), u"sync.bad_cursor"_s);
        const ApiResponse wrongType = post(u"/v1/sync/pull"_s, { { u"limit"_s, u"many"_s } }, m_token);
        QCOMPARE(wrongType.status, 400);
        QCOMPARE(wrongType.errorCode(), u"json.invalid_field"_s);
        const ApiResponse unknown = post(u"/v1/sync/pull"_s, { { u"cursr"_s, QJsonValue() } }, m_token);
        QCOMPARE(unknown.errorCode(), u"json.unknown_field"_s);
        const ApiResponse noToken = post(u"/v1/sync/pull"_s, {}, QString());
        QCOMPARE(noToken.status, 401);

        QString cursor;
        pullAll(&cursor);
        QVERIFY(m_db->run(u"UPDATE server_meta SET value = 'restored' WHERE key = 'epoch'"_s).ok());
        // A new ChangeFeed per request reads the epoch again.
        const ApiResponse replaced = post(u"/v1/sync/pull"_s, wire::toJson(wire::PullRequest { cursor, 100 }), m_token);
        QCOMPARE(replaced.status, 409);
        QCOMPARE(replaced.errorCode(), u"sync.epoch_changed"_s);
    }

    void aDatabaseRestoredFromABackupIsToldLikeAReplacedOne()
    {
        // A backup keeps the epoch; a desk that pulled past the backup's log must start again all the same.
        seed(3);
        QString cursor;
        pullAll(&cursor);
        const QString backedUp = cursor;
        const qint64 logAtBackup = m_db->scalar(u"SELECT max(position) FROM change_log"_s).value().toLongLong();
        const QList<wire::MutationResult> results
            = push({ edit(u"customer"_s, uuidOf(2), { { u"town"_s, change(u"Plymouth"_s, u"Saltash"_s) } }) });
        QCOMPARE(results.size(), 1);
        QCOMPARE(pullAll(&cursor).size(), 1);
        // Restored: the log ends where the backup's did.
        QVERIFY(m_db->run(u"DELETE FROM change_log WHERE position > ?"_s, { logAtBackup }).ok());
        const ApiResponse restored = post(u"/v1/sync/pull"_s, wire::toJson(wire::PullRequest { cursor, 100 }), m_token);
        QCOMPARE(restored.status, 409);
        QCOMPARE(restored.errorCode(), u"sync.epoch_changed"_s);
        // A desk whose cursor is within the restored log goes on as before.
        const ApiResponse within = post(u"/v1/sync/pull"_s, wire::toJson(wire::PullRequest { backedUp, 100 }), m_token);
        QCOMPARE(within.status, 200);
    }

    void pushRefusesMalformedBatches()
    {
        const ApiResponse notList = post(u"/v1/sync/push"_s, { { u"mutations"_s, u"x"_s } }, m_token);
        QCOMPARE(notList.status, 400);
        const wire::Mutation m = edit(u"customer"_s, uuidOf(1), { { u"town"_s, change(u""_s, u"X"_s) } });
        const ApiResponse twice = post(u"/v1/sync/push"_s, wire::toJson(wire::PushRequest { { m, m } }), m_token);
        QCOMPARE(twice.status, 400);
        QJsonArray many;
        for (int i = 0; i <= wire::kMaximumPushMutations; ++i)
            many.append(wire::toJson(edit(u"customer"_s, uuidOf(1), {})));
        const ApiResponse tooMany = post(u"/v1/sync/push"_s, { { u"mutations"_s, many } }, m_token);
        QCOMPARE(tooMany.status, 400);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM applied_mutations"_s).value().toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncApi)
#include "tst_SyncApi.moc"
