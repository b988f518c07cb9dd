// CacheTransaction: writes made through it are saved together on commit() and not at all otherwise.

#include "storage/CacheTransaction.h"
#include "storage/SyncStateStore.h"
#include "unit/storage/StoreTestSupport.h"

#include <QSqlQuery>
#include <QTest>

#include <optional>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

std::optional<QString> stateValue(const QSqlDatabase &db, const QString &key)
{
    auto value = SyncStateStore(db).value(key);
    return value ? *value : std::optional<QString>(u"<error>"_s);
}

} // namespace

class tst_CacheTransaction : public QObject {
    Q_OBJECT

private slots:
    void commitKeepsEveryWriteMadeSinceBegin()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        {
            CacheTransaction tx(cache.db());
            QVERIFY(tx.begin().ok());
            QVERIFY(tx.isActive());
            SyncStateStore state(cache.db());
            QVERIFY(state.setValue(u"a"_s, u"1"_s).ok());
            QVERIFY(state.setValue(u"b"_s, u"2"_s).ok());
            QVERIFY(tx.commit().ok());
            QVERIFY(!tx.isActive());
        }
        cache.close();
        QVERIFY(cache.open());
        QCOMPARE(stateValue(cache.db(), u"a"_s), std::optional<QString>(u"1"_s));
        QCOMPARE(stateValue(cache.db(), u"b"_s), std::optional<QString>(u"2"_s));
    }

    void endingWithoutCommitUndoesEveryWrite_data()
    {
        QTest::addColumn<bool>("explicitRollback");
        QTest::newRow("destroyed uncommitted") << false;
        QTest::newRow("rolled back") << true;
    }

    void endingWithoutCommitUndoesEveryWrite()
    {
        QFETCH(bool, explicitRollback);
        StoreTestCache cache;
        QVERIFY(cache.open());
        SyncStateStore state(cache.db());
        QVERIFY(state.setValue(u"a"_s, u"before"_s).ok());
        {
            CacheTransaction tx(cache.db());
            QVERIFY(tx.begin().ok());
            QVERIFY(state.setValue(u"a"_s, u"during"_s).ok());
            QVERIFY(state.setValue(u"b"_s, u"during"_s).ok());
            QCOMPARE(stateValue(cache.db(), u"a"_s), std::optional<QString>(u"during"_s));
            if (explicitRollback) {
                QVERIFY(tx.rollback().ok());
                QVERIFY(!tx.isActive());
            }
        }
        QVERIFY(!cacheInTransaction(cache.db()));
        QCOMPARE(stateValue(cache.db(), u"a"_s), std::optional<QString>(u"before"_s));
        QCOMPARE(stateValue(cache.db(), u"b"_s), std::optional<QString>());
    }

    void cacheInTransactionIsTrueOnlyBetweenBeginAndTheEnd()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        QCOMPARE(cacheInTransaction(cache.db()), false);
        CacheTransaction tx(cache.db());
        QCOMPARE(cacheInTransaction(cache.db()), false);
        QVERIFY(tx.begin().ok());
        QCOMPARE(cacheInTransaction(cache.db()), true);
        QVERIFY(tx.commit().ok());
        QCOMPARE(cacheInTransaction(cache.db()), false);
        QCOMPARE(cacheInTransaction(QSqlDatabase()), false);
    }

    void finishingATransactionThatIsNotOpenIsRefused_data()
    {
        QTest::addColumn<bool>("begin");
        QTest::addColumn<bool>("commitFirst");
        QTest::addColumn<bool>("thenCommit");
        QTest::newRow("commit, never begun") << false << false << true;
        QTest::newRow("rollback, never begun") << false << false << false;
        QTest::newRow("commit after commit") << true << true << true;
        QTest::newRow("rollback after commit") << true << true << false;
    }

    void finishingATransactionThatIsNotOpenIsRefused()
    {
        QFETCH(bool, begin);
        QFETCH(bool, commitFirst);
        QFETCH(bool, thenCommit);
        StoreTestCache cache;
        QVERIFY(cache.open());
        CacheTransaction tx(cache.db());
        if (begin)
            QVERIFY(tx.begin().ok());
        if (commitFirst)
            QVERIFY(tx.commit().ok());
        const Status status = thenCommit ? tx.commit() : tx.rollback();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"cache.no_transaction"_s);
    }

    void beginningTwiceIsRefused()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CacheTransaction tx(cache.db());
        QVERIFY(tx.begin().ok());
        const Status again = tx.begin();
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"cache.transaction_failed"_s);
        QVERIFY(tx.isActive());
    }

    void aSecondTransactionOnTheSameConnectionIsRefusedAsNested()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        SyncStateStore state(cache.db());
        CacheTransaction outer(cache.db());
        QVERIFY(outer.begin().ok());
        QVERIFY(state.setValue(u"outer"_s, u"1"_s).ok());
        {
            CacheTransaction inner(cache.db());
            const Status nested = inner.begin();
            QVERIFY(!nested.ok());
            QCOMPARE(nested.error().code, u"cache.transaction_nested"_s);
            QVERIFY(!inner.isActive());
        } // the refused inner transaction must not roll back the outer one when it goes
        QVERIFY(cacheInTransaction(cache.db()));
        QVERIFY(outer.commit().ok());
        QCOMPARE(stateValue(cache.db(), u"outer"_s), std::optional<QString>(u"1"_s));
    }

    void beginFailsWhileAnotherConnectionHoldsTheWriteLock()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        const QString other = u"other_writer"_s;
        CipherOpenOptions quick;
        quick.busyTimeoutMs = 1;
        QVERIFY(cache.openAs(other, quick));
        {
            CacheTransaction holder(cache.db());
            QVERIFY(holder.begin().ok());
            CacheTransaction blocked(QSqlDatabase::database(other, false));
            const Status status = blocked.begin();
            QVERIFY(!status.ok());
            QCOMPARE(status.error().code, u"cache.transaction_failed"_s);
            QVERIFY(!blocked.isActive());
            QVERIFY(holder.commit().ok());
            QVERIFY(blocked.begin().ok());
            QVERIFY(blocked.commit().ok());
        }
        cache.closeAs(other);
    }

    void aFailedCommitSavesNothingAndEndsTheTransaction()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        {
            // A deferred foreign key is checked at COMMIT, which makes the commit itself fail.
            QSqlQuery setup(cache.db());
            QVERIFY(setup.exec(u"CREATE TABLE parent (id INTEGER PRIMARY KEY)"_s));
            QVERIFY(setup.exec(u"CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) "
                               "DEFERRABLE INITIALLY DEFERRED)"_s));
        }
        SyncStateStore state(cache.db());
        CacheTransaction tx(cache.db());
        QVERIFY(tx.begin().ok());
        QVERIFY(state.setValue(u"a"_s, u"1"_s).ok());
        {
            QSqlQuery orphan(cache.db());
            QVERIFY(orphan.exec(u"INSERT INTO child (parent_id) VALUES (42)"_s));
        }
        const Status committed = tx.commit();
        QVERIFY(!committed.ok());
        QCOMPARE(committed.error().code, u"cache.commit_failed"_s);
        QVERIFY(committed.error().message.contains(u"FOREIGN KEY"_s));
        QVERIFY(!tx.isActive());
        QVERIFY(!cacheInTransaction(cache.db()));
        QCOMPARE(stateValue(cache.db(), u"a"_s), std::optional<QString>());
        QCOMPARE(cache.rowCount(u"child"_s), 0);
    }
};

QTEST_GUILESS_MAIN(tst_CacheTransaction)
#include "tst_CacheTransaction.moc"
