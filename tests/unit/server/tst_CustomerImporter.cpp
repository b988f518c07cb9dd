// import-customers' loader on SQLite: accepted rows land once, a rerun finds them unchanged, a changed
// row is updated with its revision raised, the report holds the rest, and a failed transaction costs
// only its own rows.

#include "ServerTestSupport.h"
#include "server/CustomerImporter.h"
#include "unit/demo/CsvTestReader.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kFirstRun(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
const QDateTime kSecondRun(QDate(2026, 3, 9), QTime(9, 0), Qt::UTC);

const QByteArray kFile
    = "legacy_id,title,forename,surname,dob,phones,email,address_line1,postcode,uprn,ward\r\n"
      "L-1,Mrs,Siân,Jones,14/03/1962,01752 123456,Sian@Example.ORG,\"12 Mill St, Hoe\",pl1 2aa,,Drake\r\n"
      "L-2,Mr,Tomasz,Nowak,1985-07-02,07700 900456,,\"Flat 3\r\nHarbour House\",PL1 2NR,100040123,\r\n"
      "L-3,,Aisha,Khan,,,,,PL1 9ZZZ,,\r\n"
      "L-4,Mx,Sam,O'Neill,,,,,,,\r\n"
      "L-1,Mrs,Sian,Jones,,,,,,,\r\n"
      "L-5,Ms,Emma,Wilson,2090-01-01,,,,,,\r\n";

struct Run {
    Status status;
    CustomerImportCounts counts;
    QStringList unknownColumns;
    QByteArray report;
};

Run import(ServerDatabase &db, const QByteArray &file, CustomerImportOptions options = {}, qint64 failTransaction = 0)
{
    if (!options.now.isValid())
        options.now = kFirstRun;
    options.today = QDate(2026, 3, 2);
    QBuffer input;
    input.setData(file);
    input.open(QIODevice::ReadOnly);
    QBuffer reportDevice;
    reportDevice.open(QIODevice::WriteOnly);
    Run run;
    {
        CustomerImportReport report(&reportDevice);
        CustomerImporter importer(db, options);
        importer.failTransactionForTesting(failTransaction);
        run.status = importer.run(&input, report);
        run.counts = importer.counts();
        run.unknownColumns = importer.unknownColumns();
        (void)report.flush();
    }
    run.report = reportDevice.data();
    return run;
}

QString message(const Status &status)
{
    return status.ok() ? QString() : status.error().message;
}

QStringList column(const ServerDatabase &db, const QString &sql)
{
    QStringList values;
    Result<QSqlQuery> query = db.run(sql);
    if (!query)
        return { query.error().message };
    while (query.value().next())
        values.append(query.value().value(0).toString());
    return values;
}

qint64 count(const ServerDatabase &db, const QString &sql = u"SELECT count(*) FROM customers"_s)
{
    return db.scalar(sql).value().toLongLong();
}

// `rows` customers with legacy ids N-0 .. N-(rows-1).
QByteArray generatedFile(int rows, const QString &town = u"Plymouth"_s)
{
    QByteArray file = "legacy_id,surname,forename,town\n";
    for (int i = 0; i < rows; ++i)
        file += u"N-%1,Surname%1,Given,%2\n"_s.arg(i).arg(town).toUtf8();
    return file;
}

} // namespace

class tst_CustomerImporter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    std::unique_ptr<ServerDatabase> freshDatabase()
    {
        return fc::server::test::openMigratedSqlite(m_dir.filePath(u"import%1.sqlite"_s.arg(++m_counter)));
    }

