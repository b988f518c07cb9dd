#include "ui/CustomerViewModel.h"

#include "core/PhoneNumber.h"
#include "core/PromiseRule.h"
#include "storage/CacheWorker.h"
#include "storage/CaseStore.h"
#include "storage/CustomerStore.h"
#include "sync/LocalChanges.h"
#include "ui/DisplayText.h"
#include "ui/WhenFinished.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr int kPromiseRecheckMs = 60 * 1000;

// One access need with its language, as accessNeedsSummary() words it: "Polish interpreter".
QString accessNeedTitle(const AccessNeeds &all, AccessNeed need)
{
    AccessNeeds single;
    single.needs = need;
    single.interpreterLanguage = all.interpreterLanguage;
    single.signLanguage = all.signLanguage;
    return accessNeedsSummary(single);
}

} // namespace

const QList<QByteArray> CustomerViewModel::kAlertRoles
    = { "kind", "kindText", "category", "title", "note", "raisedOnText", "reviewByText", "reviewDue" };
const QList<QByteArray> CustomerViewModel::kOpenCaseRoles
    = { "id",         "reference", "service",      "serviceTitle", "requestType", "requestTypeText", "status",
        "statusText", "priority",  "priorityText", "raisedAtText", "promisedBy",  "promisedByText",  "risk",
        "riskText",   "overdue",   "atRisk",       "summary" };
const QList<QByteArray> CustomerViewModel::kDuplicateRoles
    = { "id", "reference", "displayName", "dateOfBirthText", "address", "reasons", "reasonText" };

CustomerViewModel::CustomerViewModel(QObject *parent)
    : QObject(parent),
      m_alerts(new RowListModel(kAlertRoles, this)),
      m_openCases(new RowListModel(kOpenCaseRoles, this)),
      m_duplicates(new RowListModel(kDuplicateRoles, this)),
      m_timeline(new TimelineModel(this))
{
    // A promise can pass while the customer is on screen: judge the open cases again now and then.
    m_promiseTimer.setInterval(kPromiseRecheckMs);
    connect(&m_promiseTimer, &QTimer::timeout, this, &CustomerViewModel::rebuildOpenCases);
}

CustomerViewModel::~CustomerViewModel() = default;

void CustomerViewModel::setCacheWorker(CacheWorker *worker)
{
    if (m_worker == worker)
        return;
    m_worker = worker;
    m_timeline->setCacheWorker(worker);
    emit cacheWorkerChanged();
    if (!m_requestedId.isNull())
        startLoad(m_requestedId);
}

void CustomerViewModel::setUser(const QString &user)
{
    if (m_user == user)
        return;
    m_user = user;
    emit userChanged();
}

void CustomerViewModel::load(const QString &customerId)
{
    const QUuid id = QUuid::fromString(customerId);
    m_auditPending = true; // opening a record is audited; reload() is not
    if (m_customer && m_customer->id != id)
        show(std::nullopt, {}, {}); // never show one customer's details while another's are loading
    m_requestedId = id;
    startLoad(id);
    if (id.isNull())
        m_timeline->clear();
    else
        m_timeline->load(customerId);
}

void CustomerViewModel::reload()
{
    if (m_requestedId.isNull())
        return;
    startLoad(m_requestedId);
    m_timeline->reload();
}

void CustomerViewModel::clear()
{
    ++m_generation;
    m_requestedId = QUuid();
    m_auditPending = false;
    show(std::nullopt, {}, {});
    m_timeline->clear();
    setErrorText({});
    setLoading(false);
}

void CustomerViewModel::setClock(NowFunction now)
{
    m_now = now ? std::move(now) : NowFunction(systemNowUtc);
    if (m_customer) {
        rebuildAlerts();
        rebuildOpenCases();
        emit customerChanged(); // age
    }
}

void CustomerViewModel::setCalendar(const WorkingCalendar &calendar)
{
    m_calendar = calendar;
    m_calendarTried = true;
    rebuildOpenCases();
}

