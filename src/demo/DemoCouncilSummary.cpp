#include "demo/DemoCouncilSummary.h"

namespace fc {

void DemoCouncilSummary::onCustomer(const Customer &customer)
{
    ++m_customers;
    if (customer.accessNeeds.any())
        ++m_withAccessNeeds;
    if (!customer.phones.isEmpty())
        ++m_withPhone;
    if (!customer.emails.isEmpty())
        ++m_withEmail;
    bool vulnerable = false;
    bool staffSafety = false;
    for (const CustomerFlag &flag : customer.flags) {
        if (flagKindOf(flag.category) == FlagKind::Vulnerability)
            vulnerable = true;
        else
            staffSafety = true;
    }
    m_vulnerable += vulnerable ? 1 : 0;
    m_staffSafety += staffSafety ? 1 : 0;
    if (m_next)
        m_next->onCustomer(customer);
}

void DemoCouncilSummary::onContact(const Contact &contact)
{
    ++m_contacts;
    const std::size_t channel = std::size_t(contact.channel);
    if (channel < m_channels.size())
        ++m_channels[channel];
    if (contact.outcome && std::size_t(*contact.outcome) < m_outcomes.size())
        ++m_outcomes[std::size_t(*contact.outcome)];
    if (contact.demand.isFailure()) {
        ++m_failure;
        const std::size_t kind = std::size_t(contact.demand.failureKind);
        if (kind < m_failureKinds.size())
            ++m_failureKinds[kind];
    }
    ++m_byService[contact.service];
    if (m_next)
        m_next->onContact(contact);
}

void DemoCouncilSummary::onCase(const Case &serviceCase)
{
    ++m_cases;
    if (m_next)
        m_next->onCase(serviceCase);
}

void DemoCouncilSummary::onDuplicatePlanted(const PlantedDuplicate &duplicate)
{
    ++m_duplicates;
    if (m_next)
        m_next->onDuplicatePlanted(duplicate);
}

Status DemoCouncilSummary::status() const
{
    return m_next ? m_next->status() : Status();
}

} // namespace fc
