#include "demo/DemoCouncilGenerator.h"

#include "demo/DemoAddressBook.h"
#include "demo/DemoContactHistory.h"
#include "demo/DemoCustomerFactory.h"
#include "demo/DemoDataLists.h"
#include "demo/DemoStreams.h"
#include "demo/DuplicatePlanter.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr quint32 kCreatedBeforeWindow = 550000;
constexpr qint64 kDuplicateDelayMaximum = 5000; // rows between an original and its duplicate
const QDate kEarliestRecord(2008, 1, 1);

// A duplicate waits in the queue until its row comes, so it does not sit next to its original.
struct PendingDuplicate {
    Customer original;
    DemoRandom random;
};

class RunState {
public:
    RunState(const DemoCouncilOptions &options, const ServiceCatalogue &catalogue, const DemoDataLists &lists,
             DemoCouncilSink &sink)
        : m_options(options),
          m_sink(sink),
          m_addressBook(lists, options.seed),
          m_factory(lists, options.seed, options.asOf),
          m_history(lists, catalogue, options.asOf, options.contactYears),
          m_planter(lists, m_factory),
          m_windowStart(QDateTime(options.asOf.addYears(-options.contactYears), QTime(0, 0), Qt::UTC))
    {
    }

    Status run()
    {
        const qint64 total = m_options.customers;
        qint64 household = 0;
        while (m_rows < total) {
            const qint64 left = total - m_rows;
            if (!m_pending.empty() && (m_pending.begin()->first <= m_rows || left <= qint64(m_pending.size()))) {
                plantNextDuplicate();
            } else {
                const DemoProperty property = m_addressBook.next();
                const int room = int(std::min<qint64>(left - qint64(m_pending.size()), 16));
                const std::vector<Customer> members = m_factory.household(household++, m_rows, room, property);
                for (const Customer &member : members) {
                    const qint64 index = m_rows;
                    Customer customer = member;
                    emitCustomer(customer, index, false);
                    considerDuplicate(customer, index);
                    if (Status status = m_sink.status(); !status)
                        return status;
                }
                continue;
            }
            if (Status status = m_sink.status(); !status)
                return status;
        }
        return {};
    }

private:
    void emitCustomer(Customer &customer, qint64 index, bool duplicate)
    {
        DemoRandom random = DemoRandom::forStream(m_options.seed, streamDomain(DemoStream::History), quint64(index));
        static const WeightedChoice<int> duplicateEpisodes { { 1, 50 }, { 2, 35 }, { 3, 15 } };
        const int episodes = duplicate ? duplicateEpisodes.pick(random) : m_history.drawEpisodeCount(random);
        const std::vector<DemoHistoryEntry> entries = m_history.make(customer, episodes, random);

        // A first record usually predates the window, but not the person's 18th birthday; a second
        // record is made at the contact that made it.
        const bool createdBefore = entries.empty() || (!duplicate && random.chance(kCreatedBeforeWindow));
        qint64 from = QDateTime(kEarliestRecord, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        if (customer.dateOfBirth.isValid())
            from
                = std::max(from, QDateTime(customer.dateOfBirth.addYears(18), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
        const qint64 to = m_windowStart.toSecsSinceEpoch();
        if (createdBefore && from < to)
            customer.createdAt = QDateTime::fromSecsSinceEpoch(random.between(from, to - 1), Qt::UTC);
        else if (!entries.empty())
            customer.createdAt = entries.front().contact.startedAt;
        else
            customer.createdAt = QDateTime::fromSecsSinceEpoch(std::max(from, to), Qt::UTC);
        customer.updatedAt
            = entries.empty() ? customer.createdAt : std::max(customer.createdAt, entries.back().contact.endedAt);
        for (CustomerFlag &flag : customer.flags) {
            if (flag.raisedOn < customer.createdAt.date()) {
                flag.raisedOn = customer.createdAt.date();
                flag.reviewBy = flag.raisedOn.addYears(1);
            }
        }

        m_sink.onCustomer(customer);
        for (const DemoHistoryEntry &entry : entries) {
            m_sink.onContact(entry.contact);
            if (entry.raisedCase)
                m_sink.onCase(*entry.raisedCase);
        }
        ++m_rows;
    }

    void considerDuplicate(const Customer &customer, qint64 index)
    {
        DemoRandom random = DemoRandom::forStream(m_options.seed, streamDomain(DemoStream::Duplicate), quint64(index));
        // Planting p of the originals makes duplicates p / (1 + p) of all rows.
        constexpr quint32 perOriginal = DemoCouncilGenerator::duplicateSharePerMillion * 1'000'000ULL
            / (1'000'000ULL - DemoCouncilGenerator::duplicateSharePerMillion);
        if (!random.chance(perOriginal))
            return;
        // Never plant more than the rows left can hold: every planted duplicate is written.
        if (m_options.customers - m_rows <= qint64(m_pending.size()))
            return;
        const qint64 due = m_rows + random.between(1, kDuplicateDelayMaximum);
        m_pending.emplace(due, PendingDuplicate { customer, random });
    }

    void plantNextDuplicate()
    {
        auto next = m_pending.begin();
        PendingDuplicate pending = std::move(next->second);
        m_pending.erase(next);
        const qint64 index = m_rows;
        DuplicateRecord record = m_planter.plant(pending.original, index, pending.random, m_addressBook);
        emitCustomer(record.customer, index, true);
        m_sink.onDuplicatePlanted(PlantedDuplicate { record.customer.id, pending.original.id, record.variations });
    }

    const DemoCouncilOptions &m_options;
    DemoCouncilSink &m_sink;
    DemoAddressBook m_addressBook;
    DemoCustomerFactory m_factory;
    DemoContactHistory m_history;
    DuplicatePlanter m_planter;
    QDateTime m_windowStart;
    qint64 m_rows = 0;
    std::multimap<qint64, PendingDuplicate> m_pending; // by the row it is due at; ties in planting order
};

} // namespace

DemoCouncilGenerator::DemoCouncilGenerator(DemoCouncilOptions options, ServiceCatalogue catalogue)
    : m_options(std::move(options)), m_catalogue(std::move(catalogue))
{
}

Status DemoCouncilGenerator::validate(const DemoCouncilOptions &options)
{
    if (options.customers < 0) {
        return makeError(
            u"demo.invalid_customers"_s,
            QCoreApplication::translate("fc::DemoCouncilGenerator", "The number of customers cannot be negative."));
    }
    if (options.customers > DemoCustomerFactory::maximumCustomers) {
        return makeError(u"demo.too_many_customers"_s,
                         QCoreApplication::translate("fc::DemoCouncilGenerator",
                                                     "The demo council can have at most %1 customers: customer "
                                                     "references have seven digits.")
                             .arg(DemoCustomerFactory::maximumCustomers));
    }
    if (!options.asOf.isValid() || options.asOf.year() < 2000 || options.asOf.year() > 2200) {
        return makeError(u"demo.invalid_as_of"_s,
                         QCoreApplication::translate("fc::DemoCouncilGenerator",
                                                     "The as-of date must be a valid date between 2000 and 2200."));
    }
    if (options.contactYears < 1 || options.contactYears > 10) {
        return makeError(
            u"demo.invalid_contact_years"_s,
            QCoreApplication::translate("fc::DemoCouncilGenerator", "Contacts can span from 1 to 10 years."));
    }
    return {};
}

Status DemoCouncilGenerator::generate(DemoCouncilSink &sink) const
{
    if (Status valid = validate(m_options); !valid)
        return valid;
    const bool hasRequestTypes = std::any_of(m_catalogue.services().begin(), m_catalogue.services().end(),
                                             [](const Service &service) { return !service.requestTypes.isEmpty(); });
    if (!hasRequestTypes) {
        return makeError(u"demo.empty_catalogue"_s,
                         QCoreApplication::translate("fc::DemoCouncilGenerator",
                                                     "The service catalogue has no request types to make cases of."));
    }
    const Result<DemoDataLists> lists = DemoDataLists::loadBuiltIn();
    if (!lists)
        return lists.error();
    RunState run(m_options, m_catalogue, lists.value(), sink);
    return run.run();
}

} // namespace fc
