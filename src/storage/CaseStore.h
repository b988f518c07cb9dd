#pragma once

// Cases (service requests) in the encrypted cache.

#include "core/Case.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

#include <optional>

namespace fc {

/// Reads and writes the service_case table of an open, migrated cache. Writes join the caller's
/// CacheTransaction, where the outbox row or pull cursor that goes with them is written too.
/// Errors: "cache.query_failed" (SQL failed), "cache.bad_row" (a stored row does not parse).
class CaseStore {
public:
    explicit CaseStore(QSqlDatabase db);

    /// Inserts the case, or replaces every field of the stored case with the same id (keeping its row).
    /// Revisions are not checked here: the server is the authority, and a local edit's base revision
    /// travels in its outbox row. Errors: "case.invalid" (null id, empty reference, service or request
    /// type, invalid raisedAt), "case.duplicate_reference" (another case already has the reference).
    Status upsert(const Case &c);
    /// Inserts a pulled case the caller knows is not stored yet (a first sync's snapshot, after
    /// SnapshotWriter::storedIds): one INSERT, no probe. Errors: as upsert(), and
    /// "case.duplicate_reference" also for a case whose id is already stored.
    Status insertPulled(const Case &c);
    /// What every write checks first ("case.invalid"), for writers that bypass the store.
    static Status check(const Case &c);

    Result<std::optional<Case>> byId(const QUuid &id) const;
    Result<std::optional<Case>> byReference(const QString &reference) const;
    /// Open cases of the customer, soonest promised-by first; cases with no promise come last.
    Result<QList<Case>> openForCustomer(const QUuid &customerId) const;
    /// Every case of the customer, most recently raised first.
    Result<QList<Case>> forCustomer(const QUuid &customerId) const;

    /// True when a case was removed, false when there was none with that id.
    Result<bool> remove(const QUuid &id);
    /// Removes resolved and closed cases that finished before `cutoffUtc` (resolvedAt, or raisedAt for a
    /// case closed without being resolved, which has none), keeping every open case whatever its age.
    /// Returns how many were removed.
    Result<int> pruneClosedBefore(const QDateTime &cutoffUtc);

private:
    Status insertRow(const Case &c, const QString &idText, const QVariantList &fields);
    Result<QList<Case>> select(const QString &where, const QVariantList &params, const QString &orderBy) const;

    QSqlDatabase m_db;
};

} // namespace fc
