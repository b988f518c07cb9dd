#include "core/ScriptValidator.h"

#include "core/AccessNeeds.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <deque>
#include <vector>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::ScriptValidator", text);
}

enum class AnswerType { None, Text, Enum, Number, Date, Booking };

AnswerType answerTypeOf(const ScriptStep &step)
{
    switch (step.kind) {
    case ScriptStepKind::Question:
        return AnswerType::Text;
    case ScriptStepKind::Choice:
        return AnswerType::Enum;
    case ScriptStepKind::Appointment:
        return AnswerType::Booking;
    case ScriptStepKind::Input:
        switch (step.input.type) {
        case ScriptInputType::Number:
        case ScriptInputType::Money:
            return AnswerType::Number;
        case ScriptInputType::Date:
            return AnswerType::Date;
        default:
            return AnswerType::Text;
        }
    default:
        return AnswerType::None;
    }
}

const QStringList &customerPlaceholders()
{
    static const QStringList list { u"customer.name"_s, u"customer.address"_s, u"customer.postcode"_s };
    return list;
}

/// The graph of one script by step index, with what the checks need to know about it.
class Graph {
public:
    explicit Graph(const Script &script) : m_script(script), m_n(script.steps.size())
    {
        m_successors.resize(m_n);
        m_predecessors.resize(m_n);
        for (int i = 0; i < m_n; ++i) {
            for (const QString &target : script.steps.at(i).targets()) {
                if (const ScriptStep *t = script.step(target)) {
                    const int j = index(*t);
                    m_successors[i].push_back(j);
                    m_predecessors[j].push_back(i);
                }
            }
        }
        const ScriptStep *start = script.step(script.start);
        m_start = start ? index(*start) : -1;
        m_reachable.assign(m_n, false);
        if (m_start < 0)
            return;
        std::deque<int> queue { m_start };
        m_reachable[m_start] = true;
        while (!queue.empty()) {
            const int i = queue.front();
            queue.pop_front();
            m_order.push_back(i);
            for (int j : m_successors[i]) {
                if (!m_reachable[j]) {
                    m_reachable[j] = true;
                    queue.push_back(j);
                }
            }
        }
        computeDominators();
    }

    int size() const { return m_n; }
    int start() const { return m_start; }
    bool reachable(int i) const { return m_reachable[i]; }
    const std::vector<int> &successors(int i) const { return m_successors[i]; }
    int index(const ScriptStep &step) const { return int(&step - m_script.steps.data()); }
    const ScriptStep &step(int i) const { return m_script.steps.at(i); }
    /// Whether every path from the start to `to` passes `through` (a step dominates itself).
    bool dominates(int through, int to) const { return m_dominators[to][through]; }

    /// A shortest path from the start, by step ids; empty when none reaches the step.
    QStringList pathTo(int to) const { return pathAvoiding(to, std::vector<bool>(m_n, false)); }
    /// A shortest path from the start that never passes the one step.
    QStringList pathTo(int to, int avoid) const
    {
        std::vector<bool> avoided(m_n, false);
        avoided[avoid] = true;
        return pathAvoiding(to, avoided);
    }
    /// A shortest path from the start that passes none of the avoided steps; empty when there is none.
    QStringList pathAvoiding(int to, const std::vector<bool> &avoided) const
    {
        if (m_start < 0 || avoided[m_start])
            return {};
        std::vector<int> parent(m_n, -2);
        parent[m_start] = -1;
        std::deque<int> queue { m_start };
        while (!queue.empty()) {
            const int i = queue.front();
            queue.pop_front();
            for (int j : m_successors[i]) {
                if (!avoided[j] && parent[j] == -2) {
                    parent[j] = i;
                    queue.push_back(j);
                }
            }
        }
        if (parent[to] == -2)
            return {};
        QStringList path;
        for (int i = to; i >= 0; i = parent[i])
            path.prepend(m_script.steps.at(i).id);
        return path;
    }

    /// Steps from which some outcome can be reached.
    std::vector<bool> reachesOutcome() const
    {
        std::vector<bool> reaches(m_n, false);
        std::deque<int> queue;
        for (int i = 0; i < m_n; ++i) {
            if (m_script.steps.at(i).kind == ScriptStepKind::Outcome) {
                reaches[i] = true;
                queue.push_back(i);
            }
        }
        while (!queue.empty()) {
            const int i = queue.front();
            queue.pop_front();
            for (int p : m_predecessors[i]) {
                if (!reaches[p]) {
                    reaches[p] = true;
                    queue.push_back(p);
                }
            }
        }
        return reaches;
    }

