#include "server/ChangeFeed.h"

#include "core/Case.h"
#include "core/DomainJson.h"
#include "core/JsonReader.h"
#include "server/DomainRows.h"
#include "sync/PublishedRecords.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::server::ChangeFeed", text);
}

// The snapshot's order. New tables go at the end, so a cursor made before them still names its table.
// Articles come before the scripts that link to them.
enum Table { Customers = 0, Cases = 1, Contacts = 2, Conflicts = 3, Articles = 4, Scripts = 5, TableCount = 6 };

constexpr int kInClauseChunk = 400;

// SQL for "status is closed" from the state machine's own list, so a new status cannot be forgotten.
QString closedStatusList()
{
    QStringList closed;
    for (CaseStatus status : allCaseStatuses()) {
        if (!isOpen(status))
            closed.append(u"'"_s + caseStatusKey(status) + u"'"_s);
    }
    return closed.join(u", "_s);
}

QString tableName(int table)
{
    switch (table) {
    case Customers:
        return u"customers"_s;
    case Cases:
        return u"cases"_s;
    case Contacts:
        return u"contacts"_s;
    case Articles:
        return u"knowledge_articles"_s;
    case Scripts:
        return u"scripts"_s;
    default:
        return u"sync_conflicts"_s;
    }
}

// The column that names a table's records in the log and orders its snapshot pages: scripts and
// articles are keyed by text ids (and a script by its version too), so they carry a UUID for it.
QString keyOf(int table)
{
    return table == Articles || table == Scripts ? u"sync_id"_s : u"id"_s;
}

QString entityOf(int table)
{
    switch (table) {
    case Customers:
        return u"customer"_s;
    case Cases:
        return u"case"_s;
    case Contacts:
        return u"contact"_s;
    case Articles:
        return u"article"_s;
    case Scripts:
        return u"script"_s;
    default:
        return u"conflict"_s;
    }
}

// Which rows of a table a desk holds: every customer; cases open or raised in the window; contacts in
// the window or about an open case; conflicts not yet settled; every article; every published version
// of every script (drafts stay on the server). `?` is the window's start.
QString windowFilter(int table, bool *usesWindow)
{
    *usesWindow = table == Cases || table == Contacts;
    switch (table) {
    case Cases:
        return u"(status NOT IN (%1) OR raised_at >= ?)"_s.arg(closedStatusList());
    case Contacts:
        return u"(started_at >= ? OR EXISTS (SELECT 1 FROM contact_cases cc JOIN cases k ON k.id = cc.case_id"
               " WHERE cc.contact_id = contacts.id AND k.status NOT IN (%1)))"_s.arg(closedStatusList());
    case Conflicts:
        return u"resolved_at IS NULL"_s;
    case Scripts:
        return u"status = 'published'"_s;
    default:
        return u"1 = 1"_s;
    }
}

QStringList conflictColumns()
{
    return { u"id"_s, u"entity"_s, u"entity_id"_s, u"field"_s, u"base_value"_s, u"server_value"_s,
             u"client_value"_s, u"user_name"_s, u"created_at"_s, u"resolved_at"_s, u"resolved_by"_s,
             u"resolution"_s, u"revision"_s };
}

QStringList columnsOf(int table)
{
    switch (table) {
    case Customers:
        return DomainRows::customerColumns();
    case Cases:
        return DomainRows::caseColumns();
    case Contacts:
        return DomainRows::contactColumns();
    case Articles:
        return { u"id"_s, u"revision"_s, u"title"_s, u"service"_s, u"keywords"_s, u"body"_s, u"published_at"_s,
                 u"sync_id"_s };
    case Scripts:
        return { u"id"_s, u"version"_s, u"service"_s, u"title"_s, u"body"_s, u"published_at"_s, u"sync_id"_s };
    default:
        return conflictColumns();
    }
}

int tableOf(const QString &entity)
{
    for (int table = 0; table < TableCount; ++table) {
        if (entityOf(table) == entity)
            return table;
    }
    return -1;
}

