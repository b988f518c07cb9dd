#include "ui/ContactModel.h"

#include "core/FirstContactResolution.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "sync/LocalChanges.h"
#include "ui/DisplayText.h"
#include "ui/WhenFinished.h"

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr int kTickMs = 1000;
// The server's limits (DomainJson::toContact).
constexpr qsizetype kNotesLength = 20'000;
constexpr qsizetype kPartnerLength = 80;

QVariantMap option(const QString &key, const QString &title)
{
    return QVariantMap { { u"key"_s, key }, { u"title"_s, title } };
}

} // namespace

ContactModel::ContactModel(QObject *parent) : QObject(parent)
{
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &ContactModel::elapsedChanged);
    recheck();
}

ContactModel::~ContactModel() = default;

void ContactModel::setCacheWorker(CacheWorker *worker)
{
    if (m_worker == worker)
        return;
    m_worker = worker;
    emit cacheWorkerChanged();
}

void ContactModel::setUser(const QString &user)
{
    if (m_user == user)
        return;
    m_user = user;
    emit userChanged();
}

void ContactModel::setSite(const QString &site)
{
    if (m_site == site)
        return;
    m_site = site;
    emit siteChanged();
}

void ContactModel::setClock(NowFunction now)
{
    m_now = now ? std::move(now) : NowFunction(systemNowUtc);
    emit elapsedChanged();
}

bool ContactModel::start(const QString &channel, const QString &customerId)
{
    if (m_active) {
        setErrorText(tr("Wrap up the contact under way before starting another."));
        return false;
    }
    const std::optional<Channel> how = channelFromKey(channel);
    if (!how) {
        setErrorText(tr("Choose the channel the contact came in on."));
        return false;
    }
    const QUuid customer = QUuid::fromString(customerId);
    if (!customerId.trimmed().isEmpty() && customer.isNull()) {
        setErrorText(tr("The customer for this contact is not recognised; start it as anonymous and link it later."));
        return false;
    }
    m_contact = Contact();
    m_contact.id = QUuid::createUuid();
    m_contact.customerId = customer;
    m_contact.channel = *how;
    m_contact.startedAt = m_now().toUTC();
    m_outcome.clear();
    m_demand.clear();
    m_demandSuggested = false;
    m_repeatText.clear();
    m_active = true;
    setErrorText({});
    m_ticker.start();
    emitContactChanged();
    recheck();
    return true;
}

QString ContactModel::contactId() const
{
    return m_active ? m_contact.id.toString(QUuid::WithoutBraces) : QString();
}

QString ContactModel::channel() const
{
    return m_active ? channelKey(m_contact.channel) : QString();
}

QString ContactModel::channelText() const
{
    return m_active ? channelDisplayName(m_contact.channel) : QString();
}

QString ContactModel::customerId() const
{
    return m_contact.customerId.isNull() ? QString() : m_contact.customerId.toString(QUuid::WithoutBraces);
}

QString ContactModel::startedAtText() const
{
    if (!m_active)
        return {};
    return m_contact.startedAt.toTimeZone(councilTimeZone()).toString(u"HH:mm"_s);
}

int ContactModel::elapsedSeconds() const
{
    if (!m_active)
        return 0;
    if (correcting()) // the corrected contact's own handle time
        return int(std::max<qint64>(0, m_contact.startedAt.secsTo(m_contact.endedAt)));
    return int(std::max<qint64>(0, m_contact.startedAt.secsTo(m_now())));
}

QString ContactModel::elapsedText() const
{
    return m_active ? elapsedTextFor(elapsedSeconds()) : QString();
}

QString ContactModel::elapsedTextFor(int seconds)
{
    seconds = std::max(0, seconds);
    const int hours = seconds / 3600;
    const int minutes = (seconds / 60) % 60;
    const int secs = seconds % 60;
    if (hours > 0)
        return u"%1:%2:%3"_s.arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(secs, 2, 10, QLatin1Char('0'));
    return u"%1:%2"_s.arg(minutes, 2, 10, QLatin1Char('0')).arg(secs, 2, 10, QLatin1Char('0'));
}

