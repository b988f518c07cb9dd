#pragma once

// Applies pushed mutations exactly once each: /v1/sync/push's handler (docs/SYNC.md, "Push").

#include "core/Result.h"
#include "server/ServerDatabase.h"
#include "sync/SyncWire.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace fc::server {

/// Who is pushing: recorded with every mutation and conflict.
struct MutationSource {
    QString user;
    QString deviceId;
};

/// Applies mutations in the order given, each in its own transaction together with the record of its
/// answer (applied_mutations), so a mutation id is applied once however often, and on however many
/// servers, it arrives: a repeat gets the first answer back. Edits name the fields they change with the
/// value they started from; a field changed on the server meanwhile becomes a conflict kept in
/// sync_conflicts, the other fields merge. Invalid mutations are answered "rejected" with a reason
/// (and that answer is kept too); only a database failure is an error, and then the mutations before
/// it stay applied and the client sends the rest again.
class MutationApplier {
public:
    explicit MutationApplier(ServerDatabase &database);

    Result<wire::PushResponse> apply(const QList<wire::Mutation> &mutations, const MutationSource &source,
                                     const QDateTime &now);
    Result<wire::MutationResult> applyOne(const wire::Mutation &mutation, const MutationSource &source,
                                          const QDateTime &now);

private:
    struct Conflict {
        QString field;
        QJsonValue base;
        QJsonValue server;
        QJsonValue client;
    };

    Result<std::optional<wire::MutationResult>> storedResult(const wire::Mutation &mutation, const MutationSource &source);
    Status record(const wire::Mutation &mutation, const wire::MutationResult &result, const MutationSource &source,
                  const QDateTime &now);
    Status sendBack(const wire::Mutation &mutation, const wire::MutationResult &result);
    Result<wire::MutationResult> dispatch(const wire::Mutation &mutation, const MutationSource &source,
                                          const QDateTime &now);

    Result<wire::MutationResult> createCustomer(const wire::Mutation &mutation, const QDateTime &now);
    Result<wire::MutationResult> createCase(const wire::Mutation &mutation);
    Result<wire::MutationResult> createContact(const wire::Mutation &mutation);
    Result<wire::MutationResult> linkContact(const wire::Mutation &mutation);
    Result<wire::MutationResult> appendAudit(const wire::Mutation &mutation, const MutationSource &source,
                                             const QDateTime &now);
    Result<wire::MutationResult> updateRecord(const wire::Mutation &mutation, const MutationSource &source,
                                              const QDateTime &now);
    Result<wire::MutationResult> resolveConflict(const wire::Mutation &mutation, const MutationSource &source,
                                                 const QDateTime &now);

    /// The record as JSON (DomainJson), or nullopt when there is none.
    Result<std::optional<QJsonObject>> currentRecord(const QString &entity, const QUuid &id);
    /// Validates `merged` and writes it with the next revision; the answer carries the revision or a
    /// rejection.
    Result<wire::MutationResult> writeMerged(const wire::Mutation &mutation, const QJsonObject &current,
                                             QJsonObject merged, const QDateTime &now);
    Status saveConflicts(const wire::Mutation &mutation, const QList<Conflict> &conflicts,
                         const MutationSource &source, const QDateTime &now);
    Result<bool> exists(const QString &table, const QUuid &id);
    Result<QString> nextCustomerReference();
    Result<QString> nextCaseReference(const QString &prefix, int year);

    ServerDatabase &m_database;
};

} // namespace fc::server
