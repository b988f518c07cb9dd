#include "storage/CustomerSearch.h"

#include "core/Customer.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QtDebug>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// One customer found by one tier of the plan.
struct Candidate {
    qint64 row = 0;
    QString lastContact; // stored text; '' (never contacted) sorts last
    CustomerMatchKind kind = CustomerMatchKind::Name;
    int tier = 0;
};

// Most recent contact first, then the newer row, so every order is total and a cursor is exact.
bool ranksBefore(const Candidate &a, const Candidate &b)
{
    if (a.lastContact != b.lastContact)
        return a.lastContact > b.lastContact;
    return a.row > b.row;
}

bool comesAfter(const Candidate &c, const CustomerSearchCursor &cursor)
{
    return c.lastContact < cursor.lastContactAt || (c.lastContact == cursor.lastContactAt && c.row < cursor.row);
}

// An exact or partial key lookup: SQL giving (row, last_contact_at) of few customers.
struct KeyedSource {
    CustomerMatchKind kind;
    QString sql;
    QVariantList binds;
};

// One ranking tier. Keyed tiers are small and ranked in memory; an FTS or outward-code tier can hold
// a large share of the cache and is paged straight from an index in last-contact order.
struct Tier {
    enum class Shape { Keyed, Fts, Outward };
    Shape shape = Shape::Keyed;
    CustomerMatchKind kind = CustomerMatchKind::Name;
    QList<KeyedSource> keyed;
    QString value; // the MATCH expression, or the outward code
};

QString nextPrefix(const QString &prefix, QChar after)
{
    return prefix + after;
}

QList<Tier> planFor(const CustomerQuery &q)
{
    QList<Tier> plan;

    // Exact keys: one tier, so a reference and a phone that both hit are ranked by last contact.
    Tier exact;
    const auto add = [](Tier &tier, CustomerMatchKind kind, QString sql, QVariantList binds) {
        tier.keyed.append({kind, std::move(sql), std::move(binds)});
    };
    if (!q.references.isEmpty()) {
        QStringList marks(q.references.size(), u"?"_s);
        QVariantList binds(q.references.cbegin(), q.references.cend());
        add(exact, CustomerMatchKind::Reference,
            u"SELECT row, last_contact_at FROM customer WHERE reference IN ("_s + marks.join(u", "_s) + u')', binds);
    }
    if (!q.caseReferences.isEmpty()) {
        QStringList marks(q.caseReferences.size(), u"?"_s);
        QVariantList binds(q.caseReferences.cbegin(), q.caseReferences.cend());
        add(exact, CustomerMatchKind::CaseReference,
            u"SELECT c.row, c.last_contact_at FROM service_case s JOIN customer c ON c.id = s.customer_id "
            "WHERE s.reference IN ("_s + marks.join(u", "_s) + u')', binds);
    }
    if (!q.phoneDigits.isEmpty())
        add(exact, CustomerMatchKind::Phone,
            u"SELECT c.row, c.last_contact_at FROM customer_phone p JOIN customer c ON c.row = p.customer_row "
            "WHERE p.reversed_digits = ?"_s, {q.phoneDigits});
    if (!q.email.isEmpty())
        add(exact, CustomerMatchKind::Email,
            u"SELECT c.row, c.last_contact_at FROM customer_email e JOIN customer c ON c.row = e.customer_row "
            "WHERE e.email_key = ?"_s, {q.email});
    if (!q.uprn.isEmpty())
        add(exact, CustomerMatchKind::Uprn, u"SELECT row, last_contact_at FROM customer WHERE uprn = ?"_s, {q.uprn});
    if (!exact.keyed.isEmpty())
        plan.append(exact);

    if (!q.words.isEmpty() && !q.wordsPostcode.isEmpty()) {
        Tier withPostcode;
        withPostcode.shape = Tier::Shape::Fts;
        withPostcode.kind = q.wordsAreAddress ? CustomerMatchKind::AddressAndPostcode : CustomerMatchKind::NameAndPostcode;
        withPostcode.value = q.ftsMatch(true);
        plan.append(withPostcode);
    }

    // The rest. CustomerQuery gives at most one of these kinds for any text, so ranking them in
    // separate tiers never splits what a person would see as one group, and a keyed tier never comes
    // after a large one (whose rows are too many to hold in memory for leaving out).
    Tier partial;
    if (!q.phoneEnding.isEmpty())
        // A range on the reversed digits: the index answers it, where LIKE '%123456' would scan.
        add(partial, CustomerMatchKind::PhoneEnding,
            u"SELECT c.row, c.last_contact_at FROM customer_phone p JOIN customer c ON c.row = p.customer_row "
            "WHERE p.reversed_digits >= ? AND p.reversed_digits < ?"_s,
            {q.phoneEnding, nextPrefix(q.phoneEnding, u':')}); // ':' sorts right after '9'
    if (!q.emailStart.isEmpty())
        add(partial, CustomerMatchKind::EmailStart,
            u"SELECT c.row, c.last_contact_at FROM customer_email e JOIN customer c ON c.row = e.customer_row "
            "WHERE e.email_key >= ? AND e.email_key < ?"_s,
            {q.emailStart, nextPrefix(q.emailStart, QChar(0xffff))});
    if (!q.postcodeKey.isEmpty())
        add(partial, CustomerMatchKind::Postcode, u"SELECT row, last_contact_at FROM customer WHERE postcode_key = ?"_s,
            {q.postcodeKey});
    if (!partial.keyed.isEmpty())
        plan.append(partial);
    if (!q.outwardCode.isEmpty()) {
        Tier outward;
        outward.shape = Tier::Shape::Outward;
        outward.kind = CustomerMatchKind::OutwardCode;
        outward.value = q.outwardCode;
        plan.append(outward);
    }
    if (!q.words.isEmpty()) {
        Tier words;
        words.shape = Tier::Shape::Fts;
        words.kind = q.wordsAreAddress ? CustomerMatchKind::Address : CustomerMatchKind::Name;
        words.value = q.ftsMatch(false);
        plan.append(words);
    }
    return plan;
}

