#include "demo/DemoContactHistory.h"

#include "core/CustomerFlag.h"
#include "core/WorkingCalendar.h"
#include "demo/DemoChannelMix.h"

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kHour = 3600;
constexpr qint64 kUnixEpochJulianDay = 2440588;

// Shares per million unless named otherwise.
constexpr quint32 kRepeatRequestType = 300000;
constexpr quint32 kPreferredChannel = 550000;
constexpr quint32 kSignerUsesVideoRelay = 800000;
constexpr quint32 kInitiatingFailure = 140000;
constexpr quint32 kCouldNotUseChannelOfFailure = 430000; // the rest: wrong or unclear information
constexpr quint32 kNotResolvedLastTime = 80000;
constexpr quint32 kWorkNotDoneProperly = 100000;
constexpr quint32 kChaseAfterPromise = 600000;
constexpr quint32 kVulnerableRaisesPriority = 300000;
constexpr qint64 kClosedAfter = 14 * kDay; // resolved cases are closed two weeks on

struct RequestDefaults {
    const char *key;
    quint32 weight; // relative volume of first contacts
    int raisePerMille;
    int appointmentPerMille;
    int signpostPerMille;
};

// Volumes and outcomes of first contacts per request type, shaped like a unitary council's front
// office: Council Tax and general enquiries are the biggest and mostly answered there and then;
// repairs and reports (missed bins, potholes) mostly become requests.
constexpr RequestDefaults kRequestDefaults[] = {
    { "missed_bin", 80, 400, 0, 0 },
    { "bulky_waste", 30, 550, 0, 0 },
    { "new_bin", 30, 500, 0, 0 },
    { "assisted_collection", 10, 600, 0, 0 },
    { "change_of_address", 80, 30, 0, 0 },
    { "single_person_discount", 40, 80, 0, 0 },
    { "payment_arrangement", 90, 30, 0, 30 },
    { "bill_query", 80, 30, 0, 0 },
    { "emergency_repair", 20, 950, 0, 0 },
    { "urgent_repair", 20, 850, 0, 0 },
    { "routine_repair", 50, 650, 80, 0 },
    { "damp_and_mould", 20, 700, 100, 0 },
    { "pothole", 30, 550, 0, 0 },
    { "street_light", 20, 550, 0, 0 },
    { "blocked_drain", 10, 550, 0, 0 },
    { "noise_complaint", 30, 300, 0, 60 },
    { "pest_control", 10, 200, 400, 0 },
    { "food_hygiene", 10, 500, 0, 0 },
    { "fly_tipping", 30, 550, 0, 0 },
    { "permit", 50, 80, 0, 0 },
    { "pcn_challenge", 30, 200, 0, 0 },
    { "housing_benefit_change", 70, 150, 30, 60 },
    { "council_tax_reduction", 60, 150, 0, 60 },
    { "membership", 30, 0, 0, 0 },
    { "renewal_query", 20, 0, 0, 0 },
    { "planning_enquiry", 30, 30, 80, 30 },
    { "enforcement", 10, 700, 0, 0 },
    { "care_needs_assessment", 30, 300, 200, 150 },
    { "blue_badge", 30, 200, 0, 0 },
    { "general_enquiry", 110, 0, 0, 200 },
    { "member_enquiry", 10, 900, 0, 0 },
};
constexpr RequestDefaults kUnknownRequestType = { "", 10, 300, 0, 0 };

CasePriority usualPriority(QStringView requestType)
{
    if (requestType == u"emergency_repair")
        return CasePriority::Emergency;
    if (requestType == u"urgent_repair" || requestType == u"damp_and_mould" || requestType == u"care_needs_assessment")
        return CasePriority::High;
    if (requestType == u"membership" || requestType == u"renewal_query" || requestType == u"planning_enquiry")
        return CasePriority::Low;
    return CasePriority::Normal;
}

bool staffedHoursOnly(Channel channel)
{
    switch (channel) {
    case Channel::Phone:
    case Channel::FaceToFace:
    case Channel::VideoRelay:
    case Channel::Webchat:
    case Channel::Letter:
        return true;
    case Channel::Email:
    case Channel::WebForm:
    case Channel::SocialMedia:
        return false;
    }
    return true;
}

