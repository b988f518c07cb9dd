#include "ui/ScriptRunnerModel.h"

#include "core/Outcome.h"
#include "core/ScriptAnswer.h"
#include "core/ScriptLibrary.h"
#include "core/SearchText.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "storage/CustomerStore.h"
#include "storage/KnowledgeStore.h"
#include "storage/ScriptStore.h"
#include "ui/ContactModel.h"
#include "ui/DisplayText.h"
#include "ui/WhenFinished.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QtConcurrent/QtConcurrentRun>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QPageSize>
#include <QPdfWriter>
#include <QStandardPaths>
#include <QTextDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr int kContactsRead = 200; // enough for any repeat window

} // namespace

ScriptRunnerModel::ScriptRunnerModel(QObject *parent) : QObject(parent)
{
    Result<KnowledgeLibrary> shipped = KnowledgeLibrary::shipped();
    if (shipped)
        m_shippedKnowledge = std::move(shipped).value();
    m_knowledge = m_shippedKnowledge;
    m_calendar = councilCalendar();
}

ScriptRunnerModel::~ScriptRunnerModel() = default;

void ScriptRunnerModel::setCacheWorker(CacheWorker *worker)
{
    if (m_worker == worker)
        return;
    m_worker = worker;
    emit cacheWorkerChanged();
    reload();
}

void ScriptRunnerModel::setContact(ContactModel *contact)
{
    if (m_contact == contact)
        return;
    m_contact = contact;
    emit contactChanged();
}

void ScriptRunnerModel::setKnowledge(KnowledgeLibrary knowledge)
{
    m_shippedKnowledge = knowledge;
    m_knowledge = std::move(knowledge);
    emit knowledgeChanged();
    reload();
}

void ScriptRunnerModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void ScriptRunnerModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

void ScriptRunnerModel::reload()
{
    if (!m_worker)
        return;
    const quint64 generation = ++m_loadGeneration;
    setLoading(true);
    struct Loaded {
        KnowledgeLibrary knowledge;
        QList<std::shared_ptr<const Script>> scripts;
    };
    QFuture<Result<Loaded>> future = m_worker->run([shipped = m_shippedKnowledge](QSqlDatabase &db) -> Result<Loaded> {
        Loaded loaded { shipped, {} };
        // Articles published since the program was built come with the sync, over the shipped ones.
        Result<QList<KnowledgeArticle>> articles = KnowledgeStore(db).list();
        if (!articles)
            return articles.error();
        loaded.knowledge.mergeArticles(articles.value());
        const ScriptValidator validator(loaded.knowledge.references());
        Result<QList<ScriptVersion>> synced = ScriptStore(db).list();
        if (!synced)
            return synced.error();
        for (const ScriptVersion &version : synced.value()) {
            Result<Script> script = parseScript(version.body.toUtf8(), nullptr);
            // A synced script that this desk cannot run is left out rather than shown broken.
            if (script && validator.validate(script.value()).isEmpty())
                loaded.scripts.append(std::make_shared<const Script>(std::move(script).value()));
        }
        // Before a first sync has brought any, the scripts shipped with the program.
        if (loaded.scripts.isEmpty())
            loaded.scripts = loadValidScripts(u":/scripts"_s, validator);
        std::stable_sort(loaded.scripts.begin(), loaded.scripts.end(),
                         [](const auto &a, const auto &b) { return a->title < b->title; });
        return loaded;
    });
    whenFinished(this, future, [this, generation](const Result<Loaded> &answer) {
        if (generation != m_loadGeneration)
            return;
        setLoading(false);
        if (!answer) {
            setErrorText(tr("The scripts could not be read: %1").arg(answer.error().message));
            return;
        }
        m_knowledge = answer->knowledge;
        m_scripts = answer->scripts;
        emit knowledgeChanged();
        emit scriptsChanged();
    });
}

void ScriptRunnerModel::setFilter(const QString &filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    emit scriptsChanged();
}

