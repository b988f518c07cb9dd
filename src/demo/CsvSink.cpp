#include "demo/CsvSink.h"

#include "core/AccessNeeds.h"
#include "core/CustomerFlag.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

void writeHeader(CsvWriter &writer, const QStringList &columns)
{
    for (const QString &column : columns)
        writer.addText(column);
    writer.endRow();
}

QString flagsField(const QList<CustomerFlag> &flags)
{
    QStringList parts;
    for (const CustomerFlag &flag : flags) {
        parts.append(flagCategoryKey(flag.category) + u':' + flag.raisedOn.toString(Qt::ISODate) + u':'
                     + flag.reviewBy.toString(Qt::ISODate));
    }
    return parts.join(u';');
}

QString idList(const QList<QUuid> &ids)
{
    QStringList parts;
    for (const QUuid &id : ids)
        parts.append(id.toString(QUuid::WithoutBraces));
    return parts.join(u';');
}

} // namespace

CsvSink::CsvSink() = default;

CsvSink::~CsvSink() = default;

QStringList CsvSink::customerColumns()
{
    return { u"id"_s,
             u"reference"_s,
             u"title"_s,
             u"given_name"_s,
             u"family_name"_s,
             u"preferred_name"_s,
             u"date_of_birth"_s,
             u"phones"_s,
             u"emails"_s,
             u"address_line1"_s,
             u"address_line2"_s,
             u"town"_s,
             u"postcode"_s,
             u"uprn"_s,
             u"preferred_language"_s,
             u"preferred_channel"_s,
             u"access_needs"_s,
             u"interpreter_language"_s,
             u"sign_language"_s,
             u"flags"_s,
             u"consent_email"_s,
             u"consent_sms"_s,
             u"consent_post"_s,
             u"revision"_s,
             u"created_at"_s,
             u"updated_at"_s };
}

QStringList CsvSink::caseColumns()
{
    return { u"id"_s,
             u"reference"_s,
             u"customer_id"_s,
             u"service"_s,
             u"request_type"_s,
             u"status"_s,
             u"priority"_s,
             u"team"_s,
             u"assignee"_s,
             u"raised_at"_s,
             u"promised_by"_s,
             u"resolved_at"_s,
             u"raising_contact_id"_s,
             u"summary"_s,
             u"revision"_s };
}

QStringList CsvSink::contactColumns()
{
    return { u"id"_s,           u"customer_id"_s,   u"channel"_s,         u"site"_s,
             u"agent"_s,        u"started_at"_s,    u"ended_at"_s,        u"service"_s,
             u"reason"_s,       u"script_id"_s,     u"script_version"_s,  u"answers"_s,
             u"outcome"_s,      u"signposted_to"_s, u"transferred_to"_s,  u"demand_type"_s,
             u"failure_kind"_s, u"notes"_s,         u"linked_case_ids"_s, u"corrects_contact_id"_s };
}

QStringList CsvSink::duplicateColumns()
{
    return { u"duplicate_id"_s, u"original_id"_s, u"variations"_s };
}

Status CsvSink::open(const QString &directory)
{
    if (!QDir().mkpath(directory)) {
        return makeError(u"csv.cannot_create_directory"_s,
                         QCoreApplication::translate("fc::CsvSink", "Cannot create the directory %1.").arg(directory));
    }
    const QDir dir(directory);
    struct Target {
        File *file;
        QString name;
        QStringList columns;
    };
    const Target targets[] = {
        { &m_customers, customersFileName(), customerColumns() },
        { &m_cases, casesFileName(), caseColumns() },
        { &m_contacts, contactsFileName(), contactColumns() },
        { &m_duplicates, duplicatesFileName(), duplicateColumns() },
    };
    for (const Target &target : targets) {
        auto file = std::make_unique<QSaveFile>(dir.filePath(target.name));
        if (!file->open(QIODevice::WriteOnly)) {
            return makeError(u"csv.cannot_open"_s,
                             QCoreApplication::translate("fc::CsvSink", "Cannot write %1: %2")
                                 .arg(file->fileName(), file->errorString()));
        }
        target.file->writer = std::make_unique<CsvWriter>(file.get());
        target.file->file = std::move(file);
        writeHeader(*target.file->writer, target.columns);
    }
    m_open = true;
    return {};
}

Status CsvSink::close()
{
    if (!m_open) {
        return makeError(u"csv.not_open"_s,
                         QCoreApplication::translate("fc::CsvSink", "The CSV files were never opened."));
    }
    m_open = false;
    for (File *file : { &m_customers, &m_cases, &m_contacts, &m_duplicates }) {
        if (Status flushed = file->writer->flush(); !flushed)
            return flushed;
        if (!file->file->commit()) {
            return makeError(u"csv.cannot_commit"_s,
                             QCoreApplication::translate("fc::CsvSink", "Cannot save %1: %2")
                                 .arg(file->file->fileName(), file->file->errorString()));
        }
    }
    return {};
}

