// firstcontact-cli generate: writes the deterministic demo council as CSV files and prints what it made.

#include "CliCommand.h"
#include "demo/CsvSink.h"
#include "demo/DemoCouncilGenerator.h"
#include "demo/DemoCouncilSummary.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fc::cli {

namespace {

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + u'%';
}

// Operators read counts the British way: 1,000,000.
QString grouped(qint64 number)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(number);
}

} // namespace

int runGenerate(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Write a deterministic demo council as customers.csv, cases.csv, contacts.csv and duplicates.csv "
        u"(the duplicates planted on purpose). The same options always give the same files."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption customersOption(u"customers"_s, u"Number of customers, duplicates included."_s, u"N"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed: another seed gives another council."_s, u"S"_s);
    const QCommandLineOption outOption(u"out"_s, u"Directory for the CSV files (created when missing)."_s, u"DIR"_s);
    const QCommandLineOption asOfOption(u"as-of"_s, u"Date the council is seen on; contacts come before it."_s,
                                        u"YYYY-MM-DD"_s, u"2026-11-01"_s);
    parser.addOptions({ helpOption, customersOption, seedOption, outOption, asOfOption });

    const QString usage = u"usage: firstcontact-cli generate --customers N --seed S --out DIR [--as-of YYYY-MM-DD]"_s;
    if (!parser.parse(context.arguments)) {
        context.err << "firstcontact-cli generate: " << parser.errorText() << Qt::endl << usage << Qt::endl;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        context.out << parser.helpText();
        return 0;
    }
    const auto fail = [&](const QString &message) {
        context.err << "firstcontact-cli generate: " << message << Qt::endl << usage << Qt::endl;
        return 2;
    };
    // The command's own name is the parser's "program name", so any positional argument is extra.
    if (!parser.positionalArguments().isEmpty())
        return fail(u"unexpected argument '%1'."_s.arg(parser.positionalArguments().constFirst()));
    for (const QCommandLineOption *required : { &customersOption, &seedOption, &outOption }) {
        if (!parser.isSet(*required))
            return fail(u"--%1 is required."_s.arg(required->names().constFirst()));
    }

    DemoCouncilOptions options;
    bool ok = false;
    options.customers = parser.value(customersOption).toLongLong(&ok);
    if (!ok || options.customers < 0)
        return fail(u"--customers needs a whole number of 0 or more, not '%1'."_s.arg(parser.value(customersOption)));
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(u"--seed needs a whole number of 0 or more, not '%1'."_s.arg(parser.value(seedOption)));
    options.asOf = QDate::fromString(parser.value(asOfOption), Qt::ISODate);
    if (!options.asOf.isValid())
        return fail(u"--as-of needs a date written YYYY-MM-DD, not '%1'."_s.arg(parser.value(asOfOption)));
    if (Status valid = DemoCouncilGenerator::validate(options); !valid)
        return fail(valid.error().message);
    const QString outDir = parser.value(outOption);
    if (outDir.isEmpty())
        return fail(u"--out needs a directory."_s);

    CsvSink csv;
    if (Status opened = csv.open(outDir); !opened) {
        context.err << "firstcontact-cli generate: " << opened.error().message << Qt::endl;
        return 1;
    }
    DemoCouncilSummary summary(&csv);
    QElapsedTimer timer;
    timer.start();
    Status generated = DemoCouncilGenerator(options).generate(summary);
    if (generated)
        generated = csv.close();
    const double seconds = double(std::max<qint64>(timer.elapsed(), 1)) / 1000.0;
    if (!generated) {
        context.err << "firstcontact-cli generate: " << generated.error().message << Qt::endl;
        return 1;
    }

    QTextStream &out = context.out;
    out << "Demo council written to " << QDir(outDir).absolutePath() << Qt::endl;
    out << "  seed " << options.seed << ", as of " << options.asOf.toString(Qt::ISODate) << Qt::endl;
    out << "  customers          " << grouped(summary.customers()) << Qt::endl;
    out << "  contacts           " << grouped(summary.contacts()) << Qt::endl;
    out << "  cases              " << grouped(summary.cases()) << Qt::endl;
    out << "  duplicates planted " << grouped(summary.duplicatesPlanted()) << " (" << percent(summary.duplicateShare())
        << " of customers)" << Qt::endl;
    out << "  resolved at first contact " << percent(summary.firstContactResolutionShare()) << " of contacts"
        << Qt::endl;
    out << "  failure demand            " << percent(summary.failureDemandShare()) << " of contacts" << Qt::endl;
    out << "  access needs              " << percent(summary.accessNeedsShare()) << " of customers" << Qt::endl;
    out << "  " << grouped(summary.rows()) << " rows in " << QString::number(seconds, 'f', 2) << " s ("
        << grouped(qint64(double(summary.rows()) / seconds)) << " rows/s), "
        << grouped(csv.bytesWritten() / 1024 / 1024) << " MiB" << Qt::endl;
    return 0;
}

} // namespace fc::cli
