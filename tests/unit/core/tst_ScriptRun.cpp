// The script runner: one step at a time, checked answers, back and forward, answers dropped only where
// they depended on a changed one, conditions on customer data, and the effects a finished run returns.

#include "core/ScriptRun.h"
#include "core/ScriptValidator.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fc;

namespace {

// A missed-bin flow with a repeat-report check, an optional question, a dated input and a branch
// whose answers must go when the branch is left.
const QByteArray kMissedBin = R"({
  "format": 1, "id": "missed-bin", "version": 3, "service": "waste", "reason": "missed_bin",
  "title": "Missed bin", "start": "repeat",
  "steps": [
    {"id": "repeat", "kind": "condition",
     "when": {"customer": "hasCase", "service": "waste", "requestType": "missed_bin", "withinWorkingDays": 10},
     "then": "already", "else": "bin"},
    {"id": "already", "kind": "information", "text": "We have a report from {customer.name} already.", "next": "chased"},
    {"id": "chased", "kind": "outcome", "outcome": "resolved", "text": "Told them when the crew returns."},
    {"id": "bin", "kind": "choice", "prompt": "Which bin?", "options": [
        {"value": "general", "label": "General waste", "next": "out_by_seven"},
        {"value": "garden", "label": "Garden waste", "next": "subscription"}]},
    {"id": "subscription", "kind": "input", "prompt": "Garden subscription number", "next": "out_by_seven",
     "input": {"type": "pattern", "pattern": "GW[0-9]{6}", "hint": "A garden waste number is GW and six digits."}},
    {"id": "out_by_seven", "kind": "choice", "prompt": "Was the {bin} bin out by 7am?", "next": "when", "options": [
        {"value": "yes", "label": "Yes"}, {"value": "no", "label": "No", "next": "too_late"}]},
    {"id": "too_late", "kind": "outcome", "outcome": "resolved", "text": "Bins must be out by 7am."},
    {"id": "when", "kind": "input", "prompt": "Collection day", "next": "where",
     "input": {"type": "date", "min": "today-5", "max": "today", "workingDay": true}},
    {"id": "where", "kind": "question", "prompt": "Where is it left?", "required": false, "next": "raise"},
    {"id": "raise", "kind": "create_case", "requestType": "missed_bin", "summary": "Missed {bin} bin on {when}",
     "fields": {"bin": "{bin}", "left": "{where}"}, "next": "raised"},
    {"id": "raised", "kind": "outcome", "outcome": "request_raised", "text": "Collected by the date we gave."}
  ]})";

std::shared_ptr<const Script> parsed(const QByteArray &json)
{
    QList<ScriptProblem> problems;
    Result<Script> script = parseScript(json, &problems);
    if (!script)
        qWarning("%s", qPrintable(script.error().message));
    return script ? std::make_shared<const Script>(std::move(script).value()) : nullptr;
}

ScriptContext contextAt(const QDateTime &now)
{
    ScriptContext context;
    context.now = now;
    Result<WorkingCalendar> calendar = WorkingCalendar::forJurisdiction(Jurisdiction::EnglandAndWales);
    context.calendar = std::make_shared<const WorkingCalendar>(calendar.value());
    return context;
}

// Tuesday 8 December 2026, 10:00 in London (GMT).
const QDateTime kTuesday(QDate(2026, 12, 8), QTime(10, 0), QTimeZone::utc());

ScriptRun startRun(const ScriptContext &context, const QByteArray &json = kMissedBin)
{
    Result<ScriptRun> run = ScriptRun::start(parsed(json), context);
    if (!run)
        qFatal("could not start: %s", qPrintable(run.error().message));
    return std::move(run).value();
}

#define ANSWER(run, value)                                                                                             \
    do {                                                                                                               \
        const Status s_ = (run).setAnswer(value);                                                                      \
        QVERIFY2(s_.ok(), qPrintable(s_.ok() ? QString() : s_.error().message));                                       \
        const Status n_ = (run).next();                                                                                \
        QVERIFY2(n_.ok(), qPrintable(n_.ok() ? QString() : n_.error().message));                                       \
    } while (false)

} // namespace

class tst_ScriptRun : public QObject {
    Q_OBJECT

private slots:
    void theFixtureIsAValidScript() { QCOMPARE(ScriptValidator().validate(kMissedBin).size(), 0); }

