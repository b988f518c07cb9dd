// The script reader and validator on good and broken scripts: each problem is found, named by its code,
// its step and a path from the start, and nothing malformed crashes or gets through.

#include "core/ScriptValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fc;

namespace {

/// A script around the given steps, starting at the first.
QByteArray scriptWith(const QByteArray &steps, const QByteArray &start = "ask")
{
    return R"({"format": 1, "id": "test-script", "version": 1, "service": "waste", "reason": "missed_bin",
               "title": "Test", "start": ")"
        + start + R"(", "steps": [)" + steps + "]}";
}

const QByteArray kGood = R"(
    {"id": "ask", "kind": "choice", "prompt": "Which bin?", "options": [
        {"value": "general", "label": "General", "next": "check"},
        {"value": "recycling", "label": "Recycling", "next": "check"}]},
    {"id": "check", "kind": "condition", "when": {"answer": "ask", "equals": "general"}, "then": "raise", "else": "info"},
    {"id": "info", "kind": "information", "text": "Recycling is collected on Fridays.", "next": "told"},
    {"id": "told", "kind": "outcome", "outcome": "resolved", "text": "Told the {ask} day."},
    {"id": "raise", "kind": "create_case", "requestType": "missed_bin", "summary": "Missed {ask} bin", "next": "raised"},
    {"id": "raised", "kind": "outcome", "outcome": "request_raised", "text": "Raised."}
)";

QStringList problemsOf(const QByteArray &json, const ScriptReferences &references = {})
{
    QStringList out;
    for (const ScriptProblem &p : ScriptValidator(references).validate(json))
        out.append(p.code + u'@' + p.stepId);
    return out;
}

ScriptProblem firstProblem(const QByteArray &json)
{
    const QList<ScriptProblem> problems = ScriptValidator().validate(json);
    return problems.isEmpty() ? ScriptProblem() : problems.first();
}

} // namespace

class tst_ScriptValidator : public QObject {
    Q_OBJECT

private slots:
    void aGoodScriptHasNoProblems()
    {
        QCOMPARE(problemsOf(scriptWith(kGood)), QStringList());
        QList<ScriptProblem> problems;
        const Result<Script> script = parseScript(scriptWith(kGood), &problems);
        QVERIFY(script.ok());
        QCOMPARE(script->steps.size(), 6);
        QCOMPARE(script->step(u"check")->targets(), QStringList({ u"raise"_s, u"info"_s }));
        QCOMPARE(script->step(u"ask")->targetFor(u"recycling"_s), u"check"_s);
    }

    void notJsonIsSaidSo()
    {
        QCOMPARE(problemsOf("{\"format\": 1,"), QStringList { u"script.not_json@"_s });
        QCOMPARE(problemsOf("[1, 2]"), QStringList { u"script.not_json@"_s });
        QCOMPARE(problemsOf(""), QStringList { u"script.not_json@"_s });
    }

    void anUnknownStepKindNamesTheStep()
    {
        const QByteArray json = scriptWith(R"({"id": "ask", "kind": "telepathy", "prompt": "?", "next": "end"},
                                              {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."})");
        const ScriptProblem p = firstProblem(json);
        QCOMPARE(p.code, u"script.unknown_kind"_s);
        QCOMPARE(p.stepId, u"ask"_s);
        QVERIFY2(p.message.contains(u"telepathy"_s), qPrintable(p.message));
    }

    void aMissingTargetNamesTheStepAndThePathToIt()
    {
        const QByteArray json = scriptWith(R"({"id": "ask", "kind": "question", "prompt": "What?", "next": "more"},
                                              {"id": "more", "kind": "information", "text": "Hm.", "next": "nowhere"},
                                              {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."})");
        const QList<ScriptProblem> problems = ScriptValidator().validate(json);
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.first().code, u"script.missing_target"_s);
        QCOMPARE(problems.first().stepId, u"more"_s);
        QCOMPARE(problems.first().path, QStringList({ u"ask"_s, u"more"_s }));
        QVERIFY(problems.first().text().contains(u"ask \u2192 more"_s));
        // With nowhere to go, "more" is also a dead end, and "end" cannot be reached.
        QVERIFY(problemsOf(json).contains(u"script.dead_end@more"_s));
        QVERIFY(problemsOf(json).contains(u"script.unreachable@end"_s));
        QCOMPARE(problemsOf(scriptWith(kGood, "elsewhere")), QStringList { u"script.missing_target@"_s });
    }

    void aChoiceOptionWithNowhereToGoIsADeadEnd()
    {
        const QByteArray json = scriptWith(R"({"id": "ask", "kind": "choice", "prompt": "?", "options": [
                                                  {"value": "a", "label": "A", "next": "end"}, {"value": "b", "label": "B"}]},
                                              {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."})");
        QCOMPARE(problemsOf(json), QStringList { u"script.dead_end@ask"_s });
    }

