// import-customers through the real program on PostgreSQL and SQLite: the sample legacy export loads
// the same rows on both, the report lists the bad ones by line, a rerun adds nobody, a changed row is
// updated with revision 2 (the file saved again by Excel: BOM and CRLF), and the change log's triggers
// see exactly those writes.

#include "ServerProcess.h"
#include "support/PgTestDatabase.h"
#include "unit/demo/CsvTestReader.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray sampleFile()
{
    QFile file(qEnvironmentVariable("FC_SOURCE_DIR") + u"/resources/import/legacy-crm-sample.csv"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QString text(const QVariant &value)
{
    // QPSQL gives a date column as a QDate, QSQLITE as text.
    return value.metaType() == QMetaType::fromType<QDate>() ? value.toDate().toString(Qt::ISODate) : value.toString();
}

// Every imported customer as one line, by reference: what both back ends must agree on.
QStringList customerRows(QSqlDatabase db)
{
    QStringList rows;
    QSqlQuery query(db);
    query.exec(u"SELECT reference, id, title, given_name, family_name, preferred_name, date_of_birth, phones, emails,"
               " address_line1, address_line2, town, postcode, uprn, preferred_language, access_needs,"
               " interpreter_language, sign_language, revision FROM customers ORDER BY reference"_s);
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < 19; ++i)
            fields.append(text(query.value(i)));
        rows.append(fields.join(u'|'));
    }
    return rows;
}

QString scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return u"(no row: %1)"_s.arg(query.lastError().text());
    return text(query.value(0));
}

// "operation revision count" per kind of customer entry in the change log.
QStringList changeLog(QSqlDatabase db)
{
    QStringList entries;
    QSqlQuery query(db);
    query.exec(u"SELECT operation, revision, count(*) FROM change_log WHERE entity = 'customer'"
               " GROUP BY operation, revision ORDER BY operation, revision"_s);
    while (query.next())
        entries.append(
            u"%1 %2 %3"_s.arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString()));
    return entries;
}

QList<QStringList> readReport(const QString &path, QString *error)
{
    QFile file(path);
    QList<QStringList> records;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open "_s + path;
        return records;
    }
    QByteArray bytes = file.readAll();
    if (!bytes.startsWith("\xEF\xBB\xBF")) {
        *error = u"no BOM"_s;
        return records;
    }
    fc::test::readCsv(bytes.mid(3), &records, error);
    return records;
}

const QString kSummaryFirstRun = u"20 rows read, 14 new, 0 updated, 0 unchanged, 6 rejected"_s;

} // namespace

class tst_ImportCustomersOnBothBackEnds : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QMap<QString, QStringList> m_rows; // per back end, after the first run

