#pragma once

// Builds the QSqlErrors the QSQLCIPHER driver reports, so every error carries SQLite's own code and text.

#include <QSqlError>
#include <QString>

struct sqlite3;

namespace fc {

/// An error SQLite reported on `db`: nativeErrorCode() is SQLite's extended result code as decimal text
/// ("2067" for a UNIQUE constraint), databaseText() is sqlite3_errmsg(), driverText() says what we were doing.
QSqlError sqliteError(sqlite3 *db, const QString &whatFailed, QSqlError::ErrorType type);

/// An error the driver itself detected: nativeErrorCode() is a dotted id such as "cipher.multiple_statements",
/// never a number, so it cannot be mistaken for an SQLite code.
QSqlError driverError(const QString &code, const QString &message, QSqlError::ErrorType type);

} // namespace fc
