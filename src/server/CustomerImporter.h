#pragma once

// `import-customers`: a legacy CRM's customer export loaded into the server's customers table, so
// that running it again changes only what changed in the file (docs/SERVER.md, "Importing customers").

#include "core/Result.h"
#include "server/CustomerCsvReader.h"
#include "server/CustomerImportReport.h"
#include "server/ServerDatabase.h"

#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QMap>
#include <QStringList>

namespace fc::server {

struct CustomerImportOptions {
    qint64 rowsPerTransaction = 2000;
    /// Reads and compares everything, then rolls each transaction back: the counts say what a real run
    /// would do, and the report is written, but the database is left as it was.
    bool dryRun = false;
    QDateTime now; // created_at/updated_at of what is written; invalid: the current time
    QDate today; // the latest date of birth accepted; invalid: today's date
};

struct CustomerImportCounts {
    qint64 read = 0; // data rows (the header and empty lines not counted)
    qint64 added = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 rejected = 0;
    QMap<QString, qint64> rejectedByCode; // a row with two problems counts under both codes
    qint64 batches = 0; // transactions committed (or, in a dry run, rolled back as planned)
};

/// Loads customers from a CSV export. Each row's customer id is made from its legacy id
/// (CustomerCsvReader::customerId), so a rerun finds the rows it loaded before: a row whose columns
/// all match what is stored is left alone, one that differs has the columns the file names updated
/// and its revision raised by one, and a new one is inserted with revision 1 and the next free
/// reference after the highest "C" + 7 digits in the table. Customers are written with plain INSERT
/// and UPDATE statements on the customers table (so triggers on it see them), in one transaction per
/// rowsPerTransaction accepted rows; a failure rolls back that transaction only, and the error names
/// it. On PostgreSQL each transaction holds an advisory lock, so two imports never race for references.
class CustomerImporter {
public:
    explicit CustomerImporter(ServerDatabase &database, CustomerImportOptions options = {});

    /// Reads `input` to the end, sending rejected rows to `report`. Errors: those of
    /// CustomerCsvReader::readHeader() (nothing loaded), csv.read_failed, import.batch_failed (earlier
    /// transactions stay committed; counts() tells what they did).
    Status run(QIODevice *input, CustomerImportReport &report);

    const CustomerImportCounts &counts() const { return m_counts; }
    QStringList unknownColumns() const { return m_unknownColumns; }

    /// Failure injection for tests: the transaction with this number (from 1) fails after writing its rows.
    void failTransactionForTesting(qint64 number) { m_failTransaction = number; }

private:
    struct Column {
        QString name;
        qsizetype rowIndex; // position in DomainRows::customerRow()
    };

    void chooseColumns(const CustomerCsvReader &reader);
    Status load(QList<CustomerCsvRow> &rows, qint64 number);
    Status writeBatch(QList<CustomerCsvRow> &rows, CustomerImportCounts &counts);
    Result<QHash<QString, QStringList>> storedValues(const QList<CustomerCsvRow> &rows) const;
    Result<qint64> nextReferenceNumber() const;

    ServerDatabase &m_db;
    CustomerImportOptions m_options;
    CustomerImportCounts m_counts;
    QStringList m_unknownColumns;
    QList<Column> m_columns; // the customers columns the file owns
    qint64 m_nextReference = 0;
    qint64 m_failTransaction = 0;
};

} // namespace fc::server
