#pragma once

// The sync protocol's messages (docs/SYNC.md): what /v1/sync/pull and /v1/sync/push carry, read and
// written the same way by the client engine and the server.

#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace fc::wire {

inline constexpr int kProtocolVersion = 1;
inline constexpr int kDefaultPullLimit = 2000;
inline constexpr int kMaximumPullLimit = 5000;
inline constexpr int kMaximumPushMutations = 500;
inline constexpr qsizetype kMaximumCursorLength = 512;

/// Entities in a pull: "customer", "case", "contact", "conflict", "script", "article" (PublishedRecords.h).
/// Operations: "upsert" (the record as it now is; apply when its revision is newer than the local copy)
/// or "delete" (gone for good).
struct Change {
    QString entity;
    QString operation;
    QUuid id;
    qint64 revision = 0;
    QJsonObject record; // empty for "delete"

    friend bool operator==(const Change &, const Change &) = default;
};

struct PullRequest {
    QString cursor; // empty: start from nothing (a first sync)
    int limit = kDefaultPullLimit;

    friend bool operator==(const PullRequest &, const PullRequest &) = default;
};

/// One page of changes. Save `cursor` with the page, in the same local transaction.
struct PullPage {
    QString epoch;  // the server database's identity: when it changes, the cursor means nothing
    QString cursor; // opaque; send it back to get what follows
    bool more = false;  // another page is waiting now (pull again at once)
    QString phase;      // "snapshot" (first sync, table by table) or "log" (changes since)
    qint64 done = 0;    // snapshot progress: rows sent so far, of
    qint64 total = 0;   // the rows the snapshot will send (0 in the log phase)
    QList<Change> changes;

    friend bool operator==(const PullPage &, const PullPage &) = default;
};

/// One local change. Entities and operations (payloads in docs/SYNC.md): customer create/update,
/// case create/update, contact create/link, audit append, conflict resolve.
struct Mutation {
    QUuid id; // made by the client, once per change: the server applies each id once
    QString entity;
    QString operation;
    QUuid entityId;
    std::optional<qint64> baseRevision; // the revision an update was based on
    QJsonObject payload;

    friend bool operator==(const Mutation &, const Mutation &) = default;
};

enum class MutationStatus { Applied, Conflict, Rejected };
QString mutationStatusKey(MutationStatus status); // "applied", "conflict", "rejected"
std::optional<MutationStatus> mutationStatusFromKey(QStringView key);

/// The server's answer for one mutation; the same answer every time the same id arrives.
struct MutationResult {
    QUuid id;
    MutationStatus status = MutationStatus::Applied;
    qint64 revision = 0;        // the record's revision after it (applied, conflict)
    QStringList conflictFields; // fields kept for a person to settle (conflict)
    QString code;               // why it was refused (rejected): "mutation.invalid", ...
    QString message;

    friend bool operator==(const MutationResult &, const MutationResult &) = default;
};

struct PushRequest {
    QList<Mutation> mutations;
    friend bool operator==(const PushRequest &, const PushRequest &) = default;
};

struct PushResponse {
    QList<MutationResult> results; // one per mutation, in the order sent
    friend bool operator==(const PushResponse &, const PushResponse &) = default;
};

QJsonObject toJson(const Change &change);
QJsonObject toJson(const PullRequest &request);
QJsonObject toJson(const PullPage &page);
QJsonObject toJson(const Mutation &mutation);
QJsonObject toJson(const MutationResult &result);
QJsonObject toJson(const PushRequest &request);
QJsonObject toJson(const PushResponse &response);

/// Strict reads: wrong types, unknown fields and out-of-range values are json.* errors naming the field.
Result<Change> readChange(const QJsonObject &json);
Result<PullRequest> readPullRequest(const QJsonObject &json);
Result<PullPage> readPullPage(const QJsonObject &json);
Result<Mutation> readMutation(const QJsonObject &json);
Result<MutationResult> readMutationResult(const QJsonObject &json);
Result<PushRequest> readPushRequest(const QJsonObject &json);
Result<PushResponse> readPushResponse(const QJsonObject &json);

} // namespace fc::wire
