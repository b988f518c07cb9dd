#pragma once

// Checks what the agent gave at a step against the step's rules and turns it into the stored answer
// (docs/SCRIPTS.md "Inputs"); and shows a stored answer back to a person.

#include "core/Result.h"
#include "core/Script.h"
#include "core/ScriptContext.h"

#include <QJsonValue>
#include <QTimeZone>

namespace fc {

/// The answer to keep for what was given at the step: trimmed text, a choice's value, a normalised
/// postcode or phone number, "yyyy-MM-dd", a number, or {site, at} for an appointment. Null when an
/// optional step was left empty. Errors: "script.answer_required", "script.invalid_answer" (the message
/// says what would be accepted), "script.no_answer" (the step takes none).
Result<QJsonValue> acceptScriptAnswer(const ScriptStep &step, const QJsonValue &given, const ScriptContext &context);

/// How a stored answer reads in texts and summaries: a choice's label, "12/12/2026", "£35.00", an
/// appointment's site key and time in `zone` (the council's).
QString scriptAnswerText(const ScriptStep &step, const QJsonValue &answer, const QTimeZone &zone = QTimeZone::utc());

} // namespace fc