    void aFirstReportWalksToARaisedRequestPromisedInTwoWorkingDays()
    {
        ScriptRun run = startRun(contextAt(kTuesday));
        QCOMPARE(run.current().id, u"bin"_s); // the repeat check passed unseen
        QVERIFY(!run.canGoBack());
        ANSWER(run, u"general"_s);
        QCOMPARE(run.current().id, u"out_by_seven"_s);
        QCOMPARE(run.render(run.current().prompt), u"Was the General waste bin out by 7am?"_s);
        ANSWER(run, u"yes"_s);
        ANSWER(run, u"07/12/2026"_s);
        QCOMPARE(run.answer(u"when"_s), QJsonValue(u"2026-12-07"_s));
        QCOMPARE(run.current().id, u"where"_s);
        QVERIFY(run.next().ok()); // optional, left empty
        QCOMPARE(run.current().id, u"raise"_s);
        QVERIFY(run.next().ok());
        QVERIFY(run.finished());
        QCOMPARE(run.next().error().code, u"script.finished"_s);

        const Result<ScriptResult> result = run.result();
        QVERIFY(result.ok());
        QCOMPARE(result->scriptId, u"missed-bin"_s);
        QCOMPARE(result->scriptVersion, 3);
        QCOMPARE(result->endStepId, u"raised"_s);
        QCOMPARE(result->outcome, Outcome::RequestRaised);
        QCOMPARE(result->answers, QJsonObject({ { u"bin"_s, u"general"_s }, { u"out_by_seven"_s, u"yes"_s },
                                                { u"when"_s, u"2026-12-07"_s } }));
        QCOMPARE(result->cases.size(), 1);
        const ScriptCaseDraft &draft = result->cases.first();
        QCOMPARE(draft.service, u"waste"_s);
        QCOMPARE(draft.requestType, u"missed_bin"_s);
        QCOMPARE(draft.team, u"waste_collections"_s);
        QCOMPARE(draft.summary, u"Missed General waste bin on 07/12/2026"_s);
        QCOMPARE(draft.fields, QJsonObject({ { u"bin"_s, u"General waste"_s }, { u"left"_s, QString() } }));
        QCOMPARE(draft.promisedBy, QDateTime(QDate(2026, 12, 10), QTime(17, 0), QTimeZone::utc()));
        QVERIFY(!draft.acknowledgeBy.isValid());
        QCOMPARE(result->path, QStringList({ u"repeat"_s, u"bin"_s, u"out_by_seven"_s, u"when"_s, u"where"_s, u"raise"_s, u"raised"_s }));
    }

    void aRepeatReportWithinTenWorkingDaysIsToldSo_data()
    {
        QTest::addColumn<QDateTime>("raisedAt");
        QTest::addColumn<bool>("open");
        QTest::addColumn<QString>("first");
        // Ten working days before Tue 8 Dec 2026 is Tue 24 Nov.
        QTest::newRow("raised yesterday") << QDateTime(QDate(2026, 12, 7), QTime(9, 0), QTimeZone::utc()) << true << u"already"_s;
        QTest::newRow("ten working days ago") << QDateTime(QDate(2026, 11, 24), QTime(9, 0), QTimeZone::utc()) << true << u"already"_s;
        QTest::newRow("eleven working days ago") << QDateTime(QDate(2026, 11, 23), QTime(16, 0), QTimeZone::utc()) << true << u"bin"_s;
        QTest::newRow("yesterday but closed") << QDateTime(QDate(2026, 12, 7), QTime(9, 0), QTimeZone::utc()) << false << u"bin"_s;
    }

    void aRepeatReportWithinTenWorkingDaysIsToldSo()
    {
        QFETCH(QDateTime, raisedAt);
        QFETCH(bool, open);
        QFETCH(QString, first);
        ScriptContext context = contextAt(kTuesday);
        context.customer.known = true;
        context.customer.name = u"Siân Jones"_s;
        context.customer.cases = { ScriptCaseFact { u"waste"_s, u"missed_bin"_s, open, raisedAt },
                                   ScriptCaseFact { u"highways"_s, u"pothole"_s, true, kTuesday } };
        ScriptRun run = startRun(context);
        QCOMPARE(run.current().id, first);
        if (first == u"already"_s)
            QCOMPARE(run.render(run.current().text), u"We have a report from Siân Jones already."_s);
    }

    void nothingMovesOnWithoutAnAnswer()
    {
        ScriptRun run = startRun(contextAt(kTuesday));
        QCOMPARE(run.next().error().code, u"script.answer_required"_s);
        QCOMPARE(run.setAnswer(u"purple"_s).error().code, u"script.invalid_answer"_s);
        QCOMPARE(run.current().id, u"bin"_s);
        QCOMPARE(run.setAnswer(QJsonValue()).error().code, u"script.answer_required"_s);
    }

