#include "storage/CipherResult.h"

#include "storage/CipherDriver.h"
#include "storage/CipherError.h"
#include "storage/CipherValue.h"

#include <QCoreApplication>
#include <QSqlField>
#include <QSqlRecord>

#include <limits>
#include <sqlite3.h>

Q_DECLARE_OPAQUE_POINTER(sqlite3_stmt *)
Q_DECLARE_METATYPE(sqlite3_stmt *)

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// lastInsertId() is only meaningful after an INSERT or REPLACE; other statements leave SQLite's
// last_insert_rowid() at an older, unrelated row.
bool startsWithInsert(QStringView sql)
{
    qsizetype i = 0;
    const qsizetype n = sql.size();
    while (i < n) {
        if (sql.at(i).isSpace()) {
            ++i;
        } else if (sql.mid(i).startsWith(u"--")) {
            while (i < n && sql.at(i) != u'\n')
                ++i;
        } else if (sql.mid(i).startsWith(u"/*")) {
            const qsizetype end = sql.indexOf(u"*/", i + 2);
            i = end < 0 ? n : end + 2;
        } else {
            break;
        }
    }
    const QStringView rest = sql.mid(i);
    return rest.startsWith(u"INSERT", Qt::CaseInsensitive) || rest.startsWith(u"REPLACE", Qt::CaseInsensitive);
}

int bindCipherValue(sqlite3_stmt *stmt, int index, const CipherValue &value)
{
    switch (value.kind) {
    case CipherValue::Kind::Null:
        return sqlite3_bind_null(stmt, index);
    case CipherValue::Kind::Integer:
        return sqlite3_bind_int64(stmt, index, value.integer);
    case CipherValue::Kind::Real:
        return sqlite3_bind_double(stmt, index, value.real);
    case CipherValue::Kind::Text:
        if (value.bytes.size() > std::numeric_limits<int>::max())
            return SQLITE_TOOBIG;
        // A null pointer would bind NULL, so an empty string is bound from a literal.
        return sqlite3_bind_text(stmt, index, value.bytes.isEmpty() ? "" : value.bytes.constData(),
                                 int(value.bytes.size()), SQLITE_TRANSIENT);
    case CipherValue::Kind::Blob:
        if (value.bytes.isEmpty())
            return sqlite3_bind_zeroblob(stmt, index, 0);
        if (value.bytes.size() > std::numeric_limits<int>::max())
            return SQLITE_TOOBIG;
        return sqlite3_bind_blob(stmt, index, value.bytes.constData(), int(value.bytes.size()), SQLITE_TRANSIENT);
    }
    return SQLITE_MISUSE;
}

} // namespace

CipherResult::CipherResult(const CipherDriver *driver) : QSqlResult(driver), m_driver(driver)
{
    if (m_driver)
        m_driver->attachResult(this);
}

CipherResult::~CipherResult()
{
    if (m_driver)
        m_driver->detachResult(this);
    discardStatement();
}

void CipherResult::discardStatement()
{
    if (!m_stmt)
        return;
    if (m_driver && !m_sql.isEmpty())
        m_driver->giveBackStatement(m_sql, m_stmt);
    else
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_sql.clear();
}

QVariant CipherResult::handle() const
{
    return QVariant::fromValue(m_stmt);
}

void CipherResult::releaseStatement()
{
    resetRun();
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_driver = nullptr;
}

void CipherResult::resetRun()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_pendingRow = false;
    m_done = true;
    m_rowsAffected = -1;
    m_lastInsertId = QVariant();
    m_rows.clear();
    m_lastRow.clear();
    m_onLastRowCopy = false;
    setAt(QSql::BeforeFirstRow);
    setActive(false);
    setSelect(false);
}

bool CipherResult::fail(const QSqlError &error)
{
    setLastError(error);
    setActive(false);
    return false;
}

bool CipherResult::reset(const QString &query)
{
    return prepare(query) && exec();
}

