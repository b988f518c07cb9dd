#pragma once

// Which SQL database the server runs on; the few statements that differ are chosen by it.

#include <QString>

namespace fc::server {

enum class SqlDialect { PostgreSql, Sqlite };

/// "postgresql" or "sqlite": what --db URLs start with and what /v1/health reports.
inline QString dialectKey(SqlDialect dialect)
{
    return dialect == SqlDialect::PostgreSql ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

} // namespace fc::server