private slots:
    void acceptedRowsLoadAndTheRestAreCounted()
    {
        auto db = freshDatabase();
        QVERIFY(db);
        const Run run = import(*db, kFile);
        QVERIFY2(run.status.ok(), qPrintable(message(run.status)));
        QCOMPARE(run.counts.read, qint64(6));
        QCOMPARE(run.counts.added, qint64(3));
        QCOMPARE(run.counts.updated, qint64(0));
        QCOMPARE(run.counts.unchanged, qint64(0));
        QCOMPARE(run.counts.rejected, qint64(3));
        QCOMPARE(run.counts.rejectedByCode,
                 (QMap<QString, qint64> { { u"postcode.invalid_format"_s, 1 },
                                          { u"import.duplicate_legacy_id"_s, 1 },
                                          { u"date_of_birth.in_future"_s, 1 } }));
        QCOMPARE(run.unknownColumns, QStringList { u"ward"_s });
        QCOMPARE(count(*db), qint64(3));

        // References in file order, from the first one when the table has none.
        QCOMPARE(column(*db, u"SELECT reference FROM customers ORDER BY reference"_s),
                 (QStringList { u"C1000001"_s, u"C1000002"_s, u"C1000003"_s }));
        Result<QSqlQuery> row = db->run(
            u"SELECT reference, title, given_name, family_name, date_of_birth, phones, emails, address_line1, postcode,"
            " uprn, preferred_language, revision, created_at, updated_at, consent_post, flags FROM customers"
            " WHERE id = ?"_s,
            { CustomerCsvReader::customerId(u"L-1"_s).toString(QUuid::WithoutBraces) });
        QVERIFY(row.ok());
        QVERIFY(row.value().next());
        const QSqlQuery &q = row.value();
        QCOMPARE(q.value(0).toString(), u"C1000001"_s);
        QCOMPARE(q.value(1).toString(), u"Mrs"_s);
        QCOMPARE(q.value(2).toString(), u"Siân"_s);
        QCOMPARE(q.value(3).toString(), u"Jones"_s);
        QCOMPARE(q.value(4).toString(), u"1962-03-14"_s);
        QCOMPARE(q.value(5).toString(), u"+441752123456"_s);
        QCOMPARE(q.value(6).toString(), u"Sian@example.org"_s);
        QCOMPARE(q.value(7).toString(), u"12 Mill St, Hoe"_s);
        QCOMPARE(q.value(8).toString(), u"PL1 2AA"_s);
        QCOMPARE(q.value(9).toString(), QString());
        QCOMPARE(q.value(10).toString(), u"en"_s);
        QCOMPARE(q.value(11).toLongLong(), qint64(1));
        QCOMPARE(ServerDatabase::readTimestamp(q.value(12)), kFirstRun);
        QCOMPARE(ServerDatabase::readTimestamp(q.value(13)), kFirstRun);
        QCOMPARE(q.value(14).toBool(), true); // defaults for what a legacy file does not carry
        QCOMPARE(q.value(15).toString(), u"[]"_s);
        QCOMPARE(column(*db, u"SELECT address_line1 FROM customers WHERE reference = 'C1000002'"_s),
                 QStringList { u"Flat 3 Harbour House"_s });
    }

    void theReportHoldsLineCodesReasonAndTheRecordAsWritten()
    {
        auto db = freshDatabase();
        const Run run = import(*db, kFile);
        QVERIFY(run.status.ok());
        QVERIFY(run.report.startsWith("\xEF\xBB\xBF"));
        QList<QStringList> records;
        QString error;
        QVERIFY2(fc::test::readCsv(run.report.mid(3), &records, &error), qPrintable(error));
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.at(0), CustomerImportReport::columns());
        QCOMPARE(records.at(0), (QStringList { u"line"_s, u"legacy_id"_s, u"codes"_s, u"reason"_s, u"record"_s }));
        // L-3 starts on line 5: the header is 1 and L-2's quoted address spans lines 3 and 4.
        QCOMPARE(records.at(1).mid(0, 3), (QStringList { u"5"_s, u"L-3"_s, u"postcode.invalid_format"_s }));
        QVERIFY2(records.at(1).at(3).contains(u"postcode \"PL1 9ZZZ\""_s), qPrintable(records.at(1).at(3)));
        QCOMPARE(records.at(1).at(4), u"L-3,,Aisha,Khan,,,,,PL1 9ZZZ,,"_s);
        QCOMPARE(records.at(2).mid(0, 3), (QStringList { u"7"_s, u"L-1"_s, u"import.duplicate_legacy_id"_s }));
        QVERIFY2(records.at(2).at(3).contains(u"line 2"_s), qPrintable(records.at(2).at(3)));
        QCOMPARE(records.at(3).mid(0, 3), (QStringList { u"8"_s, u"L-5"_s, u"date_of_birth.in_future"_s }));
    }

    void reportCellsExcelWouldRunAsFormulasAreKeptAsText()
    {
        auto db = freshDatabase();
        const Run run = import(*db,
                               "surname,legacy_id,postcode\n"
                               "=1+2,L1,nonsense\n"
                               "Jones,+44,nonsense\n"
                               "\"=HYPERLINK(\"\"http://example.org\"\")\",L3,nonsense\n");
        QVERIFY(run.status.ok());
        QList<QStringList> records;
        QString error;
        QVERIFY2(fc::test::readCsv(run.report.mid(3), &records, &error), qPrintable(error));
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.at(1).at(4), u"'=1+2,L1,nonsense"_s);
        QCOMPARE(records.at(2).at(1), u"'+44"_s);
        // Starting with a quote, the record is not a formula and stays exactly as written.
        QCOMPARE(records.at(3).at(1), u"L3"_s);
        QCOMPARE(records.at(3).at(4), u"\"=HYPERLINK(\"\"http://example.org\"\")\",L3,nonsense"_s);
    }

    void aRerunAddsNothingAndCountsEveryRowUnchanged()
    {
        auto db = freshDatabase();
        QVERIFY(import(*db, kFile).status.ok());
        CustomerImportOptions later;
        later.now = kSecondRun;
        const Run again = import(*db, kFile, later);
        QVERIFY2(again.status.ok(), qPrintable(message(again.status)));
        QCOMPARE(again.counts.read, qint64(6));
        QCOMPARE(again.counts.added, qint64(0));
        QCOMPARE(again.counts.updated, qint64(0));
        QCOMPARE(again.counts.unchanged, qint64(3));
        QCOMPARE(again.counts.rejected, qint64(3));
        QCOMPARE(count(*db), qint64(3));
        QCOMPARE(column(*db, u"SELECT DISTINCT revision FROM customers"_s), QStringList { u"1"_s });
        // Left alone: not even updated_at moves.
        QCOMPARE(column(*db, u"SELECT DISTINCT updated_at FROM customers"_s),
                 QStringList { ServerDatabase::timestampValue(kFirstRun).toString() });
        QCOMPARE(column(*db, u"SELECT reference FROM customers ORDER BY reference"_s),
                 (QStringList { u"C1000001"_s, u"C1000002"_s, u"C1000003"_s }));
    }

    void aChangedRowIsUpdatedWithRevisionTwo()
    {
        auto db = freshDatabase();
        QVERIFY(import(*db, kFile).status.ok());
        QByteArray changed = kFile;
        changed.replace("07700 900456", "07700 900999");
        CustomerImportOptions later;
        later.now = kSecondRun;
        const Run again = import(*db, changed, later);
        QVERIFY2(again.status.ok(), qPrintable(message(again.status)));
        QCOMPARE(again.counts.added, qint64(0));
        QCOMPARE(again.counts.updated, qint64(1));
        QCOMPARE(again.counts.unchanged, qint64(2));
        QCOMPARE(count(*db), qint64(3));
        Result<QSqlQuery> row = db->run(u"SELECT reference, phones, revision, created_at, updated_at, given_name"
                                        " FROM customers WHERE id = ?"_s,
                                        { CustomerCsvReader::customerId(u"L-2"_s).toString(QUuid::WithoutBraces) });
        QVERIFY(row.ok() && row.value().next());
        QCOMPARE(row.value().value(0).toString(), u"C1000002"_s); // the reference stays
        QCOMPARE(row.value().value(1).toString(), u"+447700900999"_s);
        QCOMPARE(row.value().value(2).toLongLong(), qint64(2));
        QCOMPARE(ServerDatabase::readTimestamp(row.value().value(3)), kFirstRun);
        QCOMPARE(ServerDatabase::readTimestamp(row.value().value(4)), kSecondRun);
        QCOMPARE(row.value().value(5).toString(), u"Tomasz"_s);
        QCOMPARE(column(*db, u"SELECT revision FROM customers ORDER BY reference"_s),
                 (QStringList { u"1"_s, u"2"_s, u"1"_s }));

        // And a third run of the changed file finds it unchanged.
        const Run third = import(*db, changed, later);
        QCOMPARE(third.counts.unchanged, qint64(3));
        QCOMPARE(third.counts.updated, qint64(0));
    }

    void columnsTheFileDoesNotNameAreLeftAlone()
    {
        auto db = freshDatabase();
        QVERIFY(import(*db, kFile).status.ok());
        // A later file with names and a new postcode only: phones and emails are not its to clear.
        const Run partial
            = import(*db, "legacy_id,forename,surname,postcode\nL-1,Siân,Jones,PL4 6AS\nL-4,Sam,O'Neill,\n");
        QVERIFY2(partial.status.ok(), qPrintable(message(partial.status)));
        QCOMPARE(partial.counts.updated, qint64(1));
        QCOMPARE(partial.counts.unchanged, qint64(1));
        Result<QSqlQuery> row = db->run(u"SELECT postcode, phones, emails, date_of_birth, revision FROM customers"
                                        " WHERE reference = 'C1000001'"_s);
        QVERIFY(row.ok() && row.value().next());
        QCOMPARE(row.value().value(0).toString(), u"PL4 6AS"_s);
        QCOMPARE(row.value().value(1).toString(), u"+441752123456"_s);
        QCOMPARE(row.value().value(2).toString(), u"Sian@example.org"_s);
        QCOMPARE(row.value().value(3).toString(), u"1962-03-14"_s);
        QCOMPARE(row.value().value(4).toLongLong(), qint64(2));
    }

    void newReferencesFollowTheHighestInTheTable()
    {
        auto db = freshDatabase();
        // A customer already there (from a desk, or the demo): the import carries on after it.
        Customer existing;
        existing.id = QUuid::createUuid();
        existing.reference = u"C1234567"_s;
        existing.familyName = u"Already"_s;
        existing.createdAt = existing.updatedAt = kFirstRun;
        QVERIFY(
            db->run(
                  u"INSERT INTO customers (id, reference, family_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"_s,
                  { ServerDatabase::uuidValue(existing.id), existing.reference, existing.familyName,
                    ServerDatabase::timestampValue(kFirstRun), ServerDatabase::timestampValue(kFirstRun) })
                .ok());
        QVERIFY(
            db->run(
                  u"INSERT INTO customers (id, reference, family_name, created_at, updated_at) VALUES (?, 'X99', 'Odd', ?, ?)"_s,
                  { ServerDatabase::uuidValue(QUuid::createUuid()), ServerDatabase::timestampValue(kFirstRun),
                    ServerDatabase::timestampValue(kFirstRun) })
                .ok());
        QVERIFY(import(*db, generatedFile(3)).status.ok());
        QCOMPARE(column(*db, u"SELECT reference FROM customers WHERE family_name LIKE 'Surname%' ORDER BY reference"_s),
                 (QStringList { u"C1234568"_s, u"C1234569"_s, u"C1234570"_s }));
    }

    void aFailedTransactionRollsBackOnlyItsOwnRows()
    {
        auto db = freshDatabase();
        CustomerImportOptions small;
        small.rowsPerTransaction = 3;
        // Ten rows in transactions of three: lines 2-4, 5-7, 8-10, 11. The second fails.
        const Run failed = import(*db, generatedFile(10), small, 2);
        QVERIFY(!failed.status.ok());
        QCOMPARE(failed.status.error().code, u"import.batch_failed"_s);
        QVERIFY2(failed.status.error().message.contains(u"Transaction 2 (the rows on lines 5 to 7)"_s),
                 qPrintable(failed.status.error().message));
        QVERIFY2(failed.status.error().message.contains(u"the 3 accepted rows before line 5 are loaded"_s),
                 qPrintable(failed.status.error().message));
        QCOMPARE(failed.counts.added, qint64(3));
        QCOMPARE(failed.counts.batches, qint64(1));
        QCOMPARE(count(*db), qint64(3));
        QCOMPARE(column(*db, u"SELECT family_name FROM customers ORDER BY reference"_s),
                 (QStringList { u"Surname0"_s, u"Surname1"_s, u"Surname2"_s }));

        // Running it again carries on where it stopped, references without a gap.
        const Run again = import(*db, generatedFile(10), small);
        QVERIFY2(again.status.ok(), qPrintable(message(again.status)));
        QCOMPARE(again.counts.unchanged, qint64(3));
        QCOMPARE(again.counts.added, qint64(7));
        QCOMPARE(again.counts.batches, qint64(4));
        QCOMPARE(count(*db), qint64(10));
        QCOMPARE(column(*db, u"SELECT max(reference) FROM customers"_s), QStringList { u"C1000010"_s });
    }

    void aDryRunCountsButWritesNothing()
    {
        auto db = freshDatabase();
        CustomerImportOptions dry;
        dry.dryRun = true;
        const Run run = import(*db, kFile, dry);
        QVERIFY(run.status.ok());
        QCOMPARE(run.counts.added, qint64(3));
        QCOMPARE(run.counts.rejected, qint64(3));
        QCOMPARE(count(*db), qint64(0));
        QVERIFY(import(*db, kFile).status.ok());
        QByteArray changed = kFile;
        changed.replace("Nowak", "Nowak-Kowalska");
        const Run dryAgain = import(*db, changed, dry);
        QCOMPARE(dryAgain.counts.updated, qint64(1));
        QCOMPARE(dryAgain.counts.unchanged, qint64(2));
        QCOMPARE(column(*db, u"SELECT family_name FROM customers WHERE reference = 'C1000002'"_s),
                 QStringList { u"Nowak"_s });
    }

    void aBadHeaderLoadsNothing()
    {
        auto db = freshDatabase();
        const Run run = import(*db, "surname,forename\nJones,Sian\n");
        QVERIFY(!run.status.ok());
        QCOMPARE(run.status.error().code, u"import.missing_column"_s);
        QCOMPARE(run.counts.read, qint64(0));
        QCOMPARE(count(*db), qint64(0));
    }

    void manyRowsLoadInManyTransactions()
    {
        auto db = freshDatabase();
        CustomerImportOptions options;
        options.rowsPerTransaction = 1000;
        const Run run = import(*db, generatedFile(5500), options);
        QVERIFY2(run.status.ok(), qPrintable(message(run.status)));
        QCOMPARE(run.counts.added, qint64(5500));
        QCOMPARE(run.counts.batches, qint64(6));
        QCOMPARE(count(*db), qint64(5500));
        QCOMPARE(count(*db, u"SELECT count(DISTINCT reference) FROM customers"_s), qint64(5500));
        QCOMPARE(column(*db, u"SELECT max(reference) FROM customers"_s), QStringList { u"C1005500"_s });

        const Run moved = import(*db, generatedFile(5500, u"Saltash"_s), options);
        QCOMPARE(moved.counts.updated, qint64(5500));
        QCOMPARE(count(*db, u"SELECT count(*) FROM customers WHERE town = 'Saltash' AND revision = 2"_s), qint64(5500));
    }
};

QTEST_GUILESS_MAIN(tst_CustomerImporter)
#include "tst_CustomerImporter.moc"
