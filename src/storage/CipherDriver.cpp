#include "storage/CipherDriver.h"

#include "storage/CipherError.h"
#include "storage/CipherResult.h"
#include "storage/CipherValue.h"
#include "storage/SecureBytes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>

// sqlite3_key() and sqlite3_rekey() are only declared when the codec is compiled in, as it is in libsqlcipher.
#ifndef SQLITE_HAS_CODEC
#define SQLITE_HAS_CODEC 1
#endif
#include <array>
#include <cstring>
#include <sodium.h>
#include <sqlite3.h>
#include <utility>

Q_DECLARE_OPAQUE_POINTER(sqlite3 *)
Q_DECLARE_METATYPE(sqlite3 *)

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr QByteArrayView plainSqliteMagic { "SQLite format 3\0", 16 };

// SQLCipher's raw-key form "x'<64 hex digits>'": the key is used as is, without PBKDF2. The literal is
// as secret as the key, so it lives in libsodium's locked, wiped memory and is hex-encoded by libsodium's
// constant-time encoder.
class RawKeyLiteral {
public:
    explicit RawKeyLiteral(QByteArrayView rawKey32)
    {
        Result<SecureBytes> buffer = SecureBytes::allocate(kSize + 1);
        if (!buffer)
            return;
        m_text = std::move(buffer.value());
        char *text = reinterpret_cast<char *>(m_text.data());
        text[0] = 'x';
        text[1] = '\'';
        sodium_bin2hex(text + 2, 65, reinterpret_cast<const unsigned char *>(rawKey32.data()), 32);
        text[66] = '\'';
        text[67] = '\0';
    }

    bool isValid() const { return m_text.size() == kSize + 1; }
    const char *data() const { return reinterpret_cast<const char *>(m_text.data()); }
    int size() const { return kSize; }

private:
    static constexpr int kSize = 67;
    SecureBytes m_text;
};

// Runs one statement to completion; `firstValue` receives the first column of the first row, if any.
int runStatement(sqlite3 *db, const char *sql, QString *firstValue = nullptr)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return rc;
    bool first = true;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (first && firstValue)
            *firstValue = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        first = false;
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

QString sqliteMessage(sqlite3 *db, int rc)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

} // namespace

CipherDriver::CipherDriver(QObject *parent) : QSqlDriver(parent) { }

CipherDriver::~CipherDriver()
{
    closeConnection();
}

Status CipherDriver::openWithKey(const QString &path, QByteArrayView rawKey32, const CipherOpenOptions &options)
{
    if (isOpen())
        close();
    Status status = openKeyed(path, rawKey32, options);
    if (!status) {
        closeConnection();
        setOpen(false);
        setOpenError(true);
        setLastError(driverError(status.error().code, status.error().message, QSqlError::ConnectionError));
        return status;
    }
    setOpen(true);
    setOpenError(false);
    setLastError(QSqlError());
    return {};
}

