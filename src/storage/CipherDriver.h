#pragma once

// The QSQLCIPHER Qt SQL driver: one keyed SQLCipher connection, used through QSqlDatabase and QSqlQuery.
// Open it with openCipherDatabase() (storage/CipherDatabase.h); a plain QSqlDatabase::open() is refused
// because it has no way to pass the key. Like every Qt SQL connection, it belongs to the thread that opened it.

#include "core/Result.h"
#include "storage/CipherOpenOptions.h"

#include <QByteArrayView>
#include <QByteArray>
#include <QList>

#include <utility>
#include <QSqlDriver>

struct sqlite3;
struct sqlite3_stmt;

namespace fc {

class CipherResult;

class CipherDriver final : public QSqlDriver {
    Q_OBJECT

public:
    /// The only SQLCipher line we have tested the file format and pragmas against.
    static constexpr QLatin1StringView supportedCipherVersionPrefix { "3.4." };
    /// Fixed for every cache file: changing it makes existing files unreadable.
    static constexpr int cipherPageSize = 4096;

    explicit CipherDriver(QObject *parent = nullptr);
    ~CipherDriver() override;

    /// Opens or creates `path`, keys it with the raw 32-byte key and proves the key before anything is
    /// written. Error codes: "cache.invalid_key", "cache.not_found", "cache.open_failed",
    /// "cache.unsupported_cipher", "cache.wrong_key", "cache.not_encrypted", "cache.corrupt", "cache.setup_failed".
    Status openWithKey(const QString &path, QByteArrayView rawKey32, const CipherOpenOptions &options);

    /// Re-encrypts the whole file under a new raw 32-byte key ("cache.invalid_key", "cache.closed",
    /// "cache.rekey_failed").
    Status rekey(QByteArrayView newRawKey32);

    /// The SQLite handle, for this driver's results. Null while closed.
    sqlite3 *connection() const { return m_db; }

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &db, const QString &user, const QString &password, const QString &host, int port,
              const QString &connOpts) override;
    void close() override;
    QSqlResult *createResult() const override;
    QVariant handle() const override;

    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;

    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString &tableName) const override;
    QSqlIndex primaryIndex(const QString &tableName) const override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;
    QString formatValue(const QSqlField &field, bool trimStrings) const override;

    // Results register themselves so close() can finalize their statements before the connection.
    void attachResult(CipherResult *result) const;
    void detachResult(CipherResult *result) const;
    /// Prepared statements are kept for reuse, keyed by their SQL text: a statement run once per row
    /// (a first sync writes hundreds of thousands) is compiled once per connection, not once per row.
    /// takeStatement() hands out a kept one (null when there is none); giveBackStatement() resets it
    /// and keeps it, finalizing the least recently kept beyond kStatementCacheSize.
    sqlite3_stmt *takeStatement(const QByteArray &sql) const;
    void giveBackStatement(const QByteArray &sql, sqlite3_stmt *statement) const;
    static constexpr int kStatementCacheSize = 64;

private:
    Status openKeyed(const QString &path, QByteArrayView rawKey32, const CipherOpenOptions &options);
    Status classifyKeyProofFailure(const QString &path, int rc) const;
    QString truncatedMessage(const QString &path, qint64 size) const;
    Status applyConnectionSettings(const CipherOpenOptions &options);
    bool execTransactionStatement(const char *sql, const QString &whatFailed);
    void closeConnection();

    sqlite3 *m_db = nullptr;
    mutable QList<CipherResult *> m_results;
    mutable QList<std::pair<QByteArray, sqlite3_stmt *>> m_statementCache; // most recently kept last
};

} // namespace fc
