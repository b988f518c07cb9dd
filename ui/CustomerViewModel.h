#pragma once

// The single customer view: one customer's details, warnings, open cases across every service, possible
// duplicates and timeline, loaded from the cache without stalling the GUI thread.

#include "core/Case.h"
#include "core/Customer.h"
#include "core/ServiceCatalogue.h"
#include "core/WorkingCalendar.h"
#include "storage/CacheWorker.h"
#include "storage/CustomerDuplicates.h"
#include "ui/Clock.h"
#include "ui/RowListModel.h"
#include "ui/TimelineModel.h"

#include <QAbstractListModel>
#include <QDate>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace fc {

/// Loads one customer (load(id)) on the cache's database thread: the record, its open cases and its
/// possible duplicates in one job, and the timeline (the `timeline` model) in another. Warnings come
/// first in `alerts`, staff safety before vulnerability before access needs, so a view can put them
/// above everything else. Open cases carry their promised-by date judged against the working calendar
/// ("overdue", "at risk") at the clock's now, re-judged every minute while the customer is shown.
///
/// A load of another customer drops the answer of any earlier load still on its way (a generation
/// count, as in CustomerSearchModel). Loading another customer clears the one shown at once, so no one
/// else's details are on screen meanwhile; reload() keeps the shown customer until the fresh answer
/// arrives. `loading` is true while an answer is awaited; a failed load clears the view and sets
/// `errorText` (translated).
class CustomerViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fc::CacheWorker *cacheWorker READ cacheWorker WRITE setCacheWorker NOTIFY cacheWorkerChanged)
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY userChanged)
    Q_PROPERTY(QString customerId READ customerId NOTIFY customerChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(bool hasCustomer READ hasCustomer NOTIFY customerChanged)
    // Details
    Q_PROPERTY(QString reference READ reference NOTIFY customerChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY customerChanged)
    Q_PROPERTY(QString title READ title NOTIFY customerChanged)
    Q_PROPERTY(QString givenName READ givenName NOTIFY customerChanged)
    Q_PROPERTY(QString familyName READ familyName NOTIFY customerChanged)
    Q_PROPERTY(QString preferredName READ preferredName NOTIFY customerChanged)
    Q_PROPERTY(QDate dateOfBirth READ dateOfBirth NOTIFY customerChanged)
    Q_PROPERTY(QString dateOfBirthText READ dateOfBirthText NOTIFY customerChanged)
    Q_PROPERTY(int age READ age NOTIFY customerChanged)
    Q_PROPERTY(QString address READ address NOTIFY customerChanged)
    Q_PROPERTY(QStringList addressLines READ addressLines NOTIFY customerChanged)
    Q_PROPERTY(QString postcode READ postcode NOTIFY customerChanged)
    Q_PROPERTY(QString uprn READ uprn NOTIFY customerChanged)
    Q_PROPERTY(QStringList phones READ phones NOTIFY customerChanged)
    Q_PROPERTY(QStringList emails READ emails NOTIFY customerChanged)
    Q_PROPERTY(QString preferredLanguage READ preferredLanguage NOTIFY customerChanged)
    Q_PROPERTY(QString preferredLanguageName READ preferredLanguageName NOTIFY customerChanged)
    Q_PROPERTY(QString preferredChannel READ preferredChannel NOTIFY customerChanged)
    Q_PROPERTY(QString preferredChannelName READ preferredChannelName NOTIFY customerChanged)
    // Warnings
    Q_PROPERTY(QAbstractListModel *alerts READ alerts CONSTANT)
    Q_PROPERTY(QStringList accessNeeds READ accessNeeds NOTIFY customerChanged)
    Q_PROPERTY(QString accessNeedsSummary READ accessNeedsSummary NOTIFY customerChanged)
    Q_PROPERTY(bool hasStaffSafetyFlag READ hasStaffSafetyFlag NOTIFY customerChanged)
    Q_PROPERTY(bool hasVulnerabilityFlag READ hasVulnerabilityFlag NOTIFY customerChanged)
    // Open cases
    Q_PROPERTY(QAbstractListModel *openCases READ openCases CONSTANT)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY openCasesChanged)
    Q_PROPERTY(int atRiskCount READ atRiskCount NOTIFY openCasesChanged)
    // Possible duplicates
    Q_PROPERTY(QAbstractListModel *possibleDuplicates READ possibleDuplicates CONSTANT)
    // Timeline
    Q_PROPERTY(fc::TimelineModel *timeline READ timeline CONSTANT)