QVariantList ScriptRunnerModel::scripts() const
{
    const QStringList words = searchQueryTokens(m_filter);
    QVariantList rows;
    for (const auto &script : m_scripts) {
        const Service *service = m_catalogue.service(script->service);
        const QString serviceTitle = service ? service->displayName : script->service;
        const QString haystack = foldForSearch(QString(script->title + u' ' + script->keywords.join(u' ') + u' ' + serviceTitle));
        const bool matches = std::all_of(words.cbegin(), words.cend(), [&](const QString &w) { return haystack.contains(w); });
        if (!matches)
            continue;
        rows.append(QVariantMap { { u"id"_s, script->id },
                                  { u"title"_s, script->title },
                                  { u"service"_s, script->service },
                                  { u"serviceTitle"_s, serviceTitle },
                                  { u"version"_s, script->version } });
    }
    return rows;
}

void ScriptRunnerModel::start(const QString &scriptId)
{
    std::shared_ptr<const Script> script;
    for (const auto &s : std::as_const(m_scripts)) {
        if (s->id == scriptId)
            script = s;
    }
    if (!script) {
        setErrorText(tr("There is no script called '%1' on this desk.").arg(scriptId));
        return;
    }
    if (m_contact)
        m_contact->clearScript();
    const QUuid customerId = m_contact ? QUuid::fromString(m_contact->customerId()) : QUuid();
    const quint64 generation = ++m_runGeneration;
    ScriptContext context;
    context.now = m_now().toUTC();
    context.calendar = m_calendar;
    setErrorText({});
    setLoading(true);
    const auto begin = [this, generation, script](Result<ScriptContext> ready) {
        if (generation != m_runGeneration)
            return;
        setLoading(false);
        if (!ready) {
            setErrorText(tr("The customer's details could not be read: %1").arg(ready.error().message));
            return;
        }
        Result<ScriptRun> run = ScriptRun::start(script, std::move(ready).value());
        if (!run) {
            setErrorText(run.error().message);
            return;
        }
        m_script = script;
        m_run.emplace(std::move(run).value());
        emit runChanged();
        arrived();
    };
    if (customerId.isNull() || !m_worker) {
        begin(context);
        return;
    }
    QFuture<Result<ScriptContext>> future = m_worker->run([customerId, context](QSqlDatabase &db) -> Result<ScriptContext> {
        Result<std::optional<Customer>> customer = CustomerStore(db).byId(customerId);
        if (!customer)
            return customer.error();
        ScriptContext ready = context;
        if (!customer->has_value())
            return ready;
        Result<QList<Case>> cases = CaseStore(db).forCustomer(customerId);
        if (!cases)
            return cases.error();
        Result<QList<Contact>> contacts = ContactStore(db).forCustomer(customerId, kContactsRead);
        if (!contacts)
            return contacts.error();
        ready.customer = ScriptCustomerFacts::from(**customer, cases.value(), contacts.value());
        return ready;
    });
    whenFinished(this, future, begin);
}

void ScriptRunnerModel::arrived()
{
    setErrorText({});
    if (const ScriptStep *s = step(); s && s->kind == ScriptStepKind::Knowledge)
        openArticle(s->article);
    emit stepChanged();
    if (m_run && m_run->finished() && m_contact) {
        Result<ScriptResult> result = m_run->result();
        if (!result) {
            setErrorText(result.error().message);
            return;
        }
        m_contact->applyScript(*m_script, result.value());
        emit completed();
    }
}

bool ScriptRunnerModel::report(const Status &status)
{
    if (status)
        return true;
    setErrorText(status.error().message);
    return false;
}

bool ScriptRunnerModel::answer(const QString &value)
{
    if (!m_run)
        return false;
    if (!report(m_run->setAnswer(QJsonValue(value))))
        return false;
    setErrorText({});
    emit stepChanged();
    return true;
}

bool ScriptRunnerModel::choose(int number)
{
    const ScriptStep *s = step();
    if (!s || s->kind != ScriptStepKind::Choice || number < 1 || number > s->options.size())
        return false;
    return answer(s->options.at(number - 1).value) && next();
}

bool ScriptRunnerModel::answerAppointment(const QString &site, const QString &date, const QString &time)
{
    if (!m_run)
        return false;
    QDate day;
    for (const QString &format : { u"dd/MM/yyyy"_s, u"d/M/yyyy"_s, u"yyyy-MM-dd"_s }) {
        if (!day.isValid())
            day = QDate::fromString(date.trimmed(), format);
    }
    QTime at;
    for (const QString &format : { u"HH:mm"_s, u"H:mm"_s, u"HH.mm"_s }) {
        if (!at.isValid())
            at = QTime::fromString(time.trimmed(), format);
    }
    if (!day.isValid() || !at.isValid()) {
        setErrorText(tr("Enter the day as day/month/year and the time as hours:minutes, such as 15/12/2026 and 14:00."));
        return false;
    }
    const QTimeZone zone = m_calendar ? m_calendar->timeZone() : QTimeZone::utc();
    const QDateTime instant = QDateTime(day, at, zone).toUTC();
    if (!report(m_run->setAnswer(QJsonObject { { u"site"_s, site }, { u"at"_s, instant.toString(Qt::ISODateWithMs) } })))
        return false;
    emit stepChanged();
    return true;
}

