#include "storage/CacheTransaction.h"

#include <QSqlDriver>
#include <QVariant>

#include "storage/CipherDriver.h"

#include <QCoreApplication>
#include <QSqlError>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

Error noTransaction()
{
    return makeError(u"cache.no_transaction"_s,
                     QCoreApplication::translate("CacheTransaction", "No cache transaction is open."));
}

} // namespace

bool cacheInTransaction(const QSqlDatabase &db)
{
    const auto *driver = qobject_cast<const CipherDriver *>(db.driver());
    if (!driver || !driver->connection())
        return false;
    return sqlite3_get_autocommit(driver->connection()) == 0;
}

CacheTransaction::CacheTransaction(QSqlDatabase db) : m_db(std::move(db)) { }

CacheTransaction::~CacheTransaction()
{
    if (m_active)
        m_db.rollback();
}

Status CacheTransaction::begin()
{
    if (m_active)
        return makeError(u"cache.transaction_failed"_s,
                         QCoreApplication::translate("CacheTransaction", "This cache transaction has already begun."));
    if (cacheInTransaction(m_db))
        return makeError(u"cache.transaction_nested"_s,
                         QCoreApplication::translate("CacheTransaction",
                                                     "A cache transaction is already open on this connection; "
                                                     "the change must be part of that one."));
    if (!m_db.transaction())
        return makeError(u"cache.transaction_failed"_s,
                         QCoreApplication::translate("CacheTransaction", "Could not start a cache transaction: %1")
                             .arg(m_db.lastError().text()));
    m_active = true;
    return {};
}

Status CacheTransaction::commit()
{
    if (!m_active)
        return noTransaction();
    m_active = false;
    if (m_db.commit())
        return {};
    const QString why = m_db.lastError().text();
    // A failed COMMIT may leave SQLite's transaction open (SQLITE_BUSY); end it so the promise holds.
    if (cacheInTransaction(m_db))
        m_db.rollback();
    return makeError(
        u"cache.commit_failed"_s,
        QCoreApplication::translate("CacheTransaction", "The changes could not be saved and were undone: %1").arg(why));
}

Status CacheTransaction::rollback()
{
    if (!m_active)
        return noTransaction();
    m_active = false;
    if (m_db.rollback())
        return {};
    return makeError(u"cache.rollback_failed"_s,
                     QCoreApplication::translate("CacheTransaction", "The cache transaction could not be undone: %1")
                         .arg(m_db.lastError().text()));
}

namespace {
constexpr const char *kWholeTransactionProperty = "fc_whole_transaction_writes";
}

WholeTransactionWrites::WholeTransactionWrites(QSqlDatabase db) : m_db(std::move(db))
{
    if (m_db.driver())
        m_db.driver()->setProperty(kWholeTransactionProperty, true);
}

WholeTransactionWrites::~WholeTransactionWrites()
{
    if (m_db.driver())
        m_db.driver()->setProperty(kWholeTransactionProperty, false);
}

bool WholeTransactionWrites::isActive(const QSqlDatabase &db)
{
    return db.driver() && db.driver()->property(kWholeTransactionProperty).toBool();
}

} // namespace fc