QString rowList(const QList<qint64> &rows)
{
    QStringList numbers;
    numbers.reserve(rows.size());
    for (qint64 row : rows)
        numbers.append(QString::number(row));
    return numbers.join(u',');
}

// Customers already ranked in an earlier tier, to leave out of later ones.
struct Exclusions {
    QSet<qint64> rows;
    QStringList subqueries; // each "SELECT <row> FROM ... WHERE ... ?" with one bind
    QVariantList binds;

    // " AND row NOT IN (...)" for SQL over the customer table alone; appends its binds.
    QString clause(QVariantList &to) const
    {
        QString sql;
        if (!rows.isEmpty())
            sql += u" AND row NOT IN ("_s + rowList(QList<qint64>(rows.cbegin(), rows.cend())) + u')';
        for (const QString &subquery : subqueries)
            sql += u" AND row NOT IN ("_s + subquery + u')';
        to += binds;
        return sql;
    }
};

// The SQL of a set of rows, for NOT IN.
QString ftsRowsSql()
{
    return u"SELECT docid FROM customer_fts WHERE customer_fts MATCH ?"_s;
}

class SearchRun {
public:
    SearchRun(const QSqlDatabase &db, int limit, const std::optional<CustomerSearchCursor> &after)
        : m_db(db), m_want(limit + 1), m_after(after)
    {
    }

    bool run(const QList<Tier> &plan)
    {
        for (int i = 0; i < plan.size(); ++i) {
            const bool skipped = m_after && i < m_after->tier; // ranked on earlier pages: only excluded here
            if (!skipped && int(m_page.size()) >= m_want)
                break;
            const CustomerSearchCursor *keyset = m_after && i == m_after->tier ? &*m_after : nullptr;
            const Tier &tier = plan.at(i);
            bool ok = false;
            switch (tier.shape) {
            case Tier::Shape::Keyed:
                ok = runKeyed(tier, i, skipped, keyset);
                break;
            case Tier::Shape::Fts:
                ok = runFts(tier, i, skipped, keyset);
                break;
            case Tier::Shape::Outward:
                ok = runOrdered(u"SELECT row, last_contact_at FROM customer INDEXED BY customer_outward "
                                "WHERE outward_code = ?"_s,
                                tier.value, tier, i, skipped, keyset);
                if (ok) {
                    m_exclusions.subqueries.append(u"SELECT row FROM customer WHERE outward_code = ?"_s);
                    m_exclusions.binds.append(tier.value);
                }
                break;
            }
            if (!ok)
                return false;
        }
        return true;
    }