bool ScriptRunnerModel::next()
{
    if (!m_run || !report(m_run->next()))
        return false;
    arrived();
    return true;
}

bool ScriptRunnerModel::back()
{
    if (!m_run || !m_run->back())
        return false;
    if (m_contact)
        m_contact->clearScript(); // the end it reached is no longer the end
    arrived();
    return true;
}

void ScriptRunnerModel::cancel()
{
    ++m_runGeneration;
    setLoading(false);
    m_run.reset();
    m_script.reset();
    if (m_contact)
        m_contact->clearScript();
    setErrorText({});
    emit runChanged();
    emit stepChanged();
}

void ScriptRunnerModel::openArticle(const QString &articleId)
{
    const KnowledgeArticle *found = m_knowledge.article(articleId);
    if (!found) {
        m_article.clear();
        emit articleChanged();
        return;
    }
    // The panel shows the title above the body: a body that opens with the same heading drops it.
    QString body = found->body;
    if (body.startsWith(u"# "_s) && body.section(u'\n', 0, 0).mid(2).trimmed() == found->title)
        body = body.section(u'\n', 1).trimmed();
    m_article = QVariantMap { { u"id"_s, found->id }, { u"title"_s, found->title }, { u"body"_s, body } };
    emit articleChanged();
}

void ScriptRunnerModel::setKnowledgeQuery(const QString &query)
{
    if (m_knowledgeQuery == query)
        return;
    m_knowledgeQuery = query;
    emit knowledgeChanged();
}

QVariantList ScriptRunnerModel::knowledgeResults() const
{
    QVariantList rows;
    for (const KnowledgeArticle *a : m_knowledge.search(m_knowledgeQuery))
        rows.append(QVariantMap { { u"id"_s, a->id }, { u"title"_s, a->title } });
    return rows;
}

QString ScriptRunnerModel::stepId() const
{
    return step() ? step()->id : QString();
}

QString ScriptRunnerModel::stepKind() const
{
    return step() ? scriptStepKindKey(step()->kind) : QString();
}

QString ScriptRunnerModel::prompt() const
{
    const ScriptStep *s = step();
    if (!s)
        return QString();
    if (s->kind == ScriptStepKind::CreateCase)
        return tr("Raise a request: %1").arg(m_run->render(s->summary));
    if (s->kind == ScriptStepKind::Appointment)
        return m_run->render(s->title);
    if (s->kind == ScriptStepKind::Signpost) {
        const PartnerAgency *agency = m_knowledge.agency(s->agency);
        return tr("Signpost to %1").arg(agency ? agency->name : s->agency);
    }
    if (s->kind == ScriptStepKind::Knowledge && s->prompt.isEmpty()) {
        const KnowledgeArticle *article = m_knowledge.article(s->article);
        return tr("Read the article: %1").arg(article ? article->title : s->article);
    }
    return m_run->render(s->prompt);
}

QString ScriptRunnerModel::text() const
{
    const ScriptStep *s = step();
    if (!s)
        return QString();
    if (s->kind == ScriptStepKind::CreateCase) {
        const RequestType *type = m_catalogue.requestType(
            s->service.isEmpty() ? m_script->service : s->service, s->requestType);
        const int days = s->promiseWorkingDays.value_or(type ? type->promiseWorkingDays : 0);
        const QString promise = s->promiseOnAnswer.isEmpty()
            ? tr("Working days promised: %1.").arg(days)
            : tr("Promised for the day chosen: %1.").arg(m_run->render(u'{' + s->promiseOnAnswer + u'}'));
        return tr("%1, for the %2 team. %3 It is raised when you wrap up.")
            .arg(type ? type->displayName : s->requestType, type ? type->owningTeam : QString(), promise);
    }
    return m_run->render(s->text);
}