private slots:
    void theSampleLoadsRerunsAndUpdates_data()
    {
        QTest::addColumn<QString>("backEnd");
        QTest::newRow("postgresql") << u"postgresql"_s;
        QTest::newRow("sqlite") << u"sqlite"_s;
    }

    void theSampleLoadsRerunsAndUpdates()
    {
        QFETCH(QString, backEnd);
        fc::test::PgTestDatabase pg;
        QString url;
        QSqlDatabase db;
        const QString sqliteConnection = u"import_sqlite_"_s + backEnd;
        if (backEnd == "postgresql"_L1) {
            const Status created = pg.create();
            QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
            url = pg.url();
        } else {
            url = u"sqlite:"_s + m_dir.filePath(u"import.sqlite"_s);
        }
        const QString dir = m_dir.filePath(backEnd);
        QVERIFY(QDir().mkpath(dir));
        const QString input = dir + u"/legacy.csv"_s;
        const QString report = dir + u"/legacy.rejected.csv"_s;
        const QByteArray sample = sampleFile();
        QVERIFY(!sample.isEmpty());
        QVERIFY(writeFile(input, sample));

        // First run: 14 load, 6 go to the report beside the file.
        const CommandRun first = runServerCommand(url, { u"import-customers"_s, input });
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        qInfo().noquote() << first.out.trimmed();
        QVERIFY2(first.out.contains(kSummaryFirstRun), qPrintable(first.out));
        QVERIFY2(first.out.contains(u"report: %1 (6 rows)"_s.arg(report)), qPrintable(first.out));
        QVERIFY2(first.out.contains(u"rejected by reason: date_of_birth.in_future 1, email.domain_without_dot 1, "
                                    "import.duplicate_legacy_id 1, import.wrong_field_count 1, "
                                    "phone.missing_area_code 1, postcode.invalid_format 1"_s),
                 qPrintable(first.out));
        QVERIFY2(first.err.contains(u"warning: ignored the columns it does not know: ward"_s), qPrintable(first.err));

        if (backEnd == "postgresql"_L1) {
            db = pg.database();
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, sqliteConnection);
            db.setDatabaseName(m_dir.filePath(u"import.sqlite"_s));
            QVERIFY(db.open());
        }
        QCOMPARE(scalar(db, u"SELECT count(*) FROM customers"_s), u"14"_s);
        const QStringList rows = customerRows(db);
        QCOMPARE(rows.size(), 14);
        // Ids are UUID v5 of the legacy id (computed independently, with Python's uuid.uuid5).
        QCOMPARE(rows.at(0),
                 u"C1000001|1c966320-51e7-5174-8fbf-a842cbef9712|Mrs|Siân|Jones||1962-03-14|"
                 "+441752123456;+447700900123|Sian.Jones@example.org|12 Mill Street||Plymouth|PL1 2AA|100040123456|"
                 "cy||||1"_s);
        QCOMPARE(rows.at(1),
                 u"C1000002|99848fb4-6a15-58f9-9910-f3215fed3f4e|Mr|Tomasz|Nowak|Tom|1985-07-02|+447700900456||"
                 "Flat 3, Harbour House|The Barbican|Plymouth|PL1 2NR||pl|interpreter|pl||1"_s);
        QCOMPARE(rows.at(2),
                 u"C1000003|4c099372-24c5-5e97-b0b0-9f038b409206|Ms|Aisha|Khan||1990-11-02|+447700900789|"
                 "aisha.khan@example.org|Flat 7 Marine Court|Hoe Road|Plymouth|PL1 3DE||en|large_print|||1"_s);
        QVERIFY2(rows.at(4).contains(u"|Peggy \"Meg\"|"_s), qPrintable(rows.at(4)));
        m_rows.insert(backEnd, rows);

        // The report: the physical line each bad row starts on (row 3 spans lines 4 and 5), why, as written.
        QString error;
        const QList<QStringList> rejected = readReport(report, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rejected.size(), 7);
        QCOMPARE(rejected.at(0), (QStringList { u"line"_s, u"legacy_id"_s, u"codes"_s, u"reason"_s, u"record"_s }));
        QStringList lines;
        QStringList codes;
        for (qsizetype i = 1; i < rejected.size(); ++i) {
            lines.append(rejected.at(i).at(0));
            codes.append(rejected.at(i).at(2));
        }
        QCOMPARE(lines, (QStringList { u"8"_s, u"9"_s, u"10"_s, u"11"_s, u"13"_s, u"14"_s }));
        QCOMPARE(codes,
                 (QStringList { u"postcode.invalid_format"_s, u"date_of_birth.in_future"_s,
                                u"email.domain_without_dot"_s, u"phone.missing_area_code"_s,
                                u"import.duplicate_legacy_id"_s, u"import.wrong_field_count"_s }));
        QCOMPARE(rejected.at(1).at(1), u"CRM-000106"_s);
        QVERIFY2(rejected.at(1).at(3).contains(u"PL1 9ZZZ"_s), qPrintable(rejected.at(1).at(3)));
        QVERIFY2(rejected.at(5).at(3).contains(u"line 2"_s), qPrintable(rejected.at(5).at(3)));
        QCOMPARE(rejected.at(6).at(4),
                 u"CRM-000111,Mr,Piotr,Kowalski,,1975-10-03,07700 900678,piotr.k@example.org,"
                 "18 Mayflower Street,Stonehouse"_s);

        // A rerun adds nobody and changes nothing.
        const CommandRun again = runServerCommand(url, { u"import-customers"_s, input });
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(u"20 rows read, 0 new, 0 updated, 14 unchanged, 6 rejected"_s),
                 qPrintable(again.out));
        QCOMPARE(customerRows(db), rows);

        // Saved again from Excel (BOM, CRLF) with one customer moved house: that row alone is updated.
        QByteArray changed = sample;
        QVERIFY(changed.contains("4 Lockyer Street,,Plymouth,PL1 2QD"));
        changed.replace("4 Lockyer Street,,Plymouth,PL1 2QD", "7 Beaumont Road,,Plymouth,PL4 9BD");
        changed.replace("\n", "\r\n");
        changed.prepend("\xEF\xBB\xBF");
        QVERIFY(writeFile(input, changed));
        const CommandRun updated
            = runServerCommand(url, { u"import-customers"_s, input, u"--report"_s, dir + u"/second-report.csv"_s });
        QVERIFY2(updated.exitCode == 0, qPrintable(updated.err));
        QVERIFY2(updated.out.contains(u"20 rows read, 0 new, 1 updated, 13 unchanged, 6 rejected"_s),
                 qPrintable(updated.out));
        QCOMPARE(scalar(db, u"SELECT count(*) FROM customers"_s), u"14"_s);
        QCOMPARE(scalar(db,
                        u"SELECT address_line1 || '|' || postcode || '|' || reference || '|' || revision"
                        " FROM customers WHERE id = '84c80086-f55c-5877-9067-15b699ce11bc'"_s),
                 u"7 Beaumont Road|PL4 9BD|C1000004|2"_s);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM customers WHERE revision = 1"_s), u"13"_s);

        // Plain INSERTs and UPDATEs, so the change log's triggers saw each write once; the unchanged
        // rerun wrote nothing.
        QCOMPARE(changeLog(db), (QStringList { u"insert 1 14"_s, u"update 2 1"_s }));
        QCOMPARE(readReport(dir + u"/second-report.csv"_s, &error).size(), 7); // same rows, same lines
        QVERIFY2(error.isEmpty(), qPrintable(error));

        if (backEnd == "sqlite"_L1) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(sqliteConnection);
        }
    }

    void bothBackEndsHoldTheSameCustomers()
    {
        QCOMPARE(m_rows.size(), 2);
        QCOMPARE(m_rows.value(u"sqlite"_s), m_rows.value(u"postgresql"_s));
    }

    void whatCannotBeImportedFailsWithAClearMessage()
    {
        const QString url = u"sqlite:"_s + m_dir.filePath(u"errors.sqlite"_s);
        const CommandRun missing = runServerCommand(url, { u"import-customers"_s, m_dir.filePath(u"nope.csv"_s) });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"cannot read "_s) && missing.err.contains(u"nope.csv"_s),
                 qPrintable(missing.err));

        const QString headless = m_dir.filePath(u"headless.csv"_s);
        QVERIFY(writeFile(headless, "CRM-1,Siân,Jones\nCRM-2,Tom,Nowak\n"));
        const CommandRun noHeader = runServerCommand(url, { u"import-customers"_s, headless });
        QCOMPARE(noHeader.exitCode, 1);
        QVERIFY2(noHeader.err.contains(u"no legacy_id column"_s) && noHeader.err.contains(u"Nothing was loaded"_s),
                 qPrintable(noHeader.err));
        QVERIFY(!QFile::exists(m_dir.filePath(u"headless.rejected.csv"_s)));

        const CommandRun noFile = runServerCommand(url, { u"import-customers"_s });
        QCOMPARE(noFile.exitCode, 2);
        QVERIFY2(noFile.err.contains(u"usage:"_s), qPrintable(noFile.err));

        const QString same = m_dir.filePath(u"same.csv"_s);
        QVERIFY(writeFile(same, "legacy_id,surname\nA,Jones\n"));
        QCOMPARE(runServerCommand(url, { u"import-customers"_s, same, u"--report"_s, same }).exitCode, 2);

        // A dry run counts but writes nothing.
        const CommandRun dry = runServerCommand(url, { u"import-customers"_s, same, u"--dry-run"_s });
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains(u"dry run, nothing written"_s) && dry.out.contains(u"1 new"_s), qPrintable(dry.out));
        QCOMPARE(runServerCommand(url, { u"import-customers"_s, same }).out.contains(u"1 new"_s), true);
    }
};

QTEST_GUILESS_MAIN(tst_ImportCustomersOnBothBackEnds)
#include "tst_ImportCustomersOnBothBackEnds.moc"