void CustomerViewModel::startLoad(const QUuid &id)
{
    const quint64 generation = ++m_generation;
    if (id.isNull()) {
        apply(generation, makeError(u"customer.invalid"_s, tr("No customer was chosen.")));
        return;
    }
    setLoading(true);
    if (!m_worker) {
        apply(generation, makeError(u"ui.no_cache"_s, tr("The customer record is not available: no cache is open.")));
        return;
    }
    const bool audit = m_auditPending;
    const QString user = m_user;
    const QDateTime now = m_now().toUTC();
    QFuture<Result<Loaded>> future = m_worker->run([id, audit, user, now](QSqlDatabase &db) -> Result<Loaded> {
        Result<std::optional<Customer>> customer = CustomerStore(db).byId(id);
        if (!customer)
            return customer.error();
        Loaded loaded;
        if (!customer->has_value())
            return loaded;
        Result<QList<Case>> cases = CaseStore(db).openForCustomer(id);
        if (!cases)
            return cases.error();
        Result<QList<PossibleDuplicate>> duplicates = CustomerDuplicates(db).find(**customer);
        if (!duplicates)
            return duplicates.error();
        loaded.customer = std::move(customer).value();
        loaded.openCases = std::move(cases).value();
        loaded.duplicates = std::move(duplicates).value();
        if (audit) {
            // On the database thread, right after the read: who opened which customer, when.
            const Status recorded = LocalChanges(db, user).recordAudit(u"view"_s, u"customer"_s, id, QString(), now);
            if (!recorded)
                loaded.auditError = recorded.error();
        }
        return loaded;
    });
    whenFinished(this, future, [this, generation](const Result<Loaded> &answer) { apply(generation, answer); });
}

void CustomerViewModel::apply(quint64 generation, const Result<Loaded> &answer)
{
    if (generation != m_generation)
        return; // another customer was asked for since
    if (!answer || !answer->customer) {
        show(std::nullopt, {}, {});
        setErrorText(answer ? tr("This customer is not in the cache. They may have been merged or removed; "
                                 "search again.")
                            : answer.error().message);
        setLoading(false);
        return;
    }
    show(answer->customer, answer->openCases, answer->duplicates);
    m_auditPending = false;
    // The record is shown either way; a view that could not be audited is said, not hidden.
    setErrorText(answer->auditError
                     ? tr("This view could not be recorded in the audit trail: %1").arg(answer->auditError->message)
                     : QString());
    setLoading(false);
    emit loaded();
}

void CustomerViewModel::show(std::optional<Customer> customer, QList<Case> openCases,
                             const QList<PossibleDuplicate> &duplicates)
{
    m_customer = std::move(customer);
    m_cases = std::move(openCases);
    rebuildAlerts();
    rebuildOpenCases();
    rebuildDuplicates(duplicates);
    if (m_customer)
        m_promiseTimer.start();
    else
        m_promiseTimer.stop();
    emit customerChanged();
}

void CustomerViewModel::rebuildAlerts()
{
    QList<QVariantMap> rows;
    if (m_customer) {
        const QDate today = councilDate(m_now());
        for (FlagKind kind : { FlagKind::StaffSafety, FlagKind::Vulnerability }) {
            for (const CustomerFlag &flag : std::as_const(m_customer->flags)) {
                if (flag.kind() != kind)
                    continue;
                rows.append({
                    { u"kind"_s, kind == FlagKind::StaffSafety ? u"staff_safety"_s : u"vulnerability"_s },
                    { u"kindText"_s, kind == FlagKind::StaffSafety ? tr("Staff safety") : tr("Vulnerability") },
                    { u"category"_s, flagCategoryKey(flag.category) },
                    { u"title"_s, flagCategoryDisplayName(flag.category) },
                    { u"note"_s, flag.note },
                    { u"raisedOnText"_s, ukDateText(flag.raisedOn) },
                    { u"reviewByText"_s, ukDateText(flag.reviewBy) },
                    { u"reviewDue"_s, flag.reviewBy.isValid() && flag.reviewBy < today },
                });
            }
        }
        for (AccessNeed need : allAccessNeeds()) {
            if (!m_customer->accessNeeds.has(need))
                continue;
            rows.append({
                { u"kind"_s, u"access_need"_s },
                { u"kindText"_s, tr("Access need") },
                { u"category"_s, accessNeedKey(need) },
                { u"title"_s, accessNeedTitle(m_customer->accessNeeds, need) },
                { u"note"_s, QString() },
                { u"raisedOnText"_s, QString() },
                { u"reviewByText"_s, QString() },
                { u"reviewDue"_s, false },
            });
        }
    }
    m_alerts->setRows(rows);
}

const WorkingCalendar *CustomerViewModel::calendar()
{
    if (!m_calendarTried) {
        m_calendarTried = true;
        if (const std::shared_ptr<const WorkingCalendar> council = councilCalendar())
            m_calendar = *council;
    }
    return m_calendar ? &*m_calendar : nullptr;
}

