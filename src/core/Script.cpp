#include "core/Script.h"

#include "core/JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::Script", text);
}

constexpr qsizetype kMaxText = 4000;
constexpr qsizetype kMaxKey = 64;

const QRegularExpression &stepIdPattern()
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9_]{0,63}$"_s);
    return pattern;
}

const QRegularExpression &scriptIdPattern()
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9-]{0,63}$"_s);
    return pattern;
}

const QStringList &comparisons()
{
    static const QStringList list { u"equals"_s, u"notEquals"_s, u"in"_s, u"lt"_s,
                                    u"le"_s,     u"gt"_s,        u"ge"_s, u"given"_s };
    return list;
}

const QStringList &customerFacts()
{
    static const QStringList list { u"known"_s,   u"age"_s,     u"hasAccessNeed"_s,
                                    u"hasFlag"_s, u"hasCase"_s, u"hasContact"_s };
    return list;
}

/// Collects the problems of one script as it is read; the first of each object is kept.
class Reader {
public:
    QList<ScriptProblem> problems;

    void add(const QString &code, const QString &stepId, const QString &message)
    {
        problems.append(ScriptProblem { code, stepId, message, {} });
    }

    /// Turns a JsonReader's first problem into a script problem for the step.
    bool check(const JsonReader &reader, const QString &stepId)
    {
        const Status status = reader.status();
        if (status)
            return true;
        add(u"script.bad_field"_s, stepId, status.error().message);
        return false;
    }

