#include "storage/CustomerRecordWriter.h"

#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fc::store {

namespace {

// Every stored field of a customer but last_contact_at, in fieldParams() order.
constexpr auto kFieldColumns = "id, reference, title, given_name, family_name, preferred_name, family_fold, "
                               "date_of_birth, address_line1, address_line2, town, postcode, postcode_key, "
                               "outward_code, uprn, preferred_language, preferred_channel, access_needs, "
                               "interpreter_language, sign_language, consent_email, consent_sms, consent_post, "
                               "revision, created_at, updated_at"_L1;

QVariantList fieldParams(const Customer &c, const CustomerSearchKeys &keys)
{
    return {
        c.id.toString(QUuid::WithoutBraces),
        c.reference,
        textParam(c.title),
        textParam(c.givenName),
        textParam(c.familyName),
        textParam(c.preferredName),
        textParam(keys.familyFold),
        c.dateOfBirth.isValid() ? QVariant(c.dateOfBirth) : QVariant(),
        textParam(c.address.line1),
        textParam(c.address.line2),
        textParam(c.address.town),
        textParam(c.address.postcode),
        textParam(keys.postcodeKey),
        textParam(keys.outwardCode),
        textParam(c.address.uprn),
        textParam(c.preferredLanguage),
        channelKey(c.preferredChannel),
        textParam(accessNeedKeys(c.accessNeeds).join(u',')),
        textParam(c.accessNeeds.interpreterLanguage),
        textParam(c.accessNeeds.signLanguage),
        c.consents.email ? 1 : 0,
        c.consents.sms ? 1 : 0,
        c.consents.post ? 1 : 0,
        c.revision,
        timeParam(c.createdAt),
        timeParam(c.updatedAt),
    };
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(u"?"_s);
    return marks.join(u", "_s);
}

QString assignments()
{
    QStringList set;
    for (const QString &column : QString(kFieldColumns).split(u", "_s))
        set.append(column + u" = ?"_s);
    return set.join(u", "_s);
}

bool run(QSqlQuery &query, const QVariantList &params)
{
    for (qsizetype i = 0; i < params.size(); ++i)
        query.bindValue(int(i), params.at(i));
    return query.exec();
}

} // namespace

CustomerRecordWriter::CustomerRecordWriter(QSqlDatabase db)
    : m_db(db),
      m_insert(db),
      m_update(db),
      m_deletePhones(db),
      m_deleteEmails(db),
      m_deleteFlags(db),
      m_insertPhone(db),
      m_insertEmail(db),
      m_insertFlag(db),
      m_deleteFts(db),
      m_insertFts(db)
{
}

Status CustomerRecordWriter::prepareAll()
{
    if (m_prepared)
        return {};
    const qsizetype fieldCount = QString(kFieldColumns).count(u',') + 1;
    const QList<std::pair<QSqlQuery *, QString>> statements = {
        { &m_insert,
          u"INSERT INTO customer ("_s + kFieldColumns + u", last_contact_at) VALUES ("_s + placeholders(fieldCount + 1)
              + u')' },
        { &m_update, u"UPDATE customer SET "_s + assignments() + u" WHERE row = ?"_s },
        { &m_deletePhones, u"DELETE FROM customer_phone WHERE customer_row = ?"_s },
        { &m_deleteEmails, u"DELETE FROM customer_email WHERE customer_row = ?"_s },
        { &m_deleteFlags, u"DELETE FROM customer_flag WHERE customer_row = ?"_s },
        { &m_insertPhone,
          u"INSERT INTO customer_phone (customer_row, position, phone, reversed_digits) "
          "VALUES (?, ?, ?, ?)"_s },
        { &m_insertEmail,
          u"INSERT INTO customer_email (customer_row, position, email, email_key) "
          "VALUES (?, ?, ?, ?)"_s },
        { &m_insertFlag,
          u"INSERT INTO customer_flag (customer_row, position, category, note, raised_on, review_by) "
          "VALUES (?, ?, ?, ?, ?, ?)"_s },
        { &m_deleteFts, u"DELETE FROM customer_fts WHERE docid = ?"_s },
        { &m_insertFts, u"INSERT INTO customer_fts (docid, names, address) VALUES (?, ?, ?)"_s },
    };
    for (const auto &[query, sql] : statements) {
        if (!query->prepare(sql))
            return queryError(*query,
                              QCoreApplication::translate("CustomerStore", "Could not prepare to save customers"));
    }
    m_prepared = true;
    return {};
}

