#pragma once

#include "core/Channel.h"
#include "core/Demand.h"
#include "core/Outcome.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace fc {

/// One interaction with a resident on any channel. Append-only once wrapped up: a correction is a new
/// contact whose `correctsContactId` names the one it corrects.
struct Contact {
    QUuid id;
    QUuid customerId;      // null for an anonymous contact
    Channel channel = Channel::Phone;
    QString site;          // "civic-centre", "central-library-hub", "contact-centre"
    QString agent;         // user name
    QDateTime startedAt;   // UTC
    QDateTime endedAt;     // UTC; null until wrap-up
    QString service;       // service key
    QString reason;        // reason key within the service ("missed_bin")
    QString scriptId;      // empty when no script was used
    int scriptVersion = 0;
    QJsonObject answers;   // step id -> answer, as given in the script run
    std::optional<Outcome> outcome; // set at wrap-up
    QString signpostedTo;  // partner agency key when outcome is Signposted
    QString transferredTo; // team or agency when outcome is Transferred
    DemandClassification demand;
    QString notes;
    QList<QUuid> linkedCaseIds;
    QUuid correctsContactId;

    bool isAnonymous() const { return customerId.isNull(); }
    bool isWrappedUp() const { return outcome.has_value() && endedAt.isValid(); }
    /// Seconds from start to end; -1 while the contact is still open.
    qint64 handleTimeSeconds() const { return isWrappedUp() ? startedAt.secsTo(endedAt) : -1; }
    friend bool operator==(const Contact &, const Contact &) = default;
};

} // namespace fc
