// Times the script engine where a desk or the server waits on it: reading and validating the shipped
// scripts (the runner does this at each new contact, on the cache's thread), validating the largest
// script the format allows (the validator's graph work grows with steps squared), and walking a run.
// Usage: bench_scripts [runs]   (default 50; median and p95 per row, in milliseconds)

#include "core/KnowledgeLibrary.h"
#include "core/ScriptLibrary.h"
#include "core/ScriptRun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

/// A valid script of `steps` steps: a long chain of choices whose second option jumps ahead, with a
/// condition every tenth step reading an earlier answer, ending in one outcome.
QByteArray largestScript(int steps)
{
    QJsonArray list;
    const int last = steps - 1;
    for (int i = 0; i < last; ++i) {
        const QString id = u"s"_s + QString::number(i);
        const QString next = u"s"_s + QString::number(i + 1);
        const QString jump = u"s"_s + QString::number(std::min(i + 7, last));
        if (i % 10 == 9) {
            list.append(QJsonObject { { u"id"_s, id }, { u"kind"_s, u"condition"_s },
                                      { u"when"_s, QJsonObject { { u"answer"_s, u"s0"_s }, { u"equals"_s, u"a"_s } } },
                                      { u"then"_s, next }, { u"else"_s, jump } });
        } else {
            list.append(QJsonObject { { u"id"_s, id }, { u"kind"_s, u"choice"_s }, { u"prompt"_s, i == 0 ? u"First?"_s : u"Step {s0}?"_s },
                                      { u"options"_s, QJsonArray { QJsonObject { { u"value"_s, u"a"_s }, { u"label"_s, u"A"_s }, { u"next"_s, next } },
                                                                   QJsonObject { { u"value"_s, u"b"_s }, { u"label"_s, u"B"_s }, { u"next"_s, jump } } } } });
        }
    }
    list.append(QJsonObject { { u"id"_s, QString(u"s"_s + QString::number(last)) }, { u"kind"_s, u"outcome"_s },
                              { u"outcome"_s, u"resolved"_s }, { u"text"_s, u"Done."_s } });
    const QJsonObject script { { u"format"_s, 1 },        { u"id"_s, u"largest"_s },   { u"version"_s, 1 },
                               { u"service"_s, u"general"_s }, { u"reason"_s, u"general_enquiry"_s },
                               { u"title"_s, u"Largest"_s },   { u"start"_s, u"s0"_s }, { u"steps"_s, list } };
    return QJsonDocument(script).toJson(QJsonDocument::Compact);
}

struct Row {
    QString what;
    QList<double> ms;
};

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5)));
}

Row time(const QString &what, int runs, const std::function<void()> &job)
{
    Row row { what, {} };
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        job();
        row.ms.append(double(clock.nsecsElapsed()) / 1e6);
    }
    return row;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QString::fromLatin1(argv[1]).toInt()) : 50;
    QTextStream out(stdout);
    const KnowledgeLibrary knowledge = KnowledgeLibrary::shipped().value();
    const ScriptValidator validator(knowledge.references());
    const QByteArray largest = largestScript(Script::kMaxSteps);
    if (const QList<ScriptProblem> problems = validator.validate(largest); !problems.isEmpty()) {
        out << "the generated script does not validate: " << problems.first().text() << "\n";
        return 1;
    }
    const std::shared_ptr<const Script> shipped = loadValidScripts(u":/scripts"_s, validator).value(0);
    ScriptContext context;
    context.now = QDateTime(QDate(2026, 12, 8), QTime(10, 0), QTimeZone::utc());
    context.calendar = std::make_shared<const WorkingCalendar>(
        WorkingCalendar::forJurisdiction(Jurisdiction::EnglandAndWales).value());

    QList<Row> rows;
    rows << time(u"read and validate the 10 shipped scripts"_s, runs,
                 [&] { (void)loadValidScripts(u":/scripts"_s, validator); });
    rows << time(u"read a 500-step script"_s, runs, [&] { (void)parseScript(largest, nullptr); });
    rows << time(u"read and validate a 500-step script"_s, runs, [&] { (void)validator.validate(largest); });
    rows << time(u"walk a 500-step script (first option each time)"_s, runs, [&] {
        const auto script = std::make_shared<const Script>(parseScript(largest, nullptr).value());
        ScriptRun run = ScriptRun::start(script, context).value();
        while (!run.finished()) {
            if (run.current().takesAnswer())
                (void)run.setAnswer(u"a"_s);
            if (!run.next())
                break;
        }
        (void)run.result();
    });

    out << "runs: " << runs << ", " << shipped->title << " and a generated " << Script::kMaxSteps << "-step script\n";
    out << QStringLiteral("%1 %2 %3\n").arg(u"what"_s, -52).arg(u"p50 ms"_s, 9).arg(u"p95 ms"_s, 9);
    for (const Row &row : rows)
        out << QStringLiteral("%1 %2 %3\n")
                   .arg(row.what, -52)
                   .arg(percentile(row.ms, 0.5), 9, 'f', 2)
                   .arg(percentile(row.ms, 0.95), 9, 'f', 2);
    return 0;
}