const WeightedChoice<int> &startHours(Channel channel)
{
    // Calls peak mid-morning; the counters open 9 to 5; people write online into the evening.
    static const WeightedChoice<int> staffed { { 8, 7 },   { 9, 14 },  { 10, 15 }, { 11, 13 }, { 12, 10 },
                                               { 13, 10 }, { 14, 11 }, { 15, 9 },  { 16, 8 },  { 17, 3 } };
    static const WeightedChoice<int> counter { { 9, 12 },  { 10, 16 }, { 11, 15 }, { 12, 12 },
                                               { 13, 12 }, { 14, 13 }, { 15, 12 }, { 16, 8 } };
    static const WeightedChoice<int> online { { 7, 3 },  { 8, 6 },  { 9, 8 },  { 10, 9 }, { 11, 9 }, { 12, 8 },
                                              { 13, 8 }, { 14, 8 }, { 15, 7 }, { 16, 7 }, { 17, 6 }, { 18, 6 },
                                              { 19, 6 }, { 20, 6 }, { 21, 5 }, { 22, 3 } };
    if (channel == Channel::FaceToFace)
        return counter;
    return staffedHoursOnly(channel) ? staffed : online;
}

// Handle time in seconds, skewed like a lognormal: phone calls mostly 4 to 8 minutes.
const RangeChoice &handleSeconds(Channel channel)
{
    static const RangeChoice phone { { { 90, 180 }, 8 },   { { 180, 240 }, 14 }, { { 240, 360 }, 30 },
                                     { { 360, 480 }, 25 }, { { 480, 720 }, 15 }, { { 720, 1200 }, 6 },
                                     { { 1200, 2400 }, 2 } };
    static const RangeChoice faceToFace {
        { { 180, 360 }, 15 }, { { 360, 600 }, 35 }, { { 600, 900 }, 30 }, { { 900, 1500 }, 15 }, { { 1500, 3000 }, 5 }
    };
    static const RangeChoice email {
        { { 60, 180 }, 25 }, { { 180, 360 }, 40 }, { { 360, 600 }, 25 }, { { 600, 1200 }, 10 }
    };
    static const RangeChoice webForm {
        { { 60, 120 }, 30 }, { { 120, 300 }, 45 }, { { 300, 600 }, 20 }, { { 600, 900 }, 5 }
    };
    static const RangeChoice webchat {
        { { 180, 420 }, 25 }, { { 420, 720 }, 40 }, { { 720, 1200 }, 25 }, { { 1200, 1800 }, 10 }
    };
    static const RangeChoice videoRelay {
        { { 420, 720 }, 25 }, { { 720, 1200 }, 45 }, { { 1200, 1800 }, 25 }, { { 1800, 2700 }, 5 }
    };
    static const RangeChoice letter { { { 180, 420 }, 30 }, { { 420, 900 }, 50 }, { { 900, 1500 }, 20 } };
    static const RangeChoice socialMedia { { { 60, 180 }, 40 }, { { 180, 360 }, 40 }, { { 360, 600 }, 20 } };
    switch (channel) {
    case Channel::Phone:
        return phone;
    case Channel::FaceToFace:
        return faceToFace;
    case Channel::Email:
        return email;
    case Channel::WebForm:
        return webForm;
    case Channel::Webchat:
        return webchat;
    case Channel::VideoRelay:
        return videoRelay;
    case Channel::Letter:
        return letter;
    case Channel::SocialMedia:
        return socialMedia;
    }
    return phone;
}

qint64 secondsSinceEpoch(qint64 julianDay)
{
    return (julianDay - kUnixEpochJulianDay) * kDay;
}

qint64 julianDayOf(qint64 secondsSinceEpoch)
{
    const qint64 days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / kDay : -((-secondsSinceEpoch + kDay - 1) / kDay);
    return days + kUnixEpochJulianDay;
}

QDateTime utc(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC);
}

