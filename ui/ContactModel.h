#pragma once

// The contact under way on this desk: started when a call, visit or message begins, wrapped up with its
// outcome and demand type before the next one, and linked to a customer later if it began anonymous.

#include "core/Case.h"
#include "core/Contact.h"
#include "core/ScriptRun.h"
#include "core/Result.h"
#include "core/ServiceCatalogue.h"
#include "storage/CacheWorker.h"
#include "ui/Clock.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUuid>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace fc {

/// One contact at a time. start(channel, customerId) opens it (an empty id: anonymous) and the clock
/// runs (`elapsedText` ticks every second); service, reason, outcome, demand and notes are filled in as
/// it goes; wrapUp() records it with LocalChanges::recordContact on the cache's database thread (agent =
/// `user`, ended now, so its handle time is the clock's), one outbox row. Wrap-up is mandatory: a started
/// contact cannot be discarded (`discardAllowed` is false), only wrapped up, and `wrapUpErrors` says what
/// is still missing. After wrap-up `lastContactId` names the recorded contact, so an anonymous one can be
/// linked to a customer (linkCustomer, LocalChanges::linkContact, once).
///
/// Built to be extended (issue 7, scripts): `contactId` is known from start(), and `draft()` gives the
/// contact as it would be recorded, for a subclass or a script runner to add answers and linked cases.
class ContactModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fc::CacheWorker *cacheWorker READ cacheWorker WRITE setCacheWorker NOTIFY cacheWorkerChanged)
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY userChanged)
    Q_PROPERTY(QString site READ site WRITE setSite NOTIFY siteChanged)
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(QString contactId READ contactId NOTIFY activeChanged)
    Q_PROPERTY(QString channel READ channel NOTIFY activeChanged)
    Q_PROPERTY(QString channelText READ channelText NOTIFY activeChanged)
    Q_PROPERTY(QString customerId READ customerId NOTIFY customerIdChanged)
    Q_PROPERTY(bool anonymous READ anonymous NOTIFY customerIdChanged)
    Q_PROPERTY(QString startedAtText READ startedAtText NOTIFY activeChanged)
    Q_PROPERTY(int elapsedSeconds READ elapsedSeconds NOTIFY elapsedChanged)
    Q_PROPERTY(QString elapsedText READ elapsedText NOTIFY elapsedChanged)
    Q_PROPERTY(QString service READ service WRITE setService NOTIFY serviceChanged)
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY reasonChanged)
    Q_PROPERTY(QString outcome READ outcome WRITE setOutcome NOTIFY outcomeChanged)
    Q_PROPERTY(QString demand READ demand WRITE setDemand NOTIFY demandChanged)
    Q_PROPERTY(QString notes READ notes WRITE setNotes NOTIFY notesChanged)
    Q_PROPERTY(QString signpostedTo READ signpostedTo WRITE setSignpostedTo NOTIFY signpostedToChanged)
    Q_PROPERTY(QString transferredTo READ transferredTo WRITE setTransferredTo NOTIFY transferredToChanged)
    Q_PROPERTY(QVariantList outcomeOptions READ outcomeOptions CONSTANT)
    Q_PROPERTY(QVariantList demandOptions READ demandOptions CONSTANT)
    Q_PROPERTY(QVariantList channelOptions READ channelOptions CONSTANT)
    Q_PROPERTY(QVariantList serviceOptions READ serviceOptions CONSTANT)
    Q_PROPERTY(QVariantList reasonOptions READ reasonOptions NOTIFY serviceChanged)
    Q_PROPERTY(bool canWrapUp READ canWrapUp NOTIFY checksChanged)
    Q_PROPERTY(QVariantMap wrapUpErrors READ wrapUpErrors NOTIFY checksChanged)
    Q_PROPERTY(QString wrapUpErrorText READ wrapUpErrorText NOTIFY checksChanged)
    Q_PROPERTY(bool discardAllowed READ discardAllowed CONSTANT)
    Q_PROPERTY(QString lastContactId READ lastContactId NOTIFY lastContactChanged)
    Q_PROPERTY(bool lastContactAnonymous READ lastContactAnonymous NOTIFY lastContactChanged)
    Q_PROPERTY(bool correcting READ correcting NOTIFY activeChanged)
    Q_PROPERTY(bool canCorrectLast READ canCorrectLast NOTIFY activeChanged)
    Q_PROPERTY(QString repeatText READ repeatText NOTIFY repeatChanged)
    Q_PROPERTY(bool demandConfirmed READ demandConfirmed NOTIFY demandChanged)
    Q_PROPERTY(bool scripted READ scripted NOTIFY scriptChanged)
    Q_PROPERTY(QString scriptTitle READ scriptTitle NOTIFY scriptChanged)
    Q_PROPERTY(int scriptCaseCount READ scriptCaseCount NOTIFY scriptChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    explicit ContactModel(QObject *parent = nullptr);
    ~ContactModel() override;

    CacheWorker *cacheWorker() const { return m_worker; }
    void setCacheWorker(CacheWorker *worker);
    /// The signed-in user name: the contact's agent.
    QString user() const { return m_user; }
    void setUser(const QString &user);
    /// Where this desk is ("contact-centre", "central-library-hub").
    QString site() const { return m_site; }
    void setSite(const QString &site);
    /// "Now" for the start, the elapsed time and the end; the system clock unless a test sets another.
    void setClock(NowFunction now);

    /// Starts a contact on this channel key ("phone", "face_to_face", ...) about this customer (UUID
    /// text; empty for an anonymous contact). False, with `errorText`, while another contact is under
    /// way or for an unknown channel or id.
    Q_INVOKABLE bool start(const QString &channel, const QString &customerId = QString());
    /// While a contact is under way: it is about this customer (nothing is recorded yet). Otherwise links
    /// the last recorded contact, if it was anonymous, to this customer (one contact.link); a second link
    /// is refused with a sentence in `errorText`. Empty id while under way: anonymous again. Ignored while
    /// a link is on its way.
    Q_INVOKABLE void linkCustomer(const QString &customerId);
    /// Records the contact (see the class comment). Refused with `errorText` while `canWrapUp` is false.
    /// A contact that ran a script is recorded with LocalChanges::recordScriptedContact: the requests
    /// the script raised are created with it, in one transaction.
    Q_INVOKABLE void wrapUp();
    /// A finished script run for the contact under way: its service, reason, outcome, signpost and
    /// transfer fill the wrap-up (the agent may still change them), and its script id, version and
    /// answers and the requests it raises are recorded with the contact. Ignored with no contact.
    void applyScript(const Script &script, const ScriptResult &result);
    /// Forgets an applied script (the agent ran another, or none).
    Q_INVOKABLE void clearScript();
    /// A wrapped-up contact is never changed: this opens a correction of the last one recorded on this
    /// desk, a new contact filled in from it (`correcting`), with its times, so its handle time stands,
    /// and `correctsContactId` naming it. Wrap-up records the correction; reports count it in place of
    /// the original (docs/METRICS.md). Read on the cache's thread; false while a contact is under way or
    /// there is none to correct.
    Q_INVOKABLE bool correctLast();

    bool active() const { return m_active; }
    QString contactId() const;
    QString channel() const;
    QString channelText() const;
    QString customerId() const;
    bool anonymous() const { return m_contact.customerId.isNull(); }
    QString startedAtText() const;
    int elapsedSeconds() const;
    QString elapsedText() const;
    QString service() const { return m_contact.service; }
    void setService(const QString &service);
    QString reason() const { return m_contact.reason; }
    void setReason(const QString &reason);
    QString outcome() const { return m_outcome; }
    void setOutcome(const QString &outcome);
    QString demand() const { return m_demand; }
    void setDemand(const QString &demand);
    QString notes() const { return m_contact.notes; }
    void setNotes(const QString &notes);
    QString signpostedTo() const { return m_contact.signpostedTo; }
    void setSignpostedTo(const QString &to);
    QString transferredTo() const { return m_contact.transferredTo; }
    void setTransferredTo(const QString &to);

    /// [{key, title}] of every outcome.
    QVariantList outcomeOptions() const;
    /// [{key, title}]: "value" (value demand), then each kind of failure demand by its key
    /// ("chasing_progress", ...), titled "Failure demand: chasing progress".
    QVariantList demandOptions() const;
    QVariantList channelOptions() const;
    /// [{key, title}] of the catalogue's services.
    QVariantList serviceOptions() const;
    /// [{key, title}] of the chosen service's request types; empty with no service.
    QVariantList reasonOptions() const;

    bool canWrapUp() const { return m_active && !m_busy && m_wrapUpErrors.isEmpty(); }
    /// Field ("outcome", "demand", "signpostedTo", "transferredTo", "reason", "notes", "contact") ->
    /// sentence for what must be settled before wrap-up.
    QVariantMap wrapUpErrors() const { return m_wrapUpErrors; }
    /// The same sentences, one per line.
    QString wrapUpErrorText() const;
    bool discardAllowed() const { return false; }
    QString lastContactId() const;
    bool lastContactAnonymous() const { return m_lastAnonymous; }
    /// Set while the contact is about a customer who contacted us about the same service within the
    /// repeat window (docs/METRICS.md): who, when, how and what it ended in. The demand is then
    /// pre-filled as failure demand (chasing progress while a request is open, else not resolved last
    /// time) and wrap-up waits until the agent confirms or changes it.
    QString repeatText() const { return m_repeatText; }
    /// False while the demand shown is the repeat check's suggestion, not yet the agent's choice.
    bool demandConfirmed() const { return !m_demandSuggested; }
    bool correcting() const { return m_active && !m_contact.correctsContactId.isNull(); }
    bool canCorrectLast() const { return !m_active && !m_lastContactId.isNull(); }
    bool scripted() const { return !m_contact.scriptId.isEmpty(); }
    QString scriptTitle() const { return m_scriptTitle; }
    int scriptCaseCount() const { return int(m_scriptCases.size()); }
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }

    /// The contact as it would be recorded if wrapped up now (no end or outcome while those are missing).
    Contact draft() const;
    /// "04:12", or "1:04:12" past an hour.
    static QString elapsedTextFor(int seconds);
    /// The demand key ("value", "chasing_progress", ...) read into a classification; nullopt when unknown.
    static std::optional<DemandClassification> demandFromKey(const QString &key);

