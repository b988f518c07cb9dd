// A seeded random mutator for the script reader, validator and runner. Shipped and hand-made scripts are
// mutated byte by byte and value by value; every mutant is read and validated, and every one that
// reads is run with random answers and random steps back. Nothing may crash or hang, every problem has
// a documented code and a message, and a script the validator passes never breaks while it runs.
//
// In the suite it runs for FC_FUZZ_SECONDS (default 3). For the long run under ASan/UBSan:
//   FC_SANITIZE=1 FC_BUILD_DIR=build-asan scripts/build && FC_FUZZ_SECONDS=600 build-asan/tests/bin/tst_ScriptFuzz
// FC_FUZZ_SEED repeats a run (the seed is printed); with FC_FUZZ_LAST=FILE each mutant is written there
// before it is tried, so the one that crashed a run can be replayed (FC_FUZZ_REPLAY=FILE tries just it).

#include "core/ScriptLibrary.h"
#include "core/ScriptRun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fc;

namespace {

const QStringList kCodes {
    u"script.not_json"_s,       u"script.bad_field"_s,          u"script.unknown_kind"_s,   u"script.duplicate_step"_s,
    u"script.missing_target"_s, u"script.unreachable"_s,        u"script.dead_end"_s,       u"script.no_outcome"_s,
    u"script.condition_loop"_s, u"script.unknown_reference"_s,  u"script.answer_not_given"_s, u"script.type_mismatch"_s,
    u"script.effect_missing"_s, u"script.too_large"_s,
};

class Mutator {
public:
    explicit Mutator(quint64 seed) : m_random(seed) { }

    int below(int n) { return n <= 0 ? 0 : int(m_random.bounded(n)); }
    bool chance(int percent) { return below(100) < percent; }

    QJsonValue randomValue(int depth = 0)
    {
        switch (below(depth > 2 ? 5 : 7)) {
        case 0:
            return QJsonValue(QJsonValue::Null);
        case 1:
            return QJsonValue(chance(50));
        case 2:
            return QJsonValue(chance(50) ? double(below(20) - 5) : m_random.generateDouble() * 1e9);
        case 3:
            return QJsonValue(randomWord());
        case 4:
            return QJsonValue(QString(below(300), QChar(u'a' + below(26))));
        case 5: {
            QJsonArray array;
            for (int i = below(4); i > 0; --i)
                array.append(randomValue(depth + 1));
            return array;
        }
        default: {
            QJsonObject object;
            for (int i = below(4); i > 0; --i)
                object.insert(randomWord(), randomValue(depth + 1));
            return object;
        }
        }
    }

    QString randomWord()
    {
        static const QStringList words {
            u"id"_s, u"kind"_s, u"next"_s, u"then"_s, u"else"_s, u"when"_s, u"answer"_s, u"customer"_s, u"equals"_s,
            u"in"_s, u"ge"_s, u"given"_s, u"all"_s, u"any"_s, u"not"_s, u"options"_s, u"value"_s, u"label"_s,
            u"outcome"_s, u"resolved"_s, u"choice"_s, u"input"_s, u"condition"_s, u"type"_s, u"date"_s, u"money"_s,
            u"today+3"_s, u"today-400"_s, u"{customer.name}"_s, u"hasCase"_s, u"age"_s, u"waste"_s, u""_s, u"\u0142"_s,
        };
        return words.at(below(int(words.size())));
    }

    /// One change somewhere in the tree: a value replaced, a key dropped or renamed, a list shuffled.
    QJsonValue mutateValue(const QJsonValue &value, int depth = 0)
    {
        if (depth > 0 && chance(8))
            return randomValue();
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            if (object.isEmpty())
                return object;
            const QStringList keys = object.keys();
            const QString key = keys.at(below(int(keys.size())));
            switch (below(10)) {
            case 0:
                object.remove(key);
                break;
            case 1: {
                const QJsonValue moved = object.take(key);
                object.insert(randomWord(), moved);
                break;
            }
            case 2:
                object.insert(key, randomValue());
                break;
            default:
                object.insert(key, mutateValue(object.value(key), depth + 1));
            }
            return object;
        }
        if (value.isArray()) {
            QJsonArray array = value.toArray();
            if (array.isEmpty())
                return chance(50) ? QJsonValue(array) : randomValue();
            const int i = below(int(array.size()));
            switch (below(8)) {
            case 0:
                array.removeAt(i);
                break;
            case 1:
                array.append(array.at(i)); // a duplicate step, option or condition
                break;
            case 2: {
                const int j = below(int(array.size()));
                const QJsonValue first = array.at(i);
                array.replace(i, array.at(j));
                array.replace(j, first);
                break;
            }
            default:
                array.replace(i, mutateValue(array.at(i), depth + 1));
            }
            return array;
        }
        if (value.isString() && chance(50))
            return QJsonValue(randomWord()); // often another step's id or a keyword: the graph moves
        return randomValue();
    }

