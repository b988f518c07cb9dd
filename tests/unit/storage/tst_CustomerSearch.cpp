// CustomerSearch on a real encrypted cache: each kind of text finds exactly the right customers in the
// right order, pages never repeat or skip anyone, and no text turns into an error.

#include "storage/CustomerBulkLoader.h"
#include "storage/CustomerSearch.h"
#include "storage/CustomerStore.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/storage/StoreTestSupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

// "A name", "F phone_ending": the hand-made customer's letter (C1000001 is A) and how it matched.
QStringList described(const CustomerSearchPage &page)
{
    QStringList lines;
    for (const CustomerSearchHit &hit : page.hits) {
        const int n = hit.reference.mid(1).toInt() - 1000000;
        const QString who = n >= 1 && n <= 26 ? QString(QChar(u'A' + n - 1)) : hit.reference;
        lines.append(who + u' ' + customerMatchKindKey(hit.match));
    }
    return lines;
}

QStringList hostileInputs()
{
    return {
        u"\""_s,
        u"\"\""_s,
        u"\"sian"_s,
        u"sian\""_s,
        u"*"_s,
        u"sian*"_s,
        u"**"_s,
        u"-"_s,
        u"-jones"_s,
        u"sian -jones"_s,
        u"OR"_s,
        u"sian OR jones"_s,
        u"NEAR"_s,
        u"sian NEAR jones"_s,
        u"sian NEAR/3 jones"_s,
        u"AND"_s,
        u"NOT"_s,
        u"sian AND NOT jones"_s,
        u"("_s,
        u"(sian"_s,
        u")"_s,
        u"names:sian"_s,
        u"^sian"_s,
        u"'; DROP TABLE customer; --"_s,
        u"' OR 1=1 --"_s,
        u"%"_s,
        u"_"_s,
        u"\\"_s,
        u"sian_jones"_s,
        QString(10000, u'a'),
        QString(10000, u'"'),
        QString(10000, u'9'),
        QString(5000, u'*') + u"jones"_s,
        u"😀"_s,
        u"😀 jones 👍🏽"_s,
        u"محمد علي"_s,
        u"\u05D9\u05E2\u05E7\u05D1 \u05DB\u05D4\u05DF"_s,
        u"jo\u0000nes"_s,
        u"\u0000"_s,
        u"\u202Ejones\u202C"_s,
        u"\uFFFF"_s,
        u"\xD800 jones"_s,
        u"@"_s,
        u"@@@"_s,
        u"a@"_s,
        u"\"@example.org"_s,
        u"+"_s,
        u"++44"_s,
        u"()"_s,
        u"0"_s,
        u"000000"_s,
        u"C"_s,
        u"C-"_s,
        u"WST--"_s,
        u"PL1 *"_s,
        u"jones pl1 OR"_s,
        u"\t\n\r"_s,
    };
}

} // namespace

class tst_CustomerSearch : public QObject {
    Q_OBJECT

private:
    StoreTestCache m_cache;

