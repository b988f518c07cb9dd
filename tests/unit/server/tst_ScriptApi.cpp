// The script catalogue's routes called through ApiDispatcher on SQLite (no HTTP): who may list, save
// drafts and publish (403 otherwise), 201 and 422 with every problem, publish once, unchanged; and
// published scripts and articles (never drafts) reaching desks through /v1/sync/pull, in the snapshot
// and then in the change log.

#include "ServerTestSupport.h"
#include "server/ApiDispatcher.h"
#include "server/AuthService.h"
#include "server/KnowledgeCatalogStore.h"
#include "server/ScriptCatalogStore.h"
#include "server/ServerRoutes.h"
#include "sync/PublishedRecords.h"
#include "sync/SyncWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"correct horse battery"_s;

QJsonObject script(const QString &id, const QString &title, const QString &article = u"bin-collection-days"_s)
{
    return QJsonObject {
        { u"format"_s, 1 },
        { u"id"_s, id },
        { u"version"_s, 1 },
        { u"service"_s, u"waste"_s },
        { u"reason"_s, u"missed_bin"_s },
        { u"title"_s, title },
        { u"start"_s, u"guide"_s },
        { u"steps"_s,
          QJsonArray {
              QJsonObject { { u"id"_s, u"guide"_s },
                            { u"kind"_s, u"knowledge"_s },
                            { u"article"_s, article },
                            { u"next"_s, u"done"_s } },
              QJsonObject { { u"id"_s, u"done"_s },
                            { u"kind"_s, u"outcome"_s },
                            { u"outcome"_s, u"resolved"_s },
                            { u"text"_s, u"Told the resident their collection day."_s } },
          } },
    };
}

} // namespace

