#pragma once

// The script catalogue on the server: drafts an administrator saves, checked and numbered, and the
// versions published to every desk (docs/SCRIPTS.md, "Publishing").

#include "core/Result.h"
#include "core/Script.h"
#include "core/ScriptValidator.h"
#include "server/ServerDatabase.h"
#include "sync/PublishedRecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace fc::server {

/// What publishing came to.
struct ScriptPublication {
    int version = 0; // the version published, or (unchanged) the latest published one
    bool unchanged = false; // the same script as the latest published version: nothing published
};

/// One script of the catalogue: its latest published version and its drafts.
struct ScriptSummary {
    QString id;
    QString title; // of the latest published version, or of the latest draft when none is
    QString service;
    int publishedVersion = 0; // 0: never published
    QDateTime publishedAt;
    QList<int> draftVersions; // ascending
};

/// The scripts table. Versions are numbered by the server, one after the highest of the script's id,
/// draft or published; the body is stored with its "version" set to that number. A version is checked
/// with ScriptValidator when saved and again when published (against the shipped knowledge plus the
/// articles published since), and never changes once published. Only published versions reach desks.
class ScriptCatalogStore {
public:
    /// `shipped`: what scripts may refer to besides published articles (the shipped library's articles,
    /// agencies and sites: shippedReferences()).
    ScriptCatalogStore(ServerDatabase &database, ScriptReferences shipped);

    /// The shipped knowledge library's references. Errors: knowledge.*.
    static Result<ScriptReferences> shippedReferences();

    /// Checks the script and stores it as a draft under the next version. Returns that version.
    /// Errors: script.invalid (every problem in `problems`), db.*.
    Result<int> saveDraft(const QByteArray &json, const QString &user, const QDateTime &now,
                          QList<ScriptProblem> *problems);

    /// Publishes a draft after checking it again. Publishing the same script as the latest published
    /// version publishes nothing and says so (`unchanged`). Errors: script.not_found,
    /// script.already_published, script.superseded (a later version is published already),
    /// script.invalid (with `problems`), db.*.
    Result<ScriptPublication> publish(const QString &id, int version, const QString &user, const QDateTime &now,
                                      QList<ScriptProblem> *problems);

    /// saveDraft() and publish() in one transaction, for `scripts publish` and seeding: a script the
    /// same as its latest published version stores nothing. Errors: as both.
    Result<ScriptPublication> publishNow(const QByteArray &json, const QString &user, const QDateTime &now,
                                         QList<ScriptProblem> *problems);

    /// Every script, by id.
    Result<QList<ScriptSummary>> list() const;
    /// That version, draft or published (nullopt when there is none).
    Result<std::optional<wire::PublishedScript>> version(const QString &id, int version) const;

    /// A version's name in the change log and in pulls.
    static QUuid syncIdOf(const QString &id, int version);

private:
    struct Checked {
        Script script;
        QJsonObject body;
    };
    Result<Checked> check(const QByteArray &json, QList<ScriptProblem> *problems) const;
    Status lockCatalogue();
    Result<int> insertDraft(const Checked &checked, const QString &user, const QDateTime &now);
    Result<ScriptPublication> publishInTransaction(const QString &id, int version, const QString &user,
                                                   const QDateTime &now, QList<ScriptProblem> *problems);
    Result<std::optional<QJsonObject>> latestPublishedBody(const QString &id) const;

    ServerDatabase &m_db;
    ScriptReferences m_shipped;
};

} // namespace fc::server
