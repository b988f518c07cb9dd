#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QIODevice>
#include <QStringView>
#include <QUuid>

namespace fc {

/// Writes RFC 4180 CSV to a device, fast enough for millions of rows: UTF-8, CRLF line ends, a field
/// quoted only when it holds a comma, a quote or a line break, quotes inside doubled. Output is
/// buffered; a write error is kept and reported by flush().
class CsvWriter {
public:
    explicit CsvWriter(QIODevice *device, qsizetype bufferBytes = 1 << 20);
    ~CsvWriter(); // flushes; call flush() first to see its error
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    void addText(QStringView text);
    void addNumber(qint64 number);
    /// "true" or "false".
    void addBool(bool value);
    /// "6f1c...": without braces; empty for a null id.
    void addUuid(const QUuid &id);
    /// ISO 8601 in UTC with a Z: "2026-03-02T09:15:00Z" (milliseconds only when there are some);
    /// empty for an invalid date-time.
    void addDateTime(const QDateTime &dateTime);
    /// "2026-03-02"; empty for a null date.
    void addDate(const QDate &date);
    void addEmpty();
    void endRow();

    /// Writes out what is buffered. Errors: csv.write_failed.
    Status flush();
    /// The first write error so far, without writing anything. Errors: csv.write_failed.
    Status status() const;
    qint64 bytesWritten() const { return m_written + m_buffer.size(); }

    /// One field as it is written, quoted when needed: for tests and small uses.
    static QByteArray encodeField(QStringView text);

private:
    void separate();
    void appendUtf8(QStringView text);
    void flushIfFull();

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_bufferBytes;
    qint64 m_written = 0;
    bool m_rowStarted = false;
    bool m_failed = false;
    QString m_error;
};

} // namespace fc
