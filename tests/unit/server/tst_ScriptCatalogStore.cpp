// The script catalogue and knowledge articles on the server: drafts numbered after the highest version,
// invalid scripts refused with every problem, a version published once, the same script published again
// is a no-op, and only published versions reach the change log. On SQLite (label unit) and, as
// tst_ScriptCatalogStoreInPostgres (label integration), on PostgreSQL.

#include "ServerTestSupport.h"
#include "server/KnowledgeCatalogStore.h"
#include "server/ScriptCatalogStore.h"
#include "support/PgTestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC);

// A small valid script: a knowledge step, then an outcome. `article` must exist for it to validate.
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

QByteArray bytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList codes(const QList<ScriptProblem> &problems)
{
    QStringList out;
    for (const ScriptProblem &problem : problems)
        out.append(problem.code + u'@' + problem.stepId);
    return out;
}

} // namespace

class tst_ScriptCatalogStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<fc::test::PgTestDatabase> m_pg;
    std::unique_ptr<ServerDatabase> m_db;
    ScriptReferences m_shipped;

    ScriptCatalogStore store() { return ScriptCatalogStore(*m_db, m_shipped); }

    qint64 count(const QString &sql, const QVariantList &values = {})
    {
        return m_db->scalar(sql, values).value().toLongLong();
    }

    int draft(const QJsonObject &body)
    {
        QList<ScriptProblem> problems;
        Result<int> version = store().saveDraft(bytes(body), u"admin.one"_s, kNow, &problems);
        if (!version)
            qWarning() << version.error().message << codes(problems);
        return version.valueOr(0);
    }

