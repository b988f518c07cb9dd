#include "core/DomainJson.h"

#include "core/EmailAddress.h"
#include "core/JsonReader.h"
#include "core/PhoneNumber.h"
#include "core/Postcode.h"
#include "core/Uprn.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::DomainJson", text);
}

// Generous caps: a record is typed by a person, so anything longer is a mistake or an attack.
constexpr qsizetype kShortText = 200;
constexpr qsizetype kLongText = 20'000;
constexpr qsizetype kListItems = 20;

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue dateValue(const QDate &day)
{
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeValue(const QDateTime &when)
{
    return orNull(JsonReader::timeText(when));
}

QJsonValue uuidValue(const QUuid &id)
{
    return orNull(JsonReader::uuidText(id));
}

template<typename Enum, typename FromKey>
Enum readKey(JsonReader &reader, const QString &name, Enum fallback, FromKey fromKey, bool required = false)
{
    const QString key = reader.string(name, kShortText, required);
    if (key.isEmpty())
        return fallback;
    const std::optional<Enum> value = fromKey(key);
    if (!value) {
        reader.fail(name, tr("unknown value '%1'").arg(key));
        return fallback;
    }
    return *value;
}

template<typename Enum, typename FromKey>
std::optional<Enum> readOptionalKey(JsonReader &reader, const QString &name, FromKey fromKey)
{
    const std::optional<QString> key = reader.nullableString(name, kShortText);
    if (!key || key->isEmpty())
        return std::nullopt;
    const std::optional<Enum> value = fromKey(*key);
    if (!value)
        reader.fail(name, tr("unknown value '%1'").arg(*key));
    return value;
}

QJsonArray flagsArray(const QList<CustomerFlag> &flags)
{
    QJsonArray array;
    for (const CustomerFlag &flag : flags) {
        array.append(QJsonObject { { u"category"_s, flagCategoryKey(flag.category) },
                                   { u"note"_s, flag.note },
                                   { u"raised_on"_s, dateValue(flag.raisedOn) },
                                   { u"review_by"_s, dateValue(flag.reviewBy) } });
    }
    return array;
}

QList<CustomerFlag> readFlags(JsonReader &reader)
{
    QList<CustomerFlag> flags;
    const QJsonArray items = reader.array(u"flags"_s, kListItems);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject()) {
            reader.fail(u"flags"_s, tr("expected objects"));
            return {};
        }
        JsonReader item(items.at(i).toObject(), u"flags[%1]"_s.arg(i));
        CustomerFlag flag;
        flag.category = readKey(item, u"category"_s, FlagCategory::SafeguardingConcern,
                                [](const QString &key) { return flagCategoryFromKey(key); }, true);
        flag.note = item.string(u"note"_s, kLongText);
        flag.raisedOn = item.date(u"raised_on"_s);
        flag.reviewBy = item.date(u"review_by"_s);
        if (Status ok = item.status(); !ok) {
            reader.fail(u"flags"_s, ok.error().message);
            return {};
        }
        flags.append(flag);
    }
    return flags;
}

} // namespace

QJsonObject DomainJson::fromCustomer(const Customer &c)
{
    QJsonArray needs;
    for (const QString &key : accessNeedKeys(c.accessNeeds))
        needs.append(key);
    return QJsonObject {
        { u"id"_s, uuidValue(c.id) },
        { u"reference"_s, c.reference },
        { u"title"_s, c.title },
        { u"given_name"_s, c.givenName },
        { u"family_name"_s, c.familyName },
        { u"preferred_name"_s, c.preferredName },
        { u"date_of_birth"_s, dateValue(c.dateOfBirth) },
        { u"phones"_s, QJsonArray::fromStringList(c.phones) },
        { u"emails"_s, QJsonArray::fromStringList(c.emails) },
        { u"address_line1"_s, c.address.line1 },
        { u"address_line2"_s, c.address.line2 },
        { u"town"_s, c.address.town },
        { u"postcode"_s, c.address.postcode },
        { u"uprn"_s, c.address.uprn },
        { u"preferred_language"_s, c.preferredLanguage },
        { u"preferred_channel"_s, channelKey(c.preferredChannel) },
        { u"access_needs"_s, needs },
        { u"interpreter_language"_s, c.accessNeeds.interpreterLanguage },
        { u"sign_language"_s, c.accessNeeds.signLanguage },
        { u"flags"_s, flagsArray(c.flags) },
        { u"consent_email"_s, c.consents.email },
        { u"consent_sms"_s, c.consents.sms },
        { u"consent_post"_s, c.consents.post },
        { u"revision"_s, c.revision },
        { u"created_at"_s, timeValue(c.createdAt) },
        { u"updated_at"_s, timeValue(c.updatedAt) },
    };
}

