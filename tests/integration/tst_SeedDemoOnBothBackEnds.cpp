// seed-demo through the real program: the same seed gives the same records on PostgreSQL and SQLite,
// and seeding again adds nothing.

#include "ServerProcess.h"
#include "support/PgTestDatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server::test;
using namespace Qt::StringLiterals;

namespace {

const QStringList kTables = { u"customers"_s, u"contacts"_s, u"cases"_s, u"contact_cases"_s };

QMap<QString, qint64> rowCounts(QSqlDatabase db)
{
    QMap<QString, qint64> counts;
    for (const QString &table : kTables) {
        QSqlQuery query(db);
        if (query.exec(u"SELECT count(*) FROM "_s + table) && query.next())
            counts.insert(table, query.value(0).toLongLong());
    }
    return counts;
}

QStringList sample(QSqlDatabase db)
{
    // The same customers and cases, not only as many: a few whole rows read the same on both.
    QStringList rows;
    QSqlQuery query(db);
    query.exec(u"SELECT reference, given_name, family_name, postcode, phones, flags FROM customers"
               " ORDER BY reference LIMIT 5 OFFSET 100"_s);
    while (query.next())
        rows.append(QStringList { query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                  query.value(3).toString(), query.value(4).toString(), query.value(5).toString() }
                        .join(u'|'));
    query.exec(u"SELECT reference, status, team FROM cases ORDER BY reference LIMIT 5"_s);
    while (query.next())
        rows.append(QStringList { query.value(0).toString(), query.value(1).toString(), query.value(2).toString() }.join(u'|'));
    return rows;
}

} // namespace

class tst_SeedDemoOnBothBackEnds : public QObject {
    Q_OBJECT

private:
    fc::test::PgTestDatabase m_pg;
    QTemporaryDir m_dir;

private slots:
    void theSameSeedGivesTheSameRowsOnBoth()
    {
        const Status created = m_pg.create();
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        const QString sqlitePath = m_dir.filePath(u"seed.sqlite"_s);
        const QStringList seed = { u"seed-demo"_s, u"--customers"_s, u"2000"_s, u"--seed"_s, u"7"_s };

        const CommandRun onPostgres = runServerCommand(m_pg.url(), seed);
        QVERIFY2(onPostgres.exitCode == 0, qPrintable(onPostgres.err));
        QVERIFY2(onPostgres.out.contains(u"seeded postgresql://"_s) && onPostgres.out.contains(u" rows/s"_s),
                 qPrintable(onPostgres.out));
        const CommandRun onSqlite = runServerCommand(u"sqlite:"_s + sqlitePath, seed);
        QVERIFY2(onSqlite.exitCode == 0, qPrintable(onSqlite.err));
        qInfo().noquote() << onPostgres.out.trimmed();
        qInfo().noquote() << onSqlite.out.trimmed();

        QSqlDatabase sqlite = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"seed_sqlite"_s);
        sqlite.setDatabaseName(sqlitePath);
        QVERIFY(sqlite.open());
        const QMap<QString, qint64> pgCounts = rowCounts(m_pg.database());
        const QMap<QString, qint64> sqliteCounts = rowCounts(sqlite);
        QCOMPARE(pgCounts.value(u"customers"_s), qint64(2000));
        QVERIFY(pgCounts.value(u"contacts"_s) > 2000);
        QVERIFY(pgCounts.value(u"cases"_s) > 0);
        QVERIFY(pgCounts.value(u"contact_cases"_s) > 0);
        QCOMPARE(sqliteCounts, pgCounts);
        QCOMPARE(sample(sqlite), sample(m_pg.database()));
        QCOMPARE(sample(sqlite).size(), 10);

        // Seeding the same seed again adds nothing, on either.
        QCOMPARE(runServerCommand(m_pg.url(), seed).exitCode, 0);
        QCOMPARE(rowCounts(m_pg.database()), pgCounts);
        QCOMPARE(runServerCommand(u"sqlite:"_s + sqlitePath, seed).exitCode, 0);
        QCOMPARE(rowCounts(sqlite), sqliteCounts);
        sqlite.close();
    }
};

QTEST_GUILESS_MAIN(tst_SeedDemoOnBothBackEnds)
#include "tst_SeedDemoOnBothBackEnds.moc"
