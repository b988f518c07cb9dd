// The demo council that seeds every demo, benchmark and later the server loads into PostgreSQL under
// strict types and constraints, and its FCR and failure-demand mix computed in SQL is the one promised.

#include "support/PgTestDatabase.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;

namespace {

// Types and constraints the generated data must satisfy: what a real central database will insist on.
const char *const kSchema[] = {
    "CREATE TABLE customers ("
    " id uuid PRIMARY KEY, reference text NOT NULL UNIQUE CHECK (reference ~ '^C[0-9]{7}$'),"
    " title text, given_name text NOT NULL, family_name text NOT NULL, preferred_name text,"
    " date_of_birth date CHECK (date_of_birth > '1900-01-01'), phones text, emails text,"
    " address_line1 text NOT NULL, address_line2 text, town text NOT NULL,"
    " postcode text NOT NULL CHECK (postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$'),"
    " uprn text NOT NULL CHECK (uprn ~ '^[1-9][0-9]{0,11}$'), preferred_language text NOT NULL,"
    " preferred_channel text NOT NULL, access_needs text, interpreter_language text, sign_language text,"
    " flags text, consent_email boolean NOT NULL, consent_sms boolean NOT NULL, consent_post boolean NOT NULL,"
    " revision bigint NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)",
    "CREATE TABLE contacts ("
    " id uuid PRIMARY KEY, customer_id uuid REFERENCES customers(id), channel text NOT NULL CHECK (channel IN"
    " ('phone','face_to_face','email','web_form','webchat','video_relay','letter','social_media')),"
    " site text NOT NULL, agent text NOT NULL, started_at timestamptz NOT NULL,"
    " ended_at timestamptz NOT NULL CHECK (ended_at >= started_at), service text NOT NULL, reason text NOT NULL,"
    " script_id text, script_version int, answers text, outcome text NOT NULL CHECK (outcome IN ('resolved',"
    " 'request_raised','appointment_booked','signposted','transferred','assisted_self_service','no_action')),"
    " signposted_to text, transferred_to text, demand_type text NOT NULL CHECK (demand_type IN ('value','failure')),"
    " failure_kind text, notes text, linked_case_ids text, corrects_contact_id uuid,"
    " CHECK ((demand_type = 'value') = (failure_kind IS NULL)))",
    "CREATE TABLE cases ("
    " id uuid PRIMARY KEY, reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z]{3}-[0-9]{4}-[0-9]{6}$'),"
    " customer_id uuid REFERENCES customers(id), service text NOT NULL, request_type text NOT NULL,"
    " status text NOT NULL, priority text NOT NULL, team text NOT NULL, assignee text,"
    " raised_at timestamptz NOT NULL, promised_by timestamptz NOT NULL CHECK (promised_by > raised_at),"
    " resolved_at timestamptz CHECK (resolved_at IS NULL OR resolved_at >= raised_at),"
    " raising_contact_id uuid NOT NULL REFERENCES contacts(id), summary text, revision bigint NOT NULL)",
    "CREATE TABLE duplicates (duplicate_id uuid PRIMARY KEY REFERENCES customers(id),"
    " original_id uuid NOT NULL REFERENCES customers(id), variations text NOT NULL)",
};

qint64 dataLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // Records may contain quoted newlines; count records the way PostgreSQL will, via the loaded rows.
    // Here only used as an upper bound sanity check: at least one line per record plus the header.
    qint64 lines = 0;
    while (!file.atEnd()) {
        file.readLine();
        ++lines;
    }
    return lines - 1;
}

double scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toDouble();
}

} // namespace

