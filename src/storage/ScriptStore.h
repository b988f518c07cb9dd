#pragma once

// Versions of scripted resolution flows in the encrypted cache.

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace fc {

/// One version of a script as synced from the server. The body is the script's JSON text, kept as
/// received: the script engine parses it (docs/SCRIPTS.md), the store only checks it is JSON.
struct ScriptVersion {
    QString id; // stable script id ("waste-missed-bin")
    int version = 0; // 1, 2, 3, ...; a contact records the one it ran
    QString service; // service key
    QString title;
    QDateTime publishedAt; // UTC; invalid for a draft
    QString body; // JSON text

    bool isPublished() const { return publishedAt.isValid(); }
    friend bool operator==(const ScriptVersion &, const ScriptVersion &) = default;
};

/// Reads and writes the script table of an open, migrated cache. Versions are kept side by side, so a
/// contact can always be shown with the version it recorded.
/// Errors: "cache.query_failed" (SQL failed), "cache.bad_row" (a stored row does not parse).
class ScriptStore {
public:
    explicit ScriptStore(QSqlDatabase db);

    /// Stores the version, replacing a stored one with the same id and version. Errors: "script.invalid"
    /// (empty id, version below 1, a body that is not a JSON object or array).
    Status put(const ScriptVersion &script);

    /// The highest published version of the script; drafts are never returned.
    Result<std::optional<ScriptVersion>> latestPublished(const QString &id) const;
    /// That exact version, draft or published.
    Result<std::optional<ScriptVersion>> version(const QString &id, int version) const;
    /// The latest published version of every script, by service, then title, then id.
    Result<QList<ScriptVersion>> list() const;

private:
    Result<QList<ScriptVersion>> select(const QString &where, const QVariantList &params, const QString &orderBy) const;

    QSqlDatabase m_db;
};

} // namespace fc
