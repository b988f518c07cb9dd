// CsvSink writes the four documented files, one row per record, every column where the header says,
// with keys (not display names), UTC times and ';'-joined lists, and the files appear only on close().

#include "demo/CsvSink.h"
#include "unit/demo/CsvTestReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace fc;

namespace {

QList<QStringList> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> records;
    QString error;
    if (!test::readCsv(file.readAll(), &records, &error))
        qWarning() << path << error;
    return records;
}

// Column name -> value, for the one data row of a file.
QHash<QString, QString> onlyRow(const QString &path)
{
    const QList<QStringList> records = readFile(path);
    if (records.size() != 2)
        return {};
    QHash<QString, QString> row;
    for (qsizetype i = 0; i < records[0].size() && i < records[1].size(); ++i)
        row.insert(records[0][i], records[1][i]);
    return row;
}

Customer sampleCustomer()
{
    Customer customer;
    customer.id = QUuid::fromString(u"11111111-2222-4333-8444-555555555555"_s);
    customer.reference = u"C1000042"_s;
    customer.title = u"Mrs"_s;
    customer.givenName = u"Siân Mair"_s;
    customer.familyName = u"O'Brien, \"Jones\""_s; // a comma and quotes must survive
    customer.preferredName = u"Sian"_s;
    customer.dateOfBirth = QDate(1961, 4, 9);
    customer.phones = { u"+447700900123"_s, u"+441752123456"_s };
    customer.emails = { u"sian@example.org"_s };
    customer.address
        = PostalAddress { u"Flat 3, Harbour Court"_s, u"Stonehouse"_s, u"Plymouth"_s, u"PL1 2AA"_s, u"100040123456"_s };
    customer.preferredLanguage = u"cy"_s;
    customer.preferredChannel = Channel::VideoRelay;
    customer.accessNeeds.needs = AccessNeed::BritishSignLanguage | AccessNeed::LargePrint;
    customer.accessNeeds.signLanguage = u"bfi"_s;
    customer.flags = { CustomerFlag { FlagCategory::Bereavement, QString(), QDate(2026, 1, 5), QDate(2027, 1, 5) },
                       CustomerFlag { FlagCategory::VerbalAbuse, QString(), QDate(2025, 6, 1), QDate(2026, 6, 1) } };
    customer.consents = CommunicationConsents { true, false, true };
    customer.revision = 3;
    customer.createdAt = QDateTime(QDate(2019, 5, 1), QTime(10, 0), Qt::UTC);
    customer.updatedAt = QDateTime(QDate(2026, 2, 3), QTime(14, 30, 5), Qt::UTC);
    return customer;
}

} // namespace

class tst_CsvSink : public QObject {
    Q_OBJECT

private slots:
    void headersAreTheDocumentedColumns()
    {
        QTemporaryDir dir;
        CsvSink sink;
        QVERIFY(sink.open(dir.path()).ok());
        QVERIFY(sink.close().ok());
        QCOMPARE(readFile(dir.filePath(CsvSink::customersFileName())),
                 QList<QStringList> { CsvSink::customerColumns() });
        QCOMPARE(readFile(dir.filePath(CsvSink::casesFileName())), QList<QStringList> { CsvSink::caseColumns() });
        QCOMPARE(readFile(dir.filePath(CsvSink::contactsFileName())), QList<QStringList> { CsvSink::contactColumns() });
        QCOMPARE(readFile(dir.filePath(CsvSink::duplicatesFileName())),
                 QList<QStringList> { CsvSink::duplicateColumns() });
        QCOMPARE(CsvSink::customerColumns().size(), 26);
        QCOMPARE(CsvSink::caseColumns().size(), 15);
        QCOMPARE(CsvSink::contactColumns().size(), 20);
    }

