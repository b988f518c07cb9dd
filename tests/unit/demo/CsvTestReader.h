#pragma once

// A small, strict RFC 4180 reader for the demo tests: what the CSV files promise, checked by reading
// them back independently of the writer.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace fc::test {

/// Records of UTF-8 CSV with CRLF line ends. Returns false, with the reason in *error, on a bare CR
/// or LF outside quotes, a quote inside an unquoted field, text after a closing quote, or an
/// unterminated quoted field.
inline bool readCsv(const QByteArray &utf8, QList<QStringList> *records, QString *error)
{
    const QString text = QString::fromUtf8(utf8);
    QStringList record;
    QString field;
    bool quoted = false; // inside a quoted field
    bool wasQuoted = false; // the current field was quoted and its closing quote seen
    bool fieldStarted = false;
    const qsizetype size = text.size();
    const auto fail = [&](const QString &why, qsizetype at) {
        *error = why + QStringLiteral(" at character ") + QString::number(at);
        return false;
    };
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < size && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u',') {
            record.append(field);
            field.clear();
            wasQuoted = false;
            fieldStarted = false;
        } else if (c == u'\r') {
            if (i + 1 >= size || text[i + 1] != u'\n')
                return fail(QStringLiteral("bare CR"), i);
            ++i;
            record.append(field);
            records->append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
            fieldStarted = false;
        } else if (c == u'\n') {
            return fail(QStringLiteral("bare LF"), i);
        } else if (c == u'"') {
            if (fieldStarted || wasQuoted)
                return fail(QStringLiteral("quote inside an unquoted field"), i);
            quoted = true;
            fieldStarted = true;
        } else {
            if (wasQuoted)
                return fail(QStringLiteral("text after a closing quote"), i);
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return fail(QStringLiteral("unterminated quoted field"), size);
    if (fieldStarted || wasQuoted || !record.isEmpty()) {
        record.append(field);
        records->append(record);
    }
    return true;
}

} // namespace fc::test
