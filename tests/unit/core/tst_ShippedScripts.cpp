// The scripts FirstContact ships (resources/scripts) against the shipped knowledge: each validates, and
// each of its outcomes is reached by at least one case in tests/unit/core/scripts/<id>.cases.json,
// run through the real engine with the answers an agent would type and checked for its outcome,
// requests (type, priority, promised-by date), signposts and bookings.

#include "core/KnowledgeLibrary.h"
#include "core/ScriptLibrary.h"
#include "core/ScriptRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fc;

namespace {

QString casesDir()
{
    return qEnvironmentVariable("FC_SOURCE_DIR") + u"/tests/unit/core/scripts"_s;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QDateTime utc(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

ScriptContext contextFor(const QJsonObject &testCase, const std::shared_ptr<const WorkingCalendar> &calendar)
{
    ScriptContext context;
    context.calendar = calendar;
    context.now = testCase.contains(u"now"_s) ? utc(testCase.value(u"now"_s))
                                              : QDateTime(QDate(2026, 12, 8), QTime(10, 0), QTimeZone::utc());
    if (!testCase.contains(u"customer"_s))
        return context;
    const QJsonObject c = testCase.value(u"customer"_s).toObject();
    ScriptCustomerFacts &facts = context.customer;
    facts.known = c.value(u"known"_s).toBool(true);
    facts.dateOfBirth = QDate::fromString(c.value(u"birthDate"_s).toString(), Qt::ISODate);
    for (const QJsonValue &need : c.value(u"accessNeeds"_s).toArray()) {
        if (std::optional<AccessNeed> n = accessNeedFromKey(need.toString()))
            facts.accessNeeds.needs |= *n;
    }
    for (const QJsonValue &flag : c.value(u"flags"_s).toArray()) {
        facts.vulnerability |= flag.toString() == u"vulnerability"_s;
        facts.staffSafety |= flag.toString() == u"staff_safety"_s;
    }
    for (const QJsonValue &v : c.value(u"cases"_s).toArray()) {
        const QJsonObject k = v.toObject();
        facts.cases.append(ScriptCaseFact { k.value(u"service"_s).toString(), k.value(u"requestType"_s).toString(),
                                            k.value(u"open"_s).toBool(true), utc(k.value(u"raisedAt"_s)) });
    }
    for (const QJsonValue &v : c.value(u"contacts"_s).toArray()) {
        const QJsonObject k = v.toObject();
        facts.contacts.append(
            ScriptContactFact { k.value(u"service"_s).toString(), k.value(u"reason"_s).toString(), utc(k.value(u"at"_s)) });
    }
    facts.name = c.value(u"name"_s).toString(u"Siân Jones"_s);
    facts.postcode = c.value(u"postcode"_s).toString(u"PL1 2AA"_s);
    facts.address = u"12 Mill Street, Tamarford, "_s + facts.postcode;
    return context;
}

} // namespace

class tst_ShippedScripts : public QObject {
    Q_OBJECT

    ScriptReferences m_references;
    QMap<QString, std::shared_ptr<const Script>> m_scripts;
    QMap<QString, QSet<QString>> m_reached; // script id -> outcome steps the cases reached
    std::shared_ptr<const WorkingCalendar> m_calendar;

private slots:
    void initTestCase()
    {
        const Result<KnowledgeLibrary> knowledge = KnowledgeLibrary::shipped();
        QVERIFY2(knowledge.ok(), qPrintable(knowledge.ok() ? QString() : knowledge.error().message));
        QVERIFY(knowledge->articles().size() >= 6);
        m_references = knowledge->references();
        Result<WorkingCalendar> calendar = WorkingCalendar::forJurisdiction(Jurisdiction::EnglandAndWales);
        QVERIFY(calendar.ok());
        m_calendar = std::make_shared<const WorkingCalendar>(calendar.value());
        QVERIFY(QDir(casesDir()).exists());
    }

    void everyShippedScriptIsValid()
    {
        const QList<ScriptFile> files = readScriptFiles(u":/scripts"_s, ScriptValidator(m_references));
        QVERIFY(files.size() >= 10);
        QStringList problems;
        for (const ScriptFile &file : files) {
            for (const ScriptProblem &p : file.problems)
                problems.append(file.path + u": "_s + p.code + u": "_s + p.text());
            if (file.script) {
                QCOMPARE(QFileInfo(file.path).completeBaseName(), file.script->id);
                m_scripts.insert(file.script->id, file.script);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(loadValidScripts(u":/scripts"_s, ScriptValidator(m_references)).size(), files.size());
    }

    void everyCaseEndsAsExpected_data()
    {
        QTest::addColumn<QString>("scriptId");
        QTest::addColumn<QJsonObject>("testCase");
        for (const QString &name : QDir(casesDir()).entryList({ u"*.cases.json"_s }, QDir::Files, QDir::Name)) {
            const QJsonObject file = readJson(casesDir() + u'/' + name);
            const QString scriptId = file.value(u"script"_s).toString();
            for (const QJsonValue &c : file.value(u"cases"_s).toArray())
                QTest::addRow("%s: %s", qPrintable(scriptId), qPrintable(c.toObject().value(u"name"_s).toString()))
                    << scriptId << c.toObject();
        }
    }

    void everyCaseEndsAsExpected()
    {
        QFETCH(QString, scriptId);
        QFETCH(QJsonObject, testCase);
        const std::shared_ptr<const Script> script = m_scripts.value(scriptId);
        QVERIFY2(script, qPrintable(u"no shipped script "_s + scriptId));
        Result<ScriptRun> started = ScriptRun::start(script, contextFor(testCase, m_calendar));
        QVERIFY(started.ok());
        ScriptRun run = std::move(started).value();
        const QJsonObject answers = testCase.value(u"answers"_s).toObject();
        for (int guard = 0; !run.finished(); ++guard) {
            QVERIFY2(guard < 200, "the run did not end");
            const ScriptStep &step = run.current();
            if (step.takesAnswer() && answers.contains(step.id)) {
                const Status given = run.setAnswer(answers.value(step.id));
                QVERIFY2(given.ok(), qPrintable(step.id + u": "_s + (given.ok() ? QString() : given.error().message)));
            }
            const Status moved = run.next();
            QVERIFY2(moved.ok(), qPrintable(u"at "_s + step.id + u" (after "_s + run.visibleHistory().join(u" > "_s)
                                            + u"): "_s + (moved.ok() ? QString() : moved.error().message)));
        }
        const Result<ScriptResult> result = run.result();
        QVERIFY(result.ok());
        m_reached[scriptId].insert(result->endStepId);

        const QJsonObject expect = testCase.value(u"expect"_s).toObject();
        QCOMPARE(result->endStepId, expect.value(u"end"_s).toString());
        QCOMPARE(outcomeKey(result->outcome), expect.value(u"outcome"_s).toString());
        QVERIFY(!result->outcomeText.contains(u'{'));
        if (expect.contains(u"cases"_s)) {
            const QJsonArray cases = expect.value(u"cases"_s).toArray();
            QCOMPARE(result->cases.size(), cases.size());
            for (qsizetype i = 0; i < cases.size(); ++i) {
                const QJsonObject want = cases.at(i).toObject();
                const ScriptCaseDraft &got = result->cases.at(i);
                QCOMPARE(got.requestType, want.value(u"requestType"_s).toString());
                if (want.contains(u"priority"_s))
                    QCOMPARE(casePriorityKey(got.priority), want.value(u"priority"_s).toString());
                if (want.contains(u"promisedBy"_s))
                    QCOMPARE(got.promisedBy.toTimeZone(m_calendar->timeZone()).date(),
                             QDate::fromString(want.value(u"promisedBy"_s).toString(), Qt::ISODate));
                QVERIFY2(!got.summary.contains(u'{') && !got.summary.isEmpty(), qPrintable(got.summary));
                QVERIFY(!got.team.isEmpty());
            }
        }
        if (expect.contains(u"signposts"_s)) {
            QStringList signposts;
            for (const QJsonValue &v : expect.value(u"signposts"_s).toArray())
                signposts.append(v.toString());
            QCOMPARE(result->signposts, signposts);
        }
        if (expect.contains(u"appointments"_s))
            QCOMPARE(result->appointments.size(), expect.value(u"appointments"_s).toInt());
    }

    void everyOutcomeOfEveryScriptHasACase()
    {
        QStringList missing;
        for (const auto &script : std::as_const(m_scripts)) {
            if (!QFile::exists(casesDir() + u'/' + script->id + u".cases.json"_s)) {
                missing.append(script->id + u": no cases file"_s);
                continue;
            }
            for (const ScriptStep &step : script->steps) {
                if (step.kind == ScriptStepKind::Outcome && !m_reached.value(script->id).contains(step.id))
                    missing.append(script->id + u": outcome '"_s + step.id + u"' is reached by no case"_s);
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(tst_ShippedScripts)
#include "tst_ShippedScripts.moc"
