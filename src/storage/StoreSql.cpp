#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSqlError>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace fc::store {

QVariant textParam(const QString &text)
{
    return text.isNull() ? QVariant(u""_s) : QVariant(text);
}

QVariant uuidParam(const QUuid &id)
{
    return id.isNull() ? QVariant() : QVariant(id.toString(QUuid::WithoutBraces));
}

QVariant timeParam(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toUTC()) : QVariant();
}

QVariant jsonParam(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Error queryError(const QSqlQuery &query, const QString &what)
{
    return makeError(u"cache.query_failed"_s, what + u": "_s + query.lastError().text());
}

Error badRowError(const QString &table, const QString &column)
{
    return makeError(u"cache.bad_row"_s,
                     QCoreApplication::translate("CacheStore",
                                                 "A stored %1 record cannot be read: its %2 value is not valid. "
                                                 "The cache may be damaged; a full sync rebuilds it.")
                         .arg(table, column));
}

bool isUniqueViolation(const QSqlQuery &query)
{
    // SQLite's extended codes SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    const QString code = query.lastError().nativeErrorCode();
    return code == "2067"_L1 || code == "1555"_L1;
}

RowReader::RowReader(const QSqlQuery &query, QString table) : m_query(query), m_table(std::move(table)) { }

bool RowReader::isNull(int column) const
{
    return m_query.isNull(column);
}

QString RowReader::text(int column)
{
    return m_query.value(column).toString();
}

qint64 RowReader::integer(int column)
{
    bool ok = false;
    const qint64 value = m_query.value(column).toLongLong(&ok);
    if (!ok)
        fail(column);
    return value;
}

std::optional<qint64> RowReader::optionalInteger(int column)
{
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

QUuid RowReader::uuid(int column)
{
    if (isNull(column))
        return {};
    const QString stored = text(column);
    const QUuid id = QUuid::fromString(stored);
    if (id.isNull())
        fail(column);
    return id;
}

QDateTime RowReader::time(int column)
{
    if (isNull(column))
        return {};
    const QString stored = text(column);
    const QDateTime time = QDateTime::fromString(stored, Qt::ISODateWithMs);
    if (!time.isValid()) {
        fail(column);
        return {};
    }
    return time.toUTC();
}

QJsonObject RowReader::jsonObject(int column)
{
    const QString stored = text(column);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stored.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        fail(column);
        return {};
    }
    return document.object();
}

void RowReader::fail(int column)
{
    if (m_error)
        return;
    QString name = m_query.record().fieldName(column);
    if (name.isEmpty())
        name = QString::number(column);
    m_error = badRowError(m_table, name);
}

} // namespace fc::store
