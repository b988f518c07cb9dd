#include "core/JsonReader.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::JsonReader", text);
}

constexpr double kLargestExactInteger = 9007199254740992.0; // 2^53

} // namespace

JsonReader::JsonReader(const QJsonObject &object, QString context)
    : m_object(object),
      m_context(std::move(context))
{
}

QString JsonReader::fieldName(const QString &name) const
{
    return m_context.isEmpty() ? name : m_context + u'.' + name;
}

void JsonReader::setError(const QString &code, const QString &message)
{
    if (!m_error)
        m_error = makeError(code, message);
}

void JsonReader::fail(const QString &name, const QString &why)
{
    setError(u"json.invalid_field"_s, tr("Field '%1': %2").arg(fieldName(name), why));
}

const QJsonValue JsonReader::value(const QString &name)
{
    m_read.insert(name);
    return m_object.value(name);
}

QString JsonReader::string(const QString &name, qsizetype maxLength, bool required)
{
    const QJsonValue v = value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            setError(u"json.missing_field"_s, tr("Field '%1' is required.").arg(fieldName(name)));
        return QString();
    }
    if (!v.isString()) {
        fail(name, tr("expected a string"));
        return QString();
    }
    QString text = v.toString();
    if (text.size() > maxLength) {
        fail(name, tr("longer than %1 characters").arg(maxLength));
        return QString();
    }
    if (required && text.isEmpty())
        setError(u"json.missing_field"_s, tr("Field '%1' must not be empty.").arg(fieldName(name)));
    return text;
}

std::optional<QString> JsonReader::nullableString(const QString &name, qsizetype maxLength)
{
    const QJsonValue v = m_object.value(name);
    if (v.isUndefined() || v.isNull()) {
        m_read.insert(name);
        return std::nullopt;
    }
    return string(name, maxLength);
}

QUuid JsonReader::uuid(const QString &name, bool required)
{
    const QString text = string(name, 36, required);
    if (text.isEmpty())
        return QUuid();
    const QUuid id = QUuid::fromString(text);
    if (id.isNull() || text.size() != 36)
        fail(name, tr("expected a UUID such as 123e4567-e89b-12d3-a456-426614174000"));
    return id;
}

QDate JsonReader::date(const QString &name)
{
    const QString text = string(name, 10);
    if (text.isEmpty())
        return QDate();
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid() || text.size() != 10)
        fail(name, tr("expected a date as YYYY-MM-DD"));
    return day;
}

QDateTime JsonReader::time(const QString &name, bool required)
{
    const QString text = string(name, 40, required);
    if (text.isEmpty())
        return QDateTime();
    const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    // A time without an offset would be read as local time: different on every desk, so refused.
    const bool hasOffset = text.endsWith(u'Z') || text.contains(u'+') || text.lastIndexOf(u'-') > 10;
    if (!when.isValid() || !hasOffset) {
        fail(name, tr("expected an ISO 8601 time with Z or an offset"));
        return QDateTime();
    }
    return when.toUTC();
}

bool JsonReader::boolean(const QString &name, bool fallback)
{
    const QJsonValue v = value(name);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(name, tr("expected true or false"));
        return fallback;
    }
    return v.toBool();
}

qint64 JsonReader::integer(const QString &name, qint64 fallback, qint64 minimum, qint64 maximum)
{
    const QJsonValue v = value(name);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double number = v.toDouble();
    if (!v.isDouble() || std::trunc(number) != number || std::fabs(number) > kLargestExactInteger) {
        fail(name, tr("expected a whole number"));
        return fallback;
    }
    const auto whole = qint64(number);
    if (whole < minimum || whole > maximum) {
        fail(name, tr("expected a number from %1 to %2").arg(minimum).arg(maximum));
        return fallback;
    }
    return whole;
}

QJsonArray JsonReader::array(const QString &name, qsizetype maxItems)
{
    const QJsonValue v = value(name);
    if (v.isUndefined() || v.isNull())
        return QJsonArray();
    if (!v.isArray()) {
        fail(name, tr("expected an array"));
        return QJsonArray();
    }
    QJsonArray items = v.toArray();
    if (items.size() > maxItems) {
        fail(name, tr("more than %1 items").arg(maxItems));
        return QJsonArray();
    }
    return items;
}

QStringList JsonReader::stringArray(const QString &name, qsizetype maxItems, qsizetype maxLength)
{
    QStringList result;
    const QJsonArray items = array(name, maxItems);
    for (const QJsonValue &item : items) {
        if (!item.isString() || item.toString().size() > maxLength) {
            fail(name, tr("expected strings of at most %1 characters").arg(maxLength));
            return QStringList();
        }
        result.append(item.toString());
    }
    return result;
}

QJsonObject JsonReader::object(const QString &name)
{
    const QJsonValue v = value(name);
    if (v.isUndefined() || v.isNull())
        return QJsonObject();
    if (!v.isObject()) {
        fail(name, tr("expected an object"));
        return QJsonObject();
    }
    return v.toObject();
}

Status JsonReader::status(bool strict) const
{
    if (m_error)
        return *m_error;
    if (strict) {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_read.contains(it.key()))
                return makeError(u"json.unknown_field"_s, tr("Unknown field '%1'.").arg(fieldName(it.key())));
        }
    }
    return {};
}

QString JsonReader::timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString JsonReader::valueText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
}

QJsonValue JsonReader::valueFromText(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isArray() || document.array().size() != 1)
        return QJsonValue(QJsonValue::Null);
    return document.array().at(0);
}

QString JsonReader::uuidText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

} // namespace fc
