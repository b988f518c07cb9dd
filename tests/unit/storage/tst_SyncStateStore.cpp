// SyncStateStore on a real encrypted cache, and the rule it exists for: a pulled page and its cursor are
// applied in one transaction, so the cache never holds one without the other.

#include "storage/CacheTransaction.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "storage/SyncStateStore.h"
#include "unit/storage/StoreTestSupport.h"

#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

std::optional<QString> read(const QSqlDatabase &db, const QString &key)
{
    auto value = SyncStateStore(db).value(key);
    return value ? *value : std::optional<QString>(u"<error>"_s);
}

// What one page from /v1/sync/pull brings: records and the cursor after them.
struct PulledPage {
    QList<Case> cases;
    QList<Contact> contacts;
    QString cursor;
};

PulledPage makePage(int number)
{
    PulledPage page;
    for (int i = 0; i < 2; ++i) {
        Case c;
        c.id = QUuid::createUuid();
        c.reference = u"WST-2025-%1"_s.arg(number * 10 + i, 6, 10, QChar(u'0'));
        c.service = u"waste"_s;
        c.requestType = u"missed_bin"_s;
        c.raisedAt = utc(2025, 3, number, 9, i);
        c.revision = 1;
        page.cases.append(c);
    }
    Contact contact;
    contact.id = QUuid::createUuid();
    contact.startedAt = utc(2025, 3, number, 9);
    contact.endedAt = utc(2025, 3, number, 9, 5);
    contact.outcome = Outcome::RequestRaised;
    contact.linkedCaseIds = { page.cases.first().id };
    page.contacts.append(contact);
    page.cursor = u"pg:%1"_s.arg(number * 1000);
    return page;
}

// Applies a page the way the sync engine must: every record and the cursor in one CacheTransaction.
// `failAtWrite` makes the Nth write fail (1-based; 0 never), to stop the apply at every step.
Status applyPage(const QSqlDatabase &db, const PulledPage &page, int failAtWrite)
{
    int writes = 0;
    auto injected = [&]() { return ++writes == failAtWrite; };
    const Error failure = makeError(u"test.injected"_s, u"Injected failure."_s);

    CacheTransaction tx(db);
    if (Status begun = tx.begin(); !begun)
        return begun;
    CaseStore cases(db);
    for (const Case &c : page.cases) {
        if (injected())
            return failure;
        if (Status s = cases.upsert(c); !s)
            return s;
    }
    ContactStore contacts(db);
    for (const Contact &contact : page.contacts) {
        if (injected())
            return failure;
        if (Status s = contacts.applyPulled(contact); !s)
            return s;
    }
    if (injected())
        return failure;
    if (Status s = SyncStateStore(db).setValue(SyncStateStore::pullCursorKey, page.cursor); !s)
        return s;
    if (injected())
        return failure;
    return tx.commit();
}

bool holdsPage(const QSqlDatabase &db, const PulledPage &page)
{
    for (const Case &c : page.cases) {
        auto stored = CaseStore(db).byId(c.id);
        if (!stored || !stored->has_value() || **stored != c)
            return false;
    }
    for (const Contact &contact : page.contacts) {
        auto stored = ContactStore(db).byId(contact.id);
        if (!stored || !stored->has_value() || **stored != contact)
            return false;
    }
    return true;
}

bool holdsAnyOfPage(const QSqlDatabase &db, const PulledPage &page)
{
    for (const Case &c : page.cases) {
        if (CaseStore(db).byId(c.id).valueOr(std::nullopt).has_value())
            return true;
    }
    for (const Contact &contact : page.contacts) {
        if (ContactStore(db).byId(contact.id).valueOr(std::nullopt).has_value())
            return true;
    }
    return false;
}

} // namespace

