#include "server/ServerDatabase.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>

#include <utility>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<int> counter;
    return u"fc_server_%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

QString statementHead(const QString &sql)
{
    const QString simplified = sql.simplified();
    return simplified.size() > 60 ? simplified.left(60) + u"..."_s : simplified;
}

// Statements built with a varying number of placeholders stay few; past this, the cache starts again.
constexpr std::size_t kMaxCachedStatements = 256;

} // namespace

CachedQuery::CachedQuery(std::shared_ptr<Slot> slot)
    : m_slot(std::move(slot)), m_query(m_slot->query.get())
{
}

CachedQuery::CachedQuery(CachedQuery &&other) noexcept
    : m_slot(std::move(other.m_slot)), m_query(std::exchange(other.m_query, nullptr))
{
}

CachedQuery &CachedQuery::operator=(CachedQuery &&other) noexcept
{
    if (this != &other) {
        release();
        m_slot = std::move(other.m_slot);
        m_query = std::exchange(other.m_query, nullptr);
    }
    return *this;
}

CachedQuery::~CachedQuery()
{
    release();
}

void CachedQuery::release()
{
    if (!m_slot)
        return;
    // Lets go of the rows (and on SQLite the statement's read lock); the statement stays prepared.
    if (m_query->isActive())
        m_query->finish();
    m_slot->inUse = false;
    m_slot.reset();
    m_query = nullptr;
}

ServerDatabase::ServerDatabase(DatabaseLocation location, QString connectionName)
    : m_location(std::move(location)), m_connectionName(std::move(connectionName))
{
}

