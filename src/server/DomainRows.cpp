#include "server/DomainRows.h"

#include "server/ServerDatabase.h"

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

} // namespace

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
