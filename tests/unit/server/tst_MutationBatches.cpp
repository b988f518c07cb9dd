// How a push's mutations are applied together (docs/SYNC.md, "Push"): several in one transaction,
// each behind a savepoint, so a refused or failing one leaves its neighbours applied; references the
// database's keys refuse are answered with the same reasons as before; repeats, in one push, across
// pushes and from two connections at once, are applied once. And the prepared-statement cache under
// it. On SQLite always, on PostgreSQL when FC_TEST_PG_URL is set (scripts/test sets it).

#include "ServerTestSupport.h"
#include "support/PgTestDatabase.h"

#include "core/DomainJson.h"
#include "server/DomainRows.h"
#include "server/MutationApplier.h"

#include <QTemporaryDir>
#include <QTest>

#include <mutex>
#include <thread>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

QUuid uuidOf(int n)
{
    return QUuid(QStringLiteral("{00000000-0000-4000-8000-%1}").arg(n, 12, 10, QLatin1Char('0')));
}

Customer customer(int n)
{
    Customer c;
    c.id = uuidOf(n);
    c.reference = u"C%1"_s.arg(1000000 + n);
    c.givenName = u"Ada"_s;
    c.familyName = u"Lovelace"_s;
    c.address.line1 = u"%1 Mill Street"_s.arg(n);
    c.address.town = u"Plymouth"_s;
    c.address.postcode = u"PL1 2AA"_s;
    c.revision = 1;
    c.createdAt = QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
    c.updatedAt = c.createdAt;
    return c;
}

Contact contact(int n, const QUuid &customerId)
{
    Contact c;
    c.id = uuidOf(800 + n);
    c.customerId = customerId;
    c.channel = Channel::Phone;
    c.agent = u"a.khan"_s;
    c.startedAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    c.endedAt = c.startedAt.addSecs(240);
    c.service = u"waste"_s;
    c.reason = u"missed_bin"_s;
    c.outcome = Outcome::ResolvedAtFirstContact;
    return c;
}

wire::Mutation createContact(const Contact &c)
{
    return { QUuid::createUuid(), u"contact"_s, u"create"_s, c.id, std::nullopt,
             { { u"record"_s, DomainJson::fromContact(c) } } };
}

wire::Mutation createCustomer(const Customer &c)
{
    return { QUuid::createUuid(), u"customer"_s, u"create"_s, c.id, std::nullopt,
             { { u"record"_s, DomainJson::fromCustomer(c) } } };
}

wire::Mutation appendAudit(int n)
{
    return { QUuid::createUuid(), u"audit"_s, u"append"_s, uuidOf(900 + n), std::nullopt,
             { { u"record"_s, QJsonObject { { u"at"_s, u"2026-11-20T10:00:00.000Z"_s }, { u"action"_s, u"viewed"_s },
                                            { u"entity"_s, u"customer"_s }, { u"entity_id"_s, u"x"_s } } } } };
}

const MutationSource kDesk { u"a.khan"_s, u"desk-1"_s };

} // namespace

class tst_MutationBatches : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<fc::test::PgTestDatabase> m_pg;
    DatabaseLocation m_location;
    std::unique_ptr<ServerDatabase> m_db;

    int count(const QString &sql)
    {
        return m_db->scalar(sql).value().toInt();
    }

    // A migrated, empty database of the row's back end with one customer (uuidOf(1)); false to skip.
    bool open()
    {
        m_db.reset();
        m_pg.reset();
        if (QByteArray(QTest::currentDataTag()) == "postgresql") {
            if (qEnvironmentVariableIsEmpty("FC_TEST_PG_URL"))
                return false;
            m_pg = std::make_unique<fc::test::PgTestDatabase>();
            if (Status created = m_pg->create(); !created) {
                qWarning("%s", qPrintable(created.error().message));
                return false;
            }
            m_location = DatabaseLocation::parse(m_pg->url()).value();
        } else {
            static int serial = 0;
            m_location = DatabaseLocation();
            m_location.dialect = SqlDialect::Sqlite;
            m_location.path = m_dir.filePath(u"server-%1.db"_s.arg(++serial));
        }
        Result<std::unique_ptr<ServerDatabase>> opened = ServerDatabase::open(m_location);
        if (!opened)
            return false;
        m_db = std::move(opened).value();
        if (!ServerMigrator().migrate(*m_db))
            return false;
        return bool(m_db->run(DomainRows::insertSql(u"customers"_s, DomainRows::customerColumns()),
                              DomainRows::customerRow(customer(1))));
    }

    static void backEnds_data()
    {
        QTest::addColumn<int>("unused");
        QTest::newRow("sqlite") << 0;
        QTest::newRow("postgresql") << 0;
    }