    void customerRowHoldsEveryField()
    {
        QTemporaryDir dir;
        CsvSink sink;
        QVERIFY(sink.open(dir.path()).ok());
        sink.onCustomer(sampleCustomer());
        QVERIFY(sink.close().ok());

        const QHash<QString, QString> row = onlyRow(dir.filePath(CsvSink::customersFileName()));
        QCOMPARE(row.size(), CsvSink::customerColumns().size());
        QCOMPARE(row[u"id"_s], u"11111111-2222-4333-8444-555555555555"_s);
        QCOMPARE(row[u"reference"_s], u"C1000042"_s);
        QCOMPARE(row[u"title"_s], u"Mrs"_s);
        QCOMPARE(row[u"given_name"_s], u"Siân Mair"_s);
        QCOMPARE(row[u"family_name"_s], u"O'Brien, \"Jones\""_s);
        QCOMPARE(row[u"preferred_name"_s], u"Sian"_s);
        QCOMPARE(row[u"date_of_birth"_s], u"1961-04-09"_s);
        QCOMPARE(row[u"phones"_s], u"+447700900123;+441752123456"_s);
        QCOMPARE(row[u"emails"_s], u"sian@example.org"_s);
        QCOMPARE(row[u"address_line1"_s], u"Flat 3, Harbour Court"_s);
        QCOMPARE(row[u"address_line2"_s], u"Stonehouse"_s);
        QCOMPARE(row[u"town"_s], u"Plymouth"_s);
        QCOMPARE(row[u"postcode"_s], u"PL1 2AA"_s);
        QCOMPARE(row[u"uprn"_s], u"100040123456"_s);
        QCOMPARE(row[u"preferred_language"_s], u"cy"_s);
        QCOMPARE(row[u"preferred_channel"_s], u"video_relay"_s);
        QCOMPARE(row[u"access_needs"_s], u"bsl;large_print"_s);
        QCOMPARE(row[u"interpreter_language"_s], QString());
        QCOMPARE(row[u"sign_language"_s], u"bfi"_s);
        QCOMPARE(row[u"flags"_s], u"bereavement:2026-01-05:2027-01-05;verbal_abuse:2025-06-01:2026-06-01"_s);
        QCOMPARE(row[u"consent_email"_s], u"true"_s);
        QCOMPARE(row[u"consent_sms"_s], u"false"_s);
        QCOMPARE(row[u"consent_post"_s], u"true"_s);
        QCOMPARE(row[u"revision"_s], u"3"_s);
        QCOMPARE(row[u"created_at"_s], u"2019-05-01T10:00:00Z"_s);
        QCOMPARE(row[u"updated_at"_s], u"2026-02-03T14:30:05Z"_s);
    }

