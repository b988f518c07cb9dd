#include "server/DomainRows.h"

#include "server/ServerDatabase.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QVariant text(const QString &value)
{
    // Empty rather than null: the text columns are NOT NULL DEFAULT ''.
    return value.isNull() ? QString(u""_s) : value;
}

QVariant date(const QDate &value)
{
    return value.isValid() ? QVariant(value.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QString readText(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString();
}

QDate readDate(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDate>())
        return value.toDate();
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

bool readBool(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<bool>())
        return value.toBool();
    const QString text = value.toString();
    return text == u"1"_s || text == u"t"_s || text == u"true"_s;
}

QStringList readList(const QVariant &value)
{
    return readText(value).split(u';', Qt::SkipEmptyParts);
}

Error badRow(const QString &what, const QString &id, const QString &column)
{
    return makeError(u"server.bad_row"_s, QCoreApplication::translate("fc::server::DomainRows",
                                                                      "The %1 %2 has a value in '%3' that does not read.")
                                              .arg(what, id, column));
}

} // namespace

QString DomainRows::selectList(const QStringList &columns, const QString &alias)
{
    if (alias.isEmpty())
        return columns.join(u", "_s);
    QStringList qualified;
    for (const QString &column : columns)
        qualified.append(alias + u'.' + column);
    return qualified.join(u", "_s);
}

QString DomainRows::placeholders(qsizetype count)
{
    return QStringList(count, u"?"_s).join(u", "_s);
}

QString DomainRows::insertSql(const QString &table, const QStringList &columns, qsizetype rowCount)
{
    const QString row = u'(' + placeholders(columns.size()) + u')';
    return u"INSERT INTO %1 (%2) VALUES %3"_s.arg(table, columns.join(u", "_s), QStringList(rowCount, row).join(u", "_s));
}

Result<Customer> DomainRows::readCustomer(const QSqlQuery &q, int f)
{
    Customer c;
    c.id = ServerDatabase::readUuid(q.value(f + 0));
    c.reference = readText(q.value(f + 1));
    c.title = readText(q.value(f + 2));
    c.givenName = readText(q.value(f + 3));
    c.familyName = readText(q.value(f + 4));
    c.preferredName = readText(q.value(f + 5));
    c.dateOfBirth = readDate(q.value(f + 6));
    c.phones = readList(q.value(f + 7));
    c.emails = readList(q.value(f + 8));
    c.address.line1 = readText(q.value(f + 9));
    c.address.line2 = readText(q.value(f + 10));
    c.address.town = readText(q.value(f + 11));
    c.address.postcode = readText(q.value(f + 12));
    c.address.uprn = readText(q.value(f + 13));
    c.preferredLanguage = readText(q.value(f + 14));
    const QString idText = c.id.toString(QUuid::WithoutBraces);
    const std::optional<Channel> channel = channelFromKey(readText(q.value(f + 15)));
    if (!channel)
        return badRow(u"customer"_s, idText, u"preferred_channel"_s);
    c.preferredChannel = *channel;
    for (const QString &key : readList(q.value(f + 16))) {
        const std::optional<AccessNeed> need = accessNeedFromKey(key);
        if (!need)
            return badRow(u"customer"_s, idText, u"access_needs"_s);
        c.accessNeeds.needs |= *need;
    }
    c.accessNeeds.interpreterLanguage = readText(q.value(f + 17));
    c.accessNeeds.signLanguage = readText(q.value(f + 18));
    const QJsonDocument flags = QJsonDocument::fromJson(readText(q.value(f + 19)).toUtf8());
    if (!flags.isArray())
        return badRow(u"customer"_s, idText, u"flags"_s);
    for (const QJsonValue &item : flags.array()) {
        const QJsonObject flag = item.toObject();
        const std::optional<FlagCategory> category = flagCategoryFromKey(flag.value(u"category"_s).toString());
        if (!category)
            return badRow(u"customer"_s, idText, u"flags"_s);
        c.flags.append(CustomerFlag { *category, flag.value(u"note"_s).toString(),
                                      QDate::fromString(flag.value(u"raised_on"_s).toString(), Qt::ISODate),
                                      QDate::fromString(flag.value(u"review_by"_s).toString(), Qt::ISODate) });
    }
    c.consents.email = readBool(q.value(f + 20));
    c.consents.sms = readBool(q.value(f + 21));
    c.consents.post = readBool(q.value(f + 22));
    c.revision = q.value(f + 23).toLongLong();
    c.createdAt = ServerDatabase::readTimestamp(q.value(f + 24));
    c.updatedAt = ServerDatabase::readTimestamp(q.value(f + 25));
    return c;
}