    void aCycleWithoutAnExitIsFound()
    {
        const QByteArray json = scriptWith(R"({"id": "ask", "kind": "choice", "prompt": "?", "options": [
                                                  {"value": "a", "label": "A", "next": "end"}, {"value": "b", "label": "B", "next": "loop1"}]},
                                              {"id": "loop1", "kind": "question", "prompt": "1", "next": "loop2"},
                                              {"id": "loop2", "kind": "question", "prompt": "2", "next": "loop1"},
                                              {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."})");
        QCOMPARE(problemsOf(json), QStringList({ u"script.no_outcome@loop1"_s, u"script.no_outcome@loop2"_s }));
        // A loop the agent can leave is fine: "add another item?"
        const QByteArray withExit = scriptWith(R"({"id": "ask", "kind": "question", "prompt": "Item?", "next": "more"},
                                                  {"id": "more", "kind": "choice", "prompt": "Another?", "options": [
                                                      {"value": "yes", "label": "Yes", "next": "ask"}, {"value": "no", "label": "No", "next": "end"}]},
                                                  {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."})");
        QCOMPARE(problemsOf(withExit), QStringList());
    }

    void aLoopOfConditionsOnlyIsRefused()
    {
        const QByteArray json = scriptWith(R"({"id": "ask", "kind": "question", "prompt": "?", "next": "c1"},
                                              {"id": "c1", "kind": "condition", "when": {"customer": "known"}, "then": "c2", "else": "end"},
                                              {"id": "c2", "kind": "condition", "when": {"customer": "age", "ge": 65}, "then": "c1", "else": "end"},
                                              {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."})");
        QCOMPARE(problemsOf(json), QStringList { u"script.condition_loop@c1"_s });
    }

    void unreachableStepsAreListed()
    {
        QByteArray steps = kGood;
        steps += R"(, {"id": "orphan", "kind": "outcome", "outcome": "no_action", "text": "."})";
        QCOMPARE(problemsOf(scriptWith(steps)), QStringList { u"script.unreachable@orphan"_s });
    }

    void wrongTypesAreBadFieldsNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("step");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("prompt a number") << QByteArray(R"({"id": "ask", "kind": "question", "prompt": 7, "next": "end"})") << u"prompt"_s;
        QTest::newRow("required a string") << QByteArray(R"({"id": "ask", "kind": "question", "prompt": "?", "next": "end", "required": "yes"})") << u"required"_s;
        QTest::newRow("unknown field") << QByteArray(R"({"id": "ask", "kind": "question", "prompt": "?", "next": "end", "colour": "red"})") << u"colour"_s;
        QTest::newRow("options not a list") << QByteArray(R"({"id": "ask", "kind": "choice", "prompt": "?", "options": "a,b", "next": "end"})") << u"options"_s;
        QTest::newRow("one option") << QByteArray(R"({"id": "ask", "kind": "choice", "prompt": "?", "options": [{"value": "a", "label": "A"}], "next": "end"})") << u"two options"_s;
        QTest::newRow("same value twice") << QByteArray(R"({"id": "ask", "kind": "choice", "prompt": "?", "next": "end", "options": [{"value": "a", "label": "A"}, {"value": "a", "label": "B"}]})") << u"twice"_s;
        QTest::newRow("input type") << QByteArray(R"({"id": "ask", "kind": "input", "prompt": "?", "next": "end", "input": {"type": "colour"}})") << u"colour"_s;
        QTest::newRow("input min text") << QByteArray(R"({"id": "ask", "kind": "input", "prompt": "?", "next": "end", "input": {"type": "number", "min": "one"}})") << u"min"_s;
        QTest::newRow("min above max") << QByteArray(R"({"id": "ask", "kind": "input", "prompt": "?", "next": "end", "input": {"type": "money", "min": 10, "max": 5}})") << u"min is above max"_s;
        QTest::newRow("bad date bound") << QByteArray(R"({"id": "ask", "kind": "input", "prompt": "?", "next": "end", "input": {"type": "date", "min": "tomorrow"}})") << u"tomorrow"_s;
        QTest::newRow("bad pattern") << QByteArray(R"({"id": "ask", "kind": "input", "prompt": "?", "next": "end", "input": {"type": "pattern", "pattern": "*abc", "hint": "h"}})") << u"pattern"_s;
        QTest::newRow("bad step id") << QByteArray(R"({"id": "Ask Me", "kind": "question", "prompt": "?", "next": "end"})") << u"Ask Me"_s;
        QTest::newRow("step not an object") << QByteArray(R"("ask")") << u"steps[0]"_s;
        QTest::newRow("condition two heads") << QByteArray(R"({"id": "ask", "kind": "condition", "when": {"answer": "x", "customer": "known"}, "then": "end", "else": "end"})") << u"exactly one"_s;
        QTest::newRow("condition no comparison") << QByteArray(R"({"id": "ask", "kind": "condition", "when": {"answer": "x"}, "then": "end", "else": "end"})") << u"compares"_s;
        QTest::newRow("given not boolean") << QByteArray(R"({"id": "ask", "kind": "condition", "when": {"answer": "x", "given": "yes"}, "then": "end", "else": "end"})") << u"given"_s;
        QTest::newRow("transfer to no one") << QByteArray(R"({"id": "ask", "kind": "outcome", "outcome": "transferred", "text": "."})") << u"transferTo"_s;
        QTest::newRow("unknown outcome") << QByteArray(R"({"id": "ask", "kind": "outcome", "outcome": "sorted", "text": "."})") << u"sorted"_s;
        QTest::newRow("bad priority") << QByteArray(R"({"id": "ask", "kind": "create_case", "requestType": "missed_bin", "summary": "s", "next": "end", "priority": "urgent!"})") << u"urgent!"_s;
    }