    QList<Candidate> &page() { return m_page; }
    const QString &failure() const { return m_failure; }

private:
    bool fail(const QSqlQuery &query)
    {
        m_failure = query.lastError().text();
        return false;
    }

    bool exec(QSqlQuery &query, const QString &sql, const QVariantList &binds)
    {
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return fail(query);
        for (qsizetype i = 0; i < binds.size(); ++i)
            query.bindValue(int(i), binds.at(i));
        return query.exec() || fail(query);
    }

    // Takes a tier's candidates, ranked, into the page.
    void take(QList<Candidate> &candidates, bool skipped, const CustomerSearchCursor *keyset)
    {
        std::sort(candidates.begin(), candidates.end(), ranksBefore);
        for (const Candidate &c : std::as_const(candidates)) {
            if (!skipped && int(m_page.size()) < m_want && (!keyset || comesAfter(c, *keyset)))
                m_page.append(c);
            m_exclusions.rows.insert(c.row);
        }
    }

    bool readCandidates(QSqlQuery &query, CustomerMatchKind kind, int tier, QList<Candidate> &into, QSet<qint64> &seen)
    {
        while (query.next()) {
            const qint64 row = query.value(0).toLongLong();
            if (m_exclusions.rows.contains(row) || seen.contains(row))
                continue;
            seen.insert(row);
            into.append({row, query.value(1).toString(), kind, tier});
        }
        if (query.lastError().isValid())
            return fail(query);
        return true;
    }

    // Keeps the rows that no earlier tier's subquery holds, with their last contact.
    bool rankRows(const QList<qint64> &rows, CustomerMatchKind kind, int tier, QList<Candidate> &into)
    {
        if (rows.isEmpty())
            return true;
        QVariantList binds;
        const QString sql = u"SELECT row, last_contact_at FROM customer WHERE row IN ("_s + rowList(rows) + u')'
                          + m_exclusions.clause(binds);
        QSqlQuery query(m_db);
        if (!exec(query, sql, binds))
            return false;
        QSet<qint64> seen;
        return readCandidates(query, kind, tier, into, seen);
    }

    bool runKeyed(const Tier &tier, int index, bool skipped, const CustomerSearchCursor *keyset)
    {
        QList<Candidate> candidates;
        QSet<qint64> seen;
        for (const KeyedSource &source : tier.keyed) {
            QSqlQuery query(m_db);
            if (!exec(query, source.sql, source.binds) || !readCandidates(query, source.kind, index, candidates, seen))
                return false;
        }
        // Keyed tiers only ever follow keyed tiers (planFor()), so the rows in memory are every exclusion.
        Q_ASSERT(m_exclusions.subqueries.isEmpty());
        take(candidates, skipped, keyset);
        return true;
    }

    bool runFts(const Tier &tier, int index, bool skipped, const CustomerSearchCursor *keyset)
    {
        // Reading docids touches only the FTS index; how many there are decides how to rank them.
        QSqlQuery match(m_db);
        if (!exec(match, ftsRowsSql() + u" LIMIT "_s + QString::number(CustomerSearch::kRankInMemoryLimit + 1),
                  {tier.value}))
            return false;
        QList<qint64> rows;
        while (match.next())
            rows.append(match.value(0).toLongLong());
        if (match.lastError().isValid())
            return fail(match);
        match.finish();

        if (rows.size() <= CustomerSearch::kRankInMemoryLimit) {
            if (skipped) {
                for (qint64 row : std::as_const(rows))
                    m_exclusions.rows.insert(row);
                return true;
            }
            QList<Candidate> candidates;
            if (!rankRows(rows, tier.kind, index, candidates))
                return false;
            take(candidates, skipped, keyset);
            return true;
        }
        // Many matches: walk customers from the most recent contact back, keeping the matching ones,
        // until the page is full. SQLite turns the MATCH subquery into a lookup table once.
        if (!runOrdered(u"SELECT row, last_contact_at FROM customer INDEXED BY customer_recent "
                        "WHERE row IN ("_s + ftsRowsSql() + u')',
                        tier.value, tier, index, skipped, keyset))
            return false;
        m_exclusions.subqueries.append(ftsRowsSql());
        m_exclusions.binds.append(tier.value);
        return true;
    }