Status CipherDriver::openKeyed(const QString &path, QByteArrayView rawKey32, const CipherOpenOptions &options)
{
    if (rawKey32.size() != 32 && !options.benchmarkOnlyWithoutEncryption)
        return makeError(u"cache.invalid_key"_s,
                         tr("The cache key must be exactly 32 bytes; %1 bytes were given.").arg(rawKey32.size()));

    const QFileInfo info(path);
    bool createdHere = false;
    if (!info.exists()) {
        if (!options.createIfMissing)
            return makeError(u"cache.not_found"_s, tr("The cache file %1 does not exist.").arg(nativePath(path)));
        // Created by us so it is private from the start; SQLite gives -wal/-shm files the same mode.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return makeError(
                u"cache.open_failed"_s,
                tr("The cache file %1 could not be created: %2").arg(nativePath(path), file.errorString()));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        createdHere = true;
    }

    // SQLite only ever writes whole pages, so a partial last page means the file was cut short. SQLite
    // itself would round the size up and fail only when that page is read, long after opening.
    const qint64 size = QFileInfo(path).size();
    if (size % cipherPageSize != 0)
        return makeError(u"cache.corrupt"_s, truncatedMessage(path, size));

    Status status = [&]() -> Status {
        const QByteArray fileName = QFile::encodeName(path);
        const int rc = sqlite3_open_v2(fileName.constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
        if (rc != SQLITE_OK)
            return makeError(
                u"cache.open_failed"_s,
                tr("The cache file %1 could not be opened: %2").arg(nativePath(path), sqliteMessage(m_db, rc)));
        sqlite3_extended_result_codes(m_db, 1);
        sqlite3_busy_timeout(m_db, options.busyTimeoutMs);

        // Before the key: if another SQLite had won the symbol clash, PRAGMA key would be silently ignored
        // and we would write plaintext. Plain SQLite does not know this pragma and returns nothing.
        QString version;
        if (runStatement(m_db, "PRAGMA cipher_version;", &version) != SQLITE_OK
            || !version.startsWith(supportedCipherVersionPrefix))
            return makeError(u"cache.unsupported_cipher"_s,
                             tr("The encryption library reports version \"%1\", but this program only supports "
                                "SQLCipher %2x. The cache file %3 was not opened.")
                                 .arg(version, supportedCipherVersionPrefix, nativePath(path)));

        if (!options.benchmarkOnlyWithoutEncryption) { // SQLCipher with no key is plain SQLite
            const RawKeyLiteral key(rawKey32);
            if (!key.isValid())
                return makeError(u"cache.open_failed"_s,
                                 tr("No locked memory was left to hold the key for the cache file %1.")
                                     .arg(nativePath(path)));
            if (sqlite3_key(m_db, key.data(), key.size()) != SQLITE_OK)
                return makeError(u"cache.open_failed"_s,
                                 tr("The key could not be applied to the cache file %1: %2")
                                     .arg(nativePath(path), sqliteMessage(m_db, SQLITE_ERROR)));
        }
        const QByteArray pageSize = (options.benchmarkOnlyWithoutEncryption ? "PRAGMA page_size = " : "PRAGMA cipher_page_size = ")
            + QByteArray::number(cipherPageSize) + ';';
        if (runStatement(m_db, pageSize.constData()) != SQLITE_OK)
            return makeError(u"cache.open_failed"_s,
                             tr("The page size of the cache file %1 could not be set: %2")
                                 .arg(nativePath(path), sqliteMessage(m_db, SQLITE_ERROR)));

        // The first read decrypts page 1: this is where a wrong key shows, and nothing has been written yet.
        const int proof = runStatement(m_db, "SELECT count(*) FROM sqlite_master;");
        if (proof != SQLITE_OK)
            return classifyKeyProofFailure(path, proof);

        return applyConnectionSettings(options);
    }();

    if (!status && createdHere) {
        closeConnection();
        if (QFileInfo(path).size() == 0) // only the empty file this call created; never user data
            QFile::remove(path);
    }
    return status;
}

Status CipherDriver::classifyKeyProofFailure(const QString &path, int rc) const
{
    const QString file = nativePath(path);
    const QString detail = sqliteMessage(m_db, rc);
    if ((rc & 0xff) == SQLITE_CORRUPT)
        return makeError(u"cache.corrupt"_s,
                         tr("The cache file %1 is damaged (%2). It was left exactly as it was.").arg(file, detail));
    if ((rc & 0xff) != SQLITE_NOTADB)
        return makeError(
            u"cache.open_failed"_s,
            tr("The cache file %1 could not be read: %2. It was left exactly as it was.").arg(file, detail));

    // SQLCipher cannot tell a wrong key from random bytes: both fail page 1's HMAC. What the file looks
    // like from outside can still rule the key out.
    QFile probe(path);
    QByteArray head;
    if (probe.open(QIODevice::ReadOnly))
        head = probe.read(plainSqliteMagic.size());
    if (head == plainSqliteMagic)
        return makeError(u"cache.not_encrypted"_s,
                         tr("The file %1 is an unencrypted SQLite database, not an encrypted cache. "
                            "It was left exactly as it was.")
                             .arg(file));
    const qint64 size = QFileInfo(path).size();
    if (size < cipherPageSize || size % cipherPageSize != 0)
        return makeError(u"cache.corrupt"_s, truncatedMessage(path, size));
    return makeError(u"cache.wrong_key"_s,
                     tr("The key or password is wrong for the cache file %1 (or the file is not a cache). "
                        "Nothing was changed.")
                         .arg(file));
}

QString CipherDriver::truncatedMessage(const QString &path, qint64 size) const
{
    return tr("The cache file %1 is damaged: it is %2 bytes long, which is not a whole number of %3-byte pages, "
              "so it was probably cut short. It was left exactly as it was.")
        .arg(nativePath(path))
        .arg(size)
        .arg(cipherPageSize);
}

