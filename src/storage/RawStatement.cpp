#include "storage/RawStatement.h"

#include "storage/CipherDriver.h"
#include "storage/CipherValue.h"

#include <QCoreApplication>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace fc::store {

namespace {

Error failed(sqlite3 *db, const QString &what)
{
    return makeError(u"cache.query_failed"_s,
                     what + u": "_s + (db ? QString::fromUtf8(sqlite3_errmsg(db)) : u"the cache is not open"_s));
}

} // namespace

RawStatement::RawStatement(const QSqlDatabase &db)
{
    m_driver = dynamic_cast<const CipherDriver *>(db.driver());
    if (m_driver)
        m_db = m_driver->connection();
}

RawStatement::~RawStatement()
{
    release();
}

void RawStatement::release()
{
    if (m_stmt && m_driver)
        m_driver->giveBackStatement(m_sql, m_stmt);
    else
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
}

Status RawStatement::prepare(const QByteArray &sql)
{
    release();
    const QString what = QCoreApplication::translate("CacheStore", "Could not prepare a statement");
    if (!m_db)
        return failed(nullptr, what);
    m_sql = sql;
    if ((m_stmt = m_driver->takeStatement(sql)))
        return {};
    if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return failed(m_db, what);
    }
    return {};
}

void RawStatement::bindText(int index, const QString &text)
{
    // SQLite turns UTF-16 into the database's UTF-8 itself, sparing a QByteArray per value.
    sqlite3_bind_text16(m_stmt, index, text.isNull() ? static_cast<const void *>(u"") : static_cast<const void *>(text.utf16()),
                        int(text.size() * sizeof(char16_t)),
                        SQLITE_TRANSIENT);
}

void RawStatement::bindAscii(int index, const QByteArray &text)
{
    if (text.isNull())
        sqlite3_bind_null(m_stmt, index);
    else
        sqlite3_bind_text(m_stmt, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

void RawStatement::bindInteger(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void RawStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void RawStatement::bindUuid(int index, const QUuid &id)
{
    if (id.isNull())
        sqlite3_bind_null(m_stmt, index);
    else
        bindAscii(index, id.toByteArray(QUuid::WithoutBraces));
}

void RawStatement::bindTime(int index, const QDateTime &time)
{
    const QByteArray text = cipherDateTimeBytes(time);
    if (text.isEmpty())
        sqlite3_bind_null(m_stmt, index);
    else
        bindAscii(index, text);
}

void RawStatement::bindDate(int index, const QDate &date)
{
    const QByteArray text = cipherDateBytes(date);
    if (text.isEmpty())
        sqlite3_bind_null(m_stmt, index);
    else
        bindAscii(index, text);
}

Status RawStatement::run(const QString &what)
{
    m_uniqueViolation = false;
    if (!m_stmt)
        return failed(nullptr, what);
    const int rc = sqlite3_step(m_stmt);
    Status status;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        const int code = sqlite3_extended_errcode(m_db);
        m_uniqueViolation = code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
        status = failed(m_db, what);
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return status;
}

qint64 RawStatement::lastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

} // namespace fc::store
