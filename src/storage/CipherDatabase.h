#pragma once

// Opening, re-keying and closing the encrypted cache through the QSQLCIPHER driver.
//
// A connection belongs to the thread that opened it (Qt's rule for every QSqlDatabase): open one per
// thread, under its own connection name, and close it on that thread. The client's database work runs
// on a worker thread, never on the GUI thread.

#include "core/Result.h"
#include "storage/CipherOpenOptions.h"

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QSqlDatabase>
#include <QString>

namespace fc {

/// The name the driver is registered under with QSqlDatabase.
inline constexpr QLatin1StringView cipherDriverName { "QSQLCIPHER" };

/// Registers QSQLCIPHER with QSqlDatabase; safe to call any number of times from any thread.
void registerCipherDriver();

/// Opens (or creates) the cache at `path` as connection `connectionName`, keyed with the raw 32-byte
/// key (no KDF); pass SecureBytes::view() so the key is never copied into a QByteArray. Nothing is written to the file
/// until the key is proven. On failure the connection name is free again. Error codes: those of
/// CipherDriver::openWithKey, plus "cache.connection_exists".
Result<QSqlDatabase> openCipherDatabase(const QString &path, QByteArrayView rawKey32, const QString &connectionName,
                                        const CipherOpenOptions &options = {});

/// Re-encrypts the open cache under a new raw 32-byte key; later opens need the new key.
Status rekeyCipherDatabase(const QSqlDatabase &db, QByteArrayView newRawKey32);

/// Closes the connection and removes its name. Every QSqlQuery and QSqlDatabase copy of it must be gone.
void closeCipherDatabase(const QString &connectionName);

} // namespace fc
