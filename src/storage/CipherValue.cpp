#include "storage/CipherValue.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QMetaType>
#include <QTime>
#include <QUuid>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

Error nanError()
{
    return makeError(
        u"cipher.nan"_s,
        QCoreApplication::translate("CipherValue", "A NaN (not-a-number) value cannot be stored in the cache."));
}

Error outOfRangeError(const QString &what)
{
    return makeError(
        u"cipher.out_of_range"_s,
        QCoreApplication::translate("CipherValue", "The value %1 is outside the range the cache can store.").arg(what));
}

CipherValue integerValue(qint64 v)
{
    CipherValue out;
    out.kind = CipherValue::Kind::Integer;
    out.integer = v;
    return out;
}

CipherValue textValue(const QString &text)
{
    CipherValue out;
    out.kind = CipherValue::Kind::Text;
    out.bytes = text.toUtf8();
    return out;
}

// Qt 6 no longer reports a variant holding a null QString or QDate as null, but callers use those to
// mean "no value", as Qt's own SQL drivers do.
bool holdsNull(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.metaType().id()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDate:
        return value.toDate().isNull();
    case QMetaType::QTime:
        return value.toTime().isNull();
    case QMetaType::QDateTime:
        return value.toDateTime().isNull();
    default:
        return false;
    }
}

// Writes `value` as `width` decimal digits at `out`.
char *digits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

// "yyyy-MM-dd" into `out` (10 bytes); false outside years 1..9999. Qt's Qt::ISODate form, written by
// hand: QDate::toString() went through QString::arg and cost a first sync a tenth of its time.
bool writeDate(const QDate &date, char *out)
{
    int year = 0;
    int month = 0;
    int day = 0;
    date.getDate(&year, &month, &day);
    // Qt::ISODate cannot write years outside 0..9999; year 0 does not exist in QDate's calendar.
    if (!date.isValid() || year < 1 || year > 9999)
        return false;
    out = digits(out, year, 4);
    *out++ = '-';
    out = digits(out, month, 2);
    *out++ = '-';
    digits(out, day, 2);
    return true;
}

} // namespace

QByteArray cipherDateBytes(const QDate &date)
{
    char text[10];
    return writeDate(date, text) ? QByteArray(text, sizeof text) : QByteArray();
}

QByteArray cipherDateTimeBytes(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    const QDateTime utc = dateTime.timeSpec() == Qt::UTC ? dateTime : dateTime.toUTC();
    // "2026-03-29T01:30:00.123Z", as Qt::ISODateWithMs writes a UTC time.
    char text[24];
    if (!writeDate(utc.date(), text))
        return {};
    const QTime time = utc.time();
    char *out = text + 10;
    *out++ = 'T';
    out = digits(out, time.hour(), 2);
    *out++ = ':';
    out = digits(out, time.minute(), 2);
    *out++ = ':';
    out = digits(out, time.second(), 2);
    *out++ = '.';
    out = digits(out, time.msec(), 3);
    *out = 'Z';
    return QByteArray(text, sizeof text);
}

QString cipherDateText(const QDate &date)
{
    return QString::fromLatin1(cipherDateBytes(date));
}

QString cipherTimeText(const QTime &time)
{
    return time.isValid() ? time.toString(Qt::ISODateWithMs) : QString();
}

QString cipherDateTimeText(const QDateTime &dateTime)
{
    return QString::fromLatin1(cipherDateTimeBytes(dateTime));
}

Result<CipherValue> toCipherValue(const QVariant &value)
{
    if (holdsNull(value))
        return CipherValue {};

    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return integerValue(value.toBool() ? 1 : 0);
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::Short:
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return integerValue(value.toLongLong());
    case QMetaType::UChar:
    case QMetaType::UShort:
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        const qulonglong v = value.toULongLong();
        if (v > qulonglong(std::numeric_limits<qint64>::max()))
            return outOfRangeError(QString::number(v));
        return integerValue(qint64(v));
    }
    case QMetaType::Float:
    case QMetaType::Double: {
        const double v = value.toDouble();
        if (std::isnan(v))
            return nanError();
        CipherValue out;
        out.kind = CipherValue::Kind::Real;
        out.real = v;
        return out;
    }
    case QMetaType::QString:
        return textValue(value.toString());
    case QMetaType::QChar:
        return textValue(QString(value.toChar()));
    case QMetaType::QByteArray: {
        CipherValue out;
        out.kind = CipherValue::Kind::Blob;
        out.bytes = value.toByteArray();
        return out;
    }
    case QMetaType::QDate: {
        CipherValue out;
        out.kind = CipherValue::Kind::Text;
        out.bytes = cipherDateBytes(value.toDate());
        if (out.bytes.isEmpty())
            return outOfRangeError(value.toDate().toString());
        return out;
    }
    case QMetaType::QTime:
        return textValue(cipherTimeText(value.toTime()));
    case QMetaType::QDateTime: {
        CipherValue out;
        out.kind = CipherValue::Kind::Text;
        out.bytes = cipherDateTimeBytes(value.toDateTime());
        if (out.bytes.isEmpty())
            return outOfRangeError(value.toDateTime().toString());
        return out;
    }
    case QMetaType::QUuid:
        return textValue(value.toUuid().toString(QUuid::WithoutBraces));
    default:
        return makeError(u"cipher.unsupported_type"_s,
                         QCoreApplication::translate("CipherValue", "Values of type %1 cannot be stored in the cache.")
                             .arg(QString::fromLatin1(value.metaType().name())));
    }
}

QMetaType cipherColumnMetaType(const QString &declaredType)
{
    const QString type = declaredType.toUpper();
    if (type.contains(u"INT"_s))
        return QMetaType::fromType<qlonglong>();
    if (type.contains(u"CHAR"_s) || type.contains(u"CLOB"_s) || type.contains(u"TEXT"_s))
        return QMetaType::fromType<QString>();
    if (type.contains(u"BLOB"_s))
        return QMetaType::fromType<QByteArray>();
    if (type.contains(u"REAL"_s) || type.contains(u"FLOA"_s) || type.contains(u"DOUB"_s))
        return QMetaType::fromType<double>();
    return QMetaType();
}

Result<QString> cipherSqlLiteral(const QVariant &value)
{
    Result<CipherValue> stored = toCipherValue(value);
    if (!stored)
        return stored.error();
    const CipherValue &v = stored.value();
    switch (v.kind) {
    case CipherValue::Kind::Null:
        return u"NULL"_s;
    case CipherValue::Kind::Integer:
        return QString::number(v.integer);
    case CipherValue::Kind::Real:
        if (std::isinf(v.real))
            return v.real > 0 ? u"9e999"_s : u"-9e999"_s; // SQLite's spelling of infinity
        return QString::number(v.real, 'g', std::numeric_limits<double>::max_digits10);
    case CipherValue::Kind::Text: {
        QString text = QString::fromUtf8(v.bytes);
        text.replace(u'\'', u"''"_s);
        return QString(u'\'' + text + u'\'');
    }
    case CipherValue::Kind::Blob:
        return QString(u"X'"_s + QString::fromLatin1(v.bytes.toHex()) + u'\'');
    }
    return u"NULL"_s;
}

} // namespace fc
