// Sync on the real thing: firstcontact-server processes over real HTTP on a real PostgreSQL (and the
// SQLite default), and real desks (firstcontact-cli profiles, their encrypted caches edited here with
// LocalChanges as the workstation does). First sync of a seeded council; two desks editing offline
// and converging, one conflict shared and settled; a push applied once however it arrives; a hundred
// concurrent writers on two servers while a desk pulls; commits finishing out of order; refusals; a
// replaced database, and one restored from a backup.

#include "HttpTestClient.h"
#include "SyncTestDesk.h"
#include "core/DomainJson.h"
#include "storage/ConflictStore.h"
#include "storage/CustomerStore.h"
#include "storage/KnowledgeStore.h"
#include "storage/ScriptStore.h"
#include "support/PgTestDatabase.h"
#include "sync/LocalChanges.h"
#include "sync/SyncWire.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::synctest;
using fc::server::test::HttpAnswer;
using fc::server::test::HttpTestClient;
using namespace Qt::StringLiterals;

namespace {

struct CouncilCustomer {
    QUuid id;
    QString familyName;
    QString postcode;
    QString town;
    qint64 revision = 0;
};

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QByteArray loginBody(const QString &user, const QString &device)
{
    return QJsonDocument(QJsonObject { { u"user"_s, user },
                                       { u"password"_s, QString::fromLatin1(kPassword) },
                                       { u"device_id"_s, device },
                                       { u"device_name"_s, u"sync integration test"_s } })
        .toJson(QJsonDocument::Compact);
}

QByteArray pushBody(const QList<wire::Mutation> &mutations)
{
    return QJsonDocument(wire::toJson(wire::PushRequest { mutations })).toJson(QJsonDocument::Compact);
}

QByteArray pullBody(const QJsonValue &cursor = QJsonValue(), int limit = 100)
{
    return QJsonDocument(QJsonObject { { u"cursor"_s, cursor }, { u"limit"_s, limit } }).toJson(QJsonDocument::Compact);
}

wire::Mutation townEdit(const CouncilCustomer &customer, const QString &from, const QString &to)
{
    const QJsonObject change { { u"from"_s, from }, { u"to"_s, to } };
    return wire::Mutation {
        QUuid::createUuid(), u"customer"_s,     u"update"_s,
        customer.id,         customer.revision, QJsonObject { { u"changes"_s, QJsonObject { { u"town"_s, change } } } }
    };
}

wire::Mutation contactCreate(const Contact &contact)
{
    return wire::Mutation { QUuid::createUuid(), u"contact"_s,
                            u"create"_s,         contact.id,
                            std::nullopt,        QJsonObject { { u"record"_s, DomainJson::fromContact(contact) } } };
}

/// The answers of a push, by mutation id: "applied:3", "conflict:4", "rejected:code".
QMap<QString, QString> answers(const HttpAnswer &answer)
{
    QMap<QString, QString> byId;
    for (const QJsonValue &value : answer.json.value(u"results"_s).toArray()) {
        const QJsonObject result = value.toObject();
        const QString status = result.value(u"status"_s).toString();
        byId.insert(result.value(u"id"_s).toString(),
                    status + u':'
                        + (status == u"rejected"_s ? result.value(u"code"_s).toString()
                                                   : QString::number(result.value(u"revision"_s).toInteger())));
    }
    return byId;
}

/// A customer as one desk's cache holds it (DomainJson), or an empty object.
QJsonObject cachedCustomer(const SyncTestDesk &desk, const QUuid &id)
{
    Result<QJsonObject> json = desk.inCache([id](QSqlDatabase &db) -> Result<QJsonObject> {
        Result<std::optional<Customer>> customer = CustomerStore(db).byId(id);
        if (!customer)
            return customer.error();
        return customer.value() ? DomainJson::fromCustomer(*customer.value()) : QJsonObject();
    });
    return json ? json.value() : QJsonObject();
}

QStringList cachedIds(const SyncTestDesk &desk, const QString &table)
{
    Result<QStringList> ids = desk.inCache([table](QSqlDatabase &db) { return cacheIds(db, table); });
    return ids ? ids.value() : QStringList();
}

QList<SyncConflict> openConflicts(const SyncTestDesk &desk)
{
    Result<QList<SyncConflict>> conflicts
        = desk.inCache([](QSqlDatabase &db) { return ConflictStore(db).unresolved(); });
    return conflicts ? conflicts.value() : QList<SyncConflict>();
}

/// One of the hundred writers: its own connection to one server, a few pushes one after another, each
/// with two new contacts and an edit of the customer only it edits.
class ConcurrentWriter {
public:
    ConcurrentWriter(int index, QString base, QString token, CouncilCustomer customer, int rounds)
        : m_index(index),
          m_base(std::move(base)),
          m_token(std::move(token)),
          m_customer(std::move(customer)),
          m_rounds(rounds),
          m_town(m_customer.town)
    {
    }

    void start() { sendRound(); }
    bool finished() const { return m_finished; }
    QString problem() const { return m_problem; }
    QList<QUuid> contactIds() const { return m_contacts; }
    QString lastTown() const { return m_town; }
    static QString townFor(int index, int round) { return u"Writer %1 round %2"_s.arg(index).arg(round); }

private:
    void sendRound()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<wire::Mutation> mutations;
        for (int i = 0; i < 2; ++i) {
            const Contact contact = wrappedUpContact(m_customer.id, u"writer"_s, now.addSecs(-60 * (i + 1)),
                                                     u"writer %1 round %2"_s.arg(m_index).arg(m_round));
            m_contacts.append(contact.id);
            mutations.append(contactCreate(contact));
        }
        const QString next = townFor(m_index, m_round);
        mutations.append(townEdit(m_customer, m_town, next));
        QNetworkRequest request(QUrl(m_base + u"/v1/sync/push"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        QNetworkReply *reply = m_network.post(request, pushBody(mutations));
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, next, count = mutations.size()] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonArray results = QJsonDocument::fromJson(reply->readAll()).object().value(u"results"_s).toArray();
            bool allApplied = results.size() == count;
            for (const QJsonValue &result : results)
                allApplied = allApplied && result.toObject().value(u"status"_s).toString() == u"applied"_s;
            if (status != 200 || !allApplied) {
                m_problem = u"writer %1 round %2: HTTP %3, %4"_s.arg(m_index).arg(m_round).arg(status).arg(
                    QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Compact)));
                m_finished = true;
                return;
            }
            m_town = next;
            if (++m_round == m_rounds)
                m_finished = true;
            else
                sendRound();
        });
    }

    int m_index;
    QString m_base;
    QString m_token;
    CouncilCustomer m_customer;
    int m_rounds;
    int m_round = 0;
    QString m_town;
    QNetworkAccessManager m_network;
    QList<QUuid> m_contacts;
    bool m_finished = false;
    QString m_problem;
};

} // namespace

