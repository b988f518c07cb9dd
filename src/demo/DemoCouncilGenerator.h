#pragma once

#include "core/Result.h"
#include "core/ServiceCatalogue.h"
#include "demo/DemoCouncilSink.h"

#include <QDate>

namespace fc {

struct DemoCouncilOptions {
    qint64 customers = 5000; // rows of customers, planted duplicates included
    quint64 seed = 1;
    QDate asOf = QDate(2026, 11, 1); // never the clock: the same options give the same council
    int contactYears = 2; // contacts fall in the years before asOf
};

/// Generates a deterministic demo council — customers in households at real-looking addresses,
/// their contacts over the years before asOf and the cases those raised, with about 2 % of customers
/// planted twice — and streams it to a sink, so a million customers never sit in memory.
/// The same options always give byte-for-byte the same records.
class DemoCouncilGenerator {
public:
    explicit DemoCouncilGenerator(DemoCouncilOptions options,
                                  ServiceCatalogue catalogue = ServiceCatalogue::defaultCatalogue());

    /// Errors: demo.invalid_customers, demo.too_many_customers, demo.invalid_as_of,
    /// demo.invalid_contact_years.
    static Status validate(const DemoCouncilOptions &options);

    /// Sends every record to `sink`. Errors: those of validate(), demo.empty_catalogue, the data
    /// lists' (demo.list_missing, demo.list_malformed), and whatever the sink's status() reports.
    Status generate(DemoCouncilSink &sink) const;

    const DemoCouncilOptions &options() const { return m_options; }

    /// Share of customer rows that are planted duplicates, per million.
    static constexpr quint32 duplicateSharePerMillion = 20000;

private:
    DemoCouncilOptions m_options;
    ServiceCatalogue m_catalogue;
};

} // namespace fc
