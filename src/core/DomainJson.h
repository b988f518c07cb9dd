#pragma once

// Customers, cases and contacts as JSON objects: how records travel between desks and the server.

#include "core/Case.h"
#include "core/Contact.h"
#include "core/Customer.h"
#include "core/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace fc {

/// The JSON form of the domain records (docs/SYNC.md, "Records"). Keys are the server's column names
/// ("given_name", "promised_by"), lists are arrays, times ISO 8601 UTC with milliseconds and a Z, dates
/// "YYYY-MM-DD", ids UUIDs without braces, absent values null. Reading is strict: a wrong type, an
/// unknown key (enum value or field) or an over-long text is an error naming the field
/// (json.invalid_field, json.unknown_field, json.missing_field), never a silently dropped value.
class DomainJson {
public:
    static QJsonObject fromCustomer(const Customer &customer);
    static Result<Customer> toCustomer(const QJsonObject &json);
    static QJsonObject fromCase(const Case &serviceCase);
    static Result<Case> toCase(const QJsonObject &json);
    static QJsonObject fromContact(const Contact &contact);
    static Result<Contact> toContact(const QJsonObject &json);

    /// Fields an update may change (the rest are identity or bookkeeping: id, reference, revision,
    /// created/updated times). Customer: every personal detail; case: status, priority, team, assignee,
    /// promised_by, resolved_at, summary, closure_reason and customer_id.
    static const QStringList &editableCustomerFields();
    static const QStringList &editableCaseFields();

    /// Checks values a person typed: postcode, phones, emails and UPRN must parse, and be in their
    /// canonical form (the client normalises before saving). Errors: customer.invalid_postcode,
    /// customer.invalid_phone, customer.invalid_email, customer.invalid_uprn, customer.no_name.
    static Status validateCustomer(const Customer &customer);
};

} // namespace fc