signals:
    void cacheWorkerChanged();
    void userChanged();
    void siteChanged();
    void activeChanged();
    void customerIdChanged();
    void elapsedChanged();
    void serviceChanged();
    void reasonChanged();
    void outcomeChanged();
    void demandChanged();
    void notesChanged();
    void signpostedToChanged();
    void transferredToChanged();
    void checksChanged();
    void lastContactChanged();
    void scriptChanged();
    void repeatChanged();
    void busyChanged();
    void errorTextChanged();
    /// The contact was recorded (in the cache and its outbox).
    void wrappedUp(const QString &contactId);
    /// Wrap-up failed; the contact is still under way and `errorText` says why.
    void wrapUpFailed();
    /// The last recorded contact was linked to this customer.
    void linked(const QString &contactId, const QString &customerId);
    /// Linking was refused or failed; `errorText` says why.
    void linkFailed();

private:
    void recheck();
    /// Every property of the contact under way may have changed (it began, ended or was replaced).
    void emitContactChanged();
    /// Looks for a repeat of this contact's matter in the cache (a CacheWorker job).
    void checkRepeat();
    void setRepeat(const QString &text, const QString &suggestedDemand);
    void setBusy(bool busy);
    void setErrorText(const QString &text);
    void setTextField(QString Contact::*member, const QString &value, void (ContactModel::*changed)());

    QPointer<CacheWorker> m_worker;
    QString m_user;
    QString m_site;
    NowFunction m_now = systemNowUtc;
    ServiceCatalogue m_catalogue = ServiceCatalogue::defaultCatalogue();
    bool m_active = false;
    Contact m_contact; // the contact under way: id, customer, channel, start, service, reason, notes, ...
    QString m_outcome; // key, empty until chosen
    QString m_demand; // key, empty until chosen
    QVariantMap m_wrapUpErrors;
    QString m_repeatText;
    bool m_demandSuggested = false; // m_demand came from the repeat check, not the agent
    quint64 m_repeatGeneration = 0;
    QString m_scriptTitle;
    QList<Case> m_scriptCases; // raised at wrap-up, with the contact
    QTimer m_ticker;
    QUuid m_lastContactId;
    bool m_lastAnonymous = false;
    bool m_busy = false;
    QString m_errorText;
};

} // namespace fc
