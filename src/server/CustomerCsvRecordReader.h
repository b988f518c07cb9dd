#pragma once

// RFC 4180 records from a legacy CRM export, each with the physical line it starts on and its text as
// it stood in the file, so a rejected row can be reported as it was.

#include "core/Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <optional>

namespace fc::server {

/// One record of a CSV file. `error` is set when the record itself is malformed (its fields are then
/// not to be trusted); the reader has still found where it ends, so the records after it are sound.
struct CustomerCsvRecord {
    qint64 line = 0; // physical line (1-based) the record starts on
    qint64 lastLine = 0; // physical line it ends on (greater than `line` when a quoted field holds line breaks)
    QStringList fields;
    QString raw; // the record's text without its own line end; line breaks inside quotes kept as written
    /// csv.unterminated_quote, csv.text_after_quote, csv.invalid_utf8, csv.record_too_long
    std::optional<Error> error;
};

/// Streams records from a device: UTF-8 with or without a byte order mark, CRLF, LF or CR line ends,
/// fields optionally in double quotes (which may hold commas, line breaks and doubled quotes). A quote
/// inside an unquoted field is taken literally. Lines holding nothing at all are skipped (their line
/// numbers still count). Reads the device in chunks, so a file of any size costs one record of memory.
class CustomerCsvRecordReader {
public:
    /// A record is refused beyond this, so an unterminated quote cannot swallow memory for a whole file.
    static constexpr qsizetype kMaximumRecordBytes = 1 << 20;

    explicit CustomerCsvRecordReader(QIODevice *device, qsizetype chunkBytes = 1 << 16);

    /// The next record; nullopt at the end of the input or on a read error (see status()).
    std::optional<CustomerCsvRecord> next();
    /// Errors: csv.read_failed.
    Status status() const;
    /// Physical lines seen so far (the number of the line being read).
    qint64 currentLine() const { return m_line; }

private:
    bool ensure(qsizetype count); // at least `count` unread bytes buffered, unless the input ended
    int peek(qsizetype ahead = 0); // -1 at the end
    void advance(qsizetype count = 1);

    QIODevice *m_device;
    qsizetype m_chunkBytes;
    QByteArray m_buffer;
    qsizetype m_position = 0;
    qint64 m_line = 1;
    bool m_started = false;
    bool m_ended = false;
    std::optional<Error> m_readError;
};

} // namespace fc::server
