// A first sync's snapshot loaded the fast way (SnapshotIndexes, SnapshotWriter through
// SyncCache::applyPage): records read back exactly as sent, every index and the FTS back after the
// snapshot, search working during and after it, a snapshot stopped mid-way and resumed ending with the
// same cache as an uninterrupted one, and local edits made while it loads kept and laid over.

#include "core/DomainJson.h"
#include "demo/DemoCouncilGenerator.h"
#include "storage/CacheTransaction.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "storage/CustomerSearch.h"
#include "storage/CustomerStore.h"
#include "storage/OutboxStore.h"
#include "storage/SnapshotLoad.h"
#include "storage/SyncStateStore.h"
#include "sync/SyncCache.h"
#include "unit/storage/StoreTestSupport.h"

#include <QCryptographicHash>
#include <QSqlRecord>
#include <QTest>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

// A generated council as the server's snapshot sends it: customers, cases, contacts, by ascending id.
struct Council : DemoCouncilSink {
    QList<Customer> customers;
    QList<Case> cases;
    QList<Contact> contacts;

    void onCustomer(const Customer &c) override { customers.append(c); }
    void onCase(const Case &c) override { cases.append(c); }
    void onContact(const Contact &c) override { contacts.append(c); }

    QList<wire::Change> changes() const
    {
        QList<wire::Change> all;
        QList<Customer> byIdCustomers = customers;
        std::sort(byIdCustomers.begin(), byIdCustomers.end(),
                  [](const Customer &a, const Customer &b) { return a.id.toString() < b.id.toString(); });
        for (const Customer &c : byIdCustomers)
            all.append({ u"customer"_s, u"upsert"_s, c.id, c.revision, DomainJson::fromCustomer(c) });
        QList<Case> byIdCases = cases;
        std::sort(byIdCases.begin(), byIdCases.end(), [](const Case &a, const Case &b) { return a.id.toString() < b.id.toString(); });
        for (const Case &c : byIdCases)
            all.append({ u"case"_s, u"upsert"_s, c.id, c.revision, DomainJson::fromCase(c) });
        QList<Contact> byIdContacts = contacts;
        std::sort(byIdContacts.begin(), byIdContacts.end(),
                  [](const Contact &a, const Contact &b) { return a.id.toString() < b.id.toString(); });
        for (const Contact &c : byIdContacts)
            all.append({ u"contact"_s, u"upsert"_s, c.id, 1, DomainJson::fromContact(c) });
        return all;
    }
};

Council generate(int customers)
{
    DemoCouncilOptions options;
    options.customers = customers;
    options.seed = 7;
    Council council;
    const Status generated = DemoCouncilGenerator(options).generate(council);
    if (!generated)
        qFatal("generator: %s", qUtf8Printable(generated.error().message));
    return council;
}

// The snapshot in pages of `size`, numbered from 1; the last says more is coming (the log follows).
QList<wire::PullPage> snapshotPages(const QList<wire::Change> &changes, int size)
{
    QList<wire::PullPage> pages;
    for (qsizetype from = 0; from < changes.size(); from += size) {
        wire::PullPage page;
        page.epoch = u"epoch-1"_s;
        page.cursor = u"snapshot-%1"_s.arg(pages.size() + 1);
        page.phase = u"snapshot"_s;
        page.more = true;
        page.done = std::min(from + size, changes.size());
        page.total = changes.size();
        page.changes = changes.mid(from, size);
        pages.append(page);
    }
    return pages;
}

wire::PullPage logPage(const QList<wire::Change> &changes = {})
{
    wire::PullPage page;
    page.epoch = u"epoch-1"_s;
    page.cursor = u"log-1"_s;
    page.phase = u"log"_s;
    page.changes = changes;
    return page;
}