class tst_SyncOverHttp : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // The shared council: 300 seeded customers on PostgreSQL, two stateless servers on it.
    fc::test::PgTestDatabase m_pg;
    SyncServer m_serverA;
    SyncServer m_serverB;
    // A SQLite server with only users, for the refusals.
    QString m_sqlitePath;
    SyncServer m_sqliteServer;
    HttpTestClient m_http;

    CouncilCustomer customerAt(int offset)
    {
        QSqlQuery query(m_pg.database());
        query.prepare(u"SELECT id::text, family_name, postcode, town, revision FROM customers ORDER BY reference"
                      " OFFSET ? LIMIT 1"_s);
        query.addBindValue(offset);
        if (!query.exec() || !query.next())
            return {};
        return CouncilCustomer { QUuid::fromString(query.value(0).toString()), query.value(1).toString(),
                                 query.value(2).toString(), query.value(3).toString(), query.value(4).toLongLong() };
    }

    QString login(const QString &base, const QString &user, const QString &device)
    {
        const HttpAnswer answer = m_http.post(base + u"/v1/auth/login"_s, loginBody(user, device));
        if (answer.status != 200)
            qWarning().noquote() << "login of" << user << "failed:" << answer.status << answer.body;
        return answer.json.value(u"token"_s).toString();
    }

    // A desk signed in to `base` that has finished its first sync.
    void signInAndSync(const SyncTestDesk &desk, const QString &base)
    {
        const CommandRun loggedIn = desk.login(base);
        QVERIFY2(loggedIn.exitCode == 0, qPrintable(loggedIn.out + loggedIn.err));
        const CommandRun synced = desk.sync({ u"--quiet"_s });
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.out + synced.err));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Status created = m_pg.create();
        QVERIFY2(created.ok(), why(created).constData());
        const CommandRun seeded
            = runServerCommand(m_pg.url(), { u"seed-demo"_s, u"--customers"_s, u"300"_s, u"--seed"_s, u"5"_s });
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        QStringList users { u"a.desk"_s, u"b.desk"_s, u"raw.http"_s, u"order.desk"_s, u"pull.desk"_s, u"wipe.desk"_s };
        for (int i = 1; i <= 5; ++i)
            users.append(u"writer.%1"_s.arg(i));
        const QStringList refused { u"auth.ok"_s, u"auth.expired"_s, u"auth.disabled"_s, u"auth.revoked"_s };
        for (const QString &user : users + refused) {
            const CommandRun added = addUser(m_pg.url(), user);
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        QVERIFY2(m_serverA.start(m_pg.url()), qPrintable(m_serverA.error()));
        QVERIFY2(m_serverB.start(m_pg.url()), qPrintable(m_serverB.error()));

        m_sqlitePath = m_dir.filePath(u"refusals.sqlite"_s);
        for (const QString &user : refused) {
            const CommandRun added = addUser(u"sqlite:"_s + m_sqlitePath, user);
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        QVERIFY2(m_sqliteServer.start(u"sqlite:"_s + m_sqlitePath), qPrintable(m_sqliteServer.error()));
    }

    void cleanupTestCase()
    {
        m_serverA.stop();
        m_serverB.stop();
        m_sqliteServer.stop();
    }

    // --- 1. First sync of a seeded council through the CLI, on both back ends.
    void firstSyncBringsTheWholeCouncilWithinTheWindow_data()
    {
        QTest::addColumn<QString>("backEnd");
        QTest::newRow("postgresql") << u"postgresql"_s;
        QTest::newRow("sqlite") << u"sqlite"_s;
    }

    void firstSyncBringsTheWholeCouncilWithinTheWindow()
    {
        QFETCH(QString, backEnd);
        const bool postgres = backEnd == u"postgresql"_s;
        fc::test::PgTestDatabase pg;
        const QString sqlitePath = m_dir.filePath(u"first-sync.sqlite"_s);
        if (postgres) {
            const Status created = pg.create();
            QVERIFY2(created.ok(), why(created).constData());
        }
        const QString url = postgres ? pg.url() : u"sqlite:"_s + sqlitePath;
        const CommandRun seeded
            = runServerCommand(url, { u"seed-demo"_s, u"--customers"_s, u"2000"_s, u"--seed"_s, u"11"_s });
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        QCOMPARE(addUser(url, u"first.sync"_s).exitCode, 0);
        SyncServer server;
        QVERIFY2(server.start(url), qPrintable(server.error()));

        const SyncTestDesk desk(m_dir.filePath(u"first-sync-"_s + backEnd), u"first.sync"_s);
        const CommandRun loggedIn = desk.login(server.baseUrl());
        QVERIFY2(loggedIn.exitCode == 0, qPrintable(loggedIn.err));
        QVERIFY2(loggedIn.out.contains(u"new encrypted cache created"_s), qPrintable(loggedIn.out));
        QCOMPARE(desk.status().value(u"phase"_s).toString(), u"never"_s);

        const SyncWindow window { QDateTime::currentDateTimeUtc() };
        const CommandRun synced = desk.sync({ u"--page-size"_s, u"500"_s });
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.out + synced.err));
        // Progress by page, ending at 100 %.
        const QStringList progress = synced.out.split(u'\n').filter(u"first sync: "_s);
        QVERIFY2(progress.size() >= 5, qPrintable(synced.out));
        const QRegularExpressionMatch last
            = QRegularExpression(u"first sync: (\\d+) / (\\d+) records \\(100%\\)"_s).match(progress.last());
        QVERIFY2(last.hasMatch() && last.captured(1) == last.captured(2), qPrintable(progress.last()));
        QVERIFY2(synced.out.contains(u"in sync: 0 waiting to send, 0 conflicts, 0 refused changes"_s),
                 qPrintable(synced.out));

        const QJsonObject status = desk.status();
        QCOMPARE(status.value(u"phase"_s).toString(), u"log"_s);
        QCOMPARE(status.value(u"pending"_s).toInteger(), qint64(0));
        const auto countAt = [&](const QDateTime &windowStart) {
            return postgres ? pgWindowCounts(pg.database(), windowStart) : sqliteWindowCounts(sqlitePath, windowStart);
        };
        const RecordCounts held = countAt(window.latestStart());
        QCOMPARE(held.customers, qint64(2000));
        QVERIFY(held.cases > 0);
        QVERIFY(held.contacts > 0);
        const QString differs = compareWithServer(deskCounts(status), window, countAt);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        // What the snapshot counted as sent is what the desk holds: every row once, the shipped
        // articles and scripts seed-demo published among them.
        const RecordCounts cached = deskCounts(status);
        const Result<qint64> catalogue = desk.inCache([](QSqlDatabase &db) -> Result<qint64> {
            Result<QList<ScriptVersion>> scripts = ScriptStore(db).list();
            Result<QList<KnowledgeArticle>> articles = KnowledgeStore(db).list();
            if (!scripts || !articles)
                return makeError(u"test.read"_s, u"could not read the scripts or articles"_s);
            return qint64(scripts->size() + articles->size());
        });
        QVERIFY2(catalogue.ok(), why(catalogue).constData());
        QCOMPARE(catalogue.value(), qint64(QDir(u":/scripts"_s).entryList({ u"*.json"_s }).size()
                                           + QDir(u":/knowledge"_s).entryList({ u"*.md"_s }).size()));
        QCOMPARE(last.captured(1).toLongLong(), cached.customers + cached.cases + cached.contacts + catalogue.value());

        // A known customer is found by surname and by postcode.
        QStringList known;
        const QString pick = u"SELECT id, family_name, postcode FROM customers ORDER BY reference LIMIT 1 OFFSET 777"_s;
        if (postgres) {
            QSqlQuery query(pg.database());
            QVERIFY(query.exec(pick) && query.next());
            known = QStringList { query.value(0).toString(), query.value(1).toString(), query.value(2).toString() };
        } else {
            known = sqliteRows(sqlitePath, pick).value(0).split(u'|');
        }
        QCOMPARE(known.size(), 3);
        const QString id = idText(QUuid::fromString(known.at(0)));
        QVERIFY2(!known.at(1).isEmpty() && !known.at(2).isEmpty(), qPrintable(known.join(u", "_s)));
        for (const QString &text : { known.at(1), known.at(2) }) {
            const QJsonArray hits = desk.search(text);
            QStringList ids;
            for (const QJsonValue &hit : hits)
                ids.append(hit.toObject().value(u"id"_s).toString());
            QVERIFY2(ids.contains(id),
                     qPrintable(u"%1 not among %2 hits for '%3'"_s.arg(id).arg(hits.size()).arg(text)));
        }
    }

    // --- 2. Two desks edit offline, converge; then one conflict both desks see and one settles.
    void twoDesksEditingOfflineConverge_data()
    {
        QTest::addColumn<bool>("aFirst");
        QTest::addColumn<int>("customerOffset");
        QTest::newRow("A syncs first") << true << 40;
        QTest::newRow("B syncs first") << false << 41;
    }

    void twoDesksEditingOfflineConverge()
    {
        QFETCH(bool, aFirst);
        QFETCH(int, customerOffset);
        const QString tag = aFirst ? u"a-first"_s : u"b-first"_s;
        const SyncTestDesk a(m_dir.filePath(u"converge-a-"_s + tag), u"a.desk"_s);
        const SyncTestDesk b(m_dir.filePath(u"converge-b-"_s + tag), u"b.desk"_s);
        signInAndSync(a, m_serverA.baseUrl());
        signInAndSync(b, m_serverA.baseUrl());
        if (QTest::currentTestFailed())
            return;
        const CouncilCustomer x = customerAt(customerOffset);
        QVERIFY(!x.id.isNull());

        // Offline: the server is down while both desks work.
        m_serverA.stop();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString newTown = u"Aldermoor "_s + tag;
        const QString newPhone = aFirst ? u"+447700900456"_s : u"+447700900457"_s;
        QList<Contact> contacts;
        for (const auto &[desk, note] : { std::pair { &a, u"A"_s }, std::pair { &b, u"B"_s } }) {
            const bool isA = desk == &a;
            const QList<Contact> made {
                wrappedUpContact(x.id, desk->user(), now.addSecs(isA ? -900 : -800), note + u" one"_s),
                wrappedUpContact(x.id, desk->user(), now.addSecs(isA ? -700 : -600), note + u" two"_s)
            };
            contacts += made;
            const Status edited = desk->inCache([&](QSqlDatabase &db) -> Status {
                LocalChanges local(db, desk->user());
                Result<std::optional<Customer>> current = CustomerStore(db).byId(x.id);
                if (!current)
                    return current.error();
                if (!current.value())
                    return makeError(u"test.not_cached"_s, u"customer X is not in the cache"_s);
                Customer customer = *current.value();
                if (isA)
                    customer.address.town = newTown;
                else
                    customer.phones = QStringList { newPhone };
                if (Result<Customer> saved = local.updateCustomer(customer, now); !saved)
                    return saved.error();
                for (const Contact &contact : made) {
                    if (Status recorded = local.recordContact(contact); !recorded)
                        return recorded;
                }
                return {};
            });
            QVERIFY2(edited.ok(), why(edited).constData());
            QCOMPARE(desk->status().value(u"pending"_s).toInteger(), qint64(3));
        }

        QVERIFY2(m_serverA.restart(), qPrintable(m_serverA.error()));
        const SyncTestDesk &first = aFirst ? a : b;
        const SyncTestDesk &second = aFirst ? b : a;
        for (int round = 0; round < 2; ++round) {
            for (const SyncTestDesk *desk : { &first, &second }) {
                const CommandRun synced = desk->sync();
                QVERIFY2(synced.exitCode == 0, qPrintable(synced.out + synced.err));
            }
        }
        const auto merged = [&](const SyncTestDesk &desk) {
            const QJsonObject customer = cachedCustomer(desk, x.id);
            return customer.value(u"town"_s).toString() == newTown
                && customer.value(u"phones"_s).toArray() == QJsonArray { newPhone };
        };
        QVERIFY(syncUntil(first, [&] { return merged(first); }));
        QVERIFY(syncUntil(second, [&] { return merged(second); }));
        const QJsonObject atA = cachedCustomer(a, x.id);
        QCOMPARE(atA, cachedCustomer(b, x.id));
        QCOMPARE(atA.value(u"revision"_s).toInteger(), x.revision + 2);
        QCOMPARE(pgValue(m_pg.database(), u"SELECT town FROM customers WHERE id = ?"_s, { idText(x.id) }).toString(),
                 newTown);
        QCOMPARE(
            pgValue(m_pg.database(), u"SELECT revision FROM customers WHERE id = ?"_s, { idText(x.id) }).toLongLong(),
            x.revision + 2);

        // Every contact from both desks once on the server and in both caches.
        QStringList contactIds;
        for (const Contact &contact : contacts)
            contactIds.append(idText(contact.id));
        QCOMPARE(pgCount(m_pg.database(),
                         u"SELECT count(*) FROM contacts WHERE id::text IN ('%1')"_s.arg(contactIds.join(u"', '"_s))),
                 qint64(4));
        for (const SyncTestDesk *desk : { &a, &b }) {
            const QStringList held = cachedIds(*desk, u"contact"_s);
            for (const QString &id : contactIds)
                QVERIFY2(held.count(id) == 1,
                         qPrintable(desk->user() + u" holds contact "_s + id + u' ' + QString::number(held.count(id))
                                    + u" times"_s));
        }

        // The same field on both desks: the later push is a conflict that both desks show with both values.
        for (const auto &[desk, town] :
             { std::pair { &first, u"Conflict first"_s }, std::pair { &second, u"Conflict second"_s } }) {
            const Status edited = desk->inCache([&, town = town](QSqlDatabase &db) -> Status {
                Result<std::optional<Customer>> current = CustomerStore(db).byId(x.id);
                if (!current || !current.value())
                    return makeError(u"test.not_cached"_s, u"customer X is not in the cache"_s);
                Customer customer = *current.value();
                customer.address.town = town;
                Result<Customer> saved
                    = LocalChanges(db, desk->user()).updateCustomer(customer, QDateTime::currentDateTimeUtc());
                return saved ? Status() : Status(saved.error());
            });
            QVERIFY2(edited.ok(), why(edited).constData());
        }
        const CommandRun won = first.sync();
        QVERIFY2(won.out.contains(u"in sync: 0 waiting to send, 0 conflicts"_s), qPrintable(won.out + won.err));
        const CommandRun lost = second.sync();
        QVERIFY2(lost.exitCode == 0 && lost.out.contains(u"in sync: 0 waiting to send"_s),
                 qPrintable(lost.out + lost.err));
        // The server answered the second push "conflict" and kept one conflict, which reaches both desks.
        QCOMPARE(pgValue(m_pg.database(),
                         u"SELECT string_agg(status || ':' || conflict_fields, ',') FROM applied_mutations"
                         " WHERE user_name = ? AND entity_id::text = ? AND status <> 'applied'"_s,
                         { second.user(), idText(x.id) })
                     .toString(),
                 u"conflict:town"_s);
        QCOMPARE(pgCount(m_pg.database(), u"SELECT count(*) FROM sync_conflicts WHERE entity_id::text = ?"_s,
                         { idText(x.id) }),
                 qint64(1));
        for (const SyncTestDesk *desk : { &second, &first })
            QVERIFY(syncUntil(*desk, [&] { return desk->status().value(u"conflicts"_s).toInteger() == 1; }));
        QUuid conflictId;
        for (const SyncTestDesk *desk : { &first, &second }) {
            const QList<SyncConflict> open = openConflicts(*desk);
            QCOMPARE(open.size(), 1);
            const SyncConflict &conflict = open.first();
            QCOMPARE(conflict.entity, u"customer"_s);
            QCOMPARE(conflict.entityId, x.id);
            QCOMPARE(conflict.field, u"town"_s);
            QCOMPARE(conflict.baseValue, QJsonValue(newTown));
            QCOMPARE(conflict.serverValue, QJsonValue(u"Conflict first"_s));
            QCOMPARE(conflict.clientValue, QJsonValue(u"Conflict second"_s));
            QCOMPARE(conflict.user, second.user());
            if (conflictId.isNull())
                conflictId = conflict.id;
            QCOMPARE(conflict.id, conflictId);
        }
        // The server kept its value; the losing desk shows it again.
        QCOMPARE(cachedCustomer(second, x.id).value(u"town"_s).toString(), u"Conflict first"_s);

        // Settled on the first desk (taking the second desk's value): gone on both after their syncs.
        const Status settled = first.inCache(
            [&](QSqlDatabase &db) { return LocalChanges(db, first.user()).resolveConflict(conflictId, u"client"_s); });
        QVERIFY2(settled.ok(), why(settled).constData());
        QCOMPARE(first.status().value(u"conflicts"_s).toInteger(), qint64(0));
        QCOMPARE(first.sync().exitCode, 0);
        const auto settledOn = [&](const SyncTestDesk &desk) {
            return desk.status().value(u"conflicts"_s).toInteger() == 0
                && cachedCustomer(desk, x.id).value(u"town"_s).toString() == u"Conflict second"_s;
        };
        QVERIFY(syncUntil(second, [&] { return settledOn(second); }));
        QVERIFY(syncUntil(first, [&] { return settledOn(first); }));
        QCOMPARE(cachedCustomer(first, x.id), cachedCustomer(second, x.id));
        QCOMPARE(pgValue(m_pg.database(), u"SELECT town FROM customers WHERE id = ?"_s, { idText(x.id) }).toString(),
                 u"Conflict second"_s);
        QCOMPARE(
            pgValue(m_pg.database(), u"SELECT resolution FROM sync_conflicts WHERE id = ?"_s, { idText(conflictId) })
                .toString(),
            u"client"_s);
    }

    // --- 3. The same push twice, out of order, after a lost reply, through two servers at once.
    void pushIsAppliedOnceHoweverOftenItArrives()
    {
        const QString token = login(m_serverA.baseUrl(), u"raw.http"_s, u"raw-http-desk"_s);
        QVERIFY(!token.isEmpty());
        const CouncilCustomer y = customerAt(50);
        QVERIFY(!y.id.isNull());
        const QString push = m_serverA.baseUrl() + u"/v1/sync/push"_s;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<QUuid> contactIds;
        const auto newContact = [&](const QString &note) {
            const Contact contact
                = wrappedUpContact(y.id, u"raw.http"_s, now.addSecs(-60 * (contactIds.size() + 1)), note);
            contactIds.append(contact.id);
            return contactCreate(contact);
        };
        const QString revision1 = u"applied:%1"_s.arg(y.revision + 1);

        // The same push twice: the same answers, applied once.
        const wire::Mutation m1 = townEdit(y, y.town, u"Once Town"_s);
        const wire::Mutation m2 = newContact(u"sent twice"_s);
        const HttpAnswer first = m_http.post(push, pushBody({ m1, m2 }), token);
        QCOMPARE(first.status, 200);
        QCOMPARE(answers(first),
                 (QMap<QString, QString> { { idText(m1.id), revision1 }, { idText(m2.id), u"applied:1"_s } }));
        const HttpAnswer again = m_http.post(push, pushBody({ m1, m2 }), token);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json, first.json);

        // Out of order: a later edit first, then both in either order, then the old one alone again.
        const wire::Mutation m3 = newContact(u"out of order"_s);
        const wire::Mutation m4 = townEdit(y, u"Once Town"_s, u"Twice Town"_s);
        const QString revision2 = u"applied:%1"_s.arg(y.revision + 2);
        QCOMPARE(answers(m_http.post(push, pushBody({ m4 }), token)),
                 (QMap<QString, QString> { { idText(m4.id), revision2 } }));
        const QMap<QString, QString> both { { idText(m3.id), u"applied:1"_s }, { idText(m4.id), revision2 } };
        QCOMPARE(answers(m_http.post(push, pushBody({ m4, m3 }), token)), both);
        QCOMPARE(answers(m_http.post(push, pushBody({ m3, m4 }), token)), both);
        QCOMPARE(answers(m_http.post(push, pushBody({ m1 }), token)),
                 (QMap<QString, QString> { { idText(m1.id), revision1 } }));
        QCOMPARE(pgValue(m_pg.database(), u"SELECT town FROM customers WHERE id = ?"_s, { idText(y.id) }).toString(),
                 u"Twice Town"_s);

        // After a lost reply: the request reaches the server, the answer never reaches the desk.
        const wire::Mutation m5 = newContact(u"reply lost"_s);
        const wire::Mutation m6 = townEdit(y, u"Twice Town"_s, u"Thrice Town"_s);
        const QByteArray lostBody = pushBody({ m5, m6 });
        {
            QTcpSocket socket;
            socket.connectToHost(u"127.0.0.1"_s, m_serverA.port());
            QVERIFY(socket.waitForConnected(10000));
            socket.write("POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         "Authorization: Bearer "
                         + token.toLatin1() + "\r\nContent-Length: " + QByteArray::number(lostBody.size()) + "\r\n\r\n"
                         + lostBody);
            QVERIFY(socket.waitForBytesWritten(10000));
            QTRY_COMPARE_WITH_TIMEOUT(pgCount(m_pg.database(),
                                              u"SELECT count(*) FROM applied_mutations WHERE id::text IN (?, ?)"_s,
                                              { idText(m5.id), idText(m6.id) }),
                                      qint64(2), 30000);
            socket.abort(); // the answer is never read
        }
        const QString revision3 = u"applied:%1"_s.arg(y.revision + 3);
        QCOMPARE(answers(m_http.post(push, pushBody({ m5, m6 }), token)),
                 (QMap<QString, QString> { { idText(m5.id), u"applied:1"_s }, { idText(m6.id), revision3 } }));

        // At once through both servers on one database.
        const wire::Mutation m7 = newContact(u"two servers"_s);
        const wire::Mutation m8 = townEdit(y, u"Thrice Town"_s, u"Four Town"_s);
        const QByteArray racedBody = pushBody({ m7, m8 });
        QNetworkAccessManager networkA;
        QNetworkAccessManager networkB;
        QList<QNetworkReply *> replies;
        for (const auto &[network, server] :
             { std::pair { &networkA, &m_serverA }, std::pair { &networkB, &m_serverB } }) {
            QNetworkRequest request(QUrl(server->baseUrl() + u"/v1/sync/push"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            replies.append(network->post(request, racedBody));
        }
        QTRY_VERIFY_WITH_TIMEOUT(replies.at(0)->isFinished() && replies.at(1)->isFinished(), 30000);
        const QString revision4 = u"applied:%1"_s.arg(y.revision + 4);
        for (QNetworkReply *reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            HttpAnswer answer;
            answer.json = QJsonDocument::fromJson(reply->readAll()).object();
            QCOMPARE(answers(answer),
                     (QMap<QString, QString> { { idText(m7.id), u"applied:1"_s }, { idText(m8.id), revision4 } }));
            reply->deleteLater();
        }

        // What the database holds: each mutation once, each contact once, four revisions for four edits.
        for (const wire::Mutation &m : { m1, m2, m3, m4, m5, m6, m7, m8 })
            QCOMPARE(pgCount(m_pg.database(), u"SELECT count(*) FROM applied_mutations WHERE id::text = ?"_s,
                             { idText(m.id) }),
                     qint64(1));
        for (const QUuid &id : contactIds)
            QCOMPARE(pgCount(m_pg.database(), u"SELECT count(*) FROM contacts WHERE id::text = ?"_s, { idText(id) }),
                     qint64(1));
        QCOMPARE(pgCount(m_pg.database(),
                         u"SELECT count(*) FROM contacts WHERE customer_id::text = ? AND agent = 'raw.http'"_s,
                         { idText(y.id) }),
                 qint64(4));
        QCOMPARE(
            pgValue(m_pg.database(), u"SELECT revision FROM customers WHERE id = ?"_s, { idText(y.id) }).toLongLong(),
            y.revision + 4);
        QCOMPARE(pgValue(m_pg.database(), u"SELECT town FROM customers WHERE id = ?"_s, { idText(y.id) }).toString(),
                 u"Four Town"_s);
    }

    // --- 6. A hundred concurrent writers on two servers sharing one database while a desk pulls.
    void deskEndsWithEveryChangeOfAHundredConcurrentWriters()
    {
        const SyncTestDesk desk(m_dir.filePath(u"hundred-writers"_s), u"pull.desk"_s);
        const SyncWindow window { QDateTime::currentDateTimeUtc() };
        signInAndSync(desk, m_serverA.baseUrl());
        if (QTest::currentTestFailed())
            return;
        // Several users on several devices: 5 users x 2 devices, each session shared by ten writers.
        QStringList tokens;
        for (int user = 1; user <= 5; ++user) {
            for (int device = 1; device <= 2; ++device) {
                tokens.append(login(device == 1 ? m_serverA.baseUrl() : m_serverB.baseUrl(), u"writer.%1"_s.arg(user),
                                    u"writer-%1-device-%2"_s.arg(user).arg(device)));
                QVERIFY(!tokens.last().isEmpty());
            }
        }
        constexpr int kWriters = 100;
        constexpr int kRounds = 3;
        std::vector<std::unique_ptr<ConcurrentWriter>> writers;
        for (int i = 0; i < kWriters; ++i) {
            const CouncilCustomer customer = customerAt(100 + i);
            QVERIFY(!customer.id.isNull());
            writers.push_back(std::make_unique<ConcurrentWriter>(i, (i % 2 ? m_serverB : m_serverA).baseUrl(),
                                                                 tokens.at(i % tokens.size()), customer, kRounds));
        }
        // The desk syncs again and again while the writers write.
        std::unique_ptr<QProcess> sync = desk.startCli({ u"sync"_s, u"--quiet"_s, u"--retries"_s, u"5"_s });
        int syncs = 1;
        for (auto &writer : writers)
            writer->start();
        const auto allFinished = [&] {
            return std::all_of(writers.cbegin(), writers.cend(), [](const auto &w) { return w->finished(); });
        };
        QElapsedTimer clock;
        clock.start();
        while (!clock.hasExpired(180000)) {
            QTest::qWait(20);
            if (sync->state() != QProcess::NotRunning)
                continue;
            QVERIFY2(sync->exitStatus() == QProcess::NormalExit && sync->exitCode() == 0,
                     qPrintable(QString::fromUtf8(sync->readAllStandardOutput() + sync->readAllStandardError())));
            if (allFinished())
                break;
            sync = desk.startCli({ u"sync"_s, u"--quiet"_s, u"--retries"_s, u"5"_s });
            ++syncs;
        }
        QVERIFY(allFinished());
        for (const auto &writer : writers)
            QVERIFY2(writer->problem().isEmpty(), qPrintable(writer->problem()));
        qInfo() << "the desk synced" << syncs << "times while" << kWriters << "writers pushed";

        QSet<QString> created;
        for (const auto &writer : writers) {
            for (const QUuid &id : writer->contactIds())
                created.insert(idText(id));
        }
        QCOMPARE(created.size(), kWriters * kRounds * 2);
        // The server's contacts in the desk's window, for the earliest and the latest start it can have.
        const auto serverIds = [&](const QDateTime &windowStart) {
            const QStringList ids = pgColumn(
                m_pg.database(), u"SELECT id::text FROM contacts WHERE "_s + windowFilter(windowStart).contacts);
            return QSet<QString>(ids.cbegin(), ids.cend());
        };
        const QSet<QString> most = serverIds(window.earliestStart());
        const QSet<QString> least = serverIds(window.latestStart());
        QVERIFY(least.contains(created));
        QVERIFY(syncUntil(desk, [&] {
            const QStringList held = cachedIds(desk, u"contact"_s);
            return QSet<QString>(held.cbegin(), held.cend()).contains(created);
        }));
        const QStringList heldList = cachedIds(desk, u"contact"_s);
        const QSet<QString> held(heldList.cbegin(), heldList.cend());
        QCOMPARE(held.size(), heldList.size());
        QVERIFY2(held.contains(least) && most.contains(held),
                 qPrintable(u"the desk holds %1 contacts, the server %2 to %3"_s.arg(held.size())
                                .arg(least.size())
                                .arg(most.size())));
        // And every customer edit, as the last writer left it.
        for (int i = 0; i < kWriters; ++i) {
            const QString town = ConcurrentWriter::townFor(i, kRounds - 1);
            QCOMPARE(writers.at(i)->lastTown(), town);
        }
        QList<QUuid> edited;
        for (int i = 0; i < kWriters; ++i)
            edited.append(customerAt(100 + i).id);
        const Result<QStringList> towns = desk.inCache([&](QSqlDatabase &db) -> Result<QStringList> {
            QStringList out;
            for (const QUuid &id : edited) {
                Result<std::optional<Customer>> customer = CustomerStore(db).byId(id);
                if (!customer)
                    return customer.error();
                out.append(customer.value() ? customer.value()->address.town : QString());
            }
            return out;
        });
        QVERIFY2(towns.ok(), why(towns).constData());
        for (int i = 0; i < kWriters; ++i)
            QCOMPARE(towns.value().at(i), ConcurrentWriter::townFor(i, kRounds - 1));
    }

    // --- 7. Out-of-order commits on PostgreSQL: a pull never moves past a change still to commit.
    void pullSkipsNothingWhenCommitsFinishOutOfOrder()
    {
        const SyncTestDesk desk(m_dir.filePath(u"out-of-order"_s), u"order.desk"_s);
        signInAndSync(desk, m_serverA.baseUrl());
        if (QTest::currentTestFailed())
            return;
        const CouncilCustomer x = customerAt(60);
        const CouncilCustomer y = customerAt(61);
        const QUrl url(m_pg.url());
        const auto connect = [&](const QString &name) {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
            return db;
        };
        {
            QSqlDatabase a = connect(u"out_of_order_a"_s);
            QSqlDatabase b = connect(u"out_of_order_b"_s);
            QVERIFY(a.open() && b.open());
            const QString update = u"UPDATE customers SET town = ?, revision = revision + 1 WHERE id = ?"_s;
            // A writes X first (and so takes the earlier change-log position), B writes Y and commits.
            QVERIFY(a.transaction());
            QSqlQuery writeX(a);
            writeX.prepare(update);
            writeX.addBindValue(u"Late Commit"_s);
            writeX.addBindValue(idText(x.id));
            QVERIFY2(writeX.exec(), qPrintable(writeX.lastError().text()));
            QVERIFY(b.transaction());
            QSqlQuery writeY(b);
            writeY.prepare(update);
            writeY.addBindValue(u"Early Commit"_s);
            writeY.addBindValue(idText(y.id));
            QVERIFY2(writeY.exec(), qPrintable(writeY.lastError().text()));
            QVERIFY(b.commit());
            QVERIFY(
                pgCount(m_pg.database(), u"SELECT max(position) FROM change_log WHERE entity_id::text = ?"_s,
                        { idText(y.id) })
                > pgCount(a, u"SELECT max(position) FROM change_log WHERE entity_id::text = ?"_s, { idText(x.id) }));

            // The desk pulls while A is still open: it cannot see X and must not pass it.
            const CommandRun during = desk.sync();
            QVERIFY2(during.exitCode == 0, qPrintable(during.out + during.err));
            QCOMPARE(cachedCustomer(desk, x.id).value(u"town"_s).toString(), x.town);

            QVERIFY(a.commit());
        }
        QSqlDatabase::removeDatabase(u"out_of_order_a"_s);
        QSqlDatabase::removeDatabase(u"out_of_order_b"_s);
        QVERIFY(syncUntil(desk, [&] {
            return cachedCustomer(desk, x.id).value(u"town"_s).toString() == u"Late Commit"_s
                && cachedCustomer(desk, y.id).value(u"town"_s).toString() == u"Early Commit"_s;
        }));
        QCOMPARE(cachedCustomer(desk, x.id).value(u"revision"_s).toInteger(), x.revision + 1);
        QCOMPARE(cachedCustomer(desk, y.id).value(u"revision"_s).toInteger(), y.revision + 1);
    }

    // --- 8. Who may not sync is refused on every sync route; a revoked desk wipes itself.
    void syncRoutesRefuseWhoMayNotSync_data() { firstSyncBringsTheWholeCouncilWithinTheWindow_data(); }

    void syncRoutesRefuseWhoMayNotSync()
    {
        QFETCH(QString, backEnd);
        const bool postgres = backEnd == u"postgresql"_s;
        const QString base = postgres ? m_serverA.baseUrl() : m_sqliteServer.baseUrl();
        const QString databaseUrl = postgres ? m_pg.url() : u"sqlite:"_s + m_sqlitePath;
        QMap<QString, QString> tokens;
        for (const QString &user : { u"auth.ok"_s, u"auth.disabled"_s, u"auth.revoked"_s }) {
            tokens.insert(user, login(base, user, u"device-of-"_s + user));
            QVERIFY(!tokens.value(user).isEmpty());
        }
        // A session past its expiry: the server says so once and forgets it, so each route gets its own.
        const auto expiredToken = [&] {
            const QString token = login(base, u"auth.expired"_s, u"device-of-auth.expired"_s);
            const QString expire
                = u"UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_name = 'auth.expired'"_s;
            if (postgres) {
                QSqlQuery query(m_pg.database());
                if (!query.exec(expire))
                    qWarning().noquote() << query.lastError().text();
            } else if (const CommandRun expired
                       = runProgram(u"sqlcipher"_s, { m_sqlitePath, expire }, QByteArray(), 60000);
                       expired.exitCode != 0) {
                qWarning().noquote() << expired.err;
            }
            return token;
        };
        QCOMPARE(runServerCommand(databaseUrl, { u"user"_s, u"disable"_s, u"auth.disabled"_s }).exitCode, 0);
        QCOMPARE(runServerCommand(databaseUrl, { u"device"_s, u"revoke"_s, u"device-of-auth.revoked"_s }).exitCode, 0);

        const QList<std::pair<QString, QByteArray>> routes { { u"/v1/sync/pull"_s, pullBody() },
                                                             { u"/v1/sync/push"_s, pushBody({}) } };
        struct Caller {
            QString name;
            QString token;
            int status;
            QString code;
        };
        const QList<Caller> callers {
            { u"no token"_s, QString(), 401, u"auth.missing_token"_s },
            { u"garbage token"_s, u"not-a-token-at-all"_s, 401, u"auth.invalid_token"_s },
            { u"a token of the right shape"_s, QString(43, u'A'), 401, u"auth.invalid_token"_s },
            { u"disabled user"_s, tokens.value(u"auth.disabled"_s), 403, u"auth.user_disabled"_s },
            { u"revoked device"_s, tokens.value(u"auth.revoked"_s), 403, u"auth.device_revoked"_s },
        };
        for (const auto &[route, body] : routes) {
            const QString expired = expiredToken();
            QVERIFY(!expired.isEmpty());
            const HttpAnswer late = m_http.post(base + route, body, expired);
            QVERIFY2(late.status == 401 && late.errorCode() == u"auth.token_expired"_s,
                     qPrintable(route + u": "_s + QString::fromUtf8(late.body)));
            QCOMPARE(m_http.post(base + route, body, expired).errorCode(), u"auth.invalid_token"_s);
            for (const Caller &caller : callers) {
                const HttpAnswer answer = m_http.post(base + route, body, caller.token);
                QVERIFY2(answer.status == caller.status && answer.errorCode() == caller.code,
                         qPrintable(u"%1 with %2: %3 %4"_s.arg(route, caller.name)
                                        .arg(answer.status)
                                        .arg(QString::fromUtf8(answer.body))));
            }
            // The same body with a good token is fine: the refusals were about who asked.
            const HttpAnswer allowed = m_http.post(base + route, body, tokens.value(u"auth.ok"_s));
            QVERIFY2(allowed.status == 200, qPrintable(route + u": "_s + QString::fromUtf8(allowed.body)));
        }
    }

    void revokedDeviceWipesItsCacheOnItsNextSync()
    {
        const SyncTestDesk desk(m_dir.filePath(u"revoked"_s), u"wipe.desk"_s);
        signInAndSync(desk, m_serverA.baseUrl());
        if (QTest::currentTestFailed())
            return;
        const QDir profile(desk.directory());
        QVERIFY(profile.exists(u"cache.db"_s));
        QVERIFY(profile.exists(u"cache.key"_s));
        QVERIFY(deskCounts(desk.status()).customers > 0);
        const CommandRun revoked = runServerCommand(m_pg.url(), { u"device"_s, u"revoke"_s, desk.deviceId() });
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));

        const CommandRun synced = desk.sync();
        QCOMPARE(synced.exitCode, 1);
        QVERIFY2(synced.err.contains(u"revoked"_s), qPrintable(synced.err));
        QVERIFY2(synced.err.contains(u"deleted"_s), qPrintable(synced.err));
        for (const QString &file : { u"cache.db"_s, u"cache.key"_s, u"cache.db-wal"_s, u"cache.db-shm"_s })
            QVERIFY2(!profile.exists(file), qPrintable(file));
        QVERIFY(desk.cli({ u"status"_s }).exitCode != 0);
    }

    void badSyncRequestsGetTheirStatusAndTheServerStaysUp_data()
    {
        firstSyncBringsTheWholeCouncilWithinTheWindow_data();
    }

    void badSyncRequestsGetTheirStatusAndTheServerStaysUp()
    {
        QFETCH(QString, backEnd);
        const QString base = backEnd == u"postgresql"_s ? m_serverB.baseUrl() : m_sqliteServer.baseUrl();
        const QString token = login(base, u"auth.ok"_s, u"bad-requests-"_s + backEnd);
        QVERIFY(!token.isEmpty());
        const QString pull = base + u"/v1/sync/pull"_s;
        const QString push = base + u"/v1/sync/push"_s;
        QByteArray tenMegabytes(10 * 1024 * 1024, ' ');
        tenMegabytes[0] = '{';
        const QByteArray oneMutation
            = "{\"id\": \"9a4f6c1e-0c53-4c36-9f0e-2b8b0e6d2c11\", \"entity\": \"contact\", \"op\": \"create\", "
              "\"entity_id\": \"0b8c0a52-54d3-4fd4-8b0e-3a1f4e0a8d20\", \"base_revision\": null, \"payload\": {}}";
        QByteArray tooMany = "{\"protocol\": 1, \"mutations\": [";
        for (int i = 0; i < 501; ++i) {
            tooMany += i ? "," : "";
            tooMany += "{\"id\": \"" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()
                + "\", \"entity\": \"contact\", \"op\": \"create\", \"entity_id\": \""
                + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "\", \"payload\": {}}";
        }
        tooMany += "]}";
        struct Bad {
            const char *name;
            QString url;
            QByteArray body;
            int status;
            QString code;
        };
        const QList<Bad> requests {
            { "pull: malformed JSON", pull, "{\"cursor\": null, \"limit\": ", 400, u"request.malformed_json"_s },
            { "pull: not an object", pull, "[1, 2]", 400, u"request.not_an_object"_s },
            { "pull: wrong types", pull, "{\"cursor\": 5, \"limit\": \"ten\"}", 400, u"json.invalid_field"_s },
            { "pull: limit out of range", pull, "{\"cursor\": null, \"limit\": 5001}", 400, u"json.invalid_field"_s },
            { "pull: unknown field", pull, "{\"cursor\": null, \"limit\": 10, \"since\": \"yesterday\"}", 400,
              u"json.unknown_field"_s },
            { "pull: a cursor this server did not make", pull, "{\"cursor\": \"bm90IG91cnM\", \"limit\": 10}", 400,
              u"sync.bad_cursor"_s },
            { "pull: 10 MB", pull, tenMegabytes, 413, u"request.too_large"_s },
            { "push: malformed JSON", push, "{\"protocol\": 1, \"mutations\": [", 400, u"request.malformed_json"_s },
            { "push: another protocol", push, "{\"protocol\": 2, \"mutations\": []}", 400,
              u"sync.protocol_mismatch"_s },
            { "push: wrong type", push, "{\"protocol\": \"1\", \"mutations\": []}", 400, u"json.invalid_field"_s },
            { "push: a mutation of wrong types", push,
              "{\"protocol\": 1, \"mutations\": [{\"id\": 7, \"entity\": \"contact\", \"op\": \"create\", "
              "\"entity_id\": \"x\", \"payload\": []}]}",
              400, u"json.invalid_field"_s },
            { "push: unknown field", push, "{\"protocol\": 1, \"mutations\": [], \"force\": true}", 400,
              u"json.unknown_field"_s },
            { "push: unknown field in a mutation", push,
              "{\"protocol\": 1, \"mutations\": [" + oneMutation.chopped(1) + ", \"priority\": 1}]}", 400,
              u"json.unknown_field"_s },
            { "push: the same mutation twice", push,
              "{\"protocol\": 1, \"mutations\": [" + oneMutation + "," + oneMutation + "]}", 400,
              u"json.invalid_field"_s },
            { "push: over 500 mutations", push, tooMany, 400, u"json.invalid_field"_s },
            { "push: 10 MB", push, tenMegabytes, 413, u"request.too_large"_s },
            { "unknown route", base + u"/v1/sync/everything"_s, pullBody(), 404, u"route.not_found"_s },
        };
        for (const Bad &bad : requests) {
            const HttpAnswer answer = m_http.post(bad.url, bad.body, token);
            QVERIFY2(answer.status == bad.status && answer.errorCode() == bad.code,
                     qPrintable(u"%1: %2 %3"_s.arg(QLatin1StringView(bad.name))
                                    .arg(answer.status)
                                    .arg(QString::fromUtf8(answer.body.left(300)))));
        }
        QCOMPARE(m_http.post(pull, "cursor=", token, "application/x-www-form-urlencoded").status, 415);
        const HttpAnswer wrongMethod = m_http.get(pull, token);
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST"));

        // Still up, and still syncing.
        QCOMPARE(m_http.get(base + u"/v1/health"_s).status, 200);
        const HttpAnswer page = m_http.post(pull, pullBody(), token);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(u"phase"_s).toString(), u"snapshot"_s);
        QCOMPARE(page.json.value(u"protocol"_s).toInt(), 1);
    }

    // --- 9. The server's database replaced (a new epoch): the desk syncs from scratch and loses nothing.
    void replacedDatabaseMeansAFreshFirstSyncAndNothingQueuedIsLost()
    {
        fc::test::PgTestDatabase pg;
        const Status created = pg.create();
        QVERIFY2(created.ok(), why(created).constData());
        QCOMPARE(
            runServerCommand(pg.url(), { u"seed-demo"_s, u"--customers"_s, u"60"_s, u"--seed"_s, u"9"_s }).exitCode, 0);
        QCOMPARE(addUser(pg.url(), u"epoch.desk"_s).exitCode, 0);
        SyncServer server;
        QVERIFY2(server.start(pg.url()), qPrintable(server.error()));
        const SyncTestDesk desk(m_dir.filePath(u"epoch"_s), u"epoch.desk"_s);
        signInAndSync(desk, server.baseUrl());
        if (QTest::currentTestFailed())
            return;
        const QUuid customerId = QUuid::fromString(
            pgValue(pg.database(), u"SELECT id::text FROM customers ORDER BY reference LIMIT 1"_s).toString());
        QVERIFY(!customerId.isNull());

        // Queued before the change: a contact. Pulled data the new database does not have: a customer.
        const Contact queued
            = wrappedUpContact(customerId, u"epoch.desk"_s, QDateTime::currentDateTimeUtc().addSecs(-120),
                               u"queued before the epoch changed"_s);
        const QUuid stale = QUuid::createUuid();
        const Status prepared = desk.inCache([&](QSqlDatabase &db) -> Status {
            if (Status recorded = LocalChanges(db, u"epoch.desk"_s).recordContact(queued); !recorded)
                return recorded;
            Customer ghost;
            ghost.id = stale;
            ghost.reference = u"C9999999"_s;
            ghost.givenName = u"Only"_s;
            ghost.familyName = u"Pulled"_s;
            ghost.revision = 3;
            ghost.createdAt = ghost.updatedAt = QDateTime::currentDateTimeUtc();
            return CustomerStore(db).upsert(ghost);
        });
        QVERIFY2(prepared.ok(), why(prepared).constData());
        QCOMPARE(desk.status().value(u"pending"_s).toInteger(), qint64(1));
        const QString epochBefore
            = pgValue(pg.database(), u"SELECT value FROM server_meta WHERE key = 'epoch'"_s).toString();
        QSqlQuery replace(pg.database());
        QVERIFY(replace.exec(u"UPDATE server_meta SET value = 'restored-from-backup' WHERE key = 'epoch'"_s));
        QVERIFY(epochBefore != u"restored-from-backup"_s);

        const SyncWindow window { QDateTime::currentDateTimeUtc() };
        const CommandRun synced = desk.sync({ u"--page-size"_s, u"25"_s });
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.out + synced.err));
        QVERIFY2(synced.out.contains(u"first sync: "_s), qPrintable(synced.out)); // it started again from nothing
        QCOMPARE(pgCount(pg.database(), u"SELECT count(*) FROM contacts WHERE id::text = ?"_s, { idText(queued.id) }),
                 qint64(1));
        QCOMPARE(pgCount(pg.database(), u"SELECT count(*) FROM applied_mutations WHERE entity_id::text = ?"_s,
                         { idText(queued.id) }),
                 qint64(1));
        const QJsonObject status = desk.status();
        QCOMPARE(status.value(u"pending"_s).toInteger(), qint64(0));
        QCOMPARE(status.value(u"phase"_s).toString(), u"log"_s);
        const QString differs = compareWithPostgres(deskCounts(status), window, pg.database());
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QVERIFY(cachedCustomer(desk, stale).isEmpty());
        QCOMPARE(cachedIds(desk, u"contact"_s).count(idText(queued.id)), 1);
        // And the next sync is an ordinary one again.
        const CommandRun next = desk.sync();
        QCOMPARE(next.exitCode, 0);
        QVERIFY2(!next.out.contains(u"first sync: "_s), qPrintable(next.out));
    }

    // --- 9b. The server's database restored from a backup taken before the desk's last sync (the way
    // OPERATIONS.md says to back up): the epoch is the backup's, yet the desk must start again, or it
    // keeps what the server lost and misses what is written after the restore.
    void restoredBackupMakesTheDeskStartAgain_data() { firstSyncBringsTheWholeCouncilWithinTheWindow_data(); }

    void restoredBackupMakesTheDeskStartAgain()
    {
        QFETCH(QString, backEnd);
        const bool postgres = backEnd == u"postgresql"_s;
        fc::test::PgTestDatabase live;
        fc::test::PgTestDatabase restored;
        const QString sqlitePath = m_dir.filePath(u"restore.sqlite"_s);
        const QString backup = m_dir.filePath(postgres ? u"restore.dump"_s : u"restore-backup.sqlite"_s);
        if (postgres) {
            const Status created = live.create();
            QVERIFY2(created.ok(), why(created).constData());
        }
        const QString url = postgres ? live.url() : u"sqlite:"_s + sqlitePath;
        QCOMPARE(runServerCommand(url, { u"seed-demo"_s, u"--customers"_s, u"40"_s, u"--seed"_s, u"13"_s }).exitCode,
                 0);
        QCOMPARE(addUser(url, u"restore.desk"_s).exitCode, 0);
        SyncServer server;
        QVERIFY2(server.start(url), qPrintable(server.error()));
        const SyncTestDesk desk(m_dir.filePath(u"restore-"_s + backEnd), u"restore.desk"_s);
        signInAndSync(desk, server.baseUrl());
        if (QTest::currentTestFailed())
            return;
        const QString pick = u"SELECT id FROM customers ORDER BY reference LIMIT 2"_s;
        const QStringList picked = postgres ? pgColumn(live.database(), pick) : sqliteRows(sqlitePath, pick);
        QCOMPARE(picked.size(), 2);
        const QUuid x = QUuid::fromString(picked.at(0));
        const QUuid y = QUuid::fromString(picked.at(1));
        const QString townOfX = cachedCustomer(desk, x).value(u"town"_s).toString();
        QVERIFY(!townOfX.isEmpty());

        // The backup, taken while the server runs.
        const CommandRun backedUp = postgres
            ? runProgram(u"pg_dump"_s, live.psqlArguments() + QStringList { u"-Fc"_s, u"-f"_s, backup }, QByteArray(),
                         120000)
            : runProgram(u"sqlcipher"_s, { sqlitePath, u".backup '%1'"_s.arg(backup) }, QByteArray(), 120000);
        QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err));

        // Work after the backup, synced: an edit and a contact the restore will lose.
        const Contact lost = wrappedUpContact(x, desk.user(), QDateTime::currentDateTimeUtc().addSecs(-60), u"lost"_s);
        const Status edited = desk.inCache([&](QSqlDatabase &db) -> Status {
            LocalChanges local(db, desk.user());
            Result<std::optional<Customer>> current = CustomerStore(db).byId(x);
            if (!current || !current.value())
                return makeError(u"test.not_cached"_s, u"customer X is not in the cache"_s);
            Customer customer = *current.value();
            customer.address.town = u"After Backup"_s;
            if (Result<Customer> saved = local.updateCustomer(customer, QDateTime::currentDateTimeUtc()); !saved)
                return saved.error();
            return local.recordContact(lost);
        });
        QVERIFY2(edited.ok(), why(edited).constData());
        QCOMPARE(desk.sync().exitCode, 0);
        QCOMPARE(desk.status().value(u"pending"_s).toInteger(), qint64(0));

        // The disaster: the database is restored from the backup, the server started again on it, and an
        // administrator's fix is made on it before the desk is back.
        server.stop();
        if (postgres) {
            const Status created = restored.create();
            QVERIFY2(created.ok(), why(created).constData());
            const CommandRun loaded
                = runProgram(u"pg_restore"_s, restored.psqlArguments() + QStringList { u"--no-owner"_s, backup },
                             QByteArray(), 120000);
            QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.err));
        } else {
            for (const QString &companion : { u"-wal"_s, u"-shm"_s })
                QFile::remove(sqlitePath + companion);
            QVERIFY(QFile::remove(sqlitePath));
            QVERIFY(QFile::copy(backup, sqlitePath));
        }
        QVERIFY2(server.start(postgres ? restored.url() : url, server.port()), qPrintable(server.error()));
        const QString fix
            = u"UPDATE customers SET town = 'After Restore', revision = revision + 1 WHERE id = '%1'"_s.arg(idText(y));
        if (postgres) {
            QSqlQuery query(restored.database());
            QVERIFY2(query.exec(fix), qPrintable(query.lastError().text()));
        } else {
            QCOMPARE(runProgram(u"sqlcipher"_s, { sqlitePath, fix }, QByteArray(), 60000).exitCode, 0);
        }

        const SyncWindow window { QDateTime::currentDateTimeUtc() };
        const CommandRun synced = desk.sync();
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.out + synced.err));
        QVERIFY2(synced.out.contains(u"first sync: "_s), qPrintable(synced.out)); // started again
        // The desk now holds what the server holds: the fix, and not what the restore lost.
        QCOMPARE(cachedCustomer(desk, y).value(u"town"_s).toString(), u"After Restore"_s);
        QCOMPARE(cachedCustomer(desk, x).value(u"town"_s).toString(), townOfX);
        QCOMPARE(cachedIds(desk, u"contact"_s).count(idText(lost.id)), 0);
        const RecordCounts counts = deskCounts(desk.status());
        const QString differs = postgres ? compareWithPostgres(counts, window, restored.database())
                                         : compareWithServer(counts, window, [&](const QDateTime &start) {
                                               return sqliteWindowCounts(sqlitePath, start);
                                           });
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }
};

QTEST_GUILESS_MAIN(tst_SyncOverHttp)
#include "tst_SyncOverHttp.moc"
