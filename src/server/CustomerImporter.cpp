#include "server/CustomerImporter.h"

#include "server/DomainRows.h"
#include "server/ReferenceLock.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

// Serialises imports on one PostgreSQL database ("FCIMPC"), so two never hand out one reference.
constexpr qint64 kImportLockKey = kCustomerReferenceLockKey;
constexpr qint64 kFirstReference = 1'000'001;
constexpr qint64 kLastReference = 9'999'999;
// Ids per SELECT ... IN (...): few round trips, and far below either back end's parameter limit.
constexpr qsizetype kIdsPerLookup = 500;

// Which customers columns each field of the file decides. The access needs travel together: a file
// that names one of their columns decides all three, so they cannot contradict each other.
QStringList columnsFor(CustomerCsvField field)
{
    switch (field) {
    case CustomerCsvField::LegacyId:
        return {};
    case CustomerCsvField::Title:
        return { u"title"_s };
    case CustomerCsvField::GivenName:
        return { u"given_name"_s };
    case CustomerCsvField::FamilyName:
        return { u"family_name"_s };
    case CustomerCsvField::PreferredName:
        return { u"preferred_name"_s };
    case CustomerCsvField::DateOfBirth:
        return { u"date_of_birth"_s };
    case CustomerCsvField::Phones:
        return { u"phones"_s };
    case CustomerCsvField::Emails:
        return { u"emails"_s };
    case CustomerCsvField::AddressLine1:
        return { u"address_line1"_s };
    case CustomerCsvField::AddressLine2:
        return { u"address_line2"_s };
    case CustomerCsvField::Town:
        return { u"town"_s };
    case CustomerCsvField::Postcode:
        return { u"postcode"_s };
    case CustomerCsvField::Uprn:
        return { u"uprn"_s };
    case CustomerCsvField::PreferredLanguage:
        return { u"preferred_language"_s };
    case CustomerCsvField::AccessNeeds:
    case CustomerCsvField::InterpreterLanguage:
    case CustomerCsvField::SignLanguage:
        return { u"access_needs"_s, u"interpreter_language"_s, u"sign_language"_s };
    }
    return {};
}

// A stored or new value as text, the same for either back end: PostgreSQL gives dates as QDate.
QString comparable(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDate>())
        return value.toDate().toString(Qt::ISODate);
    return value.toString();
}

QString grouped(qint64 number)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(number);
}

QString referenceText(qint64 number)
{
    return u"C%1"_s.arg(number, 7, 10, QChar(u'0'));
}

// Keeps a transaction from outliving an early return.
class TransactionGuard {
public:
    explicit TransactionGuard(ServerDatabase &db) : m_db(db) { }
    ~TransactionGuard()
    {
        if (m_open)
            m_db.rollback();
    }
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;
    Status begin()
    {
        Status begun = m_db.begin();
        m_open = begun.ok();
        return begun;
    }
    Status finish(bool keep)
    {
        m_open = false;
        if (keep)
            return m_db.commit();
        m_db.rollback();
        return {};
    }

private:
    ServerDatabase &m_db;
    bool m_open = false;
};

} // namespace

CustomerImporter::CustomerImporter(ServerDatabase &database, CustomerImportOptions options)
    : m_db(database), m_options(std::move(options))
{
    m_options.rowsPerTransaction = qMax<qint64>(1, m_options.rowsPerTransaction);
    if (!m_options.now.isValid())
        m_options.now = QDateTime::currentDateTimeUtc();
    if (!m_options.today.isValid())
        m_options.today = QDate::currentDate();
}

void CustomerImporter::chooseColumns(const CustomerCsvReader &reader)
{
    const QStringList all = DomainRows::customerColumns();
    QStringList names;
    for (CustomerCsvField field : reader.fields()) {
        for (const QString &column : columnsFor(field)) {
            if (!names.contains(column))
                names.append(column);
        }
    }
    m_columns.clear();
    for (const QString &name : names)
        m_columns.append({ name, all.indexOf(name) });
}