    /// One condition step on each cycle made of conditions only.
    std::vector<int> conditionLoops() const
    {
        std::vector<int> colour(m_n, 0), found;
        const auto isCondition = [this](int i) { return m_script.steps.at(i).kind == ScriptStepKind::Condition; };
        for (int root = 0; root < m_n; ++root) {
            if (!isCondition(root) || colour[root] != 0 || !m_reachable[root])
                continue;
            // Iterative depth-first search over condition steps; grey = on the current stack.
            std::vector<std::pair<int, size_t>> stack { { root, 0 } };
            colour[root] = 1;
            while (!stack.empty()) {
                auto &[i, next] = stack.back();
                if (next < m_successors[i].size()) {
                    const int j = m_successors[i][next++];
                    if (!isCondition(j))
                        continue;
                    if (colour[j] == 1)
                        found.push_back(j);
                    else if (colour[j] == 0) {
                        colour[j] = 1;
                        stack.push_back({ j, 0 });
                    }
                } else {
                    colour[i] = 2;
                    stack.pop_back();
                }
            }
        }
        return found;
    }

private:
    void computeDominators()
    {
        m_dominators.assign(m_n, std::vector<bool>(m_n, true));
        m_dominators[m_start].assign(m_n, false);
        m_dominators[m_start][m_start] = true;
        for (bool changed = true; changed;) {
            changed = false;
            for (int i : m_order) {
                if (i == m_start)
                    continue;
                std::vector<bool> meet(m_n, true);
                for (int p : m_predecessors[i]) {
                    if (!m_reachable[p])
                        continue;
                    for (int k = 0; k < m_n; ++k)
                        meet[k] = meet[k] && m_dominators[p][k];
                }
                meet[i] = true;
                if (meet != m_dominators[i]) {
                    m_dominators[i] = std::move(meet);
                    changed = true;
                }
            }
        }
    }

    const Script &m_script;
    int m_n;
    int m_start = -1;
    std::vector<std::vector<int>> m_successors, m_predecessors;
    std::vector<int> m_order; // breadth-first from the start
    std::vector<bool> m_reachable;
    std::vector<std::vector<bool>> m_dominators;
};

class Checker {
public:
    Checker(const Script &script, const ScriptReferences &references)
        : m_script(script),
          m_references(references),
          m_graph(script)
    {
    }

    QList<ScriptProblem> run()
    {
        if (!m_references.catalogue.service(m_script.service))
            add(u"script.unknown_reference"_s, -1, tr("The script's service '%1' is not in the catalogue.").arg(m_script.service));
        checkTargets();
        if (m_graph.start() < 0)
            return m_problems;
        checkGraph();
        for (int i = 0; i < m_graph.size(); ++i) {
            if (m_graph.reachable(i))
                checkStep(i);
        }
        return m_problems;
    }

private:
    void add(const QString &code, int step, const QString &message, QStringList path = {})
    {
        if (step >= 0 && path.isEmpty())
            path = m_graph.pathTo(step);
        m_problems.append(ScriptProblem { code, step >= 0 ? m_graph.step(step).id : QString(), message, path });
    }

    void checkTargets()
    {
        if (!m_script.step(m_script.start))
            add(u"script.missing_target"_s, -1, tr("The script starts at '%1', which is not a step.").arg(m_script.start));
        for (int i = 0; i < m_graph.size(); ++i) {
            const ScriptStep &step = m_graph.step(i);
            QStringList named { step.next, step.thenStep, step.elseStep };
            for (const ScriptOption &option : step.options)
                named.append(option.next);
            for (const QString &target : named) {
                if (!target.isEmpty() && !m_script.step(target))
                    add(u"script.missing_target"_s, i, tr("Step '%1' goes to '%2', which is not a step.").arg(step.id, target));
            }
            if (step.kind == ScriptStepKind::Choice && step.next.isEmpty()) {
                for (const ScriptOption &option : step.options) {
                    if (option.next.isEmpty())
                        add(u"script.dead_end"_s, i,
                            tr("Step '%1': option '%2' has nowhere to go (give it or the step a next).").arg(step.id, option.value));
                }
            }
        }
    }

