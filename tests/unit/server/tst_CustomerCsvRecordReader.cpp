// The RFC 4180 reader under import-customers: quotes, line breaks inside them, BOM, every line end,
// physical line numbers, malformed records, and the same records whatever size the device reads in.

#include "server/CustomerCsvRecordReader.h"

#include <QBuffer>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

QList<CustomerCsvRecord> readAll(const QByteArray &bytes, qsizetype chunkBytes = 1 << 16)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CustomerCsvRecordReader reader(&buffer, chunkBytes);
    QList<CustomerCsvRecord> records;
    while (std::optional<CustomerCsvRecord> record = reader.next())
        records.append(*record);
    return records;
}

QString errorCode(const CustomerCsvRecord &record)
{
    return record.error ? record.error->code : QString();
}

// A file with something of everything, its records and the lines they start on.
const QByteArray kTricky = "\xEF\xBB\xBF"
                           "legacy_id,name,address\r\n"
                           "1,\"Jones, Siân\",\"12 Mill Street\r\nPlymouth\"\r\n"
                           "\r\n"
                           "2,\"Peggy \"\"Meg\"\" Smith\",\"\"\n"
                           "3,O\"Neill,\"Flat 3\nHarbour House\nThe Barbican\"\r"
                           "4,,\n"
                           "5,last,no line end";

// Gives its bytes, then fails as a disk would.
class FailingDevice : public QIODevice {
public:
    explicit FailingDevice(QByteArray bytes) : m_bytes(std::move(bytes)) { open(QIODevice::ReadOnly); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_bytes.isEmpty()) {
            setErrorString(u"disk on fire"_s);
            return -1;
        }
        const qint64 count = qMin<qint64>(maxSize, m_bytes.size());
        memcpy(data, m_bytes.constData(), size_t(count));
        m_bytes.remove(0, count);
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
};

} // namespace

class tst_CustomerCsvRecordReader : public QObject {
    Q_OBJECT

private slots:
    void readsQuotedCommasDoubledQuotesAndLineBreaks()
    {
        const QList<CustomerCsvRecord> records = readAll(kTricky);
        QCOMPARE(records.size(), 6);
        QCOMPARE(records.at(0).fields, (QStringList { u"legacy_id"_s, u"name"_s, u"address"_s }));
        QCOMPARE(records.at(1).fields, (QStringList { u"1"_s, u"Jones, Siân"_s, u"12 Mill Street\r\nPlymouth"_s }));
        QCOMPARE(records.at(2).fields, (QStringList { u"2"_s, u"Peggy \"Meg\" Smith"_s, QString() }));
        QCOMPARE(records.at(3).fields,
                 (QStringList { u"3"_s, u"O\"Neill"_s, u"Flat 3\nHarbour House\nThe Barbican"_s }));
        QCOMPARE(records.at(4).fields, (QStringList { u"4"_s, QString(), QString() }));
        QCOMPARE(records.at(5).fields, (QStringList { u"5"_s, u"last"_s, u"no line end"_s }));
        for (const CustomerCsvRecord &record : records)
            QVERIFY2(!record.error, qPrintable(record.error ? record.error->message : QString()));
    }

    void lineNumbersArePhysicalLinesWhereEachRecordStarts()
    {
        const QList<CustomerCsvRecord> records = readAll(kTricky);
        QCOMPARE(records.size(), 6);
        // header 1; record 1 spans 2-3; line 4 is empty; record 2 on 5; record 3 spans 6-8 (CR ends it);
        // record 4 on 9, record 5 on 10.
        const QList<qint64> starts { 1, 2, 5, 6, 9, 10 };
        const QList<qint64> ends { 1, 3, 5, 8, 9, 10 };
        for (qsizetype i = 0; i < records.size(); ++i) {
            QCOMPARE(records.at(i).line, starts.at(i));
            QCOMPARE(records.at(i).lastLine, ends.at(i));
        }
    }

    void rawIsTheRecordAsWrittenWithoutItsLineEnd()
    {
        const QList<CustomerCsvRecord> records = readAll(kTricky);
        QCOMPARE(records.at(0).raw, u"legacy_id,name,address"_s); // no BOM
        QCOMPARE(records.at(1).raw, u"1,\"Jones, Siân\",\"12 Mill Street\r\nPlymouth\""_s);
        QCOMPARE(records.at(2).raw, u"2,\"Peggy \"\"Meg\"\" Smith\",\"\""_s);
        QCOMPARE(records.at(5).raw, u"5,last,no line end"_s);
    }

    void theSameRecordsWhateverTheReadSize_data()
    {
        QTest::addColumn<qsizetype>("chunkBytes");
        for (qsizetype size : { 1, 2, 3, 5, 7, 64 })
            QTest::addRow("%d bytes", int(size)) << size;
    }