QVariantList ScriptRunnerModel::options() const
{
    QVariantList rows;
    const ScriptStep *s = step();
    if (!s)
        return rows;
    for (qsizetype i = 0; i < s->options.size(); ++i)
        rows.append(QVariantMap { { u"value"_s, s->options.at(i).value },
                                  { u"label"_s, m_run->render(s->options.at(i).label) },
                                  { u"number"_s, int(i + 1) } });
    return rows;
}

QString ScriptRunnerModel::inputType() const
{
    const ScriptStep *s = step();
    if (!s)
        return QString();
    if (s->kind == ScriptStepKind::Question)
        return u"text"_s;
    return s->kind == ScriptStepKind::Input ? scriptInputTypeKey(s->input.type) : QString();
}

QString ScriptRunnerModel::inputHint() const
{
    const ScriptStep *s = step();
    if (!s || s->kind != ScriptStepKind::Input)
        return QString();
    switch (s->input.type) {
    case ScriptInputType::Pattern:
        return s->input.hint;
    case ScriptInputType::Postcode:
        return tr("A UK postcode, such as PL1 2AA");
    case ScriptInputType::Phone:
        return tr("A phone number, such as 07700 900123");
    case ScriptInputType::Email:
        return tr("An email address");
    case ScriptInputType::Date:
        return tr("A date as day/month/year, such as 15/12/2026");
    case ScriptInputType::Money:
        return tr("An amount in pounds, such as 35.50");
    case ScriptInputType::Number:
        return s->input.min && s->input.max ? tr("A number from %1 to %2").arg(*s->input.min).arg(*s->input.max) : tr("A number");
    case ScriptInputType::Text:
        break;
    }
    return QString();
}

bool ScriptRunnerModel::required() const
{
    const ScriptStep *s = step();
    return s && s->takesAnswer() && (s->required || s->kind == ScriptStepKind::Choice || s->kind == ScriptStepKind::Appointment);
}

QString ScriptRunnerModel::answerText() const
{
    const ScriptStep *s = step();
    if (!s || !s->takesAnswer())
        return QString();
    const QJsonValue given = m_run->answer(s->id);
    if (s->kind == ScriptStepKind::Input && s->input.type == ScriptInputType::Money && given.isDouble())
        return QString::number(given.toDouble(), 'f', 2);
    if (s->kind == ScriptStepKind::Choice)
        return given.toString();
    return scriptAnswerText(*s, given);
}

QString ScriptRunnerModel::chosenValue() const
{
    const ScriptStep *s = step();
    return s && s->kind == ScriptStepKind::Choice ? m_run->answer(s->id).toString() : QString();
}

int ScriptRunnerModel::stepNumber() const
{
    return m_run ? int(m_run->visibleHistory().size()) : 0;
}

QVariantList ScriptRunnerModel::summary() const
{
    QVariantList rows;
    if (!m_run)
        return rows;
    for (const QString &id : m_run->visibleHistory()) {
        const ScriptStep *s = m_run->script().step(id);
        if (!s->takesAnswer() || id == stepId())
            continue;
        QString given = scriptAnswerText(*s, m_run->answer(id), councilTimeZone());
        if (s->kind == ScriptStepKind::Appointment) { // the site by its name, the time as the desk shows times
            const QJsonObject booking = m_run->answer(id).toObject();
            const ServiceSite *site = m_knowledge.site(booking.value(u"site"_s).toString());
            given = tr("%1, %2").arg(site ? site->name : booking.value(u"site"_s).toString(),
                                     ukDateTimeText(QDateTime::fromString(booking.value(u"at"_s).toString(), Qt::ISODateWithMs)));
        }
        rows.append(QVariantMap { { u"stepId"_s, id },
                                  { u"prompt"_s, m_run->render(s->kind == ScriptStepKind::Appointment ? s->title : s->prompt) },
                                  { u"answer"_s, given.isEmpty() ? tr("(left empty)") : given } });
    }
    return rows;
}

QVariantMap ScriptRunnerModel::agency() const
{
    const ScriptStep *s = step();
    const PartnerAgency *a = s && s->kind == ScriptStepKind::Signpost ? m_knowledge.agency(s->agency) : nullptr;
    if (!a)
        return {};
    return { { u"key"_s, a->key },     { u"name"_s, a->name },   { u"phone"_s, a->phone },
             { u"web"_s, a->web },     { u"hours"_s, a->hours }, { u"helpsWith"_s, a->helpsWith } };
}

