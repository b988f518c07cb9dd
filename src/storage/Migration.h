#pragma once

// Numbered schema migrations for a SQLite-family database (the SQLCipher cache), each applied in its
// own transaction and recorded in PRAGMA user_version.

#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace fc {

struct Migration {
    int version = 0;        // 1, 2, 3, ... with no gaps
    QString description;    // one line, for logs and errors
    QStringList statements; // one SQL statement each (the driver runs one statement per exec)
};

/// Applies the migrations a database lacks, in order, each in its own transaction together with its
/// PRAGMA user_version, so a failure leaves the database exactly at the previous version.
class MigrationRunner {
public:
    explicit MigrationRunner(QList<Migration> migrations);

    int latestVersion() const;
    static Result<int> currentVersion(const QSqlDatabase &db);

    /// Brings the database to latestVersion(). Returns the version reached. Refuses ("schema.too_new") a
    /// database written by a newer program, touching nothing.
    Result<int> migrate(QSqlDatabase &db) const;

    /// Failure injection for tests: make the Nth statement executed by migrate() fail (1-based, counted
    /// across all migrations of one migrate() call); 0 turns it off.
    void failAtStatement(int n) { m_failAtStatement = n; }

    /// Checks the list itself: versions start at 1 and have no gaps or repeats.
    Status validate() const;

private:
    QList<Migration> m_migrations;
    int m_failAtStatement = 0;
};

} // namespace fc