    QByteArray mutateBytes(QByteArray bytes)
    {
        if (bytes.isEmpty())
            return "{";
        const int at = below(int(bytes.size()));
        switch (below(5)) {
        case 0:
            bytes[at] = char(below(256));
            break;
        case 1:
            bytes.remove(at, below(40));
            break;
        case 2:
            bytes.insert(at, bytes.mid(below(int(bytes.size())), below(80)));
            break;
        case 3:
            bytes.insert(at, QByteArray("{[\"\\u0000\":-1e999,").mid(below(10), below(8)));
            break;
        default:
            bytes.truncate(at);
        }
        return bytes;
    }

    QByteArray mutate(const QByteArray &seed)
    {
        if (chance(25))
            return mutateBytes(seed);
        QJsonValue value = QJsonDocument::fromJson(seed).object();
        for (int i = 1 + below(4); i > 0; --i)
            value = mutateValue(value);
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }

    /// Something an agent might give at this step: often right, often not.
    QJsonValue answerFor(const ScriptStep &step)
    {
        if (step.kind == ScriptStepKind::Choice && !step.options.isEmpty() && chance(80))
            return step.options.at(below(int(step.options.size()))).value;
        if (step.kind == ScriptStepKind::Appointment && !step.sites.isEmpty() && chance(70))
            return QJsonObject { { u"site"_s, step.sites.at(below(int(step.sites.size()))) },
                                 { u"at"_s, QDateTime(QDate(2026, 12, 9 + below(10)), QTime(9 + below(9), 0), QTimeZone::utc())
                                                .toString(Qt::ISODate) } };
        static const QStringList typed { u"PL1 2AA"_s, u"07700 900123"_s, u"a@b.org"_s, u"10/12/2026"_s, u"2026-12-15"_s,
                                         u"£35"_s, u"4"_s, u"-1"_s, u"12.345"_s, u"GW123456"_s, u""_s, u"yes"_s, u"no"_s };
        if (chance(85))
            return typed.at(below(int(typed.size())));
        return randomValue();
    }

private:
    QRandomGenerator64 m_random;
};

QList<QByteArray> seeds()
{
    QList<QByteArray> out;
    for (const QString &name : QDir(u":/scripts"_s).entryList({ u"*.json"_s }, QDir::Files)) {
        QFile file(u":/scripts/"_s + name);
        if (file.open(QIODevice::ReadOnly))
            out.append(file.readAll());
    }
    out.append(R"({"format": 1, "id": "loop", "version": 1, "service": "waste", "reason": "bulky_waste", "title": "Items",
        "start": "item", "steps": [
        {"id": "item", "kind": "question", "prompt": "Item?", "next": "more"},
        {"id": "more", "kind": "choice", "prompt": "Another?", "options": [
            {"value": "yes", "label": "Yes", "next": "item"}, {"value": "no", "label": "No", "next": "check"}]},
        {"id": "check", "kind": "condition", "when": {"all": [{"answer": "more", "equals": "no"}, {"customer": "age", "ge": 65}]},
         "then": "raise", "else": "end"},
        {"id": "raise", "kind": "create_case", "requestType": "bulky_waste", "summary": "{item}", "next": "raised"},
        {"id": "raised", "kind": "outcome", "outcome": "request_raised", "text": "Booked {item}."},
        {"id": "end", "kind": "outcome", "outcome": "resolved", "text": "."}]})");
    return out;
}

} // namespace