Result<Case> DomainRows::readCase(const QSqlQuery &q, int f)
{
    Case c;
    c.id = ServerDatabase::readUuid(q.value(f + 0));
    const QString idText = c.id.toString(QUuid::WithoutBraces);
    c.reference = readText(q.value(f + 1));
    c.customerId = ServerDatabase::readUuid(q.value(f + 2));
    c.service = readText(q.value(f + 3));
    c.requestType = readText(q.value(f + 4));
    const std::optional<CaseStatus> status = caseStatusFromKey(readText(q.value(f + 5)));
    if (!status)
        return badRow(u"case"_s, idText, u"status"_s);
    c.status = *status;
    const std::optional<CasePriority> priority = casePriorityFromKey(readText(q.value(f + 6)));
    if (!priority)
        return badRow(u"case"_s, idText, u"priority"_s);
    c.priority = *priority;
    c.team = readText(q.value(f + 7));
    c.assignee = readText(q.value(f + 8));
    c.raisedAt = ServerDatabase::readTimestamp(q.value(f + 9));
    c.promisedBy = ServerDatabase::readTimestamp(q.value(f + 10));
    c.resolvedAt = ServerDatabase::readTimestamp(q.value(f + 11));
    c.raisingContactId = ServerDatabase::readUuid(q.value(f + 12));
    c.summary = readText(q.value(f + 13));
    if (!q.value(f + 14).isNull() && !readText(q.value(f + 14)).isEmpty()) {
        c.closureReason = closureReasonFromKey(readText(q.value(f + 14)));
        if (!c.closureReason)
            return badRow(u"case"_s, idText, u"closure_reason"_s);
    }
    c.revision = q.value(f + 15).toLongLong();
    return c;
}

Result<Contact> DomainRows::readContact(const QSqlQuery &q, int f)
{
    Contact c;
    c.id = ServerDatabase::readUuid(q.value(f + 0));
    const QString idText = c.id.toString(QUuid::WithoutBraces);
    c.customerId = ServerDatabase::readUuid(q.value(f + 1));
    const std::optional<Channel> channel = channelFromKey(readText(q.value(f + 2)));
    if (!channel)
        return badRow(u"contact"_s, idText, u"channel"_s);
    c.channel = *channel;
    c.site = readText(q.value(f + 3));
    c.agent = readText(q.value(f + 4));
    c.startedAt = ServerDatabase::readTimestamp(q.value(f + 5));
    c.endedAt = ServerDatabase::readTimestamp(q.value(f + 6));
    c.service = readText(q.value(f + 7));
    c.reason = readText(q.value(f + 8));
    c.scriptId = readText(q.value(f + 9));
    c.scriptVersion = q.value(f + 10).toInt();
    const QJsonDocument answers = QJsonDocument::fromJson(readText(q.value(f + 11)).toUtf8());
    if (!answers.isObject())
        return badRow(u"contact"_s, idText, u"answers"_s);
    c.answers = answers.object();
    if (!q.value(f + 12).isNull() && !readText(q.value(f + 12)).isEmpty()) {
        c.outcome = outcomeFromKey(readText(q.value(f + 12)));
        if (!c.outcome)
            return badRow(u"contact"_s, idText, u"outcome"_s);
    }
    c.signpostedTo = readText(q.value(f + 13));
    c.transferredTo = readText(q.value(f + 14));
    const std::optional<DemandType> demand = demandTypeFromKey(readText(q.value(f + 15)));
    const std::optional<FailureKind> kind = failureKindFromKey(readText(q.value(f + 16)));
    if (!demand || !kind)
        return badRow(u"contact"_s, idText, u"demand_type"_s);
    c.demand.type = *demand;
    c.demand.failureKind = *kind;
    c.notes = readText(q.value(f + 17));
    c.correctsContactId = ServerDatabase::readUuid(q.value(f + 18));
    return c;
}

QStringList DomainRows::customerColumns()
{
    return { u"id"_s, u"reference"_s, u"title"_s, u"given_name"_s, u"family_name"_s, u"preferred_name"_s,
             u"date_of_birth"_s, u"phones"_s, u"emails"_s, u"address_line1"_s, u"address_line2"_s, u"town"_s,
             u"postcode"_s, u"uprn"_s, u"preferred_language"_s, u"preferred_channel"_s, u"access_needs"_s,
             u"interpreter_language"_s, u"sign_language"_s, u"flags"_s, u"consent_email"_s, u"consent_sms"_s,
             u"consent_post"_s, u"revision"_s, u"created_at"_s, u"updated_at"_s };
}

