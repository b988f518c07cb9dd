#pragma once

#include "core/Customer.h"
#include "demo/DemoAddressBook.h"
#include "demo/DemoDataLists.h"
#include "demo/WeightedChoice.h"

#include <QDate>

#include <vector>

namespace fc {

/// Makes the adults of one demo household: a couple, a parent with grown-up children or people
/// sharing, with names from one culture (or two), ages 18 to 100, titles, phones and emails partly
/// missing, preferred language and channel, access needs, vulnerability and staff-safety flags.
///
/// Household-level choices come from the household's stream and personal ones from each customer's
/// (DemoStream), so a customer depends only on the seed, its household and its own index.
class DemoCustomerFactory {
public:
    DemoCustomerFactory(const DemoDataLists &lists, quint64 seed, QDate asOf);

    /// Up to maxSize customers (at least one) living at `property`; the first gets index
    /// firstCustomerIndex and the rest the following ones. createdAt and updatedAt are left for the
    /// caller, which knows the contact history; flags are dated within the two years before asOf.
    std::vector<Customer> household(qint64 householdIndex, qint64 firstCustomerIndex, int maxSize,
                                    const DemoProperty &property) const;

    /// "C1000042": "C" and seven digits, from the customer's index (so at most 9,000,000 customers).
    static QString customerReference(qint64 customerIndex);
    static constexpr qint64 maximumCustomers = 9'000'000;

    /// A mobile number only this customer index has: "+447" and nine digits in the mobile ranges.
    QString mobileFor(qint64 customerIndex) const;
    /// An email address made from the name, as people choose them: "sian.jones84@gmail.com".
    QString emailFor(const QString &givenName, const QString &familyName, QDate dateOfBirth, DemoRandom &random) const;

private:
    enum class Sex { Female, Male };
    struct Person {
        Sex sex = Sex::Female;
        int age = 18;
        int culture = 0;
        SurnameForms surname;
        bool partnered = false;
    };

    Customer makeCustomer(const Person &person, qint64 customerIndex, const DemoProperty &property) const;

    const DemoDataLists &m_lists;
    quint64 m_seed;
    QDate m_asOf;
    qint64 m_mobileOffset = 0;
    WeightedChoice<int> m_householdSizes;
    RangeChoice m_ages;
};

} // namespace fc