// Back-office work is done in office hours: the same day, moved to 09:00-17:00, or the next weekday.
qint64 officeHoursAfter(qint64 notBefore, qint64 instant, DemoRandom &random)
{
    qint64 julianDay = julianDayOf(instant);
    for (;;) {
        const int weekday = QDate::fromJulianDay(julianDay).dayOfWeek();
        if (weekday <= 5) {
            const qint64 at = secondsSinceEpoch(julianDay) + random.between(9 * kHour, 17 * kHour - 1);
            if (at > notBefore)
                return at;
        }
        ++julianDay;
    }
}

bool isVulnerable(const Customer &customer)
{
    return std::any_of(customer.flags.begin(), customer.flags.end(),
                       [](const CustomerFlag &flag) { return flagKindOf(flag.category) == FlagKind::Vulnerability; });
}

} // namespace

struct DemoContactHistory::Draft {
    struct DraftContact {
        qint64 start = 0;
        qint64 end = 0;
        Channel channel = Channel::Phone;
        int requestType = 0;
        Outcome outcome = Outcome::ResolvedAtFirstContact;
        DemandClassification demand;
        int linkedCase = -1; // the case it raised, chased or complained about
        bool raisedIt = false;
        QUuid id;
        int agent = 0;
        QString signpostedTo;
        QString transferredTo;
    };
    struct DraftCase {
        int requestType = 0;
        int raisingContact = 0;
        qint64 raisedAt = 0;
        qint64 promisedBy = 0;
        qint64 resolvedAt = -1; // -1 while open
        CaseStatus status = CaseStatus::New;
        CasePriority priority = CasePriority::Normal;
        QString assignee;
        QUuid id;
    };

    const Customer *customer = nullptr;
    bool vulnerable = false;
    qint64 earliest = 0; // the window's start, or the customer's 18th birthday if later
    std::vector<DraftContact> contacts;
    std::vector<DraftCase> cases;
};

DemoContactHistory::DemoContactHistory(const DemoDataLists &lists, const ServiceCatalogue &catalogue, QDate asOf,
                                       int contactYears)
    : m_lists(lists)
{
    const QList<Service> &services = catalogue.services();
    for (qsizetype s = 0; s < services.size(); ++s) {
        const Service &service = services[s];
        for (const RequestType &type : service.requestTypes) {
            const auto known
                = std::find_if(std::begin(kRequestDefaults), std::end(kRequestDefaults),
                               [&](const RequestDefaults &d) { return type.key == QLatin1StringView(d.key); });
            const RequestDefaults &defaults = known != std::end(kRequestDefaults) ? *known : kUnknownRequestType;
            RequestProfile profile;
            profile.service = service.key;
            profile.requestType = type.key;
            profile.referencePrefix = service.referencePrefix;
            profile.team = type.owningTeam;
            profile.summary = type.displayName;
            profile.serviceIndex = int(s);
            profile.promiseWorkingDays = type.promiseWorkingDays;
            profile.raisePerMille = defaults.raisePerMille;
            profile.appointmentPerMille = defaults.appointmentPerMille;
            profile.signpostPerMille = defaults.signpostPerMille;
            profile.usualPriority = usualPriority(type.key);
            m_requestChoice.add(int(m_requestTypes.size()), defaults.weight);
            m_requestTypes.push_back(std::move(profile));
        }
    }
    m_officersByService.resize(std::size_t(services.size()));
    for (std::size_t o = 0; o < m_lists.officers.size(); ++o) {
        for (qsizetype s = 0; s < services.size(); ++s) {
            if (services[s].key == m_lists.officers[o].service)
                m_officersByService[std::size_t(s)].push_back(int(o));
        }
    }
    // A service no officer is listed for still gets its cases worked, by anyone.
    for (std::vector<int> &officers : m_officersByService) {
        if (officers.empty()) {
            for (std::size_t o = 0; o < m_lists.officers.size(); ++o)
                officers.push_back(int(o));
        }
    }
    for (std::size_t a = 0; a < m_lists.agents.size(); ++a) {
        if (m_lists.agents[a].site == "contact-centre"_L1)
            m_contactCentreAgents.push_back(int(a));
        else
            m_walkInAgents.push_back(int(a));
    }
    const QDate windowStart = asOf.addYears(-contactYears);
    m_windowStart = secondsSinceEpoch(windowStart.toJulianDay());
    m_windowEnd = secondsSinceEpoch(asOf.toJulianDay());
    m_firstYear = windowStart.year();
    // Promises run past asOf; their year never matters, only the year a case was raised in.
    m_caseNumbers.assign(services.size(), std::vector<int>(std::size_t(asOf.year() - m_firstYear + 1), 0));
}