QJsonObject conflictRecord(const QSqlQuery &q)
{
    return QJsonObject {
        { u"id"_s, ServerDatabase::readUuid(q.value(0)).toString(QUuid::WithoutBraces) },
        { u"entity"_s, q.value(1).toString() },
        { u"entity_id"_s, ServerDatabase::readUuid(q.value(2)).toString(QUuid::WithoutBraces) },
        { u"field"_s, q.value(3).toString() },
        { u"base_value"_s, JsonReader::valueFromText(q.value(4).toString()) },
        { u"server_value"_s, JsonReader::valueFromText(q.value(5).toString()) },
        { u"client_value"_s, JsonReader::valueFromText(q.value(6).toString()) },
        { u"user"_s, q.value(7).toString() },
        { u"created_at"_s, JsonReader::timeText(ServerDatabase::readTimestamp(q.value(8))) },
        { u"resolved_at"_s, q.value(9).isNull() ? QJsonValue()
                                                : QJsonValue(JsonReader::timeText(ServerDatabase::readTimestamp(q.value(9)))) },
        { u"resolved_by"_s, q.value(10).toString() },
        { u"resolution"_s, q.value(11).toString() },
        { u"revision"_s, q.value(12).toLongLong() },
    };
}

wire::Change articleChange(const QSqlQuery &q)
{
    wire::PublishedArticle published;
    published.article.id = q.value(0).toString();
    published.revision = q.value(1).toLongLong();
    published.article.title = q.value(2).toString();
    published.article.service = q.value(3).toString();
    for (const QJsonValue &keyword : QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array())
        published.article.keywords.append(keyword.toString());
    published.article.body = q.value(5).toString();
    published.publishedAt = ServerDatabase::readTimestamp(q.value(6));
    return wire::Change { u"article"_s, u"upsert"_s, ServerDatabase::readUuid(q.value(7)), published.revision,
                          wire::toJson(published) };
}

wire::Change scriptChange(const QSqlQuery &q)
{
    wire::PublishedScript script;
    script.id = q.value(0).toString();
    script.version = q.value(1).toInt();
    script.service = q.value(2).toString();
    script.title = q.value(3).toString();
    script.body = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    script.publishedAt = ServerDatabase::readTimestamp(q.value(5));
    return wire::Change { u"script"_s, u"upsert"_s, ServerDatabase::readUuid(q.value(6)), script.version,
                          wire::toJson(script) };
}

} // namespace

