// firstcontact-server seed-demo: the deterministic demo council, generated straight into the database.

#include "CatalogPublishing.h"
#include "CommandDatabase.h"
#include "ServerCommand.h"
#include "demo/DemoCouncilGenerator.h"
#include "demo/DemoCouncilSummary.h"
#include "server/DemoSeedSink.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

namespace {

// Operators read counts the British way: 1,000,000.
QString grouped(qint64 number)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(number);
}

} // namespace

int runSeedDemo(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Generate the deterministic demo council (the one 'firstcontact-cli generate' writes as CSV) "
        u"straight into the database, and publish the shipped knowledge articles and scripts. Rows already "
        u"there are kept, so running it twice adds nothing."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption customersOption(u"customers"_s, u"Number of customers, duplicates included."_s, u"N"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed: another seed gives another council."_s, u"S"_s);
    const QCommandLineOption asOfOption(u"as-of"_s, u"Date the council is seen on; contacts come before it."_s,
                                        u"YYYY-MM-DD"_s, u"2026-11-01"_s);
    parser.addOptions({ helpOption, customersOption, seedOption, asOfOption });
    const QString usage = u"usage: firstcontact-server [--db URL] seed-demo --customers N --seed S [--as-of YYYY-MM-DD]"_s;
    const auto usageError = [&](const QString &message) {
        context.err << "firstcontact-server seed-demo: " << message << Qt::endl << usage << Qt::endl;
        return 2;
    };
    if (!parser.parse(context.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        context.out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument '%1'."_s.arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(customersOption) || !parser.isSet(seedOption))
        return usageError(u"--customers and --seed are required."_s);
    DemoCouncilOptions options;
    bool ok = false;
    options.customers = parser.value(customersOption).toLongLong(&ok);
    if (!ok || options.customers < 0)
        return usageError(u"--customers needs a whole number of 0 or more, not '%1'."_s.arg(parser.value(customersOption)));
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return usageError(u"--seed needs a whole number of 0 or more, not '%1'."_s.arg(parser.value(seedOption)));
    options.asOf = QDate::fromString(parser.value(asOfOption), Qt::ISODate);
    if (!options.asOf.isValid())
        return usageError(u"--as-of needs a date written YYYY-MM-DD, not '%1'."_s.arg(parser.value(asOfOption)));
    if (Status valid = DemoCouncilGenerator::validate(options); !valid)
        return usageError(valid.error().message);

    Result<std::unique_ptr<ServerDatabase>> database = openCommandDatabase(context);
    if (!database)
        return reportFailure(context, u"seed-demo"_s, database.error());

    QElapsedTimer clock;
    clock.start();
    DemoSeedSink sink(*database.value());
    DemoCouncilSummary summary(&sink);
    if (Status begun = sink.begin(); !begun)
        return reportFailure(context, u"seed-demo"_s, begun.error());
    Status generated = DemoCouncilGenerator(options).generate(summary);
    if (generated)
        generated = sink.finish();
    if (!generated)
        return reportFailure(context, u"seed-demo"_s, generated.error());

    const double seconds = qMax<qint64>(1, clock.elapsed()) / 1000.0;
    context.out << "seeded " << database.value()->location().displayName() << ": " << grouped(summary.customers())
                << " customers, " << grouped(summary.contacts()) << " contacts, " << grouped(summary.cases())
                << " cases (" << grouped(sink.rowsWritten()) << " rows with contact-case links) in "
                << QString::number(seconds, 'f', 1) << " s, " << grouped(qint64(double(sink.rowsWritten()) / seconds))
                << " rows/s" << Qt::endl;

    // The demo council's desks get the shipped articles and scripts; unchanged ones are left alone.
    Result<PublishCounts> articles = publishArticleFiles(*database.value(), u":/knowledge"_s, u"seed-demo"_s, nullptr);
    if (!articles)
        return reportFailure(context, u"seed-demo"_s, articles.error());
    Result<PublishCounts> scripts = publishScriptFiles(*database.value(), u":/scripts"_s, u"seed-demo"_s, nullptr);
    if (!scripts)
        return reportFailure(context, u"seed-demo"_s, scripts.error());
    if (articles->refused > 0 || scripts->refused > 0)
        return reportFailure(context, u"seed-demo"_s,
                             makeError(u"seed.refused"_s,
                                       u"%1 shipped article(s) and %2 shipped script(s) were refused: check them "
                                       u"with 'scripts validate'."_s.arg(articles->refused).arg(scripts->refused)));
    context.out << "published the shipped knowledge (" << articles->published << " new, " << articles->unchanged
                << " unchanged) and scripts (" << scripts->published << " new, " << scripts->unchanged << " unchanged)"
                << Qt::endl;
    return 0;
}

} // namespace fc::server::cli
