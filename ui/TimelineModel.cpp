#include "ui/TimelineModel.h"

#include "storage/CacheWorker.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "ui/DisplayText.h"
#include "ui/WhenFinished.h"

#include <QSet>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString eventKindKey(TimelineModel::EventKind kind)
{
    switch (kind) {
    case TimelineModel::EventKind::Contact:
        return u"contact"_s;
    case TimelineModel::EventKind::CaseRaised:
        return u"case_raised"_s;
    case TimelineModel::EventKind::CaseResolved:
        return u"case_resolved"_s;
    }
    return {};
}

QString joinParts(const QStringList &parts)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join(u" \u00B7 "_s);
}

} // namespace

TimelineModel::TimelineModel(QObject *parent) : QAbstractListModel(parent) { }

TimelineModel::~TimelineModel() = default;

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_events.at(m_visible.at(index.row()));
    switch (role) {
    case WhenRole:
        return event.when;
    case WhenTextRole:
        return ukDateTimeText(event.when);
    case KindRole:
        return eventKindKey(event.kind);
    case KindTextRole:
        switch (event.kind) {
        case EventKind::Contact:
            return tr("Contact");
        case EventKind::CaseRaised:
            return tr("Case raised");
        case EventKind::CaseResolved:
            return tr("Case resolved");
        }
        return {};
    case ChannelRole:
        return event.channel ? channelKey(*event.channel) : QString();
    case ChannelTextRole:
        return event.channel ? channelDisplayName(*event.channel) : QString();
    case ServiceRole:
        return event.service;
    case ServiceTitleRole:
        return serviceTitle(event.service);
    case ReferenceRole:
        return event.reference;
    case Qt::DisplayRole:
    case SummaryRole:
        return event.summary;
    case NotesRole:
        return event.notes;
    case AgentRole:
        return event.agent;
    case IdRole:
        return event.id.toString(QUuid::WithoutBraces);
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    return {
        { WhenRole, "when" },
        { WhenTextRole, "whenText" },
        { KindRole, "kind" },
        { KindTextRole, "kindText" },
        { ChannelRole, "channel" },
        { ChannelTextRole, "channelText" },
        { ServiceRole, "service" },
        { ServiceTitleRole, "serviceTitle" },
        { ReferenceRole, "reference" },
        { SummaryRole, "summary" },
        { NotesRole, "notes" },
        { AgentRole, "agent" },
        { IdRole, "id" },
    };
}

void TimelineModel::setCacheWorker(CacheWorker *worker)
{
    if (m_worker == worker)
        return;
    m_worker = worker;
    emit cacheWorkerChanged();
    if (!m_customerId.isNull())
        startLoad();
}

QString TimelineModel::customerId() const
{
    return m_customerId.isNull() ? QString() : m_customerId.toString(QUuid::WithoutBraces);
}

void TimelineModel::setServiceFilter(const QString &serviceKey)
{
    if (m_serviceFilter == serviceKey)
        return;
    m_serviceFilter = serviceKey;
    emit serviceFilterChanged();
    refilter();
}

void TimelineModel::setChannelFilter(const QString &channelKey)
{
    if (m_channelFilter == channelKey)
        return;
    m_channelFilter = channelKey;
    emit channelFilterChanged();
    refilter();
}

