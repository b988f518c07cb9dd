#pragma once

#include "demo/CsvWriter.h"
#include "demo/DemoCouncilSink.h"

#include <QSaveFile>
#include <QString>
#include <QStringList>

#include <memory>

namespace fc {

/// Writes the demo council as CSV files in one directory, one per record kind, for the server's
/// seed-demo and for people to read: RFC 4180, UTF-8, CRLF, a header row, keys rather than display
/// names, times in ISO 8601 UTC ("2026-03-02T09:15:00Z"), dates "2026-03-02", booleans true/false.
/// Lists inside a field are separated by ';'. Files appear only when close() succeeds.
///
/// customers.csv  id, reference, title, given_name (with middle names), family_name, preferred_name,
///                date_of_birth, phones (E.164, preferred first), emails, address_line1,
///                address_line2 (locality), town, postcode ("PL1 2AA"), uprn, preferred_language
///                (BCP 47), preferred_channel (channelKey), access_needs (accessNeedKey list),
///                interpreter_language, sign_language ("bfi" or "isg"), flags (each
///                "category:raised_on:review_by", flagCategoryKey), consent_email, consent_sms,
///                consent_post, revision, created_at, updated_at
/// cases.csv      id, reference ("WST-2026-000123"), customer_id, service, request_type, status
///                (caseStatusKey), priority (casePriorityKey), team, assignee, raised_at, promised_by,
///                resolved_at (empty while open), raising_contact_id, summary, revision
/// contacts.csv   id, customer_id, channel, site, agent, started_at, ended_at, service, reason,
///                script_id, script_version, answers (compact JSON, empty when none), outcome
///                (outcomeKey), signposted_to, transferred_to, demand_type (demandTypeKey),
///                failure_kind (failureKindKey, empty for value demand), notes, linked_case_ids,
///                corrects_contact_id
/// duplicates.csv duplicate_id, original_id, variations (DuplicatePlanter's keys): the answer key for
///                duplicate detection, one row per planted duplicate
class CsvSink : public DemoCouncilSink {
public:
    CsvSink();
    ~CsvSink() override;

    static QString customersFileName() { return QStringLiteral("customers.csv"); }
    static QString casesFileName() { return QStringLiteral("cases.csv"); }
    static QString contactsFileName() { return QStringLiteral("contacts.csv"); }
    static QString duplicatesFileName() { return QStringLiteral("duplicates.csv"); }
    static QStringList customerColumns();
    static QStringList caseColumns();
    static QStringList contactColumns();
    static QStringList duplicateColumns();

    /// Creates the directory when missing and starts the four files (replacing older ones only on
    /// close()). Errors: csv.cannot_create_directory, csv.cannot_open.
    Status open(const QString &directory);
    /// Writes out and commits the files. Errors: csv.not_open, csv.write_failed, csv.cannot_commit.
    Status close();

    void onCustomer(const Customer &customer) override;
    void onContact(const Contact &contact) override;
    void onCase(const Case &serviceCase) override;
    void onDuplicatePlanted(const PlantedDuplicate &duplicate) override;
    Status status() const override;

    qint64 bytesWritten() const;

private:
    struct File {
        std::unique_ptr<QSaveFile> file;
        std::unique_ptr<CsvWriter> writer;
    };

    File m_customers;
    File m_cases;
    File m_contacts;
    File m_duplicates;
    bool m_open = false;
};

} // namespace fc
