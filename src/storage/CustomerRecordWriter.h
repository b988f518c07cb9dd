#pragma once

// Writes one customer's rows (customer, phones, emails, flags, FTS) with statements prepared once, for
// CustomerStore and CustomerBulkLoader. Internal to fc_storage.

#include "core/Customer.h"
#include "core/Result.h"
#include "storage/CustomerSearchKeys.h"
#include "storage/RawStatement.h"

#include <QSqlDatabase>
#include <QString>

namespace fc::store {

/// The statements that store a customer and every key it is searched by. Runs inside whatever
/// transaction or savepoint the caller holds; on an error the caller's savepoint undoes the partial
/// record. Holds prepared statements: destroy it before the connection is closed.
class CustomerRecordWriter {
public:
    explicit CustomerRecordWriter(QSqlDatabase db);

    /// A new customer: SQLite chooses its row, which becomes the FTS docid. `lastContactAt` is the
    /// stored text of the last contact ("" for none). Errors: "customer.duplicate_id",
    /// "customer.duplicate_reference", "cache.query_failed".
    Result<qint64> insert(const Customer &customer, const CustomerSearchKeys &keys, const QString &lastContactAt);

    /// Replaces every field, child row and search key of the customer at `row`; the row number and the
    /// last contact time stay. Errors: "customer.duplicate_reference", "cache.query_failed".
    Status update(qint64 row, const Customer &customer, const CustomerSearchKeys &keys);

private:
    static void bindFields(RawStatement &statement, const Customer &customer, const CustomerSearchKeys &keys);
    Status writeChildren(qint64 row, const Customer &customer, const CustomerSearchKeys &keys);
    Status writeFts(qint64 row, const CustomerSearchKeys &keys);
    Status prepareAll();
    Error failure(const RawStatement &statement, const Customer &customer, const Error &error) const;

    QSqlDatabase m_db;
    bool m_prepared = false;
    // Through RawStatement: QSqlQuery's binding cost a first sync as much as SQLite's own work.
    RawStatement m_insert;
    RawStatement m_update;
    RawStatement m_deletePhones;
    RawStatement m_deleteEmails;
    RawStatement m_deleteFlags;
    RawStatement m_insertPhone;
    RawStatement m_insertEmail;
    RawStatement m_insertFlag;
    RawStatement m_deleteFts;
    RawStatement m_insertFts;
};

} // namespace fc::store
