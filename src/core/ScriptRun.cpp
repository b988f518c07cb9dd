#include "core/ScriptRun.h"

#include "core/ScriptAnswer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::ScriptRun", text);
}

Error broken(const QString &message)
{
    return makeError(u"script.broken"_s, message);
}

bool isUnset(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull();
}

int ageOn(QDate birth, QDate day)
{
    int age = day.year() - birth.year();
    if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day()))
        --age;
    return age;
}

} // namespace

ScriptRun::ScriptRun(std::shared_ptr<const Script> script, ScriptContext context)
    : m_script(std::move(script)),
      m_context(std::move(context))
{
}

Result<ScriptRun> ScriptRun::start(std::shared_ptr<const Script> script, ScriptContext context)
{
    if (!script || script->steps.isEmpty())
        return broken(tr("The script has no steps."));
    if (!context.now.isValid())
        context.now = QDateTime::currentDateTimeUtc();
    ScriptRun run(std::move(script), std::move(context));
    if (Status arrived = run.arriveAt(run.m_script->start); !arrived)
        return arrived.error();
    return run;
}

const ScriptStep &ScriptRun::current() const
{
    return *m_script->step(m_path.constLast());
}

bool ScriptRun::canGoBack() const
{
    for (qsizetype i = m_path.size() - 2; i >= 0; --i) {
        if (m_script->step(m_path.at(i))->kind != ScriptStepKind::Condition)
            return true;
    }
    return false;
}

Status ScriptRun::arriveAt(const QString &from)
{
    QString id = from;
    // A validated script has no loop of conditions only; a broken one must not spin here.
    for (qsizetype passed = 0; passed <= m_script->steps.size(); ++passed) {
        const ScriptStep *step = m_script->step(id);
        if (!step)
            return broken(tr("The script goes to a step called '%1', which it does not have.").arg(id));
        m_path.append(id);
        if (step->kind != ScriptStepKind::Condition)
            return {};
        id = evaluate(step->when) ? step->thenStep : step->elseStep;
    }
    return broken(tr("The script's conditions go round in a loop without asking anything."));
}

QString ScriptRun::targetAfter(const ScriptStep &step) const
{
    if (step.kind == ScriptStepKind::Choice)
        return step.targetFor(m_answers.value(step.id).toString());
    return step.next;
}

Status ScriptRun::setAnswer(const QJsonValue &given)
{
    const ScriptStep &step = current();
    Result<QJsonValue> accepted = acceptScriptAnswer(step, given, m_context);
    if (!accepted)
        return accepted.error();
    const QJsonValue before = answer(step.id);
    if (before == *accepted)
        return {};
    m_answers.insert(step.id, *accepted);
    if (!before.isUndefined())
        dropDependentsOf(step.id);
    return {};
}

void ScriptRun::dropDependentsOf(const QString &changedStepId)
{
    // The steps the run would pass now, from the changed one on, with the answers already held.
    QSet<QString> keep(m_path.cbegin(), m_path.cend());
    QString id = changedStepId;
    for (qsizetype guard = 0; guard <= 2 * m_script->steps.size(); ++guard) {
        const ScriptStep *step = m_script->step(id);
        if (!step || step->kind == ScriptStepKind::Outcome)
            break;
        if (step->takesAnswer() && isUnset(answer(step->id)) && (step->required || step->kind == ScriptStepKind::Choice))
            break;
        const QString target = step->kind == ScriptStepKind::Condition ? (evaluate(step->when) ? step->thenStep : step->elseStep)
                                                                       : targetAfter(*step);
        if (target.isEmpty() || keep.contains(target))
            break;
        keep.insert(target);
        id = target;
    }
    const QString placeholder = u'{' + changedStepId + u'}';
    for (auto it = m_answers.begin(); it != m_answers.end();) {
        const ScriptStep *step = m_script->step(it.key());
        const QStringList texts = step ? step->texts() : QStringList();
        const bool readsChanged = it.key() != changedStepId
            && std::any_of(texts.cbegin(), texts.cend(), [&](const QString &text) { return text.contains(placeholder); });
        if (!keep.contains(it.key()) || readsChanged)
            it = m_answers.erase(it);
        else
            ++it;
    }
}

Status ScriptRun::next()
{
    const ScriptStep &step = current();
    if (step.kind == ScriptStepKind::Outcome)
        return makeError(u"script.finished"_s, tr("The script has ended; wrap the contact up."));
    if (step.takesAnswer() && isUnset(answer(step.id))) {
        const bool needed = step.required || step.kind == ScriptStepKind::Choice || step.kind == ScriptStepKind::Appointment;
        if (needed)
            return makeError(u"script.answer_required"_s,
                             step.kind == ScriptStepKind::Choice ? tr("Choose one of the options first.")
                                                                 : tr("An answer is needed before going on."));
        m_answers.insert(step.id, QJsonValue(QJsonValue::Null)); // left empty on purpose
    }
    const QString target = targetAfter(step);
    if (target.isEmpty())
        return broken(tr("Step '%1' leads nowhere.").arg(step.id));
    const qsizetype before = m_path.size();
    if (Status arrived = arriveAt(target); !arrived) {
        m_path.resize(before);
        return arrived;
    }
    return {};
}