    void theSameRecordsWhateverTheReadSize()
    {
        // CRLF, the BOM and UTF-8 sequences split across reads must not change anything.
        QFETCH(qsizetype, chunkBytes);
        const QList<CustomerCsvRecord> whole = readAll(kTricky);
        const QList<CustomerCsvRecord> pieces = readAll(kTricky, chunkBytes);
        QCOMPARE(pieces.size(), whole.size());
        for (qsizetype i = 0; i < whole.size(); ++i) {
            QCOMPARE(pieces.at(i).fields, whole.at(i).fields);
            QCOMPARE(pieces.at(i).line, whole.at(i).line);
            QCOMPARE(pieces.at(i).lastLine, whole.at(i).lastLine);
            QCOMPARE(pieces.at(i).raw, whole.at(i).raw);
        }
    }

    void aByteOrderMarkIsDroppedAtTheStartAndWhereTwoExportsWereJoined()
    {
        const QList<CustomerCsvRecord> records = readAll("\xEF\xBB\xBF"
                                                         "a,b\n\xEF\xBB\xBF"
                                                         "c,d\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).fields.first(), u"a"_s);
        QCOMPARE(records.at(1).fields, (QStringList { u"c"_s, u"d"_s }));
        QCOMPARE(readAll("a,b\n").first().fields, (QStringList { u"a"_s, u"b"_s }));
    }

    void emptyLinesAreSkippedButCounted()
    {
        const QList<CustomerCsvRecord> records = readAll("\n\r\n\ra\n\n\nb\n\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).line, qint64(4));
        QCOMPARE(records.at(1).line, qint64(7));
        QVERIFY(readAll("").isEmpty());
        QVERIFY(readAll("\r\n\r\n").isEmpty());
    }

    void emptyFieldsAndATrailingCommaAreFields()
    {
        const QList<CustomerCsvRecord> records = readAll("a,,b,\n,\n\"\"\n");
        QCOMPARE(records.at(0).fields, (QStringList { u"a"_s, QString(), u"b"_s, QString() }));
        QCOMPARE(records.at(1).fields, (QStringList { QString(), QString() }));
        QCOMPARE(records.at(2).fields, (QStringList { QString() }));
    }

    void anUnterminatedQuoteRunsToTheEndAndSaysWhereItOpened()
    {
        const QList<CustomerCsvRecord> records = readAll("id,name\n1,ok\n2,\"open\n3,lost\n4,lost too\n");
        QCOMPARE(records.size(), 3);
        QVERIFY(!records.at(1).error);
        const CustomerCsvRecord &broken = records.at(2);
        QCOMPARE(errorCode(broken), u"csv.unterminated_quote"_s);
        QCOMPARE(broken.line, qint64(3));
        QCOMPARE(broken.lastLine, qint64(6));
        QVERIFY2(broken.error->message.contains(u"line 3"_s), qPrintable(broken.error->message));
        QCOMPARE(broken.raw, u"2,\"open\n3,lost\n4,lost too\n"_s);
    }

    void textAfterAClosingQuoteIsAnErrorAndTheNextRecordIsSound()
    {
        const QList<CustomerCsvRecord> records = readAll("1,\"Jones\" Smith,x\n2,fine,y\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(errorCode(records.at(0)), u"csv.text_after_quote"_s);
        QCOMPARE(records.at(0).raw, u"1,\"Jones\" Smith,x"_s);
        QVERIFY(!records.at(1).error);
        QCOMPARE(records.at(1).fields, (QStringList { u"2"_s, u"fine"_s, u"y"_s }));
        QCOMPARE(records.at(1).line, qint64(2));
    }

    void invalidUtf8IsAnErrorForThatRecordOnly()
    {
        // "Siân" in Windows-1252: 0xE2 alone is not UTF-8.
        const QList<CustomerCsvRecord> records = readAll("1,Si\xE2n\n2,Si\xC3\xA2n\n");
        QCOMPARE(records.size(), 2);
        QCOMPARE(errorCode(records.at(0)), u"csv.invalid_utf8"_s);
        QVERIFY(!records.at(1).error);
        QCOMPARE(records.at(1).fields.at(1), u"Siân"_s);
    }

    void anOverlongRecordIsRefusedWithoutHoldingIt()
    {
        QByteArray bytes = "1,\"";
        bytes.append(QByteArray(CustomerCsvRecordReader::kMaximumRecordBytes + 10, 'x'));
        bytes.append("\"\n2,after\n");
        const QList<CustomerCsvRecord> records = readAll(bytes);
        QCOMPARE(records.size(), 2);
        QCOMPARE(errorCode(records.at(0)), u"csv.record_too_long"_s);
        QVERIFY(records.at(0).raw.size() <= CustomerCsvRecordReader::kMaximumRecordBytes);
        QCOMPARE(records.at(1).fields, (QStringList { u"2"_s, u"after"_s }));
    }

    void aReadErrorStopsWithTheDeviceMessage()
    {
        FailingDevice device("id,name\n1,first\n2,cut sh");
        CustomerCsvRecordReader reader(&device, 4);
        QVERIFY(reader.next());
        QVERIFY(reader.next());
        QVERIFY(!reader.next()); // the half-read third record is not passed on as if it were whole
        QCOMPARE(reader.status().error().code, u"csv.read_failed"_s);
        QVERIFY2(reader.status().error().message.contains(u"disk on fire"_s),
                 qPrintable(reader.status().error().message));
    }
};

QTEST_GUILESS_MAIN(tst_CustomerCsvRecordReader)
#include "tst_CustomerCsvRecordReader.moc"