QStringList indexes(QSqlDatabase db)
{
    QSqlQuery query(db);
    QStringList names;
    if (!query.exec(u"SELECT name || ': ' || ifnull(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name"_s))
        return { u"query failed"_s };
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

// Row counts and a hash of the key columns of everything a first sync writes, FTS included.
QString contentDigest(QSqlDatabase db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList counts;
    const QStringList queries {
        u"SELECT id, reference, family_name, given_name, postcode_key, outward_code, family_fold, town, revision, "
        "last_contact_at, date_of_birth FROM customer ORDER BY id"_s,
        u"SELECT c.id, p.position, p.phone, p.reversed_digits FROM customer_phone p JOIN customer c ON c.row = "
        "p.customer_row ORDER BY c.id, p.position"_s,
        u"SELECT c.id, e.position, e.email_key FROM customer_email e JOIN customer c ON c.row = e.customer_row "
        "ORDER BY c.id, e.position"_s,
        u"SELECT c.id, f.position, f.category, f.raised_on FROM customer_flag f JOIN customer c ON c.row = "
        "f.customer_row ORDER BY c.id, f.position"_s,
        u"SELECT c.id, f.names, f.address FROM customer_fts f JOIN customer c ON c.row = f.docid ORDER BY c.id"_s,
        u"SELECT id, reference, customer_id, status, raised_at, revision FROM service_case ORDER BY id"_s,
        u"SELECT id, customer_id, channel, started_at, ended_at, outcome, answers FROM contact ORDER BY id"_s,
        u"SELECT contact_id, case_id, position FROM contact_case ORDER BY contact_id, case_id"_s,
        u"SELECT key, value FROM sync_state WHERE key NOT LIKE 'session.%' ORDER BY key"_s,
    };
    for (const QString &sql : queries) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return u"query failed: "_s + sql;
        int rows = 0;
        while (query.next()) {
            ++rows;
            for (int i = 0; i < query.record().count(); ++i)
                hash.addData((query.value(i).toString() + u'\x1f').toUtf8());
            hash.addData("\n");
        }
        counts.append(QString::number(rows));
    }
    return counts.join(u'/') + u' ' + QString::fromLatin1(hash.result().toHex());
}

} // namespace

class tst_SnapshotLoad : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::StoreTestCache> m_cache;
    QSqlDatabase db() { return m_cache->db(); }
    QStringList m_schemaIndexes; // as a freshly migrated cache has them

    bool applyAll(const QList<wire::PullPage> &pages)
    {
        for (const wire::PullPage &page : pages) {
            Result<AppliedPage> applied = SyncCache::applyPage(db(), page);
            if (!applied) {
                qWarning() << applied.error().code << applied.error().message;
                return false;
            }
        }
        return true;
    }

    QStringList foundReferences(const QString &text)
    {
        Result<CustomerSearchPage> page = CustomerSearch(db()).search(text, 50);
        if (!page)
            return { u"search failed: "_s + page.error().message };
        QStringList references;
        for (const CustomerSearchHit &hit : page->hits)
            references.append(hit.reference);
        return references;
    }