class tst_ScriptFuzz : public QObject {
    Q_OBJECT

private slots:
    void mutantsNeverCrashAndValidScriptsNeverBreak()
    {
        const QList<QByteArray> corpus = seeds();
        QVERIFY(corpus.size() >= 11);
        const quint64 seed = qEnvironmentVariableIsSet("FC_FUZZ_SEED") ? qEnvironmentVariable("FC_FUZZ_SEED").toULongLong()
                                                                        : QRandomGenerator::global()->generate64();
        const int seconds = qEnvironmentVariableIsSet("FC_FUZZ_SECONDS") ? qEnvironmentVariableIntValue("FC_FUZZ_SECONDS") : 3;
        qInfo("FC_FUZZ_SEED=%llu, %d s", static_cast<unsigned long long>(seed), seconds);
        Mutator mutator(seed);

        ScriptContext context;
        context.now = QDateTime(QDate(2026, 12, 8), QTime(10, 0), QTimeZone::utc());
        context.calendar = std::make_shared<const WorkingCalendar>(
            WorkingCalendar::forJurisdiction(Jurisdiction::EnglandAndWales).value());
        context.customer.known = true;
        context.customer.dateOfBirth = QDate(1950, 1, 1);
        const ScriptValidator validator;

        const QString lastPath = qEnvironmentVariable("FC_FUZZ_LAST");
        QElapsedTimer clock;
        clock.start();
        int mutants = 0, parsed = 0, valid = 0, finished = 0;
        while (clock.elapsed() < seconds * 1000LL) {
            QByteArray json = corpus.at(mutator.below(int(corpus.size())));
            for (int i = 1 + mutator.below(3); i > 0; --i)
                json = mutator.mutate(json);
            if (qEnvironmentVariableIsSet("FC_FUZZ_REPLAY")) {
                QFile replay(qEnvironmentVariable("FC_FUZZ_REPLAY"));
                QVERIFY(replay.open(QIODevice::ReadOnly));
                json = replay.readAll();
            }
            ++mutants;
            if (!lastPath.isEmpty()) {
                QFile last(lastPath);
                if (last.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    last.write(json);
            }
            const QList<ScriptProblem> problems = validator.validate(json);
            for (const ScriptProblem &p : problems) {
                QVERIFY2(kCodes.contains(p.code), qPrintable(p.code + u": "_s + p.message));
                QVERIFY2(!p.message.isEmpty(), qPrintable(p.code));
            }
            QList<ScriptProblem> shape;
            Result<Script> script = parseScript(json, &shape);
            if (!script)
                continue;
            ++parsed;
            const bool isValid = problems.isEmpty();
            valid += isValid ? 1 : 0;
            Result<ScriptRun> started = ScriptRun::start(std::make_shared<const Script>(std::move(script).value()), context);
            if (!started) {
                QVERIFY2(!isValid, qPrintable(u"a valid script did not start: "_s + started.error().message + u"\n"_s
                                              + QString::fromUtf8(json)));
                continue;
            }
            ScriptRun run = std::move(started).value();
            for (int step = 0; step < 60 && !run.finished(); ++step) {
                if (mutator.chance(10)) {
                    run.back();
                    continue;
                }
                if (run.current().takesAnswer())
                    (void)run.setAnswer(mutator.answerFor(run.current()));
                const Status moved = run.next();
                if (!moved && moved.error().code == u"script.broken"_s) {
                    QVERIFY2(!isValid, qPrintable(u"a valid script broke: "_s + moved.error().message + u"\n"_s
                                                  + QString::fromUtf8(json)));
                    break;
                }
                (void)run.render(run.current().prompt + run.current().text);
            }
            if (run.finished()) {
                const Result<ScriptResult> result = run.result();
                QVERIFY2(result.ok() || !isValid, qPrintable(result.ok() ? QString() : result.error().message));
                ++finished;
            }
        }
        qInfo("%d mutants, %d read, %d valid, %d runs finished", mutants, parsed, valid, finished);
        QVERIFY(mutants > 0);
        QVERIFY(parsed > 0);
    }
};

int main(int argc, char *argv[])
{
    // QtTest stops a test function after five minutes: a long run asks for its own time and a minute more.
    const int seconds = qEnvironmentVariableIsSet("FC_FUZZ_SECONDS") ? qEnvironmentVariableIntValue("FC_FUZZ_SECONDS") : 3;
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((seconds + 60) * 1000));
    QCoreApplication app(argc, argv);
    tst_ScriptFuzz test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_ScriptFuzz.moc"
