#pragma once

// The script runner beside the customer view: the scripts to choose from, one step at a time of the
// chosen one, the knowledge panel, and the run's end handed to the contact's wrap-up (docs/SCRIPTS.md).

#include "core/KnowledgeLibrary.h"
#include "core/ScriptRun.h"
#include "storage/CacheWorker.h"
#include "ui/Clock.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace fc {

class ContactModel;

/// Scripts come from the cache (the published versions the desk has synced), or the shipped ones
/// while it has none; knowledge articles likewise, synced ones over the shipped ones. start(id) reads the contact's customer (cases, contacts) on the cache's thread
/// and begins a ScriptRun; answer()/choose()/next()/back() walk it; when it reaches an outcome the
/// result goes to `contact` (ContactModel::applyScript) for the wrap-up. Nothing is written before
/// wrap-up. Every read is a CacheWorker job: the GUI thread never waits.
class ScriptRunnerModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fc::CacheWorker *cacheWorker READ cacheWorker WRITE setCacheWorker NOTIFY cacheWorkerChanged)
    Q_PROPERTY(fc::ContactModel *contact READ contact WRITE setContact NOTIFY contactChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY scriptsChanged)
    Q_PROPERTY(QVariantList scripts READ scripts NOTIFY scriptsChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool running READ running NOTIFY runChanged)
    Q_PROPERTY(QString scriptId READ scriptId NOTIFY runChanged)
    Q_PROPERTY(QString scriptTitle READ scriptTitle NOTIFY runChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY stepChanged)
    Q_PROPERTY(QString stepId READ stepId NOTIFY stepChanged)
    Q_PROPERTY(QString stepKind READ stepKind NOTIFY stepChanged)
    Q_PROPERTY(QString prompt READ prompt NOTIFY stepChanged)
    Q_PROPERTY(QString text READ text NOTIFY stepChanged)
    Q_PROPERTY(QVariantList options READ options NOTIFY stepChanged)
    Q_PROPERTY(QString inputType READ inputType NOTIFY stepChanged)
    Q_PROPERTY(QString inputHint READ inputHint NOTIFY stepChanged)
    Q_PROPERTY(bool required READ required NOTIFY stepChanged)
    Q_PROPERTY(QString answerText READ answerText NOTIFY stepChanged)
    Q_PROPERTY(QString chosenValue READ chosenValue NOTIFY stepChanged)
    Q_PROPERTY(bool canGoBack READ canGoBack NOTIFY stepChanged)
    Q_PROPERTY(int stepNumber READ stepNumber NOTIFY stepChanged)
    Q_PROPERTY(QVariantList summary READ summary NOTIFY stepChanged)
    Q_PROPERTY(QVariantMap agency READ agency NOTIFY stepChanged)
    Q_PROPERTY(QVariantList sites READ sites NOTIFY stepChanged)
    Q_PROPERTY(QVariantMap outcome READ outcome NOTIFY stepChanged)
    Q_PROPERTY(QVariantList raised READ raised NOTIFY stepChanged)
    Q_PROPERTY(QVariantMap article READ article NOTIFY articleChanged)
    Q_PROPERTY(QString knowledgeQuery READ knowledgeQuery WRITE setKnowledgeQuery NOTIFY knowledgeChanged)
    Q_PROPERTY(QVariantList knowledgeResults READ knowledgeResults NOTIFY knowledgeChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    explicit ScriptRunnerModel(QObject *parent = nullptr);
    ~ScriptRunnerModel() override;

    CacheWorker *cacheWorker() const { return m_worker; }
    void setCacheWorker(CacheWorker *worker);
    ContactModel *contact() const { return m_contact; }
    void setContact(ContactModel *contact);
    void setClock(NowFunction now) { m_now = std::move(now); }
    /// The knowledge the runner shows and validates against; the shipped library unless set.
    void setKnowledge(KnowledgeLibrary knowledge);

    /// Reads the scripts again (after a sync brought new versions).
    Q_INVOKABLE void reload();
    /// Begins the script with this id for the contact under way (or for no one, with no contact).
    Q_INVOKABLE void start(const QString &scriptId);
    /// The answer to the current step as typed (a question or input) or picked (a choice's value);
    /// checked at once: false, with `errorText`, when refused.
    Q_INVOKABLE bool answer(const QString &value);
    /// The choice numbered 1-9 on screen: answers and goes on.
    Q_INVOKABLE bool choose(int number);
    /// An appointment: site key, date as typed ("15/12/2026") and time ("14:00"), in the council's time.
    Q_INVOKABLE bool answerAppointment(const QString &site, const QString &date, const QString &time);
    /// Goes on (Enter). False, with `errorText`, when the step still needs an answer.
    Q_INVOKABLE bool next();
    /// Back to the previous step (Alt+Left); answers are kept.
    Q_INVOKABLE bool back();
    /// Leaves the run; the contact keeps no script.
    Q_INVOKABLE void cancel();
    /// Shows an article in the knowledge panel.
    Q_INVOKABLE void openArticle(const QString &articleId);
    /// Writes the outcome's printable guide (assisted self-service) as a PDF; true when written.
    Q_INVOKABLE bool saveGuide(const QString &path);
    /// Writes the guide to a temporary PDF off the GUI thread, then opens it in the desktop's viewer to
    /// print (`guidePrinted(path)`); false when the outcome has no guide.
    Q_INVOKABLE bool printGuide();

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    /// [{id, title, service, serviceTitle, version}] matching the filter (title, keywords, service).
    QVariantList scripts() const;
    bool loading() const { return m_loading; }
    bool running() const { return m_run.has_value(); }
    QString scriptId() const { return m_script ? m_script->id : QString(); }
    QString scriptTitle() const { return m_script ? m_script->title : QString(); }
    bool finished() const { return m_run && m_run->finished(); }
    QString stepId() const;
    QString stepKind() const;
    QString prompt() const;
    QString text() const;
    /// [{value, label, number}] of a choice, numbered from 1.
    QVariantList options() const;
    QString inputType() const;
    QString inputHint() const;
    bool required() const;
    QString answerText() const;
    QString chosenValue() const;
    bool canGoBack() const { return m_run && m_run->canGoBack(); }
    int stepNumber() const;
    /// [{stepId, prompt, answer}] of the steps answered so far on the path.
    QVariantList summary() const;
    /// A signpost step's agency: {key, name, phone, web, hours, helpsWith}.
    QVariantMap agency() const;
    /// An appointment step's sites: [{key, name, address, hours}].
    QVariantList sites() const;
    /// Once finished: {key, title, text, guide, guideTitle, transferTo}.
    QVariantMap outcome() const;
    /// Once finished: [{title, summary, team, priority, promisedByText}] of the requests to raise.
    QVariantList raised() const;
    /// {id, title, body} of the article in the knowledge panel; empty when none.
    QVariantMap article() const { return m_article; }
    QString knowledgeQuery() const { return m_knowledgeQuery; }
    void setKnowledgeQuery(const QString &query);
    /// [{id, title}] of the articles matching the query.
    QVariantList knowledgeResults() const;
    QString errorText() const { return m_errorText; }

signals:
    void cacheWorkerChanged();
    void contactChanged();
    void scriptsChanged();
    void loadingChanged();
    void runChanged();
    void stepChanged();
    void articleChanged();
    void knowledgeChanged();
    void errorTextChanged();
    /// The run reached its outcome and the contact has it for wrap-up.
    void completed();
    /// printGuide() wrote the guide here and asked the desktop to open it.
    void guidePrinted(const QString &path);

private:
    void setLoading(bool loading);
    void setErrorText(const QString &text);
    void arrived();
    bool report(const Status &status);
    const ScriptStep *step() const { return m_run ? &m_run->current() : nullptr; }
    QString dateText(const QDateTime &utc) const;
    /// The finished run's printable guide, or null with `errorText`.
    const KnowledgeArticle *guide();

    QPointer<CacheWorker> m_worker;
    QPointer<ContactModel> m_contact;
    NowFunction m_now = systemNowUtc;
    KnowledgeLibrary m_shippedKnowledge; // compiled in (or set by a test)
    KnowledgeLibrary m_knowledge; // the shipped one with the articles the desk has synced over it
    std::shared_ptr<const WorkingCalendar> m_calendar;
    ServiceCatalogue m_catalogue = ServiceCatalogue::defaultCatalogue(); // built once: it is not cheap
    QList<std::shared_ptr<const Script>> m_scripts;
    QString m_filter;
    bool m_loading = false;
    quint64 m_loadGeneration = 0; // drops the answer of a reload another has replaced
    quint64 m_runGeneration = 0; // drops the customer read of a start another start or cancel has replaced
    std::shared_ptr<const Script> m_script;
    std::optional<ScriptRun> m_run;
    QVariantMap m_article;
    QString m_knowledgeQuery;
    QString m_errorText;
};

} // namespace fc
