// bench_generator: how fast the demo council generator makes a large council, written as CSV and into a
// sink that keeps nothing, and how much memory it holds while doing so. Prints a table; the figures
// and the command that produced them are kept in docs/BENCHMARKS.md.
//
//   bench_generator [--customers N] [--seed S] [--out DIR]
//
// Default: 1,000,000 customers (about 5 million contacts), seed 1, CSV into a temporary directory that
// is removed afterwards.

#include "demo/CsvSink.h"
#include "demo/DemoCouncilGenerator.h"
#include "demo/DemoCouncilSummary.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

struct Measurement {
    QString target;
    qint64 customers = 0;
    qint64 contacts = 0;
    qint64 cases = 0;
    qint64 rows = 0;
    double seconds = 0;
    qint64 bytes = 0;
    double fcr = 0;
    double failure = 0;
};

qint64 peakResidentKiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

Measurement measure(const QString &target, const fc::DemoCouncilOptions &options, fc::CsvSink *csv, QTextStream &err)
{
    fc::DemoCouncilSummary summary(csv);
    QElapsedTimer timer;
    timer.start();
    fc::Status status = fc::DemoCouncilGenerator(options).generate(summary);
    if (status && csv)
        status = csv->close();
    const qint64 elapsed = timer.elapsed();
    if (!status)
        err << "bench_generator: " << status.error().message << Qt::endl;

    Measurement m;
    m.target = target;
    m.customers = summary.customers();
    m.contacts = summary.contacts();
    m.cases = summary.cases();
    m.rows = summary.rows();
    m.seconds = double(std::max<qint64>(elapsed, 1)) / 1000.0;
    m.bytes = csv ? csv->bytesWritten() : 0;
    m.fcr = summary.firstContactResolutionShare();
    m.failure = summary.failureDemandShare();
    return m;
}

QString cell(const QString &text, int width)
{
    return text.rightJustified(width);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times the demo council generator to CSV and to a null sink."_s);
    parser.addHelpOption();
    const QCommandLineOption customersOption(u"customers"_s, u"Customers to generate."_s, u"N"_s, u"1000000"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed."_s, u"S"_s, u"1"_s);
    const QCommandLineOption outOption(u"out"_s, u"Keep the CSV files in DIR instead of a temporary directory."_s,
                                       u"DIR"_s);
    parser.addOptions({ customersOption, seedOption, outOption });
    parser.process(app);

    fc::DemoCouncilOptions options;
    bool ok = false;
    options.customers = parser.value(customersOption).toLongLong(&ok);
    if (!ok || options.customers <= 0) {
        err << "bench_generator: --customers needs a positive whole number" << Qt::endl;
        return 2;
    }
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        err << "bench_generator: --seed needs a whole number" << Qt::endl;
        return 2;
    }

    QTemporaryDir temporary;
    const QString directory = parser.isSet(outOption) ? parser.value(outOption) : temporary.path();
    out << "bench_generator: " << options.customers << " customers, seed " << options.seed << ", as of "
        << options.asOf.toString(Qt::ISODate) << ", CSV into " << directory << Qt::endl;

    QList<Measurement> results;
    {
        fc::CsvSink csv;
        if (fc::Status opened = csv.open(directory); !opened) {
            err << "bench_generator: " << opened.error().message << Qt::endl;
            return 1;
        }
        results.append(measure(u"CSV files"_s, options, &csv, err));
    }
    const qint64 peakAfterCsv = peakResidentKiB();
    results.append(measure(u"null sink"_s, options, nullptr, err));

    out << Qt::endl
        << cell(u"target"_s, 10) << cell(u"customers"_s, 11) << cell(u"contacts"_s, 11) << cell(u"cases"_s, 10)
        << cell(u"rows"_s, 11) << cell(u"seconds"_s, 9) << cell(u"rows/s"_s, 10) << cell(u"MiB"_s, 7)
        << cell(u"FCR"_s, 7) << cell(u"failure"_s, 8) << Qt::endl;
    for (const Measurement &m : results) {
        out << cell(m.target, 10) << cell(QString::number(m.customers), 11) << cell(QString::number(m.contacts), 11)
            << cell(QString::number(m.cases), 10) << cell(QString::number(m.rows), 11)
            << cell(QString::number(m.seconds, 'f', 1), 9)
            << cell(QString::number(qint64(double(m.rows) / m.seconds)), 10)
            << cell(m.bytes > 0 ? QString::number(m.bytes / (1024 * 1024)) : u"-"_s, 7)
            << cell(QString::number(m.fcr * 100, 'f', 1) + u'%', 7)
            << cell(QString::number(m.failure * 100, 'f', 1) + u'%', 8) << Qt::endl;
    }
    out << Qt::endl
        << "peak resident memory: " << peakAfterCsv / 1024 << " MiB after the CSV run, " << peakResidentKiB() / 1024
        << " MiB at the end" << Qt::endl;
    return 0;
}
