#include "demo/CsvWriter.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

bool needsQuotes(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u',' || u == u'"' || u == u'\n' || u == u'\r')
            return true;
    }
    return false;
}

void appendTwoDigits(QByteArray &out, int value)
{
    out.append(char('0' + value / 10));
    out.append(char('0' + value % 10));
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm): QDateTime's own formatting is
// several times slower, and this runs twice for each of millions of rows.
void civilFromDays(qint64 days, int *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    *day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    *month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    *year = int(yearOfEra + era * 400 + (*month <= 2 ? 1 : 0));
}

void appendDate(QByteArray &out, int year, int month, int day)
{
    if (year < 0 || year > 9999) {
        out.append(QByteArray::number(year));
    } else {
        appendTwoDigits(out, year / 100);
        appendTwoDigits(out, year % 100);
    }
    out.append('-');
    appendTwoDigits(out, month);
    out.append('-');
    appendTwoDigits(out, day);
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device, qsizetype bufferBytes) : m_device(device), m_bufferBytes(bufferBytes)
{
    m_buffer.reserve(bufferBytes + 4096);
}

CsvWriter::~CsvWriter()
{
    (void)flush();
}

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_buffer.append(',');
    m_rowStarted = true;
}

void CsvWriter::appendUtf8(QStringView text)
{
    const qsizetype size = text.size();
    const char16_t *data = text.utf16();
    for (qsizetype i = 0; i < size; ++i) {
        char32_t u = data[i];
        if (u < 0x80) {
            m_buffer.append(char(u));
            continue;
        }
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < size && data[i + 1] >= 0xDC00 && data[i + 1] <= 0xDFFF) {
            u = 0x10000 + ((u - 0xD800) << 10) + (data[i + 1] - 0xDC00);
            ++i;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD; // a lone surrogate is not text; UTF-8 cannot carry it
        }
        if (u < 0x800) {
            m_buffer.append(char(0xC0 | (u >> 6)));
            m_buffer.append(char(0x80 | (u & 0x3F)));
        } else if (u < 0x10000) {
            m_buffer.append(char(0xE0 | (u >> 12)));
            m_buffer.append(char(0x80 | ((u >> 6) & 0x3F)));
            m_buffer.append(char(0x80 | (u & 0x3F)));
        } else {
            m_buffer.append(char(0xF0 | (u >> 18)));
            m_buffer.append(char(0x80 | ((u >> 12) & 0x3F)));
            m_buffer.append(char(0x80 | ((u >> 6) & 0x3F)));
            m_buffer.append(char(0x80 | (u & 0x3F)));
        }
    }
}

void CsvWriter::addText(QStringView text)
{
    separate();
    if (!needsQuotes(text)) {
        appendUtf8(text);
        return;
    }
    m_buffer.append('"');
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'"') {
            appendUtf8(text.sliced(from, i - from + 1));
            m_buffer.append('"');
            from = i + 1;
        }
    }
    appendUtf8(text.sliced(from));
    m_buffer.append('"');
}

void CsvWriter::addNumber(qint64 number)
{
    separate();
    char digits[24];
    int length = 0;
    quint64 magnitude = number < 0 ? quint64(0) - quint64(number) : quint64(number);
    do {
        digits[length++] = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (number < 0)
        m_buffer.append('-');
    while (length > 0)
        m_buffer.append(digits[--length]);
}

void CsvWriter::addBool(bool value)
{
    separate();
    m_buffer.append(value ? "true" : "false");
}

void CsvWriter::addUuid(const QUuid &id)
{
    separate();
    if (id.isNull())
        return;
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray bytes = id.toRfc4122();
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            m_buffer.append('-');
        const auto byte = quint8(bytes[i]);
        m_buffer.append(kHex[byte >> 4]);
        m_buffer.append(kHex[byte & 0x0F]);
    }
}

void CsvWriter::addDateTime(const QDateTime &dateTime)
{
    separate();
    if (!dateTime.isValid())
        return;
    const qint64 msecs = dateTime.toMSecsSinceEpoch();
    const qint64 days = msecs >= 0 ? msecs / 86400000 : -((-msecs + 86400000 - 1) / 86400000);
    const qint64 msOfDay = msecs - days * 86400000;
    int year = 0;
    int month = 0;
    int day = 0;
    civilFromDays(days, &year, &month, &day);
    appendDate(m_buffer, year, month, day);
    m_buffer.append('T');
    const int seconds = int(msOfDay / 1000);
    appendTwoDigits(m_buffer, seconds / 3600);
    m_buffer.append(':');
    appendTwoDigits(m_buffer, seconds / 60 % 60);
    m_buffer.append(':');
    appendTwoDigits(m_buffer, seconds % 60);
    if (const int millis = int(msOfDay % 1000); millis != 0) {
        m_buffer.append('.');
        m_buffer.append(char('0' + millis / 100));
        appendTwoDigits(m_buffer, millis % 100);
    }
    m_buffer.append('Z');
}

void CsvWriter::addDate(const QDate &date)
{
    separate();
    if (date.isValid())
        appendDate(m_buffer, date.year(), date.month(), date.day());
}

void CsvWriter::addEmpty()
{
    separate();
}

void CsvWriter::endRow()
{
    m_buffer.append("\r\n");
    m_rowStarted = false;
    flushIfFull();
}

void CsvWriter::flushIfFull()
{
    if (m_buffer.size() >= m_bufferBytes)
        (void)flush();
}

Status CsvWriter::flush()
{
    if (!m_failed && !m_buffer.isEmpty()) {
        const qint64 wrote = m_device ? m_device->write(m_buffer) : -1;
        if (wrote != m_buffer.size()) {
            m_failed = true;
            m_error = m_device ? m_device->errorString() : QString();
        } else {
            m_written += wrote;
        }
    }
    m_buffer.resize(0); // keeps the capacity, unlike clear()
    return status();
}

Status CsvWriter::status() const
{
    if (m_failed) {
        return makeError(u"csv.write_failed"_s,
                         QCoreApplication::translate("fc::CsvWriter", "Could not write the CSV file: %1").arg(m_error));
    }
    return {};
}

QByteArray CsvWriter::encodeField(QStringView text)
{
    QByteArray out;
    {
        CsvWriter writer(nullptr);
        writer.addText(text);
        out = writer.m_buffer;
        writer.m_buffer.clear();
    }
    return out;
}

} // namespace fc
