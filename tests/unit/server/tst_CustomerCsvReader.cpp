// What import-customers accepts: header names in any order and case, every value normalised with the
// core helpers, and each rejection reason with its code, line and raw record.

#include "server/CustomerCsvReader.h"

#include <QBuffer>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2026, 3, 2);

struct Read {
    Status header;
    QStringList unknownColumns;
    QList<CustomerCsvField> fields;
    QList<CustomerCsvRow> rows;
};

Read readAll(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CustomerCsvReader reader(&buffer, kToday);
    Read read;
    read.header = reader.readHeader();
    if (!read.header)
        return read;
    read.unknownColumns = reader.unknownColumns();
    read.fields = reader.fields();
    while (std::optional<CustomerCsvRow> row = reader.next())
        read.rows.append(*row);
    return read;
}

QStringList codes(const CustomerCsvRow &row)
{
    QStringList list;
    for (const Error &problem : row.problems)
        list.append(problem.code);
    return list;
}

QString messages(const CustomerCsvRow &row)
{
    QStringList list;
    for (const Error &problem : row.problems)
        list.append(problem.message);
    return list.join(u" | "_s);
}

const QByteArray kHeader = "legacy_id,title,given_name,family_name,preferred_name,date_of_birth,phones,emails,"
                           "address_line1,address_line2,town,postcode,uprn,preferred_language,access_needs,"
                           "interpreter_language,sign_language\n";

} // namespace

class tst_CustomerCsvReader : public QObject {
    Q_OBJECT

private slots:
    void headerNamesMatchInAnyOrderCaseAndSpelling()
    {
        const Read read = readAll("\xEF\xBB\xBF"
                                  "Surname, FORENAME ,Legacy ID,E-mail,Phone,Post Code,DOB\r\n"
                                  "Jones,Siân,L1,sian@example.org,07700 900123,pl1 2aa,14/03/1962\r\n");
        QVERIFY2(read.header.ok(), qPrintable(read.header.ok() ? QString() : read.header.error().message));
        QCOMPARE(
            read.fields,
            (QList<CustomerCsvField> { CustomerCsvField::FamilyName, CustomerCsvField::GivenName,
                                       CustomerCsvField::LegacyId, CustomerCsvField::Emails, CustomerCsvField::Phones,
                                       CustomerCsvField::Postcode, CustomerCsvField::DateOfBirth }));
        QVERIFY(read.unknownColumns.isEmpty());
        QCOMPARE(read.rows.size(), 1);
        const CustomerCsvRow &row = read.rows.first();
        QVERIFY2(!row.rejected(), qPrintable(messages(row)));
        QCOMPARE(row.legacyId, u"L1"_s);
        QCOMPARE(row.customer.familyName, u"Jones"_s);
        QCOMPARE(row.customer.givenName, u"Siân"_s);
        QCOMPARE(row.customer.emails, QStringList { u"sian@example.org"_s });
        QCOMPARE(row.customer.phones, QStringList { u"+447700900123"_s });
        QCOMPARE(row.customer.address.postcode, u"PL1 2AA"_s);
        QCOMPARE(row.customer.dateOfBirth, QDate(1962, 3, 14));
        QCOMPARE(row.line, qint64(2));
    }

    void unknownColumnsAreListedOnceAndIgnored()
    {
        const Read read = readAll("legacy_id,ward,surname,notes,\nL1,Drake,Jones,\"call, after 5\",\nL2,Hoe,Smith,,\n");
        QVERIFY(read.header.ok());
        QCOMPARE(read.unknownColumns, (QStringList { u"ward"_s, u"notes"_s, u"column 5"_s }));
        QCOMPARE(read.rows.size(), 2);
        QVERIFY(!read.rows.at(0).rejected());
        QVERIFY(!read.rows.at(1).rejected());
        QCOMPARE(read.rows.at(1).customer.familyName, u"Smith"_s);
    }