void CsvSink::onCustomer(const Customer &customer)
{
    if (!m_open)
        return;
    CsvWriter &w = *m_customers.writer;
    w.addUuid(customer.id);
    w.addText(customer.reference);
    w.addText(customer.title);
    w.addText(customer.givenName);
    w.addText(customer.familyName);
    w.addText(customer.preferredName);
    w.addDate(customer.dateOfBirth);
    w.addText(customer.phones.join(u';'));
    w.addText(customer.emails.join(u';'));
    w.addText(customer.address.line1);
    w.addText(customer.address.line2);
    w.addText(customer.address.town);
    w.addText(customer.address.postcode);
    w.addText(customer.address.uprn);
    w.addText(customer.preferredLanguage);
    w.addText(channelKey(customer.preferredChannel));
    if (customer.accessNeeds.any())
        w.addText(accessNeedKeys(customer.accessNeeds).join(u';'));
    else
        w.addEmpty();
    w.addText(customer.accessNeeds.interpreterLanguage);
    w.addText(customer.accessNeeds.signLanguage);
    if (customer.flags.isEmpty())
        w.addEmpty();
    else
        w.addText(flagsField(customer.flags));
    w.addBool(customer.consents.email);
    w.addBool(customer.consents.sms);
    w.addBool(customer.consents.post);
    w.addNumber(customer.revision);
    w.addDateTime(customer.createdAt);
    w.addDateTime(customer.updatedAt);
    w.endRow();
}

void CsvSink::onContact(const Contact &contact)
{
    if (!m_open)
        return;
    CsvWriter &w = *m_contacts.writer;
    w.addUuid(contact.id);
    w.addUuid(contact.customerId);
    w.addText(channelKey(contact.channel));
    w.addText(contact.site);
    w.addText(contact.agent);
    w.addDateTime(contact.startedAt);
    w.addDateTime(contact.endedAt);
    w.addText(contact.service);
    w.addText(contact.reason);
    w.addText(contact.scriptId);
    w.addNumber(contact.scriptVersion);
    if (contact.answers.isEmpty())
        w.addEmpty();
    else
        w.addText(QString::fromUtf8(QJsonDocument(contact.answers).toJson(QJsonDocument::Compact)));
    if (contact.outcome)
        w.addText(outcomeKey(*contact.outcome));
    else
        w.addEmpty();
    w.addText(contact.signpostedTo);
    w.addText(contact.transferredTo);
    w.addText(demandTypeKey(contact.demand.type));
    w.addText(failureKindKey(contact.demand.failureKind));
    w.addText(contact.notes);
    if (contact.linkedCaseIds.size() == 1)
        w.addUuid(contact.linkedCaseIds.constFirst());
    else
        w.addText(idList(contact.linkedCaseIds));
    w.addUuid(contact.correctsContactId);
    w.endRow();
}

void CsvSink::onCase(const Case &serviceCase)
{
    if (!m_open)
        return;
    CsvWriter &w = *m_cases.writer;
    w.addUuid(serviceCase.id);
    w.addText(serviceCase.reference);
    w.addUuid(serviceCase.customerId);
    w.addText(serviceCase.service);
    w.addText(serviceCase.requestType);
    w.addText(caseStatusKey(serviceCase.status));
    w.addText(casePriorityKey(serviceCase.priority));
    w.addText(serviceCase.team);
    w.addText(serviceCase.assignee);
    w.addDateTime(serviceCase.raisedAt);
    w.addDateTime(serviceCase.promisedBy);
    w.addDateTime(serviceCase.resolvedAt);
    w.addUuid(serviceCase.raisingContactId);
    w.addText(serviceCase.summary);
    w.addNumber(serviceCase.revision);
    w.endRow();
}

void CsvSink::onDuplicatePlanted(const PlantedDuplicate &duplicate)
{
    if (!m_open)
        return;
    CsvWriter &w = *m_duplicates.writer;
    w.addUuid(duplicate.duplicateId);
    w.addUuid(duplicate.originalId);
    w.addText(duplicate.variations.join(u';'));
    w.endRow();
}

Status CsvSink::status() const
{
    for (const File *file : { &m_customers, &m_cases, &m_contacts, &m_duplicates }) {
        if (!file->writer)
            continue;
        if (Status status = file->writer->status(); !status)
            return status;
    }
    return {};
}

qint64 CsvSink::bytesWritten() const
{
    qint64 total = 0;
    for (const File *file : { &m_customers, &m_cases, &m_contacts, &m_duplicates }) {
        if (file->writer)
            total += file->writer->bytesWritten();
    }
    return total;
}

} // namespace fc