bool ScriptRun::back()
{
    if (!canGoBack())
        return false;
    m_path.removeLast();
    while (m_script->step(m_path.constLast())->kind == ScriptStepKind::Condition)
        m_path.removeLast();
    return true;
}

QStringList ScriptRun::visibleHistory() const
{
    QStringList out;
    for (const QString &id : m_path) {
        if (m_script->step(id)->kind != ScriptStepKind::Condition)
            out.append(id);
    }
    return out;
}

bool ScriptRun::compare(const QString &comparison, const QJsonValue &value, const QJsonValue &operand, bool isDate) const
{
    const QDate today = m_context.today();
    const auto asDate = [&](const QJsonValue &v) {
        const std::optional<ScriptDateBound> bound = ScriptDateBound::parse(v.toString());
        return bound ? bound->resolve(today) : QDate();
    };
    const auto equal = [&](const QJsonValue &a, const QJsonValue &b) {
        if (isDate)
            return asDate(a).isValid() && asDate(a) == asDate(b);
        if (a.isDouble() && b.isDouble())
            return qFuzzyCompare(1.0 + a.toDouble(), 1.0 + b.toDouble());
        return a == b;
    };
    if (comparison == u"equals"_s)
        return equal(value, operand);
    if (comparison == u"notEquals"_s)
        return !equal(value, operand);
    if (comparison == u"in"_s) {
        const QJsonArray list = operand.toArray();
        return std::any_of(list.begin(), list.end(), [&](const QJsonValue &item) { return equal(value, item); });
    }
    int order = 0;
    if (isDate) {
        const QDate a = asDate(value), b = asDate(operand);
        if (!a.isValid() || !b.isValid())
            return false;
        order = a < b ? -1 : (a > b ? 1 : 0);
    } else {
        if (!value.isDouble() || !operand.isDouble())
            return false;
        const double a = value.toDouble(), b = operand.toDouble();
        order = a < b ? -1 : (a > b ? 1 : 0);
    }
    if (comparison == u"lt"_s)
        return order < 0;
    if (comparison == u"le"_s)
        return order <= 0;
    if (comparison == u"gt"_s)
        return order > 0;
    if (comparison == u"ge"_s)
        return order >= 0;
    return false;
}

bool ScriptRun::evaluate(const ScriptCondition &c) const
{
    switch (c.kind) {
    case ScriptCondition::Kind::All:
        return std::all_of(c.children.cbegin(), c.children.cend(), [this](const ScriptCondition &child) { return evaluate(child); });
    case ScriptCondition::Kind::Any:
        return std::any_of(c.children.cbegin(), c.children.cend(), [this](const ScriptCondition &child) { return evaluate(child); });
    case ScriptCondition::Kind::Not:
        return !c.children.isEmpty() && !evaluate(c.children.first());
    case ScriptCondition::Kind::Answer: {
        const QJsonValue value = answer(c.subject);
        if (c.comparison == u"given"_s)
            return !isUnset(value) == c.operand.toBool();
        if (isUnset(value))
            return false;
        const ScriptStep *step = m_script->step(c.subject);
        const bool isDate = step && step->kind == ScriptStepKind::Input && step->input.type == ScriptInputType::Date;
        return compare(c.comparison, value, c.operand, isDate);
    }
    case ScriptCondition::Kind::Customer:
        break;
    }

    const ScriptCustomerFacts &customer = m_context.customer;
    bool fact = false;
    if (c.subject == u"known"_s) {
        fact = customer.known;
    } else if (c.subject == u"age"_s) {
        if (!customer.known || !customer.dateOfBirth.isValid())
            return false;
        return compare(c.comparison, QJsonValue(ageOn(customer.dateOfBirth, m_context.today())), c.operand, false);
    } else if (c.subject == u"hasAccessNeed"_s) {
        const std::optional<AccessNeed> need = accessNeedFromKey(c.need);
        fact = need && customer.accessNeeds.has(*need);
    } else if (c.subject == u"hasFlag"_s) {
        fact = c.flagKind == u"vulnerability"_s ? customer.vulnerability : customer.staffSafety;
    } else if (c.subject == u"hasCase"_s) {
        const QDate since = c.withinWorkingDays > 0 ? m_context.workingDaysAgo(c.withinWorkingDays) : QDate();
        fact = std::any_of(customer.cases.cbegin(), customer.cases.cend(), [&](const ScriptCaseFact &k) {
            return k.service == c.service && (c.requestType.isEmpty() || k.requestType == c.requestType)
                && (!c.openOnly || k.open) && (!since.isValid() || m_context.localDate(k.raisedAt) >= since);
        });
    } else if (c.subject == u"hasContact"_s) {
        const QDate since = m_context.workingDaysAgo(c.withinWorkingDays);
        fact = std::any_of(customer.contacts.cbegin(), customer.contacts.cend(), [&](const ScriptContactFact &k) {
            return k.service == c.service && (c.reason.isEmpty() || k.reason == c.reason)
                && m_context.localDate(k.at) >= since;
        });
    }
    if (c.comparison == u"equals"_s)
        return fact == c.operand.toBool();
    if (c.comparison == u"notEquals"_s)
        return fact != c.operand.toBool();
    return fact;
}

