#include "storage/CustomerBulkLoader.h"

#include "storage/CipherValue.h"
#include "storage/CustomerSearchKeys.h"
#include "storage/CustomerStore.h"
#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

Error notBegun()
{
    return makeError(
        u"customer.bulk_not_begun"_s,
        QCoreApplication::translate("CustomerBulkLoader", "The bulk load has not begun, or has already finished."));
}

Error bulkFailed()
{
    return makeError(u"customer.bulk_failed"_s,
                     QCoreApplication::translate("CustomerBulkLoader",
                                                 "The bulk load stopped at an error, so nothing of it was saved."));
}

} // namespace

CustomerBulkLoader::CustomerBulkLoader(QSqlDatabase db) : m_db(db), m_transaction(db) { }

CustomerBulkLoader::~CustomerBulkLoader()
{
    // Statements go before the transaction rolls back, which then undoes the dropped indexes too.
    m_writer.reset();
}

// An error after begin() ends the load: roll back now, so the connection's write lock and transaction
// are not held until the loader is destroyed, and the dropped indexes come back with the rollback.
Error CustomerBulkLoader::abandon(Error error)
{
    m_writer.reset();
    m_droppedIndexes.clear();
    (void)m_transaction.rollback();
    return error;
}

Status CustomerBulkLoader::begin()
{
    if (Status begun = m_transaction.begin(); !begun)
        return begun;

    // Whatever indexes the schema has now (a later migration may add some), read back from the file so
    // finish() recreates them exactly. UNIQUE constraints' own indexes have no SQL and stay: upserts need them.
    QSqlQuery list(m_db);
    if (!list.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                   "AND tbl_name IN ('customer', 'customer_phone', 'customer_email', 'customer_flag') ORDER BY name"_s))
        return abandon(store::queryError(
            list, QCoreApplication::translate("CustomerBulkLoader", "Could not prepare the bulk load")));
    while (list.next())
        m_droppedIndexes.append({ list.value(0).toString(), list.value(1).toString() });
    list.finish();

    for (const Index &index : std::as_const(m_droppedIndexes)) {
        QSqlQuery drop(m_db);
        if (!drop.exec(u"DROP INDEX "_s + m_db.driver()->escapeIdentifier(index.name, QSqlDriver::TableName)))
            return abandon(store::queryError(
                drop, QCoreApplication::translate("CustomerBulkLoader", "Could not prepare the bulk load")));
    }
    m_writer = std::make_unique<store::CustomerRecordWriter>(m_db);
    return {};
}

Status CustomerBulkLoader::add(const Customer &customer, const QDateTime &lastContactAt)
{
    if (!m_writer || !m_transaction.isActive())
        return notBegun();
    if (m_failed)
        return bulkFailed();
    if (customer.id.isNull() || customer.reference.trimmed().isEmpty())
        return makeError(u"customer.invalid"_s,
                         QCoreApplication::translate("CustomerBulkLoader",
                                                     "A customer without an id or reference cannot be saved."));

    const QString lastContact = lastContactAt.isValid() ? cipherDateTimeText(lastContactAt) : QString();
    // The statement runs inside a savepoint only when it fails: the happy path stays one INSERT per table.
    const Result<qint64> row = m_writer->insert(customer, customerSearchKeys(customer), lastContact);
    if (row) {
        ++m_added;
        return {};
    }
    // A duplicate is refused by the customer row itself, before anything else of the record was written;
    // any other failure may leave half a record, so the load can only be rolled back.
    const QString code = row.error().code;
    if (code != u"customer.duplicate_id"_s && code != u"customer.duplicate_reference"_s) {
        m_failed = true;
        return row.error();
    }
    // SQLite names only the first UNIQUE index it checked, so ask which it was.
    CustomerStore store(m_db);
    const Result<std::optional<qint64>> existing = store.rowOf(customer.id);
    if (!existing) {
        m_failed = true;
        return existing.error();
    }
    if (!existing->has_value())
        return row.error(); // another customer's reference: skip this one

    Status updated = store.upsert(customer); // all-or-nothing through its own savepoint
    if (updated)
        updated = store.setLastContactAt(customer.id, lastContactAt);
    if (!updated) {
        m_failed = true;
        return updated;
    }
    ++m_added;
    return {};
}

Result<qint64> CustomerBulkLoader::finish()
{
    if (!m_writer || !m_transaction.isActive())
        return notBegun();
    m_writer.reset();
    if (m_failed) {
        (void)m_transaction.rollback();
        return bulkFailed();
    }

    for (const Index &index : std::as_const(m_droppedIndexes)) {
        QSqlQuery create(m_db);
        if (!create.exec(index.sql))
            return abandon(store::queryError(
                create, QCoreApplication::translate("CustomerBulkLoader", "Could not build the search indexes")));
    }
    m_droppedIndexes.clear();

    if (Status committed = m_transaction.commit(); !committed)
        return committed.error();
    if (Status merged = mergeSearchIndex(m_db); !merged)
        return merged.error();
    return m_added;
}

Status CustomerBulkLoader::mergeSearchIndex(QSqlDatabase db)
{
    // Never in the load's own transaction: SQLite 3.15's FTS4 'optimize' over terms still pending in
    // memory, with prefix indexes, leaves an index that finds nothing (tst_CustomerBulkLoader).
    CacheTransaction transaction(db);
    Status status = transaction.begin();
    if (status) {
        QSqlQuery optimize(db);
        if (!optimize.exec(u"INSERT INTO customer_fts(customer_fts) VALUES('optimize')"_s))
            status = store::queryError(
                optimize, QCoreApplication::translate("CustomerBulkLoader", "Could not merge the search index"));
    }
    if (status)
        status = transaction.commit();
    if (status)
        return {};
    return makeError(u"customer.index_merge_failed"_s,
                     QCoreApplication::translate("CustomerBulkLoader",
                                                 "The customers were saved and can be searched, but the search index "
                                                 "could not be compacted, so searching may be slower (%1).")
                         .arg(status.error().message));
}

} // namespace fc