bool CipherResult::prepare(const QString &query)
{
    resetRun();
    discardStatement();
    setLastError(QSqlError());
    if (!m_driver || !m_driver->connection())
        return fail(driverError(u"cipher.closed"_s,
                                QCoreApplication::translate("CipherResult", "The cache is not open."),
                                QSqlError::ConnectionError));

    sqlite3 *db = m_driver->connection();
    const QByteArray sql = query.toUtf8();
    if (sql.size() >= std::numeric_limits<int>::max())
        return fail(driverError(u"cipher.too_big"_s,
                                QCoreApplication::translate("CipherResult", "The statement is too long."),
                                QSqlError::StatementError));

    if (sqlite3_stmt *kept = m_driver->takeStatement(sql)) {
        m_stmt = kept;
        m_sql = sql;
        m_isInsert = startsWithInsert(query);
        return true;
    }
    const char *tail = nullptr;
    // Passing the length including the terminating NUL spares SQLite a copy of the text.
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()) + 1, &m_stmt, &tail) != SQLITE_OK) {
        const QSqlError error
            = sqliteError(db, QCoreApplication::translate("CipherResult", "Unable to prepare the statement"),
                          QSqlError::StatementError);
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return fail(error);
    }
    if (!m_stmt)
        return fail(driverError(u"cipher.empty_statement"_s,
                                QCoreApplication::translate("CipherResult", "The statement contains no SQL."),
                                QSqlError::StatementError));

    const char *end = sql.constData() + sql.size();
    if (tail && tail < end) {
        // Anything after the first statement must be whitespace or comments, which prepare to nothing.
        sqlite3_stmt *next = nullptr;
        const int rc = sqlite3_prepare_v2(db, tail, int(end - tail) + 1, &next, nullptr);
        if (next)
            sqlite3_finalize(next);
        if (rc != SQLITE_OK || next) {
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
            return fail(driverError(
                u"cipher.multiple_statements"_s,
                QCoreApplication::translate("CipherResult",
                                            "Only one SQL statement can be executed at a time; this text holds more."),
                QSqlError::StatementError));
        }
    }
    m_sql = sql; // one statement exactly: it may be kept for the next prepare of the same text
    m_isInsert = startsWithInsert(query);
    return true;
}

bool CipherResult::exec()
{
    resetRun();
    setLastError(QSqlError());
    if (!m_stmt || !m_driver || !m_driver->connection())
        return fail(
            driverError(u"cipher.not_prepared"_s,
                        QCoreApplication::translate("CipherResult", "There is no prepared statement to execute."),
                        QSqlError::StatementError));

    sqlite3 *db = m_driver->connection();
    sqlite3_clear_bindings(m_stmt);
    const QList<QVariant> &values = boundValues();
    const int expected = sqlite3_bind_parameter_count(m_stmt);
    if (values.size() != expected)
        return fail(driverError(
            u"cipher.bind_count"_s,
            QCoreApplication::translate("CipherResult", "The statement has %1 placeholders but %2 values were bound.")
                .arg(expected)
                .arg(values.size()),
            QSqlError::StatementError));
    for (int i = 0; i < expected; ++i) {
        const Result<CipherValue> value = toCipherValue(values.at(i));
        if (!value)
            return fail(driverError(value.error().code, value.error().message, QSqlError::StatementError));
        if (bindCipherValue(m_stmt, i + 1, value.value()) != SQLITE_OK)
            return fail(sqliteError(db,
                                    QCoreApplication::translate("CipherResult", "Unable to bind value %1").arg(i + 1),
                                    QSqlError::StatementError));
    }

    m_scrollable = !isForwardOnly();
    m_done = false;
    const int totalChangesBefore = sqlite3_total_changes(db);
    if (step()) {
        m_pendingRow = true;
        setSelect(true);
    } else {
        if (lastError().isValid())
            return false;
        setSelect(sqlite3_column_count(m_stmt) > 0);
        if (!isSelect()) {
            // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE, even after a CREATE
            // TABLE; only trust it when this statement changed something.
            m_rowsAffected = sqlite3_total_changes(db) != totalChangesBefore ? sqlite3_changes(db) : 0;
            if (m_isInsert && m_rowsAffected > 0)
                m_lastInsertId = qint64(sqlite3_last_insert_rowid(db));
        }
    }
    setActive(true);
    return true;
}

bool CipherResult::step()
{
    if (m_done || !m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        if (m_scrollable)
            m_rows.append(liveRow());
        return true;
    }
    m_done = true;
    if (rc != SQLITE_DONE)
        setLastError(sqliteError(sqlite3_db_handle(m_stmt),
                                 QCoreApplication::translate("CipherResult", "Unable to fetch the next row"),
                                 QSqlError::StatementError));
    // Resetting at once releases the read snapshot; a half-read result keeps it until finish().
    sqlite3_reset(m_stmt);
    return false;
}

