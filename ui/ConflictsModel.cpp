#include "ui/ConflictsModel.h"

#include "core/AccessNeeds.h"
#include "core/Case.h"
#include "core/Channel.h"
#include "core/CustomerFlag.h"
#include "core/JsonReader.h"
#include "core/ServiceCatalogue.h"
#include "storage/CaseStore.h"
#include "storage/CustomerStore.h"
#include "sync/LocalChanges.h"
#include "ui/DisplayText.h"
#include "ui/WhenFinished.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::ConflictsModel", text);
}

// The record a conflict or refusal is about, as a person knows it; read on the database thread.
class RecordNames {
public:
    explicit RecordNames(QSqlDatabase db) : m_customers(db), m_cases(db) {}

    QString name(const QString &entity, const QUuid &id)
    {
        const QString key = entity + u':' + id.toString();
        auto found = m_names.constFind(key);
        if (found != m_names.constEnd())
            return *found;
        const QString text = lookUp(entity, id);
        m_names.insert(key, text);
        return text;
    }

private:
    QString lookUp(const QString &entity, const QUuid &id)
    {
        if (entity == u"customer"_s) {
            Result<std::optional<Customer>> customer = m_customers.byId(id);
            if (customer && customer.value())
                return tr("%1 (%2)").arg(customer.value()->displayName(), customer.value()->reference);
        } else if (entity == u"case"_s) {
            Result<std::optional<Case>> found = m_cases.byId(id);
            if (found && found.value()) {
                const Case &c = *found.value();
                const Service *service = m_catalogue.service(c.service);
                return service ? tr("%1 · %2").arg(c.reference, service->displayName) : c.reference;
            }
        }
        return tr("A record no longer on this desk");
    }

    CustomerStore m_customers;
    CaseStore m_cases;
    ServiceCatalogue m_catalogue = ServiceCatalogue::defaultCatalogue();
    QHash<QString, QString> m_names;
};

QString entityText(const QString &entity)
{
    if (entity == u"customer"_s)
        return tr("Customer");
    if (entity == u"case"_s)
        return tr("Case");
    if (entity == u"contact"_s)
        return tr("Contact");
    if (entity == u"audit"_s)
        return tr("Audit record");
    if (entity == u"conflict"_s)
        return tr("Conflict");
    return entity;
}

QString operationText(const QString &operation)
{
    if (operation == u"create"_s)
        return tr("New record");
    if (operation == u"update"_s)
        return tr("Change");
    if (operation == u"link"_s)
        return tr("Link to a customer");
    if (operation == u"resolve"_s)
        return tr("Conflict choice");
    if (operation == u"append"_s)
        return tr("Audit entry");
    return operation;
}

QString keyText(const QString &field, const QString &key)
{
    if (field == u"status"_s) {
        if (const auto status = caseStatusFromKey(key))
            return caseStatusDisplayName(*status);
    } else if (field == u"priority"_s) {
        if (const auto priority = casePriorityFromKey(key))
            return casePriorityDisplayName(*priority);
    } else if (field == u"closure_reason"_s) {
        if (const auto reason = closureReasonFromKey(key))
            return closureReasonDisplayName(*reason);
    } else if (field == u"preferred_channel"_s) {
        if (const auto channel = channelFromKey(key))
            return channelDisplayName(*channel);
    } else if (field == u"access_needs"_s) {
        if (const auto need = accessNeedFromKey(key))
            return accessNeedDisplayName(*need);
    } else if (field == u"date_of_birth"_s) {
        const QDate date = QDate::fromString(key, Qt::ISODate);
        if (date.isValid())
            return ukDateText(date);
    } else if (field == u"promised_by"_s || field == u"resolved_at"_s) {
        const QDateTime when = QDateTime::fromString(key, Qt::ISODateWithMs);
        if (when.isValid())
            return ukDateTimeText(when);
    } else if (field == u"preferred_language"_s || field == u"interpreter_language"_s || field == u"sign_language"_s) {
        const QLocale locale(key);
        if (locale.language() != QLocale::C)
            return QLocale::languageToString(locale.language());
    }
    return key;
}

} // namespace

const QList<QByteArray> ConflictsModel::kRejectedRoles = { "id",        "entity",        "entityText", "entityId",
                                                           "recordName", "operation",     "operationText",
                                                           "code",      "message",       "rejectedAtText" };

ConflictsModel::ConflictsModel(QObject *parent)
    : QAbstractListModel(parent),
      m_rejected(new RowListModel(kRejectedRoles, this))
{
}

int ConflictsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> ConflictsModel::roleNames() const
{
    return {
        { IdRole, "id" },
        { EntityRole, "entity" },
        { EntityTextRole, "entityText" },
        { EntityIdRole, "entityId" },
        { RecordNameRole, "recordName" },
        { FieldRole, "field" },
        { FieldTextRole, "fieldText" },
        { ServerValueTextRole, "serverValueText" },
        { ClientValueTextRole, "clientValueText" },
        { ServerSideTextRole, "serverSideText" },
        { ClientSideTextRole, "clientSideText" },
        { CreatedAtTextRole, "createdAtText" },
        { UserRole, "user" },
    };
}

QVariant ConflictsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const SyncConflict &c = row.conflict;
    switch (role) {
    case IdRole:
        return c.id.toString(QUuid::WithoutBraces);
    case EntityRole:
        return c.entity;
    case EntityTextRole:
        return entityText(c.entity);
    case EntityIdRole:
        return c.entityId.toString(QUuid::WithoutBraces);
    case Qt::DisplayRole:
    case RecordNameRole:
        return row.recordName;
    case FieldRole:
        return c.field;
    case FieldTextRole:
        return fieldText(c.entity, c.field);
    case ServerValueTextRole:
        return valueText(c.field, c.serverValue);
    case ClientValueTextRole:
        return valueText(c.field, c.clientValue);
    case ServerSideTextRole:
        return c.createdAt.isValid() ? tr("Kept on the server (as it stood at %1)").arg(timeText(c.createdAt))
                                     : tr("Kept on the server");
    case ClientSideTextRole:
        return c.user.isEmpty() || c.user == m_user ? tr("Yours, from this desk") : tr("Sent by %1").arg(c.user);
    case CreatedAtTextRole:
        return timeText(c.createdAt);
    case UserRole:
        return c.user;
    default:
        return {};
    }
}

QVariant ConflictsModel::value(int row, const QByteArray &roleName) const
{
    const int role = roleNames().key(roleName, -1);
    return role < 0 ? QVariant() : data(index(row), role);
}

void ConflictsModel::setCacheWorker(CacheWorker *worker)
{
    if (m_worker == worker)
        return;
    m_worker = worker;
    emit cacheWorkerChanged();
    reload();
}

void ConflictsModel::setUser(const QString &user)
{
    if (m_user == user)
        return;
    m_user = user;
    emit userChanged();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), { ClientSideTextRole });
}

void ConflictsModel::setClock(NowFunction now)
{
    m_now = now ? std::move(now) : NowFunction(systemNowUtc);
}

QString ConflictsModel::timeText(const QDateTime &instant) const
{
    if (!instant.isValid())
        return QString();
    if (councilDate(instant) == councilDate(m_now()))
        return instant.toTimeZone(councilTimeZone()).toString(u"HH:mm"_s);
    return ukDateTimeText(instant);
}

void ConflictsModel::reload()
{
    const quint64 generation = ++m_generation;
    if (!m_worker) {
        clear();
        return;
    }
    setBusy(true);
    QFuture<Result<Loaded>> future = m_worker->run([](QSqlDatabase &db) -> Result<Loaded> {
        Result<QList<SyncConflict>> conflicts = ConflictStore(db).unresolved();
        if (!conflicts)
            return conflicts.error();
        Result<QList<RejectedChange>> refused = RejectedChangeStore(db).all();
        if (!refused)
            return refused.error();
        RecordNames names(db);
        Loaded loaded;
        for (const SyncConflict &c : conflicts.value())
            loaded.conflicts.append(Row { c, names.name(c.entity, c.entityId) });
        for (const RejectedChange &r : refused.value())
            loaded.rejected.append(RejectedRow { r, names.name(r.entity, r.entityId) });
        return loaded;
    });
    whenFinished(this, future, [this, generation](const Result<Loaded> &answer) { apply(generation, answer); });
}

void ConflictsModel::apply(quint64 generation, const Result<Loaded> &answer)
{
    if (generation != m_generation)
        return;
    setBusy(false);
    if (!answer) {
        // A closed cache (signed out) is no one's conflicts: empty, and no error to show.
        if (answer.error().code == u"worker.not_open"_s) {
            setErrorText(QString());
        } else {
            setErrorText(tr("The conflicts could not be read: %1").arg(answer.error().message));
        }
        beginResetModel();
        m_rows.clear();
        endResetModel();
        m_rejected->clear();
        emit countChanged();
        return;
    }
    setErrorText(m_pendingError);
    m_pendingError.clear();
    const int before = count();
    beginResetModel();
    m_rows = answer->conflicts;
    endResetModel();
    QList<QVariantMap> rows;
    for (const RejectedRow &r : answer->rejected) {
        const RejectedChange &c = r.change;
        rows.append(QVariantMap {
            { u"id"_s, c.mutationId.toString(QUuid::WithoutBraces) },
            { u"entity"_s, c.entity },
            { u"entityText"_s, entityText(c.entity) },
            { u"entityId"_s, c.entityId.toString(QUuid::WithoutBraces) },
            { u"recordName"_s, r.recordName },
            { u"operation"_s, c.operation },
            { u"operationText"_s, operationText(c.operation) },
            { u"code"_s, c.code },
            { u"message"_s, c.message },
            { u"rejectedAtText"_s, timeText(c.rejectedAt) },
        });
    }
    m_rejected->setRows(rows);
    if (before != count())
        emit countChanged();
    emit loaded();
}