QString FeedPosition::encode() const
{
    QJsonObject json { { u"e"_s, epoch } };
    if (snapshot) {
        json.insert(u"t"_s, table);
        json.insert(u"i"_s, lastId);
        json.insert(u"w"_s, JsonReader::timeText(windowStart));
        json.insert(u"d"_s, done);
        json.insert(u"n"_s, total);
    }
    // Integers as text: a 64-bit xid does not fit a JSON number exactly.
    json.insert(u"x"_s, QString::number(xid));
    json.insert(u"p"_s, QString::number(position));
    return QString::fromLatin1(QJsonDocument(json).toJson(QJsonDocument::Compact).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<FeedPosition> FeedPosition::decode(const QString &cursor)
{
    const Error bad = makeError(u"sync.bad_cursor"_s, tr("The sync cursor is not one this server made. Start the "
                                                         "sync again from the beginning."));
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded);
    if (!document.isObject())
        return bad;
    const QJsonObject json = document.object();
    FeedPosition position;
    JsonReader r(json);
    position.epoch = r.string(u"e"_s, 64, true);
    bool xidOk = false;
    bool positionOk = false;
    position.xid = r.string(u"x"_s, 24, true).toLongLong(&xidOk);
    position.position = r.string(u"p"_s, 24, true).toLongLong(&positionOk);
    position.snapshot = json.contains(u"t"_s);
    if (position.snapshot) {
        position.table = int(r.integer(u"t"_s, 0, 0, TableCount - 1));
        position.lastId = r.string(u"i"_s, 36);
        position.windowStart = r.time(u"w"_s, true);
        position.done = r.integer(u"d"_s, 0, 0, std::numeric_limits<qint32>::max() * qint64(1024));
        position.total = r.integer(u"n"_s, 0, 0, std::numeric_limits<qint32>::max() * qint64(1024));
        if (!position.lastId.isEmpty() && QUuid::fromString(position.lastId).isNull())
            return bad;
    }
    if (!r.status() || !xidOk || !positionOk || position.xid < 0 || position.position < 0)
        return bad;
    return position;
}

ChangeFeed::ChangeFeed(ServerDatabase &database, FeedSettings settings)
    : m_database(database),
      m_settings(settings)
{
}

Result<QString> ChangeFeed::epoch()
{
    if (!m_epoch.isEmpty())
        return m_epoch;
    Result<QVariant> value = m_database.scalar(u"SELECT value FROM server_meta WHERE key = 'epoch'"_s);
    if (!value)
        return value.error();
    if (value->toString().isEmpty())
        return makeError(u"db.no_epoch"_s, tr("The database has no epoch: run 'firstcontact-server migrate'."));
    m_epoch = value->toString();
    return m_epoch;
}

Result<wire::PullPage> ChangeFeed::pull(const wire::PullRequest &request, const QDateTime &now)
{
    Result<QString> current = epoch();
    if (!current)
        return current.error();
    if (request.cursor.isEmpty()) {
        Result<FeedPosition> start = startSnapshot(now);
        if (!start)
            return start.error();
        return snapshotPage(start.value(), request.limit);
    }
    Result<FeedPosition> position = FeedPosition::decode(request.cursor);
    if (!position)
        return position.error();
    const Error epochChanged = makeError(u"sync.epoch_changed"_s,
                                         tr("The server's database has been replaced or restored from a backup "
                                            "since this desk last synced. Its copy is rebuilt; changes waiting to "
                                            "be sent are kept."));
    if (position->epoch != current.value())
        return epochChanged;
    // A backup keeps the epoch. A cursor past the end of this log comes from a later state of the
    // database, so this one was restored: the desk holds changes it lost and would skip the ones written
    // since. (A restored log that has grown past the cursor again is not noticed here.)
    Result<bool> behind = logEndsBefore(position.value());
    if (!behind)
        return behind.error();
    if (behind.value())
        return epochChanged;
    return position->snapshot ? snapshotPage(position.value(), request.limit) : logPage(position.value(), request.limit);
}

Result<bool> ChangeFeed::logEndsBefore(const FeedPosition &position)
{
    // The snapshot's hand-over to the log on PostgreSQL names no row ("after every position").
    if (position.position == std::numeric_limits<qint64>::max())
        return false;
    Result<QVariant> last = m_database.scalar(u"SELECT coalesce(max(position), 0) FROM change_log"_s);
    if (!last)
        return last.error();
    return last->toLongLong() < position.position;
}

Result<FeedPosition> ChangeFeed::startSnapshot(const QDateTime &now)
{
    FeedPosition start;
    start.epoch = m_epoch;
    start.windowStart = now.addDays(-m_settings.windowDays);
    // Where the log takes over: every change of a transaction that may not be in what the snapshot reads.
    if (m_database.dialect() == SqlDialect::PostgreSql) {
        Result<QVariant> horizon = m_database.scalar(u"SELECT pg_snapshot_xmin(pg_current_snapshot())::text"_s);
        if (!horizon)
            return horizon.error();
        start.xid = horizon->toString().toLongLong() - 1;
        start.position = std::numeric_limits<qint64>::max();
    } else {
        Result<QVariant> last = m_database.scalar(u"SELECT coalesce(max(position), 0) FROM change_log"_s);
        if (!last)
            return last.error();
        start.position = last->toLongLong();
    }
    for (int table = 0; table < TableCount; ++table) {
        bool usesWindow = false;
        const QString filter = windowFilter(table, &usesWindow);
        Result<QVariant> count = m_database.scalar(u"SELECT count(*) FROM %1 WHERE %2"_s.arg(tableName(table), filter),
                                                   usesWindow ? QVariantList { ServerDatabase::timestampValue(start.windowStart) }
                                                              : QVariantList {});
        if (!count)
            return count.error();
        start.total += count->toLongLong();
    }
    return start;
}

Result<QList<wire::Change>> ChangeFeed::readRecords(const QString &entity, const QString &where, const QVariantList &values)
{
    const int table = tableOf(entity);
    Result<QSqlQuery> query = m_database.run(
        u"SELECT %1 FROM %2 WHERE %3"_s.arg(DomainRows::selectList(columnsOf(table)), tableName(table), where), values);
    if (!query)
        return query.error();
    QList<wire::Change> changes;
    QSqlQuery &q = query.value();
    while (q.next()) {
        if (table == Articles || table == Scripts) {
            changes.append(table == Articles ? articleChange(q) : scriptChange(q));
            continue;
        }
        wire::Change change;
        change.entity = entity;
        change.operation = u"upsert"_s;
        switch (table) {
        case Customers: {
            Result<Customer> customer = DomainRows::readCustomer(q);
            if (!customer)
                return customer.error();
            change.record = DomainJson::fromCustomer(customer.value());
            break;
        }
        case Cases: {
            Result<Case> serviceCase = DomainRows::readCase(q);
            if (!serviceCase)
                return serviceCase.error();
            change.record = DomainJson::fromCase(serviceCase.value());
            break;
        }
        case Contacts: {
            Result<Contact> contact = DomainRows::readContact(q);
            if (!contact)
                return contact.error();
            change.record = DomainJson::fromContact(contact.value());
            break;
        }
        default:
            change.record = conflictRecord(q);
            break;
        }
        change.id = QUuid::fromString(change.record.value(u"id"_s).toString());
        change.revision = change.record.value(u"revision"_s).toInteger(1);
        changes.append(change);
    }
    if (table != Contacts || changes.isEmpty())
        return changes;

    // A contact travels with the cases it touched, in the order the agent linked them.
    QHash<QString, qsizetype> indexById;
    QStringList ids;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QString id = changes.at(i).record.value(u"id"_s).toString();
        indexById.insert(id, i);
        ids.append(id);
    }
    QHash<QString, QJsonArray> linked;
    for (qsizetype from = 0; from < ids.size(); from += kInClauseChunk) {
        const QStringList chunk = ids.mid(from, kInClauseChunk);
        QVariantList binds;
        for (const QString &id : chunk)
            binds.append(id);
        const QString marks = DomainRows::placeholders(chunk.size());
        Result<QSqlQuery> links = m_database.run(
            u"SELECT contact_id, case_id FROM contact_cases WHERE contact_id IN (%1) ORDER BY contact_id, position"_s.arg(marks),
            binds);
        if (!links)
            return links.error();
        while (links.value().next()) {
            linked[ServerDatabase::readUuid(links->value(0)).toString(QUuid::WithoutBraces)].append(
                ServerDatabase::readUuid(links->value(1)).toString(QUuid::WithoutBraces));
        }
    }
    for (auto it = linked.begin(); it != linked.end(); ++it) {
        wire::Change &change = changes[indexById.value(it.key())];
        change.record.insert(u"linked_case_ids"_s, it.value());
    }
    return changes;
}