    void checkGraph()
    {
        const std::vector<bool> reaches = m_graph.reachesOutcome();
        for (int i = 0; i < m_graph.size(); ++i) {
            const ScriptStep &step = m_graph.step(i);
            if (!m_graph.reachable(i)) {
                add(u"script.unreachable"_s, i, tr("No path from the start reaches step '%1'.").arg(step.id));
                continue;
            }
            if (step.kind != ScriptStepKind::Outcome && m_graph.successors(i).empty())
                add(u"script.dead_end"_s, i, tr("Step '%1' has nowhere to go and is not an outcome.").arg(step.id));
            else if (!reaches[i])
                add(u"script.no_outcome"_s, i,
                    tr("No outcome can be reached from step '%1': it is in a loop without an exit.").arg(step.id));
        }
        for (int i : m_graph.conditionLoops())
            add(u"script.condition_loop"_s, i,
                tr("Step '%1' is on a loop of conditions only, which would go round without asking anything.")
                    .arg(m_graph.step(i).id));
    }

    /// The step whose answer is read at `reader`; problems are added when it cannot be.
    const ScriptStep *answerRead(int reader, const QString &name, bool valueRead)
    {
        const QString &readerId = m_graph.step(reader).id;
        const ScriptStep *source = m_script.step(name);
        if (!source || !source->takesAnswer()) {
            add(u"script.unknown_reference"_s, reader,
                tr("Step '%1' reads the answer '%2', but no step of that name takes an answer.").arg(readerId, name));
            return nullptr;
        }
        const int s = m_graph.index(*source);
        if (valueRead && (s == reader || !m_graph.dominates(s, reader)))
            add(u"script.answer_not_given"_s, reader,
                tr("Step '%1' reads the answer to '%2', which is not given on every path to it.").arg(readerId, name),
                m_graph.pathTo(reader, s));
        return source;
    }

    void checkKnown(int i, const std::optional<QSet<QString>> &known, const QString &key, const char *what)
    {
        if (known && !key.isEmpty() && !known->contains(key))
            add(u"script.unknown_reference"_s, i, tr("Step '%1' names the %2 '%3', which does not exist.").arg(m_graph.step(i).id, tr(what), key));
    }

    void checkStep(int i)
    {
        const ScriptStep &step = m_graph.step(i);
        for (const QString &text : step.texts()) {
            for (const QString &name : scriptPlaceholders(text)) {
                if (!customerPlaceholders().contains(name))
                    answerRead(i, name, true);
            }
        }
        checkKnown(i, m_references.articles, step.article, "article");
        checkKnown(i, m_references.articles, step.guide, "article");
        checkKnown(i, m_references.agencies, step.agency, "partner agency");
        for (const QString &site : step.sites)
            checkKnown(i, m_references.sites, site, "site");
        switch (step.kind) {
        case ScriptStepKind::CreateCase: {
            const QString service = step.service.isEmpty() ? m_script.service : step.service;
            if (!m_references.catalogue.requestType(service, step.requestType))
                add(u"script.unknown_reference"_s, i,
                    tr("Step '%1' raises '%2' in '%3', which the service catalogue does not have.").arg(step.id, step.requestType, service));
            if (!step.promiseOnAnswer.isEmpty()) {
                const ScriptStep *source = answerRead(i, step.promiseOnAnswer, true);
                if (source && answerTypeOf(*source) != AnswerType::Date)
                    mismatch(i, tr("the promise is on the answer to '%1', which is not a date.").arg(step.promiseOnAnswer));
            }
            break;
        }
        case ScriptStepKind::Condition:
            checkCondition(i, step.when);
            break;
        case ScriptStepKind::Outcome:
            checkEffect(i);
            break;
        default:
            break;
        }
    }

    void checkEffect(int i)
    {
        const ScriptStep &step = m_graph.step(i);
        std::optional<ScriptStepKind> needed;
        if (step.outcome == Outcome::RequestRaised)
            needed = ScriptStepKind::CreateCase;
        else if (step.outcome == Outcome::AppointmentBooked)
            needed = ScriptStepKind::Appointment;
        else if (step.outcome == Outcome::Signposted)
            needed = ScriptStepKind::Signpost;
        if (!needed)
            return;
        // Every path must pass some step of the needed kind: look for one that passes none.
        std::vector<bool> effects(m_graph.size(), false);
        for (int k = 0; k < m_graph.size(); ++k)
            effects[k] = m_graph.step(k).kind == *needed;
        const QStringList gap = m_graph.pathAvoiding(i, effects);
        if (gap.isEmpty())
            return;
        add(u"script.effect_missing"_s, i,
            tr("Outcome '%1' is %2, but a path reaches it without a %3 step.")
                .arg(step.id, outcomeKey(step.outcome), scriptStepKindKey(*needed)),
            gap);
    }

