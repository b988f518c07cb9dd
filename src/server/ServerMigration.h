#pragma once

// One numbered step of the server's schema, written once per SQL dialect.

#include <QString>
#include <QStringList>

namespace fc::server {

/// A schema step: the statements for PostgreSQL and for SQLite that take a database from version
/// `version - 1` to `version`. Shipped steps never change; a change is a new step.
struct ServerMigration {
    int version = 0;
    QString description;
    QStringList postgresql; // one statement each
    QStringList sqlite;
};

} // namespace fc::server