Error CustomerRecordWriter::failure(const QSqlQuery &query, const Customer &customer) const
{
    if (isUniqueViolation(query)) {
        // SQLite names the column: "UNIQUE constraint failed: customer.reference".
        if (query.lastError().databaseText().contains(u"customer.id"_s))
            return makeError(u"customer.duplicate_id"_s,
                             QCoreApplication::translate("CustomerStore", "Customer %1 is already in the cache.")
                                 .arg(customer.reference));
        return makeError(u"customer.duplicate_reference"_s,
                         QCoreApplication::translate("CustomerStore", "Another customer already has the reference %1.")
                             .arg(customer.reference));
    }
    return queryError(
        query, QCoreApplication::translate("CustomerStore", "Could not save customer %1").arg(customer.reference));
}

Result<qint64> CustomerRecordWriter::insert(const Customer &customer, const CustomerSearchKeys &keys,
                                            const QString &lastContactAt)
{
    if (Status prepared = prepareAll(); !prepared)
        return prepared.error();
    QVariantList params = fieldParams(customer, keys);
    params.append(textParam(lastContactAt));
    if (!run(m_insert, params))
        return failure(m_insert, customer);
    const qint64 row = m_insert.lastInsertId().toLongLong();
    if (Status children = writeChildren(row, customer, keys); !children)
        return children.error();
    if (Status fts = writeFts(row, keys); !fts)
        return fts.error();
    return row;
}

Status CustomerRecordWriter::update(qint64 row, const Customer &customer, const CustomerSearchKeys &keys)
{
    if (Status prepared = prepareAll(); !prepared)
        return prepared;
    QVariantList params = fieldParams(customer, keys);
    params.append(row);
    if (!run(m_update, params))
        return failure(m_update, customer);
    for (QSqlQuery *erase : { &m_deletePhones, &m_deleteEmails, &m_deleteFlags, &m_deleteFts }) {
        if (!run(*erase, { row }))
            return failure(*erase, customer);
    }
    if (Status children = writeChildren(row, customer, keys); !children)
        return children;
    return writeFts(row, keys);
}

Status CustomerRecordWriter::writeChildren(qint64 row, const Customer &customer, const CustomerSearchKeys &keys)
{
    for (qsizetype i = 0; i < customer.phones.size(); ++i) {
        if (!run(m_insertPhone, { row, i, textParam(customer.phones.at(i)), textParam(keys.phoneDigits.value(i)) }))
            return failure(m_insertPhone, customer);
    }
    for (qsizetype i = 0; i < customer.emails.size(); ++i) {
        if (!run(m_insertEmail, { row, i, textParam(customer.emails.at(i)), textParam(keys.emailKeys.value(i)) }))
            return failure(m_insertEmail, customer);
    }
    for (qsizetype i = 0; i < customer.flags.size(); ++i) {
        const CustomerFlag &flag = customer.flags.at(i);
        const QVariantList params = { row,
                                      i,
                                      flagCategoryKey(flag.category),
                                      textParam(flag.note),
                                      flag.raisedOn.isValid() ? QVariant(flag.raisedOn) : QVariant(),
                                      flag.reviewBy.isValid() ? QVariant(flag.reviewBy) : QVariant() };
        if (!run(m_insertFlag, params))
            return failure(m_insertFlag, customer);
    }
    return {};
}

Status CustomerRecordWriter::writeFts(qint64 row, const CustomerSearchKeys &keys)
{
    if (!run(m_insertFts, { row, textParam(keys.ftsNames), textParam(keys.ftsAddress) }))
        return queryError(m_insertFts,
                          QCoreApplication::translate("CustomerStore", "Could not index a customer for search"));
    return {};
}

} // namespace fc::store
