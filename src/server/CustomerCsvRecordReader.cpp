#include "server/CustomerCsvRecordReader.h"

#include <QByteArrayView>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc::server {

CustomerCsvRecordReader::CustomerCsvRecordReader(QIODevice *device, qsizetype chunkBytes)
    : m_device(device), m_chunkBytes(qMax<qsizetype>(1, chunkBytes))
{
}

Status CustomerCsvRecordReader::status() const
{
    if (m_readError)
        return *m_readError;
    return {};
}

bool CustomerCsvRecordReader::ensure(qsizetype count)
{
    while (m_buffer.size() - m_position < count && !m_ended) {
        if (m_position > 0) {
            m_buffer.remove(0, m_position);
            m_position = 0;
        }
        const qsizetype before = m_buffer.size();
        m_buffer.resize(before + m_chunkBytes);
        const qint64 got = m_device->read(m_buffer.data() + before, m_chunkBytes);
        m_buffer.resize(before + qMax<qint64>(0, got));
        if (got < 0) {
            m_readError = makeError(u"csv.read_failed"_s,
                                    QCoreApplication::translate("fc::server::CustomerCsvRecordReader",
                                                                "Reading the file failed at line %1: %2")
                                        .arg(m_line)
                                        .arg(m_device->errorString()));
            m_ended = true;
        } else if (got == 0) {
            m_ended = true;
        }
    }
    return m_buffer.size() - m_position >= count;
}

int CustomerCsvRecordReader::peek(qsizetype ahead)
{
    if (!ensure(ahead + 1))
        return -1;
    return static_cast<unsigned char>(m_buffer.at(m_position + ahead));
}

void CustomerCsvRecordReader::advance(qsizetype count)
{
    m_position += count;
}

std::optional<CustomerCsvRecord> CustomerCsvRecordReader::next()
{
    if (!m_started) {
        m_started = true;
        if (peek(0) == 0xEF && peek(1) == 0xBB && peek(2) == 0xBF)
            advance(3);
    }
    // Lines with nothing on them are not records.
    for (;;) {
        const int c = peek();
        if (c == -1 || m_readError)
            return std::nullopt;
        if (c != '\n' && c != '\r')
            break;
        advance();
        if (c == '\r' && peek() == '\n')
            advance();
        ++m_line;
    }

    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::FieldStart;
    CustomerCsvRecord record;
    record.line = m_line;
    QByteArray raw;
    QByteArray field;
    QList<QByteArray> fields;
    bool tooLong = false;
    bool textAfterQuote = false;
    bool unterminated = false;
    qint64 quoteLine = 0;
    const auto endField = [&] {
        fields.append(field);
        field.clear();
        state = State::FieldStart;
    };
    const auto keep = [&](char c) {
        if (!tooLong)
            field.append(c);
    };

    for (;;) {
        const int c = peek();
        if (c == -1) {
            unterminated = state == State::Quoted;
            endField();
            record.lastLine = m_line;
            break;
        }
        const char ch = char(c);
        if (state != State::Quoted && (ch == '\n' || ch == '\r')) {
            advance();
            if (ch == '\r' && peek() == '\n')
                advance();
            endField();
            record.lastLine = m_line++;
            break;
        }
        advance();
        if (raw.size() >= kMaximumRecordBytes) {
            tooLong = true;
            field.clear();
            fields.clear();
        } else {
            raw.append(ch);
        }
        switch (state) {
        case State::FieldStart:
            if (ch == '"') {
                state = State::Quoted;
                quoteLine = m_line;
            } else if (ch == ',') {
                endField();
            } else {
                keep(ch);
                state = State::Unquoted;
            }
            break;
        case State::Unquoted:
            if (ch == ',')
                endField();
            else
                keep(ch); // a quote inside an unquoted field is taken as it is
            break;
        case State::Quoted:
            if (ch == '"') {
                state = State::QuoteInQuoted;
            } else {
                keep(ch);
                if (ch == '\n' || (ch == '\r' && peek() != '\n'))
                    ++m_line;
            }
            break;
        case State::QuoteInQuoted:
            if (ch == '"') {
                keep('"');
                state = State::Quoted;
            } else if (ch == ',') {
                endField();
            } else {
                textAfterQuote = true;
                keep(ch);
                state = State::Unquoted;
            }
            break;
        }
    }
    if (m_readError)
        return std::nullopt;

    record.raw = QString::fromUtf8(raw);
    if (tooLong) {
        record.error = makeError(
            u"csv.record_too_long"_s,
            QCoreApplication::translate("fc::server::CustomerCsvRecordReader",
                                        "The record starting on line %1 is longer than %2 MiB (is a quote left open?).")
                .arg(record.line)
                .arg(kMaximumRecordBytes >> 20));
        return record;
    }
    if (unterminated) {
        record.error = makeError(u"csv.unterminated_quote"_s,
                                 QCoreApplication::translate(
                                     "fc::server::CustomerCsvRecordReader",
                                     "The quoted field opened on line %1 is never closed, so lines %2 to %3 (the end "
                                     "of the file) were read as one record.")
                                     .arg(quoteLine)
                                     .arg(record.line)
                                     .arg(record.lastLine));
    } else if (!QByteArrayView(raw).isValidUtf8()) {
        record.error = makeError(
            u"csv.invalid_utf8"_s,
            QCoreApplication::translate("fc::server::CustomerCsvRecordReader",
                                        "The record is not valid UTF-8 (save the export as UTF-8, not a Windows code "
                                        "page)."));
    } else if (textAfterQuote) {
        record.error = makeError(
            u"csv.text_after_quote"_s,
            QCoreApplication::translate("fc::server::CustomerCsvRecordReader",
                                        "A quoted field is followed by more text before the next comma (a quote inside "
                                        "a quoted field must be doubled: \"\")."));
    }
    record.fields.reserve(fields.size());
    for (const QByteArray &value : fields)
        record.fields.append(QString::fromUtf8(value));
    return record;
}

} // namespace fc::server
