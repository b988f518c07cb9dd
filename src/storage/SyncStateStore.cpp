#include "storage/SyncStateStore.h"

#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

Status validKey(const QString &key)
{
    if (key.isEmpty())
        return makeError(u"sync_state.invalid"_s,
                         QCoreApplication::translate("SyncStateStore", "Sync state values need a key."));
    return {};
}

} // namespace

SyncStateStore::SyncStateStore(QSqlDatabase db) : m_db(std::move(db)) { }

Result<std::optional<QString>> SyncStateStore::value(const QString &key) const
{
    if (Status valid = validKey(key); !valid)
        return valid.error();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT value FROM sync_state WHERE key = ?"_s);
    query.addBindValue(key);
    if (!query.exec())
        return store::queryError(
            query, QCoreApplication::translate("SyncStateStore", "Could not read sync state %1").arg(key));
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Status SyncStateStore::setValue(const QString &key, const QString &value)
{
    if (Status valid = validKey(key); !valid)
        return valid;
    QSqlQuery query(m_db);
    query.prepare(u"INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"_s);
    query.addBindValue(key);
    query.addBindValue(store::textParam(value));
    if (!query.exec())
        return store::queryError(
            query, QCoreApplication::translate("SyncStateStore", "Could not save sync state %1").arg(key));
    return {};
}

Result<bool> SyncStateStore::remove(const QString &key)
{
    if (Status valid = validKey(key); !valid)
        return valid.error();
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM sync_state WHERE key = ?"_s);
    query.addBindValue(key);
    if (!query.exec())
        return store::queryError(
            query, QCoreApplication::translate("SyncStateStore", "Could not remove sync state %1").arg(key));
    return query.numRowsAffected() > 0;
}

} // namespace fc
