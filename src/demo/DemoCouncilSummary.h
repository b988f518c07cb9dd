#pragma once

#include "demo/DemoCouncilSink.h"

#include <QMap>
#include <QString>

#include <array>

namespace fc {

/// Counts what went through it — customers, contacts, cases, duplicates — and the shares the demo
/// council aims at (first-contact resolution, failure demand, access needs), passing every record on
/// to another sink when given one. The CLI prints it; tests and benchmarks check it.
class DemoCouncilSummary : public DemoCouncilSink {
public:
    explicit DemoCouncilSummary(DemoCouncilSink *next = nullptr) : m_next(next) { }

    void onCustomer(const Customer &customer) override;
    void onContact(const Contact &contact) override;
    void onCase(const Case &serviceCase) override;
    void onDuplicatePlanted(const PlantedDuplicate &duplicate) override;
    Status status() const override;

    qint64 customers() const { return m_customers; }
    qint64 contacts() const { return m_contacts; }
    qint64 cases() const { return m_cases; }
    qint64 rows() const { return m_customers + m_contacts + m_cases; }
    qint64 duplicatesPlanted() const { return m_duplicates; }
    qint64 customersWithAccessNeeds() const { return m_withAccessNeeds; }
    qint64 customersWithPhone() const { return m_withPhone; }
    qint64 customersWithEmail() const { return m_withEmail; }
    qint64 customersWithVulnerabilityFlag() const { return m_vulnerable; }
    qint64 customersWithStaffSafetyFlag() const { return m_staffSafety; }
    qint64 contactsResolvedAtFirstContact() const { return outcomeCount(Outcome::ResolvedAtFirstContact); }
    qint64 contactsWithFailureDemand() const { return m_failure; }
    qint64 channelCount(Channel channel) const { return m_channels[std::size_t(channel)]; }
    qint64 outcomeCount(Outcome outcome) const { return m_outcomes[std::size_t(outcome)]; }
    qint64 failureKindCount(FailureKind kind) const { return m_failureKinds[std::size_t(kind)]; }
    /// Contacts per service key, in key order.
    const QMap<QString, qint64> &contactsByService() const { return m_byService; }

    /// Shares in [0, 1]; 0 when there is nothing to divide.
    double firstContactResolutionShare() const { return share(contactsResolvedAtFirstContact(), m_contacts); }
    double failureDemandShare() const { return share(m_failure, m_contacts); }
    double accessNeedsShare() const { return share(m_withAccessNeeds, m_customers); }
    double duplicateShare() const { return share(m_duplicates, m_customers); }

private:
    static double share(qint64 part, qint64 whole) { return whole > 0 ? double(part) / double(whole) : 0.0; }

    DemoCouncilSink *m_next = nullptr;
    qint64 m_customers = 0;
    qint64 m_contacts = 0;
    qint64 m_cases = 0;
    qint64 m_duplicates = 0;
    qint64 m_withAccessNeeds = 0;
    qint64 m_withPhone = 0;
    qint64 m_withEmail = 0;
    qint64 m_vulnerable = 0;
    qint64 m_staffSafety = 0;
    qint64 m_failure = 0;
    std::array<qint64, 8> m_channels {};
    std::array<qint64, 7> m_outcomes {};
    std::array<qint64, 6> m_failureKinds {};
    QMap<QString, qint64> m_byService;
};

} // namespace fc
