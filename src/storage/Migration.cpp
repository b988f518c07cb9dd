#include "storage/Migration.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace fc {

MigrationRunner::MigrationRunner(QList<Migration> migrations) : m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

int MigrationRunner::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.last().version;
}

Status MigrationRunner::validate() const
{
    for (qsizetype i = 0; i < m_migrations.size(); ++i) {
        if (m_migrations.at(i).version != i + 1)
            return makeError(QStringLiteral("schema.bad_migration_list"),
                             QCoreApplication::translate("Migration", "Migration %1 is out of sequence: expected version %2.")
                                 .arg(m_migrations.at(i).version)
                                 .arg(i + 1));
        if (m_migrations.at(i).statements.isEmpty())
            return makeError(QStringLiteral("schema.bad_migration_list"),
                             QCoreApplication::translate("Migration", "Migration %1 has no statements.").arg(m_migrations.at(i).version));
    }
    return {};
}

Result<int> MigrationRunner::currentVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return makeError(QStringLiteral("schema.unreadable"),
                         QCoreApplication::translate("Migration", "Cannot read the schema version: %1").arg(query.lastError().text()));
    return query.value(0).toInt();
}

Result<int> MigrationRunner::migrate(QSqlDatabase &db) const
{
    if (Status valid = validate(); !valid)
        return valid.error();
    Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    int version = *current;
    if (version > latestVersion())
        return makeError(QStringLiteral("schema.too_new"),
                         QCoreApplication::translate("Migration", "This data was written by a newer version of FirstContact (schema %1; this program "
                            "knows up to %2). Install the newer version; nothing has been changed.")
                             .arg(version)
                             .arg(latestVersion()));

    int statementCounter = 0;
    for (const Migration &migration : m_migrations) {
        if (migration.version <= version)
            continue;
        if (!db.transaction())
            return makeError(QStringLiteral("schema.migration_failed"),
                             QCoreApplication::translate("Migration", "Cannot start migration %1: %2").arg(migration.version).arg(db.lastError().text()));
        QSqlQuery query(db);
        auto fail = [&](const QString &why) -> Result<int> {
            query.finish();
            db.rollback();
            return makeError(QStringLiteral("schema.migration_failed"),
                             QCoreApplication::translate("Migration", "Migration %1 (%2) failed and was rolled back; the data stays at version %3: %4")
                                 .arg(migration.version)
                                 .arg(migration.description)
                                 .arg(version)
                                 .arg(why));
        };
        for (const QString &statement : migration.statements) {
            ++statementCounter;
            if (m_failAtStatement > 0 && statementCounter == m_failAtStatement)
                return fail(QStringLiteral("injected failure at statement %1").arg(statementCounter));
            if (!query.exec(statement))
                return fail(query.lastError().text());
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
            return fail(query.lastError().text());
        query.finish();
        if (!db.commit())
            return fail(db.lastError().text());
        version = migration.version;
    }
    return version;
}

} // namespace fc