Status CipherDriver::applyConnectionSettings(const CipherOpenOptions &options)
{
    const QByteArray cacheSize = "PRAGMA cache_size = -" + QByteArray::number(qMax(options.cacheSizeKiB, 1)) + ';';
    const std::array<const char *, 4> settings {
        "PRAGMA temp_store = MEMORY;", // temporary tables, indices and sorts never reach an unencrypted file
        cacheSize.constData(), "PRAGMA foreign_keys = ON;",
        "PRAGMA synchronous = FULL;", // see docs/storage/DRIVER.md: a wrapped-up contact survives power loss
    };
    for (const char *sql : settings) {
        if (runStatement(m_db, sql) != SQLITE_OK)
            return makeError(u"cache.setup_failed"_s,
                             tr("The cache could not be configured (%1): %2")
                                 .arg(QString::fromUtf8(sql), sqliteMessage(m_db, SQLITE_ERROR)));
    }
    QString journalMode;
    const int rc = runStatement(m_db, "PRAGMA journal_mode = WAL;", &journalMode);
    if (rc != SQLITE_OK || journalMode.compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return makeError(u"cache.setup_failed"_s,
                         tr("The cache could not switch to write-ahead logging (journal mode is \"%1\"): %2")
                             .arg(journalMode, sqliteMessage(m_db, rc)));
    return {};
}

Status CipherDriver::rekey(QByteArrayView newRawKey32)
{
    if (!m_db)
        return makeError(u"cache.closed"_s, tr("The cache must be open to change its key."));
    if (newRawKey32.size() != 32)
        return makeError(u"cache.invalid_key"_s,
                         tr("The cache key must be exactly 32 bytes; %1 bytes were given.").arg(newRawKey32.size()));
    const RawKeyLiteral key(newRawKey32);
    if (!key.isValid())
        return makeError(u"cache.rekey_failed"_s,
                         tr("No locked memory was left to hold the new key. The old key still applies."));
    const int rc = sqlite3_rekey(m_db, key.data(), key.size());
    if (rc != SQLITE_OK)
        return makeError(u"cache.rekey_failed"_s,
                         tr("The cache could not be re-encrypted with the new key: %1. The old key still applies.")
                             .arg(sqliteMessage(m_db, rc)));
    return {};
}

bool CipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case SimpleLocking: // a writer locks the whole database file
    case FinishQuery:
        return true;
    // Named placeholders work, but through QSqlResult, which rewrites ":name" to "?" before prepare();
    // the driver itself only ever sees positional placeholders.
    case NamedPlaceholders:
    case QuerySize: // SQLite cannot count a result without stepping through it
    case BatchOperations: // execBatch() falls back to QSqlResult's loop of exec()
    case LowPrecisionNumbers: // integers are always qint64 and reals always double
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool CipherDriver::open(const QString &, const QString &, const QString &, const QString &, int, const QString &)
{
    setLastError(
        driverError(u"cache.no_key"_s,
                    tr("A QSQLCIPHER connection must be opened with openCipherDatabase(), which applies the key."),
                    QSqlError::ConnectionError));
    setOpenError(true);
    return false;
}

void CipherDriver::close()
{
    closeConnection();
    setOpen(false);
    setOpenError(false);
}

void CipherDriver::closeConnection()
{
    const QList<CipherResult *> results = std::exchange(m_results, {});
    for (CipherResult *result : results)
        result->releaseStatement();
    for (const auto &[sql, statement] : std::exchange(m_statementCache, {}))
        sqlite3_finalize(statement);
    if (m_db) {
        // Every statement of ours is finalized by now, so this closes at once (and checkpoints the WAL).
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

QSqlResult *CipherDriver::createResult() const
{
    return new CipherResult(this);
}

QVariant CipherDriver::handle() const
{
    return QVariant::fromValue(m_db);
}

void CipherDriver::attachResult(CipherResult *result) const
{
    m_results.append(result);
}

void CipherDriver::detachResult(CipherResult *result) const
{
    m_results.removeOne(result);
}

sqlite3_stmt *CipherDriver::takeStatement(const QByteArray &sql) const
{
    for (qsizetype i = m_statementCache.size() - 1; i >= 0; --i) {
        if (m_statementCache.at(i).first == sql)
            return m_statementCache.takeAt(i).second;
    }
    return nullptr;
}

void CipherDriver::giveBackStatement(const QByteArray &sql, sqlite3_stmt *statement) const
{
    if (!statement)
        return;
    if (!m_db) {
        sqlite3_finalize(statement);
        return;
    }
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    m_statementCache.append({ sql, statement });
    if (m_statementCache.size() > kStatementCacheSize)
        sqlite3_finalize(m_statementCache.takeFirst().second);
}

bool CipherDriver::execTransactionStatement(const char *sql, const QString &whatFailed)
{
    if (!m_db) {
        setLastError(driverError(u"cipher.closed"_s, tr("The cache is not open."), QSqlError::TransactionError));
        return false;
    }
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        setLastError(sqliteError(m_db, whatFailed, QSqlError::TransactionError));
        return false;
    }
    return true;
}

bool CipherDriver::beginTransaction()
{
    // IMMEDIATE takes the write lock now, so a busy database fails here rather than at the first write.
    return execTransactionStatement("BEGIN IMMEDIATE;", tr("Unable to begin a transaction"));
}

bool CipherDriver::commitTransaction()
{
    return execTransactionStatement("COMMIT;", tr("Unable to commit the transaction"));
}

bool CipherDriver::rollbackTransaction()
{
    return execTransactionStatement("ROLLBACK;", tr("Unable to roll back the transaction"));
}

QStringList CipherDriver::tables(QSql::TableType type) const
{
    QStringList names;
    if (!m_db)
        return names;
    const char *sql = nullptr;
    switch (type) {
    case QSql::Tables:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
              "ORDER BY name;";
        break;
    case QSql::Views:
        sql = "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name;";
        break;
    case QSql::SystemTables:
        sql = "SELECT 'sqlite_master' UNION SELECT name FROM sqlite_master WHERE type = 'table' "
              "AND name LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY 1;";
        break;
    case QSql::AllTables:
        sql = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name;";
        break;
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return names;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        names.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
    sqlite3_finalize(stmt);
    return names;
}

QSqlRecord CipherDriver::record(const QString &tableName) const
{
    QSqlRecord fields;
    if (!m_db || tableName.isEmpty())
        return fields;
    const QByteArray sql = (u"PRAGMA table_info("_s + escapeIdentifier(tableName, TableName) + u");"_s).toUtf8();
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return fields;
    // table_info columns: cid, name, type, notnull, dflt_value, pk
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const QString name = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1)));
        const QString declared = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2)));
        QSqlField field(name, cipherColumnMetaType(declared), stripDelimiters(tableName, TableName));
        field.setRequired(sqlite3_column_int(stmt, 3) != 0);
        if (sqlite3_column_type(stmt, 4) != SQLITE_NULL)
            field.setDefaultValue(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 4))));
        field.setAutoValue(sqlite3_column_int(stmt, 5) != 0
                           && declared.compare(u"INTEGER"_s, Qt::CaseInsensitive) == 0);
        fields.append(field);
    }
    sqlite3_finalize(stmt);
    return fields;
}

