#include "storage/CustomerStore.h"

#include "storage/CustomerRecordWriter.h"
#include "storage/CustomerSearchKeys.h"
#include "storage/StoreSavepoint.h"
#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

constexpr auto kReadColumns = "row, id, reference, title, given_name, family_name, preferred_name, date_of_birth, "
                              "address_line1, address_line2, town, postcode, uprn, preferred_language, "
                              "preferred_channel, access_needs, interpreter_language, sign_language, consent_email, "
                              "consent_sms, consent_post, revision, created_at, updated_at"_L1;

// A stored date ("1984-03-12") or NULL; nullopt when the text is not a date.
std::optional<QDate> storedDate(const QSqlQuery &query, int column)
{
    if (query.isNull(column))
        return QDate();
    const QDate date = QDate::fromString(query.value(column).toString(), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

Result<QStringList> readTexts(const QSqlDatabase &db, const QString &sql, qint64 row)
{
    QSqlQuery query(db);
    query.prepare(sql);
    query.addBindValue(row);
    if (!query.exec())
        return store::queryError(query, QCoreApplication::translate("CustomerStore", "Could not read a customer"));
    QStringList texts;
    while (query.next())
        texts.append(query.value(0).toString());
    return texts;
}

Result<QList<CustomerFlag>> readFlags(const QSqlDatabase &db, qint64 row)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT category, note, raised_on, review_by FROM customer_flag WHERE customer_row = ? "
                  "ORDER BY position"_s);
    query.addBindValue(row);
    if (!query.exec())
        return store::queryError(query,
                                 QCoreApplication::translate("CustomerStore", "Could not read a customer's flags"));
    QList<CustomerFlag> flags;
    while (query.next()) {
        CustomerFlag flag;
        const std::optional<FlagCategory> category = flagCategoryFromKey(query.value(0).toString());
        const std::optional<QDate> raised = storedDate(query, 2);
        const std::optional<QDate> review = storedDate(query, 3);
        if (!category)
            return store::badRowError(u"customer_flag"_s, u"category"_s);
        if (!raised || !review)
            return store::badRowError(u"customer_flag"_s, raised ? u"review_by"_s : u"raised_on"_s);
        flag.category = *category;
        flag.note = query.value(1).toString();
        flag.raisedOn = *raised;
        flag.reviewBy = *review;
        flags.append(flag);
    }
    return flags;
}

} // namespace

CustomerStore::CustomerStore(QSqlDatabase db) : m_db(std::move(db)) { }

Status CustomerStore::upsert(const Customer &customer)
{
    if (customer.id.isNull())
        return makeError(u"customer.invalid"_s,
                         QCoreApplication::translate("CustomerStore", "A customer without an id cannot be saved."));
    if (customer.reference.trimmed().isEmpty())
        return makeError(
            u"customer.invalid"_s,
            QCoreApplication::translate("CustomerStore", "A customer without a reference cannot be saved."));

    store::StoreSavepoint savepoint(m_db);
    if (Status opened = savepoint.open(); !opened)
        return opened;

    const Result<std::optional<qint64>> existing = rowOf(customer.id);
    if (!existing)
        return existing.error();
    const CustomerSearchKeys keys = customerSearchKeys(customer);
    {
        store::CustomerRecordWriter writer(m_db);
        if (existing->has_value()) {
            if (Status updated = writer.update(**existing, customer, keys); !updated)
                return updated;
        } else {
            QSqlQuery lastContact(m_db);
            lastContact.prepare(u"SELECT ifnull(max(started_at), '') FROM contact WHERE customer_id = ?"_s);
            lastContact.addBindValue(idText(customer.id));
            if (!lastContact.exec() || !lastContact.next())
                return store::queryError(
                    lastContact,
                    QCoreApplication::translate("CustomerStore", "Could not save customer %1").arg(customer.reference));
            const Result<qint64> row = writer.insert(customer, keys, lastContact.value(0).toString());
            if (!row)
                return row.error();
        }
    }
    return savepoint.release();
}

Result<bool> CustomerStore::remove(const QUuid &id)
{
    store::StoreSavepoint savepoint(m_db);
    if (Status opened = savepoint.open(); !opened)
        return opened.error();
    const Result<std::optional<qint64>> row = rowOf(id);
    if (!row)
        return row.error();
    if (!row->has_value()) {
        if (Status released = savepoint.release(); !released)
            return released.error();
        return false;
    }
    // The FTS table has no foreign key to cascade through.
    for (const QString &sql :
         { u"DELETE FROM customer_fts WHERE docid = ?"_s, u"DELETE FROM customer WHERE row = ?"_s }) {
        QSqlQuery query(m_db);
        query.prepare(sql);
        query.addBindValue(**row);
        if (!query.exec())
            return store::queryError(query,
                                     QCoreApplication::translate("CustomerStore", "Could not remove a customer"));
    }
    if (Status released = savepoint.release(); !released)
        return released.error();
    return true;
}