void ConflictsModel::clear()
{
    ++m_generation;
    setBusy(false);
    setErrorText(QString());
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        emit countChanged();
    }
    m_rejected->clear();
}

void ConflictsModel::resolve(const QString &id, const QString &choice)
{
    const QUuid conflictId = QUuid::fromString(id);
    if (conflictId.isNull() || (choice != u"server"_s && choice != u"client"_s)) {
        setErrorText(tr("That choice cannot be made here."));
        return;
    }
    if (!m_worker) {
        setErrorText(tr("Sign in to settle conflicts."));
        return;
    }
    setBusy(true);
    const QString user = m_user;
    QFuture<Status> future = m_worker->run([conflictId, choice, user](QSqlDatabase &db) -> Status {
        return LocalChanges(db, user).resolveConflict(conflictId, choice);
    });
    whenFinished(this, future, [this, id](const Status &done) {
        if (!done) {
            // Shown once the list is read again (it may have been settled elsewhere meanwhile).
            m_pendingError = tr("The conflict could not be settled: %1").arg(done.error().message);
            reload();
            return;
        }
        reload();
        emit resolved(id);
    });
}

void ConflictsModel::dismissRejected(const QString &mutationId)
{
    const QUuid id = QUuid::fromString(mutationId);
    if (id.isNull() || !m_worker)
        return;
    QFuture<Result<bool>> future
        = m_worker->run([id](QSqlDatabase &db) -> Result<bool> { return RejectedChangeStore(db).dismiss(id); });
    whenFinished(this, future, [this, mutationId](const Result<bool> &done) {
        if (!done) {
            setErrorText(tr("The refused change could not be dismissed: %1").arg(done.error().message));
            return;
        }
        reload();
        emit resolved(mutationId);
    });
}

void ConflictsModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void ConflictsModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

QString ConflictsModel::fieldText(const QString &entity, const QString &field)
{
    static const QHash<QString, const char *> customerFields {
        { u"title"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Title") },
        { u"given_name"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "First name") },
        { u"family_name"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Last name") },
        { u"preferred_name"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Preferred name") },
        { u"date_of_birth"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Date of birth") },
        { u"phones"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Phone numbers") },
        { u"emails"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Email addresses") },
        { u"address_line1"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Address line 1") },
        { u"address_line2"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Address line 2") },
        { u"town"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Town") },
        { u"postcode"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Postcode") },
        { u"uprn"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "UPRN") },
        { u"preferred_language"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Preferred language") },
        { u"preferred_channel"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Preferred way to contact") },
        { u"access_needs"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Access needs") },
        { u"interpreter_language"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Interpreter language") },
        { u"sign_language"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Sign language") },
        { u"flags"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Warning flags") },
        { u"consent_email"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "May we email") },
        { u"consent_sms"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "May we text") },
        { u"consent_post"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "May we write") },
    };
    static const QHash<QString, const char *> caseFields {
        { u"customer_id"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Customer") },
        { u"status"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Status") },
        { u"priority"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Priority") },
        { u"team"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Team") },
        { u"assignee"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Assigned to") },
        { u"promised_by"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Promised by") },
        { u"resolved_at"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Resolved at") },
        { u"summary"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Summary") },
        { u"closure_reason"_s, QT_TRANSLATE_NOOP("fc::ConflictsModel", "Reason for closing") },
    };
    const QHash<QString, const char *> &labels = entity == u"case"_s ? caseFields : customerFields;
    const char *label = labels.value(field, nullptr);
    return label ? tr(label) : field;
}

QString ConflictsModel::valueText(const QString &field, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(blank)");
    case QJsonValue::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double:
        return JsonReader::valueText(value);
    case QJsonValue::String: {
        const QString text = value.toString();
        return text.trimmed().isEmpty() ? tr("(blank)") : keyText(field, text);
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray()) {
            if (item.isObject() && field == u"flags"_s) {
                const QString category = item.toObject().value(u"category"_s).toString();
                const auto known = flagCategoryFromKey(category);
                parts << (known ? flagCategoryDisplayName(*known) : category);
            } else if (item.isString()) {
                parts << keyText(field, item.toString());
            } else {
                parts << JsonReader::valueText(item);
            }
        }
        return parts.isEmpty() ? tr("(blank)") : parts.join(u", "_s);
    }
    case QJsonValue::Object:
        return JsonReader::valueText(value);
    }
    return QString();
}

} // namespace fc
