// --db URLs: PostgreSQL and SQLite forms, what is passed on to libpq, and what is refused.

#include "server/DatabaseLocation.h"

#include <QStandardPaths>
#include <QTest>

using namespace fc::server;
using namespace Qt::StringLiterals;

class tst_DatabaseLocation : public QObject {
    Q_OBJECT

private slots:
    void aPostgresqlUrlNamesServerUserAndDatabase()
    {
        const DatabaseLocation location = DatabaseLocation::parse(u"postgresql://fc@db1.council.internal:6432/council"_s).value();
        QCOMPARE(location.dialect, SqlDialect::PostgreSql);
        QCOMPARE(location.host, u"db1.council.internal"_s);
        QCOMPARE(location.port, 6432);
        QCOMPARE(location.user, u"fc"_s);
        QCOMPARE(location.password, QString());
        QCOMPARE(location.database, u"council"_s);
        QCOMPARE(location.connectOptions, u"connect_timeout=10"_s);
        QCOMPARE(location.displayName(), u"postgresql://fc@db1.council.internal:6432/council"_s);
    }

    void thePortDefaultsTo5432AndPostgresIsAnAlias()
    {
        const DatabaseLocation location = DatabaseLocation::parse(u"postgres://fc@localhost/fc"_s).value();
        QCOMPARE(location.port, 5432);
        QCOMPARE(location.database, u"fc"_s);
    }

    void aPasswordIsKeptButNeverShown()
    {
        const DatabaseLocation location = DatabaseLocation::parse(u"postgresql://fc:s%40cret@db/fc"_s).value();
        QCOMPARE(location.password, u"s@cret"_s);
        QVERIFY(!location.displayName().contains(u"cret"_s));
    }

    void securityOptionsArePassedOnAndOthersRefused()
    {
        const DatabaseLocation location =
            DatabaseLocation::parse(u"postgresql://fc@db/fc?sslmode=verify-full&connect_timeout=3"_s).value();
        QCOMPARE(location.connectOptions, u"sslmode=verify-full;connect_timeout=3"_s);
        const auto refused = DatabaseLocation::parse(u"postgresql://fc@db/fc?sslmod=require"_s);
        QCOMPARE(refused.error().code, u"db.bad_url"_s);
        QVERIFY(refused.error().message.contains(u"sslmod"_s));
    }

    void aSqliteUrlNamesAFile()
    {
        QCOMPARE(DatabaseLocation::parse(u"sqlite:/var/lib/fc/server.sqlite"_s).value().path, u"/var/lib/fc/server.sqlite"_s);
        QCOMPARE(DatabaseLocation::parse(u"sqlite:relative/server.sqlite"_s).value().path, u"relative/server.sqlite"_s);
        QCOMPARE(DatabaseLocation::parse(u"sqlite:///abs.sqlite"_s).value().path, u"/abs.sqlite"_s);
        QCOMPARE(DatabaseLocation::parse(u"sqlite:"_s).error().code, u"db.bad_url"_s);
    }

    void otherUrlsAreRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("mysql") << u"mysql://fc@db/fc"_s;
        QTest::newRow("no host") << u"postgresql:///fc"_s;
        QTest::newRow("no database") << u"postgresql://fc@db"_s;
        QTest::newRow("schema path") << u"postgresql://fc@db/fc/extra"_s;
        QTest::newRow("bare path") << u"/tmp/server.sqlite"_s;
    }

    void otherUrlsAreRefused()
    {
        QFETCH(QString, url);
        QCOMPARE(DatabaseLocation::parse(url).error().code, u"db.bad_url"_s);
    }

    void theDefaultIsASqliteFileInTheDataDirectory()
    {
        QStandardPaths::setTestModeEnabled(true);
        const DatabaseLocation location = DatabaseLocation::defaultSqlite();
        QCOMPARE(location.dialect, SqlDialect::Sqlite);
        QVERIFY(location.path.endsWith(u"/server.sqlite"_s));
        QVERIFY(location.path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }
};

QTEST_GUILESS_MAIN(tst_DatabaseLocation)
#include "tst_DatabaseLocation.moc"
