#include "sync/SyncWire.h"

#include "core/JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <limits>

using namespace Qt::StringLiterals;

namespace fc::wire {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::wire", text);
}

constexpr qint64 kMaximumRevision = std::numeric_limits<qint32>::max();
const QStringList kChangeEntities { u"customer"_s, u"case"_s,   u"contact"_s,
                                    u"conflict"_s, u"script"_s, u"article"_s };
const QStringList kChangeOperations { u"upsert"_s, u"delete"_s };

template<typename T, typename Read>
Result<QList<T>> readList(JsonReader &reader, const QString &name, qsizetype maxItems, Read read)
{
    QList<T> items;
    const QJsonArray array = reader.array(name, maxItems);
    if (Status ok = reader.status(false); !ok)
        return ok.error();
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return makeError(u"json.invalid_field"_s, tr("Field '%1[%2]': expected an object").arg(name).arg(i));
        Result<T> item = read(array.at(i).toObject());
        if (!item)
            return makeError(item.error().code, u"%1[%2]: %3"_s.arg(name).arg(i).arg(item.error().message));
        items.append(std::move(item).value());
    }
    return items;
}

} // namespace

QString mutationStatusKey(MutationStatus status)
{
    switch (status) {
    case MutationStatus::Applied:
        return u"applied"_s;
    case MutationStatus::Conflict:
        return u"conflict"_s;
    case MutationStatus::Rejected:
        return u"rejected"_s;
    }
    return QString();
}

std::optional<MutationStatus> mutationStatusFromKey(QStringView key)
{
    for (MutationStatus status : { MutationStatus::Applied, MutationStatus::Conflict, MutationStatus::Rejected }) {
        if (key == mutationStatusKey(status))
            return status;
    }
    return std::nullopt;
}

QJsonObject toJson(const Change &change)
{
    QJsonObject json { { u"entity"_s, change.entity },
                       { u"op"_s, change.operation },
                       { u"id"_s, JsonReader::uuidText(change.id) },
                       { u"revision"_s, change.revision } };
    if (change.operation != u"delete"_s)
        json.insert(u"record"_s, change.record);
    return json;
}

Result<Change> readChange(const QJsonObject &json)
{
    JsonReader r(json, u"change"_s);
    Change change;
    change.entity = r.string(u"entity"_s, 20, true);
    change.operation = r.string(u"op"_s, 20, true);
    change.id = r.uuid(u"id"_s, true);
    change.revision = r.integer(u"revision"_s, 0, 0, kMaximumRevision);
    change.record = r.object(u"record"_s);
    if (!change.entity.isEmpty() && !kChangeEntities.contains(change.entity))
        r.fail(u"entity"_s, tr("unknown entity '%1'").arg(change.entity));
    if (!change.operation.isEmpty() && !kChangeOperations.contains(change.operation))
        r.fail(u"op"_s, tr("unknown operation '%1'").arg(change.operation));
    if (change.operation == u"upsert"_s && change.record.isEmpty())
        r.fail(u"record"_s, tr("an upsert needs its record"));
    if (Status ok = r.status(); !ok)
        return ok.error();
    return change;
}

QJsonObject toJson(const PullRequest &request)
{
    return QJsonObject { { u"cursor"_s, request.cursor.isEmpty() ? QJsonValue() : QJsonValue(request.cursor) },
                         { u"limit"_s, request.limit } };
}

Result<PullRequest> readPullRequest(const QJsonObject &json)
{
    JsonReader r(json);
    PullRequest request;
    request.cursor = r.string(u"cursor"_s, kMaximumCursorLength);
    request.limit = int(r.integer(u"limit"_s, kDefaultPullLimit, 1, kMaximumPullLimit));
    if (Status ok = r.status(); !ok)
        return ok.error();
    return request;
}

QJsonObject toJson(const PullPage &page)
{
    QJsonArray changes;
    for (const Change &change : page.changes)
        changes.append(toJson(change));
    return QJsonObject { { u"protocol"_s, kProtocolVersion },
                         { u"epoch"_s, page.epoch },
                         { u"cursor"_s, page.cursor },
                         { u"more"_s, page.more },
                         { u"phase"_s, page.phase },
                         { u"done"_s, page.done },
                         { u"total"_s, page.total },
                         { u"changes"_s, changes } };
}

Result<PullPage> readPullPage(const QJsonObject &json)
{
    JsonReader r(json, u"page"_s);
    PullPage page;
    const qint64 protocol = r.integer(u"protocol"_s, 0, 0, 1000);
    page.epoch = r.string(u"epoch"_s, 64, true);
    page.cursor = r.string(u"cursor"_s, kMaximumCursorLength, true);
    page.more = r.boolean(u"more"_s, false);
    page.phase = r.string(u"phase"_s, 20, true);
    page.done = r.integer(u"done"_s, 0, 0, std::numeric_limits<qint64>::max() >> 11);
    page.total = r.integer(u"total"_s, 0, 0, std::numeric_limits<qint64>::max() >> 11);
    r.skip(u"changes"_s);
    if (Status ok = r.status(); !ok)
        return ok.error();
    if (protocol != kProtocolVersion)
        return makeError(u"sync.protocol_mismatch"_s,
                         tr("The server speaks sync protocol %1; this client speaks %2. Update the client.")
                             .arg(protocol)
                             .arg(kProtocolVersion));
    JsonReader changes(json);
    Result<QList<Change>> read = readList<Change>(changes, u"changes"_s, kMaximumPullLimit * 2, readChange);
    if (!read)
        return read.error();
    page.changes = std::move(read).value();
    return page;
}

