#pragma once

#include "core/Case.h"
#include "core/Contact.h"
#include "core/Customer.h"
#include "core/ServiceCatalogue.h"
#include "demo/DemoDataLists.h"
#include "demo/DemoRandom.h"
#include "demo/WeightedChoice.h"

#include <QDate>

#include <optional>
#include <vector>

namespace fc {

/// One contact of a customer's history and the case it raised, if it raised one.
struct DemoHistoryEntry {
    Contact contact;
    std::optional<Case> raisedCase;
};

/// Makes a customer's contacts with the council over the years before asOf, as episodes: a first
/// contact about a request (mostly resolved there and then, sometimes raising a case with a
/// promised-by date), then the failure demand it can cause — chasing an open or late case, coming
/// back because it was not resolved, or because the work was not done properly.
///
/// The mixes aim at about 70 % of contacts resolved at first contact and 40 % failure demand, with
/// chasing progress the largest kind. Case references are numbered per service prefix and year in
/// the order histories are made, so one instance must make every history of a run, in order.
class DemoContactHistory {
public:
    /// Contacts fall in [asOf - contactYears, asOf) (UTC, from midnight).
    DemoContactHistory(const DemoDataLists &lists, const ServiceCatalogue &catalogue, QDate asOf, int contactYears);

    /// How many episodes a customer has: most one to three, a few dozens (about 3.5 on average).
    int drawEpisodeCount(DemoRandom &random) const;

    /// The customer's contacts in time order, with the cases they raised (case references are given
    /// out here, in that order).
    std::vector<DemoHistoryEntry> make(const Customer &customer, int episodes, DemoRandom &random);

    /// Number of request types the generator draws from (every request type of the catalogue).
    qsizetype requestTypeCount() const { return qsizetype(m_requestTypes.size()); }

    /// promisedBy for a request raised at `raisedAt`: the England and Wales WorkingCalendar's promise
    /// (end of the working day `workingDays` working days after the start day, Europe/London, skipping
    /// weekends and bank holidays; raised after the 16:00 cut-off counts from the next working day).
    static QDateTime promisedBy(const QDateTime &raisedAt, int workingDays);

private:
    struct RequestProfile {
        QString service;
        QString requestType;
        QString referencePrefix;
        QString team;
        QString summary;
        int serviceIndex = 0;
        int promiseWorkingDays = 10;
        int raisePerMille = 0;
        int appointmentPerMille = 0;
        int signpostPerMille = 0;
        CasePriority usualPriority = CasePriority::Normal;
    };
    struct Draft; // the history while it is being made, in DemoContactHistory.cpp

    qint64 contactStart(qint64 notBefore, qint64 before, Channel channel, DemoRandom &random) const;
    Channel pickChannel(const Customer &customer, DemoRandom &random) const;
    int addContact(Draft &draft, qint64 start, Channel channel, int requestType, Outcome outcome,
                   DemandClassification demand, DemoRandom &random) const;
    int raiseCase(Draft &draft, int contactIndex, DemoRandom &random) const;
    void addChasing(Draft &draft, int caseIndex, DemoRandom &random) const;
    void addEpisode(Draft &draft, int requestType, DemoRandom &random) const;
    QString nextCaseReference(int serviceIndex, int year);

    const DemoDataLists &m_lists;
    std::vector<RequestProfile> m_requestTypes;
    WeightedChoice<int> m_requestChoice;
    std::vector<int> m_contactCentreAgents; // indexes into m_lists.agents
    std::vector<int> m_walkInAgents;
    std::vector<std::vector<int>> m_officersByService; // indexes into m_lists.officers
    qint64 m_windowStart = 0; // seconds since the epoch, UTC
    qint64 m_windowEnd = 0;
    int m_firstYear = 0;
    std::vector<std::vector<int>> m_caseNumbers; // [service][year - m_firstYear] -> last number used
};

} // namespace fc