void ContactModel::setTextField(QString Contact::*member, const QString &value, void (ContactModel::*changed)())
{
    if (m_contact.*member == value)
        return;
    m_contact.*member = value;
    emit(this->*changed)();
    recheck();
}

void ContactModel::setService(const QString &service)
{
    if (m_contact.service == service)
        return;
    m_contact.service = service;
    emit serviceChanged();
    // A reason belongs to its service.
    if (!m_contact.reason.isEmpty() && !m_catalogue.requestType(service, m_contact.reason)) {
        m_contact.reason.clear();
        emit reasonChanged();
    }
    recheck();
    checkRepeat();
}

void ContactModel::emitContactChanged()
{
    emit activeChanged();
    emit customerIdChanged();
    emit serviceChanged();
    emit reasonChanged();
    emit outcomeChanged();
    emit demandChanged();
    emit notesChanged();
    emit signpostedToChanged();
    emit transferredToChanged();
    emit repeatChanged();
    emit scriptChanged();
    emit elapsedChanged();
}

void ContactModel::checkRepeat()
{
    const quint64 generation = ++m_repeatGeneration;
    const QUuid customerId = m_contact.customerId;
    const QString service = m_contact.service;
    if (!m_active || !m_worker || customerId.isNull() || service.isEmpty()) {
        setRepeat({}, {});
        return;
    }
    const QDateTime now = m_now().toUTC();
    QFuture<Result<std::optional<RepeatContactMatch>>> future = m_worker->run(
        [customerId, service, now, excluded = m_contact.id, calendar = councilCalendar()](QSqlDatabase &db) -> Result<std::optional<RepeatContactMatch>> {
            Result<QList<Contact>> history = ContactStore(db).forCustomer(customerId, 200);
            if (!history)
                return history.error();
            Result<QList<Case>> open = CaseStore(db).openForCustomer(customerId);
            if (!open)
                return open.error();
            QList<Contact> earlier;
            for (const Contact &c : history.value()) {
                if (c.id != excluded)
                    earlier.append(c);
            }
            return findRepeatContact(earlier, open.value(), service, now, calendar.get());
        });
    whenFinished(this, future, [this, generation](const Result<std::optional<RepeatContactMatch>> &answer) {
        if (generation != m_repeatGeneration || !m_active)
            return;
        if (!answer || !answer.value()) {
            setRepeat({}, {}); // a failed look-up warns of nothing; wrap-up still asks for the demand
            return;
        }
        const RepeatContactMatch &match = *answer.value();
        const Service *service = m_catalogue.service(m_contact.service);
        const QString ended = match.previous.outcome ? outcomeDisplayName(*match.previous.outcome) : QString();
        // Worded without a count of days, so it reads right in every language without plural forms.
        setRepeat(tr("Repeat contact: about %1 again. Last contact %2 by %3 (%4), within the repeat window. "
                     "Possibly failure demand: %5. Confirm or change it under Demand.")
                      .arg(service ? service->displayName : m_contact.service, ukDateTimeText(match.previous.startedAt),
                           channelDisplayName(match.previous.channel).toLower(), ended.toLower(),
                           failureKindDisplayName(match.suggestedKind).toLower()),
                  failureKindKey(match.suggestedKind));
    });
}

void ContactModel::setRepeat(const QString &text, const QString &suggestedDemand)
{
    if (m_repeatText != text) {
        m_repeatText = text;
        emit repeatChanged();
    }
    // The suggestion fills an empty demand, or replaces an earlier suggestion; never the agent's choice.
    if (m_demand.isEmpty() || m_demandSuggested) {
        const bool suggest = !suggestedDemand.isEmpty();
        if (m_demand != suggestedDemand || m_demandSuggested != suggest) {
            m_demand = suggestedDemand;
            m_demandSuggested = suggest;
            emit demandChanged();
            recheck();
        }
    }
}

void ContactModel::setReason(const QString &reason)
{
    setTextField(&Contact::reason, reason, &ContactModel::reasonChanged);
}

void ContactModel::setNotes(const QString &notes)
{
    setTextField(&Contact::notes, notes, &ContactModel::notesChanged);
}

