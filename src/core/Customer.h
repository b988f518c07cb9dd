#pragma once

#include "core/AccessNeeds.h"
#include "core/Channel.h"
#include "core/CustomerFlag.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace fc {

/// A postal address as councils hold it: lines, town and postcode, keyed by the property's UPRN.
struct PostalAddress {
    QString line1;    // "12 Mill Street" or "Flat 3, Harbour House"
    QString line2;    // locality, may be empty
    QString town;
    QString postcode; // canonical "PL1 2AA"
    QString uprn;     // Unique Property Reference Number, up to 12 digits, may be empty

    bool isEmpty() const { return line1.isEmpty() && postcode.isEmpty() && uprn.isEmpty(); }
    friend bool operator==(const PostalAddress &, const PostalAddress &) = default;
};

/// Which messages the customer has agreed to receive.
struct CommunicationConsents {
    bool email = false;
    bool sms = false;
    bool post = true;
    friend bool operator==(const CommunicationConsents &, const CommunicationConsents &) = default;
};

/// A person the council serves, across every service (the "single customer view").
struct Customer {
    QUuid id;            // stable across systems
    QString reference;   // human reference read over the phone, "C1234567"
    QString title;       // "Mrs", "Mx", may be empty
    QString givenName;
    QString familyName;
    QString preferredName; // what they like to be called, may be empty
    QDate dateOfBirth;     // may be null
    QStringList phones;    // canonical form (see PhoneNumber.h), first is preferred
    QStringList emails;    // lower-cased domain, first is preferred
    PostalAddress address;
    QString preferredLanguage = QStringLiteral("en"); // BCP 47: "en", "cy", "pl", ...
    Channel preferredChannel = Channel::Phone;
    AccessNeeds accessNeeds;
    QList<CustomerFlag> flags;
    CommunicationConsents consents;
    qint64 revision = 0; // server revision this copy is based on
    QDateTime createdAt;
    QDateTime updatedAt;

    /// "Siân Jones": preferred name (if set, else given name) and family name; falls back to the
    /// reference, then to a translated "Unnamed customer", so a list never shows a blank row.
    QString displayName() const;
    friend bool operator==(const Customer &, const Customer &) = default;
};

} // namespace fc
