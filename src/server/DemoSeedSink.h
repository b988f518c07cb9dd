#pragma once

// Streams the demo council generator straight into the server's database (`seed-demo`).

#include "core/Result.h"
#include "demo/DemoCouncilSink.h"
#include "server/ServerDatabase.h"

#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <optional>

namespace fc::server {

/// A DemoCouncilSink that writes customers, contacts, cases and the contact-case links into the
/// domain tables with prepared INSERTs (one per table, reused) inside large transactions. On
/// PostgreSQL each statement carries many rows, to save round trips; on SQLite one row, because
/// Qt's QSQLITE looks up every parameter's name per execution, which is quadratic in a statement's
/// parameter count (measured: 250 rows per statement is 4x slower than 1). Rows already there are
/// skipped (ON CONFLICT DO NOTHING), so seeding the same seed twice adds nothing. Batches are written
/// at customer boundaries, where every row a batch references is already in it or before it.
class DemoSeedSink : public DemoCouncilSink {
public:
    /// rowsPerStatement 0 chooses by dialect (PostgreSQL 250, SQLite 1).
    explicit DemoSeedSink(ServerDatabase &database, int rowsPerStatement = 0, qint64 rowsPerTransaction = 50'000);
    ~DemoSeedSink() override;

    /// Starts the first transaction. Errors: db.*.
    Status begin();
    /// Writes what is buffered and commits. Errors: the first error seen, db.*.
    Status finish();

    void onCustomer(const Customer &customer) override;
    void onContact(const Contact &contact) override;
    void onCase(const Case &serviceCase) override;
    Status status() const override;

    /// Rows sent to the database (rows that were already there included).
    qint64 rowsWritten() const { return m_rowsWritten; }

private:
    struct Table;

    void flushIfFull();
    Status flushAll();
    Status flush(Table &table);

    ServerDatabase &m_db;
    int m_rowsPerStatement;
    qint64 m_rowsPerTransaction;
    std::unique_ptr<Table> m_customers;
    std::unique_ptr<Table> m_contacts;
    std::unique_ptr<Table> m_cases;
    std::unique_ptr<Table> m_links;
    qint64 m_buffered = 0;
    qint64 m_sinceCommit = 0;
    qint64 m_rowsWritten = 0;
    bool m_inTransaction = false;
    std::optional<Error> m_error;
};

} // namespace fc::server