QString ScriptRun::placeholderText(const QString &name) const
{
    if (name == u"customer.name"_s)
        return m_context.customer.name;
    if (name == u"customer.address"_s)
        return m_context.customer.address;
    if (name == u"customer.postcode"_s)
        return m_context.customer.postcode;
    const ScriptStep *step = m_script->step(name);
    const QTimeZone zone = m_context.calendar ? m_context.calendar->timeZone() : QTimeZone::utc();
    return step ? scriptAnswerText(*step, answer(name), zone) : QString();
}

QString ScriptRun::render(const QString &text) const
{
    QString out = text;
    for (const QString &name : scriptPlaceholders(text))
        out.replace(u'{' + name + u'}', placeholderText(name));
    return out;
}

Result<ScriptResult> ScriptRun::result() const
{
    const ScriptStep &end = current();
    if (end.kind != ScriptStepKind::Outcome)
        return makeError(u"script.not_finished"_s, tr("The script has not reached an outcome yet."));
    ScriptResult result;
    result.scriptId = m_script->id;
    result.scriptVersion = m_script->version;
    result.endStepId = end.id;
    result.outcome = end.outcome;
    result.outcomeText = render(end.text);
    result.transferTo = end.transferTo;
    result.guide = end.guide;
    result.path = m_path;

    const auto promise = [this](int workingDays) -> QDateTime {
        if (m_context.calendar) {
            const Result<QDateTime> by = m_context.calendar->promisedBy(m_context.now, workingDays);
            return by ? by.value() : QDateTime();
        }
        return QDateTime(m_context.workingDaysAhead(workingDays), QTime(17, 0), QTimeZone::utc());
    };

    for (const QString &id : m_path) {
        const ScriptStep &step = *m_script->step(id);
        const QJsonValue given = answer(id);
        if (step.takesAnswer() && !isUnset(given))
            result.answers.insert(id, given);
        if (step.kind == ScriptStepKind::CreateCase) {
            ScriptCaseDraft draft;
            draft.stepId = id;
            draft.service = step.service.isEmpty() ? m_script->service : step.service;
            draft.requestType = step.requestType;
            draft.priority = step.priority;
            draft.summary = render(step.summary);
            for (const ScriptField &field : step.fields)
                draft.fields.insert(field.name, render(field.value));
            const RequestType *type = m_context.catalogue.requestType(draft.service, draft.requestType);
            if (!type)
                return broken(tr("Step '%1' raises a request type the catalogue does not have.").arg(id));
            draft.team = type->owningTeam;
            const QDate chosen = QDate::fromString(answer(step.promiseOnAnswer).toString(), Qt::ISODate);
            if (!step.promiseOnAnswer.isEmpty() && chosen.isValid())
                draft.promisedBy = m_context.calendar ? m_context.calendar->endOfWorkingDay(chosen)
                                                      : QDateTime(chosen, QTime(17, 0), QTimeZone::utc());
            else
                draft.promisedBy = promise(step.promiseWorkingDays.value_or(type->promiseWorkingDays));
            if (step.acknowledgeWorkingDays)
                draft.acknowledgeBy = promise(*step.acknowledgeWorkingDays);
            result.cases.append(draft);
        } else if (step.kind == ScriptStepKind::Appointment && given.isObject()) {
            const QJsonObject booking = given.toObject();
            result.appointments.append(ScriptAppointmentDraft {
                id, step.appointmentType, booking.value(u"site"_s).toString(),
                QDateTime::fromString(booking.value(u"at"_s).toString(), Qt::ISODateWithMs).toUTC() });
        } else if (step.kind == ScriptStepKind::Signpost) {
            result.signposts.append(step.agency);
        }
    }
    return result;
}

} // namespace fc