public:
    /// Roles of `alerts`: kind ("staff_safety", "vulnerability", "access_need"), kindText, category
    /// (flag category or access need key), title, note, raisedOnText, reviewByText, reviewDue (review-by
    /// date passed).
    static const QList<QByteArray> kAlertRoles;
    /// Roles of `openCases`: id, reference, service, serviceTitle, requestType, requestTypeText, status,
    /// statusText, priority, priorityText, raisedAtText, promisedBy (UTC QDateTime), promisedByText,
    /// risk ("on_track", "at_risk", "breached", "" when nothing was promised), riskText, overdue, atRisk,
    /// summary. Soonest promise first; unpromised last.
    static const QList<QByteArray> kOpenCaseRoles;
    /// Roles of `possibleDuplicates`: id, reference, displayName, dateOfBirthText, address, reasons
    /// (QStringList of DuplicateReason keys), reasonText ("Same phone number · Same email address").
    static const QList<QByteArray> kDuplicateRoles;

    explicit CustomerViewModel(QObject *parent = nullptr);
    ~CustomerViewModel() override;

    CacheWorker *cacheWorker() const { return m_worker; }
    void setCacheWorker(CacheWorker *worker);

    /// Who is looking (the signed-in user name): opening a customer records a "view" audit event as theirs.
    QString user() const { return m_user; }
    void setUser(const QString &user);

    /// Starts loading the customer with this id (UUID text, braces optional); the timeline loads too.
    /// Opening a customer is recorded, in the same job, as a "view" audit event (LocalChanges::recordAudit,
    /// one outbox row); reload() records nothing.
    Q_INVOKABLE void load(const QString &customerId);
    /// Loads the current customer again (after a sync or an edit).
    Q_INVOKABLE void reload();
    /// Shows no customer.
    Q_INVOKABLE void clear();
    /// Asks a supervisor to review the customer on screen and this possible duplicate (merging is theirs,
    /// issue 8): one request of type general/merge_request for the customer records team, naming both
    /// references and why they may be one person, raised through LocalChanges (so it syncs and is
    /// audited like any request). Refused with `errorText` when an open one names this duplicate already.
    /// `mergeRequested(reference)` when raised.
    Q_INVOKABLE void requestMerge(const QString &duplicateId);

    /// "Now" for ages and promises; the system clock unless a test sets another.
    void setClock(NowFunction now);
    /// The calendar promises are judged on; England and Wales unless set.
    void setCalendar(const WorkingCalendar &calendar);

    QString customerId() const;
    bool loading() const { return m_loading; }
    QString errorText() const { return m_errorText; }
    bool hasCustomer() const { return m_customer.has_value(); }

    QString reference() const { return field(&Customer::reference); }
    QString displayName() const { return m_customer ? m_customer->displayName() : QString(); }
    QString title() const { return field(&Customer::title); }
    QString givenName() const { return field(&Customer::givenName); }
    QString familyName() const { return field(&Customer::familyName); }
    QString preferredName() const { return field(&Customer::preferredName); }
    QDate dateOfBirth() const { return m_customer ? m_customer->dateOfBirth : QDate(); }
    QString dateOfBirthText() const;
    int age() const;
    QString address() const;
    QStringList addressLines() const;
    QString postcode() const { return m_customer ? m_customer->address.postcode : QString(); }
    QString uprn() const { return m_customer ? m_customer->address.uprn : QString(); }
    QStringList phones() const;
    QStringList emails() const { return m_customer ? m_customer->emails : QStringList(); }
    QString preferredLanguage() const { return field(&Customer::preferredLanguage); }
    QString preferredLanguageName() const;
    QString preferredChannel() const;
    QString preferredChannelName() const;

    QAbstractListModel *alerts() const { return m_alerts; }
    QStringList accessNeeds() const;
    QString accessNeedsSummary() const;
    bool hasStaffSafetyFlag() const;
    bool hasVulnerabilityFlag() const;

    QAbstractListModel *openCases() const { return m_openCases; }
    int overdueCount() const { return m_overdueCount; }
    int atRiskCount() const { return m_atRiskCount; }

    QAbstractListModel *possibleDuplicates() const { return m_duplicates; }
    TimelineModel *timeline() const { return m_timeline; }

signals:
    void cacheWorkerChanged();
    void userChanged();
    void customerChanged();
    void loadingChanged();
    void errorTextChanged();
    void openCasesChanged();
    /// A load finished and its customer is shown (not emitted for a failed or dropped load).
    void loaded();
    /// A merge request was raised (its provisional reference).
    void mergeRequested(const QString &reference);

private:
    struct Loaded {
        std::optional<Customer> customer;
        QList<Case> openCases;
        QList<PossibleDuplicate> duplicates;
        std::optional<Error> auditError; // the customer was read, but the view could not be recorded
    };

    void startLoad(const QUuid &id);
    void apply(quint64 generation, const Result<Loaded> &answer);
    void show(std::optional<Customer> customer, QList<Case> openCases, const QList<PossibleDuplicate> &duplicates);
    void rebuildAlerts();
    void rebuildOpenCases();
    void rebuildDuplicates(const QList<PossibleDuplicate> &duplicates);
    const WorkingCalendar *calendar();
    void setLoading(bool loading);
    void setErrorText(const QString &text);
    QString field(QString Customer::*member) const { return m_customer ? (*m_customer).*member : QString(); }

    QPointer<CacheWorker> m_worker;
    QString m_user;
    bool m_auditPending = false; // load() asked for a customer whose opening is not recorded yet
    QUuid m_requestedId;
    std::optional<Customer> m_customer;
    QList<Case> m_cases;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_errorText;
    NowFunction m_now = systemNowUtc;
    std::optional<WorkingCalendar> m_calendar;
    bool m_calendarTried = false;
    ServiceCatalogue m_catalogue = ServiceCatalogue::defaultCatalogue();
    QTimer m_promiseTimer;
    int m_overdueCount = 0;
    int m_atRiskCount = 0;
    RowListModel *m_alerts;
    RowListModel *m_openCases;
    RowListModel *m_duplicates;
    QList<PossibleDuplicate> m_duplicateList; // the rows of m_duplicates
    TimelineModel *m_timeline;
};

} // namespace fc