    void contactAndCaseRowsUseKeys()
    {
        Contact contact;
        contact.id = QUuid::fromString(u"aaaaaaaa-0000-4000-8000-000000000001"_s);
        contact.customerId = QUuid::fromString(u"11111111-2222-4333-8444-555555555555"_s);
        contact.channel = Channel::FaceToFace;
        contact.site = u"civic-centre"_s;
        contact.agent = u"f.silva"_s;
        contact.startedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 15), Qt::UTC);
        contact.endedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 27, 30), Qt::UTC);
        contact.service = u"waste"_s;
        contact.reason = u"missed_bin"_s;
        contact.outcome = Outcome::RequestRaised;
        contact.demand = DemandClassification::failure(FailureKind::ChasingProgress);
        contact.notes = u"Bin left out,\nagain"_s;
        contact.linkedCaseIds = { QUuid::fromString(u"bbbbbbbb-0000-4000-8000-000000000001"_s),
                                  QUuid::fromString(u"bbbbbbbb-0000-4000-8000-000000000002"_s) };

        Case serviceCase;
        serviceCase.id = QUuid::fromString(u"bbbbbbbb-0000-4000-8000-000000000001"_s);
        serviceCase.reference = u"WST-2026-000123"_s;
        serviceCase.customerId = contact.customerId;
        serviceCase.service = u"waste"_s;
        serviceCase.requestType = u"missed_bin"_s;
        serviceCase.status = CaseStatus::InProgress;
        serviceCase.priority = CasePriority::High;
        serviceCase.team = u"waste_collections"_s;
        serviceCase.raisedAt = contact.endedAt;
        serviceCase.promisedBy = QDateTime(QDate(2026, 3, 4), QTime(17, 0), Qt::UTC);
        serviceCase.raisingContactId = contact.id;
        serviceCase.summary = u"Missed bin collection"_s;

        QTemporaryDir dir;
        CsvSink sink;
        QVERIFY(sink.open(dir.path()).ok());
        sink.onContact(contact);
        sink.onCase(serviceCase);
        sink.onDuplicatePlanted(PlantedDuplicate { serviceCase.id, contact.customerId, { u"typo"_s, u"nickname"_s } });
        QVERIFY(sink.close().ok());

        const QHash<QString, QString> c = onlyRow(dir.filePath(CsvSink::contactsFileName()));
        QCOMPARE(c.size(), CsvSink::contactColumns().size());
        QCOMPARE(c[u"channel"_s], u"face_to_face"_s);
        QCOMPARE(c[u"started_at"_s], u"2026-03-02T09:15:00Z"_s);
        QCOMPARE(c[u"ended_at"_s], u"2026-03-02T09:27:30Z"_s);
        QCOMPARE(c[u"outcome"_s], u"request_raised"_s);
        QCOMPARE(c[u"demand_type"_s], u"failure"_s);
        QCOMPARE(c[u"failure_kind"_s], u"chasing_progress"_s);
        QCOMPARE(c[u"script_version"_s], u"0"_s);
        QCOMPARE(c[u"answers"_s], QString());
        QCOMPARE(c[u"notes"_s], u"Bin left out,\nagain"_s);
        QCOMPARE(c[u"linked_case_ids"_s],
                 u"bbbbbbbb-0000-4000-8000-000000000001;bbbbbbbb-0000-4000-8000-000000000002"_s);
        QCOMPARE(c[u"corrects_contact_id"_s], QString());

        const QHash<QString, QString> k = onlyRow(dir.filePath(CsvSink::casesFileName()));
        QCOMPARE(k.size(), CsvSink::caseColumns().size());
        QCOMPARE(k[u"reference"_s], u"WST-2026-000123"_s);
        QCOMPARE(k[u"status"_s], u"in_progress"_s);
        QCOMPARE(k[u"priority"_s], u"high"_s);
        QCOMPARE(k[u"promised_by"_s], u"2026-03-04T17:00:00Z"_s);
        QCOMPARE(k[u"resolved_at"_s], QString());
        QCOMPARE(k[u"raising_contact_id"_s], u"aaaaaaaa-0000-4000-8000-000000000001"_s);

        const QHash<QString, QString> d = onlyRow(dir.filePath(CsvSink::duplicatesFileName()));
        QCOMPARE(d[u"variations"_s], u"typo;nickname"_s);
    }

    void valueDemandLeavesFailureKindEmpty()
    {
        Contact contact;
        contact.outcome = Outcome::ResolvedAtFirstContact;
        QTemporaryDir dir;
        CsvSink sink;
        QVERIFY(sink.open(dir.path()).ok());
        sink.onContact(contact);
        QVERIFY(sink.close().ok());
        const QHash<QString, QString> c = onlyRow(dir.filePath(CsvSink::contactsFileName()));
        QCOMPARE(c[u"demand_type"_s], u"value"_s);
        QCOMPARE(c[u"failure_kind"_s], QString());
        QCOMPARE(c[u"id"_s], QString()); // a null id is an empty field, never "{000...}"
    }

    void filesAppearOnlyWhenClosed()
    {
        QTemporaryDir dir;
        const QString customers = dir.filePath(CsvSink::customersFileName());
        QFile old(customers);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old\r\n");
        old.close();
        {
            CsvSink sink;
            QVERIFY(sink.open(dir.path()).ok());
            sink.onCustomer(sampleCustomer());
            QCOMPARE(readFile(customers), (QList<QStringList> { { u"old"_s } }));
        } // destroyed without close(): an interrupted run leaves the older files alone
        QCOMPARE(readFile(customers), (QList<QStringList> { { u"old"_s } }));
        QVERIFY(!QFile::exists(dir.filePath(CsvSink::contactsFileName())));
    }

    void createsAMissingDirectory()
    {
        QTemporaryDir dir;
        const QString nested = dir.filePath(u"a/b/council"_s);
        CsvSink sink;
        QVERIFY(sink.open(nested).ok());
        QVERIFY(sink.close().ok());
        QVERIFY(QFile::exists(QDir(nested).filePath(CsvSink::customersFileName())));
    }

    void directoryThatCannotBeMadeIsAnError()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"not-a-directory"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        CsvSink sink;
        const Status opened = sink.open(blocker.fileName() + u"/council"_s);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, u"csv.cannot_create_directory"_s);
        QVERIFY(opened.error().message.contains(u"not-a-directory"_s));
    }

    void closingUnopenedIsAnError()
    {
        CsvSink sink;
        const Status closed = sink.close();
        QVERIFY(!closed.ok());
        QCOMPARE(closed.error().code, u"csv.not_open"_s);
    }
};

QTEST_GUILESS_MAIN(tst_CsvSink)
#include "tst_CsvSink.moc"
