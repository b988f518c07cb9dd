#include "storage/CipherDatabase.h"

#include "storage/CipherDriver.h"

#include <QCoreApplication>
#include <QSqlDriver>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

CipherDriver *cipherDriverOf(const QSqlDatabase &db)
{
    return qobject_cast<CipherDriver *>(db.driver());
}

} // namespace

void registerCipherDriver()
{
    // A function-local static is initialised exactly once, even when threads race here.
    static const bool registered = [] {
        QSqlDatabase::registerSqlDriver(cipherDriverName, new QSqlDriverCreator<CipherDriver>);
        return true;
    }();
    Q_UNUSED(registered);
}

Result<QSqlDatabase> openCipherDatabase(const QString &path, QByteArrayView rawKey32, const QString &connectionName,
                                        const CipherOpenOptions &options)
{
    registerCipherDriver();
    if (QSqlDatabase::contains(connectionName))
        return makeError(
            u"cache.connection_exists"_s,
            QCoreApplication::translate("CipherDatabase", "A database connection named \"%1\" is already open.")
                .arg(connectionName));

    Status opened;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(cipherDriverName, connectionName);
        db.setDatabaseName(path);
        CipherDriver *driver = cipherDriverOf(db);
        opened = driver ? driver->openWithKey(path, rawKey32, options)
                        : Status(makeError(
                            u"cache.open_failed"_s,
                            QCoreApplication::translate("CipherDatabase", "The QSQLCIPHER driver is not available.")));
        if (opened)
            return db;
    }
    // The local QSqlDatabase is gone, so removing the name does not warn about a connection in use.
    QSqlDatabase::removeDatabase(connectionName);
    return opened.error();
}

Status rekeyCipherDatabase(const QSqlDatabase &db, QByteArrayView newRawKey32)
{
    CipherDriver *driver = cipherDriverOf(db);
    if (!driver)
        return makeError(u"cache.closed"_s,
                         QCoreApplication::translate("CipherDatabase", "This connection is not an encrypted cache."));
    return driver->rekey(newRawKey32);
}

void closeCipherDatabase(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace fc
