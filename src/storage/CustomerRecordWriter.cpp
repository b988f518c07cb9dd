#include "storage/CustomerRecordWriter.h"

#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace fc::store {

namespace {

// Every stored field of a customer but last_contact_at, in bindFields() order.
constexpr auto kFieldColumns = "id, reference, title, given_name, family_name, preferred_name, family_fold, "
                               "date_of_birth, address_line1, address_line2, town, postcode, postcode_key, "
                               "outward_code, uprn, preferred_language, preferred_channel, access_needs, "
                               "interpreter_language, sign_language, consent_email, consent_sms, consent_post, "
                               "revision, created_at, updated_at"_L1;
constexpr int kFieldCount = 26;

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
    Q_ASSERT(QString(kFieldColumns).count(u',') + 1 == kFieldCount);
    // Compiled once per connection: RawStatement borrows them from the driver's statement cache.
    static const QList<std::pair<RawStatement CustomerRecordWriter::*, QByteArray>> statements = {
        { &CustomerRecordWriter::m_insert,
          (u"INSERT INTO customer ("_s + kFieldColumns + u", last_contact_at) VALUES ("_s
           + placeholders(kFieldCount + 1) + u')')
              .toUtf8() },
        { &CustomerRecordWriter::m_update, (u"UPDATE customer SET "_s + assignments() + u" WHERE row = ?"_s).toUtf8() },
        { &CustomerRecordWriter::m_deletePhones, "DELETE FROM customer_phone WHERE customer_row = ?" },
        { &CustomerRecordWriter::m_deleteEmails, "DELETE FROM customer_email WHERE customer_row = ?" },
        { &CustomerRecordWriter::m_deleteFlags, "DELETE FROM customer_flag WHERE customer_row = ?" },
        { &CustomerRecordWriter::m_insertPhone,
          "INSERT INTO customer_phone (customer_row, position, phone, reversed_digits) VALUES (?, ?, ?, ?)" },
        { &CustomerRecordWriter::m_insertEmail,
          "INSERT INTO customer_email (customer_row, position, email, email_key) VALUES (?, ?, ?, ?)" },
        { &CustomerRecordWriter::m_insertFlag,
          "INSERT INTO customer_flag (customer_row, position, category, note, raised_on, review_by) "
          "VALUES (?, ?, ?, ?, ?, ?)" },
        { &CustomerRecordWriter::m_deleteFts, "DELETE FROM customer_fts WHERE docid = ?" },
        { &CustomerRecordWriter::m_insertFts, "INSERT INTO customer_fts (docid, names, address) VALUES (?, ?, ?)" },
    };
    for (const auto &[member, sql] : statements) {
        if (Status prepared = (this->*member).prepare(sql); !prepared)
            return makeError(prepared.error().code,
                             QCoreApplication::translate("CustomerStore", "Could not prepare to save customers")
                                 + u": "_s + prepared.error().message);
    }
    m_prepared = true;
    return {};
}

void CustomerRecordWriter::bindFields(RawStatement &q, const Customer &c, const CustomerSearchKeys &keys)
{
    q.bindUuid(1, c.id);
    q.bindText(2, c.reference);
    q.bindText(3, c.title);
    q.bindText(4, c.givenName);
    q.bindText(5, c.familyName);
    q.bindText(6, c.preferredName);
    q.bindText(7, keys.familyFold);
    q.bindDate(8, c.dateOfBirth);
    q.bindText(9, c.address.line1);
    q.bindText(10, c.address.line2);
    q.bindText(11, c.address.town);
    q.bindText(12, c.address.postcode);
    q.bindText(13, keys.postcodeKey);
    q.bindText(14, keys.outwardCode);
    q.bindText(15, c.address.uprn);
    q.bindText(16, c.preferredLanguage);
    q.bindText(17, channelKey(c.preferredChannel));
    q.bindText(18, accessNeedKeys(c.accessNeeds).join(u','));
    q.bindText(19, c.accessNeeds.interpreterLanguage);
    q.bindText(20, c.accessNeeds.signLanguage);
    q.bindInteger(21, c.consents.email ? 1 : 0);
    q.bindInteger(22, c.consents.sms ? 1 : 0);
    q.bindInteger(23, c.consents.post ? 1 : 0);
    q.bindInteger(24, c.revision);
    q.bindTime(25, c.createdAt);
    q.bindTime(26, c.updatedAt);
}

