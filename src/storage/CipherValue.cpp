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

} // namespace

QString cipherDateText(const QDate &date)
{
    // Qt::ISODate cannot write years outside 0..9999; year 0 does not exist in QDate's calendar.
    if (!date.isValid() || date.year() < 1 || date.year() > 9999)
        return {};
    return date.toString(Qt::ISODate);
}

QString cipherTimeText(const QTime &time)
{
    return time.isValid() ? time.toString(Qt::ISODateWithMs) : QString();
}

QString cipherDateTimeText(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    const QDateTime utc = dateTime.toUTC();
    if (cipherDateText(utc.date()).isEmpty())
        return {};
    return utc.toString(Qt::ISODateWithMs);
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
        const QString text = cipherDateText(value.toDate());
        if (text.isEmpty())
            return outOfRangeError(value.toDate().toString());
        return textValue(text);
    }
    case QMetaType::QTime:
        return textValue(cipherTimeText(value.toTime()));
    case QMetaType::QDateTime: {
        const QString text = cipherDateTimeText(value.toDateTime());
        if (text.isEmpty())
            return outOfRangeError(value.toDateTime().toString());
        return textValue(text);
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