private slots:
    void cleanup()
    {
        // The connection first: the test database is dropped under it otherwise.
        m_db.reset();
        m_pg.reset();
    }

    void statementCacheKeepsOnePreparedStatementPerText_data() { backEnds_data(); }
    void statementCacheKeepsOnePreparedStatementPerText()
    {
        if (!open())
            QSKIP("This back end is not available here (PostgreSQL needs FC_TEST_PG_URL).");
        const QString sql = u"SELECT reference FROM customers WHERE id = ?"_s;
        const QVariantList one { ServerDatabase::uuidValue(uuidOf(1)) };
        QCOMPARE(m_db->scalarCached(sql, one).value().toString(), u"C1000001"_s);
        QCOMPARE(m_db->scalarCached(sql, { ServerDatabase::uuidValue(uuidOf(2)) }).value().isValid(), false);
        QCOMPARE(m_db->cachedStatementCount(), 1);
        {
            // While a handle reads its rows, the same text again gets a twin, not the busy statement.
            Result<CachedQuery> outer = m_db->runCached(sql, one);
            QVERIFY(outer.ok());
            QCOMPARE(m_db->scalarCached(sql, one).value().toString(), u"C1000001"_s);
            QVERIFY(outer.value().next());
            QCOMPARE(outer.value().value(0).toString(), u"C1000001"_s);
            QCOMPARE(m_db->cachedStatementCount(), 1);
        }
        // A failed statement is an error with the statement's head, and is not kept.
        Result<CachedQuery> bad = m_db->runCached(u"SELECT nothing FROM nowhere WHERE id = ?"_s, one);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"db.query_failed"_s);
        QVERIFY(bad.error().message.contains(u"nowhere"_s));
        QCOMPARE(m_db->cachedStatementCount(), 1);
        // A reconnect forgets every prepared statement (they died with the old session).
        QVERIFY(m_db->reconnect().ok());
        QCOMPARE(m_db->cachedStatementCount(), 0);
        QCOMPARE(m_db->scalarCached(sql, one).value().toString(), u"C1000001"_s);
        QCOMPARE(m_db->cachedStatementCount(), 1);
    }

    void aRefusedMutationLeavesItsNeighboursApplied_data() { backEnds_data(); }
    void aRefusedMutationLeavesItsNeighboursApplied()
    {
        if (!open())
            QSKIP("This back end is not available here (PostgreSQL needs FC_TEST_PG_URL).");
        Contact linked = contact(3, uuidOf(1));
        linked.linkedCaseIds = { uuidOf(599) }; // no such case
        Contact corrects = contact(4, uuidOf(1));
        corrects.correctsContactId = uuidOf(898); // no such contact
        const QList<wire::Mutation> push {
            createContact(contact(1, uuidOf(1))),
            createContact(contact(2, uuidOf(2))), // no such customer
            createContact(linked),
            appendAudit(1),
            createContact(corrects),
            createCustomer(customer(1)), // there already
            createContact(contact(5, QUuid())),
        };
        MutationApplier applier(*m_db);
        Result<wire::PushResponse> answered = applier.apply(push, kDesk, QDateTime::currentDateTimeUtc());
        QVERIFY(answered.ok());
        QStringList codes;
        for (const wire::MutationResult &result : answered->results)
            codes.append(result.status == wire::MutationStatus::Applied ? u"applied"_s : result.code);
        QCOMPARE(codes, (QStringList { u"applied"_s, u"contact.unknown_customer"_s, u"contact.unknown_case"_s,
                                       u"applied"_s, u"contact.unknown_corrected"_s, u"customer.exists"_s,
                                       u"applied"_s }));
        for (qsizetype i = 0; i < push.size(); ++i)
            QCOMPARE(answered->results.at(i).id, push.at(i).id);
        // Only the applied ones left rows; every answer is kept.
        QCOMPARE(count(u"SELECT count(*) FROM contacts"_s), 2);
        QCOMPARE(count(u"SELECT count(*) FROM contact_cases"_s), 0);
        QCOMPARE(count(u"SELECT count(*) FROM audit_events"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM customers"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM applied_mutations"_s), 7);
        QCOMPARE(count(u"SELECT count(*) FROM applied_mutations WHERE status = 'rejected'"_s), 4);
        QCOMPARE(count(u"SELECT count(*) FROM change_log WHERE entity = 'contact' AND operation = 'insert'"_s), 2);
        // Each refused contact is named in the log, so desks pull the server's state (here: none).
        QCOMPARE(count(u"SELECT count(*) FROM change_log WHERE entity = 'contact' AND operation = 'update'"_s), 3);

        // The same push again gets the same answers from what was kept, and changes nothing.
        Result<wire::PushResponse> again = applier.apply(push, kDesk, QDateTime::currentDateTimeUtc());
        QVERIFY(again.ok());
        QCOMPARE(again->results.size(), push.size());
        for (qsizetype i = 0; i < push.size(); ++i) {
            QCOMPARE(again->results.at(i).status, answered->results.at(i).status);
            QCOMPARE(again->results.at(i).code, answered->results.at(i).code);
        }
        QCOMPARE(count(u"SELECT count(*) FROM contacts"_s), 2);
        QCOMPARE(count(u"SELECT count(*) FROM applied_mutations"_s), 7);
    }

    void longPushesAndRepeatsWithinOnePushApplyOnce_data() { backEnds_data(); }
    void longPushesAndRepeatsWithinOnePushApplyOnce()
    {
        if (!open())
            QSKIP("This back end is not available here (PostgreSQL needs FC_TEST_PG_URL).");
        // More than one transaction's worth, with a refusal past the first and a repeat across them.
        QList<wire::Mutation> push;
        for (int i = 0; i < 75; ++i)
            push.append(createContact(contact(i, i == 40 ? uuidOf(2) : uuidOf(1))));
        push.append(push.at(10));
        MutationApplier applier(*m_db);
        Result<wire::PushResponse> answered = applier.apply(push, kDesk, QDateTime::currentDateTimeUtc());
        QVERIFY(answered.ok());
        QCOMPARE(answered->results.size(), push.size());
        for (qsizetype i = 0; i < push.size(); ++i) {
            QCOMPARE(answered->results.at(i).id, push.at(i).id);
            QCOMPARE(answered->results.at(i).status,
                     i == 40 ? wire::MutationStatus::Rejected : wire::MutationStatus::Applied);
        }
        QCOMPARE(count(u"SELECT count(*) FROM contacts"_s), 74);
        QCOMPARE(count(u"SELECT count(*) FROM applied_mutations"_s), 75);

        // Another user sending a known mutation id is refused, and nothing of theirs is kept.
        Result<wire::PushResponse> stolen
            = applier.apply({ push.at(3) }, MutationSource { u"b.jones"_s, u"desk-2"_s }, QDateTime::currentDateTimeUtc());
        QVERIFY(stolen.ok());
        QCOMPARE(stolen->results.first().code, u"mutation.id_taken"_s);
        QCOMPARE(count(u"SELECT count(*) FROM applied_mutations WHERE user_name = 'b.jones'"_s), 0);
    }

    void editsOfOneRecordThroughTwoConnectionsAtOnceBothMerge()
    {
        // Two desks change different fields of one customer at the same moment through two servers:
        // both changes are kept (the second merges onto the first), never one overwriting the other.
        if (qEnvironmentVariableIsEmpty("FC_TEST_PG_URL"))
            QSKIP("Needs PostgreSQL (FC_TEST_PG_URL); SQLite has one writer at a time.");
        m_pg = std::make_unique<fc::test::PgTestDatabase>();
        QVERIFY(m_pg->create().ok());
        m_location = DatabaseLocation::parse(m_pg->url()).value();
        Result<std::unique_ptr<ServerDatabase>> opened = ServerDatabase::open(m_location);
        QVERIFY(opened.ok());
        m_db = std::move(opened).value();
        QVERIFY(ServerMigrator().migrate(*m_db).ok());
        constexpr int kRounds = 20;
        for (int n = 1; n <= kRounds; ++n) {
            QVERIFY(m_db->run(DomainRows::insertSql(u"customers"_s, DomainRows::customerColumns()),
                              DomainRows::customerRow(customer(n)))
                        .ok());
        }
        const auto edit = [](int n, const QString &field, const QString &from, const QString &to) {
            return wire::Mutation { QUuid::createUuid(), u"customer"_s, u"update"_s, uuidOf(n), 1,
                                    { { u"changes"_s,
                                        QJsonObject { { field, QJsonObject { { u"from"_s, from }, { u"to"_s, to } } } } } } };
        };
        QList<wire::Mutation> towns;
        QList<wire::Mutation> postcodes;
        for (int n = 1; n <= kRounds; ++n) {
            towns.append(edit(n, u"town"_s, u"Plymouth"_s, u"Saltash"_s));
            postcodes.append(edit(n, u"postcode"_s, u"PL1 2AA"_s, u"PL4 8AA"_s));
        }
        QStringList failures;
        std::mutex lock;
        const auto run = [&](const QList<wire::Mutation> &mutations) {
            Result<std::unique_ptr<ServerDatabase>> own = ServerDatabase::open(m_location);
            if (!own) {
                const std::lock_guard guard(lock);
                failures.append(own.error().message);
                return;
            }
            MutationApplier applier(*own.value());
            // One mutation per push, as a desk editing by hand sends them, so the two interleave.
            for (const wire::Mutation &mutation : mutations) {
                Result<wire::PushResponse> answered = applier.apply({ mutation }, kDesk, QDateTime::currentDateTimeUtc());
                const std::lock_guard guard(lock);
                if (!answered)
                    failures.append(answered.error().message);
                else if (answered->results.first().status != wire::MutationStatus::Applied)
                    failures.append(answered->results.first().code);
            }
        };
        std::thread first(run, towns);
        std::thread second(run, postcodes);
        first.join();
        second.join();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
        QCOMPARE(count(u"SELECT count(*) FROM customers WHERE town = 'Saltash' AND postcode = 'PL4 8AA' AND revision = 3"_s),
                 kRounds);
        QCOMPARE(count(u"SELECT count(*) FROM sync_conflicts"_s), 0);
    }

    void twoConnectionsRacingOnTheSamePushApplyItOnce()
    {
        // Two servers given the same push at the same moment (a retry after a lost reply, through
        // another server): each mutation is applied once and both answer the same.
        if (qEnvironmentVariableIsEmpty("FC_TEST_PG_URL"))
            QSKIP("Needs PostgreSQL (FC_TEST_PG_URL); SQLite has one writer at a time.");
        m_pg = std::make_unique<fc::test::PgTestDatabase>();
        QVERIFY(m_pg->create().ok());
        m_location = DatabaseLocation::parse(m_pg->url()).value();
        {
            Result<std::unique_ptr<ServerDatabase>> opened = ServerDatabase::open(m_location);
            QVERIFY(opened.ok());
            m_db = std::move(opened).value();
            QVERIFY(ServerMigrator().migrate(*m_db).ok());
            QVERIFY(m_db->run(DomainRows::insertSql(u"customers"_s, DomainRows::customerColumns()),
                              DomainRows::customerRow(customer(1)))
                        .ok());
        }
        for (int round = 0; round < 5; ++round) {
            QList<wire::Mutation> push;
            for (int i = 0; i < 40; ++i)
                push.append(createContact(contact(round * 100 + i, i % 13 == 5 ? uuidOf(2) : uuidOf(1))));
            QList<wire::PushResponse> answers(2);
            QStringList failures;
            std::mutex lock;
            const auto run = [&](int which) {
                Result<std::unique_ptr<ServerDatabase>> own = ServerDatabase::open(m_location);
                if (!own) {
                    const std::lock_guard guard(lock);
                    failures.append(own.error().message);
                    return;
                }
                MutationApplier applier(*own.value());
                Result<wire::PushResponse> answered = applier.apply(push, kDesk, QDateTime::currentDateTimeUtc());
                const std::lock_guard guard(lock);
                if (answered)
                    answers[which] = answered.value();
                else
                    failures.append(answered.error().message);
            };
            std::thread first(run, 0);
            std::thread second(run, 1);
            first.join();
            second.join();
            QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
            QCOMPARE(answers.at(0).results.size(), push.size());
            QCOMPARE(answers.at(1).results.size(), push.size());
            for (qsizetype i = 0; i < push.size(); ++i) {
                QCOMPARE(answers.at(0).results.at(i).status, answers.at(1).results.at(i).status);
                QCOMPARE(answers.at(0).results.at(i).code, answers.at(1).results.at(i).code);
            }
        }
        QCOMPARE(count(u"SELECT count(*) FROM applied_mutations"_s), 200);
        QCOMPARE(count(u"SELECT count(*) FROM contacts"_s), 5 * (40 - 3));
        QCOMPARE(count(u"SELECT count(*) FROM change_log WHERE entity = 'contact' AND operation = 'insert'"_s),
                 5 * (40 - 3));
    }
};

QTEST_GUILESS_MAIN(tst_MutationBatches)
#include "tst_MutationBatches.moc"