Result<Customer> DomainJson::toCustomer(const QJsonObject &json)
{
    JsonReader r(json, u"customer"_s);
    Customer c;
    c.id = r.uuid(u"id"_s, true);
    c.reference = r.string(u"reference"_s, 20, true);
    c.title = r.string(u"title"_s, 40);
    c.givenName = r.string(u"given_name"_s, kShortText);
    c.familyName = r.string(u"family_name"_s, kShortText);
    c.preferredName = r.string(u"preferred_name"_s, kShortText);
    c.dateOfBirth = r.date(u"date_of_birth"_s);
    c.phones = r.stringArray(u"phones"_s, kListItems, 40);
    c.emails = r.stringArray(u"emails"_s, kListItems, EmailAddress::kMaximumOctets);
    c.address.line1 = r.string(u"address_line1"_s, kShortText);
    c.address.line2 = r.string(u"address_line2"_s, kShortText);
    c.address.town = r.string(u"town"_s, kShortText);
    c.address.postcode = r.string(u"postcode"_s, 10);
    c.address.uprn = r.string(u"uprn"_s, 12);
    c.preferredLanguage = r.string(u"preferred_language"_s, 35);
    if (c.preferredLanguage.isEmpty())
        c.preferredLanguage = u"en"_s;
    c.preferredChannel = readKey(r, u"preferred_channel"_s, Channel::Phone,
                                 [](const QString &key) { return channelFromKey(key); });
    for (const QString &key : r.stringArray(u"access_needs"_s, kListItems, kShortText)) {
        const std::optional<AccessNeed> need = accessNeedFromKey(key);
        if (!need)
            r.fail(u"access_needs"_s, tr("unknown value '%1'").arg(key));
        else
            c.accessNeeds.needs |= *need;
    }
    c.accessNeeds.interpreterLanguage = r.string(u"interpreter_language"_s, 35);
    c.accessNeeds.signLanguage = r.string(u"sign_language"_s, 35);
    c.flags = readFlags(r);
    c.consents.email = r.boolean(u"consent_email"_s, false);
    c.consents.sms = r.boolean(u"consent_sms"_s, false);
    c.consents.post = r.boolean(u"consent_post"_s, true);
    c.revision = r.integer(u"revision"_s, 0, 0, std::numeric_limits<qint32>::max());
    c.createdAt = r.time(u"created_at"_s);
    c.updatedAt = r.time(u"updated_at"_s);
    if (Status ok = r.status(); !ok)
        return ok.error();
    return c;
}

QJsonObject DomainJson::fromCase(const Case &c)
{
    return QJsonObject {
        { u"id"_s, uuidValue(c.id) },
        { u"reference"_s, c.reference },
        { u"customer_id"_s, uuidValue(c.customerId) },
        { u"service"_s, c.service },
        { u"request_type"_s, c.requestType },
        { u"status"_s, caseStatusKey(c.status) },
        { u"priority"_s, casePriorityKey(c.priority) },
        { u"team"_s, c.team },
        { u"assignee"_s, c.assignee },
        { u"raised_at"_s, timeValue(c.raisedAt) },
        { u"promised_by"_s, timeValue(c.promisedBy) },
        { u"resolved_at"_s, timeValue(c.resolvedAt) },
        { u"raising_contact_id"_s, uuidValue(c.raisingContactId) },
        { u"summary"_s, c.summary },
        { u"closure_reason"_s, c.closureReason ? QJsonValue(closureReasonKey(*c.closureReason)) : QJsonValue() },
        { u"revision"_s, c.revision },
    };
}