QJsonObject toJson(const Mutation &mutation)
{
    QJsonObject json { { u"id"_s, JsonReader::uuidText(mutation.id) },
                       { u"entity"_s, mutation.entity },
                       { u"op"_s, mutation.operation },
                       { u"entity_id"_s, JsonReader::uuidText(mutation.entityId) },
                       { u"payload"_s, mutation.payload } };
    json.insert(u"base_revision"_s, mutation.baseRevision ? QJsonValue(*mutation.baseRevision) : QJsonValue());
    return json;
}

Result<Mutation> readMutation(const QJsonObject &json)
{
    JsonReader r(json, u"mutation"_s);
    Mutation mutation;
    mutation.id = r.uuid(u"id"_s, true);
    mutation.entity = r.string(u"entity"_s, 20, true);
    mutation.operation = r.string(u"op"_s, 20, true);
    mutation.entityId = r.uuid(u"entity_id"_s, true);
    if (json.contains(u"base_revision"_s) && !json.value(u"base_revision"_s).isNull())
        mutation.baseRevision = r.integer(u"base_revision"_s, 0, 0, kMaximumRevision);
    else
        r.skip(u"base_revision"_s);
    if (json.contains(u"payload"_s) && !json.value(u"payload"_s).isObject())
        r.fail(u"payload"_s, tr("expected an object"));
    mutation.payload = r.object(u"payload"_s);
    if (Status ok = r.status(); !ok)
        return ok.error();
    return mutation;
}

QJsonObject toJson(const MutationResult &result)
{
    QJsonObject json { { u"id"_s, JsonReader::uuidText(result.id) },
                       { u"status"_s, mutationStatusKey(result.status) },
                       { u"revision"_s, result.revision } };
    if (!result.conflictFields.isEmpty())
        json.insert(u"conflict_fields"_s, QJsonArray::fromStringList(result.conflictFields));
    if (!result.code.isEmpty())
        json.insert(u"code"_s, result.code);
    if (!result.message.isEmpty())
        json.insert(u"message"_s, result.message);
    return json;
}

Result<MutationResult> readMutationResult(const QJsonObject &json)
{
    JsonReader r(json, u"result"_s);
    MutationResult result;
    result.id = r.uuid(u"id"_s, true);
    const QString status = r.string(u"status"_s, 20, true);
    result.revision = r.integer(u"revision"_s, 0, 0, kMaximumRevision);
    result.conflictFields = r.stringArray(u"conflict_fields"_s, 100, 64);
    result.code = r.string(u"code"_s, 80);
    result.message = r.string(u"message"_s, 2000);
    if (const std::optional<MutationStatus> known = mutationStatusFromKey(status))
        result.status = *known;
    else if (!status.isEmpty())
        r.fail(u"status"_s, tr("unknown status '%1'").arg(status));
    if (Status ok = r.status(); !ok)
        return ok.error();
    return result;
}

QJsonObject toJson(const PushRequest &request)
{
    QJsonArray mutations;
    for (const Mutation &mutation : request.mutations)
        mutations.append(toJson(mutation));
    return QJsonObject { { u"protocol"_s, kProtocolVersion }, { u"mutations"_s, mutations } };
}

Result<PushRequest> readPushRequest(const QJsonObject &json)
{
    JsonReader r(json);
    const qint64 protocol = r.integer(u"protocol"_s, kProtocolVersion, 0, 1000);
    r.skip(u"mutations"_s);
    if (Status ok = r.status(); !ok)
        return ok.error();
    if (protocol != kProtocolVersion)
        return makeError(u"sync.protocol_mismatch"_s, tr("This server speaks sync protocol %1, not %2.")
                                                          .arg(kProtocolVersion)
                                                          .arg(protocol));
    if (!json.value(u"mutations"_s).isArray())
        return makeError(u"json.missing_field"_s, tr("Field 'mutations' is required (an array)."));
    JsonReader list(json);
    Result<QList<Mutation>> mutations = readList<Mutation>(list, u"mutations"_s, kMaximumPushMutations, readMutation);
    if (!mutations)
        return mutations.error();
    QSet<QUuid> seen;
    for (const Mutation &mutation : mutations.value()) {
        if (seen.contains(mutation.id))
            return makeError(u"json.invalid_field"_s, tr("Mutation %1 appears twice in one push.")
                                                          .arg(JsonReader::uuidText(mutation.id)));
        seen.insert(mutation.id);
    }
    return PushRequest { std::move(mutations).value() };
}

QJsonObject toJson(const PushResponse &response)
{
    QJsonArray results;
    for (const MutationResult &result : response.results)
        results.append(toJson(result));
    return QJsonObject { { u"protocol"_s, kProtocolVersion }, { u"results"_s, results } };
}

Result<PushResponse> readPushResponse(const QJsonObject &json)
{
    JsonReader r(json);
    r.integer(u"protocol"_s, kProtocolVersion, kProtocolVersion, kProtocolVersion);
    r.skip(u"results"_s);
    if (Status ok = r.status(); !ok)
        return ok.error();
    JsonReader list(json);
    Result<QList<MutationResult>> results
        = readList<MutationResult>(list, u"results"_s, kMaximumPushMutations, readMutationResult);
    if (!results)
        return results.error();
    return PushResponse { std::move(results).value() };
}

} // namespace fc::wire