QString DomainRows::flagsJson(const QList<CustomerFlag> &flags)
{
    QJsonArray array;
    for (const CustomerFlag &flag : flags) {
        array.append(QJsonObject { { u"category"_s, flagCategoryKey(flag.category) },
                                   { u"note"_s, flag.note },
                                   { u"raised_on"_s, flag.raisedOn.toString(Qt::ISODate) },
                                   { u"review_by"_s, flag.reviewBy.toString(Qt::ISODate) } });
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QVariantList DomainRows::customerRow(const Customer &c)
{
    return { ServerDatabase::uuidValue(c.id),
             text(c.reference),
             text(c.title),
             text(c.givenName),
             text(c.familyName),
             text(c.preferredName),
             date(c.dateOfBirth),
             text(c.phones.join(u';')),
             text(c.emails.join(u';')),
             text(c.address.line1),
             text(c.address.line2),
             text(c.address.town),
             text(c.address.postcode),
             text(c.address.uprn),
             text(c.preferredLanguage),
             text(channelKey(c.preferredChannel)),
             text(accessNeedKeys(c.accessNeeds).join(u';')),
             text(c.accessNeeds.interpreterLanguage),
             text(c.accessNeeds.signLanguage),
             flagsJson(c.flags),
             c.consents.email,
             c.consents.sms,
             c.consents.post,
             c.revision,
             ServerDatabase::timestampValue(c.createdAt),
             ServerDatabase::timestampValue(c.updatedAt) };
}

QStringList DomainRows::caseColumns()
{
    return { u"id"_s, u"reference"_s, u"customer_id"_s, u"service"_s, u"request_type"_s, u"status"_s,
             u"priority"_s, u"team"_s, u"assignee"_s, u"raised_at"_s, u"promised_by"_s, u"resolved_at"_s,
             u"raising_contact_id"_s, u"summary"_s, u"closure_reason"_s, u"revision"_s };
}

QVariantList DomainRows::caseRow(const Case &c)
{
    return { ServerDatabase::uuidValue(c.id),
             text(c.reference),
             ServerDatabase::uuidValue(c.customerId),
             text(c.service),
             text(c.requestType),
             text(caseStatusKey(c.status)),
             text(casePriorityKey(c.priority)),
             text(c.team),
             text(c.assignee),
             ServerDatabase::timestampValue(c.raisedAt),
             ServerDatabase::timestampValue(c.promisedBy),
             ServerDatabase::timestampValue(c.resolvedAt),
             ServerDatabase::uuidValue(c.raisingContactId),
             text(c.summary),
             c.closureReason ? QVariant(closureReasonKey(*c.closureReason)) : QVariant(QMetaType::fromType<QString>()),
             c.revision };
}

QStringList DomainRows::contactColumns()
{
    return { u"id"_s, u"customer_id"_s, u"channel"_s, u"site"_s, u"agent"_s, u"started_at"_s, u"ended_at"_s,
             u"service"_s, u"reason"_s, u"script_id"_s, u"script_version"_s, u"answers"_s, u"outcome"_s,
             u"signposted_to"_s, u"transferred_to"_s, u"demand_type"_s, u"failure_kind"_s, u"notes"_s,
             u"corrects_contact_id"_s };
}

QVariantList DomainRows::contactRow(const Contact &c)
{
    return { ServerDatabase::uuidValue(c.id),
             ServerDatabase::uuidValue(c.customerId),
             text(channelKey(c.channel)),
             text(c.site),
             text(c.agent),
             ServerDatabase::timestampValue(c.startedAt),
             ServerDatabase::timestampValue(c.endedAt),
             text(c.service),
             text(c.reason),
             text(c.scriptId),
             c.scriptVersion,
             QString::fromUtf8(QJsonDocument(c.answers).toJson(QJsonDocument::Compact)),
             c.outcome ? QVariant(outcomeKey(*c.outcome)) : QVariant(QMetaType::fromType<QString>()),
             text(c.signpostedTo),
             text(c.transferredTo),
             text(demandTypeKey(c.demand.type)),
             text(failureKindKey(c.demand.failureKind)),
             text(c.notes),
             ServerDatabase::uuidValue(c.correctsContactId) };
}

QStringList DomainRows::contactCaseColumns()
{
    return { u"contact_id"_s, u"case_id"_s, u"position"_s };
}

QList<QVariantList> DomainRows::contactCaseRows(const Contact &contact)
{
    QList<QVariantList> rows;
    for (qsizetype i = 0; i < contact.linkedCaseIds.size(); ++i) {
        rows.append({ ServerDatabase::uuidValue(contact.id), ServerDatabase::uuidValue(contact.linkedCaseIds.at(i)),
                      int(i) });
    }
    return rows;
}

} // namespace fc::server