class tst_DemoCouncilInPostgres : public QObject {
    Q_OBJECT

private:
    test::PgTestDatabase m_pg;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        Status created = m_pg.create();
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));

        // The real program, as scripts/demo and operators run it.
        QProcess generate;
        generate.start(qEnvironmentVariable("FC_BIN_DIR") + QStringLiteral("/firstcontact-cli"),
                       {QStringLiteral("generate"), QStringLiteral("--customers"), QStringLiteral("3000"),
                        QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--out"), m_dir.path()});
        QVERIFY(generate.waitForFinished(120000));
        QVERIFY2(generate.exitCode() == 0, generate.readAllStandardError().constData());

        QSqlQuery query(m_pg.database());
        for (const char *statement : kSchema)
            QVERIFY2(query.exec(QString::fromUtf8(statement)), qPrintable(query.lastError().text()));

        // COPY through psql: the constraints above reject any row that does not fit.
        const QStringList tables = {QStringLiteral("customers"), QStringLiteral("contacts"),
                                    QStringLiteral("cases"), QStringLiteral("duplicates")};
        for (const QString &table : tables) {
            QProcess psql;
            QStringList args = m_pg.psqlArguments();
            args << QStringLiteral("-v") << QStringLiteral("ON_ERROR_STOP=1") << QStringLiteral("-c")
                 << QStringLiteral("\\copy %1 FROM '%2' WITH (FORMAT csv, HEADER true)")
                        .arg(table, m_dir.filePath(table + QStringLiteral(".csv")));
            psql.start(QStringLiteral("psql"), args);
            QVERIFY(psql.waitForFinished(120000));
            QVERIFY2(psql.exitCode() == 0, psql.readAllStandardError().constData());
        }
    }

    void everyRecordLoadsUnderTheConstraints()
    {
        const double customers = scalar(m_pg.database(), QStringLiteral("SELECT count(*) FROM customers"));
        QVERIFY(customers >= 3000);
        QVERIFY(customers <= dataLines(m_dir.filePath(QStringLiteral("customers.csv"))));
        const double contacts = scalar(m_pg.database(), QStringLiteral("SELECT count(*) FROM contacts"));
        QVERIFY2(contacts / customers > 3.0 && contacts / customers < 7.0, qPrintable(QString::number(contacts)));
        QVERIFY(scalar(m_pg.database(), QStringLiteral("SELECT count(*) FROM cases")) > 0);
    }

    void firstContactResolutionAndFailureDemandMatchTheMix()
    {
        const double fcr = scalar(m_pg.database(), QStringLiteral(
            "SELECT avg(CASE WHEN outcome = 'resolved' THEN 1.0 ELSE 0.0 END) FROM contacts"));
        QVERIFY2(fcr > 0.65 && fcr < 0.75, qPrintable(QString::number(fcr)));
        const double failure = scalar(m_pg.database(), QStringLiteral(
            "SELECT avg(CASE WHEN demand_type = 'failure' THEN 1.0 ELSE 0.0 END) FROM contacts"));
        QVERIFY2(failure > 0.35 && failure < 0.45, qPrintable(QString::number(failure)));
        // Chasing progress is the commonest kind of failure demand councils report.
        QSqlQuery query(m_pg.database());
        QVERIFY(query.exec(QStringLiteral("SELECT failure_kind FROM contacts WHERE demand_type = 'failure' "
                                          "GROUP BY failure_kind ORDER BY count(*) DESC LIMIT 1")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("chasing_progress"));
    }

    void requestsRaisedAreTheCasesRaised()
    {
        // Every case names the contact that raised it (a foreign key), and that contact raised a request.
        QCOMPARE(scalar(m_pg.database(), QStringLiteral(
                     "SELECT count(*) FROM cases c JOIN contacts k ON k.id = c.raising_contact_id "
                     "WHERE k.outcome <> 'request_raised'")),
                 0.0);
        QVERIFY(scalar(m_pg.database(), QStringLiteral("SELECT count(DISTINCT service) FROM cases")) >= 10);
    }

    void householdsShareAPropertyAndDuplicatesAreAboutTwoPercent()
    {
        // One UPRN, one postcode: a property does not move.
        QCOMPARE(scalar(m_pg.database(), QStringLiteral(
                     "SELECT count(*) FROM (SELECT uprn FROM customers GROUP BY uprn "
                     "HAVING count(DISTINCT postcode) > 1) x")),
                 0.0);
        QVERIFY(scalar(m_pg.database(), QStringLiteral(
                    "SELECT count(*) FROM (SELECT uprn FROM customers GROUP BY uprn HAVING count(*) > 1) x")) > 100);
        const double share = scalar(m_pg.database(), QStringLiteral(
            "SELECT (SELECT count(*) FROM duplicates)::float / (SELECT count(*) FROM customers)"));
        QVERIFY2(share > 0.015 && share < 0.025, qPrintable(QString::number(share)));
    }
};

QTEST_GUILESS_MAIN(tst_DemoCouncilInPostgres)
#include "tst_DemoCouncilInPostgres.moc"