void ContactModel::setSignpostedTo(const QString &to)
{
    setTextField(&Contact::signpostedTo, to, &ContactModel::signpostedToChanged);
}

void ContactModel::setTransferredTo(const QString &to)
{
    setTextField(&Contact::transferredTo, to, &ContactModel::transferredToChanged);
}

void ContactModel::setOutcome(const QString &outcome)
{
    if (m_outcome == outcome)
        return;
    m_outcome = outcome;
    emit outcomeChanged();
    recheck();
}

void ContactModel::setDemand(const QString &demand)
{
    // Choosing, even the suggested value again, is the agent's confirmation.
    if (m_demand == demand && !m_demandSuggested)
        return;
    m_demand = demand;
    m_demandSuggested = false;
    emit demandChanged();
    recheck();
}

std::optional<DemandClassification> ContactModel::demandFromKey(const QString &key)
{
    if (key == demandTypeKey(DemandType::Value))
        return DemandClassification::value();
    if (key.isEmpty())
        return std::nullopt;
    const std::optional<FailureKind> kind = failureKindFromKey(key);
    if (!kind || *kind == FailureKind::None)
        return std::nullopt;
    return DemandClassification::failure(*kind);
}

void ContactModel::recheck()
{
    QVariantMap errors;
    if (!m_active) {
        errors.insert(u"contact"_s, tr("No contact is under way."));
    } else {
        const std::optional<Outcome> outcome = outcomeFromKey(m_outcome);
        if (!outcome)
            errors.insert(u"outcome"_s, tr("Choose how the contact ended."));
        if (!demandFromKey(m_demand))
            errors.insert(u"demand"_s, tr("Choose whether this was value demand or failure demand, and which kind."));
        else if (m_demandSuggested)
            errors.insert(u"demand"_s, tr("This looks like a repeat contact: confirm the demand type, or change it."));
        if (outcome == Outcome::Signposted && m_contact.signpostedTo.trimmed().isEmpty())
            errors.insert(u"signpostedTo"_s, tr("Say where the customer was signposted to."));
        if (outcome == Outcome::Transferred && m_contact.transferredTo.trimmed().isEmpty())
            errors.insert(u"transferredTo"_s, tr("Say which team or organisation the contact was transferred to."));
        if (m_contact.signpostedTo.trimmed().size() > kPartnerLength)
            errors.insert(u"signpostedTo"_s, tr("This is too long: at most %1 characters.").arg(kPartnerLength));
        if (m_contact.transferredTo.trimmed().size() > kPartnerLength)
            errors.insert(u"transferredTo"_s, tr("This is too long: at most %1 characters.").arg(kPartnerLength));
        if (!m_contact.service.isEmpty() && !m_catalogue.service(m_contact.service))
            errors.insert(u"service"_s, tr("Choose a service from the list."));
        if (!m_contact.reason.isEmpty() && !m_catalogue.requestType(m_contact.service, m_contact.reason))
            errors.insert(u"reason"_s, tr("Choose a reason from the chosen service's list."));
        if (m_contact.notes.size() > kNotesLength)
            errors.insert(u"notes"_s, tr("The notes are too long: at most %1 characters.").arg(kNotesLength));
    }
    m_wrapUpErrors = errors;
    emit checksChanged();
}

QString ContactModel::wrapUpErrorText() const
{
    QStringList lines;
    for (const QVariant &sentence : m_wrapUpErrors)
        lines.append(sentence.toString());
    lines.removeDuplicates();
    return lines.join(u'\n');
}

Contact ContactModel::draft() const
{
    Contact c = m_contact;
    c.site = m_site;
    c.agent = m_user;
    c.signpostedTo = c.signpostedTo.trimmed();
    c.transferredTo = c.transferredTo.trimmed();
    c.outcome = outcomeFromKey(m_outcome);
    if (const std::optional<DemandClassification> demand = demandFromKey(m_demand))
        c.demand = *demand;
    if (c.outcome != Outcome::Signposted)
        c.signpostedTo.clear();
    if (c.outcome != Outcome::Transferred)
        c.transferredTo.clear();
    return c;
}