QVariant CipherResult::liveValue(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return qint64(sqlite3_column_int64(m_stmt, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_stmt, column);
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        const int bytes = sqlite3_column_bytes(m_stmt, column);
        return bytes > 0 ? QString::fromUtf8(text, bytes) : u""_s;
    }
    case SQLITE_BLOB: {
        const auto *blob = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        const int bytes = sqlite3_column_bytes(m_stmt, column);
        return bytes > 0 ? QByteArray(blob, bytes) : QByteArray("", 0);
    }
    default:
        return QVariant();
    }
}

QVariantList CipherResult::liveRow() const
{
    QVariantList row;
    const int columns = sqlite3_column_count(m_stmt);
    row.reserve(columns);
    for (int c = 0; c < columns; ++c)
        row.append(liveValue(c));
    return row;
}

const QVariantList *CipherResult::copiedRow() const
{
    if (m_onLastRowCopy)
        return &m_lastRow;
    if (m_scrollable && at() >= 0 && at() < m_rows.size())
        return &m_rows.at(at());
    return nullptr;
}

QVariant CipherResult::data(int column)
{
    if (m_scrollable || m_onLastRowCopy) {
        const QVariantList *row = copiedRow();
        return row ? row->value(column) : QVariant();
    }
    if (!m_stmt || m_done || column < 0 || column >= sqlite3_column_count(m_stmt))
        return QVariant();
    return liveValue(column);
}

bool CipherResult::isNull(int column)
{
    if (m_scrollable || m_onLastRowCopy) {
        const QVariantList *row = copiedRow();
        return !row || row->value(column).isNull();
    }
    if (!m_stmt || m_done || column < 0 || column >= sqlite3_column_count(m_stmt))
        return true;
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

bool CipherResult::fetchNext()
{
    if (m_onLastRowCopy)
        return false;
    if (m_scrollable)
        return fetch(at() + 1);
    if (m_pendingRow) {
        m_pendingRow = false;
        setAt(at() + 1);
        return true;
    }
    if (!step())
        return false;
    setAt(at() + 1);
    return true;
}

bool CipherResult::fetch(int row)
{
    if (row < 0)
        return false;
    if (m_scrollable) {
        while (m_rows.size() <= row && step()) { }
        if (row >= m_rows.size())
            return false;
        setAt(row);
        return true;
    }
    if (row < at() || m_onLastRowCopy)
        return false; // forward-only: the earlier rows are gone
    while (at() < row) {
        if (!fetchNext())
            return false;
    }
    return true;
}

bool CipherResult::fetchFirst()
{
    if (m_scrollable)
        return fetch(0);
    if (at() == QSql::BeforeFirstRow)
        return fetchNext();
    return at() == 0 && !m_onLastRowCopy;
}

bool CipherResult::fetchLast()
{
    if (m_scrollable) {
        while (step()) { }
        if (m_rows.isEmpty() || lastError().isValid())
            return false;
        setAt(int(m_rows.size() - 1));
        return true;
    }
    if (m_onLastRowCopy)
        return true;
    // Forward-only: step to the end, keeping only the row before the end, so data() can still answer.
    QVariantList last;
    int lastIndex = -1;
    if (at() >= 0 && !m_done) {
        last = liveRow();
        lastIndex = at();
    }
    while (fetchNext()) {
        last = liveRow();
        lastIndex = at();
    }
    if (lastIndex < 0 || lastError().isValid())
        return false;
    m_lastRow = std::move(last);
    m_onLastRowCopy = true;
    setAt(lastIndex);
    return true;
}

int CipherResult::size()
{
    return -1;
}

int CipherResult::numRowsAffected()
{
    return m_rowsAffected;
}

QVariant CipherResult::lastInsertId() const
{
    return m_lastInsertId;
}

QSqlRecord CipherResult::record() const
{
    QSqlRecord fields;
    if (!m_stmt)
        return fields;
    const int columns = sqlite3_column_count(m_stmt);
    for (int c = 0; c < columns; ++c) {
        const QString name = QString::fromUtf8(sqlite3_column_name(m_stmt, c));
        const QString declared = QString::fromUtf8(sqlite3_column_decltype(m_stmt, c));
        fields.append(QSqlField(name, cipherColumnMetaType(declared)));
    }
    return fields;
}

void CipherResult::detachFromResultSet()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_pendingRow = false;
    m_done = true;
}

} // namespace fc