    void badInputIsRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("says");
        QTest::newRow("not a date") << u"last Monday"_s << u"day/month/year"_s;
        QTest::newRow("too early") << u"30/11/2026"_s << u"on or after 03/12/2026"_s;
        QTest::newRow("in the future") << u"09/12/2026"_s << u"on or before 08/12/2026"_s;
        QTest::newRow("a Saturday") << u"05/12/2026"_s << u"not a working day"_s;
    }

    void badInputIsRefusedWithAReason()
    {
        QFETCH(QString, typed);
        QFETCH(QString, says);
        ScriptRun run = startRun(contextAt(kTuesday));
        ANSWER(run, u"general"_s);
        ANSWER(run, u"yes"_s);
        const Status refused = run.setAnswer(typed);
        QCOMPARE(refused.error().code, u"script.invalid_answer"_s);
        QVERIFY2(refused.error().message.contains(says), qPrintable(refused.error().message));
        QVERIFY(run.answer(u"when"_s).isUndefined());
        QCOMPARE(run.next().error().code, u"script.answer_required"_s);
    }

    void inputsAreNormalised_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QJsonValue>("stored"); // undefined: refused
        QTest::newRow("postcode") << QByteArray(R"({"type": "postcode"})") << u" pl12aa "_s << QJsonValue(u"PL1 2AA"_s);
        QTest::newRow("not a postcode") << QByteArray(R"({"type": "postcode"})") << u"PL1"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("phone") << QByteArray(R"({"type": "phone"})") << u"+44 7700 900123"_s << QJsonValue(u"07700900123"_s);
        QTest::newRow("not a phone") << QByteArray(R"({"type": "phone"})") << u"12"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("email") << QByteArray(R"({"type": "email"})") << u"Sian@Example.ORG"_s << QJsonValue(u"Sian@example.org"_s);
        QTest::newRow("money") << QByteArray(R"({"type": "money", "min": 0, "max": 2000})") << u"£1,250.5"_s << QJsonValue(1250.5);
        QTest::newRow("money over") << QByteArray(R"({"type": "money", "min": 0, "max": 2000})") << u"£2,000.01"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("money in fractions of a penny") << QByteArray(R"({"type": "money"})") << u"3.333"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("whole number") << QByteArray(R"({"type": "number", "min": 1, "max": 10})") << u"4"_s << QJsonValue(4.0);
        QTest::newRow("decimal where whole") << QByteArray(R"({"type": "number", "min": 1, "max": 10})") << u"4.5"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("out of range") << QByteArray(R"({"type": "number", "min": 1, "max": 10})") << u"11"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("depth in cm") << QByteArray(R"({"type": "number", "decimals": 1})") << u"4.5"_s << QJsonValue(4.5);
        QTest::newRow("pattern") << QByteArray(R"({"type": "pattern", "pattern": "SL[0-9]{4}", "hint": "SL and four digits"})") << u"SL0042"_s << QJsonValue(u"SL0042"_s);
        QTest::newRow("pattern is whole") << QByteArray(R"({"type": "pattern", "pattern": "SL[0-9]{4}", "hint": "SL and four digits"})") << u"SL00421"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("text too long") << QByteArray(R"({"type": "text", "maxLength": 5})") << u"123456"_s << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("fixed date bound") << QByteArray(R"({"type": "date", "min": "2026-12-24"})") << u"2026-12-23"_s << QJsonValue(QJsonValue::Undefined);
    }

    void inputsAreNormalised()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, typed);
        QFETCH(QJsonValue, stored);
        const QByteArray json = R"({"format": 1, "id": "x", "version": 1, "service": "general", "reason": "general_enquiry",
            "title": "X", "start": "ask", "steps": [
            {"id": "ask", "kind": "input", "prompt": "?", "next": "end", "input": )" + input + R"(},
            {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."}]})";
        ScriptRun run = startRun(contextAt(kTuesday), json);
        const Status status = run.setAnswer(typed);
        if (stored.isUndefined()) {
            QCOMPARE(status.error().code, u"script.invalid_answer"_s);
            QVERIFY(!status.error().message.isEmpty());
        } else {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
            QCOMPARE(run.answer(u"ask"_s), stored);
        }
    }

    void backAndForwardKeepTheAnswers()
    {
        ScriptRun run = startRun(contextAt(kTuesday));
        ANSWER(run, u"general"_s);
        ANSWER(run, u"yes"_s);
        ANSWER(run, u"2026-12-07"_s);
        QCOMPARE(run.current().id, u"where"_s);
        QVERIFY(run.back());
        QCOMPARE(run.current().id, u"when"_s);
        QVERIFY(run.back());
        QVERIFY(run.back());
        QCOMPARE(run.current().id, u"bin"_s);
        QVERIFY(!run.back());
        QCOMPARE(run.answer(u"bin"_s), QJsonValue(u"general"_s));
        // Forward again with what was given: no answer needs giving twice.
        QVERIFY(run.next().ok());
        QVERIFY(run.next().ok());
        QVERIFY(run.next().ok());
        QCOMPARE(run.current().id, u"where"_s);
        QCOMPARE(run.visibleHistory(), QStringList({ u"bin"_s, u"out_by_seven"_s, u"when"_s, u"where"_s }));
    }

    void changingAnEarlierAnswerDropsOnlyWhatDependedOnIt()
    {
        ScriptRun run = startRun(contextAt(kTuesday));
        ANSWER(run, u"garden"_s);
        ANSWER(run, u"GW123456"_s);
        ANSWER(run, u"yes"_s);
        ANSWER(run, u"2026-12-07"_s);
        ANSWER(run, u"By the gate"_s);
        QCOMPARE(run.current().id, u"raise"_s);
        while (run.current().id != u"bin"_s)
            QVERIFY(run.back());
        // The same answer again changes nothing.
        QVERIFY(run.setAnswer(u"garden"_s).ok());
        QCOMPARE(run.answer(u"subscription"_s), QJsonValue(u"GW123456"_s));
        QCOMPARE(run.answer(u"out_by_seven"_s), QJsonValue(u"yes"_s));

        QVERIFY(run.setAnswer(u"general"_s).ok());
        // The garden branch is left: its answer goes. "out_by_seven" quotes {bin}: asked again.
        QVERIFY(run.answer(u"subscription"_s).isUndefined());
        QVERIFY(run.answer(u"out_by_seven"_s).isUndefined());
        // The steps still ahead keep theirs.
        QCOMPARE(run.answer(u"when"_s), QJsonValue(u"2026-12-07"_s));
        QCOMPARE(run.answer(u"where"_s), QJsonValue(u"By the gate"_s));
        QVERIFY(run.next().ok());
        QCOMPARE(run.current().id, u"out_by_seven"_s);
        QCOMPARE(run.next().error().code, u"script.answer_required"_s);
        ANSWER(run, u"yes"_s);
        QCOMPARE(run.current().id, u"when"_s);
        QVERIFY(run.next().ok());
        QVERIFY(run.next().ok());
        QVERIFY(run.next().ok());
        QVERIFY(run.finished());
        QCOMPARE(run.result()->answers.value(u"where"_s), QJsonValue(u"By the gate"_s));
        QVERIFY(!run.result()->answers.contains(u"subscription"_s));
    }

    void customerFactsDecide_data()
    {
        QTest::addColumn<QByteArray>("when");
        QTest::addColumn<bool>("known");
        QTest::addColumn<bool>("expected");
        QTest::newRow("anonymous is not known") << QByteArray(R"({"customer": "known"})") << false << false;
        QTest::newRow("known") << QByteArray(R"({"customer": "known"})") << true << true;
        QTest::newRow("aged 65 or over") << QByteArray(R"({"customer": "age", "ge": 65})") << true << true;
        QTest::newRow("under 70") << QByteArray(R"({"customer": "age", "lt": 70})") << true << true;
        QTest::newRow("exactly 66 on the day") << QByteArray(R"({"customer": "age", "equals": 66})") << true << true;
        QTest::newRow("age of an anonymous caller") << QByteArray(R"({"customer": "age", "ge": 0})") << false << false;
        QTest::newRow("BSL") << QByteArray(R"({"customer": "hasAccessNeed", "need": "bsl"})") << true << true;
        QTest::newRow("no interpreter") << QByteArray(R"({"customer": "hasAccessNeed", "need": "interpreter"})") << true << false;
        QTest::newRow("vulnerable") << QByteArray(R"({"customer": "hasFlag", "kind": "vulnerability"})") << true << true;
        QTest::newRow("no staff-safety flag") << QByteArray(R"({"customer": "hasFlag", "kind": "staff_safety"})") << true << false;
        QTest::newRow("contacted about waste") << QByteArray(R"({"customer": "hasContact", "service": "waste", "reason": "missed_bin"})") << true << true;
        QTest::newRow("not about highways") << QByteArray(R"({"customer": "hasContact", "service": "highways"})") << true << false;
        QTest::newRow("all") << QByteArray(R"({"all": [{"customer": "known"}, {"customer": "age", "ge": 65}]})") << true << true;
        QTest::newRow("any") << QByteArray(R"({"any": [{"customer": "hasFlag", "kind": "staff_safety"}, {"customer": "age", "gt": 90}]})") << true << false;
        QTest::newRow("not") << QByteArray(R"({"not": {"customer": "hasFlag", "kind": "staff_safety"}})") << true << true;
        QTest::newRow("equals false") << QByteArray(R"({"customer": "known", "equals": false})") << false << true;
    }

    void customerFactsDecide()
    {
        QFETCH(QByteArray, when);
        QFETCH(bool, known);
        QFETCH(bool, expected);
        const QByteArray json = R"({"format": 1, "id": "x", "version": 1, "service": "general", "reason": "general_enquiry",
            "title": "X", "start": "check", "steps": [
            {"id": "check", "kind": "condition", "when": )" + when + R"(, "then": "yes", "else": "no"},
            {"id": "yes", "kind": "outcome", "outcome": "resolved", "text": "."},
            {"id": "no", "kind": "outcome", "outcome": "no_action", "text": "."}]})";
        QCOMPARE(ScriptValidator().validate(json).size(), 0);
        ScriptContext context = contextAt(kTuesday);
        if (known) {
            context.customer.known = true;
            context.customer.dateOfBirth = QDate(1960, 12, 8); // 66 today
            context.customer.accessNeeds.needs = AccessNeed::BritishSignLanguage;
            context.customer.vulnerability = true;
            context.customer.contacts = { ScriptContactFact { u"waste"_s, u"missed_bin"_s, kTuesday.addDays(-2) } };
        }
        ScriptRun run = startRun(context, json);
        QCOMPARE(run.current().id, expected ? u"yes"_s : u"no"_s);
    }

    void anAppointmentIsBookedOnAWorkingDayInOfficeHours()
    {
        const QByteArray json = R"({"format": 1, "id": "x", "version": 1, "service": "adult_social_care", "reason": "blue_badge",
            "title": "X", "start": "book", "steps": [
            {"id": "book", "kind": "appointment", "appointmentType": "assisted_digital", "title": "Help to apply",
             "sites": ["civic-centre", "plympton-hub"], "withinWorkingDays": 5, "next": "booked"},
            {"id": "booked", "kind": "outcome", "outcome": "appointment_booked", "text": "See you then."}]})";
        QCOMPARE(ScriptValidator().validate(json).size(), 0);
        ScriptRun run = startRun(contextAt(kTuesday), json);
        const auto at = [](QDate day, int hour) {
            return QJsonObject { { u"site"_s, u"civic-centre"_s },
                                 { u"at"_s, QDateTime(day, QTime(hour, 0), QTimeZone::utc()).toString(Qt::ISODate) } };
        };
        QCOMPARE(run.setAnswer(QJsonObject { { u"site"_s, u"atlantis"_s }, { u"at"_s, u"2026-12-09T10:00:00Z"_s } }).error().code,
                 u"script.invalid_answer"_s);
        QVERIFY(run.setAnswer(at(QDate(2026, 12, 8), 9)).error().message.contains(u"still to come"_s));
        QVERIFY(run.setAnswer(at(QDate(2026, 12, 12), 10)).error().message.contains(u"not a working day"_s));
        QVERIFY(run.setAnswer(at(QDate(2026, 12, 16), 10)).error().message.contains(u"on or before 15/12/2026"_s));
        QVERIFY(run.setAnswer(at(QDate(2026, 12, 9), 18)).error().message.contains(u"between 09:00 and 17:00"_s));
        QCOMPARE(run.setAnswer(u"tomorrow"_s).error().code, u"script.invalid_answer"_s);
        ANSWER(run, at(QDate(2026, 12, 15), 14));
        const Result<ScriptResult> result = run.result();
        QCOMPARE(result->outcome, Outcome::AppointmentBooked);
        QCOMPARE(result->appointments.size(), 1);
        QCOMPARE(result->appointments.first().site, u"civic-centre"_s);
        QCOMPARE(result->appointments.first().appointmentType, u"assisted_digital"_s);
        QCOMPARE(result->appointments.first().at, QDateTime(QDate(2026, 12, 15), QTime(14, 0), QTimeZone::utc()));
    }

    void anAppointmentReadsInTheCouncilsTime()
    {
        const QByteArray json = R"({"format": 1, "id": "x", "version": 1, "service": "adult_social_care", "reason": "blue_badge",
            "title": "X", "start": "book", "steps": [
            {"id": "book", "kind": "appointment", "appointmentType": "assisted_digital", "title": "Help to apply",
             "sites": ["civic-centre"], "next": "booked"},
            {"id": "booked", "kind": "outcome", "outcome": "appointment_booked", "text": "Booked: {book}."}]})";
        // June: London is an hour ahead of UTC, so 13:00 UTC is 14:00 at the counter.
        ScriptRun run = startRun(contextAt(QDateTime(QDate(2027, 6, 8), QTime(9, 0), QTimeZone::utc())), json);
        ANSWER(run, QJsonObject({ { u"site"_s, u"civic-centre"_s }, { u"at"_s, u"2027-06-09T13:00:00Z"_s } }));
        QCOMPARE(run.result()->outcomeText, u"Booked: civic-centre at 09/06/2027 14:00."_s);
        // 16:30 UTC is 17:30 in London: after the counter closes, though it would not be in UTC.
        ScriptRun late = startRun(contextAt(QDateTime(QDate(2027, 6, 8), QTime(9, 0), QTimeZone::utc())), json);
        QVERIFY(late.setAnswer(QJsonObject({ { u"site"_s, u"civic-centre"_s }, { u"at"_s, u"2027-06-09T16:30:00Z"_s } }))
                    .error().message.contains(u"between 09:00 and 17:00"_s));
    }

    void theMemberPromiseHasAnAcknowledgementDate()
    {
        const QByteArray json = R"({"format": 1, "id": "x", "version": 1, "service": "member_enquiry", "reason": "member_enquiry",
            "title": "X", "start": "raise", "steps": [
            {"id": "raise", "kind": "create_case", "requestType": "member_enquiry", "summary": "Councillor enquiry",
             "priority": "high", "promise": {"acknowledgeWorkingDays": 2, "workingDays": 10}, "next": "raised"},
            {"id": "raised", "kind": "outcome", "outcome": "request_raised", "text": "."}]})";
        // Raised on Friday 18 Dec 2026 at 11:00: ten working days skip Christmas, Boxing Day's substitute
        // and New Year's Day.
        ScriptRun run = startRun(contextAt(QDateTime(QDate(2026, 12, 18), QTime(11, 0), QTimeZone::utc())), json);
        QVERIFY(run.next().ok());
        const ScriptCaseDraft draft = run.result()->cases.value(0);
        QCOMPARE(draft.priority, CasePriority::High);
        QCOMPARE(draft.team, u"member_services"_s);
        QCOMPARE(draft.acknowledgeBy, QDateTime(QDate(2026, 12, 22), QTime(17, 0), QTimeZone::utc()));
        QCOMPARE(draft.promisedBy, QDateTime(QDate(2027, 1, 6), QTime(17, 0), QTimeZone::utc()));
    }

    void aBrokenScriptStopsInsteadOfSpinning()
    {
        // Not validated: two conditions that send each other round for ever.
        const QByteArray json = R"({"format": 1, "id": "x", "version": 1, "service": "general", "reason": "general_enquiry",
            "title": "X", "start": "a", "steps": [
            {"id": "a", "kind": "condition", "when": {"customer": "known"}, "then": "b", "else": "b"},
            {"id": "b", "kind": "condition", "when": {"customer": "known"}, "then": "a", "else": "a"}]})";
        const Result<ScriptRun> run = ScriptRun::start(parsed(json), contextAt(kTuesday));
        QCOMPARE(run.error().code, u"script.broken"_s);
        const QByteArray missing = R"({"format": 1, "id": "x", "version": 1, "service": "general", "reason": "general_enquiry",
            "title": "X", "start": "a", "steps": [{"id": "a", "kind": "question", "prompt": "?", "next": "gone"}]})";
        Result<ScriptRun> started = ScriptRun::start(parsed(missing), contextAt(kTuesday));
        QVERIFY(started.ok());
        ScriptRun second = std::move(started).value();
        QVERIFY(second.setAnswer(u"x"_s).ok());
        QCOMPARE(second.next().error().code, u"script.broken"_s);
        QCOMPARE(second.current().id, u"a"_s);
        QCOMPARE(second.result().error().code, u"script.not_finished"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ScriptRun)
#include "tst_ScriptRun.moc"