    void headerProblemsStopBeforeAnyRow_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty file") << QByteArray() << u"import.empty_file"_s << u"first line"_s;
        QTest::newRow("only a BOM and blank lines")
            << QByteArray("\xEF\xBB\xBF\r\n\r\n") << u"import.empty_file"_s << u"first line"_s;
        QTest::newRow("no legacy_id (data, not a header)")
            << QByteArray("CRM-1,Siân,Jones\n") << u"import.missing_column"_s << u"CRM-1, Siân, Jones"_s;
        QTest::newRow("no name column") << QByteArray("legacy_id,title,postcode\n") << u"import.missing_column"_s
                                        << u"family_name"_s;
        QTest::newRow("phone and phones") << QByteArray("legacy_id,surname,phone,Phones\n")
                                          << u"import.duplicate_column"_s << u"\"phone\" and \"Phones\""_s;
        QTest::newRow("surname and family_name")
            << QByteArray("legacy_id,surname,family_name\n") << u"import.duplicate_column"_s << u"family_name"_s;
        QTest::newRow("unterminated quote in the header")
            << QByteArray("legacy_id,\"surname\n1,Jones\n") << u"import.bad_header"_s << u"line 1"_s;
    }

    void headerProblemsStopBeforeAnyRow()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const Read read = readAll(file);
        QVERIFY(!read.header.ok());
        QCOMPARE(read.header.error().code, code);
        QVERIFY2(read.header.error().message.contains(mentions), qPrintable(read.header.error().message));
        QVERIFY(read.rows.isEmpty());
    }

    void aFullRowIsNormalised()
    {
        const Read read = readAll(kHeader
                                  + "  CRM-7 ,Mrs,\" Siân  \u200EAnn \",Jones,Sian,1962-03-14,"
                                    "\"01752 123456; +44 (0)7700 900123;;07700900123\","
                                    "\"Sian@Example.ORG;sian@example.org; s.jones@example.com\","
                                    "\"Flat 3,\nHarbour House\",The Barbican,Plymouth, pl12aa ,000100040123,Welsh,"
                                    "\"Large print; hearing-loop;BSL\",pol,BSL\n");
        QVERIFY(read.header.ok());
        QCOMPARE(read.rows.size(), 1);
        const CustomerCsvRow &row = read.rows.first();
        QVERIFY2(!row.rejected(), qPrintable(messages(row)));
        const Customer &c = row.customer;
        QCOMPARE(row.legacyId, u"CRM-7"_s);
        QCOMPARE(c.id, CustomerCsvReader::customerId(u"CRM-7"_s));
        QCOMPARE(c.id.version(), QUuid::Sha1);
        QCOMPARE(c.reference, QString());
        QCOMPARE(c.revision, qint64(1));
        QCOMPARE(c.title, u"Mrs"_s);
        QCOMPARE(c.givenName, u"Siân Ann"_s); // trimmed, spaces collapsed, the direction mark dropped
        QCOMPARE(c.familyName, u"Jones"_s);
        QCOMPARE(c.preferredName, u"Sian"_s);
        QCOMPARE(c.dateOfBirth, QDate(1962, 3, 14));
        QCOMPARE(c.phones, (QStringList { u"+441752123456"_s, u"+447700900123"_s })); // the repeat once
        QCOMPARE(c.emails, (QStringList { u"Sian@example.org"_s, u"s.jones@example.com"_s }));
        QCOMPARE(c.address.line1, u"Flat 3, Harbour House"_s);
        QCOMPARE(c.address.line2, u"The Barbican"_s);
        QCOMPARE(c.address.town, u"Plymouth"_s);
        QCOMPARE(c.address.postcode, u"PL1 2AA"_s);
        QCOMPARE(c.address.uprn, u"100040123"_s);
        QCOMPARE(c.preferredLanguage, u"cy"_s);
        QCOMPARE(c.accessNeeds.needs,
                 AccessNeedSet(AccessNeed::LargePrint | AccessNeed::HearingLoop | AccessNeed::BritishSignLanguage
                               | AccessNeed::Interpreter));
        QCOMPARE(c.accessNeeds.interpreterLanguage, u"pl"_s);
        QCOMPARE(c.accessNeeds.signLanguage, u"bfi"_s);
    }

    void emptyOptionalValuesStayEmpty()
    {
        const Read read = readAll(kHeader + "CRM-8,,,Jones,,,,,,,,,,,,,\n");
        const CustomerCsvRow &row = read.rows.first();
        QVERIFY2(!row.rejected(), qPrintable(messages(row)));
        QVERIFY(row.customer.givenName.isEmpty());
        QVERIFY(!row.customer.dateOfBirth.isValid());
        QVERIFY(row.customer.phones.isEmpty());
        QVERIFY(row.customer.emails.isEmpty());
        QVERIFY(row.customer.address.postcode.isEmpty());
        QCOMPARE(row.customer.preferredLanguage, u"en"_s);
        QVERIFY(!row.customer.accessNeeds.any());
    }

    void datesOfBirthInBothWritings_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QDate>("date");
        QTest::newRow("ISO") << u"1985-07-02"_s << QDate(1985, 7, 2);
        QTest::newRow("UK") << u"02/07/1985"_s << QDate(1985, 7, 2);
        QTest::newRow("UK without leading zeros") << u"2/7/1985"_s << QDate(1985, 7, 2);
        QTest::newRow("leap day") << u"29/02/1992"_s << QDate(1992, 2, 29);
        QTest::newRow("today") << u"2026-03-02"_s << kToday;
    }

    void datesOfBirthInBothWritings()
    {
        QFETCH(QString, written);
        QFETCH(QDate, date);
        const Read read = readAll("legacy_id,surname,date_of_birth\nL1,Jones," + written.toUtf8() + "\n");
        QVERIFY2(!read.rows.first().rejected(), qPrintable(messages(read.rows.first())));
        QCOMPARE(read.rows.first().customer.dateOfBirth, date);
    }

    void eachRejectionHasItsCode_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        // Columns: legacy_id,surname,forename,dob,phone,email,postcode,uprn,language,access_needs
        QTest::newRow("missing legacy_id")
            << QByteArray("  ,Jones,Sian,,,,,,,") << u"import.missing_legacy_id"_s << u"legacy_id"_s;
        QTest::newRow("no name at all") << QByteArray("L1, , ,,,,,,,") << u"import.missing_name"_s << u"name"_s;
        QTest::newRow("bad postcode") << QByteArray("L1,Jones,,,,,PL1 9ZZZ,,,") << u"postcode.invalid_format"_s
                                      << u"postcode \"PL1 9ZZZ\""_s;
        QTest::newRow("postcode letters never used")
            << QByteArray("L1,Jones,,,,,QQ1 1AA,,,") << u"postcode.invalid_format"_s << u"QQ1 1AA"_s;
        QTest::newRow("bad date") << QByteArray("L1,Jones,,31/02/1970,,,,,,") << u"date_of_birth.invalid"_s
                                  << u"dob \"31/02/1970\""_s;
        QTest::newRow("US date") << QByteArray("L1,Jones,,07/13/1970,,,,,,") << u"date_of_birth.invalid"_s
                                 << u"DD/MM/YYYY"_s;
        QTest::newRow("two-digit year") << QByteArray("L1,Jones,,01/02/70,,,,,,") << u"date_of_birth.invalid"_s
                                        << u"01/02/70"_s;
        QTest::newRow("date of birth in the future")
            << QByteArray("L1,Jones,,2026-03-03,,,,,,") << u"date_of_birth.in_future"_s << u"future"_s;
        QTest::newRow("placeholder date")
            << QByteArray("L1,Jones,,01/01/1800,,,,,,") << u"date_of_birth.before_1900"_s << u"1900"_s;
        QTest::newRow("bad email") << QByteArray("L1,Jones,,,,john@example,,,,") << u"email.domain_without_dot"_s
                                   << u"email \"john@example\""_s;
        QTest::newRow("second email bad") << QByteArray("L1,Jones,,,,\"a@example.org;b@@example.org\",,,,")
                                          << u"email.multiple_at"_s << u"b@@example.org"_s;
        QTest::newRow("local phone number")
            << QByteArray("L1,Jones,,,12345,,,,,") << u"phone.missing_area_code"_s << u"phone \"12345\""_s;
        QTest::newRow("phone with letters")
            << QByteArray("L1,Jones,,,01752 123456 ext 4,,,,,") << u"phone.invalid_character"_s << u"ext 4"_s;
        QTest::newRow("bad UPRN") << QByteArray("L1,Jones,,,,,,1.0004E+8,,") << u"uprn.invalid_character"_s
                                  << u"uprn \"1.0004E+8\""_s;
        QTest::newRow("unknown language")
            << QByteArray("L1,Jones,,,,,,,Klingon,") << u"language.unknown"_s << u"language \"Klingon\""_s;
        QTest::newRow("unknown access need")
            << QByteArray("L1,Jones,,,,,,,,wheelchair") << u"access_needs.unknown"_s << u"large_print"_s;
        QTest::newRow("too few fields") << QByteArray("L1,Jones,Sian") << u"import.wrong_field_count"_s
                                        << u"3 fields but the header has 10"_s;
        QTest::newRow("too many fields") << QByteArray("L1,Jones,,,,,,,,,extra") << u"import.wrong_field_count"_s
                                         << u"11 fields"_s;
        QTest::newRow("text after a closing quote")
            << QByteArray("L1,\"Jones\"x,,,,,,,,") << u"csv.text_after_quote"_s << u"doubled"_s;
        QTest::newRow("not UTF-8") << QByteArray("L1,Jon\xE9s,,,,,,,,") << u"csv.invalid_utf8"_s << u"UTF-8"_s;
        QTest::newRow("unterminated quote")
            << QByteArray("L1,\"Jones,,,,,,,,") << u"csv.unterminated_quote"_s << u"line 2"_s;
        QTest::newRow("the header again, from a second export with its BOM")
            << QByteArray("\xEF\xBB\xBF"
                          "legacy_id,surname,forename,dob,phone,email,postcode,uprn,language,access_needs")
            << u"import.repeated_header"_s << u"joined"_s;
        QTest::newRow("over-long name") << QByteArray("L1," + QByteArray(201, 'a') + ",,,,,,,,")
                                        << u"import.value_too_long"_s << u"200"_s;
    }

    void eachRejectionHasItsCode()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const Read read
            = readAll("legacy_id,surname,forename,dob,phone,email,postcode,uprn,language,access_needs\n" + row + "\n");
        QVERIFY(read.header.ok());
        QCOMPARE(read.rows.size(), 1);
        const CustomerCsvRow &rejected = read.rows.first();
        QCOMPARE(codes(rejected), QStringList { code });
        QVERIFY2(messages(rejected).contains(mentions), qPrintable(messages(rejected)));
        QCOMPARE(rejected.line, qint64(2));
        // An open quote takes the rest of the file, line end included.
        QCOMPARE(rejected.raw, QString::fromUtf8(code == "csv.unterminated_quote"_L1 ? row + "\n" : row));
    }

    void everyProblemOfARowIsReported()
    {
        const Read read = readAll("legacy_id,surname,postcode,email,dob\nL1,Jones,XX,bad,32/01/1990\n");
        const CustomerCsvRow &row = read.rows.first();
        QCOMPARE(codes(row),
                 (QStringList { u"date_of_birth.invalid"_s, u"email.missing_at"_s, u"postcode.invalid_format"_s }));
    }

    void aRepeatedLegacyIdRejectsTheLaterRowNamingTheFirst()
    {
        const Read read = readAll("legacy_id,surname,postcode\n"
                                  "A1,Jones,PL1 2AA\n"
                                  "A2,\"Smith\nJones\",PL1 2AA\n"
                                  "A1,Jones,PL1 3AA\n"
                                  " A2 ,Smith,PL1 2AA\n"
                                  "a1,Jones,PL1 2AA\n");
        QCOMPARE(read.rows.size(), 5);
        QVERIFY(!read.rows.at(0).rejected());
        QVERIFY(!read.rows.at(1).rejected());
        QCOMPARE(codes(read.rows.at(2)), QStringList { u"import.duplicate_legacy_id"_s });
        QCOMPARE(read.rows.at(2).line, qint64(5));
        QVERIFY2(messages(read.rows.at(2)).contains(u"line 2"_s), qPrintable(messages(read.rows.at(2))));
        QCOMPARE(codes(read.rows.at(3)), QStringList { u"import.duplicate_legacy_id"_s }); // trimmed, it is A2
        QCOMPARE(read.rows.at(3).line, qint64(6));
        QVERIFY2(messages(read.rows.at(3)).contains(u"line 3"_s), qPrintable(messages(read.rows.at(3))));
        QVERIFY(!read.rows.at(4).rejected()); // legacy ids are case-sensitive keys
    }

    void aRejectedRowStillTakesItsLegacyId()
    {
        // The first row with an id decides, loadable or not, so a fix-and-rerun rejects the same rows.
        const Read read = readAll("legacy_id,surname,postcode\nA1,Jones,nonsense\nA1,Jones,PL1 2AA\n");
        QCOMPARE(codes(read.rows.at(0)), QStringList { u"postcode.invalid_format"_s });
        QCOMPARE(codes(read.rows.at(1)), QStringList { u"import.duplicate_legacy_id"_s });
    }

    void lineNumbersStayRightAroundLineBreaksAndBlankLines()
    {
        const Read read = readAll("legacy_id,surname,address_line1\r\n"
                                  "A1,Jones,\"1 High St\r\nFlat 2\"\r\n"
                                  "\r\n"
                                  "A2,Smith,x,extra\r\n"
                                  "A3,\"Brown\n\n\",y\r\n"
                                  "A4,,\r\n");
        QCOMPARE(read.rows.size(), 4);
        QCOMPARE(read.rows.at(0).line, qint64(2));
        QCOMPARE(read.rows.at(1).line, qint64(5));
        QCOMPARE(codes(read.rows.at(1)), QStringList { u"import.wrong_field_count"_s });
        QCOMPARE(read.rows.at(1).legacyId, u"A2"_s);
        QCOMPARE(read.rows.at(2).line, qint64(6));
        QCOMPARE(read.rows.at(2).customer.familyName, u"Brown"_s);
        QCOMPARE(read.rows.at(3).line, qint64(9));
        QCOMPARE(codes(read.rows.at(3)), QStringList { u"import.missing_name"_s });
        QCOMPARE(read.rows.at(3).raw, u"A4,,"_s);
    }

    void theCustomerIdIsUuidV5OfTheLegacyId()
    {
        // Computed independently: Python's uuid.uuid5(UUID("89e97e73-396c-4b65-8db5-ed3876c96203"), name).
        QCOMPARE(CustomerCsvReader::legacyIdNamespace(), QUuid(u"89e97e73-396c-4b65-8db5-ed3876c96203"_s));
        QCOMPARE(CustomerCsvReader::customerId(u"CRM-000101"_s), QUuid(u"1c966320-51e7-5174-8fbf-a842cbef9712"_s));
        QCOMPARE(CustomerCsvReader::customerId(u"42"_s), QUuid(u"b599721f-6cef-59e8-8bb7-8baa59896b3e"_s));
        QCOMPARE(CustomerCsvReader::customerId(u"Siân-7"_s), QUuid(u"52badfb0-6e3e-58ca-ae61-52d9231329d1"_s));
        const Read read = readAll("legacy_id,surname\n CRM-000101 ,Jones\n");
        QCOMPARE(read.rows.first().customer.id, QUuid(u"1c966320-51e7-5174-8fbf-a842cbef9712"_s));
    }

    void languagesByCodeOrName_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("tag");
        QTest::newRow("code") << u"pl"_s << u"pl"_s;
        QTest::newRow("upper case") << u"CY"_s << u"cy"_s;
        QTest::newRow("three letters") << u"pol"_s << u"pl"_s;
        QTest::newRow("region with underscore") << u"en_gb"_s << u"en-GB"_s;
        QTest::newRow("script") << u"zh-hant"_s << u"zh-Hant"_s;
        QTest::newRow("English name") << u"Polish"_s << u"pl"_s;
        QTest::newRow("name, any case") << u"welsh"_s << u"cy"_s;
        QTest::newRow("a code before a name (Irish, not the Ga language)") << u"GA"_s << u"ga"_s;
        QTest::newRow("Irish by name") << u"Irish"_s << u"ga"_s;
    }

    void languagesByCodeOrName()
    {
        QFETCH(QString, written);
        QFETCH(QString, tag);
        const Read read = readAll("legacy_id,surname,language\nL1,Jones," + written.toUtf8() + "\n");
        QVERIFY2(!read.rows.first().rejected(), qPrintable(messages(read.rows.first())));
        QCOMPARE(read.rows.first().customer.preferredLanguage, tag);
    }
};

QTEST_GUILESS_MAIN(tst_CustomerCsvReader)
#include "tst_CustomerCsvReader.moc"
