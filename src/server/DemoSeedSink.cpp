#include "server/DemoSeedSink.h"

#include "server/DomainRows.h"

#include <QCoreApplication>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace fc::server {

struct DemoSeedSink::Table {
    QString name;
    QStringList columns;
    QList<QVariantList> rows;
    std::optional<QSqlQuery> fullBatch; // prepared once for rowsPerStatement rows

    QString insertSql(qsizetype rowCount) const
    {
        return DomainRows::insertSql(name, columns, rowCount) + u" ON CONFLICT DO NOTHING"_s;
    }
};

DemoSeedSink::DemoSeedSink(ServerDatabase &database, int rowsPerStatement, qint64 rowsPerTransaction)
    : m_db(database),
      m_rowsPerStatement(rowsPerStatement > 0 ? rowsPerStatement : database.dialect() == SqlDialect::PostgreSql ? 250 : 1),
      m_rowsPerTransaction(qMax<qint64>(1, rowsPerTransaction)),
      m_customers(new Table { u"customers"_s, DomainRows::customerColumns(), {}, {} }),
      m_contacts(new Table { u"contacts"_s, DomainRows::contactColumns(), {}, {} }),
      m_cases(new Table { u"cases"_s, DomainRows::caseColumns(), {}, {} }),
      m_links(new Table { u"contact_cases"_s, DomainRows::contactCaseColumns(), {}, {} })
{
}

DemoSeedSink::~DemoSeedSink()
{
    if (m_inTransaction)
        m_db.rollback();
}

Status DemoSeedSink::begin()
{
    if (Status begun = m_db.begin(); !begun)
        return begun;
    m_inTransaction = true;
    return {};
}

void DemoSeedSink::onCustomer(const Customer &customer)
{
    // A customer boundary: everything buffered so far references only rows buffered with it or before.
    flushIfFull();
    m_customers->rows.append(DomainRows::customerRow(customer));
    ++m_buffered;
}

void DemoSeedSink::onContact(const Contact &contact)
{
    m_contacts->rows.append(DomainRows::contactRow(contact));
    const QList<QVariantList> links = DomainRows::contactCaseRows(contact);
    m_links->rows.append(links);
    m_buffered += 1 + links.size();
}

void DemoSeedSink::onCase(const Case &serviceCase)
{
    m_cases->rows.append(DomainRows::caseRow(serviceCase));
    ++m_buffered;
}

Status DemoSeedSink::status() const
{
    if (m_error)
        return *m_error;
    return {};
}

void DemoSeedSink::flushIfFull()
{
    if (m_error || m_buffered < qMax<qint64>(1000, qint64(m_rowsPerStatement) * 4))
        return;
    if (Status flushed = flushAll(); !flushed) {
        m_error = flushed.error();
        return;
    }
    if (m_sinceCommit >= m_rowsPerTransaction) {
        Status committed = m_db.commit();
        m_inTransaction = false;
        if (committed)
            committed = begin();
        if (!committed)
            m_error = committed.error();
        m_sinceCommit = 0;
    }
}

Status DemoSeedSink::flushAll()
{
    // Parents before children: customers, then contacts (a case names its raising contact), cases, links.
    for (Table *table : { m_customers.get(), m_contacts.get(), m_cases.get(), m_links.get() }) {
        if (Status flushed = flush(*table); !flushed)
            return flushed;
    }
    m_sinceCommit += m_buffered;
    m_buffered = 0;
    return {};
}

Status DemoSeedSink::flush(Table &table)
{
    const auto failed = [&table](const QSqlQuery &query) {
        return makeError(u"db.query_failed"_s,
                         QCoreApplication::translate("fc::server::DemoSeedSink", "Writing %1 failed: %2")
                             .arg(table.name, query.lastError().text()));
    };
    qsizetype done = 0;
    while (done < table.rows.size()) {
        const qsizetype count = qMin<qsizetype>(m_rowsPerStatement, table.rows.size() - done);
        QSqlQuery tail(m_db.database());
        QSqlQuery *query = &tail;
        if (count == m_rowsPerStatement) {
            if (!table.fullBatch) {
                table.fullBatch.emplace(m_db.database());
                if (!table.fullBatch->prepare(table.insertSql(count))) {
                    const Error error = failed(*table.fullBatch);
                    table.fullBatch.reset();
                    return error;
                }
            }
            query = &*table.fullBatch;
        } else if (!tail.prepare(table.insertSql(count))) {
            return failed(tail);
        }
        int index = 0;
        for (qsizetype row = done; row < done + count; ++row) {
            for (const QVariant &value : table.rows.at(row))
                query->bindValue(index++, value);
        }
        if (!query->exec())
            return failed(*query);
        m_rowsWritten += count;
        done += count;
    }
    table.rows.clear();
    return {};
}

Status DemoSeedSink::finish()
{
    if (m_error)
        return *m_error;
    if (Status flushed = flushAll(); !flushed)
        return flushed;
    for (Table *table : { m_customers.get(), m_contacts.get(), m_cases.get(), m_links.get() })
        table->fullBatch.reset(); // a prepared statement left open would hold SQLite's write lock
    Status committed = m_db.commit();
    m_inTransaction = false;
    return committed;
}

} // namespace fc::server