QVariantList TimelineModel::services() const
{
    QStringList keys;
    for (const Event &event : m_events) {
        if (!event.service.isEmpty() && !keys.contains(event.service))
            keys.append(event.service);
    }
    QList<std::pair<QString, QString>> titled;
    for (const QString &key : std::as_const(keys))
        titled.append({ serviceTitle(key), key });
    std::sort(titled.begin(), titled.end(),
              [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    QVariantList list;
    for (const auto &[title, key] : std::as_const(titled))
        list.append(QVariantMap { { u"key"_s, key }, { u"title"_s, title } });
    return list;
}

QVariantList TimelineModel::channels() const
{
    QList<Channel> present;
    for (const Event &event : m_events) {
        if (event.channel && !present.contains(*event.channel))
            present.append(*event.channel);
    }
    QVariantList list;
    for (Channel channel : allChannels()) {
        if (present.contains(channel))
            list.append(QVariantMap { { u"key"_s, channelKey(channel) }, { u"title"_s, channelDisplayName(channel) } });
    }
    return list;
}

void TimelineModel::load(const QString &customerId)
{
    const QUuid id = QUuid::fromString(customerId);
    if (id != m_customerId) {
        m_customerId = id;
        emit customerIdChanged();
        setEvents({}); // never show one customer's history under another's name
    }
    startLoad();
}

void TimelineModel::reload()
{
    startLoad();
}

void TimelineModel::clear()
{
    ++m_generation;
    if (!m_customerId.isNull()) {
        m_customerId = QUuid();
        emit customerIdChanged();
    }
    setEvents({});
    setErrorText({});
    setLoading(false);
}

void TimelineModel::startLoad()
{
    const quint64 generation = ++m_generation;
    if (m_customerId.isNull()) {
        setEvents({});
        setErrorText(tr("No customer was chosen."));
        setLoading(false);
        return;
    }
    setLoading(true);
    if (!m_worker) {
        apply(generation, makeError(u"ui.no_cache"_s, tr("The history is not available: no cache is open.")));
        return;
    }
    const QUuid id = m_customerId;
    QFuture<Result<Loaded>> future = m_worker->run([id](QSqlDatabase &db) -> Result<Loaded> {
        Result<QList<Contact>> contacts = ContactStore(db).forCustomer(id, kContactLimit);
        if (!contacts)
            return contacts.error();
        Result<QList<Case>> cases = CaseStore(db).forCustomer(id);
        if (!cases)
            return cases.error();
        return Loaded { std::move(contacts).value(), std::move(cases).value() };
    });
    whenFinished(this, future, [this, generation](const Result<Loaded> &answer) { apply(generation, answer); });
}

void TimelineModel::apply(quint64 generation, const Result<Loaded> &answer)
{
    if (generation != m_generation)
        return;
    if (!answer) {
        setEvents({});
        setErrorText(answer.error().message);
        setLoading(false);
        return;
    }
    setEvents(eventsOf(*answer));
    setErrorText({});
    setLoading(false);
    emit loaded();
}

QList<TimelineModel::Event> TimelineModel::eventsOf(const Loaded &loaded) const
{
    QList<Event> events;
    // A correction stands in for the contact it corrects (docs/METRICS.md): one event, marked.
    QSet<QUuid> corrected;
    for (const Contact &contact : loaded.contacts) {
        if (!contact.correctsContactId.isNull())
            corrected.insert(contact.correctsContactId);
    }
    for (const Contact &contact : loaded.contacts) {
        if (corrected.contains(contact.id))
            continue;
        Event event;
        event.when = contact.startedAt;
        event.kind = EventKind::Contact;
        event.channel = contact.channel;
        event.service = contact.service;
        const QString outcome = contact.outcome ? outcomeDisplayName(*contact.outcome) : tr("In progress");
        event.summary = joinParts({ requestTypeName(contact.service, contact.reason), outcome,
                                    contact.correctsContactId.isNull() ? QString() : tr("Corrected") });
        event.notes = contact.notes;
        event.agent = contact.agent;
        event.id = contact.id;
        events.append(event);
    }
    for (const Case &c : loaded.cases) {
        Event raised;
        raised.when = c.raisedAt;
        raised.kind = EventKind::CaseRaised;
        raised.service = c.service;
        raised.reference = c.reference;
        raised.summary = joinParts({ requestTypeName(c.service, c.requestType), c.reference });
        raised.notes = c.summary;
        raised.id = c.id;
        events.append(raised);
        if (c.resolvedAt.isValid()) {
            Event resolved = raised;
            resolved.when = c.resolvedAt;
            resolved.kind = EventKind::CaseResolved;
            events.append(resolved);
        }
    }
    // Newest first; at the same instant a contact comes before the case it raised.
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.when != b.when)
            return a.when > b.when;
        return int(a.kind) < int(b.kind);
    });
    return events;
}

void TimelineModel::setEvents(QList<Event> events)
{
    const int before = count();
    const bool hadEvents = !m_events.isEmpty();
    beginResetModel();
    m_events = std::move(events);
    rebuildVisible();
    endResetModel();
    if (hadEvents || !m_events.isEmpty())
        emit eventsChanged();
    if (count() != before)
        emit countChanged();
}

void TimelineModel::refilter()
{
    const int before = count();
    beginResetModel();
    rebuildVisible();
    endResetModel();
    if (count() != before)
        emit countChanged();
}

void TimelineModel::rebuildVisible()
{
    m_visible.clear();
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        if (passes(m_events.at(i)))
            m_visible.append(i);
    }
}

bool TimelineModel::passes(const Event &event) const
{
    if (!m_serviceFilter.isEmpty() && event.service != m_serviceFilter)
        return false;
    if (!m_channelFilter.isEmpty() && (!event.channel || channelKey(*event.channel) != m_channelFilter))
        return false;
    return true;
}

QString TimelineModel::serviceTitle(const QString &key) const
{
    if (key.isEmpty())
        return {};
    const Service *service = m_catalogue.service(key);
    return service ? service->displayName : key;
}

QString TimelineModel::requestTypeName(const QString &service, const QString &requestType) const
{
    if (requestType.isEmpty())
        return {};
    const RequestType *type = m_catalogue.requestType(service, requestType);
    return type ? type->displayName : requestType;
}

void TimelineModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void TimelineModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace fc