    void readOptions(JsonReader &r, ScriptStep &step, const QString &context)
    {
        const QJsonArray array = r.array(u"options"_s, Script::kMaxOptions + 1);
        if (array.size() > Script::kMaxOptions) {
            add(u"script.too_large"_s, step.id, tr("Step '%1' has more than %2 options.").arg(step.id).arg(Script::kMaxOptions));
            return;
        }
        if (array.size() < 2 && r.has(u"options"_s)) {
            add(u"script.bad_field"_s, step.id, tr("Step '%1' needs at least two options.").arg(step.id));
            return;
        }
        QSet<QString> values;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString optionContext = context + u".options["_s + QString::number(i) + u']';
            if (!array.at(i).isObject()) {
                add(u"script.bad_field"_s, step.id, tr("Field '%1' must be an object.").arg(optionContext));
                continue;
            }
            JsonReader o(array.at(i).toObject(), optionContext);
            ScriptOption option;
            option.value = o.string(u"value"_s, kMaxKey, true);
            option.label = o.string(u"label"_s, kMaxText, true);
            option.next = o.string(u"next"_s, kMaxKey);
            if (!check(o, step.id))
                continue;
            if (values.contains(option.value))
                add(u"script.bad_field"_s, step.id, tr("Step '%1' offers the value '%2' twice.").arg(step.id, option.value));
            values.insert(option.value);
            step.options.append(option);
        }
    }

    std::optional<double> number(const QJsonObject &object, JsonReader &r, const QString &name, const QString &stepId)
    {
        r.skip(name);
        if (!object.contains(name))
            return std::nullopt;
        const QJsonValue v = object.value(name);
        if (!v.isDouble()) {
            add(u"script.bad_field"_s, stepId, tr("Step '%1': field '%2' must be a number.").arg(stepId, name));
            return std::nullopt;
        }
        return v.toDouble();
    }

    std::optional<ScriptDateBound> dateBound(JsonReader &r, const QString &name, const QString &stepId)
    {
        const QString text = r.string(name, kMaxKey);
        if (text.isEmpty())
            return std::nullopt;
        std::optional<ScriptDateBound> bound = ScriptDateBound::parse(text);
        if (!bound)
            add(u"script.bad_field"_s, stepId,
                tr("Step '%1': '%2' is not a date bound (today, today+N, today-N or yyyy-MM-dd).").arg(stepId, text));
        return bound;
    }

    void readInput(const QJsonObject &object, ScriptStep &step, const QString &context)
    {
        JsonReader r(object, context);
        const QString typeKey = r.string(u"type"_s, kMaxKey, true);
        const std::optional<ScriptInputType> type = scriptInputTypeFromKey(typeKey);
        if (!typeKey.isEmpty() && !type) {
            add(u"script.bad_field"_s, step.id, tr("Step '%1': '%2' is not an input type.").arg(step.id, typeKey));
            return;
        }
        ScriptInputSpec &in = step.input;
        in.type = type.value_or(ScriptInputType::Text);
        switch (in.type) {
        case ScriptInputType::Text:
            in.maxLength = int(r.integer(u"maxLength"_s, 200, 1, kMaxText));
            break;
        case ScriptInputType::Pattern: {
            in.maxLength = int(r.integer(u"maxLength"_s, 200, 1, kMaxText));
            in.pattern = r.string(u"pattern"_s, 500, true);
            in.hint = r.string(u"hint"_s, kMaxText, true);
            const QRegularExpression re(in.pattern);
            if (!in.pattern.isEmpty() && !re.isValid())
                add(u"script.bad_field"_s, step.id,
                    tr("Step '%1': the pattern does not compile (%2).").arg(step.id, re.errorString()));
            break;
        }
        case ScriptInputType::Postcode:
        case ScriptInputType::Phone:
        case ScriptInputType::Email:
            break;
        case ScriptInputType::Date:
            in.minDate = dateBound(r, u"min"_s, step.id);
            in.maxDate = dateBound(r, u"max"_s, step.id);
            in.workingDay = r.boolean(u"workingDay"_s, false);
            break;
        case ScriptInputType::Number:
        case ScriptInputType::Money:
            in.min = number(object, r, u"min"_s, step.id);
            in.max = number(object, r, u"max"_s, step.id);
            if (in.type == ScriptInputType::Number)
                in.decimals = int(r.integer(u"decimals"_s, 0, 0, 6));
            if (in.min && in.max && *in.min > *in.max)
                add(u"script.bad_field"_s, step.id, tr("Step '%1': min is above max.").arg(step.id));
            break;
        }
        check(r, step.id);
    }

    std::optional<ScriptCondition> readCondition(const QJsonValue &value, const QString &stepId, const QString &context,
                                                 int depth)
    {
        if (depth > Script::kMaxConditionDepth) {
            add(u"script.too_large"_s, stepId,
                tr("Step '%1': conditions nest deeper than %2 levels.").arg(stepId).arg(Script::kMaxConditionDepth));
            return std::nullopt;
        }
        if (!value.isObject()) {
            add(u"script.bad_field"_s, stepId, tr("Field '%1' must be a condition object.").arg(context));
            return std::nullopt;
        }
        const QJsonObject object = value.toObject();
        ScriptCondition c;
        const QStringList heads { u"answer"_s, u"customer"_s, u"all"_s, u"any"_s, u"not"_s };
        QStringList present;
        for (const QString &head : heads) {
            if (object.contains(head))
                present.append(head);
        }
        if (present.size() != 1) {
            add(u"script.bad_field"_s, stepId,
                tr("Field '%1' must have exactly one of answer, customer, all, any or not.").arg(context));
            return std::nullopt;
        }
        const QString head = present.first();
        if (head == u"all"_s || head == u"any"_s || head == u"not"_s) {
            if (object.size() != 1) {
                add(u"script.bad_field"_s, stepId, tr("Field '%1': '%2' takes nothing beside it.").arg(context, head));
                return std::nullopt;
            }
            if (head == u"not"_s) {
                c.kind = ScriptCondition::Kind::Not;
                std::optional<ScriptCondition> child = readCondition(object.value(head), stepId, context + u".not"_s, depth + 1);
                if (!child)
                    return std::nullopt;
                c.children.append(*child);
                return c;
            }
            c.kind = head == u"all"_s ? ScriptCondition::Kind::All : ScriptCondition::Kind::Any;
            const QJsonValue list = object.value(head);
            if (!list.isArray() || list.toArray().isEmpty() || list.toArray().size() > 50) {
                add(u"script.bad_field"_s, stepId, tr("Field '%1.%2' must be a list of 1 to 50 conditions.").arg(context, head));
                return std::nullopt;
            }
            const QJsonArray array = list.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                std::optional<ScriptCondition> child = readCondition(
                    array.at(i), stepId, context + u'.' + head + u'[' + QString::number(i) + u']', depth + 1);
                if (!child)
                    return std::nullopt;
                c.children.append(*child);
            }
            return c;
        }

        JsonReader r(object, context);
        c.kind = head == u"answer"_s ? ScriptCondition::Kind::Answer : ScriptCondition::Kind::Customer;
        c.subject = r.string(head, kMaxKey, true);
        for (const QString &op : comparisons()) {
            if (object.contains(op)) {
                if (!c.comparison.isEmpty()) {
                    add(u"script.bad_field"_s, stepId, tr("Field '%1' has two comparisons ('%2' and '%3').").arg(context, c.comparison, op));
                    return std::nullopt;
                }
                c.comparison = op;
                c.operand = object.value(op);
                r.skip(op);
            }
        }
        if (c.kind == ScriptCondition::Kind::Answer) {
            if (c.comparison.isEmpty()) {
                add(u"script.bad_field"_s, stepId, tr("Field '%1' compares the answer with nothing: add equals, in, lt, ... or given.").arg(context));
                return std::nullopt;
            }
        } else {
            if (!c.subject.isEmpty() && !customerFacts().contains(c.subject)) {
                add(u"script.unknown_reference"_s, stepId, tr("Step '%1': '%2' is not a customer fact.").arg(stepId, c.subject));
                return std::nullopt;
            }
            if (c.subject == u"hasAccessNeed"_s)
                c.need = r.string(u"need"_s, kMaxKey, true);
            else if (c.subject == u"hasFlag"_s)
                c.flagKind = r.string(u"kind"_s, kMaxKey, true);
            else if (c.subject == u"hasCase"_s || c.subject == u"hasContact"_s) {
                c.service = r.string(u"service"_s, kMaxKey, true);
                if (c.subject == u"hasCase"_s) {
                    c.requestType = r.string(u"requestType"_s, kMaxKey);
                    c.openOnly = r.boolean(u"open"_s, true);
                    c.withinWorkingDays = int(r.integer(u"withinWorkingDays"_s, 0, 1, 1000));
                } else {
                    c.reason = r.string(u"reason"_s, kMaxKey);
                    c.withinWorkingDays = int(r.integer(u"withinWorkingDays"_s, 10, 1, 1000));
                }
            }
        }
        if (c.comparison == u"in"_s && (!c.operand.isArray() || c.operand.toArray().isEmpty())) {
            add(u"script.bad_field"_s, stepId, tr("Field '%1.in' must be a list of values.").arg(context));
            return std::nullopt;
        }
        if (c.comparison == u"given"_s && !c.operand.isBool()) {
            add(u"script.type_mismatch"_s, stepId, tr("Field '%1.given' must be true or false.").arg(context));
            return std::nullopt;
        }
        if (!check(r, stepId))
            return std::nullopt;
        return c;
    }

    std::optional<ScriptStep> readStep(const QJsonValue &value, qsizetype index)
    {
        const QString context = u"steps["_s + QString::number(index) + u']';
        if (!value.isObject()) {
            add(u"script.bad_field"_s, QString(), tr("Field '%1' must be a step object.").arg(context));
            return std::nullopt;
        }
        const QJsonObject object = value.toObject();
        JsonReader r(object, context);
        ScriptStep step;
        step.id = r.string(u"id"_s, 200, true);
        const QString kindKey = r.string(u"kind"_s, kMaxKey, true);
        if (!r.status(false)) {
            check(r, QString());
            return std::nullopt;
        }
        if (!stepIdPattern().match(step.id).hasMatch()) {
            add(u"script.bad_field"_s, step.id,
                tr("Step id '%1' must be lower-case letters, digits and _, starting with a letter, at most 64.").arg(step.id));
            return std::nullopt;
        }
        const std::optional<ScriptStepKind> kind = scriptStepKindFromKey(kindKey);
        if (!kind) {
            add(u"script.unknown_kind"_s, step.id, tr("Step '%1' is of kind '%2', which this format does not have.").arg(step.id, kindKey));
            return std::nullopt;
        }
        step.kind = *kind;
        const QString ctx = step.id;
        switch (step.kind) {
        case ScriptStepKind::Question:
            step.prompt = r.string(u"prompt"_s, kMaxText, true);
            step.next = r.string(u"next"_s, kMaxKey, true);
            step.required = r.boolean(u"required"_s, true);
            step.maxLength = int(r.integer(u"maxLength"_s, 2000, 1, 20000));
            break;
        case ScriptStepKind::Choice:
            step.prompt = r.string(u"prompt"_s, kMaxText, true);
            step.next = r.string(u"next"_s, kMaxKey);
            if (!r.has(u"options"_s))
                add(u"script.bad_field"_s, step.id, tr("Step '%1' needs options.").arg(step.id));
            readOptions(r, step, ctx);
            break;
        case ScriptStepKind::Input: {
            step.prompt = r.string(u"prompt"_s, kMaxText, true);
            step.next = r.string(u"next"_s, kMaxKey, true);
            step.required = r.boolean(u"required"_s, true);
            const QJsonValue input = object.value(u"input"_s);
            r.skip(u"input"_s);
            if (!input.isObject())
                add(u"script.bad_field"_s, step.id, tr("Step '%1' needs an input object with a type.").arg(step.id));
            else
                readInput(input.toObject(), step, ctx + u".input"_s);
            break;
        }
        case ScriptStepKind::Information:
            step.text = r.string(u"text"_s, kMaxText, true);
            step.next = r.string(u"next"_s, kMaxKey, true);
            step.guide = r.string(u"guide"_s, kMaxKey);
            break;
        case ScriptStepKind::Knowledge:
            step.article = r.string(u"article"_s, kMaxKey, true);
            step.prompt = r.string(u"prompt"_s, kMaxText);
            step.next = r.string(u"next"_s, kMaxKey, true);
            break;
        case ScriptStepKind::Condition: {
            step.thenStep = r.string(u"then"_s, kMaxKey, true);
            step.elseStep = r.string(u"else"_s, kMaxKey, true);
            r.skip(u"when"_s);
            if (!object.contains(u"when"_s)) {
                add(u"script.bad_field"_s, step.id, tr("Step '%1' needs a 'when' condition.").arg(step.id));
            } else {
                std::optional<ScriptCondition> when = readCondition(object.value(u"when"_s), step.id, ctx + u".when"_s, 1);
                if (when)
                    step.when = *when;
            }
            break;
        }
        case ScriptStepKind::CreateCase: {
            step.service = r.string(u"service"_s, kMaxKey);
            step.requestType = r.string(u"requestType"_s, kMaxKey, true);
            step.summary = r.string(u"summary"_s, 500, true);
            step.next = r.string(u"next"_s, kMaxKey, true);
            const QString priority = r.string(u"priority"_s, kMaxKey);
            if (!priority.isEmpty()) {
                if (std::optional<CasePriority> p = casePriorityFromKey(priority))
                    step.priority = *p;
                else
                    add(u"script.bad_field"_s, step.id, tr("Step '%1': '%2' is not a priority.").arg(step.id, priority));
            }
            const QJsonObject promise = r.object(u"promise"_s);
            if (!promise.isEmpty()) {
                JsonReader p(promise, ctx + u".promise"_s);
                if (p.has(u"workingDays"_s))
                    step.promiseWorkingDays = int(p.integer(u"workingDays"_s, 0, 0, 250));
                if (p.has(u"acknowledgeWorkingDays"_s))
                    step.acknowledgeWorkingDays = int(p.integer(u"acknowledgeWorkingDays"_s, 0, 0, 250));
                step.promiseOnAnswer = p.string(u"onAnswer"_s, kMaxKey);
                if (!step.promiseOnAnswer.isEmpty() && step.promiseWorkingDays)
                    add(u"script.bad_field"_s, step.id,
                        tr("Step '%1' promises both by working days and on a chosen day: keep one.").arg(step.id));
                check(p, step.id);
            }
            const QJsonObject fields = r.object(u"fields"_s);
            if (fields.size() > 50)
                add(u"script.too_large"_s, step.id, tr("Step '%1' has more than 50 fields.").arg(step.id));
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                if (!it.value().isString() || it.value().toString().size() > kMaxText || it.key().size() > kMaxKey)
                    add(u"script.bad_field"_s, step.id, tr("Step '%1': field '%2' must be a short text.").arg(step.id, it.key()));
                else
                    step.fields.append(ScriptField { it.key(), it.value().toString() });
            }
            break;
        }
        case ScriptStepKind::Appointment:
            step.appointmentType = r.string(u"appointmentType"_s, kMaxKey, true);
            step.title = r.string(u"title"_s, kMaxText, true);
            step.sites = r.stringArray(u"sites"_s, 50, kMaxKey);
            step.withinWorkingDays = int(r.integer(u"withinWorkingDays"_s, 10, 1, 250));
            step.next = r.string(u"next"_s, kMaxKey, true);
            if (step.sites.isEmpty() && r.status(false))
                add(u"script.bad_field"_s, step.id, tr("Step '%1' needs at least one site.").arg(step.id));
            break;
        case ScriptStepKind::Signpost:
            step.agency = r.string(u"agency"_s, kMaxKey, true);
            step.text = r.string(u"text"_s, kMaxText);
            step.next = r.string(u"next"_s, kMaxKey, true);
            break;
        case ScriptStepKind::Outcome: {
            const QString key = r.string(u"outcome"_s, kMaxKey, true);
            step.text = r.string(u"text"_s, kMaxText, true);
            step.transferTo = r.string(u"transferTo"_s, kMaxKey);
            step.guide = r.string(u"guide"_s, kMaxKey);
            if (std::optional<Outcome> outcome = outcomeFromKey(key)) {
                step.outcome = *outcome;
                if (step.outcome == Outcome::Transferred && step.transferTo.isEmpty())
                    add(u"script.bad_field"_s, step.id, tr("Step '%1' transfers, so it needs transferTo.").arg(step.id));
                if (step.outcome == Outcome::AssistedSelfService && step.guide.isEmpty())
                    add(u"script.bad_field"_s, step.id,
                        tr("Step '%1' is assisted self-service, so it needs the guide the resident takes away.").arg(step.id));
            } else if (!key.isEmpty()) {
                add(u"script.bad_field"_s, step.id, tr("Step '%1': '%2' is not an outcome.").arg(step.id, key));
            }
            break;
        }
        }
        if (!check(r, step.id))
            return std::nullopt;
        return step;
    }
};

} // namespace