Result<wire::PullPage> ChangeFeed::snapshotPage(FeedPosition position, int limit)
{
    wire::PullPage page;
    page.epoch = m_epoch;
    page.phase = u"snapshot"_s;
    while (position.table < TableCount && page.changes.size() < limit) {
        bool usesWindow = false;
        const QString filter = windowFilter(position.table, &usesWindow);
        QVariantList values;
        QString where = filter;
        if (usesWindow)
            values.append(ServerDatabase::timestampValue(position.windowStart));
        const QString key = keyOf(position.table);
        if (!position.lastId.isEmpty()) {
            where = key + u" > ? AND "_s + where;
            values.prepend(position.lastId);
        }
        const qsizetype wanted = limit - page.changes.size();
        values.append(wanted);
        Result<QList<wire::Change>> rows = readRecords(entityOf(position.table),
                                                       where + u" ORDER BY %1 LIMIT ?"_s.arg(key), values);
        if (!rows)
            return rows.error();
        page.changes.append(rows.value());
        position.done += rows->size();
        if (rows->size() < wanted) {
            ++position.table; // this table is done
            position.lastId.clear();
        } else {
            position.lastId = rows->last().id.toString(QUuid::WithoutBraces);
        }
    }
    // Rows written while the snapshot ran can make `done` pass `total`; progress never shows over 100 %.
    position.total = std::max(position.total, position.done);
    page.done = position.done;
    page.total = position.total;
    page.more = true; // the log follows the snapshot at once
    if (position.table >= TableCount) {
        position.snapshot = false;
        position.lastId.clear();
    }
    page.cursor = position.encode();
    return page;
}

