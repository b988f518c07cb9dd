#pragma once

// A fresh, empty PostgreSQL database for one test, on the throwaway cluster scripts/test starts
// (FC_TEST_PG_URL). Dropped again when the object goes away.

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QUrl>

namespace fc::test {

class PgTestDatabase {
public:
    PgTestDatabase() = default;
    ~PgTestDatabase();
    PgTestDatabase(const PgTestDatabase &) = delete;
    PgTestDatabase &operator=(const PgTestDatabase &) = delete;

    /// Creates the database and opens a QPSQL connection to it. Fails with a clear message when
    /// FC_TEST_PG_URL is not set (run the suite through scripts/test) or the cluster is unreachable.
    Status create();

    QSqlDatabase database() const;
    QString name() const { return m_name; }
    /// postgresql://USER@HOST:PORT/NAME of the new database, for programs under test.
    QString url() const;
    /// Arguments for psql (-h, -p, -U, -d) reaching the new database.
    QStringList psqlArguments() const;

private:
    QUrl m_adminUrl;
    QString m_name;
    QString m_connection;
};

} // namespace fc::test