int DemoContactHistory::drawEpisodeCount(DemoRandom &random) const
{
    static const RangeChoice episodes { { { 1, 1 }, 340 }, { { 2, 2 }, 230 },  { { 3, 3 }, 140 },
                                        { { 4, 4 }, 90 },  { { 5, 5 }, 60 },   { { 6, 8 }, 75 },
                                        { { 9, 14 }, 40 }, { { 15, 25 }, 18 }, { { 26, 40 }, 7 } };
    return int(episodes.pick(random));
}

QDateTime DemoContactHistory::promisedBy(const QDateTime &raisedAt, int workingDays)
{
    // The demo council is in England: its promises skip weekends and bank holidays in Europe/London
    // working hours, as the queues and SLA figures will compute them.
    static const Result<WorkingCalendar> calendar = WorkingCalendar::forJurisdiction(Jurisdiction::EnglandAndWales);
    if (calendar) {
        if (Result<QDateTime> promise = calendar->promisedBy(raisedAt, workingDays))
            return *promise;
    }
    // Only reached if the built-in calendar failed to load (tst_WorkingCalendar would fail too): weekends only.
    QDate day = raisedAt.date();
    for (int left = workingDays; left > 0;) {
        day = day.addDays(1);
        if (day.dayOfWeek() <= 5)
            --left;
    }
    return QDateTime(day, QTime(17, 0), Qt::UTC);
}

qint64 DemoContactHistory::contactStart(qint64 notBefore, qint64 before, Channel channel, DemoRandom &random) const
{
    before = std::min(before, m_windowEnd);
    notBefore = std::max(notBefore, m_windowStart);
    if (before - notBefore < kHour)
        return -1;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const qint64 instant = notBefore + qint64(random.below(quint64(before - notBefore)));
        const qint64 julianDay = julianDayOf(instant);
        if (staffedHoursOnly(channel) && QDate::fromJulianDay(julianDay).dayOfWeek() >= 6)
            continue;
        const qint64 start
            = secondsSinceEpoch(julianDay) + startHours(channel).pick(random) * kHour + qint64(random.below(kHour));
        if (start >= notBefore && start < before)
            return start;
    }
    return -1;
}

Channel DemoContactHistory::pickChannel(const Customer &customer, DemoRandom &random) const
{
    if (customer.preferredChannel == Channel::VideoRelay)
        return random.chance(kSignerUsesVideoRelay) ? Channel::VideoRelay : demoChannelMix().pick(random);
    if (random.chance(kPreferredChannel))
        return customer.preferredChannel;
    const Channel channel = demoChannelMix().pick(random);
    return (channel == Channel::Email && customer.emails.isEmpty()) ? Channel::Phone : channel;
}

int DemoContactHistory::addContact(Draft &draft, qint64 start, Channel channel, int requestType, Outcome outcome,
                                   DemandClassification demand, DemoRandom &random) const
{
    Draft::DraftContact contact;
    contact.id = random.uuid();
    contact.start = start;
    contact.channel = channel;
    contact.requestType = requestType;
    contact.outcome = outcome;
    contact.demand = demand;
    qint64 handle = handleSeconds(channel).pick(random);
    if (demand.failureKind == FailureKind::ChasingProgress)
        handle = handle * 7 / 10; // an update is quicker than a new request
    if (outcome == Outcome::AssistedSelfService)
        handle = handle * 3 / 2;
    contact.end = start + std::max<qint64>(handle, 30);
    const std::vector<int> &agents = channel == Channel::FaceToFace ? m_walkInAgents : m_contactCentreAgents;
    contact.agent = agents[random.below(agents.size())];
    if (outcome == Outcome::Signposted)
        contact.signpostedTo = m_lists.partnerAgencies.pick(random);
    if (outcome == Outcome::Transferred)
        contact.transferredTo = m_requestTypes[std::size_t(requestType)].team;
    draft.contacts.push_back(std::move(contact));
    return int(draft.contacts.size()) - 1;
}