Result<wire::PullPage> ChangeFeed::logPage(FeedPosition position, int limit)
{
    wire::PullPage page;
    page.epoch = m_epoch;
    page.phase = u"log"_s;
    Result<QSqlQuery> log = m_database.dialect() == SqlDialect::PostgreSql
        ? m_database.run(u"SELECT writer_xid::text, position, entity, entity_id::text FROM change_log"
                         " WHERE (writer_xid, position) > (?::text::xid8, ?)"
                         " AND writer_xid < pg_snapshot_xmin(pg_current_snapshot())"
                         " ORDER BY writer_xid, position LIMIT ?"_s,
                         { QString::number(position.xid), position.position, limit })
        : m_database.run(u"SELECT 0, position, entity, entity_id FROM change_log WHERE position > ?"
                         " ORDER BY position LIMIT ?"_s,
                         { position.position, limit });
    if (!log)
        return log.error();
    struct Entry {
        QString entity;
        QString id;
    };
    QList<Entry> entries;
    QSet<QString> seen;
    int read = 0;
    while (log.value().next()) {
        ++read;
        position.xid = log->value(0).toString().toLongLong();
        position.position = log->value(1).toLongLong();
        const QString entity = log->value(2).toString();
        const QString id = ServerDatabase::readUuid(log->value(3)).toString(QUuid::WithoutBraces);
        if (seen.contains(entity + id))
            continue; // several changes of one record in a page: its current state once
        seen.insert(entity + id);
        entries.append({ entity, id });
    }
    // The records as they are now, fetched per entity, then put back in log order.
    QHash<QString, wire::Change> byKey;
    for (int table = 0; table < TableCount; ++table) {
        QStringList ids;
        for (const Entry &entry : entries) {
            if (entry.entity == entityOf(table))
                ids.append(entry.id);
        }
        for (qsizetype from = 0; from < ids.size(); from += kInClauseChunk) {
            const QStringList chunk = ids.mid(from, kInClauseChunk);
            QVariantList binds;
            for (const QString &id : chunk)
                binds.append(id);
            // A draft is never logged; should one be named all the same, it goes as a delete, not its body.
            const QString published = table == Scripts ? u" AND status = 'published'"_s : QString();
            Result<QList<wire::Change>> rows = readRecords(
                entityOf(table),
                u"%1 IN (%2)%3"_s.arg(keyOf(table), DomainRows::placeholders(chunk.size()), published), binds);
            if (!rows)
                return rows.error();
            for (const wire::Change &change : rows.value())
                byKey.insert(change.entity + change.id.toString(QUuid::WithoutBraces), change);
        }
    }
    for (const Entry &entry : entries) {
        const auto found = byKey.constFind(entry.entity + entry.id);
        if (found != byKey.constEnd())
            page.changes.append(found.value());
        else
            page.changes.append(wire::Change { entry.entity, u"delete"_s, QUuid::fromString(entry.id), 0, {} });
    }
    page.more = read == limit;
    page.cursor = position.encode();
    return page;
}

} // namespace fc::server
