#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace fc {

/// A council service area and the request types agents raise within it.
struct RequestType {
    QString key;          // "missed_bin"
    QString displayName;  // translated
    int promiseWorkingDays = 10; // default promised-by rule, see PromiseRule
    QString owningTeam;   // team key that works these requests
};

struct Service {
    QString key;          // "waste"
    QString referencePrefix; // "WST", used in case references
    QString displayName;  // translated
    QList<RequestType> requestTypes;
};

/// The services a council runs. The default catalogue covers what every UK council front office
/// handles (waste, council tax, repairs, highways, ... and elected members' enquiries); a council may
/// extend it with data later. Keys are stable: cases, scripts and reports store them.
class ServiceCatalogue {
public:
    static ServiceCatalogue defaultCatalogue();

    const QList<Service> &services() const { return m_services; }
    const Service *service(QStringView key) const;
    const RequestType *requestType(QStringView serviceKey, QStringView requestTypeKey) const;

private:
    QList<Service> m_services;
};

} // namespace fc
