#include "storage/CipherError.h"

#include <sqlite3.h>

namespace fc {

QSqlError sqliteError(sqlite3 *db, const QString &whatFailed, QSqlError::ErrorType type)
{
    if (!db)
        return QSqlError(whatFailed, QString(), type, QString::number(SQLITE_MISUSE));
    return QSqlError(whatFailed, QString::fromUtf8(sqlite3_errmsg(db)), type,
                     QString::number(sqlite3_extended_errcode(db)));
}

QSqlError driverError(const QString &code, const QString &message, QSqlError::ErrorType type)
{
    return QSqlError(message, QString(), type, code);
}

} // namespace fc
