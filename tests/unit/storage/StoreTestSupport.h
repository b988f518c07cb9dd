#pragma once

// A real encrypted cache file, migrated to the latest schema, for the store tests.

#include "storage/CacheSchema.h"
#include "storage/CipherDatabase.h"
#include "storage/Migration.h"
#include "unit/storage/CipherTestSupport.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtDebug>

namespace fc::test {

/// One cache file in its own temporary directory, opened and reopened under its own connection name.
/// Stores and queries on db() must be gone before close() (Qt's rule for removing a connection).
class StoreTestCache {
public:
    StoreTestCache() : m_key(randomKey())
    {
        static int counter = 0;
        m_name = QStringLiteral("store_test_%1").arg(++counter);
    }
    ~StoreTestCache() { close(); }
    StoreTestCache(const StoreTestCache &) = delete;
    StoreTestCache &operator=(const StoreTestCache &) = delete;

    /// Opens the file (creating it the first time) and brings it to the latest schema.
    bool open(const CipherOpenOptions &options = {}) { return openAs(m_name, options); }

    /// A second connection to the same file, as another thread of the program would hold.
    bool openAs(const QString &connectionName, const CipherOpenOptions &options = {})
    {
        auto db = openCipherDatabase(path(), m_key, connectionName, options);
        if (!db) {
            qWarning() << db.error().code << db.error().message;
            return false;
        }
        QSqlDatabase opened = *db;
        auto migrated = MigrationRunner(cacheMigrations()).migrate(opened);
        if (!migrated) {
            qWarning() << migrated.error().code << migrated.error().message;
            return false;
        }
        return true;
    }

    void close() { closeAs(m_name); }
    void closeAs(const QString &connectionName)
    {
        if (QSqlDatabase::contains(connectionName))
            closeCipherDatabase(connectionName);
    }

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QString path() const { return m_dir.filePath(QStringLiteral("cache.db")); }

    /// count(*) of a table, or -1 when the query fails.
    qint64 rowCount(const QString &table) const
    {
        QSqlQuery query(db());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

private:
    QTemporaryDir m_dir;
    QByteArray m_key;
    QString m_name;
};

/// A UTC time with milliseconds, so round trips prove the milliseconds survive.
inline QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

} // namespace fc::test
