// CustomerDuplicates on a real encrypted cache: the same person under another record is found by folded
// name and date of birth, by a phone written another way, by an email in another case; near misses are
// not; the lookups use their indexes.

#include "storage/CacheTransaction.h"
#include "storage/CustomerDuplicates.h"
#include "storage/CustomerStore.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/storage/StoreTestSupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

Customer person(int n, const QString &given, const QString &family, QDate dateOfBirth, const QStringList &phones = {},
                const QStringList &emails = {})
{
    Customer c = makeCustomer(n, given, family, u"%1 Mill Road"_s.arg(n), u"PL1 2AA"_s, phones, emails);
    c.dateOfBirth = dateOfBirth;
    return c;
}

// "C1000002 name_and_date_of_birth+phone": reference and reason keys of each duplicate, in order.
QStringList described(const QList<PossibleDuplicate> &duplicates)
{
    QStringList lines;
    for (const PossibleDuplicate &d : duplicates) {
        QStringList reasons;
        for (DuplicateReason reason : duplicateReasonList(d.reasons))
            reasons.append(duplicateReasonKey(reason));
        lines.append(d.reference + u' ' + reasons.join(u'+'));
    }
    return lines;
}

} // namespace

class tst_CustomerDuplicates : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_cache = std::make_unique<StoreTestCache>();
        QVERIFY(m_cache->open());
    }
    void cleanup() { m_cache.reset(); }

    void sameNameAndDateOfBirthIsFoundWhateverTheAccentsAndCase()
    {
        const Customer sian = person(1, u"Siân"_s, u"Jones"_s, QDate(1984, 3, 12));
        save({ sian, person(2, u"SIAN"_s, u"JONES"_s, QDate(1984, 3, 12)),
               person(3, u"Tom"_s, u"Jones"_s, QDate(1990, 1, 1)) });
        const QList<PossibleDuplicate> found = find(sian);
        QCOMPARE(described(found), QStringList { u"C1000002 name_and_date_of_birth"_s });
        const PossibleDuplicate &other = found.first();
        QCOMPARE(other.id, customerUuid(2));
        QCOMPARE(other.displayName, u"SIAN JONES"_s);
        QCOMPARE(other.dateOfBirth, QDate(1984, 3, 12));
        QCOMPARE(other.addressLine, u"2 Mill Road"_s);
        QCOMPARE(other.postcode, u"PL1 2AA"_s);
    }

    void hyphensAndApostrophesFoldAway()
    {
        const Customer a = person(1, u"Siobhan"_s, u"O'Neill"_s, QDate(1970, 5, 1));
        save({ a, person(2, u"Siobhan"_s, u"ONeill"_s, QDate(1970, 5, 1)),
               person(3, u"Mary-Ann"_s, u"Evans"_s, QDate(1960, 2, 2)),
               person(4, u"Mary Ann"_s, u"Evans"_s, QDate(1960, 2, 2)) });
        QCOMPARE(described(find(a)), QStringList { u"C1000002 name_and_date_of_birth"_s });
        QCOMPARE(described(find(person(3, u"Mary-Ann"_s, u"Evans"_s, QDate(1960, 2, 2)))),
                 QStringList { u"C1000004 name_and_date_of_birth"_s });
    }

    void nearMissesOnNameOrDateAreNotDuplicates()
    {
        const Customer sian = person(1, u"Sian"_s, u"Jones"_s, QDate(1984, 3, 12));
        save({
            sian, person(2, u"Sian"_s, u"Jones"_s, QDate(1984, 3, 13)), // another birthday
            person(3, u"Siana"_s, u"Jones"_s, QDate(1984, 3, 12)), // another given name
            person(4, u"Sian"_s, u"Jones-Evans"_s, QDate(1984, 3, 12)), // another family name
            person(5, u"Sian"_s, u"Jones"_s, QDate()), // no date of birth
        });
        QCOMPARE(described(find(sian)), QStringList());
    }

    void withoutADateOfBirthNameAloneFindsNobody()
    {
        const Customer a = person(1, u"Sian"_s, u"Jones"_s, QDate());
        save({ a, person(2, u"Sian"_s, u"Jones"_s, QDate()) });
        QCOMPARE(described(find(a)), QStringList());
    }

    void samePhoneIsFoundButASharedEndingIsNot()
    {
        const Customer a = person(1, u"Sian"_s, u"Jones"_s, QDate(), { u"+447700900123"_s });
        save({
            a, person(2, u"Dai"_s, u"Evans"_s, QDate(), { u"+441752111222"_s, u"+447700900123"_s }), // second number
            person(3, u"Tom"_s, u"Evans"_s, QDate(), { u"+441752900123"_s }), // same last six digits only
        });
        QCOMPARE(described(find(a)), QStringList { u"C1000002 phone"_s });
    }

    void sameEmailIsFoundWhateverItsCase()
    {
        const Customer a = person(1, u"Sian"_s, u"Jones"_s, QDate(), {}, { u"Sian.Jones@Example.org"_s });
        save({
            a,
            person(2, u"S"_s, u"J"_s, QDate(), {}, { u"sian.jones@example.org"_s }),
            person(3, u"Sian"_s, u"Jones"_s, QDate(), {}, { u"sian.jones@example.org.uk"_s }),
        });
        QCOMPARE(described(find(a)), QStringList { u"C1000002 email"_s });
    }

    void moreReasonsRankFirstThenNameThenPhoneThenEmail()
    {
        const Customer a
            = person(1, u"Sian"_s, u"Jones"_s, QDate(1984, 3, 12), { u"+447700900123"_s }, { u"sian@example.org"_s });
        save({
            a,
            person(2, u"Zed"_s, u"Email"_s, QDate(), {}, { u"sian@example.org"_s }),
            person(3, u"Yan"_s, u"Phone"_s, QDate(), { u"+447700900123"_s }),
            person(4, u"Sian"_s, u"Jones"_s, QDate(1984, 3, 12)),
            person(5, u"Xavi"_s, u"Both"_s, QDate(), { u"+447700900123"_s }, { u"sian@example.org"_s }),
            person(6, u"Sian"_s, u"Jones"_s, QDate(1984, 3, 12), {}, { u"SIAN@example.org"_s }),
        });
        QCOMPARE(described(find(a)),
                 (QStringList { u"C1000006 name_and_date_of_birth+email"_s, u"C1000005 phone+email"_s,
                                u"C1000004 name_and_date_of_birth"_s, u"C1000003 phone"_s, u"C1000002 email"_s }));
    }

    void neverListsTheCustomerItself()
    {
        const Customer a
            = person(1, u"Sian"_s, u"Jones"_s, QDate(1984, 3, 12), { u"+447700900123"_s }, { u"sian@example.org"_s });
        save({ a });
        QCOMPARE(described(find(a)), QStringList());
    }

    void anUnsavedCustomerIsCheckedAgainstTheCache()
    {
        save({ person(1, u"Sian"_s, u"Jones"_s, QDate(1984, 3, 12)) });
        const Customer typedIn = person(99, u"Siân"_s, u"Jones"_s, QDate(1984, 3, 12));
        QCOMPARE(described(find(typedIn)), QStringList { u"C1000001 name_and_date_of_birth"_s });
    }

    void aSwitchboardNumberBringsAtMostTheCap()
    {
        QList<Customer> many;
        for (int n = 1; n <= CustomerDuplicates::kMaximumPerKey + 10; ++n)
            many.append(person(n, u"Resident"_s, u"No %1"_s.arg(n), QDate(), { u"+441752000000"_s }));
        save(many);
        QCOMPARE(find(many.first()).size(), CustomerDuplicates::kMaximumPerKey);
    }

    void eachLookupUsesItsIndex_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("index");
        QTest::addColumn<QVariantList>("params");
        QTest::newRow("name and date of birth") << int(DuplicateReason::NameAndDateOfBirth) << u"customer_family_dob"_s
                                                << QVariantList { u"jones"_s, QDate(1984, 3, 12), u"x"_s, 10 };
        QTest::newRow("phone") << int(DuplicateReason::Phone) << u"customer_phone_reversed"_s
                               << QVariantList { u"32100900770"_s, u"x"_s, 10 };
        QTest::newRow("email") << int(DuplicateReason::Email) << u"customer_email_key"_s
                               << QVariantList { u"sian@example.org"_s, u"x"_s, 10 };
    }
    void eachLookupUsesItsIndex()
    {
        QFETCH(int, reason);
        QFETCH(QString, index);
        QFETCH(QVariantList, params);
        save({ person(1, u"Sian"_s, u"Jones"_s, QDate(1984, 3, 12), { u"+447700900123"_s },
                      { u"sian@example.org"_s }) });
        QSqlQuery plan(m_cache->db());
        QVERIFY(plan.prepare(u"EXPLAIN QUERY PLAN "_s + CustomerDuplicates::lookupSql(DuplicateReason(reason))));
        for (const QVariant &param : std::as_const(params))
            plan.addBindValue(param);
        QVERIFY(plan.exec());
        QStringList steps;
        while (plan.next())
            steps.append(plan.value(3).toString());
        const QString joined = steps.join(u" | "_s);
        QVERIFY2(joined.contains(index), qPrintable(joined));
        QVERIFY2(!joined.contains(u"SCAN"_s), qPrintable(joined));
    }

private:
    void save(const QList<Customer> &customers)
    {
        CacheTransaction transaction(m_cache->db());
        QVERIFY(transaction.begin().ok());
        CustomerStore store(m_cache->db());
        for (const Customer &c : customers) {
            const Status saved = store.upsert(c);
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        }
        QVERIFY(transaction.commit().ok());
    }

    QList<PossibleDuplicate> find(const Customer &customer)
    {
        const Result<QList<PossibleDuplicate>> found = CustomerDuplicates(m_cache->db()).find(customer);
        if (!found) {
            qWarning() << found.error().code << found.error().message;
            return { PossibleDuplicate { {}, u"error"_s, {}, {}, {}, {}, {} } };
        }
        return *found;
    }

    std::unique_ptr<StoreTestCache> m_cache;
};

QTEST_GUILESS_MAIN(tst_CustomerDuplicates)
#include "tst_CustomerDuplicates.moc"