void CustomerViewModel::rebuildOpenCases()
{
    const QDateTime now = m_now();
    const WorkingCalendar *workingCalendar = calendar();
    QList<QVariantMap> rows;
    int overdue = 0;
    int atRisk = 0;
    for (const Case &c : std::as_const(m_cases)) {
        const Service *service = m_catalogue.service(c.service);
        const RequestType *type = m_catalogue.requestType(c.service, c.requestType);
        std::optional<RiskLevel> risk;
        if (c.promisedBy.isValid()) {
            risk = c.isOverdue(now) ? RiskLevel::Breached : RiskLevel::OnTrack;
            // Only the at-risk share matters when judging a stored promise; the days do not.
            const Result<PromiseRule> rule = type ? PromiseRule::forRequestType(*type) : PromiseRule::create(0);
            if (workingCalendar && rule) {
                if (const Result<RiskLevel> judged = rule->risk(*workingCalendar, c.raisedAt, c.promisedBy, now))
                    risk = *judged;
            }
        }
        const bool isOverdue = risk == RiskLevel::Breached;
        const bool isAtRisk = risk == RiskLevel::AtRisk;
        overdue += isOverdue ? 1 : 0;
        atRisk += isAtRisk ? 1 : 0;
        rows.append({
            { u"id"_s, c.id.toString(QUuid::WithoutBraces) },
            { u"reference"_s, c.reference },
            { u"service"_s, c.service },
            { u"serviceTitle"_s, service ? service->displayName : c.service },
            { u"requestType"_s, c.requestType },
            { u"requestTypeText"_s, type ? type->displayName : c.requestType },
            { u"status"_s, caseStatusKey(c.status) },
            { u"statusText"_s, caseStatusDisplayName(c.status) },
            { u"priority"_s, casePriorityKey(c.priority) },
            { u"priorityText"_s, casePriorityDisplayName(c.priority) },
            { u"raisedAtText"_s, ukDateTimeText(c.raisedAt) },
            { u"promisedBy"_s, c.promisedBy },
            { u"promisedByText"_s, ukDateTimeText(c.promisedBy) },
            { u"risk"_s, risk ? riskLevelKey(*risk) : QString() },
            { u"riskText"_s,
              isOverdue ? tr("Overdue") : (risk ? riskLevelDisplayName(*risk) : tr("No promised date")) },
            { u"overdue"_s, isOverdue },
            { u"atRisk"_s, isAtRisk },
            { u"summary"_s, c.summary },
        });
    }
    m_openCases->setRows(rows);
    const bool changed = overdue != m_overdueCount || atRisk != m_atRiskCount;
    m_overdueCount = overdue;
    m_atRiskCount = atRisk;
    if (changed || !rows.isEmpty())
        emit openCasesChanged();
}

void CustomerViewModel::requestMerge(const QString &duplicateId)
{
    const QUuid otherId = QUuid::fromString(duplicateId);
    const auto other = std::find_if(m_duplicateList.cbegin(), m_duplicateList.cend(),
                                    [&](const PossibleDuplicate &d) { return d.id == otherId; });
    if (!m_customer || other == m_duplicateList.cend() || !m_worker) {
        setErrorText(tr("Choose one of the possible duplicates shown."));
        return;
    }
    const bool asked = std::any_of(m_cases.cbegin(), m_cases.cend(), [&](const Case &c) {
        return c.requestType == u"merge_request"_s && c.summary.contains(other->reference);
    });
    if (asked) {
        setErrorText(tr("A supervisor has already been asked to review %1 and %2.").arg(m_customer->reference, other->reference));
        return;
    }
    QStringList why;
    for (DuplicateReason reason : duplicateReasonList(other->reasons))
        why.append(duplicateReasonDisplayName(reason).toLower());
    Case request;
    request.customerId = m_customer->id;
    request.service = u"general"_s;
    request.requestType = u"merge_request"_s;
    request.team = u"customer_records"_s;
    request.summary = tr("Possible duplicate: %1 (%2) and %3 (%4): %5")
                          .arg(m_customer->displayName(), m_customer->reference, other->displayName, other->reference,
                               why.join(u", "_s));
    const QDateTime now = m_now().toUTC();
    const RequestType *type = m_catalogue.requestType(request.service, request.requestType);
    if (const WorkingCalendar *workingCalendar = calendar(); workingCalendar && type) {
        if (Result<QDateTime> by = workingCalendar->promisedBy(now, type->promiseWorkingDays); by)
            request.promisedBy = by.value();
    }
    const QString user = m_user;
    setErrorText({});
    QFuture<Result<Case>> future = m_worker->run([request, user, now](QSqlDatabase &db) -> Result<Case> {
        return LocalChanges(db, user, [now] { return now; }).createCase(request, now);
    });
    whenFinished(this, future, [this](const Result<Case> &answer) {
        if (!answer) {
            setErrorText(tr("The merge request could not be raised: %1").arg(answer.error().message));
            return;
        }
        emit mergeRequested(answer->reference);
        reload(); // the request shows among the open cases
    });
}