private slots:
    void initTestCase()
    {
        Result<ScriptReferences> shipped = ScriptCatalogStore::shippedReferences();
        QVERIFY2(shipped.ok(), qPrintable(shipped.ok() ? QString() : shipped.error().message));
        m_shipped = shipped.value();
    }

    void init()
    {
        m_db.reset();
        m_pg.reset();
        static int serial = 0;
        if (qEnvironmentVariable("FC_TEST_BACKEND") == u"postgresql"_s) {
            m_pg = std::make_unique<fc::test::PgTestDatabase>();
            const Status created = m_pg->create();
            QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
            Result<std::unique_ptr<ServerDatabase>> opened
                = ServerDatabase::open(DatabaseLocation::parse(m_pg->url()).value());
            QVERIFY(opened.ok());
            m_db = std::move(opened).value();
            QVERIFY(ServerMigrator().migrate(*m_db).ok());
        } else {
            m_db = fc::server::test::openMigratedSqlite(m_dir.filePath(u"catalogue-%1.sqlite"_s.arg(++serial)));
        }
        QVERIFY(m_db);
    }

    void cleanup()
    {
        m_db.reset(); // before the test database is dropped under it
        m_pg.reset();
    }

    void draftsAreNumberedAfterTheHighestVersionOfTheirScript()
    {
        QCOMPARE(draft(script(u"bins"_s, u"Bins"_s)), 1);
        QCOMPARE(draft(script(u"bins"_s, u"Bins, again"_s)), 2);
        QCOMPARE(draft(script(u"other"_s, u"Another script"_s)), 1);
        QList<ScriptProblem> problems;
        QCOMPARE(store().publish(u"bins"_s, 2, u"admin.one"_s, kNow, &problems).value().version, 2);
        // Whatever version the file says, the server numbers it; the stored body says the same.
        QJsonObject says99 = script(u"bins"_s, u"Bins, third"_s);
        says99.insert(u"version"_s, 99);
        QCOMPARE(draft(says99), 3);
        const std::optional<wire::PublishedScript> third = store().version(u"bins"_s, 3).value();
        QVERIFY(third);
        QCOMPARE(third->body.value(u"version"_s).toInt(), 3);
        QCOMPARE(third->title, u"Bins, third"_s);
        QVERIFY(!third->publishedAt.isValid());
        QCOMPARE(count(u"SELECT count(*) FROM scripts WHERE id = 'bins' AND created_by = 'admin.one'"_s), 3);

        const QList<ScriptSummary> listed = store().list().value();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).id, u"bins"_s);
        QCOMPARE(listed.at(0).publishedVersion, 2);
        QCOMPARE(listed.at(0).title, u"Bins, again"_s); // the published version's, not the newer draft's
        QCOMPARE(listed.at(0).publishedAt, kNow);
        QCOMPARE(listed.at(0).draftVersions, (QList<int> { 1, 3 }));
        QCOMPARE(listed.at(1).id, u"other"_s);
        QCOMPARE(listed.at(1).publishedVersion, 0);
        QCOMPARE(listed.at(1).draftVersions, QList<int> { 1 });
    }

    void anInvalidScriptIsRefusedWithEveryProblemAndNothingStored()
    {
        QJsonObject broken = script(u"broken"_s, u"Broken"_s, u"no-such-article"_s);
        QJsonArray steps = broken.value(u"steps"_s).toArray();
        steps.append(QJsonObject { { u"id"_s, u"lost"_s },
                                   { u"kind"_s, u"outcome"_s },
                                   { u"outcome"_s, u"resolved"_s },
                                   { u"text"_s, u"Never reached."_s } });
        broken.insert(u"steps"_s, steps);
        QList<ScriptProblem> problems;
        Result<int> refused = store().saveDraft(bytes(broken), u"admin.one"_s, kNow, &problems);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"script.invalid"_s);
        QVERIFY2(refused.error().message.contains(u"2 problems"_s), qPrintable(refused.error().message));
        QCOMPARE(codes(problems), (QStringList { u"script.unreachable@lost"_s, u"script.unknown_reference@guide"_s }));
        QCOMPARE(count(u"SELECT count(*) FROM scripts"_s), 0);

        // Shape problems alone when it does not even read.
        Result<int> notJson = store().saveDraft("{\"format\": 1,", u"admin.one"_s, kNow, &problems);
        QCOMPARE(notJson.error().code, u"script.invalid"_s);
        QCOMPARE(codes(problems), QStringList { u"script.not_json@"_s });
        QJsonObject unknownField = script(u"typo"_s, u"Typo"_s);
        unknownField.insert(u"titel"_s, u"Typo"_s);
        QVERIFY(!store().saveDraft(bytes(unknownField), u"admin.one"_s, kNow, &problems).ok());
        QCOMPARE(codes(problems), QStringList { u"script.bad_field@"_s });
        QCOMPARE(count(u"SELECT count(*) FROM scripts"_s), 0);
    }

    void aVersionIsPublishedOnce()
    {
        QCOMPARE(draft(script(u"bins"_s, u"Bins"_s)), 1);
        QList<ScriptProblem> problems;
        Result<ScriptPublication> first = store().publish(u"bins"_s, 1, u"admin.two"_s, kNow, &problems);
        QVERIFY(first.ok());
        QCOMPARE(first->version, 1);
        QVERIFY(!first->unchanged);
        QCOMPARE(count(u"SELECT count(*) FROM scripts WHERE status = 'published' AND published_by = 'admin.two'"_s), 1);

        Result<ScriptPublication> again = store().publish(u"bins"_s, 1, u"admin.two"_s, kNow, &problems);
        QCOMPARE(again.error().code, u"script.already_published"_s);
        QCOMPARE(store().publish(u"bins"_s, 7, u"admin.two"_s, kNow, &problems).error().code, u"script.not_found"_s);
        QCOMPARE(store().publish(u"nothing"_s, 1, u"admin.two"_s, kNow, &problems).error().code, u"script.not_found"_s);

        // A draft older than the published version is out of date.
        QCOMPARE(draft(script(u"bins"_s, u"Bins 2"_s)), 2);
        QCOMPARE(draft(script(u"bins"_s, u"Bins 3"_s)), 3);
        QVERIFY(store().publish(u"bins"_s, 3, u"admin.two"_s, kNow, &problems).ok());
        QCOMPARE(store().publish(u"bins"_s, 2, u"admin.two"_s, kNow, &problems).error().code, u"script.superseded"_s);
        QCOMPARE(store().list().value().value(0).publishedVersion, 3);
    }

    void theSameScriptAsTheLatestPublishedVersionPublishesNothing()
    {
        QList<ScriptProblem> problems;
        Result<ScriptPublication> first
            = store().publishNow(bytes(script(u"bins"_s, u"Bins"_s)), u"admin.one"_s, kNow, &problems);
        QVERIFY(first.ok());
        QCOMPARE(first->version, 1);
        QVERIFY(!first->unchanged);

        // The same file again: nothing stored, not even a draft.
        Result<ScriptPublication> same
            = store().publishNow(bytes(script(u"bins"_s, u"Bins"_s)), u"admin.one"_s, kNow, &problems);
        QVERIFY(same.ok());
        QVERIFY(same->unchanged);
        QCOMPARE(same->version, 1);
        QCOMPARE(count(u"SELECT count(*) FROM scripts"_s), 1);

        // The same script saved as a draft and published: the draft stays a draft and is said to be the same.
        QCOMPARE(draft(script(u"bins"_s, u"Bins"_s)), 2);
        Result<ScriptPublication> viaDraft = store().publish(u"bins"_s, 2, u"admin.one"_s, kNow, &problems);
        QVERIFY(viaDraft.ok());
        QVERIFY(viaDraft->unchanged);
        QCOMPARE(viaDraft->version, 1);
        QCOMPARE(count(u"SELECT count(*) FROM scripts WHERE status = 'published'"_s), 1);

        // A change is a new version.
        Result<ScriptPublication> changed
            = store().publishNow(bytes(script(u"bins"_s, u"Bins, clearer"_s)), u"admin.one"_s, kNow, &problems);
        QVERIFY(changed.ok());
        QVERIFY(!changed->unchanged);
        QCOMPARE(changed->version, 3);
    }

    void publishingChecksAgainstPublishedArticles()
    {
        QList<ScriptProblem> problems;
        const QJsonObject linking = script(u"noise"_s, u"Noise"_s, u"noise-out-of-hours"_s);
        QCOMPARE(store().saveDraft(bytes(linking), u"admin.one"_s, kNow, &problems).error().code, u"script.invalid"_s);
        QCOMPARE(codes(problems), QStringList { u"script.unknown_reference@guide"_s });

        const KnowledgeArticle article { u"noise-out-of-hours"_s,
                                         u"Noise out of hours"_s,
                                         u"environmental_health"_s,
                                         { u"noise"_s, u"night"_s },
                                         u"Call the out-of-hours line."_s };
        QVERIFY(KnowledgeCatalogStore(*m_db).publish(article, u"admin.one"_s, kNow).ok());
        QCOMPARE(draft(linking), 1);
        QVERIFY(store().publish(u"noise"_s, 1, u"admin.one"_s, kNow, &problems).ok());
    }

    void onlyPublishedVersionsReachTheChangeLog()
    {
        QCOMPARE(draft(script(u"bins"_s, u"Bins"_s)), 1);
        QCOMPARE(count(u"SELECT count(*) FROM change_log WHERE entity = 'script'"_s), 0);
        QList<ScriptProblem> problems;
        QVERIFY(store().publish(u"bins"_s, 1, u"admin.one"_s, kNow, &problems).ok());
        QCOMPARE(count(u"SELECT count(*) FROM change_log WHERE entity = 'script'"_s), 1);
        QCOMPARE(count(u"SELECT revision FROM change_log WHERE entity = 'script'"_s), 1);
        QCOMPARE(m_db->scalar(u"SELECT entity_id FROM change_log WHERE entity = 'script'"_s).value().toString(),
                 ScriptCatalogStore::syncIdOf(u"bins"_s, 1).toString(QUuid::WithoutBraces));
        QCOMPARE(draft(script(u"bins"_s, u"Bins 2"_s)), 2);
        QCOMPARE(count(u"SELECT count(*) FROM change_log WHERE entity = 'script'"_s), 1);
        QVERIFY(ScriptCatalogStore::syncIdOf(u"bins"_s, 1) != ScriptCatalogStore::syncIdOf(u"bins"_s, 2));
    }

    void anArticleIsPublishedAtIncreasingRevisions()
    {
        KnowledgeCatalogStore articles(*m_db);
        KnowledgeArticle article { u"bin-day"_s, u"Bin day"_s, u"waste"_s, { u"bin"_s }, u"Tuesdays."_s };
        Result<ArticlePublication> first = articles.publish(article, u"admin.one"_s, kNow);
        QVERIFY(first.ok());
        QCOMPARE(first->revision, 1);
        QVERIFY(!first->unchanged);
        Result<ArticlePublication> same = articles.publish(article, u"admin.one"_s, kNow.addDays(1));
        QVERIFY(same->unchanged);
        QCOMPARE(same->revision, 1);
        article.body = u"Tuesdays, and Wednesdays after a bank holiday."_s;
        Result<ArticlePublication> changed = articles.publish(article, u"admin.two"_s, kNow.addDays(2));
        QCOMPARE(changed->revision, 2);
        QVERIFY(!changed->unchanged);

        const QList<wire::PublishedArticle> listed = articles.list().value();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().article.body, article.body);
        QCOMPARE(listed.first().article.keywords, QStringList { u"bin"_s });
        QCOMPARE(listed.first().revision, 2);
        QCOMPARE(listed.first().publishedAt, kNow.addDays(2));
        QCOMPARE(count(u"SELECT count(*) FROM change_log WHERE entity = 'article'"_s), 2);
        QCOMPARE(m_db->scalar(u"SELECT max(revision) FROM change_log WHERE entity = 'article'"_s).value().toInt(), 2);

        // An article for every service has none; one without a body is fine too.
        const KnowledgeArticle everyService { u"opening-hours"_s, u"Opening hours"_s, QString(), {}, QString() };
        QCOMPARE(articles.publish(everyService, u"admin.one"_s, kNow).value().revision, 1);
        QCOMPARE(articles.list().value().constLast().article.service, QString());

        KnowledgeArticle bad = article;
        bad.id = u"Bin Day"_s;
        QCOMPARE(articles.publish(bad, u"admin.one"_s, kNow).error().code, u"knowledge.bad_article"_s);
        bad = article;
        bad.service = u"no_such_service"_s;
        QCOMPARE(articles.publish(bad, u"admin.one"_s, kNow).error().code, u"knowledge.bad_article"_s);
        QCOMPARE(articles.list().value().constFirst().revision, 2); // bin-day, before opening-hours
    }
};

QTEST_GUILESS_MAIN(tst_ScriptCatalogStore)
#include "tst_ScriptCatalogStore.moc"