    void mismatch(int i, const QString &message)
    {
        add(u"script.type_mismatch"_s, i, tr("Step '%1': %2").arg(m_graph.step(i).id, message));
    }

    bool operandFits(AnswerType type, const ScriptStep *source, const QJsonValue &value)
    {
        switch (type) {
        case AnswerType::Text:
            return value.isString();
        case AnswerType::Enum:
            return value.isString() && !source->targetFor(value.toString()).isEmpty();
        case AnswerType::Number:
            return value.isDouble();
        case AnswerType::Date:
            return value.isString() && ScriptDateBound::parse(value.toString()).has_value();
        default:
            return false;
        }
    }

    void checkCondition(int i, const ScriptCondition &c)
    {
        for (const ScriptCondition &child : c.children)
            checkCondition(i, child);
        if (c.kind == ScriptCondition::Kind::Answer) {
            const bool given = c.comparison == u"given"_s;
            const ScriptStep *source = answerRead(i, c.subject, !given);
            if (!source || given)
                return;
            const AnswerType type = answerTypeOf(*source);
            const bool ordered = QStringList { u"lt"_s, u"le"_s, u"gt"_s, u"ge"_s }.contains(c.comparison);
            if (ordered && type != AnswerType::Number && type != AnswerType::Date) {
                mismatch(i, tr("'%1' compares the answer to '%2' by order, but it is not a number or a date.").arg(c.comparison, c.subject));
                return;
            }
            const QJsonArray values = c.comparison == u"in"_s ? c.operand.toArray() : QJsonArray { c.operand };
            for (const QJsonValue &value : values) {
                if (!operandFits(type, source, value)) {
                    mismatch(i, type == AnswerType::Enum
                                    ? tr("the answer to '%1' is one of its options, and '%2' is not one of them.")
                                          .arg(c.subject, value.toVariant().toString())
                                    : tr("the answer to '%1' cannot be compared with '%2'.").arg(c.subject, value.toVariant().toString()));
                    return;
                }
            }
            return;
        }
        if (c.kind != ScriptCondition::Kind::Customer)
            return;
        if (c.subject == u"age"_s) {
            const bool numeric = QStringList { u"equals"_s, u"notEquals"_s, u"lt"_s, u"le"_s, u"gt"_s, u"ge"_s }.contains(c.comparison);
            if (!numeric || !c.operand.isDouble())
                mismatch(i, tr("the customer's age is compared with a number (equals, lt, le, gt or ge)."));
            return;
        }
        if (!c.comparison.isEmpty() && ((c.comparison != u"equals"_s && c.comparison != u"notEquals"_s) || !c.operand.isBool()))
            mismatch(i, tr("'%1' is true or false: compare it with equals true or false, or not at all.").arg(c.subject));
        if (c.subject == u"hasAccessNeed"_s && !accessNeedFromKey(c.need))
            add(u"script.unknown_reference"_s, i, tr("Step '%1': '%2' is not an access need.").arg(m_graph.step(i).id, c.need));
        if (c.subject == u"hasFlag"_s && c.flagKind != u"vulnerability"_s && c.flagKind != u"staff_safety"_s)
            add(u"script.unknown_reference"_s, i,
                tr("Step '%1': flag kind '%2' is neither vulnerability nor staff_safety.").arg(m_graph.step(i).id, c.flagKind));
        if (c.subject == u"hasCase"_s || c.subject == u"hasContact"_s) {
            const bool known = c.requestType.isEmpty() ? m_references.catalogue.service(c.service) != nullptr
                                                       : m_references.catalogue.requestType(c.service, c.requestType) != nullptr;
            if (!known)
                add(u"script.unknown_reference"_s, i,
                    tr("Step '%1' asks about '%2' cases, which the service catalogue does not have.")
                        .arg(m_graph.step(i).id, c.requestType.isEmpty() ? c.service : c.service + u'/' + c.requestType));
        }
    }

    const Script &m_script;
    const ScriptReferences &m_references;
    Graph m_graph;
    QList<ScriptProblem> m_problems;
};

} // namespace

ScriptValidator::ScriptValidator(ScriptReferences references) : m_references(std::move(references)) { }

QList<ScriptProblem> ScriptValidator::validate(const Script &script) const
{
    return Checker(script, m_references).run();
}

QList<ScriptProblem> ScriptValidator::validate(const QByteArray &json) const
{
    QList<ScriptProblem> problems;
    const Result<Script> script = parseScript(json, &problems);
    if (!script)
        return problems;
    return validate(script.value());
}

} // namespace fc
