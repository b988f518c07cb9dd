// seed-demo's sink on SQLite: every generated record lands once, in batches and transactions of any size.

#include "ServerTestSupport.h"
#include "demo/DemoCouncilGenerator.h"
#include "demo/DemoCouncilSummary.h"
#include "server/DemoSeedSink.h"
#include "server/DomainRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

// Remembers the first customer and counts contact-case links on the way through.
class Observer : public DemoCouncilSink {
public:
    explicit Observer(DemoCouncilSink *next) : m_next(next) { }
    void onCustomer(const Customer &customer) override
    {
        if (!first)
            first = customer;
        m_next->onCustomer(customer);
    }
    void onContact(const Contact &contact) override
    {
        links += contact.linkedCaseIds.size();
        m_next->onContact(contact);
    }
    void onCase(const Case &serviceCase) override { m_next->onCase(serviceCase); }
    Status status() const override { return m_next->status(); }

    std::optional<Customer> first;
    qint64 links = 0;

private:
    DemoCouncilSink *m_next;
};

struct Counts {
    qint64 customers = 0;
    qint64 contacts = 0;
    qint64 cases = 0;
    qint64 links = 0;
};

Counts countRows(const ServerDatabase &db)
{
    return { db.scalar(u"SELECT count(*) FROM customers"_s).value().toLongLong(),
             db.scalar(u"SELECT count(*) FROM contacts"_s).value().toLongLong(),
             db.scalar(u"SELECT count(*) FROM cases"_s).value().toLongLong(),
             db.scalar(u"SELECT count(*) FROM contact_cases"_s).value().toLongLong() };
}

} // namespace

class tst_DemoSeedSink : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    struct Seeded {
        std::unique_ptr<ServerDatabase> db;
        DemoCouncilSummary summary;
        qint64 links = 0;
        std::optional<Customer> first;
        qint64 rowsWritten = 0;
    };

    static Status seed(ServerDatabase &db, Seeded &into, int rowsPerStatement, qint64 rowsPerTransaction)
    {
        DemoSeedSink sink(db, rowsPerStatement, rowsPerTransaction);
        Observer observer(&sink);
        into.summary = DemoCouncilSummary(&observer);
        if (Status begun = sink.begin(); !begun)
            return begun;
        DemoCouncilOptions options;
        options.customers = 300;
        options.seed = 5;
        if (Status generated = DemoCouncilGenerator(options).generate(into.summary); !generated)
            return generated;
        into.links = observer.links;
        into.first = observer.first;
        Status finished = sink.finish();
        into.rowsWritten = sink.rowsWritten();
        return finished;
    }

private slots:
    void everyGeneratedRecordLandsOnce_data()
    {
        QTest::addColumn<int>("rowsPerStatement");
        QTest::addColumn<qint64>("rowsPerTransaction");
        QTest::newRow("dialect default batches") << 0 << qint64(50'000);
        QTest::newRow("odd multi-row batches, many commits") << 7 << qint64(50);
    }

    void everyGeneratedRecordLandsOnce()
    {
        QFETCH(int, rowsPerStatement);
        QFETCH(qint64, rowsPerTransaction);
        auto db = test::openMigratedSqlite(m_dir.filePath(u"seed%1.sqlite"_s.arg(++m_counter)));
        QVERIFY(db);
        Seeded seeded;
        const Status done = seed(*db, seeded, rowsPerStatement, rowsPerTransaction);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().message));
        const Counts counts = countRows(*db);
        QCOMPARE(counts.customers, seeded.summary.customers());
        QCOMPARE(counts.customers, qint64(300));
        QCOMPARE(counts.contacts, seeded.summary.contacts());
        QCOMPARE(counts.cases, seeded.summary.cases());
        QCOMPARE(counts.links, seeded.links);
        QVERIFY(counts.contacts > counts.customers);
        QCOMPARE(seeded.rowsWritten, counts.customers + counts.contacts + counts.cases + counts.links);
        QCOMPARE(db->scalar(u"PRAGMA foreign_key_check"_s).value(), QVariant());
    }

    void seedingTheSameSeedAgainAddsNothing()
    {
        auto db = test::openMigratedSqlite(m_dir.filePath(u"seed%1.sqlite"_s.arg(++m_counter)));
        Seeded first;
        QVERIFY(seed(*db, first, 0, 50'000).ok());
        const Counts before = countRows(*db);
        Seeded second;
        QVERIFY(seed(*db, second, 0, 50'000).ok());
        const Counts after = countRows(*db);
        QCOMPARE(after.customers, before.customers);
        QCOMPARE(after.contacts, before.contacts);
        QCOMPARE(after.cases, before.cases);
        QCOMPARE(after.links, before.links);
    }

    void aCustomerReadsBackAsGenerated()
    {
        auto db = test::openMigratedSqlite(m_dir.filePath(u"seed%1.sqlite"_s.arg(++m_counter)));
        Seeded seeded;
        QVERIFY(seed(*db, seeded, 0, 50'000).ok());
        QVERIFY(seeded.first);
        const Customer &c = *seeded.first;
        Result<QSqlQuery> row = db->run(u"SELECT reference, given_name, family_name, date_of_birth, phones, postcode,"
                                        " preferred_channel, flags, consent_post, revision, created_at FROM customers"
                                        " WHERE id = ?"_s,
                                        { c.id.toString(QUuid::WithoutBraces) });
        QVERIFY(row.ok());
        QVERIFY(row.value().next());
        const QSqlQuery &q = row.value();
        QCOMPARE(q.value(0).toString(), c.reference);
        QCOMPARE(q.value(1).toString(), c.givenName);
        QCOMPARE(q.value(2).toString(), c.familyName);
        QCOMPARE(q.value(3).toString(), c.dateOfBirth.isValid() ? c.dateOfBirth.toString(Qt::ISODate) : QString());
        QCOMPARE(q.value(4).toString(), c.phones.join(u';'));
        QCOMPARE(q.value(5).toString(), c.address.postcode);
        QCOMPARE(q.value(6).toString(), channelKey(c.preferredChannel));
        QCOMPARE(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).array().size(), c.flags.size());
        QCOMPARE(q.value(8).toBool(), c.consents.post);
        QCOMPARE(q.value(9).toLongLong(), c.revision);
        QCOMPARE(ServerDatabase::readTimestamp(q.value(10)), c.createdAt.toUTC());
    }

    void flagsKeepTheirNotes()
    {
        CustomerFlag flag;
        flag.category = FlagCategory::DoNotVisitAlone;
        flag.note = u"Dog; call ahead"_s;
        flag.raisedOn = QDate(2026, 1, 5);
        flag.reviewBy = QDate(2026, 7, 5);
        QCOMPARE(DomainRows::flagsJson({ flag }),
                 uR"([{"category":"do_not_visit_alone","note":"Dog; call ahead","raised_on":"2026-01-05","review_by":"2026-07-05"}])"_s);
        QCOMPARE(DomainRows::flagsJson({}), u"[]"_s);
    }
};

QTEST_GUILESS_MAIN(tst_DemoSeedSink)
#include "tst_DemoSeedSink.moc"
