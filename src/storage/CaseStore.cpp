#include "storage/CaseStore.h"

#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr auto kColumns
    = "id, reference, customer_id, service, request_type, status, priority, team, assignee, "
      "raised_at, promised_by, resolved_at, raising_contact_id, summary, closure_reason, revision"_L1;

Error invalid(const QString &message)
{
    return makeError(u"case.invalid"_s, message);
}

Status validate(const Case &c)
{
    if (c.id.isNull())
        return invalid(QCoreApplication::translate("CaseStore", "A case without an id cannot be saved."));
    if (c.reference.isEmpty())
        return invalid(QCoreApplication::translate("CaseStore", "A case without a reference cannot be saved."));
    if (c.service.isEmpty() || c.requestType.isEmpty())
        return invalid(
            QCoreApplication::translate("CaseStore", "Case %1 has no service or request type, so it cannot be saved.")
                .arg(c.reference));
    if (!c.raisedAt.isValid())
        return invalid(
            QCoreApplication::translate("CaseStore", "Case %1 has no time it was raised, so it cannot be saved.")
                .arg(c.reference));
    return {};
}

// Every field but the id, in kColumns order, for both INSERT and UPDATE.
QVariantList fieldParams(const Case &c)
{
    return {
        c.reference,
        store::uuidParam(c.customerId),
        c.service,
        c.requestType,
        caseStatusKey(c.status),
        casePriorityKey(c.priority),
        store::textParam(c.team),
        store::textParam(c.assignee),
        store::timeParam(c.raisedAt),
        store::timeParam(c.promisedBy),
        store::timeParam(c.resolvedAt),
        store::uuidParam(c.raisingContactId),
        store::textParam(c.summary),
        c.closureReason ? QVariant(closureReasonKey(*c.closureReason)) : QVariant(),
        c.revision,
    };
}

Case readCase(store::RowReader &row)
{
    Case c;
    c.id = row.uuid(0);
    c.reference = row.text(1);
    c.customerId = row.uuid(2);
    c.service = row.text(3);
    c.requestType = row.text(4);
    c.status = row.key(5, caseStatusFromKey, CaseStatus::New);
    c.priority = row.key(6, casePriorityFromKey, CasePriority::Normal);
    c.team = row.text(7);
    c.assignee = row.text(8);
    c.raisedAt = row.time(9);
    c.promisedBy = row.time(10);
    c.resolvedAt = row.time(11);
    c.raisingContactId = row.uuid(12);
    c.summary = row.text(13);
    c.closureReason = row.optionalKey<ClosureReason>(14, closureReasonFromKey);
    c.revision = row.integer(15);
    return c;
}

// The statuses that are not open, as bind parameters and their placeholders.
QStringList finishedStatusKeys()
{
    QStringList keys;
    for (CaseStatus status : allCaseStatuses()) {
        if (!isOpen(status))
            keys.append(caseStatusKey(status));
    }
    return keys;
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(u"?"_s);
    return marks.join(u", "_s);
}

} // namespace

CaseStore::CaseStore(QSqlDatabase db) : m_db(std::move(db)) { }

Status CaseStore::upsert(const Case &c)
{
    if (Status valid = validate(c); !valid)
        return valid;
    const QVariantList fields = fieldParams(c);
    const QString idText = c.id.toString(QUuid::WithoutBraces);

    auto failed = [&](const QSqlQuery &query) -> Status {
        if (store::isUniqueViolation(query))
            return makeError(u"case.duplicate_reference"_s,
                             QCoreApplication::translate("CaseStore", "Another case already has the reference %1.")
                                 .arg(c.reference));
        return store::queryError(query,
                                 QCoreApplication::translate("CaseStore", "Could not save case %1").arg(c.reference));
    };

    // SQLite 3.15 has no UPSERT, and INSERT OR REPLACE would delete the row and give it a new number.
    QSqlQuery update(m_db);
    update.prepare(u"UPDATE service_case SET reference = ?, customer_id = ?, service = ?, request_type = ?, "
                   "status = ?, priority = ?, team = ?, assignee = ?, raised_at = ?, promised_by = ?, "
                   "resolved_at = ?, raising_contact_id = ?, summary = ?, closure_reason = ?, revision = ? "
                   "WHERE id = ?"_s);
    for (const QVariant &value : fields)
        update.addBindValue(value);
    update.addBindValue(idText);
    if (!update.exec())
        return failed(update);
    if (update.numRowsAffected() > 0)
        return {};

    return insertRow(c, idText, fields);
}

Status CaseStore::check(const Case &c)
{
    return validate(c);
}