Result<Case> DomainJson::toCase(const QJsonObject &json)
{
    JsonReader r(json, u"case"_s);
    Case c;
    c.id = r.uuid(u"id"_s, true);
    c.reference = r.string(u"reference"_s, 40, true);
    c.customerId = r.uuid(u"customer_id"_s);
    c.service = r.string(u"service"_s, 40, true);
    c.requestType = r.string(u"request_type"_s, 60, true);
    c.status = readKey(r, u"status"_s, CaseStatus::New, [](const QString &key) { return caseStatusFromKey(key); }, true);
    c.priority = readKey(r, u"priority"_s, CasePriority::Normal,
                         [](const QString &key) { return casePriorityFromKey(key); });
    c.team = r.string(u"team"_s, 64);
    c.assignee = r.string(u"assignee"_s, 64);
    c.raisedAt = r.time(u"raised_at"_s, true);
    c.promisedBy = r.time(u"promised_by"_s);
    c.resolvedAt = r.time(u"resolved_at"_s);
    c.raisingContactId = r.uuid(u"raising_contact_id"_s);
    c.summary = r.string(u"summary"_s, kShortText * 2);
    c.closureReason = readOptionalKey<ClosureReason>(r, u"closure_reason"_s,
                                                     [](const QString &key) { return closureReasonFromKey(key); });
    c.revision = r.integer(u"revision"_s, 0, 0, std::numeric_limits<qint32>::max());
    if (Status ok = r.status(); !ok)
        return ok.error();
    return c;
}

QJsonObject DomainJson::fromContact(const Contact &c)
{
    QJsonArray linked;
    for (const QUuid &id : c.linkedCaseIds)
        linked.append(JsonReader::uuidText(id));
    return QJsonObject {
        { u"id"_s, uuidValue(c.id) },
        { u"customer_id"_s, uuidValue(c.customerId) },
        { u"channel"_s, channelKey(c.channel) },
        { u"site"_s, c.site },
        { u"agent"_s, c.agent },
        { u"started_at"_s, timeValue(c.startedAt) },
        { u"ended_at"_s, timeValue(c.endedAt) },
        { u"service"_s, c.service },
        { u"reason"_s, c.reason },
        { u"script_id"_s, c.scriptId },
        { u"script_version"_s, c.scriptVersion },
        { u"answers"_s, c.answers },
        { u"outcome"_s, c.outcome ? QJsonValue(outcomeKey(*c.outcome)) : QJsonValue() },
        { u"signposted_to"_s, c.signpostedTo },
        { u"transferred_to"_s, c.transferredTo },
        { u"demand_type"_s, demandTypeKey(c.demand.type) },
        { u"failure_kind"_s, failureKindKey(c.demand.failureKind) },
        { u"notes"_s, c.notes },
        { u"linked_case_ids"_s, linked },
        { u"corrects_contact_id"_s, uuidValue(c.correctsContactId) },
    };
}

