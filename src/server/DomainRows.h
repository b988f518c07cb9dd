#pragma once

// How customers, cases and contacts become rows of the server's tables, the same on both back ends.

#include "core/Case.h"
#include "core/Contact.h"
#include "core/Customer.h"

#include "core/Result.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

namespace fc::server {

/// Column lists and row values for the domain tables (see docs/SERVER.md, "Schema"). Values are what
/// ServerDatabase binds on either back end: UUIDs without braces, times as ISO 8601 UTC, lists as
/// ';'-separated keys, customer flags and script answers as JSON text. Seeding uses them today; sync
/// will apply pushed records with them.
class DomainRows {
public:
    static QStringList customerColumns();
    static QVariantList customerRow(const Customer &customer);

    static QStringList caseColumns();
    static QVariantList caseRow(const Case &serviceCase);

    /// The contact without its linked cases, which go to contact_cases.
    static QStringList contactColumns();
    static QVariantList contactRow(const Contact &contact);

    static QStringList contactCaseColumns(); // contact_id, case_id, position
    static QList<QVariantList> contactCaseRows(const Contact &contact);

    /// `[{"category": "bereavement", "note": "", "raised_on": "2026-01-02", "review_by": "2026-07-02"}]`
    static QString flagsJson(const QList<CustomerFlag> &flags);

    /// The reverse, for a query that selected customerColumns() / caseColumns() / contactColumns() in
    /// order from column `first` on (contacts come without their linked cases). Values written by the
    /// rows above on either back end read back equal. Errors: server.bad_row, naming the record and the
    /// column that does not read.
    static Result<Customer> readCustomer(const QSqlQuery &query, int first = 0);
    static Result<Case> readCase(const QSqlQuery &query, int first = 0);
    static Result<Contact> readContact(const QSqlQuery &query, int first = 0);

    /// Comma-separated column list for a SELECT, each prefixed with `alias.` when one is given.
    static QString selectList(const QStringList &columns, const QString &alias = QString());
    /// "?, ?, ?": `count` positional placeholders.
    static QString placeholders(qsizetype count);
    /// "INSERT INTO table (a, b) VALUES (?, ?), (?, ?)" for `rowCount` rows.
    static QString insertSql(const QString &table, const QStringList &columns, qsizetype rowCount = 1);
};

} // namespace fc::server