void ContactModel::applyScript(const Script &script, const ScriptResult &result)
{
    if (!m_active)
        return;
    m_contact.scriptId = result.scriptId;
    m_contact.scriptVersion = result.scriptVersion;
    m_contact.answers = result.answers;
    m_scriptTitle = script.title;
    m_scriptCases.clear();
    for (const ScriptCaseDraft &draft : result.cases) {
        Case c;
        c.id = QUuid::createUuid();
        c.service = draft.service;
        c.requestType = draft.requestType;
        c.priority = draft.priority;
        c.team = draft.team;
        c.summary = draft.summary;
        c.promisedBy = draft.promisedBy;
        m_scriptCases.append(c);
    }
    setService(script.service);
    if (m_catalogue.requestType(script.service, script.reason))
        setReason(script.reason);
    setOutcome(outcomeKey(result.outcome));
    if (!result.signposts.isEmpty())
        setSignpostedTo(result.signposts.first());
    if (!result.transferTo.isEmpty())
        setTransferredTo(result.transferTo);
    emit scriptChanged();
    recheck();
}

void ContactModel::clearScript()
{
    if (m_contact.scriptId.isEmpty())
        return;
    m_contact.scriptId.clear();
    m_contact.scriptVersion = 0;
    m_contact.answers = QJsonObject();
    m_scriptTitle.clear();
    m_scriptCases.clear();
    emit scriptChanged();
}

bool ContactModel::correctLast()
{
    if (!canCorrectLast() || m_busy || !m_worker)
        return false;
    const QUuid id = m_lastContactId;
    setBusy(true);
    QFuture<Result<std::optional<Contact>>> future = m_worker->run(
        [id](QSqlDatabase &db) -> Result<std::optional<Contact>> { return ContactStore(db).byId(id); });
    whenFinished(this, future, [this](const Result<std::optional<Contact>> &answer) {
        setBusy(false);
        if (m_active)
            return; // a new contact began meanwhile: it comes first
        if (!answer || !answer->has_value()) {
            setErrorText(answer ? tr("The contact to correct is no longer on this desk.")
                                : tr("The contact to correct could not be read: %1").arg(answer.error().message));
            return;
        }
        const Contact &original = **answer;
        m_contact = original;
        m_contact.id = QUuid::createUuid();
        m_contact.correctsContactId = original.id;
        m_outcome = original.outcome ? outcomeKey(*original.outcome) : QString();
        m_demand = original.demand.isFailure() ? failureKindKey(original.demand.failureKind) : u"value"_s;
        m_demandSuggested = false;
        m_repeatText.clear();
        m_scriptTitle.clear();
        m_scriptCases.clear(); // what it raised stays raised and linked
        m_active = true;
        setErrorText({});
        emitContactChanged();
        recheck();
    });
    return true;
}

void ContactModel::wrapUp()
{
    if (m_busy)
        return;
    if (!canWrapUp()) {
        setErrorText(m_active ? tr("Not wrapped up yet: %1").arg(wrapUpErrorText()) : tr("No contact is under way."));
        emit wrapUpFailed();
        return;
    }
    if (!m_worker) {
        setErrorText(tr("The contact could not be recorded: no cache is open."));
        emit wrapUpFailed();
        return;
    }
    const QDateTime now = m_now().toUTC();
    Contact contact = draft();
    if (!correcting()) // a correction keeps the times of the contact it corrects
        contact.endedAt = std::max(now, contact.startedAt);
    const QString user = m_user;
    setErrorText({});
    setBusy(true);
    const QList<Case> raised = m_scriptCases;
    QFuture<Status> future = m_worker->run([contact, raised, user, now](QSqlDatabase &db) -> Status {
        LocalChanges changes(db, user, [now] { return now; });
        if (contact.scriptId.isEmpty())
            return changes.recordContact(contact);
        Result<QList<Case>> recorded = changes.recordScriptedContact(contact, raised, now);
        return recorded ? Status() : Status(recorded.error());
    });
    whenFinished(this, future, [this, contact](const Status &answer) {
        setBusy(false);
        if (!answer) {
            setErrorText(tr("The contact could not be recorded: %1").arg(answer.error().message));
            recheck();
            emit wrapUpFailed();
            return;
        }
        m_active = false;
        m_ticker.stop();
        m_lastContactId = contact.id;
        m_lastAnonymous = contact.isAnonymous();
        m_contact = Contact();
        m_outcome.clear();
        m_demand.clear();
        m_demandSuggested = false;
        m_repeatText.clear();
        m_scriptTitle.clear();
        m_scriptCases.clear();
        emitContactChanged();
        emit lastContactChanged();
        recheck();
        emit wrappedUp(contact.id.toString(QUuid::WithoutBraces));
    });
}

