#include "storage/StoreSavepoint.h"

#include "storage/CacheTransaction.h"
#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fc::store {

StoreSavepoint::StoreSavepoint(QSqlDatabase db) : m_db(std::move(db)) { }

StoreSavepoint::~StoreSavepoint()
{
    if (!m_open)
        return;
    // ROLLBACK TO keeps the savepoint open, so it is released afterwards; together they undo its statements.
    QSqlQuery query(m_db);
    query.exec(u"ROLLBACK TO fc_store"_s);
    query.exec(u"RELEASE fc_store"_s);
}

Status StoreSavepoint::open()
{
    // Inside a whole-transaction write (a pulled page) the enclosing transaction is the unit of undo.
    if (WholeTransactionWrites::isActive(m_db) && cacheInTransaction(m_db)) {
        m_skipped = true;
        return {};
    }
    QSqlQuery query(m_db);
    if (!query.exec(u"SAVEPOINT fc_store"_s))
        return queryError(query, QCoreApplication::translate("CacheStore", "Could not start writing to the cache"));
    m_open = true;
    return {};
}

Status StoreSavepoint::release()
{
    if (m_skipped)
        return {};
    QSqlQuery query(m_db);
    if (!query.exec(u"RELEASE fc_store"_s))
        return queryError(query, QCoreApplication::translate("CacheStore", "Could not finish writing to the cache"));
    m_open = false;
    return {};
}

} // namespace fc::store