Error CustomerRecordWriter::failure(const RawStatement &statement, const Customer &customer, const Error &error) const
{
    if (statement.failedOnUnique()) {
        // SQLite names the column: "UNIQUE constraint failed: customer.reference".
        if (error.message.contains(u"customer.id"_s))
            return makeError(u"customer.duplicate_id"_s,
                             QCoreApplication::translate("CustomerStore", "Customer %1 is already in the cache.")
                                 .arg(customer.reference));
        return makeError(u"customer.duplicate_reference"_s,
                         QCoreApplication::translate("CustomerStore", "Another customer already has the reference %1.")
                             .arg(customer.reference));
    }
    return error;
}

Result<qint64> CustomerRecordWriter::insert(const Customer &customer, const CustomerSearchKeys &keys,
                                            const QString &lastContactAt)
{
    if (Status prepared = prepareAll(); !prepared)
        return prepared.error();
    bindFields(m_insert, customer, keys);
    m_insert.bindText(kFieldCount + 1, lastContactAt);
    const QString what = QCoreApplication::translate("CustomerStore", "Could not save customer %1").arg(customer.reference);
    if (Status inserted = m_insert.run(what); !inserted)
        return failure(m_insert, customer, inserted.error());
    const qint64 row = m_insert.lastInsertRowId();
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
    bindFields(m_update, customer, keys);
    m_update.bindInteger(kFieldCount + 1, row);
    const QString what = QCoreApplication::translate("CustomerStore", "Could not save customer %1").arg(customer.reference);
    if (Status updated = m_update.run(what); !updated)
        return failure(m_update, customer, updated.error());
    for (RawStatement *erase : { &m_deletePhones, &m_deleteEmails, &m_deleteFlags, &m_deleteFts }) {
        erase->bindInteger(1, row);
        if (Status erased = erase->run(what); !erased)
            return erased;
    }
    if (Status children = writeChildren(row, customer, keys); !children)
        return children;
    return writeFts(row, keys);
}

Status CustomerRecordWriter::writeChildren(qint64 row, const Customer &customer, const CustomerSearchKeys &keys)
{
    const auto what = [&customer] {
        return QCoreApplication::translate("CustomerStore", "Could not save customer %1").arg(customer.reference);
    };
    for (qsizetype i = 0; i < customer.phones.size(); ++i) {
        m_insertPhone.bindInteger(1, row);
        m_insertPhone.bindInteger(2, i);
        m_insertPhone.bindText(3, customer.phones.at(i));
        m_insertPhone.bindText(4, keys.phoneDigits.value(i));
        if (Status saved = m_insertPhone.run(what()); !saved)
            return failure(m_insertPhone, customer, saved.error());
    }
    for (qsizetype i = 0; i < customer.emails.size(); ++i) {
        m_insertEmail.bindInteger(1, row);
        m_insertEmail.bindInteger(2, i);
        m_insertEmail.bindText(3, customer.emails.at(i));
        m_insertEmail.bindText(4, keys.emailKeys.value(i));
        if (Status saved = m_insertEmail.run(what()); !saved)
            return failure(m_insertEmail, customer, saved.error());
    }
    for (qsizetype i = 0; i < customer.flags.size(); ++i) {
        const CustomerFlag &flag = customer.flags.at(i);
        m_insertFlag.bindInteger(1, row);
        m_insertFlag.bindInteger(2, i);
        m_insertFlag.bindText(3, flagCategoryKey(flag.category));
        m_insertFlag.bindText(4, flag.note);
        m_insertFlag.bindDate(5, flag.raisedOn);
        m_insertFlag.bindDate(6, flag.reviewBy);
        if (Status saved = m_insertFlag.run(what()); !saved)
            return failure(m_insertFlag, customer, saved.error());
    }
    return {};
}

Status CustomerRecordWriter::writeFts(qint64 row, const CustomerSearchKeys &keys)
{
    m_insertFts.bindInteger(1, row);
    m_insertFts.bindText(2, keys.ftsNames);
    m_insertFts.bindText(3, keys.ftsAddress);
    return m_insertFts.run(QCoreApplication::translate("CustomerStore", "Could not index a customer for search"));
}

} // namespace fc::store
