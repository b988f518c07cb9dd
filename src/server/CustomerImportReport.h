#pragma once

// The rejected rows of a customer import, as a CSV file a person can open, fix and feed back.

#include "core/Result.h"
#include "demo/CsvWriter.h"
#include "server/CustomerCsvReader.h"

#include <QIODevice>

#include <memory>

namespace fc::server {

/// Writes one line per rejected row: `line,legacy_id,codes,reason,record` (the physical line the row
/// starts on, its legacy id if it had one, the problems' codes separated by spaces, their messages
/// separated by "; ", and the record as written). UTF-8 with a byte order mark, so Excel opens it as
/// UTF-8; CRLF line ends. A legacy id or record starting with =, +, - or @ gets a leading apostrophe,
/// so that Excel shows it rather than running it as a formula.
class CustomerImportReport {
public:
    explicit CustomerImportReport(QIODevice *device);
    ~CustomerImportReport();
    CustomerImportReport(const CustomerImportReport &) = delete;
    CustomerImportReport &operator=(const CustomerImportReport &) = delete;

    static QStringList columns();

    void add(const CustomerCsvRow &row);
    qint64 rows() const { return m_rows; }
    /// Writes out what is buffered. Errors: csv.write_failed.
    Status flush();

private:
    std::unique_ptr<CsvWriter> m_writer;
    qint64 m_rows = 0;
};

} // namespace fc::server
