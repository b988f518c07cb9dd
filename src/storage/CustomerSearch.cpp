#include "storage/CustomerSearch.h"

#include "core/Customer.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
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

// One ranking tier. Keyed tiers are small and ranked in memory. Words and outward-code tiers can hold a
// large share of the cache: a large one is paged straight from an index in last-contact order.
struct Tier {
    enum class Shape { Keyed, Words, Outward };
    Shape shape = Shape::Keyed;
    CustomerMatchKind kind = CustomerMatchKind::Name;
    QList<KeyedSource> keyed;
    QString value; // Words: the MATCH expression; Outward: the outward code
    // Words only: the customers whose postcode column equals (tier 2) or differs from (tier 3) a value.
    QString postcodeColumn; // "outward_code", "postcode_key", or empty for no condition
    QString postcodeValue;
    bool postcodeEquals = false;
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
        tier.keyed.append({ kind, std::move(sql), std::move(binds) });
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
            "WHERE s.reference IN ("_s
                + marks.join(u", "_s) + u')',
            binds);
    }
    if (!q.phoneDigits.isEmpty())
        add(exact, CustomerMatchKind::Phone,
            u"SELECT c.row, c.last_contact_at FROM customer_phone p JOIN customer c ON c.row = p.customer_row "
            "WHERE p.reversed_digits = ?"_s,
            { q.phoneDigits });
    if (!q.email.isEmpty())
        add(exact, CustomerMatchKind::Email,
            u"SELECT c.row, c.last_contact_at FROM customer_email e JOIN customer c ON c.row = e.customer_row "
            "WHERE e.email_key = ?"_s,
            { q.email });
    if (!q.uprn.isEmpty())
        add(exact, CustomerMatchKind::Uprn, u"SELECT row, last_contact_at FROM customer WHERE uprn = ?"_s, { q.uprn });
    if (!exact.keyed.isEmpty())
        plan.append(exact);

    // The rest. CustomerQuery gives at most one of these kinds for any text, so ranking them in
    // separate tiers never splits what a person would see as one group, and a keyed tier only ever
    // follows keyed tiers (whose rows are few enough to hold in memory for leaving out).
    Tier partial;
    if (!q.phoneEnding.isEmpty())
        // A range on the reversed digits: the index answers it, where LIKE '%123456' would scan.
        add(partial, CustomerMatchKind::PhoneEnding,
            u"SELECT c.row, c.last_contact_at FROM customer_phone p JOIN customer c ON c.row = p.customer_row "
            "WHERE p.reversed_digits >= ? AND p.reversed_digits < ?"_s,
            { q.phoneEnding, nextPrefix(q.phoneEnding, u':') }); // ':' sorts right after '9'
    if (!q.emailStart.isEmpty())
        add(partial, CustomerMatchKind::EmailStart,
            u"SELECT c.row, c.last_contact_at FROM customer_email e JOIN customer c ON c.row = e.customer_row "
            "WHERE e.email_key >= ? AND e.email_key < ?"_s,
            { q.emailStart, nextPrefix(q.emailStart, QChar(0xffff)) });
    if (!q.postcodeKey.isEmpty())
        add(partial, CustomerMatchKind::Postcode, u"SELECT row, last_contact_at FROM customer WHERE postcode_key = ?"_s,
            { q.postcodeKey });
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
        // "jones pl1": the Joneses in PL1, then the other Joneses. Both tiers read the same FTS match.
        Tier words;
        words.shape = Tier::Shape::Words;
        words.value = q.ftsMatch();
        if (!q.wordsOutwardCode.isEmpty() || !q.wordsPostcodeKey.isEmpty()) {
            words.postcodeColumn = q.wordsOutwardCode.isEmpty() ? u"postcode_key"_s : u"outward_code"_s;
            words.postcodeValue = q.wordsOutwardCode.isEmpty() ? q.wordsPostcodeKey : q.wordsOutwardCode;
            Tier withPostcode = words;
            withPostcode.kind
                = q.wordsAreAddress ? CustomerMatchKind::AddressAndPostcode : CustomerMatchKind::NameAndPostcode;
            withPostcode.postcodeEquals = true;
            plan.append(withPostcode);
        }
        words.kind = q.wordsAreAddress ? CustomerMatchKind::Address : CustomerMatchKind::Name;
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
            case Tier::Shape::Words:
                ok = runWords(tier, i, skipped, keyset);
                break;
            case Tier::Shape::Outward:
                // Always the last tier when present, so nothing after it needs its rows left out.
                ok = skipped
                    || runOrdered(u"SELECT row, last_contact_at FROM customer INDEXED BY customer_outward "
                                  "WHERE outward_code = ?"_s,
                                  { tier.value }, tier, i, keyset);
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
        if (run(query, sql, binds))
            return true;
        // A first sync's snapshot loads with the secondary indexes down (SnapshotIndexes): the same
        // search then runs without naming an index, scanning instead, rather than failing.
        static const QRegularExpression indexedBy(u" INDEXED BY \\w+"_s);
        if (!query.lastError().text().contains(u"no such index"_s) || !sql.contains(indexedBy))
            return fail(query);
        return run(query, QString(sql).remove(indexedBy), binds) || fail(query);
    }

    static bool run(QSqlQuery &query, const QString &sql, const QVariantList &binds)
    {
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return false;
        for (qsizetype i = 0; i < binds.size(); ++i)
            query.bindValue(int(i), binds.at(i));
        return query.exec();
    }

    // " AND row NOT IN (...)": customers ranked by an earlier tier.
    QString exclusionClause() const
    {
        if (m_excluded.isEmpty())
            return {};
        return u" AND row NOT IN ("_s + rowList(QList<qint64>(m_excluded.cbegin(), m_excluded.cend())) + u')';
    }

    // Takes a tier's candidates, ranked, into the page.
    void take(QList<Candidate> &candidates, bool skipped, const CustomerSearchCursor *keyset)
    {
        std::sort(candidates.begin(), candidates.end(), ranksBefore);
        for (const Candidate &c : std::as_const(candidates)) {
            if (!skipped && int(m_page.size()) < m_want && (!keyset || comesAfter(c, *keyset)))
                m_page.append(c);
            m_excluded.insert(c.row);
        }
    }

    bool readCandidates(QSqlQuery &query, CustomerMatchKind kind, int tier, QList<Candidate> &into, QSet<qint64> &seen)
    {
        while (query.next()) {
            const qint64 row = query.value(0).toLongLong();
            if (m_excluded.contains(row) || seen.contains(row))
                continue;
            seen.insert(row);
            into.append({ row, query.value(1).toString(), kind, tier });
        }
        if (query.lastError().isValid())
            return fail(query);
        return true;
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
        take(candidates, skipped, keyset);
        return true;
    }

    // The docids of an FTS match when there are at most kRankInMemoryLimit; nullopt for more. Reads the
    // FTS index alone, once per search: both tiers of "jones pl1" use it.
    std::optional<QList<qint64>> smallMatch(const QString &match, bool &ok)
    {
        ok = true;
        if (const auto known = m_matches.constFind(match); known != m_matches.cend())
            return *known;
        QSqlQuery query(m_db);
        if (!exec(query, ftsRowsSql() + u" LIMIT "_s + QString::number(CustomerSearch::kRankInMemoryLimit + 1),
                  { match })) {
            ok = false;
            return std::nullopt;
        }
        QList<qint64> rows;
        while (query.next())
            rows.append(query.value(0).toLongLong());
        if (query.lastError().isValid()) {
            ok = fail(query);
            return std::nullopt;
        }
        const std::optional<QList<qint64>> result
            = rows.size() <= CustomerSearch::kRankInMemoryLimit ? std::optional(rows) : std::nullopt;
        m_matches.insert(match, result);
        return result;
    }

    bool runWords(const Tier &tier, int index, bool skipped, const CustomerSearchCursor *keyset)
    {
        bool ok = true;
        const std::optional<QList<qint64>> rows = smallMatch(tier.value, ok);
        if (!ok)
            return false;
        const QString condition = tier.postcodeColumn.isEmpty()
            ? QString()
            : u" AND "_s + tier.postcodeColumn + (tier.postcodeEquals ? u" = ?"_s : u" <> ?"_s);
        const QVariantList conditionBinds
            = tier.postcodeColumn.isEmpty() ? QVariantList() : QVariantList { tier.postcodeValue };

        if (rows) {
            // A few hundred at most: their last contacts (and postcodes) come from customer_rank, a
            // narrow index that stays cached, instead of as many reads of wide customer rows.
            if (rows->isEmpty())
                return true;
            QSqlQuery query(m_db);
            if (!exec(query,
                      u"SELECT row, last_contact_at FROM customer INDEXED BY customer_rank WHERE row IN ("_s
                          + rowList(*rows) + u')' + condition + exclusionClause(),
                      conditionBinds))
                return false;
            QList<Candidate> candidates;
            QSet<qint64> seen;
            if (!readCandidates(query, tier.kind, index, candidates, seen))
                return false;
            take(candidates, skipped, keyset);
            return true;
        }

        // Many matches. SQLite turns the MATCH subquery into a lookup table once, then walks an index in
        // last-contact order, keeping the rows in it, until the page is full.
        if (skipped)
            return true;
        if (tier.postcodeEquals && tier.postcodeColumn == u"postcode_key"_s) {
            // One postcode holds a few dozen customers: rank them in memory.
            QSqlQuery query(m_db);
            if (!exec(query,
                      u"SELECT row, last_contact_at FROM customer INDEXED BY customer_postcode WHERE postcode_key = ? "
                      "AND row IN ("_s
                          + ftsRowsSql() + u')' + exclusionClause(),
                      { tier.postcodeValue, tier.value }))
                return false;
            QList<Candidate> candidates;
            QSet<qint64> seen;
            if (!readCandidates(query, tier.kind, index, candidates, seen))
                return false;
            take(candidates, skipped, keyset);
            return true;
        }
        if (tier.postcodeEquals) // an outward code: its own index is already in last-contact order
            return runOrdered(u"SELECT row, last_contact_at FROM customer INDEXED BY customer_outward "
                              "WHERE outward_code = ? AND row IN ("_s
                                  + ftsRowsSql() + u')',
                              { tier.postcodeValue, tier.value }, tier, index, keyset);
        return runOrdered(u"SELECT row, last_contact_at FROM customer INDEXED BY customer_recent WHERE row IN ("_s
                              + ftsRowsSql() + u')' + condition,
                          QVariantList { tier.value } + conditionBinds, tier, index, keyset);
    }

    // A large tier, paged in SQL: `select` reads customer through an index in last-contact order.
    bool runOrdered(const QString &select, QVariantList binds, const Tier &tier, int index,
                    const CustomerSearchCursor *keyset)
    {
        QString sql = select + exclusionClause();
        if (keyset) {
            sql += u" AND last_contact_at <= ? AND (last_contact_at < ? OR row < ?)"_s;
            binds += QVariantList { keyset->lastContactAt, keyset->lastContactAt, keyset->row };
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
    QSet<qint64> m_excluded;
    QHash<QString, std::optional<QList<qint64>>> m_matches;
    QString m_failure;
};

Error searchFailed()
{
    return makeError(
        u"search.failed"_s,
        QCoreApplication::translate("CustomerSearch",
                                    "The search could not be finished because the customer cache could "
                                    "not be read. Try again; if this keeps happening, restart FirstContact."));
}

} // namespace

CustomerSearch::CustomerSearch(QSqlDatabase db) : m_db(std::move(db)) { }

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
        page.next = CustomerSearchCursor { last.tier, last.lastContact, last.row };
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
    if (details.lastError().isValid()) { // a damaged page: never a silently short result list
        qWarning("Customer search failed: %s", qUtf8Printable(details.lastError().text()));
        return searchFailed();
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