class tst_SyncStateStore : public QObject {
    Q_OBJECT

private slots:
    void aValueIsReadBackExactlyAndAfterReopening_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("pull cursor") << QString(SyncStateStore::pullCursorKey) << u"pg:7263541:0017"_s;
        QTest::newRow("server epoch") << QString(SyncStateStore::serverEpochKey) << u"2f1c9a4e"_s;
        QTest::newRow("last sync time") << QString(SyncStateStore::lastSyncAtKey) << u"2025-03-01T10:00:00.123Z"_s;
        QTest::newRow("empty value") << u"flag"_s << u""_s;
    }

    void aValueIsReadBackExactlyAndAfterReopening()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        StoreTestCache cache;
        QVERIFY(cache.open());
        QVERIFY(SyncStateStore(cache.db()).setValue(key, value).ok());
        QCOMPARE(read(cache.db(), key), std::optional<QString>(value));
        cache.close();
        QVERIFY(cache.open());
        QCOMPARE(read(cache.db(), key), std::optional<QString>(value));
    }

    void settingAgainReplacesOnlyThatKey()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        SyncStateStore state(cache.db());
        QVERIFY(state.setValue(u"a"_s, u"1"_s).ok());
        QVERIFY(state.setValue(u"b"_s, u"2"_s).ok());
        QVERIFY(state.setValue(u"a"_s, u"3"_s).ok());
        QCOMPARE(read(cache.db(), u"a"_s), std::optional<QString>(u"3"_s));
        QCOMPARE(read(cache.db(), u"b"_s), std::optional<QString>(u"2"_s));
        QCOMPARE(cache.rowCount(u"sync_state"_s), 2);
    }

    void aKeyNeverSetOrRemovedHasNoValue()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        SyncStateStore state(cache.db());
        QCOMPARE(read(cache.db(), QString(SyncStateStore::pullCursorKey)), std::optional<QString>());
        QVERIFY(state.setValue(u"a"_s, u"1"_s).ok());
        auto removed = state.remove(u"a"_s);
        QVERIFY(removed.ok());
        QCOMPARE(*removed, true);
        QCOMPARE(*state.remove(u"a"_s), false);
        QCOMPARE(read(cache.db(), u"a"_s), std::optional<QString>());
    }

    void anEmptyKeyIsRefused()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        SyncStateStore state(cache.db());
        const Status set = state.setValue(QString(), u"x"_s);
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, u"sync_state.invalid"_s);
        QCOMPARE(state.value(QString()).error().code, u"sync_state.invalid"_s);
        QCOMPARE(state.remove(QString()).error().code, u"sync_state.invalid"_s);
        QCOMPARE(cache.rowCount(u"sync_state"_s), 0);
    }

    void aPageAndItsCursorAreAppliedTogetherOrNotAtAll_data()
    {
        QTest::addColumn<int>("failAtWrite");
        QTest::newRow("no failure") << 0;
        // Writes: case, case, contact, cursor, commit.
        const char *steps[] = { "first case", "second case", "contact", "cursor", "commit" };
        for (int n = 1; n <= 5; ++n)
            QTest::addRow("failure at the %s", steps[n - 1]) << n;
    }

    void aPageAndItsCursorAreAppliedTogetherOrNotAtAll()
    {
        QFETCH(int, failAtWrite);
        StoreTestCache cache;
        QVERIFY(cache.open());
        const PulledPage first = makePage(1);
        const PulledPage second = makePage(2);
        QVERIFY(applyPage(cache.db(), first, 0).ok());

        const Status status = applyPage(cache.db(), second, failAtWrite);
        QCOMPARE(status.ok(), failAtWrite == 0);
        cache.close();
        QVERIFY(cache.open());

        QVERIFY(holdsPage(cache.db(), first));
        if (failAtWrite == 0) {
            QVERIFY(holdsPage(cache.db(), second));
            QCOMPARE(read(cache.db(), QString(SyncStateStore::pullCursorKey)), std::optional<QString>(second.cursor));
        } else {
            QVERIFY(!holdsAnyOfPage(cache.db(), second));
            QCOMPARE(read(cache.db(), QString(SyncStateStore::pullCursorKey)), std::optional<QString>(first.cursor));
            // The retry after the failure applies the page in full.
            QVERIFY(applyPage(cache.db(), second, 0).ok());
            QVERIFY(holdsPage(cache.db(), second));
            QCOMPARE(read(cache.db(), QString(SyncStateStore::pullCursorKey)), std::optional<QString>(second.cursor));
        }
        QCOMPARE(cache.rowCount(u"service_case"_s), 4);
        QCOMPARE(cache.rowCount(u"contact"_s), 2);
    }
};

QTEST_GUILESS_MAIN(tst_SyncStateStore)
#include "tst_SyncStateStore.moc"