QVariantList ScriptRunnerModel::sites() const
{
    QVariantList rows;
    const ScriptStep *s = step();
    if (!s || s->kind != ScriptStepKind::Appointment)
        return rows;
    for (const QString &key : s->sites) {
        const ServiceSite *site = m_knowledge.site(key);
        rows.append(QVariantMap { { u"key"_s, key },
                                  { u"name"_s, site ? site->name : key },
                                  { u"address"_s, site ? site->address : QString() },
                                  { u"hours"_s, site ? site->hours : QString() } });
    }
    return rows;
}

QVariantMap ScriptRunnerModel::outcome() const
{
    if (!finished())
        return {};
    const Result<ScriptResult> result = m_run->result();
    if (!result)
        return {};
    const KnowledgeArticle *guide = m_knowledge.article(result->guide);
    return { { u"key"_s, outcomeKey(result->outcome) },
             { u"title"_s, outcomeDisplayName(result->outcome) },
             { u"text"_s, result->outcomeText },
             { u"guide"_s, result->guide },
             { u"guideTitle"_s, guide ? guide->title : QString() },
             { u"transferTo"_s, result->transferTo } };
}

QString ScriptRunnerModel::dateText(const QDateTime &utc) const
{
    return ukDateText(councilDate(utc));
}

QVariantList ScriptRunnerModel::raised() const
{
    QVariantList rows;
    if (!finished())
        return rows;
    const Result<ScriptResult> result = m_run->result();
    if (!result)
        return rows;
    for (const ScriptCaseDraft &draft : result->cases) {
        const RequestType *type = m_catalogue.requestType(draft.service, draft.requestType);
        rows.append(QVariantMap { { u"title"_s, type ? type->displayName : draft.requestType },
                                  { u"summary"_s, draft.summary },
                                  { u"team"_s, draft.team },
                                  { u"priority"_s, casePriorityDisplayName(draft.priority) },
                                  { u"promisedByText"_s, dateText(draft.promisedBy) },
                                  { u"acknowledgeByText"_s, draft.acknowledgeBy.isValid() ? dateText(draft.acknowledgeBy) : QString() } });
    }
    return rows;
}

namespace {

/// The article as an A4 PDF at `path`; true when written. Paints on no screen, so it runs on any thread.
bool writeGuidePdf(const KnowledgeArticle &guide, const QString &path)
{
    {
        QPdfWriter writer(path);
        writer.setTitle(guide.title);
        writer.setCreator(u"FirstContact"_s);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        QTextDocument document;
        document.setMarkdown(guide.body);
        document.setPageSize(QSizeF(writer.width(), writer.height()));
        QFont font = document.defaultFont();
        font.setPointSizeF(12);
        document.setDefaultFont(font);
        document.print(&writer);
    } // the writer finishes the file as it goes
    return QFileInfo(path).size() > 0;
}

} // namespace

const KnowledgeArticle *ScriptRunnerModel::guide()
{
    const KnowledgeArticle *found = m_knowledge.article(outcome().value(u"guide"_s).toString());
    if (!found)
        setErrorText(tr("This outcome has no guide to print."));
    return found;
}

bool ScriptRunnerModel::saveGuide(const QString &path)
{
    const KnowledgeArticle *article = guide();
    return article && writeGuidePdf(*article, path);
}

bool ScriptRunnerModel::printGuide()
{
    const KnowledgeArticle *article = guide();
    if (!article)
        return false;
    const QString path = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                             .filePath(u"firstcontact-"_s + article->id + u".pdf"_s);
    // Laying out and writing the PDF takes a moment: off the GUI thread, then the desktop's viewer opens it.
    QFuture<Status> written = QtConcurrent::run([copy = *article, path]() -> Status {
        if (writeGuidePdf(copy, path))
            return {};
        return makeError(u"ui.guide_not_written"_s, QCoreApplication::translate("fc::ScriptRunnerModel", "The guide could not be written to %1.").arg(path));
    });
    whenFinished(this, written, [this, path](const Status &done) {
        if (!done) {
            setErrorText(done.error().message);
            return;
        }
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        emit guidePrinted(path);
    });
    return true;
}

} // namespace fc
