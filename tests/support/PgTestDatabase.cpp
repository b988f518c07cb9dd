#include "PgTestDatabase.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace fc::test {

namespace {

QSqlDatabase openPg(const QUrl &url, const QString &database, const QString &connection)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(database);
    db.open();
    return db;
}

} // namespace

Status PgTestDatabase::create()
{
    const QString urlText = qEnvironmentVariable("FC_TEST_PG_URL");
    if (urlText.isEmpty())
        return makeError(QStringLiteral("test.no_postgres"),
                         QStringLiteral("FC_TEST_PG_URL is not set: run the suite with scripts/test, which starts "
                                        "a throwaway PostgreSQL cluster."));
    m_adminUrl = QUrl(urlText);
    m_name = QStringLiteral("fc_t_%1_%2")
                 .arg(QCoreApplication::applicationPid())
                 .arg(QRandomGenerator::global()->generate() % 1000000);

    const QString adminConnection = m_name + QStringLiteral("_admin");
    {
        QSqlDatabase admin = openPg(m_adminUrl, m_adminUrl.path().mid(1), adminConnection);
        if (!admin.isOpen())
            return makeError(QStringLiteral("test.postgres_unreachable"),
                             QStringLiteral("Cannot reach PostgreSQL at %1: %2").arg(urlText, admin.lastError().text()));
        QSqlQuery query(admin);
        if (!query.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(m_name)))
            return makeError(QStringLiteral("test.create_database_failed"), query.lastError().text());
    }
    QSqlDatabase::removeDatabase(adminConnection);

    m_connection = m_name;
    QSqlDatabase db = openPg(m_adminUrl, m_name, m_connection);
    if (!db.isOpen())
        return makeError(QStringLiteral("test.postgres_unreachable"), db.lastError().text());
    return {};
}

PgTestDatabase::~PgTestDatabase()
{
    if (m_name.isEmpty())
        return;
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    const QString adminConnection = m_name + QStringLiteral("_drop");
    {
        QSqlDatabase admin = openPg(m_adminUrl, m_adminUrl.path().mid(1), adminConnection);
        QSqlQuery query(admin);
        query.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    QSqlDatabase::removeDatabase(adminConnection);
}

QSqlDatabase PgTestDatabase::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

QString PgTestDatabase::url() const
{
    QUrl url = m_adminUrl;
    url.setPath(QLatin1Char('/') + m_name);
    return url.toString();
}

QStringList PgTestDatabase::psqlArguments() const
{
    return {QStringLiteral("-h"), m_adminUrl.host(), QStringLiteral("-p"), QString::number(m_adminUrl.port(5432)),
            QStringLiteral("-U"), m_adminUrl.userName(), QStringLiteral("-d"), m_name};
}

} // namespace fc::test