class tst_ScriptApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<RouteTable> m_routes;
    std::unique_ptr<ApiDispatcher> m_api;
    QString m_agent;
    QString m_supervisor;
    QString m_admin;

    ApiResponse send(const QString &method, const QString &path, const QByteArray &body, const QString &token)
    {
        ApiRequest request;
        request.method = method;
        request.path = path;
        request.body = body;
        request.remoteAddress = u"10.0.0.1"_s;
        if (!body.isEmpty())
            request.headers.insert("content-type", "application/json");
        if (!token.isEmpty())
            request.headers.insert("authorization", "Bearer " + token.toLatin1());
        return m_api->dispatch(request);
    }

    ApiResponse post(const QString &path, const QJsonObject &body, const QString &token)
    {
        return send(u"POST"_s, path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }

    QString login(const QString &user, const QString &device)
    {
        return post(u"/v1/auth/login"_s,
                    { { u"user"_s, user },
                      { u"password"_s, kPassword },
                      { u"device_id"_s, device },
                      { u"device_name"_s, device } },
                    QString())
            .json.value(u"token"_s)
            .toString();
    }

    /// Every change from `cursor` on, and the cursor after them.
    QList<wire::Change> pullAll(QString *cursor)
    {
        QList<wire::Change> all;
        for (int guard = 0; guard < 100; ++guard) {
            const ApiResponse response
                = post(u"/v1/sync/pull"_s, wire::toJson(wire::PullRequest { *cursor, 3 }), m_agent);
            Result<wire::PullPage> page = wire::readPullPage(response.json);
            if (!page) {
                qWarning() << response.json;
                break;
            }
            all.append(page->changes);
            *cursor = page->cursor;
            if (!page->more)
                break;
        }
        return all;
    }

    static QStringList scriptsIn(const QList<wire::Change> &changes)
    {
        QStringList out;
        for (const wire::Change &change : changes) {
            if (change.entity != u"script"_s)
                continue;
            Result<wire::PublishedScript> script = wire::readPublishedScript(change.record);
            out.append(script ? u"%1@%2"_s.arg(script->id).arg(script->version) : script.error().message);
        }
        return out;
    }

private slots:
    void init()
    {
        m_db = test::openMigratedSqlite(m_dir.filePath(u"scripts%1.sqlite"_s.arg(++m_counter)));
        QVERIFY(m_db);
        QVERIFY(test::addTestUser(*m_db, u"a.khan"_s, Role::Agent, u"contact-centre"_s, kPassword).ok());
        QVERIFY(test::addTestUser(*m_db, u"s.jones"_s, Role::Supervisor, u"contact-centre"_s, kPassword).ok());
        QVERIFY(test::addTestUser(*m_db, u"root.admin"_s, Role::Admin, u"back-office"_s, kPassword).ok());
        AuthPolicy policy;
        policy.passwordCost = PasswordCost::minimum();
        m_auth = std::make_unique<AuthService>(*m_db, policy);
        Result<RouteTable> routes = buildServerRoutes(*m_auth, *m_db, FeedSettings { 730 });
        QVERIFY2(routes.ok(), qPrintable(routes.ok() ? QString() : routes.error().message));
        m_routes = std::make_unique<RouteTable>(routes.value());
        m_api = std::make_unique<ApiDispatcher>(*m_routes, *m_auth, *m_db);
        m_agent = login(u"a.khan"_s, u"desk-1"_s);
        m_supervisor = login(u"s.jones"_s, u"desk-2"_s);
        m_admin = login(u"root.admin"_s, u"office-1"_s);
        QVERIFY(!m_agent.isEmpty() && !m_supervisor.isEmpty() && !m_admin.isEmpty());
    }

    void cleanup()
    {
        m_api.reset();
        m_routes.reset();
        m_auth.reset();
        m_db.reset();
    }

    void onlyAnAdministratorSavesDraftsAndPublishes()
    {
        for (const QString &token : { m_agent, m_supervisor }) {
            const ApiResponse draft = post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins"_s), token);
            QCOMPARE(draft.status, 403);
            QCOMPARE(draft.errorCode(), u"auth.forbidden_role"_s);
        }
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM scripts"_s).value().toInt(), 0);

        const ApiResponse saved = post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins"_s), m_admin);
        QCOMPARE(saved.status, 201);
        QCOMPARE(saved.json,
                 (QJsonObject { { u"id"_s, u"bins"_s }, { u"version"_s, 1 }, { u"status"_s, u"draft"_s } }));

        for (const QString &token : { m_agent, m_supervisor }) {
            const ApiResponse refused = post(u"/v1/scripts/bins/1/publish"_s, {}, token);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.errorCode(), u"auth.forbidden_role"_s);
        }
        QCOMPARE(m_db->scalar(u"SELECT status FROM scripts"_s).value().toString(), u"draft"_s);

        const ApiResponse published = send(u"POST"_s, u"/v1/scripts/bins/1/publish"_s, QByteArray(), m_admin);
        QCOMPARE(published.status, 200);
        QCOMPARE(published.json,
                 (QJsonObject { { u"id"_s, u"bins"_s },
                                { u"version"_s, 1 },
                                { u"status"_s, u"published"_s },
                                { u"unchanged"_s, false } }));
        QCOMPARE(m_db->scalar(u"SELECT published_by FROM scripts"_s).value().toString(), u"root.admin"_s);

        QCOMPARE(send(u"GET"_s, u"/v1/scripts"_s, QByteArray(), QString()).status, 401);
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins"_s), QString()).status, 401);
    }

    void everyRoleListsTheLatestPublishedVersions()
    {
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins"_s), m_admin).status, 201);
        QCOMPARE(post(u"/v1/scripts/bins/1/publish"_s, {}, m_admin).status, 200);
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins, clearer"_s), m_admin).status, 201);
        QCOMPARE(post(u"/v1/scripts/bins/2/publish"_s, {}, m_admin).status, 200);
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins, draft"_s), m_admin).status, 201);
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"draft-only"_s, u"Not yet"_s), m_admin).status, 201);

        for (const QString &token : { m_agent, m_supervisor, m_admin }) {
            const ApiResponse listed = send(u"GET"_s, u"/v1/scripts"_s, QByteArray(), token);
            QCOMPARE(listed.status, 200);
            const QJsonArray scripts = listed.json.value(u"scripts"_s).toArray();
            QCOMPARE(scripts.size(), 1);
            const QJsonObject bins = scripts.first().toObject();
            QCOMPARE(bins.value(u"id"_s).toString(), u"bins"_s);
            QCOMPARE(bins.value(u"version"_s).toInt(), 2);
            QCOMPARE(bins.value(u"title"_s).toString(), u"Bins, clearer"_s);
            QCOMPARE(bins.value(u"service"_s).toString(), u"waste"_s);
            QVERIFY(!bins.value(u"published_at"_s).toString().isEmpty());
        }
        QCOMPARE(send(u"GET"_s, u"/v1/scripts"_s, "{}", m_agent).status, 413); // a GET takes no body
    }

    void anInvalidDraftIsRefusedWithEveryProblem()
    {
        QJsonObject broken = script(u"broken"_s, u"Broken"_s, u"no-such-article"_s);
        QJsonArray steps = broken.value(u"steps"_s).toArray();
        steps.append(QJsonObject { { u"id"_s, u"lost"_s },
                                   { u"kind"_s, u"outcome"_s },
                                   { u"outcome"_s, u"resolved"_s },
                                   { u"text"_s, u"Never reached."_s } });
        broken.insert(u"steps"_s, steps);
        const ApiResponse refused = post(u"/v1/scripts/drafts"_s, broken, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), u"script.invalid"_s);
        const QJsonArray problems = refused.json.value(u"problems"_s).toArray();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).toObject().value(u"code"_s).toString(), u"script.unreachable"_s);
        QCOMPARE(problems.at(0).toObject().value(u"step"_s).toString(), u"lost"_s);
        QCOMPARE(problems.at(0).toObject().value(u"path"_s).toArray(), QJsonArray()); // no path leads there
        const QJsonObject reference = problems.at(1).toObject();
        QCOMPARE(reference.value(u"code"_s).toString(), u"script.unknown_reference"_s);
        QCOMPARE(reference.value(u"step"_s).toString(), u"guide"_s);
        QVERIFY(reference.value(u"message"_s).toString().contains(u"no-such-article"_s));
        QCOMPARE(reference.value(u"path"_s).toArray(), QJsonArray { u"guide"_s });
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM scripts"_s).value().toInt(), 0);

        const ApiResponse notJson = send(u"POST"_s, u"/v1/scripts/drafts"_s, "{\"format\": ", m_admin);
        QCOMPARE(notJson.status, 400);
        QCOMPARE(notJson.errorCode(), u"request.malformed_json"_s);
    }

    void aVersionIsPublishedOnceAndTheSameScriptIsUnchanged()
    {
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins"_s), m_admin).status, 201);
        QCOMPARE(post(u"/v1/scripts/bins/1/publish"_s, {}, m_admin).status, 200);
        const ApiResponse twice = post(u"/v1/scripts/bins/1/publish"_s, {}, m_admin);
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.errorCode(), u"script.already_published"_s);
        QCOMPARE(post(u"/v1/scripts/bins/9/publish"_s, {}, m_admin).errorCode(), u"script.not_found"_s);
        QCOMPARE(post(u"/v1/scripts/bins/9/publish"_s, {}, m_admin).status, 404);
        QCOMPARE(post(u"/v1/scripts/bins/one/publish"_s, {}, m_admin).status, 404);
        QCOMPARE(post(u"/v1/scripts/bins/publish"_s, {}, m_admin).status, 404);

        const ApiResponse again = post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins"_s), m_admin);
        QCOMPARE(again.json.value(u"version"_s).toInt(), 2);
        const ApiResponse same = post(u"/v1/scripts/bins/2/publish"_s, {}, m_admin);
        QCOMPARE(same.status, 200);
        QCOMPARE(same.json.value(u"unchanged"_s).toBool(), true);
        QCOMPARE(same.json.value(u"version"_s).toInt(), 1);
        QVERIFY(same.json.value(u"message"_s).toString().contains(u"nothing was published"_s));
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM scripts WHERE status = 'published'"_s).value().toInt(), 1);
    }

    void publishedScriptsAndArticlesReachDesksAndDraftsNever()
    {
        const KnowledgeArticle article { u"bin-day"_s, u"Bin day"_s, u"waste"_s, { u"bin"_s }, u"Tuesdays."_s };
        QVERIFY(KnowledgeCatalogStore(*m_db).publish(article, u"root.admin"_s, QDateTime::currentDateTimeUtc()).ok());
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins"_s, u"bin-day"_s), m_admin).status, 201);
        QCOMPARE(post(u"/v1/scripts/bins/1/publish"_s, {}, m_admin).status, 200);
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins, draft"_s), m_admin).status, 201);
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"other"_s, u"Other, draft"_s), m_admin).status, 201);

        // A first sync: the snapshot sends the article and the published version only.
        QString cursor;
        const QList<wire::Change> first = pullAll(&cursor);
        QCOMPARE(scriptsIn(first), QStringList { u"bins@1"_s });
        QCOMPARE(first.size(), 2);
        const wire::Change &articleChange = first.at(0);
        QCOMPARE(articleChange.entity, u"article"_s);
        QCOMPARE(articleChange.id, KnowledgeCatalogStore::syncIdOf(u"bin-day"_s));
        QCOMPARE(articleChange.revision, 1);
        Result<wire::PublishedArticle> pulledArticle = wire::readPublishedArticle(articleChange.record);
        QVERIFY2(pulledArticle.ok(), qPrintable(pulledArticle.ok() ? QString() : pulledArticle.error().message));
        QCOMPARE(pulledArticle->article.body, u"Tuesdays."_s);
        QCOMPARE(pulledArticle->article.keywords, QStringList { u"bin"_s });
        const wire::Change &scriptChange = first.at(1);
        QCOMPARE(scriptChange.id, ScriptCatalogStore::syncIdOf(u"bins"_s, 1));
        QCOMPARE(scriptChange.revision, 1);
        const wire::PublishedScript pulled = wire::readPublishedScript(scriptChange.record).value();
        QCOMPARE(pulled.title, u"Bins"_s);
        QCOMPARE(pulled.service, u"waste"_s);
        QVERIFY(pulled.publishedAt.isValid());
        QCOMPARE(pulled.body.value(u"steps"_s).toArray().size(), 2);

        // Then the log: a newer published version and a changed article; drafts saved meanwhile stay out.
        QCOMPARE(post(u"/v1/scripts/bins/2/publish"_s, {}, m_admin).status, 200);
        QCOMPARE(post(u"/v1/scripts/drafts"_s, script(u"bins"_s, u"Bins, third draft"_s), m_admin).status, 201);
        KnowledgeArticle changed = article;
        changed.body = u"Tuesdays; Wednesdays after a bank holiday."_s;
        QVERIFY(KnowledgeCatalogStore(*m_db).publish(changed, u"root.admin"_s, QDateTime::currentDateTimeUtc()).ok());
        const QList<wire::Change> later = pullAll(&cursor);
        QCOMPARE(scriptsIn(later), QStringList { u"bins@2"_s });
        QCOMPARE(later.size(), 2);
        QCOMPARE(later.at(1).entity, u"article"_s);
        QCOMPARE(later.at(1).revision, 2);
        QCOMPARE(wire::readPublishedArticle(later.at(1).record).value().article.body, changed.body);
        QVERIFY(pullAll(&cursor).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ScriptApi)
#include "tst_ScriptApi.moc"
