#pragma once

// A scripted resolution flow as read from its JSON (docs/SCRIPTS.md): steps, their targets, inputs and
// conditions. Reading checks the shape; ScriptValidator checks the graph; ScriptRun walks it.

#include "core/Case.h"
#include "core/Outcome.h"
#include "core/Result.h"

#include <QDate>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fc {

enum class ScriptStepKind { Question, Choice, Input, Information, Knowledge, Condition, CreateCase, Appointment, Signpost, Outcome };
QString scriptStepKindKey(ScriptStepKind kind); // "question", "choice", ..., "create_case", ...
std::optional<ScriptStepKind> scriptStepKindFromKey(QStringView key);

enum class ScriptInputType { Text, Pattern, Postcode, Phone, Email, Date, Number, Money };
QString scriptInputTypeKey(ScriptInputType type);
std::optional<ScriptInputType> scriptInputTypeFromKey(QStringView key);

/// A date bound as written: "today", "today+3", "today-10" (calendar days) or a fixed "yyyy-MM-dd".
struct ScriptDateBound {
    bool relative = true;
    int offsetDays = 0; // when relative
    QDate date; // when fixed
    /// Reads the text; nullopt when it is neither form.
    static std::optional<ScriptDateBound> parse(QStringView text);
    QDate resolve(QDate today) const { return relative ? today.addDays(offsetDays) : date; }
    friend bool operator==(const ScriptDateBound &, const ScriptDateBound &) = default;
};

struct ScriptInputSpec {
    ScriptInputType type = ScriptInputType::Text;
    int maxLength = 200; // text, pattern
    QString pattern; // pattern: the whole answer must match
    QString hint; // pattern: what the agent is told when it does not
    std::optional<double> min, max; // number, money
    int decimals = 0; // number
    std::optional<ScriptDateBound> minDate, maxDate; // date
    bool workingDay = false; // date: only working days of the council's calendar
};

struct ScriptOption {
    QString value;
    QString label;
    QString next; // empty: the step's own next
};

/// One node of a condition tree (docs/SCRIPTS.md "Conditions").
struct ScriptCondition {
    enum class Kind { Answer, Customer, All, Any, Not };
    Kind kind = Kind::Answer;
    QString subject; // Answer: the step id; Customer: the fact ("known", "age", "hasCase", ...)
    QString comparison; // "equals", "notEquals", "in", "lt", "le", "gt", "ge", "given", or empty
    QJsonValue operand; // what the comparison compares with
    // Customer facts' parameters
    QString need; // hasAccessNeed
    QString flagKind; // hasFlag
    QString service, requestType, reason; // hasCase, hasContact
    int withinWorkingDays = 0; // hasCase, hasContact; 0: any time (hasCase), 10 (hasContact)
    bool openOnly = true; // hasCase
    QList<ScriptCondition> children; // All, Any, Not (one)
};

struct ScriptField {
    QString name;
    QString value; // a text with placeholders
};

struct ScriptStep {
    QString id;
    ScriptStepKind kind = ScriptStepKind::Information;
    QString prompt; // question, choice, input, knowledge
    QString text; // information, signpost, outcome
    QString next;
    bool required = true; // question, input
    int maxLength = 2000; // question
    QList<ScriptOption> options; // choice
    ScriptInputSpec input; // input
    QString article; // knowledge
    QString guide; // information, outcome: a printable article
    ScriptCondition when; // condition
    QString thenStep, elseStep; // condition
    // create_case
    QString service, requestType, summary;
    CasePriority priority = CasePriority::Normal;
    std::optional<int> promiseWorkingDays, acknowledgeWorkingDays;
    QString promiseOnAnswer; // a date input's step: the request is promised for the day chosen there
    QList<ScriptField> fields;
    // appointment
    QString appointmentType, title;
    QStringList sites;
    int withinWorkingDays = 10;
    // signpost
    QString agency;
    // outcome
    Outcome outcome = Outcome::NoAction;
    QString transferTo;

    /// The steps this one can go to next, each once, in the order written.
    QStringList targets() const;
    /// The step of an option's value; empty when the value is not an option.
    QString targetFor(const QString &optionValue) const;
    /// Whether the agent gives an answer here (question, choice, input, appointment).
    bool takesAnswer() const;
    /// The texts shown for the step, for placeholders.
    QStringList texts() const;
};

/// A parsed script. Steps keep their written order; step() finds one by id.
struct Script {
    static constexpr int kFormat = 1;
    static constexpr qsizetype kMaxBytes = 1024 * 1024;
    static constexpr int kMaxSteps = 500;
    static constexpr int kMaxOptions = 50;
    static constexpr int kMaxConditionDepth = 16;

    QString id;
    int version = 1;
    QString service;
    QString reason;
    QString title;
    QStringList keywords;
    QString start;
    QList<ScriptStep> steps;

    const ScriptStep *step(QStringView id) const;
    void reindex();

private:
    QHash<QString, qsizetype> m_index;
};

/// One thing wrong with a script, with the step it is in (empty for the script as a whole) and a path
/// from the start that leads there (empty when none does, or the problem is not about one step).
struct ScriptProblem {
    QString code; // "script.missing_target", ... (docs/SCRIPTS.md)
    QString stepId;
    QString message; // translated, names the step
    QStringList path;

    /// "step 'raise': ... (path: start → which_bin → raise)"
    QString text() const;
};

/// Placeholders in a text: the names between braces ("which_bin", "customer.name").
QStringList scriptPlaceholders(const QString &text);

/// Reads a script from its JSON text. Fails with every shape problem found (unknown kinds or fields,
/// wrong types, duplicate ids, sizes over the limits), never with a partial script.
Result<Script> parseScript(const QByteArray &json, QList<ScriptProblem> *problems);

} // namespace fc