private slots:
    void init()
    {
        m_cache = std::make_unique<test::StoreTestCache>();
        QVERIFY(m_cache->open());
        if (m_schemaIndexes.isEmpty())
            m_schemaIndexes = indexes(db());
    }
    void cleanup() { m_cache.reset(); }

    void recordsReadBackAsSent()
    {
        const Council council = generate(40);
        QVERIFY(council.contacts.size() > 40);
        QVERIFY(applyAll(snapshotPages(council.changes(), 25)));
        QVERIFY(applyAll({ logPage() }));
        for (const Customer &sent : council.customers) {
            Result<std::optional<Customer>> stored = CustomerStore(db()).byId(sent.id);
            QVERIFY(stored.ok() && stored.value().has_value());
            // Through the wire and back: what DomainJson reads is what the cache must hold.
            QCOMPARE(*stored.value(), DomainJson::toCustomer(DomainJson::fromCustomer(sent)).value());
        }
        for (const Case &sent : council.cases) {
            Result<std::optional<Case>> stored = CaseStore(db()).byId(sent.id);
            QVERIFY(stored.ok() && stored.value().has_value());
            QCOMPARE(*stored.value(), DomainJson::toCase(DomainJson::fromCase(sent)).value());
        }
        QDateTime latest;
        QUuid customerOfLatest;
        for (const Contact &sent : council.contacts) {
            Result<std::optional<Contact>> stored = ContactStore(db()).byId(sent.id);
            QVERIFY(stored.ok() && stored.value().has_value());
            QCOMPARE(*stored.value(), DomainJson::toContact(DomainJson::fromContact(sent)).value());
            if (!sent.customerId.isNull() && (!latest.isValid() || sent.startedAt > latest)) {
                latest = sent.startedAt;
                customerOfLatest = sent.customerId;
            }
        }
        // Last contact times come from the contacts once the snapshot is over.
        QCOMPARE(CustomerStore(db()).lastContactAt(customerOfLatest).value(), latest);
        QCOMPARE(CustomerStore(db()).lastContactAt(customerOfLatest).value(),
                 ContactStore(db()).lastContactAt(customerOfLatest).value());
    }

    void indexesAreDownDuringTheSnapshotAndBackAfterIt()
    {
        Council council = generate(30);
        Customer &known = council.customers[5];
        known.givenName = u"Gwenllian"_s;
        known.familyName = u"Prydderch"_s;
        known.address.postcode = u"SA99 9ZZ"_s;
        known.phones = { u"+441792000123"_s };
        const QList<wire::PullPage> pages = snapshotPages(council.changes(), 10);
        QVERIFY(pages.size() > 3);

        QVERIFY(applyAll(pages.mid(0, 2)));
        QVERIFY(SnapshotIndexes::areDropped(db()).value());
        QVERIFY(!indexes(db()).join(u'\n').contains(u"customer_postcode"_s));
        // Search works while they are down: names through FTS, the rest by scanning.
        QCOMPARE(foundReferences(u"Prydderch"_s), QStringList { known.reference });
        QCOMPARE(foundReferences(u"SA99 9ZZ"_s), QStringList { known.reference });
        QCOMPARE(foundReferences(u"SA99"_s), QStringList { known.reference });

        QVERIFY(applyAll(pages.mid(2)));
        QVERIFY(SnapshotIndexes::areDropped(db()).value()); // the snapshot's last page does not know it is
        QVERIFY(applyAll({ logPage() }));
        QVERIFY(!SnapshotIndexes::areDropped(db()).value());
        QCOMPARE(indexes(db()), m_schemaIndexes);
        QCOMPARE(SyncCache::snapshot(db())->phase, u"log"_s);
        QCOMPARE(foundReferences(u"Gwenllian Prydderch"_s), QStringList { known.reference });
        QCOMPARE(foundReferences(u"gwen pryd"_s), QStringList { known.reference });
        QCOMPARE(foundReferences(u"SA99 9ZZ"_s), QStringList { known.reference });
        QCOMPARE(foundReferences(u"000123"_s), QStringList { known.reference });
        QCOMPARE(foundReferences(u"01792 000123"_s), QStringList { known.reference });
        // The FTS holds every customer once.
        QCOMPARE(m_cache->rowCount(u"customer_fts"_s), qint64(council.customers.size()));
    }

    void aSnapshotThatSaysNothingFollowsRebuildsAtItsLastPage()
    {
        const Council council = generate(10);
        QList<wire::PullPage> pages = snapshotPages(council.changes(), 1000);
        QCOMPARE(pages.size(), 1);
        pages.first().more = false;
        QVERIFY(applyAll(pages));
        QVERIFY(!SnapshotIndexes::areDropped(db()).value());
        QCOMPARE(indexes(db()), m_schemaIndexes);
    }

    void aFailedFirstPageLeavesTheIndexesUp()
    {
        const Council council = generate(10);
        QList<wire::PullPage> pages = snapshotPages(council.changes(), 8);
        QJsonObject broken = pages.first().changes.last().record;
        broken.insert(u"preferred_channel"_s, u"carrier pigeon"_s);
        pages.first().changes.last().record = broken;
        QVERIFY(!SyncCache::applyPage(db(), pages.first()).ok());
        QVERIFY(!SnapshotIndexes::areDropped(db()).value());
        QCOMPARE(indexes(db()), m_schemaIndexes);
        QCOMPARE(m_cache->rowCount(u"customer"_s), 0);
        QCOMPARE(SyncCache::snapshot(db())->cursor, QString());
    }

    void aSnapshotStoppedAndResumedEndsAsAnUninterruptedOne()
    {
        const Council council = generate(60);
        const QList<wire::PullPage> pages = snapshotPages(council.changes(), 37);
        QVERIFY(pages.size() > 6);

        QVERIFY(applyAll(pages));
        QVERIFY(applyAll({ logPage() }));
        const QString uninterrupted = contentDigest(db());
        QVERIFY2(!uninterrupted.startsWith(u"query failed"_s), qPrintable(uninterrupted));

        // Again into a fresh cache, stopped in the middle of a page of contacts: that page is lost
        // whole; the desk closes, opens again, and asks for the page after its cursor.
        m_cache = std::make_unique<test::StoreTestCache>();
        QVERIFY(m_cache->open());
        const qsizetype stop = pages.size() - 3;
        QVERIFY(applyAll(pages.mid(0, stop)));
        wire::PullPage lost = pages.at(stop);
        QJsonObject broken = lost.changes.last().record;
        broken.insert(u"channel"_s, u"carrier pigeon"_s);
        lost.changes.last().record = broken;
        QVERIFY(!SyncCache::applyPage(db(), lost).ok());
        QCOMPARE(SyncCache::snapshot(db())->cursor, pages.at(stop - 1).cursor);
        m_cache->close();
        QVERIFY(m_cache->open());
        QVERIFY(SnapshotIndexes::areDropped(db()).value());
        QVERIFY(applyAll(pages.mid(stop)));
        QVERIFY(applyAll({ logPage() }));
        QCOMPARE(contentDigest(db()), uninterrupted);
        QCOMPARE(indexes(db()), m_schemaIndexes);
    }

    void aPageReceivedTwiceChangesNothing()
    {
        const Council council = generate(20);
        const QList<wire::PullPage> pages = snapshotPages(council.changes(), 30);
        QVERIFY(applyAll(pages));
        QVERIFY(applyAll({ logPage() }));
        const QString once = contentDigest(db());

        m_cache = std::make_unique<test::StoreTestCache>();
        QVERIFY(m_cache->open());
        for (const wire::PullPage &page : pages)
            QVERIFY(applyAll({ page, page })); // each page twice: the second finds its records stored
        QVERIFY(applyAll({ logPage() }));
        QCOMPARE(contentDigest(db()), once);
    }

    void indexesCanBeRestoredBeforeTheSnapshotResumes()
    {
        const Council council = generate(20);
        const QList<wire::PullPage> pages = snapshotPages(council.changes(), 30);
        QVERIFY(applyAll(pages.mid(0, 2)));
        QVERIFY(SnapshotIndexes::restoreNow(db()).ok());
        QVERIFY(!SnapshotIndexes::areDropped(db()).value());
        QCOMPARE(indexes(db()), m_schemaIndexes);
        // Resuming takes them down again and the end of the snapshot builds them as usual.
        QVERIFY(applyAll(pages.mid(2)));
        QVERIFY(SnapshotIndexes::areDropped(db()).value());
        QVERIFY(applyAll({ logPage() }));
        QCOMPARE(indexes(db()), m_schemaIndexes);
        QCOMPARE(m_cache->rowCount(u"contact"_s), qint64(council.contacts.size()));
    }

    void localEditsMadeDuringTheSnapshotSurvive()
    {
        const Council council = generate(30);
        const QList<wire::PullPage> pages = snapshotPages(council.changes(), 10);
        QVERIFY(applyAll(pages.mid(0, 1)));
        const wire::Change &first = pages.first().changes.first();
        QCOMPARE(first.entity, u"customer"_s);
        const Customer pulled = DomainJson::toCustomer(first.record).value();

        // A person edits a customer already here and creates one; neither is sent yet.
        Customer edited = pulled;
        edited.address.town = u"Llandeilo"_s;
        Customer created = council.customers.last();
        created.id = QUuid::createUuid();
        created.reference = u"P-local"_s;
        created.familyName = u"Newcomer"_s;
        {
            CacheTransaction transaction(db());
            QVERIFY(transaction.begin().ok());
            QVERIFY(CustomerStore(db()).upsert(edited).ok());
            QVERIFY(CustomerStore(db()).upsert(created).ok());
            QVERIFY(OutboxStore(db())
                        .enqueue({ QUuid::createUuid(), u"customer"_s, pulled.id, u"update"_s, pulled.revision,
                                   { { u"changes"_s, QJsonObject { { u"town"_s, QJsonObject { { u"from"_s, pulled.address.town },
                                                                                            { u"to"_s, u"Llandeilo"_s } } } } } },
                                   QDateTime::currentDateTimeUtc() })
                        .ok());
            QVERIFY(OutboxStore(db())
                        .enqueue({ QUuid::createUuid(), u"customer"_s, created.id, u"create"_s, 0,
                                   { { u"record"_s, DomainJson::fromCustomer(created) } }, QDateTime::currentDateTimeUtc() })
                        .ok());
            QVERIFY(transaction.commit().ok());
        }
        // The created customer was pushed meanwhile and comes back in a later snapshot page, as the
        // server numbered it; the edited one comes again from the log with someone else's change.
        Customer numbered = created;
        numbered.reference = u"C1999999"_s;
        numbered.revision = 1;
        QList<wire::PullPage> rest = pages.mid(1);
        rest.first().changes.prepend({ u"customer"_s, u"upsert"_s, numbered.id, 1, DomainJson::fromCustomer(numbered) });
        QVERIFY(applyAll(rest));
        Customer server = pulled;
        server.title = u"Dr"_s;
        server.revision = pulled.revision + 1;
        QVERIFY(applyAll({ logPage({ { u"customer"_s, u"upsert"_s, server.id, server.revision, DomainJson::fromCustomer(server) } }) }));

        const Customer now = CustomerStore(db()).byId(pulled.id).value().value();
        QCOMPARE(now.address.town, u"Llandeilo"_s); // not undone before it is sent
        QCOMPARE(now.title, u"Dr"_s);
        QCOMPARE(now.revision, server.revision);
        QCOMPARE(CustomerStore(db()).byId(created.id).value()->reference, u"C1999999"_s);
        QCOMPARE(OutboxStore(db()).count().value(), 2);
        QCOMPARE(m_cache->rowCount(u"customer"_s), qint64(council.customers.size() + 1));
        QCOMPARE(foundReferences(u"Newcomer"_s).size(), 1);
        QCOMPARE(indexes(db()), m_schemaIndexes);
    }
};

QTEST_GUILESS_MAIN(tst_SnapshotLoad)
#include "tst_SnapshotLoad.moc"
