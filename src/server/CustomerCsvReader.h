#pragma once

// Reads a legacy CRM's customer export (docs/SERVER.md, "Importing customers"): the header row, then
// each row checked and normalised into a Customer, or rejected with every reason found.

#include "core/Customer.h"
#include "core/Result.h"
#include "server/CustomerCsvRecordReader.h"

#include <QDate>
#include <QHash>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace fc::server {

/// What a column can give. Several names can mean one field ("surname" and "family_name").
enum class CustomerCsvField {
    LegacyId,
    Title,
    GivenName,
    FamilyName,
    PreferredName,
    DateOfBirth,
    Phones,
    Emails,
    AddressLine1,
    AddressLine2,
    Town,
    Postcode,
    Uprn,
    PreferredLanguage,
    AccessNeeds,
    InterpreterLanguage,
    SignLanguage,
};

/// One data row of the file: the customer it describes, or why it cannot be loaded.
struct CustomerCsvRow {
    qint64 line = 0; // physical line the record starts on
    QString raw; // the record as written, for the report
    QString legacyId; // trimmed; empty when the row has none or its fields could not be read
    /// Normalised; `id` made from the legacy id, no reference (the importer gives one), revision 1.
    Customer customer;
    QList<Error> problems; // empty for a row that can be loaded

    bool rejected() const { return !problems.isEmpty(); }
};

/// Streams rows from a CSV export. Column names are matched case-insensitively, with spaces and
/// hyphens taken as underscores; columns it does not know are listed by unknownColumns() and ignored.
/// A row is rejected for malformed CSV, a field count other than the header's, a missing legacy_id,
/// a legacy_id seen on an earlier row, a repeat of the header, no given or family name, or any value
/// that does not normalise (phone, email, postcode, UPRN, date of birth, language, access need,
/// over-long text).
class CustomerCsvReader {
public:
    static constexpr int kMaximumLegacyIdLength = 100;
    static constexpr int kMaximumTextLength = 200;

    /// `today` is the last date a date of birth may be.
    CustomerCsvReader(QIODevice *device, QDate today);

    /// Reads the header row. Errors: import.empty_file, import.bad_header (malformed CSV),
    /// import.missing_column (no legacy_id, or neither given nor family name), import.duplicate_column
    /// (two columns for one field, such as "phone" and "phones"), csv.read_failed.
    Status readHeader();
    /// The fields the file has, in column order (the importer writes only these to existing customers).
    QList<CustomerCsvField> fields() const;
    bool has(CustomerCsvField field) const;
    /// Columns that were ignored, as written in the header ("column 7" for one with no name).
    QStringList unknownColumns() const { return m_unknownColumns; }

    /// The next data row; nullopt at the end of the file or on a read error (see status()).
    std::optional<CustomerCsvRow> next();
    /// Errors: csv.read_failed.
    Status status() const { return m_records.status(); }
    qint64 currentLine() const { return m_records.currentLine(); }

    /// The canonical column name of a field: "given_name".
    static QString fieldName(CustomerCsvField field);
    /// The field a header name means ("Surname", "family-name", "FAMILY_NAME"), if any.
    static std::optional<CustomerCsvField> fieldForColumn(QStringView column);
    /// The customer id a legacy id always becomes: UUID v5 of its UTF-8 in legacyIdNamespace().
    static QUuid customerId(const QString &legacyId);
    static QUuid legacyIdNamespace();

private:
    void readRow(const QStringList &fields, CustomerCsvRow &row);
    QString columnName(CustomerCsvField field) const;

    CustomerCsvRecordReader m_records;
    QDate m_today;
    QList<std::optional<CustomerCsvField>> m_columns; // per column of the file
    QHash<CustomerCsvField, QString> m_columnNames; // as the header writes them, for messages
    QStringList m_unknownColumns;
    QStringList m_header; // as read, to spot it repeated where two exports were joined
    QHash<QString, qint64> m_firstLineOfLegacyId;
};

} // namespace fc::server
