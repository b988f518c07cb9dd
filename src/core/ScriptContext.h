#pragma once

// What a script run may read about the contact's customer and the council's calendar: plain values
// gathered before the run (from the cache, by the caller), so the engine needs no storage.

#include "core/AccessNeeds.h"
#include "core/ServiceCatalogue.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace fc {

struct Case;
struct Contact;
struct Customer;

struct ScriptCaseFact {
    QString service;
    QString requestType;
    bool open = true;
    QDateTime raisedAt; // UTC
};

struct ScriptContactFact {
    QString service;
    QString reason;
    QDateTime at; // UTC
};

/// The customer a contact is about, as conditions and placeholders see it; `known` is false for an
/// anonymous contact, and then everything else is empty.
struct ScriptCustomerFacts {
    bool known = false;
    QDate dateOfBirth;
    AccessNeeds accessNeeds;
    bool vulnerability = false;
    bool staffSafety = false;
    QList<ScriptCaseFact> cases;
    QList<ScriptContactFact> contacts;
    QString name;
    QString address; // one line
    QString postcode;

    /// The facts of a customer with their cases and contacts.
    static ScriptCustomerFacts from(const Customer &customer, const QList<Case> &cases, const QList<Contact> &contacts);
};

struct ScriptContext {
    ScriptCustomerFacts customer;
    QDateTime now; // UTC: "today", promised-by dates and "within N working days" count from it
    std::shared_ptr<const WorkingCalendar> calendar; // null: Monday to Friday, no holidays, UTC
    ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue();

    /// Today in the council's time zone.
    QDate today() const;
    bool isWorkingDay(QDate date) const;
    /// The day `days` working days before today (today when days is 0).
    QDate workingDaysAgo(int days) const;
    /// The day `days` working days after today (today when days is 0).
    QDate workingDaysAhead(int days) const;
    QDate localDate(const QDateTime &utc) const;
};

} // namespace fc