int DemoContactHistory::raiseCase(Draft &draft, int contactIndex, DemoRandom &random) const
{
    static const RangeChoice resolutionPercentOfPromise {
        { { 10, 50 }, 25 }, { { 50, 100 }, 50 }, { { 100, 200 }, 18 }, { { 200, 400 }, 7 }
    };
    static const WeightedChoice<CaseStatus> openStatuses {
        { CaseStatus::New, 10 },
        { CaseStatus::Assigned, 25 },
        { CaseStatus::InProgress, 45 },
        { CaseStatus::AwaitingCustomer, 10 },
        { CaseStatus::AwaitingThirdParty, 10 },
    };

    Draft::DraftContact &contact = draft.contacts[std::size_t(contactIndex)];
    const RequestProfile &profile = m_requestTypes[std::size_t(contact.requestType)];
    Draft::DraftCase serviceCase;
    serviceCase.id = random.uuid();
    serviceCase.requestType = contact.requestType;
    serviceCase.raisingContact = contactIndex;
    serviceCase.raisedAt = contact.end;
    serviceCase.promisedBy = promisedBy(utc(contact.end), profile.promiseWorkingDays).toSecsSinceEpoch();
    serviceCase.priority = profile.usualPriority;
    if (draft.vulnerable && serviceCase.priority == CasePriority::Normal && random.chance(kVulnerableRaisesPriority))
        serviceCase.priority = CasePriority::High;

    const qint64 promiseSpan = serviceCase.promisedBy - serviceCase.raisedAt;
    const qint64 resolvedAt
        = officeHoursAfter(serviceCase.raisedAt,
                           serviceCase.raisedAt + promiseSpan * resolutionPercentOfPromise.pick(random) / 100, random);
    if (resolvedAt < m_windowEnd) {
        serviceCase.resolvedAt = resolvedAt;
        serviceCase.status = m_windowEnd - resolvedAt > kClosedAfter ? CaseStatus::Closed : CaseStatus::Resolved;
    } else {
        serviceCase.status
            = m_windowEnd - serviceCase.raisedAt < 2 * kDay ? CaseStatus::New : openStatuses.pick(random);
    }
    if (serviceCase.status != CaseStatus::New) {
        const std::vector<int> &officers = m_officersByService[std::size_t(profile.serviceIndex)];
        serviceCase.assignee = officers.empty()
            ? QString()
            : m_lists.officers[std::size_t(officers[random.below(officers.size())])].userName;
    }

    contact.linkedCase = int(draft.cases.size());
    contact.raisedIt = true;
    draft.cases.push_back(std::move(serviceCase));
    const int caseIndex = int(draft.cases.size()) - 1;
    addChasing(draft, caseIndex, random);

    const Draft::DraftCase &raised = draft.cases[std::size_t(caseIndex)];
    if (raised.resolvedAt >= 0 && random.chance(kWorkNotDoneProperly)) {
        const Channel channel = pickChannel(*draft.customer, random);
        const qint64 start = contactStart(raised.resolvedAt + kDay, raised.resolvedAt + 20 * kDay, channel, random);
        if (start >= 0) {
            static const WeightedChoice<Outcome> outcomes { { Outcome::RequestRaised, 35 },
                                                            { Outcome::ResolvedAtFirstContact, 50 },
                                                            { Outcome::Transferred, 15 } };
            const Outcome outcome = outcomes.pick(random);
            const int complaint = addContact(draft, start, channel, raised.requestType, outcome,
                                             DemandClassification::failure(FailureKind::WorkNotDoneProperly), random);
            draft.contacts[std::size_t(complaint)].linkedCase = caseIndex;
            if (outcome == Outcome::RequestRaised) {
                // Raising it again reopens the same case rather than starting another.
                Draft::DraftCase &reopened = draft.cases[std::size_t(caseIndex)];
                reopened.status = CaseStatus::Reopened;
                reopened.resolvedAt = -1;
            }
        }
    }
    return caseIndex;
}

