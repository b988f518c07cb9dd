#pragma once

// One customer's history across channels and services: contacts and case events, newest first.

#include "core/Case.h"
#include "core/Contact.h"
#include "core/ServiceCatalogue.h"
#include "storage/CacheWorker.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUuid>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace fc {

/// Loads a customer's latest contacts (ContactStore::forCustomer, at most kContactLimit) and every case
/// (CaseStore::forCustomer) on the cache's database thread, and lists them as events, newest first:
/// each contact, each case raised, each case resolved. `serviceFilter` and `channelFilter` (keys; empty
/// for all) narrow the list in the model itself; case events have no channel, so a channel filter
/// leaves only contacts. `services` and `channels` list what the whole history holds, for filter chips.
/// An answer to an earlier load is dropped when another load has started since.
class TimelineModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fc::CacheWorker *cacheWorker READ cacheWorker WRITE setCacheWorker NOTIFY cacheWorkerChanged)
    Q_PROPERTY(QString customerId READ customerId NOTIFY customerIdChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QString serviceFilter READ serviceFilter WRITE setServiceFilter NOTIFY serviceFilterChanged)
    Q_PROPERTY(QString channelFilter READ channelFilter WRITE setChannelFilter NOTIFY channelFilterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY eventsChanged)
    Q_PROPERTY(QVariantList services READ services NOTIFY eventsChanged)
    Q_PROPERTY(QVariantList channels READ channels NOTIFY eventsChanged)

public:
    enum class EventKind { Contact, CaseRaised, CaseResolved };
    Q_ENUM(EventKind)

    enum Role {
        WhenRole = Qt::UserRole + 1, // QDateTime, UTC
        WhenTextRole, // "12/03/2026 14:05", council time
        KindRole, // "contact", "case_raised", "case_resolved"
        KindTextRole, // "Contact", "Case raised", "Case resolved"
        ChannelRole, // channel key; empty for case events
        ChannelTextRole,
        ServiceRole, // service key
        ServiceTitleRole, // "Waste and recycling"
        ReferenceRole, // the case reference for case events
        SummaryRole, // "Missed bin collection · Resolved at first contact"
        NotesRole, // the contact's wrap-up notes, or the case's one-line summary
        AgentRole, // who handled the contact
        IdRole, // the contact's or case's id
    };
    Q_ENUM(Role)

    static constexpr int kContactLimit = 200;

    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    CacheWorker *cacheWorker() const { return m_worker; }
    void setCacheWorker(CacheWorker *worker);
    QString customerId() const;
    bool loading() const { return m_loading; }
    QString errorText() const { return m_errorText; }
    QString serviceFilter() const { return m_serviceFilter; }
    void setServiceFilter(const QString &serviceKey);
    QString channelFilter() const { return m_channelFilter; }
    void setChannelFilter(const QString &channelKey);
    int count() const { return int(m_visible.size()); }
    int totalCount() const { return int(m_events.size()); }
    /// [{key, title}] of every service in the history, by title.
    QVariantList services() const;
    /// [{key, title}] of every channel the contacts came in on, in the order channels are declared.
    QVariantList channels() const;

    /// Loads the timeline of the customer with this id (UUID text, braces optional).
    Q_INVOKABLE void load(const QString &customerId);
    Q_INVOKABLE void reload();
    Q_INVOKABLE void clear();

signals:
    void cacheWorkerChanged();
    void customerIdChanged();
    void loadingChanged();
    void errorTextChanged();
    void serviceFilterChanged();
    void channelFilterChanged();
    void countChanged();
    void eventsChanged();
    /// A load finished and its events are shown.
    void loaded();

private:
    struct Event {
        QDateTime when;
        EventKind kind = EventKind::Contact;
        std::optional<Channel> channel;
        QString service;
        QString reference;
        QString summary;
        QString notes;
        QString agent;
        QUuid id;
    };
    struct Loaded {
        QList<Contact> contacts;
        QList<Case> cases;
    };

    void startLoad();
    void apply(quint64 generation, const Result<Loaded> &answer);
    void setEvents(QList<Event> events);
    void refilter();
    void rebuildVisible();
    bool passes(const Event &event) const;
    QString serviceTitle(const QString &key) const;
    QString requestTypeName(const QString &service, const QString &requestType) const;
    QList<Event> eventsOf(const Loaded &loaded) const;
    void setLoading(bool loading);
    void setErrorText(const QString &text);

    QPointer<CacheWorker> m_worker;
    QUuid m_customerId;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_errorText;
    QString m_serviceFilter;
    QString m_channelFilter;
    QList<Event> m_events; // newest first
    QList<qsizetype> m_visible; // indexes into m_events that pass the filters
    ServiceCatalogue m_catalogue = ServiceCatalogue::defaultCatalogue();
};

} // namespace fc