void ContactModel::linkCustomer(const QString &customerId)
{
    const QUuid customer = QUuid::fromString(customerId);
    if (m_active) {
        if (!customerId.trimmed().isEmpty() && customer.isNull()) {
            setErrorText(tr("That customer is not recognised."));
            return;
        }
        if (m_contact.customerId == customer)
            return;
        m_contact.customerId = customer;
        setErrorText({});
        emit customerIdChanged();
        checkRepeat();
        return;
    }
    if (m_busy)
        return; // one link at a time
    if (m_lastContactId.isNull()) {
        setErrorText(tr("There is no recorded contact to link."));
        emit linkFailed();
        return;
    }
    if (customer.isNull()) {
        setErrorText(tr("Choose the customer to link the contact to."));
        emit linkFailed();
        return;
    }
    if (!m_worker) {
        setErrorText(tr("The contact could not be linked: no cache is open."));
        emit linkFailed();
        return;
    }
    // The cache decides whether the contact is still anonymous: it may have been linked from elsewhere.
    const QUuid contactId = m_lastContactId;
    const QString user = m_user;
    const QDateTime now = m_now().toUTC();
    setErrorText({});
    setBusy(true);
    QFuture<Status> future = m_worker->run([contactId, customer, user, now](QSqlDatabase &db) -> Status {
        return LocalChanges(db, user, [now] { return now; }).linkContact(contactId, customer);
    });
    whenFinished(this, future, [this, contactId, customer](const Status &answer) {
        setBusy(false);
        if (!answer) {
            setErrorText(answer.error().message);
            emit linkFailed();
            return;
        }
        if (m_lastContactId == contactId && m_lastAnonymous) {
            m_lastAnonymous = false;
            emit lastContactChanged();
        }
        emit linked(contactId.toString(QUuid::WithoutBraces), customer.toString(QUuid::WithoutBraces));
    });
}

QString ContactModel::lastContactId() const
{
    return m_lastContactId.isNull() ? QString() : m_lastContactId.toString(QUuid::WithoutBraces);
}

QVariantList ContactModel::outcomeOptions() const
{
    QVariantList options;
    for (Outcome outcome : allOutcomes())
        options.append(option(outcomeKey(outcome), outcomeDisplayName(outcome)));
    return options;
}

QVariantList ContactModel::demandOptions() const
{
    QVariantList options { option(demandTypeKey(DemandType::Value), demandTypeDisplayName(DemandType::Value)) };
    for (FailureKind kind : allFailureKinds()) {
        options.append(
            option(failureKindKey(kind),
                   tr("%1: %2").arg(demandTypeDisplayName(DemandType::Failure), failureKindDisplayName(kind))));
    }
    return options;
}

QVariantList ContactModel::channelOptions() const
{
    QVariantList options;
    for (Channel channel : allChannels())
        options.append(option(channelKey(channel), channelDisplayName(channel)));
    return options;
}

QVariantList ContactModel::serviceOptions() const
{
    QVariantList options;
    for (const Service &service : m_catalogue.services())
        options.append(option(service.key, service.displayName));
    return options;
}

QVariantList ContactModel::reasonOptions() const
{
    QVariantList options;
    if (const Service *service = m_catalogue.service(m_contact.service)) {
        for (const RequestType &type : service->requestTypes)
            options.append(option(type.key, type.displayName));
    }
    return options;
}

void ContactModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
    emit checksChanged(); // canWrapUp
}

void ContactModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace fc
