#pragma once

// One walk through a script with an agent: the step shown, the answers given, back and forward, and
// what the run ends in (docs/SCRIPTS.md "Running a script"). Writes nothing: the effects are returned.

#include "core/Case.h"
#include "core/Outcome.h"
#include "core/Result.h"
#include "core/Script.h"
#include "core/ScriptContext.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace fc {

/// A request the run raises at wrap-up.
struct ScriptCaseDraft {
    QString stepId;
    QString service;
    QString requestType;
    QString team; // the request type's owning team
    CasePriority priority = CasePriority::Normal;
    QString summary; // placeholders filled
    QJsonObject fields; // name -> text, placeholders filled
    QDateTime promisedBy; // UTC, end of the working day
    QDateTime acknowledgeBy; // UTC; set only for a promise with an acknowledgement
    friend bool operator==(const ScriptCaseDraft &, const ScriptCaseDraft &) = default;
};

struct ScriptAppointmentDraft {
    QString stepId;
    QString appointmentType;
    QString site;
    QDateTime at; // UTC
    friend bool operator==(const ScriptAppointmentDraft &, const ScriptAppointmentDraft &) = default;
};

/// What a finished run settles: the contact records the script, version, answers and outcome; the
/// drafts become requests and bookings with it.
struct ScriptResult {
    QString scriptId;
    int scriptVersion = 0;
    QString endStepId;
    Outcome outcome = Outcome::NoAction;
    QString outcomeText; // placeholders filled
    QString transferTo;
    QString guide; // article to print for assisted self-service, or empty
    QJsonObject answers; // step id -> answer, steps on the path taken only
    QList<ScriptCaseDraft> cases;
    QList<ScriptAppointmentDraft> appointments;
    QStringList signposts; // agency keys, in order
    QStringList path; // every step passed, conditions included
};

class ScriptRun {
public:
    /// Starts at the script's start, passing any conditions there. The script should have passed
    /// ScriptValidator; a run of one that did not stops with "script.broken" rather than loop or crash.
    static Result<ScriptRun> start(std::shared_ptr<const Script> script, ScriptContext context);

    const Script &script() const { return *m_script; }
    const ScriptContext &context() const { return m_context; }
    const ScriptStep &current() const;
    bool finished() const { return current().kind == ScriptStepKind::Outcome; }
    bool canGoBack() const;

    /// The stored answer at a step (kept while the step may come round again), or undefined.
    QJsonValue answer(const QString &stepId) const { return m_answers.value(stepId, QJsonValue(QJsonValue::Undefined)); }
    /// The current step's text with placeholders filled.
    QString render(const QString &text) const;

    /// Checks and keeps the answer to the current step (acceptScriptAnswer). A changed answer drops the
    /// answers that depended on the old one: of steps the new path no longer reaches, and of steps whose
    /// texts read it.
    Status setAnswer(const QJsonValue &given);
    /// Goes on from the current step. Errors: "script.answer_required" (a step that needs an answer has
    /// none), "script.finished", "script.broken" (a target that does not exist, or conditions that loop).
    Status next();
    /// Back to the previous step the agent saw; false at the first one. Answers are kept.
    bool back();

    /// The steps the agent has seen, first to current (conditions left out).
    QStringList visibleHistory() const;
    /// Only once finished().
    Result<ScriptResult> result() const;

private:
    ScriptRun(std::shared_ptr<const Script> script, ScriptContext context);

    bool evaluate(const ScriptCondition &condition) const;
    bool compare(const QString &comparison, const QJsonValue &value, const QJsonValue &operand, bool isDate) const;
    /// From `from`, passes conditions and appends to m_path; returns false on a broken script.
    Status arriveAt(const QString &from);
    QString targetAfter(const ScriptStep &step) const;
    QString placeholderText(const QString &name) const;
    void dropDependentsOf(const QString &changedStepId);

    std::shared_ptr<const Script> m_script;
    ScriptContext m_context;
    QStringList m_path; // every step passed, conditions included; the last is current
    QHash<QString, QJsonValue> m_answers;
};

} // namespace fc