ServerDatabase::~ServerDatabase()
{
    clearStatementCache();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const DatabaseLocation &location,
                                                             const QString &connectionName)
{
    const QString driver = location.dialect == SqlDialect::PostgreSql ? u"QPSQL"_s : u"QSQLITE"_s;
    if (!QSqlDatabase::isDriverAvailable(driver))
        return makeError(u"db.driver_missing"_s,
                         QCoreApplication::translate("fc::server::ServerDatabase",
                                                     "The Qt SQL driver %1 is not installed (Debian: %2).")
                             .arg(driver, location.dialect == SqlDialect::PostgreSql ? u"libqt6sql6-psql"_s
                                                                                      : u"libqt6sql6-sqlite"_s));
    const QString name = connectionName.isEmpty() ? uniqueConnectionName() : connectionName;
    std::unique_ptr<ServerDatabase> database(new ServerDatabase(location, name));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
    if (location.dialect == SqlDialect::PostgreSql) {
        db.setHostName(location.host);
        db.setPort(location.port);
        db.setUserName(location.user);
        db.setPassword(location.password);
        db.setDatabaseName(location.database);
        db.setConnectOptions(location.connectOptions);
    } else {
        const QFileInfo file(location.path);
        if (!QDir().mkpath(file.absolutePath()))
            return makeError(u"db.open_failed"_s,
                             QCoreApplication::translate("fc::server::ServerDatabase",
                                                         "Cannot create the directory %1 for the database.")
                                 .arg(file.absolutePath()));
        db.setDatabaseName(location.path);
        // Another process (a migrate beside a serve) may hold the write lock briefly: wait, do not fail.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    if (Status opened = database->openConnection(); !opened)
        return opened.error();
    return database;
}

Status ServerDatabase::openConnection()
{
    QSqlDatabase db = database();
    if (!db.open())
        return makeError(u"db.open_failed"_s,
                         QCoreApplication::translate("fc::server::ServerDatabase", "Cannot open the database %1: %2")
                             .arg(m_location.displayName(), db.lastError().text()));
    const QStringList setup = m_location.dialect == SqlDialect::PostgreSql
        // Timestamps travel as UTC text; a session time zone of UTC keeps what we read back in UTC too.
        ? QStringList { u"SET TIME ZONE 'UTC'"_s, u"SET client_min_messages = warning"_s }
        // The 2 MiB default page cache turns inserts into random UUID keys into disk reads.
        : QStringList { u"PRAGMA foreign_keys = ON"_s, u"PRAGMA cache_size = -65536"_s };
    for (const QString &statement : setup) {
        if (Result<QSqlQuery> done = run(statement); !done)
            return done.error();
    }
    m_statementTimeout = -1;
    return {};
}

QSqlDatabase ServerDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QSqlQuery> ServerDatabase::run(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    const bool ok = values.isEmpty() ? query.exec(sql) : [&] {
        if (!query.prepare(sql))
            return false;
        for (const QVariant &value : values)
            query.addBindValue(value);
        return query.exec();
    }();
    if (!ok)
        return queryFailed(sql, query);
    return query;
}

Error ServerDatabase::queryFailed(const QString &sql, const QSqlQuery &query) const
{
    return makeError(u"db.query_failed"_s,
                     QCoreApplication::translate("fc::server::ServerDatabase", "The statement \"%1\" failed: %2")
                         .arg(statementHead(sql), query.lastError().text()));
}

Result<CachedQuery> ServerDatabase::runCached(const QString &sql, const QVariantList &values)
{
    std::shared_ptr<CachedQuery::Slot> slot;
    bool keep = false;
    if (const auto found = m_statements.find(sql); found != m_statements.end() && !found->second->inUse) {
        slot = found->second;
    } else {
        slot = std::make_shared<CachedQuery::Slot>();
        slot->query = std::make_unique<QSqlQuery>(database());
        slot->query->setForwardOnly(true);
        if (!slot->query->prepare(sql))
            return queryFailed(sql, *slot->query);
        // A statement in use by a caller further up gets a one-off twin instead of a second cache entry.
        keep = found == m_statements.end();
    }
    if (keep) {
        if (m_statements.size() >= kMaxCachedStatements)
            clearStatementCache();
        m_statements.emplace(sql, slot);
    }
    slot->inUse = true;
    CachedQuery handle(slot);
    QSqlQuery &query = handle.query();
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        return queryFailed(sql, query);
    if (!query.isSelect())
        ++m_changesRun;
    return handle;
}

Result<QVariant> ServerDatabase::scalarCached(const QString &sql, const QVariantList &values)
{
    Result<CachedQuery> query = runCached(sql, values);
    if (!query)
        return query.error();
    if (!query.value().next())
        return QVariant();
    return query.value().value(0);
}

void ServerDatabase::clearStatementCache()
{
    // Handles still alive keep their slot; the cache only forgets it.
    m_statements.clear();
}

Status ServerDatabase::savepoint(const QString &name)
{
    if (Result<QSqlQuery> done = run(u"SAVEPOINT "_s + name); !done)
        return done.error();
    return {};
}

Status ServerDatabase::rollbackToSavepoint(const QString &name)
{
    if (Result<QSqlQuery> done = run(u"ROLLBACK TO SAVEPOINT "_s + name); !done)
        return done.error();
    return {};
}

Result<QVariant> ServerDatabase::scalar(const QString &sql, const QVariantList &values) const
{
    Result<QSqlQuery> query = run(sql, values);
    if (!query)
        return query.error();
    if (!query.value().next())
        return QVariant();
    return query.value().value(0);
}

Status ServerDatabase::begin()
{
    if (!database().transaction())
        return makeError(u"db.transaction_failed"_s,
                         QCoreApplication::translate("fc::server::ServerDatabase", "Cannot start a transaction: %1")
                             .arg(database().lastError().text()));
    return {};
}

Status ServerDatabase::commit()
{
    if (!database().commit()) {
        const QString why = database().lastError().text();
        database().rollback();
        return makeError(u"db.transaction_failed"_s,
                         QCoreApplication::translate("fc::server::ServerDatabase",
                                                     "Cannot commit the transaction; nothing was saved: %1")
                             .arg(why));
    }
    return {};
}

void ServerDatabase::rollback()
{
    database().rollback();
}

bool ServerDatabase::ping() const
{
    QSqlQuery query(database());
    return query.exec(u"SELECT 1"_s) && query.next();
}

Status ServerDatabase::reconnect()
{
    // Prepared statements die with the session they were prepared in.
    clearStatementCache();
    QSqlDatabase db = database();
    db.close();
    return openConnection();
}

Status ServerDatabase::setStatementTimeout(int milliseconds)
{
    if (m_location.dialect != SqlDialect::PostgreSql || milliseconds == m_statementTimeout)
        return {};
    if (Result<QSqlQuery> done = run(u"SET statement_timeout = %1"_s.arg(qMax(0, milliseconds))); !done)
        return done.error();
    m_statementTimeout = milliseconds;
    return {};
}

QVariant ServerDatabase::timestampValue(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QVariant ServerDatabase::uuidValue(const QUuid &id)
{
    if (id.isNull())
        return QVariant(QMetaType::fromType<QString>());
    return id.toString(QUuid::WithoutBraces);
}

QDateTime ServerDatabase::readTimestamp(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDateTime>())
        return value.toDateTime().toUTC();
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QUuid ServerDatabase::readUuid(const QVariant &value)
{
    return value.isNull() ? QUuid() : QUuid::fromString(value.toString());
}

} // namespace fc::server
