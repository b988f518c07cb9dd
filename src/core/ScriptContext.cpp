#include "core/ScriptContext.h"

#include "core/Case.h"
#include "core/Contact.h"
#include "core/Customer.h"

using namespace Qt::StringLiterals;

namespace fc {

ScriptCustomerFacts ScriptCustomerFacts::from(const Customer &customer, const QList<Case> &cases,
                                              const QList<Contact> &contacts)
{
    ScriptCustomerFacts facts;
    facts.known = true;
    facts.dateOfBirth = customer.dateOfBirth;
    facts.accessNeeds = customer.accessNeeds;
    for (const CustomerFlag &flag : customer.flags) {
        if (flag.kind() == FlagKind::Vulnerability)
            facts.vulnerability = true;
        else
            facts.staffSafety = true;
    }
    for (const Case &c : cases)
        facts.cases.append(ScriptCaseFact { c.service, c.requestType, isOpen(c.status), c.raisedAt });
    for (const Contact &c : contacts)
        facts.contacts.append(ScriptContactFact { c.service, c.reason, c.startedAt });
    facts.name = customer.displayName();
    QStringList parts { customer.address.line1, customer.address.line2, customer.address.town,
                        customer.address.postcode };
    parts.removeAll(QString());
    facts.address = parts.join(u", "_s);
    facts.postcode = customer.address.postcode;
    return facts;
}

QDate ScriptContext::localDate(const QDateTime &utc) const
{
    return calendar ? utc.toTimeZone(calendar->timeZone()).date() : utc.toUTC().date();
}

QDate ScriptContext::today() const
{
    return localDate(now);
}

bool ScriptContext::isWorkingDay(QDate date) const
{
    return calendar ? calendar->isWorkingDay(date) : date.dayOfWeek() <= 5;
}

QDate ScriptContext::workingDaysAhead(int days) const
{
    if (calendar)
        return calendar->addWorkingDays(today(), days);
    QDate date = today();
    for (int counted = 0; counted < days;) {
        date = date.addDays(1);
        if (isWorkingDay(date))
            ++counted;
    }
    return date;
}

QDate ScriptContext::workingDaysAgo(int days) const
{
    QDate date = today();
    for (int counted = 0; counted < days;) {
        date = date.addDays(-1);
        if (isWorkingDay(date))
            ++counted;
    }
    return date;
}

} // namespace fc
