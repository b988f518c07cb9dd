#pragma once

// Applies pushed mutations exactly once each: /v1/sync/push's handler (docs/SYNC.md, "Push").

#include "core/Result.h"
#include "server/ServerDatabase.h"
#include "sync/SyncWire.h"

#include <QDateTime>
#include <QHash>

#include <optional>
#include <QJsonObject>
#include <QString>

namespace fc::server {

/// Who is pushing: recorded with every mutation and conflict.
struct MutationSource {
    QString user;
    QString deviceId;
};

/// Applies mutations in the order given, up to 32 in one transaction, each together with the record of
/// its answer (applied_mutations), so a mutation id is applied once however often, and on however many
/// servers, it arrives: a repeat gets the first answer back. A transaction first goes the quick way
/// (no savepoints; the database's keys find missing records); when any mutation in it fails or must be
/// undone, it is rolled back and done again with a savepoint before each mutation. Edits name the fields they change with the
/// value they started from; a field changed on the server meanwhile becomes a conflict kept in
/// sync_conflicts, the other fields merge. Invalid mutations are answered "rejected" with a reason
/// (and that answer is kept too: the mutation's own writes roll back to its savepoint); only a database
/// failure is an error, and then the mutations before it stay applied and the client sends the rest
/// again.
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

    /// Applies mutations[from, to) in one transaction; appends the answers of those it saved to
    /// `results` and returns the index of the first it did not (`to` when all were), with `failure`.
    qsizetype applyChunk(const QList<wire::Mutation> &mutations, qsizetype from, qsizetype to,
                         const MutationSource &source, const QDateTime &now, QList<wire::MutationResult> &results,
                         Error &failure);
    /// The chunk in its open transaction without savepoints: every answer, or nullopt as soon as one
    /// mutation fails or is refused after writing (then the transaction is to be rolled back).
    std::optional<QList<wire::MutationResult>> applyQuickly(const QList<wire::Mutation> &mutations, qsizetype from,
                                                            qsizetype to, const QHash<QUuid, wire::MutationResult> &stored,
                                                            const MutationSource &source, const QDateTime &now);
    /// One mutation inside the chunk's transaction; `written` says whether the transaction holds
    /// earlier mutations (then a savepoint guards them). An error leaves the transaction as it was
    /// before this mutation.
    Result<wire::MutationResult> applyInTransaction(const wire::Mutation &mutation, const MutationSource &source,
                                                    const QDateTime &now, bool &written);
    Status undo(bool written);
    Result<QHash<QUuid, wire::MutationResult>> storedResults(const QList<wire::Mutation> &mutations,
                                                             const MutationSource &source);
    Result<std::optional<wire::MutationResult>> storedResult(const wire::Mutation &mutation, const MutationSource &source);
    Status record(const wire::Mutation &mutation, const wire::MutationResult &result, const MutationSource &source,
                  const QDateTime &now);
    /// The answers of several mutations, in one statement.
    Status record(const QList<const wire::Mutation *> &mutations, const QList<wire::MutationResult> &results,
                  const MutationSource &source, const QDateTime &now);
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
    /// Check every record a mutation names before writing (after the quick way failed).
    bool m_careful = false;
};

} // namespace fc::server
