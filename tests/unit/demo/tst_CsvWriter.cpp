// CsvWriter writes RFC 4180 that a strict reader gets back field for field, in UTF-8 with CRLF, and
// formats ids, times and numbers the one way the CSV files document.

#include "demo/CsvWriter.h"
#include "unit/demo/CsvTestReader.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

using fc::CsvWriter;

namespace {

QByteArray written(const std::function<void(CsvWriter &)> &write)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer);
        write(writer);
        const fc::Status flushed = writer.flush();
        if (!flushed)
            qWarning() << flushed.error().message;
    }
    return buffer.data();
}

} // namespace

class tst_CsvWriter : public QObject {
    Q_OBJECT

private slots:
    void quotesOnlyWhatNeedsQuoting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("plain") << u"Mill Road"_s << QByteArray("Mill Road");
        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("comma") << u"Flat 3, Harbour Court"_s << QByteArray("\"Flat 3, Harbour Court\"");
        QTest::newRow("quote") << u"The \"Old\" Forge"_s << QByteArray("\"The \"\"Old\"\" Forge\"");
        QTest::newRow("only a quote") << u"\""_s << QByteArray("\"\"\"\"");
        QTest::newRow("line feed") << u"line one\nline two"_s << QByteArray("\"line one\nline two\"");
        QTest::newRow("carriage return") << u"a\r\nb"_s << QByteArray("\"a\r\nb\"");
        QTest::newRow("apostrophe needs nothing") << u"O'Brien"_s << QByteArray("O'Brien");
        QTest::newRow("leading and trailing spaces kept") << u" x "_s << QByteArray(" x ");
        QTest::newRow("semicolon needs nothing") << u"a;b"_s << QByteArray("a;b");
    }
    void quotesOnlyWhatNeedsQuoting()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoded);
        QCOMPARE(CsvWriter::encodeField(text), encoded);
    }

    void encodesUtf8_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("Welsh circumflex") << u"Siân"_s << QByteArray("Si\xC3\xA2n");
        QTest::newRow("Polish stroke") << u"Łukasz"_s << QByteArray("\xC5\x81ukasz");
        QTest::newRow("three bytes") << u"€"_s << QByteArray("\xE2\x82\xAC");
        QTest::newRow("surrogate pair") << u"\U0001F600"_s << QByteArray("\xF0\x9F\x98\x80");
        QTest::newRow("lone surrogate becomes U+FFFD") << QString(QChar(0xD800)) << QByteArray("\xEF\xBF\xBD");
    }
    void encodesUtf8()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, encoded);
        QCOMPARE(CsvWriter::encodeField(text), encoded);
        if (!text.contains(QChar(0xD800)))
            QCOMPARE(CsvWriter::encodeField(text), text.toUtf8());
    }

    void trickyFieldsRoundTripThroughAReader()
    {
        const QStringList fields = { u"plain"_s,
                                     u"Flat 3, Harbour Court"_s,
                                     u"say \"hello\""_s,
                                     u"two\nlines"_s,
                                     u"crlf\r\ninside"_s,
                                     u""_s,
                                     u"\"\""_s,
                                     u",,,"_s,
                                     u"Ó Súilleabháin"_s,
                                     u"trailing,"_s,
                                     u"\r"_s,
                                     u"ends with quote\""_s };
        const QByteArray csv = written([&](CsvWriter &writer) {
            for (int row = 0; row < 2; ++row) {
                for (const QString &field : fields)
                    writer.addText(field);
                writer.endRow();
            }
        });
        QList<QStringList> records;
        QString error;
        QVERIFY2(fc::test::readCsv(csv, &records, &error), qPrintable(error));
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0], fields);
        QCOMPARE(records[1], fields);
    }

    void rowsEndWithCrlf()
    {
        const QByteArray csv = written([](CsvWriter &writer) {
            writer.addText(u"a"_s);
            writer.addNumber(1);
            writer.endRow();
            writer.addEmpty();
            writer.addEmpty();
            writer.endRow();
        });
        QCOMPARE(csv, QByteArray("a,1\r\n,\r\n"));
    }

    void formatsValues()
    {
        const QUuid id = QUuid::fromString(u"{6F1C2B3A-0D4E-4F5A-8B6C-7D8E9F0A1B2C}"_s);
        const QByteArray csv = written([&](CsvWriter &writer) {
            writer.addUuid(id);
            writer.addUuid(QUuid());
            writer.addNumber(-42);
            writer.addNumber(std::numeric_limits<qint64>::min());
            writer.addBool(true);
            writer.addBool(false);
            writer.addDate(QDate(2026, 3, 2));
            writer.addDate(QDate());
            writer.endRow();
        });
        QCOMPARE(csv,
                 QByteArray("6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c,,-42,-9223372036854775808,true,false,"
                            "2026-03-02,\r\n"));
    }

    void formatsTimesInUtc_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("UTC") << QDateTime(QDate(2026, 3, 2), QTime(9, 15, 0), Qt::UTC)
                             << QByteArray("2026-03-02T09:15:00Z");
        QTest::newRow("milliseconds kept")
            << QDateTime(QDate(2026, 3, 2), QTime(9, 15, 0, 7), Qt::UTC) << QByteArray("2026-03-02T09:15:00.007Z");
        QTest::newRow("offset converted to UTC")
            << QDateTime(QDate(2026, 7, 1), QTime(10, 0), QTimeZone(3600)) << QByteArray("2026-07-01T09:00:00Z");
        QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC)
                                  << QByteArray("2024-02-29T23:59:59Z");
        QTest::newRow("before 1970") << QDateTime(QDate(1969, 12, 31), QTime(23, 0), Qt::UTC)
                                     << QByteArray("1969-12-31T23:00:00Z");
        QTest::newRow("end of a century")
            << QDateTime(QDate(2100, 3, 1), QTime(0, 0), Qt::UTC) << QByteArray("2100-03-01T00:00:00Z");
        QTest::newRow("invalid is empty") << QDateTime() << QByteArray();
    }
    void formatsTimesInUtc()
    {
        QFETCH(QDateTime, time);
        QFETCH(QByteArray, encoded);
        const QByteArray csv = written([&](CsvWriter &writer) { writer.addDateTime(time); });
        QCOMPARE(csv, encoded);
        if (time.isValid())
            QCOMPARE(QDateTime::fromString(QString::fromLatin1(csv), Qt::ISODateWithMs), time);
    }

    void smallBufferWritesAsItGoes()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, 16);
        for (int i = 0; i < 10; ++i) {
            writer.addText(u"0123456789"_s);
            writer.endRow();
        }
        QVERIFY(buffer.data().size() >= 16 * 5);
        QVERIFY(writer.flush().ok());
        QCOMPARE(buffer.data().size(), 120);
        QCOMPARE(writer.bytesWritten(), qint64(120));
    }

    void writeFailureIsReported()
    {
        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        CsvWriter writer(&readOnly);
        writer.addText(u"x"_s);
        writer.endRow();
        QVERIFY(writer.status().ok()); // nothing written yet
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"ReadOnly device"_s));
        const fc::Status flushed = writer.flush();
        QVERIFY(!flushed.ok());
        QCOMPARE(flushed.error().code, u"csv.write_failed"_s);
        QCOMPARE(writer.status().error().code, u"csv.write_failed"_s);
    }
};

QTEST_GUILESS_MAIN(tst_CsvWriter)
#include "tst_CsvWriter.moc"