QSqlIndex CipherDriver::primaryIndex(const QString &tableName) const
{
    QSqlIndex index(tableName);
    if (!m_db || tableName.isEmpty())
        return index;
    const QByteArray sql = (u"PRAGMA table_info("_s + escapeIdentifier(tableName, TableName) + u");"_s).toUtf8();
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return index;
    QMap<int, QSqlField> keyColumns; // by position in the key
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const int position = sqlite3_column_int(stmt, 5);
        if (position == 0)
            continue;
        const QString name = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1)));
        const QString declared = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2)));
        keyColumns.insert(position,
                          QSqlField(name, cipherColumnMetaType(declared), stripDelimiters(tableName, TableName)));
    }
    sqlite3_finalize(stmt);
    for (const QSqlField &field : std::as_const(keyColumns))
        index.append(field);
    return index;
}

QString CipherDriver::escapeIdentifier(const QString &identifier, IdentifierType type) const
{
    if (isIdentifierEscaped(identifier, type))
        return identifier;
    QString escaped = identifier;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

QString CipherDriver::formatValue(const QSqlField &field, bool trimStrings) const
{
    if (field.isNull())
        return u"NULL"_s;
    const Result<QString> literal = cipherSqlLiteral(field.value());
    return literal ? literal.value() : QSqlDriver::formatValue(field, trimStrings);
}

} // namespace fc