Status CustomerImporter::run(QIODevice *input, CustomerImportReport &report)
{
    m_counts = {};
    CustomerCsvReader reader(input, m_options.today);
    if (Status header = reader.readHeader(); !header)
        return header;
    m_unknownColumns = reader.unknownColumns();
    chooseColumns(reader);

    QList<CustomerCsvRow> batch;
    qint64 number = 0;
    while (std::optional<CustomerCsvRow> row = reader.next()) {
        ++m_counts.read;
        if (row->rejected()) {
            ++m_counts.rejected;
            QStringList codes;
            for (const Error &problem : row->problems) {
                if (!codes.contains(problem.code)) {
                    codes.append(problem.code);
                    ++m_counts.rejectedByCode[problem.code];
                }
            }
            report.add(*row);
            continue;
        }
        batch.append(std::move(*row));
        if (batch.size() >= m_options.rowsPerTransaction) {
            if (Status loaded = load(batch, ++number); !loaded)
                return loaded;
            batch.clear();
        }
    }
    if (Status read = reader.status(); !read)
        return read; // the rows of the unfinished batch are not loaded: the file is not what it claims
    if (!batch.isEmpty())
        return load(batch, ++number);
    return {};
}

Status CustomerImporter::load(QList<CustomerCsvRow> &rows, qint64 number)
{
    CustomerImportCounts counts;
    const Status written = [&]() -> Status {
        TransactionGuard transaction(m_db);
        if (Status begun = transaction.begin(); !begun)
            return begun;
        if (m_db.dialect() == SqlDialect::PostgreSql) {
            if (Result<QSqlQuery> locked = m_db.run(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kImportLockKey)); !locked)
                return locked.error();
        }
        if (Status done = writeBatch(rows, counts); !done)
            return done;
        if (number == m_failTransaction) {
            if (Result<QSqlQuery> failed = m_db.run(u"SELECT no_such_column FROM customers"_s); !failed)
                return failed.error();
        }
        return transaction.finish(!m_options.dryRun);
    }();
    if (!written) {
        // References handed out in the failed transaction were never stored; read them again next time.
        m_nextReference = 0;
        const qint64 loaded = m_counts.added + m_counts.updated + m_counts.unchanged;
        return makeError(u"import.batch_failed"_s,
                         QCoreApplication::translate("fc::server::CustomerImporter",
                                                     "Transaction %1 (the rows on lines %2 to %3) failed and was "
                                                     "rolled back; the %4 accepted rows before line %2 are loaded. "
                                                     "Run the import again to carry on: rows already loaded come "
                                                     "out unchanged. %5")
                             .arg(number)
                             .arg(rows.constFirst().line)
                             .arg(rows.constLast().line)
                             .arg(grouped(loaded), written.error().message));
    }
    m_counts.added += counts.added;
    m_counts.updated += counts.updated;
    m_counts.unchanged += counts.unchanged;
    ++m_counts.batches;
    return {};
}

Result<QHash<QString, QStringList>> CustomerImporter::storedValues(const QList<CustomerCsvRow> &rows) const
{
    QStringList select { u"id"_s };
    for (const Column &column : m_columns)
        select.append(column.name);
    QHash<QString, QStringList> stored;
    for (qsizetype from = 0; from < rows.size(); from += kIdsPerLookup) {
        const qsizetype count = qMin(kIdsPerLookup, rows.size() - from);
        QVariantList ids;
        for (qsizetype i = from; i < from + count; ++i)
            ids.append(ServerDatabase::uuidValue(rows.at(i).customer.id));
        Result<QSqlQuery> query = m_db.run(u"SELECT %1 FROM customers WHERE id IN (%2)"_s.arg(
                                               select.join(u", "_s), DomainRows::placeholders(count)),
                                           ids);
        if (!query)
            return query.error();
        while (query.value().next()) {
            QStringList values;
            for (qsizetype i = 0; i < m_columns.size(); ++i)
                values.append(comparable(query.value().value(int(i + 1))));
            stored.insert(ServerDatabase::readUuid(query.value().value(0)).toString(QUuid::WithoutBraces), values);
        }
    }
    return stored;
}

Result<qint64> CustomerImporter::nextReferenceNumber() const
{
    // References are "C" and seven digits, so the highest is also the last in text order, which the
    // unique index on reference finds without reading the table.
    const QString pattern = m_db.dialect() == SqlDialect::PostgreSql
        ? u"reference ~ '^C[0-9]{7}$'"_s
        : u"reference GLOB 'C[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"_s;
    Result<QVariant> highest
        = m_db.scalar(u"SELECT reference FROM customers WHERE %1 ORDER BY reference DESC LIMIT 1"_s.arg(pattern));
    if (!highest)
        return highest.error();
    if (!highest.value().isValid() || highest.value().isNull())
        return kFirstReference;
    return qMax(kFirstReference, highest.value().toString().mid(1).toLongLong() + 1);
}