Result<Contact> DomainJson::toContact(const QJsonObject &json)
{
    JsonReader r(json, u"contact"_s);
    Contact c;
    c.id = r.uuid(u"id"_s, true);
    c.customerId = r.uuid(u"customer_id"_s);
    c.channel = readKey(r, u"channel"_s, Channel::Phone, [](const QString &key) { return channelFromKey(key); }, true);
    c.site = r.string(u"site"_s, 64);
    c.agent = r.string(u"agent"_s, 64);
    c.startedAt = r.time(u"started_at"_s, true);
    c.endedAt = r.time(u"ended_at"_s);
    c.service = r.string(u"service"_s, 40);
    c.reason = r.string(u"reason"_s, 60);
    c.scriptId = r.string(u"script_id"_s, 80);
    c.scriptVersion = int(r.integer(u"script_version"_s, 0, 0, 1'000'000));
    c.answers = r.object(u"answers"_s);
    c.outcome = readOptionalKey<Outcome>(r, u"outcome"_s, [](const QString &key) { return outcomeFromKey(key); });
    c.signpostedTo = r.string(u"signposted_to"_s, 80);
    c.transferredTo = r.string(u"transferred_to"_s, 80);
    c.demand.type = readKey(r, u"demand_type"_s, DemandType::Value,
                            [](const QString &key) { return demandTypeFromKey(key); });
    c.demand.failureKind = readKey(r, u"failure_kind"_s, FailureKind::None,
                                   [](const QString &key) { return failureKindFromKey(key); });
    c.notes = r.string(u"notes"_s, kLongText);
    for (const QString &text : r.stringArray(u"linked_case_ids"_s, 50, 36)) {
        const QUuid id = QUuid::fromString(text);
        if (id.isNull())
            r.fail(u"linked_case_ids"_s, tr("expected UUIDs"));
        else if (c.linkedCaseIds.contains(id))
            r.fail(u"linked_case_ids"_s, tr("the same case twice"));
        else
            c.linkedCaseIds.append(id);
    }
    c.correctsContactId = r.uuid(u"corrects_contact_id"_s);
    if (Status ok = r.status(); !ok)
        return ok.error();
    if (c.endedAt.isValid() && c.endedAt < c.startedAt)
        return makeError(u"json.invalid_field"_s, tr("Field 'contact.ended_at': before the contact started"));
    return c;
}

const QStringList &DomainJson::editableCustomerFields()
{
    static const QStringList fields {
        u"title"_s, u"given_name"_s, u"family_name"_s, u"preferred_name"_s, u"date_of_birth"_s, u"phones"_s,
        u"emails"_s, u"address_line1"_s, u"address_line2"_s, u"town"_s, u"postcode"_s, u"uprn"_s,
        u"preferred_language"_s, u"preferred_channel"_s, u"access_needs"_s, u"interpreter_language"_s,
        u"sign_language"_s, u"flags"_s, u"consent_email"_s, u"consent_sms"_s, u"consent_post"_s,
    };
    return fields;
}

const QStringList &DomainJson::editableCaseFields()
{
    static const QStringList fields {
        u"customer_id"_s, u"status"_s, u"priority"_s, u"team"_s, u"assignee"_s, u"promised_by"_s,
        u"resolved_at"_s, u"summary"_s, u"closure_reason"_s,
    };
    return fields;
}

Status DomainJson::validateCustomer(const Customer &c)
{
    if (c.givenName.trimmed().isEmpty() && c.familyName.trimmed().isEmpty())
        return makeError(u"customer.no_name"_s, tr("A customer needs a given name or a family name."));
    if (!c.address.postcode.isEmpty()) {
        const Result<Postcode> postcode = Postcode::parse(c.address.postcode);
        if (!postcode || postcode->canonical() != c.address.postcode)
            return makeError(u"customer.invalid_postcode"_s,
                             tr("'%1' is not a UK postcode in its written form (such as PL1 2AA).").arg(c.address.postcode));
    }
    for (const QString &phone : c.phones) {
        const Result<PhoneNumber> number = PhoneNumber::parse(phone);
        if (!number || number->canonical() != phone)
            return makeError(u"customer.invalid_phone"_s, tr("'%1' is not a phone number we can call.").arg(phone));
    }
    for (const QString &email : c.emails) {
        const Result<EmailAddress> address = EmailAddress::parse(email);
        if (!address || address->canonical() != email)
            return makeError(u"customer.invalid_email"_s, tr("'%1' is not an email address.").arg(email));
    }
    if (!c.address.uprn.isEmpty()) {
        const Result<Uprn> uprn = Uprn::parse(c.address.uprn);
        if (!uprn || uprn->canonical() != c.address.uprn)
            return makeError(u"customer.invalid_uprn"_s, tr("'%1' is not a UPRN.").arg(c.address.uprn));
    }
    return {};
}

} // namespace fc