void CustomerViewModel::rebuildDuplicates(const QList<PossibleDuplicate> &duplicates)
{
    m_duplicateList = duplicates;
    QList<QVariantMap> rows;
    for (const PossibleDuplicate &duplicate : duplicates) {
        QStringList keys;
        QStringList names;
        for (DuplicateReason reason : duplicateReasonList(duplicate.reasons)) {
            keys.append(duplicateReasonKey(reason));
            names.append(duplicateReasonDisplayName(reason));
        }
        rows.append({
            { u"id"_s, duplicate.id.toString(QUuid::WithoutBraces) },
            { u"reference"_s, duplicate.reference },
            { u"displayName"_s, duplicate.displayName },
            { u"dateOfBirthText"_s, ukDateText(duplicate.dateOfBirth) },
            { u"address"_s, addressOneLine(duplicate.addressLine, duplicate.postcode) },
            { u"reasons"_s, keys },
            { u"reasonText"_s, names.join(u" \u00B7 "_s) },
        });
    }
    m_duplicates->setRows(rows);
}

QString CustomerViewModel::customerId() const
{
    return m_customer ? m_customer->id.toString(QUuid::WithoutBraces) : QString();
}

QString CustomerViewModel::dateOfBirthText() const
{
    return m_customer ? ukDateText(m_customer->dateOfBirth) : QString();
}

int CustomerViewModel::age() const
{
    return m_customer ? ageInYears(m_customer->dateOfBirth, councilDate(m_now())) : -1;
}

QString CustomerViewModel::address() const
{
    return m_customer ? addressOneLine(m_customer->address) : QString();
}

QStringList CustomerViewModel::addressLines() const
{
    QStringList lines;
    if (!m_customer)
        return lines;
    const PostalAddress &a = m_customer->address;
    for (const QString &line : { a.line1, a.line2, a.town, a.postcode }) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

QStringList CustomerViewModel::phones() const
{
    QStringList shown;
    if (!m_customer)
        return shown;
    for (const QString &phone : m_customer->phones) {
        const Result<PhoneNumber> parsed = PhoneNumber::parse(phone);
        shown.append(parsed ? parsed->nationalDisplay() : phone);
    }
    return shown;
}

QString CustomerViewModel::preferredLanguageName() const
{
    if (!m_customer || m_customer->preferredLanguage.isEmpty())
        return {};
    const QLocale locale(m_customer->preferredLanguage);
    if (locale.language() == QLocale::C)
        return m_customer->preferredLanguage;
    return QLocale::languageToString(locale.language());
}

QString CustomerViewModel::preferredChannel() const
{
    return m_customer ? channelKey(m_customer->preferredChannel) : QString();
}

QString CustomerViewModel::preferredChannelName() const
{
    return m_customer ? channelDisplayName(m_customer->preferredChannel) : QString();
}

QStringList CustomerViewModel::accessNeeds() const
{
    QStringList titles;
    if (!m_customer)
        return titles;
    for (AccessNeed need : allAccessNeeds()) {
        if (m_customer->accessNeeds.has(need))
            titles.append(accessNeedTitle(m_customer->accessNeeds, need));
    }
    return titles;
}

QString CustomerViewModel::accessNeedsSummary() const
{
    return m_customer ? fc::accessNeedsSummary(m_customer->accessNeeds) : QString();
}

bool CustomerViewModel::hasStaffSafetyFlag() const
{
    if (!m_customer)
        return false;
    return std::any_of(m_customer->flags.cbegin(), m_customer->flags.cend(),
                       [](const CustomerFlag &flag) { return flag.kind() == FlagKind::StaffSafety; });
}

bool CustomerViewModel::hasVulnerabilityFlag() const
{
    if (!m_customer)
        return false;
    return std::any_of(m_customer->flags.cbegin(), m_customer->flags.cend(),
                       [](const CustomerFlag &flag) { return flag.kind() == FlagKind::Vulnerability; });
}

void CustomerViewModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void CustomerViewModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace fc
