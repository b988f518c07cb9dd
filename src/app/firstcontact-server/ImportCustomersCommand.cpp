// firstcontact-server import-customers: a legacy CRM's customer export, loaded so that a rerun loads
// only what changed; rejected rows go to a report beside the file.

#include "CommandDatabase.h"
#include "ServerCommand.h"
#include "server/CustomerImportReport.h"
#include "server/CustomerImporter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

namespace {

QString grouped(qint64 number)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(number);
}

// customers.csv -> customers.rejected.csv; export.txt -> export.txt.rejected.csv, in the same directory.
QString defaultReportPath(const QString &input)
{
    QString base = input;
    if (base.endsWith(u".csv"_s, Qt::CaseInsensitive))
        base.chop(4);
    return base + u".rejected.csv"_s;
}

QString byReason(const QMap<QString, qint64> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(it.key() + u' ' + grouped(it.value()));
    return parts.join(u", "_s);
}

} // namespace

int runImportCustomers(CommandContext &context)
{
    const QString command = u"import-customers"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Load customers from a legacy CRM's CSV export (format: docs/SERVER.md, \"Importing customers\"). "
        u"Rejected rows go to a report with their line and reason; the rest load. Each customer's id comes "
        u"from its legacy_id, so running it again adds nobody twice: unchanged rows are left alone and "
        u"changed ones updated."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption reportOption(
        u"report"_s, u"Where rejected rows go (default: FILE.rejected.csv beside the file)."_s, u"PATH"_s);
    const QCommandLineOption batchOption(u"batch-size"_s, u"Rows per transaction (default 2000)."_s, u"N"_s, u"2000"_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s,
                                          u"Check the file and count what would change; write nothing to the "
                                          u"database (the report is still written)."_s);
    parser.addOptions({ helpOption, reportOption, batchOption, dryRunOption });
    parser.addPositionalArgument(u"FILE"_s, u"The CSV export."_s);
    const QString usage = u"usage: firstcontact-server [--db URL] import-customers FILE.csv [--report PATH] "
                          u"[--batch-size N] [--dry-run]"_s;
    const auto usageError = [&](const QString &message) {
        context.err << "firstcontact-server " << command << ": " << message << Qt::endl << usage << Qt::endl;
        return 2;
    };
    if (!parser.parse(context.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        context.out << parser.helpText();
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(u"name the CSV file to import."_s);
    if (files.size() > 1)
        return usageError(u"unexpected argument '%1'."_s.arg(files.at(1)));
    CustomerImportOptions options;
    bool ok = false;
    options.rowsPerTransaction = parser.value(batchOption).toLongLong(&ok);
    if (!ok || options.rowsPerTransaction < 1)
        return usageError(
            u"--batch-size needs a whole number of 1 or more, not '%1'."_s.arg(parser.value(batchOption)));
    options.dryRun = parser.isSet(dryRunOption);

    const QString inputPath = files.constFirst();
    const QString reportPath = parser.isSet(reportOption) ? parser.value(reportOption) : defaultReportPath(inputPath);
    if (QFileInfo(reportPath).absoluteFilePath() == QFileInfo(inputPath).absoluteFilePath()
        || (QFileInfo::exists(reportPath)
            && QFileInfo(reportPath).canonicalFilePath() == QFileInfo(inputPath).canonicalFilePath()))
        return usageError(u"the report cannot be the file being imported."_s);

    QFile input(inputPath);
    if (QFileInfo(inputPath).isDir() || !input.open(QIODevice::ReadOnly))
        return reportFailure(
            context, command,
            makeError(u"import.unreadable"_s,
                      u"cannot read %1: %2"_s.arg(
                          inputPath, QFileInfo(inputPath).isDir() ? u"it is a directory"_s : input.errorString())));

    Result<std::unique_ptr<ServerDatabase>> database = openCommandDatabase(context);
    if (!database)
        return reportFailure(context, command, database.error());

    QSaveFile reportFile(reportPath);
    if (!reportFile.open(QIODevice::WriteOnly))
        return reportFailure(context, command,
                             makeError(u"import.report_unwritable"_s,
                                       u"cannot write the report %1: %2 (--report PATH puts it elsewhere)"_s.arg(
                                           reportPath, reportFile.errorString())));

    QElapsedTimer clock;
    clock.start();
    CustomerImporter importer(*database.value(), options);
    CustomerImportReport report(&reportFile);
    const Status imported = importer.run(&input, report);
    const CustomerImportCounts &counts = importer.counts();
    if (!imported && counts.read == 0) {
        // The header or the first read failed: nothing was looked at, so no report replaces the last one.
        reportFile.cancelWriting();
        return reportFailure(
            context, command,
            makeError(imported.error().code, u"%1: %2 Nothing was loaded."_s.arg(inputPath, imported.error().message)));
    }
    if (!importer.unknownColumns().isEmpty())
        context.err << "firstcontact-server " << command
                    << ": warning: ignored the columns it does not know: " << importer.unknownColumns().join(u", "_s)
                    << Qt::endl;

    Status reportWritten = report.flush();
    if (reportWritten && !reportFile.commit())
        reportWritten = makeError(u"import.report_unwritable"_s,
                                  u"cannot write the report %1: %2"_s.arg(reportPath, reportFile.errorString()));

    const double seconds = qMax<qint64>(1, clock.elapsed()) / 1000.0;
    context.out << (options.dryRun ? "dry run, nothing written: checked " : "imported ") << inputPath
                << (options.dryRun ? " against " : " into ") << database.value()->location().displayName() << ": "
                << grouped(counts.read) << " rows read, " << grouped(counts.added) << " new, "
                << grouped(counts.updated) << " updated, " << grouped(counts.unchanged) << " unchanged, "
                << grouped(counts.rejected) << " rejected in " << QString::number(seconds, 'f', 1) << " s" << Qt::endl;
    if (counts.rejected > 0)
        context.out << "rejected by reason: " << byReason(counts.rejectedByCode) << Qt::endl;
    if (reportWritten)
        context.out << "report: " << QFileInfo(reportPath).absoluteFilePath() << " (" << grouped(report.rows())
                    << (report.rows() == 1 ? " row)" : " rows)") << Qt::endl;

    if (!imported)
        return reportFailure(context, command, imported.error());
    if (!reportWritten)
        return reportFailure(context, command, reportWritten.error());
    return 0;
}

} // namespace fc::server::cli