QString scriptStepKindKey(ScriptStepKind kind)
{
    switch (kind) {
    case ScriptStepKind::Question:
        return u"question"_s;
    case ScriptStepKind::Choice:
        return u"choice"_s;
    case ScriptStepKind::Input:
        return u"input"_s;
    case ScriptStepKind::Information:
        return u"information"_s;
    case ScriptStepKind::Knowledge:
        return u"knowledge"_s;
    case ScriptStepKind::Condition:
        return u"condition"_s;
    case ScriptStepKind::CreateCase:
        return u"create_case"_s;
    case ScriptStepKind::Appointment:
        return u"appointment"_s;
    case ScriptStepKind::Signpost:
        return u"signpost"_s;
    case ScriptStepKind::Outcome:
        return u"outcome"_s;
    }
    return QString();
}

std::optional<ScriptStepKind> scriptStepKindFromKey(QStringView key)
{
    for (ScriptStepKind kind :
         { ScriptStepKind::Question, ScriptStepKind::Choice, ScriptStepKind::Input, ScriptStepKind::Information,
           ScriptStepKind::Knowledge, ScriptStepKind::Condition, ScriptStepKind::CreateCase,
           ScriptStepKind::Appointment, ScriptStepKind::Signpost, ScriptStepKind::Outcome }) {
        if (scriptStepKindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QString scriptInputTypeKey(ScriptInputType type)
{
    switch (type) {
    case ScriptInputType::Text:
        return u"text"_s;
    case ScriptInputType::Pattern:
        return u"pattern"_s;
    case ScriptInputType::Postcode:
        return u"postcode"_s;
    case ScriptInputType::Phone:
        return u"phone"_s;
    case ScriptInputType::Email:
        return u"email"_s;
    case ScriptInputType::Date:
        return u"date"_s;
    case ScriptInputType::Number:
        return u"number"_s;
    case ScriptInputType::Money:
        return u"money"_s;
    }
    return QString();
}

std::optional<ScriptInputType> scriptInputTypeFromKey(QStringView key)
{
    for (ScriptInputType type : { ScriptInputType::Text, ScriptInputType::Pattern, ScriptInputType::Postcode,
                                  ScriptInputType::Phone, ScriptInputType::Email, ScriptInputType::Date,
                                  ScriptInputType::Number, ScriptInputType::Money }) {
        if (scriptInputTypeKey(type) == key)
            return type;
    }
    return std::nullopt;
}

std::optional<ScriptDateBound> ScriptDateBound::parse(QStringView text)
{
    static const QRegularExpression relative(u"^today(?:([+-])([0-9]{1,4}))?$"_s);
    const QRegularExpressionMatch match = relative.match(text.toString());
    if (match.hasMatch()) {
        ScriptDateBound bound;
        bound.relative = true;
        if (match.hasCaptured(2)) {
            bound.offsetDays = match.captured(2).toInt();
            if (match.captured(1) == u"-"_s)
                bound.offsetDays = -bound.offsetDays;
        }
        return bound;
    }
    const QDate date = QDate::fromString(text.toString(), u"yyyy-MM-dd"_s);
    if (!date.isValid())
        return std::nullopt;
    ScriptDateBound bound;
    bound.relative = false;
    bound.date = date;
    return bound;
}

QStringList ScriptStep::targets() const
{
    QStringList out;
    const auto add = [&out](const QString &id) {
        if (!id.isEmpty() && !out.contains(id))
            out.append(id);
    };
    if (kind == ScriptStepKind::Condition) {
        add(thenStep);
        add(elseStep);
        return out;
    }
    if (kind == ScriptStepKind::Choice) {
        for (const ScriptOption &option : options)
            add(option.next.isEmpty() ? next : option.next);
        return out;
    }
    add(next);
    return out;
}

QString ScriptStep::targetFor(const QString &optionValue) const
{
    for (const ScriptOption &option : options) {
        if (option.value == optionValue)
            return option.next.isEmpty() ? next : option.next;
    }
    return QString();
}

bool ScriptStep::takesAnswer() const
{
    return kind == ScriptStepKind::Question || kind == ScriptStepKind::Choice || kind == ScriptStepKind::Input
        || kind == ScriptStepKind::Appointment;
}

QStringList ScriptStep::texts() const
{
    QStringList out { prompt, text, summary, title };
    for (const ScriptOption &option : options)
        out.append(option.label);
    for (const ScriptField &field : fields)
        out.append(field.value);
    out.removeAll(QString());
    return out;
}

const ScriptStep *Script::step(QStringView id) const
{
    const auto it = m_index.constFind(id.toString());
    return it == m_index.cend() ? nullptr : &steps.at(*it);
}

void Script::reindex()
{
    m_index.clear();
    for (qsizetype i = 0; i < steps.size(); ++i)
        m_index.insert(steps.at(i).id, i);
}

QString ScriptProblem::text() const
{
    QString out = message;
    if (!path.isEmpty())
        out += u" ("_s + tr("path: %1").arg(path.join(u" \u2192 "_s)) + u')';
    return out;
}

QStringList scriptPlaceholders(const QString &text)
{
    static const QRegularExpression placeholder(u"\\{([a-z][a-z0-9_.]*)\\}"_s);
    QStringList names;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

Result<Script> parseScript(const QByteArray &json, QList<ScriptProblem> *problems)
{
    Reader reader;
    const auto fail = [&]() -> Result<Script> {
        const QString first = reader.problems.isEmpty() ? QString() : reader.problems.first().text();
        if (problems)
            *problems = reader.problems;
        return makeError(reader.problems.first().code, first);
    };
    if (json.size() > Script::kMaxBytes) {
        reader.add(u"script.too_large"_s, QString(), tr("The script is larger than 1 MiB."));
        return fail();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        reader.add(u"script.not_json"_s, QString(),
                   parseError.error != QJsonParseError::NoError
                       ? tr("The script is not valid JSON: %1 at character %2.").arg(parseError.errorString()).arg(parseError.offset)
                       : tr("The script must be a JSON object."));
        return fail();
    }
    const QJsonObject object = document.object();
    JsonReader r(object, QString());
    Script script;
    const qint64 format = r.integer(u"format"_s, 0, 0, 1000000);
    script.id = r.string(u"id"_s, kMaxKey, true);
    script.version = int(r.integer(u"version"_s, 0, 1, 1000000));
    script.service = r.string(u"service"_s, kMaxKey, true);
    script.reason = r.string(u"reason"_s, kMaxKey, true);
    script.title = r.string(u"title"_s, 200, true);
    script.keywords = r.stringArray(u"keywords"_s, 50, 100);
    script.start = r.string(u"start"_s, kMaxKey, true);
    const QJsonArray steps = r.array(u"steps"_s, Script::kMaxSteps + 1);
    if (!r.has(u"version"_s))
        reader.add(u"script.bad_field"_s, QString(), tr("Field 'version' is required."));
    if (format != Script::kFormat)
        reader.add(u"script.bad_field"_s, QString(),
                   tr("Field 'format' must be %1; this program reads script format %1 only.").arg(Script::kFormat));
    reader.check(r, QString());
    if (!script.id.isEmpty() && !scriptIdPattern().match(script.id).hasMatch())
        reader.add(u"script.bad_field"_s, QString(),
                   tr("Script id '%1' must be lower-case letters, digits and -, at most 64.").arg(script.id));
    if (steps.size() > Script::kMaxSteps) {
        reader.add(u"script.too_large"_s, QString(), tr("The script has more than %1 steps.").arg(Script::kMaxSteps));
        return fail();
    }
    if (steps.isEmpty() && r.has(u"steps"_s))
        reader.add(u"script.bad_field"_s, QString(), tr("The script has no steps."));
    QSet<QString> ids;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        std::optional<ScriptStep> step = reader.readStep(steps.at(i), i);
        if (!step)
            continue;
        if (ids.contains(step->id)) {
            reader.add(u"script.duplicate_step"_s, step->id, tr("Two steps are called '%1'.").arg(step->id));
            continue;
        }
        ids.insert(step->id);
        script.steps.append(std::move(*step));
    }
    if (!reader.problems.isEmpty())
        return fail();
    script.reindex();
    if (problems)
        problems->clear();
    return script;
}

} // namespace fc