Status CaseStore::insertPulled(const Case &c)
{
    if (Status valid = validate(c); !valid)
        return valid;
    return insertRow(c, c.id.toString(QUuid::WithoutBraces), fieldParams(c));
}

Status CaseStore::insertRow(const Case &c, const QString &idText, const QVariantList &fields)
{
    // Built once: the driver keeps the prepared statement for the connection, keyed by its text.
    static const QString sql
        = u"INSERT INTO service_case ("_s + kColumns + u") VALUES (?, "_s + placeholders(fieldParams(Case {}).size())
        + u")"_s;
    QSqlQuery insert(m_db);
    insert.prepare(sql);
    insert.bindValue(0, idText);
    for (qsizetype i = 0; i < fields.size(); ++i)
        insert.bindValue(int(i + 1), fields.at(i));
    if (!insert.exec()) {
        if (store::isUniqueViolation(insert))
            return makeError(u"case.duplicate_reference"_s,
                             QCoreApplication::translate("CaseStore", "Another case already has the reference %1.")
                                 .arg(c.reference));
        return store::queryError(insert,
                                 QCoreApplication::translate("CaseStore", "Could not save case %1").arg(c.reference));
    }
    return {};
}

Result<QList<Case>> CaseStore::select(const QString &where, const QVariantList &params, const QString &orderBy) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    QString sql = u"SELECT "_s + kColumns + u" FROM service_case WHERE "_s + where;
    if (!orderBy.isEmpty())
        sql += u" ORDER BY "_s + orderBy;
    query.prepare(sql);
    for (const QVariant &value : params)
        query.addBindValue(value);
    if (!query.exec())
        return store::queryError(query, QCoreApplication::translate("CaseStore", "Could not read cases"));
    QList<Case> cases;
    store::RowReader row(query, u"case"_s);
    while (query.next()) {
        Case c = readCase(row);
        if (!row.ok())
            return row.error();
        cases.append(std::move(c));
    }
    if (query.lastError().isValid())
        return store::queryError(query, QCoreApplication::translate("CaseStore", "Could not read cases"));
    return cases;
}

Result<std::optional<Case>> CaseStore::byId(const QUuid &id) const
{
    Result<QList<Case>> found = select(u"id = ?"_s, { store::uuidParam(id) }, {});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Case>();
    return std::optional<Case>(found->first());
}

Result<std::optional<Case>> CaseStore::byReference(const QString &reference) const
{
    Result<QList<Case>> found = select(u"reference = ?"_s, { store::textParam(reference) }, {});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Case>();
    return std::optional<Case>(found->first());
}

Result<QList<Case>> CaseStore::openForCustomer(const QUuid &customerId) const
{
    const QStringList finished = finishedStatusKeys();
    QVariantList params { store::uuidParam(customerId) };
    for (const QString &key : finished)
        params.append(key);
    // SQLite 3.15 has no NULLS LAST; "promised_by IS NULL" sorts the unpromised after the promised.
    return select(u"customer_id = ? AND status NOT IN ("_s + placeholders(finished.size()) + u")"_s, params,
                  u"promised_by IS NULL, promised_by, raised_at, row"_s);
}

Result<QList<Case>> CaseStore::forCustomer(const QUuid &customerId) const
{
    return select(u"customer_id = ?"_s, { store::uuidParam(customerId) }, u"raised_at DESC, row DESC"_s);
}

Result<bool> CaseStore::remove(const QUuid &id)
{
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM service_case WHERE id = ?"_s);
    query.addBindValue(store::uuidParam(id));
    if (!query.exec())
        return store::queryError(query, QCoreApplication::translate("CaseStore", "Could not remove a case"));
    return query.numRowsAffected() > 0;
}

Result<int> CaseStore::pruneClosedBefore(const QDateTime &cutoffUtc)
{
    if (!cutoffUtc.isValid())
        return makeError(
            u"case.invalid"_s,
            QCoreApplication::translate("CaseStore", "Cases cannot be pruned without a valid cut-off time."));
    const QStringList finished = finishedStatusKeys();
    QSqlQuery query(m_db);
    // Stored times are all UTC text with milliseconds, so text order is time order.
    query.prepare(u"DELETE FROM service_case WHERE status IN ("_s + placeholders(finished.size())
                  + u") AND COALESCE(resolved_at, raised_at) < ?"_s);
    for (const QString &key : finished)
        query.addBindValue(key);
    query.addBindValue(store::timeParam(cutoffUtc));
    if (!query.exec())
        return store::queryError(query, QCoreApplication::translate("CaseStore", "Could not prune old cases"));
    return query.numRowsAffected();
}

} // namespace fc