void DemoContactHistory::addChasing(Draft &draft, int caseIndex, DemoRandom &random) const
{
    static const RangeChoice onTime { { { 0, 0 }, 40 }, { { 1, 1 }, 30 }, { { 2, 2 }, 18 }, { { 3, 3 }, 12 } };
    static const RangeChoice late { { { 0, 0 }, 10 }, { { 1, 1 }, 20 }, { { 2, 2 }, 25 },
                                    { { 3, 3 }, 20 }, { { 4, 6 }, 18 }, { { 7, 10 }, 7 } };
    static const WeightedChoice<Outcome> outcomes { { Outcome::ResolvedAtFirstContact, 880 },
                                                    { Outcome::Transferred, 50 },
                                                    { Outcome::AssistedSelfService, 40 },
                                                    { Outcome::NoAction, 30 } };

    const Draft::DraftCase serviceCase = draft.cases[std::size_t(caseIndex)];
    const qint64 until = serviceCase.resolvedAt >= 0 ? serviceCase.resolvedAt : m_windowEnd;
    const bool isLate = until > serviceCase.promisedBy;
    const qint64 chases = (isLate ? late : onTime).pick(random);
    for (qint64 i = 0; i < chases; ++i) {
        qint64 notBefore = serviceCase.raisedAt + kDay;
        if (isLate && random.chance(kChaseAfterPromise))
            notBefore = std::max(notBefore, serviceCase.promisedBy);
        const Channel channel = pickChannel(*draft.customer, random);
        const qint64 start = contactStart(notBefore, until, channel, random);
        if (start < 0)
            continue;
        const int chase = addContact(draft, start, channel, serviceCase.requestType, outcomes.pick(random),
                                     DemandClassification::failure(FailureKind::ChasingProgress), random);
        draft.contacts[std::size_t(chase)].linkedCase = caseIndex;
    }
}

void DemoContactHistory::addEpisode(Draft &draft, int requestType, DemoRandom &random) const
{
    static const WeightedChoice<Outcome> otherOutcomes { { Outcome::ResolvedAtFirstContact, 920 },
                                                         { Outcome::Transferred, 30 },
                                                         { Outcome::AssistedSelfService, 30 },
                                                         { Outcome::NoAction, 20 } };
    const RequestProfile &profile = m_requestTypes[std::size_t(requestType)];

    Channel channel = pickChannel(*draft.customer, random);
    DemandClassification demand = DemandClassification::value();
    if (random.chance(kInitiatingFailure)) {
        if (random.chance(kCouldNotUseChannelOfFailure)) {
            demand = DemandClassification::failure(FailureKind::CouldNotUseAnotherChannel);
            channel = random.chance(800000) ? Channel::Phone : Channel::FaceToFace;
        } else {
            demand = DemandClassification::failure(FailureKind::WrongOrUnclearInformation);
        }
    }
    const qint64 start = contactStart(draft.earliest, m_windowEnd, channel, random);
    if (start < 0)
        return;

    Outcome outcome = Outcome::ResolvedAtFirstContact;
    const int roll = int(random.below(1000));
    if (roll < profile.raisePerMille)
        outcome = Outcome::RequestRaised;
    else if (roll < profile.raisePerMille + profile.appointmentPerMille)
        outcome = Outcome::AppointmentBooked;
    else if (roll < profile.raisePerMille + profile.appointmentPerMille + profile.signpostPerMille)
        outcome = Outcome::Signposted;
    else
        outcome = otherOutcomes.pick(random);

    const int first = addContact(draft, start, channel, requestType, outcome, demand, random);
    if (outcome == Outcome::RequestRaised) {
        raiseCase(draft, first, random);
        return;
    }
    if (outcome == Outcome::AppointmentBooked || outcome == Outcome::Transferred
        || !random.chance(kNotResolvedLastTime))
        return;

    const Channel again = pickChannel(*draft.customer, random);
    const qint64 firstEnd = draft.contacts[std::size_t(first)].end;
    const qint64 back = contactStart(firstEnd + kDay, firstEnd + 10 * kDay, again, random);
    if (back < 0)
        return;
    static const WeightedChoice<Outcome> backOutcomes { { Outcome::ResolvedAtFirstContact, 50 },
                                                        { Outcome::RequestRaised, 40 },
                                                        { Outcome::Transferred, 10 } };
    const Outcome backOutcome = backOutcomes.pick(random);
    const int second = addContact(draft, back, again, requestType, backOutcome,
                                  DemandClassification::failure(FailureKind::NotResolvedLastTime), random);
    if (backOutcome == Outcome::RequestRaised)
        raiseCase(draft, second, random);
}