    void wrongTypesAreBadFieldsNamingTheField()
    {
        QFETCH(QByteArray, step);
        QFETCH(QString, mentions);
        const QByteArray json = scriptWith(step + R"(, {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."})");
        const QList<ScriptProblem> problems = ScriptValidator().validate(json);
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems.first().code == u"script.bad_field"_s || problems.first().code == u"script.type_mismatch"_s,
                 qPrintable(problems.first().code));
        QVERIFY2(problems.first().message.contains(mentions), qPrintable(problems.first().message));
    }

    void theTopLevelIsCheckedToo()
    {
        QVERIFY(problemsOf(QByteArray(scriptWith(kGood)).replace("\"format\": 1", "\"format\": 2")).contains(u"script.bad_field@"_s));
        QVERIFY(problemsOf(QByteArray(scriptWith(kGood)).replace("\"version\": 1,", "")).contains(u"script.bad_field@"_s));
        QVERIFY(problemsOf(QByteArray(scriptWith(kGood)).replace("\"test-script\"", "\"Test Script\"")).contains(u"script.bad_field@"_s));
        QVERIFY(problemsOf(QByteArray(scriptWith(kGood)).replace("\"title\"", "\"tittle\"")).contains(u"script.bad_field@"_s));
        QCOMPARE(problemsOf(QByteArray(scriptWith(kGood)).replace("\"service\": \"waste\"", "\"service\": \"wizardry\"")),
                 QStringList({ u"script.unknown_reference@"_s, u"script.unknown_reference@raise"_s }));
    }

    void duplicateStepIdsAreRefused()
    {
        QByteArray steps = kGood;
        steps += R"(, {"id": "told", "kind": "outcome", "outcome": "no_action", "text": "."})";
        QCOMPARE(problemsOf(scriptWith(steps)), QStringList { u"script.duplicate_step@told"_s });
    }

    void anAnswerReadWhereItMayNotBeGivenIsFound()
    {
        // "name" is asked on one branch only; the outcome reads it on both.
        const QByteArray json = scriptWith(R"({"id": "ask", "kind": "choice", "prompt": "?", "options": [
                                                  {"value": "a", "label": "A", "next": "name"}, {"value": "b", "label": "B", "next": "end"}]},
                                              {"id": "name", "kind": "question", "prompt": "Name?", "next": "end"},
                                              {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "Thanks {name}."})");
        const QList<ScriptProblem> problems = ScriptValidator().validate(json);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().code, u"script.answer_not_given"_s);
        QCOMPARE(problems.first().stepId, u"end"_s);
        QCOMPARE(problems.first().path, QStringList({ u"ask"_s, u"end"_s })); // the path that skips it
        // Testing it with `given` is allowed anywhere.
        const QByteArray guarded = scriptWith(R"({"id": "ask", "kind": "choice", "prompt": "?", "options": [
                                                  {"value": "a", "label": "A", "next": "name"}, {"value": "b", "label": "B", "next": "check"}]},
                                              {"id": "name", "kind": "question", "prompt": "Name?", "next": "check"},
                                              {"id": "check", "kind": "condition", "when": {"answer": "name", "given": true}, "then": "end", "else": "end"},
                                              {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "Thanks."})");
        QCOMPARE(problemsOf(guarded), QStringList());
        QCOMPARE(problemsOf(scriptWith(R"({"id": "ask", "kind": "question", "prompt": "Said {nobody}?", "next": "end"},
                                          {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."})")),
                 QStringList { u"script.unknown_reference@ask"_s });
    }

    void conditionsAreTyped_data()
    {
        QTest::addColumn<QByteArray>("when");
        QTest::addColumn<QString>("code");
        QTest::newRow("choice value offered") << QByteArray(R"({"answer": "bin", "equals": "general"})") << QString();
        QTest::newRow("choice value not offered") << QByteArray(R"({"answer": "bin", "equals": "purple"})") << u"script.type_mismatch"_s;
        QTest::newRow("choice in, one not offered") << QByteArray(R"({"answer": "bin", "in": ["general", "garden"]})") << u"script.type_mismatch"_s;
        QTest::newRow("choice by order") << QByteArray(R"({"answer": "bin", "gt": 3})") << u"script.type_mismatch"_s;
        QTest::newRow("number with number") << QByteArray(R"({"answer": "items", "ge": 4})") << QString();
        QTest::newRow("number with text") << QByteArray(R"({"answer": "items", "ge": "four"})") << u"script.type_mismatch"_s;
        QTest::newRow("date with bound") << QByteArray(R"({"answer": "when", "lt": "today-2"})") << QString();
        QTest::newRow("date with number") << QByteArray(R"({"answer": "when", "lt": 2})") << u"script.type_mismatch"_s;
        QTest::newRow("text by order") << QByteArray(R"({"answer": "where", "lt": 2})") << u"script.type_mismatch"_s;
        QTest::newRow("text equals text") << QByteArray(R"({"answer": "where", "equals": "front"})") << QString();
        QTest::newRow("not a step") << QByteArray(R"({"answer": "ghost", "equals": "x"})") << u"script.unknown_reference"_s;
        QTest::newRow("age with number") << QByteArray(R"({"customer": "age", "ge": 65})") << QString();
        QTest::newRow("age bare") << QByteArray(R"({"customer": "age"})") << u"script.type_mismatch"_s;
        QTest::newRow("known equals number") << QByteArray(R"({"customer": "known", "equals": 1})") << u"script.type_mismatch"_s;
        QTest::newRow("unknown fact") << QByteArray(R"({"customer": "shoeSize", "ge": 9})") << u"script.unknown_reference"_s;
        QTest::newRow("unknown access need") << QByteArray(R"({"customer": "hasAccessNeed", "need": "telepathy"})") << u"script.unknown_reference"_s;
        QTest::newRow("unknown flag kind") << QByteArray(R"({"customer": "hasFlag", "kind": "grumpy"})") << u"script.unknown_reference"_s;
        QTest::newRow("case of a known type") << QByteArray(R"({"customer": "hasCase", "service": "waste", "requestType": "missed_bin", "withinWorkingDays": 10})") << QString();
        QTest::newRow("case of an unknown type") << QByteArray(R"({"customer": "hasCase", "service": "waste", "requestType": "lost_cat"})") << u"script.unknown_reference"_s;
        QTest::newRow("nested mismatch") << QByteArray(R"({"all": [{"customer": "known"}, {"not": {"answer": "bin", "equals": "purple"}}]})") << u"script.type_mismatch"_s;
        QTest::newRow("booking compared") << QByteArray(R"({"answer": "visit", "equals": "x"})") << u"script.type_mismatch"_s;
    }

    void conditionsAreTyped()
    {
        QFETCH(QByteArray, when);
        QFETCH(QString, code);
        const QByteArray json = scriptWith(
            R"({"id": "bin", "kind": "choice", "prompt": "?", "next": "items", "options": [{"value": "general", "label": "G"}, {"value": "recycling", "label": "R"}]},
               {"id": "items", "kind": "input", "prompt": "How many?", "input": {"type": "number", "min": 1, "max": 10}, "next": "when"},
               {"id": "when", "kind": "input", "prompt": "When?", "input": {"type": "date"}, "next": "where"},
               {"id": "where", "kind": "question", "prompt": "Where?", "next": "visit"},
               {"id": "visit", "kind": "appointment", "appointmentType": "visit", "title": "Visit", "sites": ["civic-centre"], "next": "check"},
               {"id": "check", "kind": "condition", "when": )"
            + when + R"(, "then": "end", "else": "end"},
               {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."})",
            "bin");
        const QStringList problems = problemsOf(json);
        if (code.isEmpty())
            QCOMPARE(problems, QStringList());
        else
            QVERIFY2(problems.contains(code + u"@check"_s), qPrintable(problems.join(u", "_s)));
    }

    void anOutcomeNeedsItsEffectOnEveryPath()
    {
        const QByteArray json = scriptWith(R"({"id": "ask", "kind": "choice", "prompt": "?", "options": [
                                                  {"value": "a", "label": "A", "next": "raise"}, {"value": "b", "label": "B", "next": "raised"}]},
                                              {"id": "raise", "kind": "create_case", "requestType": "missed_bin", "summary": "s", "next": "raised"},
                                              {"id": "raised", "kind": "outcome", "outcome": "request_raised", "text": "."})");
        QCOMPARE(problemsOf(json), QStringList { u"script.effect_missing@raised"_s });
        QCOMPARE(ScriptValidator().validate(json).first().path, QStringList({ u"ask"_s, u"raised"_s })); // the gap
        // Two branches, each raising its own request, meeting at one outcome: every path raises one.
        const QByteArray converging = scriptWith(R"({"id": "ask", "kind": "choice", "prompt": "?", "options": [
                                                  {"value": "a", "label": "A", "next": "raise_a"}, {"value": "b", "label": "B", "next": "raise_b"}]},
                                              {"id": "raise_a", "kind": "create_case", "requestType": "missed_bin", "summary": "s", "next": "raised"},
                                              {"id": "raise_b", "kind": "create_case", "requestType": "bulky_waste", "summary": "s", "next": "raised"},
                                              {"id": "raised", "kind": "outcome", "outcome": "request_raised", "text": "."})");
        QCOMPARE(problemsOf(converging), QStringList());
        QCOMPARE(problemsOf(scriptWith(R"({"id": "ask", "kind": "outcome", "outcome": "signposted", "text": "."})")),
                 QStringList { u"script.effect_missing@ask"_s });
    }

    void aPromiseOnAChosenDayNeedsADateGivenBeforeIt()
    {
        const QByteArray onText = scriptWith(R"({"id": "ask", "kind": "question", "prompt": "When?", "next": "raise"},
                                              {"id": "raise", "kind": "create_case", "requestType": "bulky_waste", "summary": "s",
                                               "promise": {"onAnswer": "ask"}, "next": "raised"},
                                              {"id": "raised", "kind": "outcome", "outcome": "request_raised", "text": "."})");
        QCOMPARE(problemsOf(onText), QStringList { u"script.type_mismatch@raise"_s });
        const QByteArray both = scriptWith(R"({"id": "ask", "kind": "input", "prompt": "When?", "input": {"type": "date"}, "next": "raise"},
                                              {"id": "raise", "kind": "create_case", "requestType": "bulky_waste", "summary": "s",
                                               "promise": {"onAnswer": "ask", "workingDays": 3}, "next": "raised"},
                                              {"id": "raised", "kind": "outcome", "outcome": "request_raised", "text": "."})");
        QCOMPARE(problemsOf(both), QStringList { u"script.bad_field@raise"_s });
        QCOMPARE(problemsOf(QByteArray(both).replace(", \"workingDays\": 3", "")), QStringList());
    }

    void referencesOutsideTheScriptAreChecked()
    {
        ScriptReferences references;
        references.articles = QSet<QString> { u"bin-days"_s };
        references.agencies = QSet<QString> { u"citizens_advice"_s };
        references.sites = QSet<QString> { u"civic-centre"_s };
        const QByteArray json = scriptWith(R"({"id": "ask", "kind": "knowledge", "article": "moon-landing", "next": "sp"},
                                              {"id": "sp", "kind": "signpost", "agency": "ghostbusters", "next": "book"},
                                              {"id": "book", "kind": "appointment", "appointmentType": "visit", "title": "T", "sites": ["civic-centre", "atlantis"], "next": "raise"},
                                              {"id": "raise", "kind": "create_case", "requestType": "lost_cat", "summary": "s", "next": "end"},
                                              {"id": "end", "kind": "outcome", "outcome": "assisted_self_service", "guide": "bin-days", "text": "."})");
        QCOMPARE(problemsOf(json, references),
                 QStringList({ u"script.unknown_reference@ask"_s, u"script.unknown_reference@sp"_s,
                               u"script.unknown_reference@book"_s, u"script.unknown_reference@raise"_s }));
        // Not checked when the validator is not told what exists (a desk without every article).
        QCOMPARE(problemsOf(json), QStringList { u"script.unknown_reference@raise"_s });
    }

    void limitsAreKept()
    {
        QByteArray big = scriptWith(kGood);
        big.insert(big.indexOf("\"title\""), "\"keywords\": [\"" + QByteArray(Script::kMaxBytes, 'x') + "\"], ");
        QCOMPARE(problemsOf(big), QStringList { u"script.too_large@"_s });

        QByteArray many;
        for (int i = 0; i <= Script::kMaxSteps; ++i)
            many += "{\"id\": \"s" + QByteArray::number(i) + "\", \"kind\": \"outcome\", \"outcome\": \"resolved\", \"text\": \".\"},";
        many.chop(1);
        QCOMPARE(problemsOf(scriptWith(many, "s0")), QStringList { u"script.too_large@"_s });

        QByteArray deep = R"({"customer": "known"})";
        for (int i = 0; i < Script::kMaxConditionDepth + 2; ++i)
            deep = "{\"not\": " + deep + "}";
        // (Built without raw strings: moc 6.4 loses its way in some of them.)
        const QByteArray json = scriptWith("{\"id\": \"ask\", \"kind\": \"condition\", \"when\": " + deep
                                           + ", \"then\": \"end\", \"else\": \"end\"},"
                                             " {\"id\": \"end\", \"kind\": \"outcome\", \"outcome\": \"resolved\", \"text\": \".\"}");
        QCOMPARE(problemsOf(json), QStringList { u"script.too_large@ask"_s });
    }
};

QTEST_GUILESS_MAIN(tst_ScriptValidator)
#include "tst_ScriptValidator.moc"