    // A large tier, paged in SQL: `select` has one bind and reads customer in last-contact order.
    bool runOrdered(const QString &select, const QString &value, const Tier &tier, int index, bool skipped,
                    const CustomerSearchCursor *keyset)
    {
        if (skipped)
            return true;
        QVariantList binds{value};
        QString sql = select + m_exclusions.clause(binds);
        if (keyset) {
            sql += u" AND last_contact_at <= ? AND (last_contact_at < ? OR row < ?)"_s;
            binds += QVariantList{keyset->lastContactAt, keyset->lastContactAt, keyset->row};
        }
        sql += u" ORDER BY last_contact_at DESC, row DESC LIMIT "_s + QString::number(m_want - m_page.size());
        QSqlQuery query(m_db);
        if (!exec(query, sql, binds))
            return false;
        QList<Candidate> candidates;
        QSet<qint64> seen;
        if (!readCandidates(query, tier.kind, index, candidates, seen))
            return false;
        m_page += candidates; // already in rank order
        return true;
    }

    QSqlDatabase m_db;
    int m_want;
    std::optional<CustomerSearchCursor> m_after;
    QList<Candidate> m_page;
    Exclusions m_exclusions;
    QString m_failure;
};

Error searchFailed()
{
    return makeError(u"search.failed"_s,
                     QCoreApplication::translate("CustomerSearch",
                                                 "The search could not be finished because the customer cache could "
                                                 "not be read. Try again; if this keeps happening, restart FirstContact."));
}

} // namespace

CustomerSearch::CustomerSearch(QSqlDatabase db) : m_db(std::move(db)) {}

Result<CustomerSearchPage> CustomerSearch::search(QStringView text, int limit,
                                                  const std::optional<CustomerSearchCursor> &after) const
{
    return search(CustomerQuery::parse(text), limit, after);
}

Result<CustomerSearchPage> CustomerSearch::search(const CustomerQuery &query, int limit,
                                                  const std::optional<CustomerSearchCursor> &after) const
{
    CustomerSearchPage page;
    const QList<Tier> plan = planFor(query);
    if (plan.isEmpty())
        return page;
    limit = std::clamp(limit, 1, kMaximumPageSize);

    SearchRun run(m_db, limit, after);
    if (!run.run(plan)) {
        // The SQL error is for the log only; people see a sentence (the log never gets the search text).
        qWarning("Customer search failed: %s", qUtf8Printable(run.failure()));
        return searchFailed();
    }
    QList<Candidate> &found = run.page();
    if (found.size() > limit) {
        found.resize(limit);
        const Candidate &last = found.constLast();
        page.next = CustomerSearchCursor{last.tier, last.lastContact, last.row};
    }
    if (found.isEmpty())
        return page;

    QList<qint64> rows;
    for (const Candidate &c : std::as_const(found))
        rows.append(c.row);
    QSqlQuery details(m_db);
    details.setForwardOnly(true);
    if (!details.exec(u"SELECT row, id, reference, given_name, family_name, preferred_name, address_line1, postcode, "
                      "date_of_birth, access_needs, last_contact_at FROM customer WHERE row IN ("_s
                      + rowList(rows) + u')')) {
        qWarning("Customer search failed: %s", qUtf8Printable(details.lastError().text()));
        return searchFailed();
    }
    QHash<qint64, CustomerSearchHit> byRow;
    while (details.next()) {
        Customer names;
        names.reference = details.value(2).toString();
        names.givenName = details.value(3).toString();
        names.familyName = details.value(4).toString();
        names.preferredName = details.value(5).toString();
        CustomerSearchHit hit;
        hit.id = QUuid::fromString(details.value(1).toString());
        hit.reference = names.reference;
        hit.displayName = names.displayName();
        hit.addressLine = details.value(6).toString();
        hit.postcode = details.value(7).toString();
        hit.dateOfBirth = QDate::fromString(details.value(8).toString(), Qt::ISODate);
        hit.hasAccessNeeds = !details.value(9).toString().isEmpty();
        const QString lastContact = details.value(10).toString();
        if (!lastContact.isEmpty())
            hit.lastContactAt = QDateTime::fromString(lastContact, Qt::ISODateWithMs).toUTC();
        byRow.insert(details.value(0).toLongLong(), hit);
    }
    // A customer removed between the two statements is simply left out.
    for (const Candidate &c : std::as_const(found)) {
        const auto hit = byRow.constFind(c.row);
        if (hit == byRow.cend())
            continue;
        page.hits.append(*hit);
        page.hits.last().match = c.kind;
    }
    return page;
}

} // namespace fc
