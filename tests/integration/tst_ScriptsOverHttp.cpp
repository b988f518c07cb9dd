// Published scripts and knowledge articles reaching a real desk: firstcontact-server `knowledge publish`
// and `scripts publish`, a real server over HTTP and a desk (firstcontact-cli) syncing, on PostgreSQL and
// SQLite. A newer version becomes the desk's latest while the one before stays readable; a draft saved
// meanwhile never arrives.

#include "SyncTestDesk.h"
#include "storage/KnowledgeStore.h"
#include "storage/ScriptStore.h"
#include "support/PgTestDatabase.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::synctest;
using namespace Qt::StringLiterals;

namespace {

QString sourcePath(const QString &relative)
{
    return qEnvironmentVariable("FC_SOURCE_DIR") + u'/' + relative;
}

// The shipped missed-bin script with another title, written to `path`.
bool writeRetitled(const QString &path, const QString &title)
{
    QFile shipped(sourcePath(u"resources/scripts/waste-missed-bin.json"_s));
    QFile out(path);
    if (!shipped.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return false;
    QJsonObject script = QJsonDocument::fromJson(shipped.readAll()).object();
    script.insert(u"title"_s, title);
    return out.write(QJsonDocument(script).toJson()) > 0;
}

struct DeskScripts {
    int latest = 0;
    QString latestTitle;
    QString firstTitle; // of version 1, when the desk holds it
    int articles = 0;
    QString articleTitle;
};

Result<DeskScripts> deskScripts(const SyncTestDesk &desk)
{
    return desk.inCache([](QSqlDatabase &db) -> Result<DeskScripts> {
        ScriptStore scripts(db);
        DeskScripts held;
        Result<std::optional<ScriptVersion>> latest = scripts.latestPublished(u"waste-missed-bin"_s);
        Result<std::optional<ScriptVersion>> first = scripts.version(u"waste-missed-bin"_s, 1);
        Result<QList<KnowledgeArticle>> articles = KnowledgeStore(db).list();
        Result<std::optional<KnowledgeArticle>> bins = KnowledgeStore(db).byId(u"bin-collection-days"_s);
        if (!latest || !first || !articles || !bins)
            return makeError(u"test.read"_s, u"could not read the desk's scripts"_s);
        if (latest.value()) {
            held.latest = latest.value()->version;
            held.latestTitle = latest.value()->title;
        }
        if (first.value())
            held.firstTitle = first.value()->title;
        held.articles = int(articles->size());
        if (bins.value())
            held.articleTitle = bins.value()->title;
        return held;
    });
}

} // namespace

class tst_ScriptsOverHttp : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void publishedScriptsReachADeskAndANewerVersionBecomesItsLatest_data()
    {
        QTest::addColumn<QString>("backEnd");
        QTest::newRow("postgresql") << u"postgresql"_s;
        QTest::newRow("sqlite") << u"sqlite"_s;
    }

    void publishedScriptsReachADeskAndANewerVersionBecomesItsLatest()
    {
        QFETCH(QString, backEnd);
        fc::test::PgTestDatabase pg;
        if (backEnd == u"postgresql"_s) {
            const Status created = pg.create();
            QVERIFY2(created.ok(), why(created).constData());
        }
        const QString url
            = backEnd == u"postgresql"_s ? pg.url() : u"sqlite:"_s + m_dir.filePath(backEnd + u".sqlite"_s);

        const CommandRun articles = runServerCommand(
            url, { u"knowledge"_s, u"publish"_s, sourcePath(u"resources/knowledge"_s), u"--as"_s, u"kb.admin"_s });
        QVERIFY2(articles.exitCode == 0, qPrintable(articles.out + articles.err));
        QVERIFY2(articles.out.contains(u"published bin-collection-days as revision 1"_s), qPrintable(articles.out));
        const CommandRun scripts = runServerCommand(
            url, { u"scripts"_s, u"publish"_s, sourcePath(u"resources/scripts"_s), u"--as"_s, u"kb.admin"_s });
        QVERIFY2(scripts.exitCode == 0, qPrintable(scripts.out + scripts.err));
        QVERIFY2(scripts.out.contains(u"waste-missed-bin.json: published as version 1"_s), qPrintable(scripts.out));

        QCOMPARE(addUser(url, u"script.desk"_s).exitCode, 0);
        SyncServer server;
        QVERIFY2(server.start(url), qPrintable(server.error()));
        const SyncTestDesk desk(m_dir.filePath(u"desk-"_s + backEnd), u"script.desk"_s);
        const CommandRun loggedIn = desk.login(server.baseUrl());
        QVERIFY2(loggedIn.exitCode == 0, qPrintable(loggedIn.err));
        const CommandRun synced = desk.sync();
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.out + synced.err));
        Result<DeskScripts> held = deskScripts(desk);
        QVERIFY2(held.ok(), why(held).constData());
        QCOMPARE(held->latest, 1);
        QCOMPARE(held->latestTitle, u"Missed bin collection"_s);
        QCOMPARE(held->articles, int(QDir(sourcePath(u"resources/knowledge"_s)).entryList({ u"*.md"_s }).size()));
        QCOMPARE(held->articleTitle, u"Bin collection days and rules"_s);

        // The same files again change nothing; a broken one is refused; a changed one is version 2.
        const CommandRun again
            = runServerCommand(url, { u"scripts"_s, u"publish"_s, sourcePath(u"resources/scripts"_s) });
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QVERIFY2(again.out.contains(u"0 published, 10 unchanged, 0 refused"_s), qPrintable(again.out));
        const QString broken = m_dir.filePath(backEnd + u"-broken.json"_s);
        {
            QFile file(broken);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"format\": 1, \"id\": \"waste-missed-bin\"}");
        }
        const CommandRun refused = runServerCommand(url, { u"scripts"_s, u"publish"_s, broken });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.out.contains(u"refused: script.bad_field"_s), qPrintable(refused.out));
        const QString changed = m_dir.filePath(backEnd + u"-waste-missed-bin.json"_s);
        QVERIFY(writeRetitled(changed, u"Missed bin collection (new crews)"_s));
        const CommandRun second = runServerCommand(url, { u"scripts"_s, u"publish"_s, changed });
        QVERIFY2(second.exitCode == 0 && second.out.contains(u": published as version 2"_s), qPrintable(second.out));
        const CommandRun listed = runServerCommand(url, { u"scripts"_s, u"list"_s });
        QVERIFY2(listed.out.contains(u"waste-missed-bin\tpublished 2\tno drafts\twaste\t"_s), qPrintable(listed.out));

        QVERIFY(syncUntil(desk, [&] {
            held = deskScripts(desk);
            return held.ok() && held->latest >= 2;
        }));
        QCOMPARE(held->latestTitle, u"Missed bin collection (new crews)"_s);
        QCOMPARE(held->firstTitle, u"Missed bin collection"_s); // version 1 stays readable
    }
};

QTEST_GUILESS_MAIN(tst_ScriptsOverHttp)
#include "tst_ScriptsOverHttp.moc"
