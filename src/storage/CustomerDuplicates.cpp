#include "storage/CustomerDuplicates.h"

#include "core/SearchText.h"
#include "storage/CustomerSearchKeys.h"
#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// "sian", "mary ann" -> "maryann": the same folding as the family_fold column, so "Siân" and "Sian" match.
QString foldedName(const QString &name)
{
    return foldForSearch(name).remove(u' ');
}

Error readError(const QSqlQuery &query)
{
    return store::queryError(
        query, QCoreApplication::translate("CustomerDuplicates", "Could not look for possible duplicates"));
}

// Name-and-date-of-birth first, then phone, then email: the order the reasons are declared in.
int strongestReason(DuplicateReasons reasons)
{
    for (DuplicateReason reason :
         { DuplicateReason::NameAndDateOfBirth, DuplicateReason::Phone, DuplicateReason::Email }) {
        if (reasons.testFlag(reason))
            return int(reason);
    }
    return 0xff;
}

} // namespace

QString duplicateReasonKey(DuplicateReason reason)
{
    switch (reason) {
    case DuplicateReason::NameAndDateOfBirth:
        return u"name_and_date_of_birth"_s;
    case DuplicateReason::Phone:
        return u"phone"_s;
    case DuplicateReason::Email:
        return u"email"_s;
    }
    return {};
}

QString duplicateReasonDisplayName(DuplicateReason reason)
{
    switch (reason) {
    case DuplicateReason::NameAndDateOfBirth:
        return QCoreApplication::translate("CustomerDuplicates", "Same name and date of birth");
    case DuplicateReason::Phone:
        return QCoreApplication::translate("CustomerDuplicates", "Same phone number");
    case DuplicateReason::Email:
        return QCoreApplication::translate("CustomerDuplicates", "Same email address");
    }
    return {};
}

QList<DuplicateReason> duplicateReasonList(DuplicateReasons reasons)
{
    QList<DuplicateReason> list;
    for (DuplicateReason reason :
         { DuplicateReason::NameAndDateOfBirth, DuplicateReason::Phone, DuplicateReason::Email }) {
        if (reasons.testFlag(reason))
            list.append(reason);
    }
    return list;
}

CustomerDuplicates::CustomerDuplicates(QSqlDatabase db) : m_db(std::move(db)) { }

QString CustomerDuplicates::lookupSql(DuplicateReason reason)
{
    // Every statement: its key, the customer's own id to leave out, and a row limit.
    switch (reason) {
    case DuplicateReason::NameAndDateOfBirth:
        return u"SELECT row, given_name FROM customer WHERE family_fold = ? AND date_of_birth = ? AND id <> ? "
               "LIMIT ?"_s;
    case DuplicateReason::Phone:
        return u"SELECT DISTINCT c.row FROM customer_phone p JOIN customer c ON c.row = p.customer_row "
               "WHERE p.reversed_digits = ? AND c.id <> ? LIMIT ?"_s;
    case DuplicateReason::Email:
        return u"SELECT DISTINCT c.row FROM customer_email e JOIN customer c ON c.row = e.customer_row "
               "WHERE e.email_key = ? AND c.id <> ? LIMIT ?"_s;
    }
    return {};
}

Result<QList<PossibleDuplicate>> CustomerDuplicates::find(const Customer &customer) const
{
    const CustomerSearchKeys keys = customerSearchKeys(customer);
    QHash<qint64, DuplicateReasons> found; // customer row -> why

    const QString given = foldedName(customer.givenName);
    if (customer.dateOfBirth.isValid() && !keys.familyFold.isEmpty() && !given.isEmpty()) {
        QSqlQuery query(m_db);
        query.prepare(lookupSql(DuplicateReason::NameAndDateOfBirth));
        query.addBindValue(keys.familyFold);
        query.addBindValue(QVariant(customer.dateOfBirth)); // bound as the writer binds it: ISO text
        query.addBindValue(idText(customer.id));
        // A family name and a birthday narrow a council to a handful; the given name is compared here.
        query.addBindValue(kMaximumPerKey * 20);
        if (!query.exec())
            return readError(query);
        while (query.next()) {
            if (foldedName(query.value(1).toString()) == given)
                found[query.value(0).toLongLong()] |= DuplicateReason::NameAndDateOfBirth;
        }
    }

    const auto lookUp = [&](DuplicateReason reason, const QStringList &values) -> Status {
        QStringList seen;
        for (const QString &value : values) {
            if (value.isEmpty() || seen.contains(value))
                continue;
            seen.append(value);
            QSqlQuery query(m_db);
            query.prepare(lookupSql(reason));
            query.addBindValue(value);
            query.addBindValue(idText(customer.id));
            query.addBindValue(kMaximumPerKey);
            if (!query.exec())
                return readError(query);
            while (query.next())
                found[query.value(0).toLongLong()] |= reason;
        }
        return {};
    };
    if (Status phones = lookUp(DuplicateReason::Phone, keys.phoneDigits); !phones)
        return phones.error();
    if (Status emails = lookUp(DuplicateReason::Email, keys.emailKeys); !emails)
        return emails.error();

    QList<PossibleDuplicate> duplicates;
    if (found.isEmpty())
        return duplicates;

    QStringList marks;
    QVariantList rows;
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        marks.append(u"?"_s);
        rows.append(it.key());
    }
    QSqlQuery details(m_db);
    details.prepare(u"SELECT row, id, reference, title, given_name, family_name, preferred_name, date_of_birth, "
                    "address_line1, postcode FROM customer WHERE row IN ("_s
                    + marks.join(u", "_s) + u')');
    for (const QVariant &row : std::as_const(rows))
        details.addBindValue(row);
    if (!details.exec())
        return readError(details);
    while (details.next()) {
        store::RowReader reader(details, u"customer"_s);
        const qint64 row = reader.integer(0);
        Customer other;
        other.id = reader.uuid(1);
        other.reference = reader.text(2);
        other.title = reader.text(3);
        other.givenName = reader.text(4);
        other.familyName = reader.text(5);
        other.preferredName = reader.text(6);
        if (!reader.ok())
            return reader.error();
        if (!details.isNull(7)) {
            other.dateOfBirth = QDate::fromString(details.value(7).toString(), Qt::ISODate);
            if (!other.dateOfBirth.isValid())
                return store::badRowError(u"customer"_s, u"date_of_birth"_s);
        }
        PossibleDuplicate duplicate;
        duplicate.id = other.id;
        duplicate.reference = other.reference;
        duplicate.displayName = other.displayName();
        duplicate.dateOfBirth = other.dateOfBirth;
        duplicate.addressLine = reader.text(8);
        duplicate.postcode = reader.text(9);
        duplicate.reasons = found.value(row);
        duplicates.append(duplicate);
    }

    std::sort(duplicates.begin(), duplicates.end(), [](const PossibleDuplicate &a, const PossibleDuplicate &b) {
        const int aCount = duplicateReasonList(a.reasons).size();
        const int bCount = duplicateReasonList(b.reasons).size();
        if (aCount != bCount)
            return aCount > bCount;
        if (strongestReason(a.reasons) != strongestReason(b.reasons))
            return strongestReason(a.reasons) < strongestReason(b.reasons);
        if (const int byName = QString::localeAwareCompare(a.displayName, b.displayName); byName != 0)
            return byName < 0;
        return a.reference < b.reference;
    });
    if (duplicates.size() > kMaximumResults)
        duplicates.resize(kMaximumResults);
    return duplicates;
}

} // namespace fc