    QStringList search(const QString &text, int limit = 25)
    {
        const Result<CustomerSearchPage> page = CustomerSearch(m_cache.db()).search(text, limit);
        if (!page)
            return { u"error "_s + page.error().code };
        return described(*page);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_cache.open());
        CustomerStore store(m_cache.db());
        for (const CustomerWithContact &c : handMadeCustomers()) {
            QVERIFY(store.upsert(c.customer).ok());
            QVERIFY(store.setLastContactAt(c.customer.id, c.lastContactAt).ok());
        }
        // Case WST-2026-000123 belongs to E.
        QSqlQuery insert(m_cache.db());
        QVERIFY(insert.exec(u"INSERT INTO service_case (id, reference, customer_id, service, request_type, status, "
                            "raised_at) VALUES ('c0000000-0000-4000-8000-000000000001', 'WST-2026-000123', '"_s
                            + customerUuid(5).toString(QUuid::WithoutBraces)
                            + u"', 'waste', 'missed_bin', 'new', '2026-10-01T09:00:00.000Z')"_s));
    }

    void findsEachKindOfText_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("found");

        const auto rows = [](std::initializer_list<const char16_t *> lines) {
            QStringList list;
            for (const char16_t *line : lines)
                list.append(QString::fromUtf16(line));
            return list;
        };

        // References and exact keys.
        QTest::newRow("customer reference") << u"C1000003"_s << rows({ u"C reference" });
        QTest::newRow("customer reference, loose") << u" c-1000003 "_s << rows({ u"C reference" });
        QTest::newRow("case reference") << u"WST-2026-000123"_s << rows({ u"E case_reference" });
        QTest::newRow("case reference read out") << u"wst 2026 123"_s << rows({ u"E case_reference" });
        QTest::newRow("UPRN") << u"100040000003"_s << rows({ u"C uprn" });
        QTest::newRow("email") << u"sian.jones@example.org"_s << rows({ u"A email" });
        QTest::newRow("email, any case") << u"SIAN.JONES@EXAMPLE.ORG"_s << rows({ u"A email" });
        QTest::newRow("email being typed") << u"sian.jones@exa"_s << rows({ u"A email_start" });

        // One mobile number written five ways.
        QTest::newRow("phone, national") << u"07700 900123"_s << rows({ u"A phone" });
        QTest::newRow("phone, run together") << u"07700900123"_s << rows({ u"A phone" });
        QTest::newRow("phone, +44") << u"+44 7700 900123"_s << rows({ u"A phone" });
        QTest::newRow("phone, 0044") << u"0044 7700 900123"_s << rows({ u"A phone" });
        QTest::newRow("phone, +44 (0) with hyphens") << u"+44 (0) 7700-900-123"_s << rows({ u"A phone" });
        QTest::newRow("phone, international") << u"+353 1 234 5678"_s << rows({ u"D phone" });
        QTest::newRow("landline") << u"01752 123456"_s << rows({ u"B phone" });
        QTest::newRow("second phone") << u"07700 333444"_s << rows({ u"F phone" });
        QTest::newRow("last ten digits") << u"7700900123"_s << rows({ u"A phone_ending" });
        QTest::newRow("last seven digits") << u"0 900 456"_s << rows({ u"C phone_ending" });

        // Postcodes: PL1 never finds PL12.
        QTest::newRow("postcode") << u"PL1 2AA"_s << rows({ u"A postcode", u"B postcode" });
        QTest::newRow("postcode, no space") << u"pl12aa"_s << rows({ u"A postcode", u"B postcode" });
        QTest::newRow("outward code") << u"PL1"_s << rows({ u"A outward_code", u"B outward_code", u"E outward_code" });
        QTest::newRow("outward code, lower case")
            << u"pl1"_s << rows({ u"A outward_code", u"B outward_code", u"E outward_code" });
        QTest::newRow("longer outward code") << u"PL12"_s << rows({ u"C outward_code", u"F outward_code" });
        QTest::newRow("outward code, no contact last")
            << u"PL4"_s << rows({ u"G outward_code", u"H outward_code", u"D outward_code" });

        // Names: prefixes, any order, case and accents.
        QTest::newRow("name") << u"sian jones"_s << rows({ u"A name", u"B name" });
        QTest::newRow("name, other order") << u"Jones Sian"_s << rows({ u"A name", u"B name" });
        QTest::newRow("name with accent") << u"Siân"_s << rows({ u"A name", u"B name" });
        QTest::newRow("name in capitals") << u"SIAN JONES"_s << rows({ u"A name", u"B name" });
        QTest::newRow("partial name") << u"si jon"_s << rows({ u"A name", u"B name" });
        QTest::newRow("two letters") << u"si"_s << rows({ u"A name", u"B name", u"C name" });
        QTest::newRow("surname, most recent first") << u"jones"_s << rows({ u"G name", u"A name", u"B name" });
        QTest::newRow("hyphenated surname") << u"jones-evans"_s << rows({ u"B name" });
        QTest::newRow("hyphenated surname joined") << u"jonesevans"_s << rows({ u"B name" });
        QTest::newRow("apostrophe") << u"o'neill"_s << rows({ u"C name" });
        QTest::newRow("curly apostrophe") << u"O\u2019Neill"_s << rows({ u"C name" });
        QTest::newRow("apostrophe left out") << u"oneill"_s << rows({ u"C name" });
        QTest::newRow("after the apostrophe") << u"neill"_s << rows({ u"C name" });
        QTest::newRow("apostrophe as a space") << u"o neill"_s << rows({ u"C name" });
        QTest::newRow("Irish") << u"Ní Bhriain"_s << rows({ u"D name" });
        QTest::newRow("Irish unaccented") << u"ni bhriain"_s << rows({ u"D name" });
        QTest::newRow("Polish ś") << u"Wiśniewska"_s << rows({ u"E name" });
        QTest::newRow("Polish ś typed plain") << u"wisniewska"_s << rows({ u"E name" });
        QTest::newRow("Polish Ł") << u"Łukasz"_s << rows({ u"F name" });
        QTest::newRow("Polish Ł typed plain") << u"LUKASZ KOWALSKI"_s << rows({ u"F name" });
        QTest::newRow("initial ignored") << u"s jones"_s << rows({ u"G name", u"A name", u"B name" });

        // First line of the address.
        QTest::newRow("house and street") << u"12 mill"_s << rows({ u"A address" });
        QTest::newRow("house number is whole") << u"120 mill"_s << rows({ u"D address" });
        QTest::newRow("street") << u"mill"_s << rows({ u"A name", u"B name", u"D name" });
        QTest::newRow("flats") << u"harbour house"_s << rows({ u"C name", u"F name" });

        // Words with a postcode: those in the postcode first, then the rest by name.
        QTest::newRow("name and outward code")
            << u"jones pl1"_s << rows({ u"A name_and_postcode", u"B name_and_postcode", u"G name" });
        QTest::newRow("outward code first")
            << u"PL1 jones"_s << rows({ u"A name_and_postcode", u"B name_and_postcode", u"G name" });
        QTest::newRow("name and postcode")
            << u"sian pl1 2aa"_s << rows({ u"A name_and_postcode", u"B name_and_postcode" });
        QTest::newRow("name and another outward code") << u"jones pl12"_s << rows({ u"G name", u"A name", u"B name" });
        QTest::newRow("outward PL1 is not PL12") << u"harbour pl1"_s << rows({ u"C name", u"F name" });
        QTest::newRow("address and postcode") << u"12 mill pl1 2aa"_s << rows({ u"A address_and_postcode" });

        // Exact keys outrank everything, however long ago the contact.
        QTest::newRow("UPRN before phone endings")
            << u"900123"_s << rows({ u"H uprn", u"A phone_ending", u"F phone_ending" });

        // Misses.
        QTest::newRow("unknown name") << u"zzyzx"_s << rows({});
        QTest::newRow("unknown reference") << u"C9999999"_s << rows({});
        QTest::newRow("unknown case") << u"WST-2026-999999"_s << rows({});
        QTest::newRow("unknown phone") << u"07700 999999"_s << rows({});
        QTest::newRow("unknown postcode") << u"TR1 1AA"_s << rows({});
        QTest::newRow("unknown outward code") << u"TR1"_s << rows({});
        QTest::newRow("unknown email") << u"nobody@example.org"_s << rows({});
        QTest::newRow("too few digits") << u"12345"_s << rows({});
        QTest::newRow("nothing typed") << u"   "_s << rows({});
    }
    void findsEachKindOfText()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, found);
        QCOMPARE(search(typed), found);
    }

    void hitShowsWhatTheListNeeds()
    {
        const Result<CustomerSearchPage> page = CustomerSearch(m_cache.db()).search(u"C1000001"_s);
        QVERIFY(page.ok());
        QCOMPARE(page->hits.size(), 1);
        const CustomerSearchHit &a = page->hits.first();
        QCOMPARE(a.id, customerUuid(1));
        QCOMPARE(a.reference, u"C1000001"_s);
        QCOMPARE(a.displayName, u"Siân Jones"_s);
        QCOMPARE(a.addressLine, u"12 Mill Road"_s);
        QCOMPARE(a.postcode, u"PL1 2AA"_s);
        QCOMPARE(a.dateOfBirth, QDate(1984, 3, 12));
        QCOMPARE(a.hasAccessNeeds, false);
        QCOMPARE(a.lastContactAt, contactAt(10, 1));
        QCOMPARE(a.match, CustomerMatchKind::Reference);
        QVERIFY(!page->next.has_value());

        const Result<CustomerSearchPage> d = CustomerSearch(m_cache.db()).search(u"C1000004"_s);
        QVERIFY(d.ok());
        QCOMPARE(d->hits.size(), 1);
        QCOMPARE(d->hits.first().hasAccessNeeds, true);
        QCOMPARE(d->hits.first().dateOfBirth, QDate());
        QCOMPARE(d->hits.first().lastContactAt, QDateTime());
    }

    void pagesFollowTheRanking_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("pages"); // one entry per page, hits joined by ", "

        QTest::newRow("one at a time") << u"jones"_s << 1 << QStringList { u"G name"_s, u"A name"_s, u"B name"_s };
        QTest::newRow("across tiers") << u"jones pl1"_s << 2
                                      << QStringList { u"A name_and_postcode, B name_and_postcode"_s, u"G name"_s };
        QTest::newRow("exact key then partial")
            << u"900123"_s << 1 << QStringList { u"H uprn"_s, u"A phone_ending"_s, u"F phone_ending"_s };
        QTest::newRow("outward code") << u"PL4"_s << 2
                                      << QStringList { u"G outward_code, H outward_code"_s, u"D outward_code"_s };
        QTest::newRow("exactly one page") << u"sian jones"_s << 2 << QStringList { u"A name, B name"_s };
    }
    void pagesFollowTheRanking()
    {
        QFETCH(QString, typed);
        QFETCH(int, limit);
        QFETCH(QStringList, pages);
        const CustomerSearch search(m_cache.db());
        std::optional<CustomerSearchCursor> after;
        QStringList seen;
        for (int i = 0; i < 10; ++i) {
            const Result<CustomerSearchPage> page = search.search(typed, limit, after);
            QVERIFY(page.ok());
            seen.append(described(*page).join(u", "_s));
            after = page->next;
            if (!after)
                break;
        }
        QCOMPARE(seen, pages);
    }

    void neverFailsOnHostileText_data()
    {
        QTest::addColumn<QString>("typed");
        const QStringList inputs = hostileInputs();
        for (qsizetype i = 0; i < inputs.size(); ++i)
            QTest::addRow("hostile %d", int(i)) << inputs.at(i);
    }
    void neverFailsOnHostileText()
    {
        QFETCH(QString, typed);
        const Result<CustomerSearchPage> page = CustomerSearch(m_cache.db()).search(typed);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        QVERIFY(page->hits.size() <= CustomerSearch::kDefaultPageSize);
        // And the cache is still all there.
        QCOMPARE(m_cache.rowCount(u"customer"_s), 8);
    }

    void hostileTextStillFindsTheWordsInIt_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("found");
        QTest::newRow("unbalanced quote") << u"\"sian jones"_s << QStringList { u"A name"_s, u"B name"_s };
        QTest::newRow("stars and minus") << u"sian* -jones"_s << QStringList { u"A name"_s, u"B name"_s };
        QTest::newRow("OR is a word") << u"sian OR jones"_s << QStringList {};
        QTest::newRow("emoji around a name") << u"😀 kowalski 👍🏽"_s << QStringList { u"F name"_s };
        QTest::newRow("direction marks") << u"\u202Bkowalski\u202C"_s << QStringList { u"F name"_s };
    }
    void hostileTextStillFindsTheWordsInIt()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, found);
        QCOMPARE(search(typed), found);
    }

    void updatedCustomerIsFoundByNewKeysOnly()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        CustomerStore store(cache.db());
        Customer c = makeCustomer(1, u"Siân"_s, u"Jones"_s, u"12 Mill Road"_s, u"PL1 2AA"_s, { u"+447700900123"_s });
        QVERIFY(store.upsert(c).ok());
        c.familyName = u"Evans"_s;
        c.phones = { u"+447700900999"_s };
        c.address.postcode = u"PL4 6XX"_s;
        QVERIFY(store.upsert(c).ok());
        const CustomerSearch search(cache.db());
        for (const QString &old : { u"07700 900123"_s, u"900123"_s, u"sian jones"_s, u"PL1"_s, u"PL1 2AA"_s })
            QCOMPARE(search.search(old)->hits.size(), 0);
        for (const QString &now : { u"07700 900999"_s, u"900999"_s, u"sian evans"_s, u"PL4"_s, u"evans pl4"_s })
            QCOMPARE(search.search(now)->hits.size(), 1);
    }

    void largeMatchesPageInRankOrder_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("limit");
        QTest::newRow("name, ranked by walking the index") << u"pat smith"_s << 97;
        QTest::newRow("name and outward code, two large tiers") << u"smith pl1"_s << 150;
        QTest::newRow("name and postcode, two large tiers") << u"pat smith pl1 1aa"_s << 133;
        QTest::newRow("outward code") << u"PL1"_s << 200;
        QTest::newRow("one page") << u"smith"_s << CustomerSearch::kMaximumPageSize;
    }
    void largeMatchesPageInRankOrder()
    {
        QFETCH(QString, typed);
        QFETCH(int, limit);
        // 1,500 Pat Smiths, half in PL1, with last contacts shared by threes (so ties are broken by
        // row) and some never contacted: more than kRankInMemoryLimit in each tier.
        StoreTestCache cache;
        QVERIFY(cache.open());
        struct Expected {
            QString reference;
            bool inPl1;
            QString lastContact;
            int n;
        };
        QList<Expected> expected;
        {
            CustomerBulkLoader loader(cache.db());
            QVERIFY(loader.begin().ok());
            for (int n = 1; n <= 1500; ++n) {
                const bool inPl1 = n % 2 == 0;
                Customer c = makeCustomer(n, u"Pat"_s, u"Smith"_s, QString::number(n) + u" Long Road"_s,
                                          inPl1 ? u"PL1 1AA"_s : u"PL12 1AA"_s);
                const QDateTime last = n % 10 == 0 ? QDateTime() : contactAt(1, 1).addSecs(60 * ((n * 7919) % 500 / 3));
                QVERIFY(loader.add(c, last).ok());
                expected.append(
                    { c.reference, inPl1, last.isValid() ? last.toString(Qt::ISODateWithMs) : QString(), n });
            }
            QVERIFY(loader.finish().ok());
        }
        QVERIFY(expected.size() > 2 * CustomerSearch::kRankInMemoryLimit);

        const bool outwardOnly = typed == u"PL1"_s;
        const bool pl1First = typed.contains(u"pl1"_s);
        QList<Expected> ranked;
        for (const Expected &e : std::as_const(expected)) {
            if (!outwardOnly || e.inPl1)
                ranked.append(e);
        }
        std::sort(ranked.begin(), ranked.end(), [&](const Expected &a, const Expected &b) {
            if (pl1First && a.inPl1 != b.inPl1)
                return a.inPl1;
            if (a.lastContact != b.lastContact)
                return a.lastContact > b.lastContact;
            return a.n > b.n; // rows are given in order
        });
        QStringList want;
        for (const Expected &e : std::as_const(ranked))
            want.append(e.reference);

        const CustomerSearch search(cache.db());
        QStringList got;
        std::optional<CustomerSearchCursor> after;
        int pages = 0;
        do {
            const Result<CustomerSearchPage> page = search.search(typed, limit, after);
            QVERIFY(page.ok());
            QVERIFY(page->hits.size() <= limit);
            for (const CustomerSearchHit &hit : page->hits)
                got.append(hit.reference);
            after = page->next;
            QVERIFY(++pages <= 1 + int(want.size()) / limit + 1);
        } while (after);
        QCOMPARE(got.size(), want.size());
        QCOMPARE(got, want);
    }

    void unreadableCacheIsAnErrorWithoutSql()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        QVERIFY(CustomerStore(cache.db()).upsert(makeCustomer(1, u"Siân"_s, u"Jones"_s, {}, u"PL1 2AA"_s)).ok());
        QSqlQuery drop(cache.db());
        QVERIFY(drop.exec(u"DROP TABLE customer_fts"_s));
        const Result<CustomerSearchPage> page = CustomerSearch(cache.db()).search(u"jones"_s);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, u"search.failed"_s);
        QVERIFY(!page.error().message.contains(u"customer_fts"_s));
        QVERIFY(!page.error().message.contains(u"SQL"_s));
    }
};

QTEST_GUILESS_MAIN(tst_CustomerSearch)
#include "tst_CustomerSearch.moc"