Status CustomerImporter::writeBatch(QList<CustomerCsvRow> &rows, CustomerImportCounts &counts)
{
    Result<QHash<QString, QStringList>> stored = storedValues(rows);
    if (!stored)
        return stored.error();
    // Another writer may have taken references since the last transaction: start above both.
    Result<qint64> next = nextReferenceNumber();
    if (!next)
        return next.error();
    m_nextReference = qMax(m_nextReference, next.value());

    QList<QVariantList> inserts;
    QList<QVariantList> updates; // the owned columns' values, then updated_at and id
    for (CustomerCsvRow &row : rows) {
        Customer &customer = row.customer;
        customer.createdAt = m_options.now;
        customer.updatedAt = m_options.now;
        const QString id = customer.id.toString(QUuid::WithoutBraces);
        const auto found = stored.value().constFind(id);
        if (found == stored.value().cend()) {
            if (m_nextReference > kLastReference)
                return makeError(u"import.references_exhausted"_s,
                                 QCoreApplication::translate("fc::server::CustomerImporter",
                                                             "Every customer reference up to %1 is taken.")
                                     .arg(referenceText(kLastReference)));
            customer.reference = referenceText(m_nextReference++);
            inserts.append(DomainRows::customerRow(customer));
            ++counts.added;
            continue;
        }
        const QVariantList values = DomainRows::customerRow(customer);
        QVariantList changed;
        bool same = true;
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            const QVariant &value = values.at(m_columns.at(i).rowIndex);
            same = same && comparable(value) == found->at(i);
            changed.append(value);
        }
        if (same) {
            ++counts.unchanged;
            continue;
        }
        changed << ServerDatabase::timestampValue(m_options.now) << id;
        updates.append(changed);
        ++counts.updated;
    }

    const auto failed = [](const QString &what, const QSqlQuery &query) {
        return makeError(u"db.query_failed"_s,
                         QCoreApplication::translate("fc::server::CustomerImporter", "%1 failed: %2")
                             .arg(what, query.lastError().text()));
    };
    if (!inserts.isEmpty()) {
        // PostgreSQL: many rows per statement, to save round trips. SQLite: one, because QSQLITE looks up
        // each parameter by name on every execution (see DemoSeedSink).
        const QStringList columns = DomainRows::customerColumns();
        const qsizetype perStatement = m_db.dialect() == SqlDialect::PostgreSql ? 250 : 1;
        const auto insertSql = [&](qsizetype count) { return DomainRows::insertSql(u"customers"_s, columns, count); };
        QSqlQuery full(m_db.database());
        if (inserts.size() >= perStatement && !full.prepare(insertSql(perStatement)))
            return failed(u"Inserting customers"_s, full);
        for (qsizetype from = 0; from < inserts.size(); from += perStatement) {
            const qsizetype count = qMin(perStatement, inserts.size() - from);
            QSqlQuery tail(m_db.database());
            QSqlQuery *query = &full;
            if (count != perStatement) {
                if (!tail.prepare(insertSql(count)))
                    return failed(u"Inserting customers"_s, tail);
                query = &tail;
            }
            int index = 0;
            for (qsizetype i = from; i < from + count; ++i) {
                for (const QVariant &value : inserts.at(i))
                    query->bindValue(index++, value);
            }
            if (!query->exec())
                return failed(u"Inserting customers"_s, *query);
        }
    }
    if (!updates.isEmpty()) {
        QStringList assignments;
        for (const Column &column : m_columns)
            assignments.append(column.name + u" = ?"_s);
        QSqlQuery update(m_db.database());
        if (!update.prepare(u"UPDATE customers SET %1, revision = revision + 1, updated_at = ? WHERE id = ?"_s.arg(
                assignments.join(u", "_s))))
            return failed(u"Updating customers"_s, update);
        for (const QVariantList &values : std::as_const(updates)) {
            for (qsizetype i = 0; i < values.size(); ++i)
                update.bindValue(int(i), values.at(i));
            if (!update.exec())
                return failed(u"Updating customers"_s, update);
        }
    }
    return {};
}

} // namespace fc::server