QString DemoContactHistory::nextCaseReference(int serviceIndex, int year)
{
    std::vector<int> &years = m_caseNumbers[std::size_t(serviceIndex)];
    const std::size_t slot = std::size_t(std::clamp(year - m_firstYear, 0, int(years.size()) - 1));
    const int number = ++years[slot];
    return QString::number(year) + u'-' + QString::number(number).rightJustified(6, u'0');
}

std::vector<DemoHistoryEntry> DemoContactHistory::make(const Customer &customer, int episodes, DemoRandom &random)
{
    Draft draft;
    draft.customer = &customer;
    draft.vulnerable = isVulnerable(customer);
    draft.earliest = m_windowStart;
    if (customer.dateOfBirth.isValid())
        draft.earliest = std::max(m_windowStart, secondsSinceEpoch(customer.dateOfBirth.addYears(18).toJulianDay()));
    std::vector<int> requestTypesSoFar;
    for (int episode = 0; episode < episodes && !m_requestTypes.empty(); ++episode) {
        int requestType = 0;
        if (!requestTypesSoFar.empty() && random.chance(kRepeatRequestType))
            requestType = requestTypesSoFar[random.below(requestTypesSoFar.size())];
        else
            requestType = m_requestChoice.pick(random);
        requestTypesSoFar.push_back(requestType);
        addEpisode(draft, requestType, random);
    }

    std::vector<int> order(draft.contacts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return draft.contacts[std::size_t(a)].start < draft.contacts[std::size_t(b)].start;
    });

    std::vector<DemoHistoryEntry> entries;
    entries.reserve(order.size());
    for (const int index : order) {
        const Draft::DraftContact &draftContact = draft.contacts[std::size_t(index)];
        const RequestProfile &profile = m_requestTypes[std::size_t(draftContact.requestType)];
        const DemoAgent &agent = m_lists.agents[std::size_t(draftContact.agent)];

        DemoHistoryEntry entry;
        Contact &contact = entry.contact;
        contact.id = draftContact.id;
        contact.customerId = customer.id;
        contact.channel = draftContact.channel;
        contact.site = agent.site;
        contact.agent = agent.userName;
        contact.startedAt = utc(draftContact.start);
        contact.endedAt = utc(draftContact.end);
        contact.service = profile.service;
        contact.reason = profile.requestType;
        contact.outcome = draftContact.outcome;
        contact.signpostedTo = draftContact.signpostedTo;
        contact.transferredTo = draftContact.transferredTo;
        contact.demand = draftContact.demand;
        if (draftContact.linkedCase >= 0)
            contact.linkedCaseIds.append(draft.cases[std::size_t(draftContact.linkedCase)].id);

        if (draftContact.raisedIt) {
            const Draft::DraftCase &draftCase = draft.cases[std::size_t(draftContact.linkedCase)];
            Case serviceCase;
            serviceCase.id = draftCase.id;
            const QDateTime raisedAt = utc(draftCase.raisedAt);
            serviceCase.reference
                = profile.referencePrefix + u'-' + nextCaseReference(profile.serviceIndex, raisedAt.date().year());
            serviceCase.customerId = customer.id;
            serviceCase.service = profile.service;
            serviceCase.requestType = profile.requestType;
            serviceCase.status = draftCase.status;
            serviceCase.priority = draftCase.priority;
            serviceCase.team = profile.team;
            serviceCase.assignee = draftCase.assignee;
            serviceCase.raisedAt = raisedAt;
            serviceCase.promisedBy = utc(draftCase.promisedBy);
            if (draftCase.resolvedAt >= 0)
                serviceCase.resolvedAt = utc(draftCase.resolvedAt);
            serviceCase.raisingContactId = draftContact.id;
            serviceCase.summary = profile.summary;
            entry.raisedCase = std::move(serviceCase);
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace fc