Result<std::optional<Customer>> CustomerStore::byId(const QUuid &id) const
{
    return select(u"id"_s, idText(id));
}

Result<std::optional<Customer>> CustomerStore::byReference(const QString &reference) const
{
    return select(u"reference"_s, reference);
}

Status CustomerStore::setLastContactAt(const QUuid &id, const QDateTime &at)
{
    if (!at.isValid())
        return {};
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE customer SET last_contact_at = ? WHERE id = ? AND last_contact_at < ?"_s);
    query.addBindValue(store::timeParam(at));
    query.addBindValue(idText(id));
    query.addBindValue(store::timeParam(at));
    if (!query.exec())
        return store::queryError(
            query, QCoreApplication::translate("CustomerStore", "Could not record a customer's last contact"));
    return {};
}

Result<QDateTime> CustomerStore::lastContactAt(const QUuid &id) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT last_contact_at FROM customer WHERE id = ?"_s);
    query.addBindValue(idText(id));
    if (!query.exec())
        return store::queryError(query, QCoreApplication::translate("CustomerStore", "Could not read a customer"));
    if (!query.next() || query.value(0).toString().isEmpty())
        return QDateTime();
    const QDateTime at = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
    if (!at.isValid())
        return store::badRowError(u"customer"_s, u"last_contact_at"_s);
    return at.toUTC();
}

Result<std::optional<qint64>> CustomerStore::rowOf(const QUuid &id) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT row FROM customer WHERE id = ?"_s);
    query.addBindValue(idText(id));
    if (!query.exec())
        return store::queryError(query, QCoreApplication::translate("CustomerStore", "Could not read a customer"));
    if (!query.next())
        return std::optional<qint64>();
    return std::optional<qint64>(query.value(0).toLongLong());
}

Result<std::optional<Customer>> CustomerStore::select(const QString &column, const QVariant &value) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT "_s + kReadColumns + u" FROM customer WHERE "_s + column + u" = ?"_s);
    query.addBindValue(value);
    if (!query.exec())
        return store::queryError(query, QCoreApplication::translate("CustomerStore", "Could not read a customer"));
    if (!query.next())
        return std::optional<Customer>();

    store::RowReader reader(query, u"customer"_s);
    const qint64 row = reader.integer(0);
    Customer c;
    c.id = reader.uuid(1);
    c.reference = reader.text(2);
    c.title = reader.text(3);
    c.givenName = reader.text(4);
    c.familyName = reader.text(5);
    c.preferredName = reader.text(6);
    c.address.line1 = reader.text(8);
    c.address.line2 = reader.text(9);
    c.address.town = reader.text(10);
    c.address.postcode = reader.text(11);
    c.address.uprn = reader.text(12);
    c.preferredLanguage = reader.text(13);
    c.preferredChannel = reader.key(14, channelFromKey, Channel::Phone);
    c.accessNeeds.interpreterLanguage = reader.text(16);
    c.accessNeeds.signLanguage = reader.text(17);
    c.consents.email = reader.integer(18) != 0;
    c.consents.sms = reader.integer(19) != 0;
    c.consents.post = reader.integer(20) != 0;
    c.revision = reader.integer(21);
    c.createdAt = reader.time(22);
    c.updatedAt = reader.time(23);
    if (!reader.ok())
        return reader.error();

    const std::optional<QDate> dateOfBirth = storedDate(query, 7);
    if (!dateOfBirth)
        return store::badRowError(u"customer"_s, u"date_of_birth"_s);
    c.dateOfBirth = *dateOfBirth;
    for (const QString &key : query.value(15).toString().split(u',', Qt::SkipEmptyParts)) {
        const std::optional<AccessNeed> need = accessNeedFromKey(key);
        if (!need)
            return store::badRowError(u"customer"_s, u"access_needs"_s);
        c.accessNeeds.needs |= *need;
    }
    query.finish();

    Result<QStringList> phones
        = readTexts(m_db, u"SELECT phone FROM customer_phone WHERE customer_row = ? ORDER BY position"_s, row);
    if (!phones)
        return phones.error();
    Result<QStringList> emails
        = readTexts(m_db, u"SELECT email FROM customer_email WHERE customer_row = ? ORDER BY position"_s, row);
    if (!emails)
        return emails.error();
    Result<QList<CustomerFlag>> flags = readFlags(m_db, row);
    if (!flags)
        return flags.error();
    c.phones = std::move(phones).value();
    c.emails = std::move(emails).value();
    c.flags = std::move(flags).value();
    return std::optional<Customer>(std::move(c));
}

} // namespace fc
