// ScriptStore on a real encrypted cache: versions side by side, drafts never served as published.

#include "storage/ScriptStore.h"
#include "unit/storage/StoreTestSupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

ScriptVersion makeScript(const QString &id, int version, const QDateTime &publishedAt,
                         const QString &service = u"waste"_s, const QString &title = u"Missed bin"_s)
{
    ScriptVersion script;
    script.id = id;
    script.version = version;
    script.service = service;
    script.title = title;
    script.publishedAt = publishedAt;
    script.body
        = u"{\"steps\":[{\"id\":\"q1\",\"type\":\"choice\",\"text\":\"Which bin? Pa fin?\"}],\"v\":%1}"_s.arg(version);
    return script;
}

QStringList keys(const QList<ScriptVersion> &scripts)
{
    QStringList out;
    for (const ScriptVersion &script : scripts)
        out.append(script.id + u'@' + QString::number(script.version));
    return out;
}

} // namespace

class tst_ScriptStore : public QObject {
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField_data()
    {
        QTest::addColumn<ScriptVersion>("original");
        QTest::newRow("published") << makeScript(u"waste-missed-bin"_s, 4, utc(2025, 2, 28, 17, 30, 0, 45));
        QTest::newRow("draft") << makeScript(u"waste-missed-bin"_s, 5, QDateTime());
        ScriptVersion bare = makeScript(u"council-tax-move"_s, 1, utc(2025, 1, 1));
        bare.service.clear();
        bare.title.clear();
        bare.body = u"[]"_s;
        QTest::newRow("no service or title, array body") << bare;
        ScriptVersion welsh = makeScript(u"treth-cyngor"_s, 2, utc(2025, 1, 1));
        welsh.title = u"Treth y Cyngor – symud tŷ"_s;
        welsh.body = u"{\n  \"text\": \"Ydych chi’n symud? ŵ ŷ ł\"\n}"_s;
        QTest::newRow("Welsh text, body kept byte for byte") << welsh;
    }

    void roundTripKeepsEveryField()
    {
        QFETCH(ScriptVersion, original);
        StoreTestCache cache;
        QVERIFY(cache.open());
        {
            ScriptStore store(cache.db());
            const Status saved = store.put(original);
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        }
        cache.close();
        QVERIFY(cache.open());
        ScriptStore store(cache.db());
        auto stored = store.version(original.id, original.version);
        QVERIFY(stored.ok());
        QVERIFY(stored->has_value());
        QCOMPARE((*stored)->body, original.body);
        QCOMPARE((*stored)->publishedAt, original.publishedAt);
        QCOMPARE((*stored)->isPublished(), original.isPublished());
        QVERIFY(**stored == original);
    }

    void latestPublishedSkipsDraftsAndOlderVersions()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ScriptStore store(cache.db());
        QVERIFY(store.put(makeScript(u"s"_s, 2, utc(2025, 2, 1))).ok());
        QVERIFY(store.put(makeScript(u"s"_s, 1, utc(2025, 1, 1))).ok());
        QVERIFY(store.put(makeScript(u"s"_s, 3, QDateTime())).ok());
        QVERIFY(store.put(makeScript(u"other"_s, 9, utc(2025, 3, 1))).ok());

        auto latest = store.latestPublished(u"s"_s);
        QVERIFY(latest.ok());
        QVERIFY(latest->has_value());
        QCOMPARE((*latest)->version, 2);
        QVERIFY(**latest == makeScript(u"s"_s, 2, utc(2025, 2, 1)));

        auto draft = store.version(u"s"_s, 3);
        QVERIFY(draft.ok() && draft->has_value());
        QVERIFY(!(*draft)->isPublished());

        QVERIFY(!store.latestPublished(u"unknown"_s)->has_value());
        QVERIFY(!store.version(u"s"_s, 4)->has_value());
        QVERIFY(store.put(makeScript(u"only-draft"_s, 1, QDateTime())).ok());
        QVERIFY(!store.latestPublished(u"only-draft"_s)->has_value());
    }

    void putReplacesTheSameVersionOnly()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ScriptStore store(cache.db());
        const ScriptVersion v1 = makeScript(u"s"_s, 1, utc(2025, 1, 1));
        QVERIFY(store.put(v1).ok());
        ScriptVersion draft = makeScript(u"s"_s, 2, QDateTime());
        QVERIFY(store.put(draft).ok());
        draft.publishedAt = utc(2025, 2, 2, 2, 2, 2, 2);
        draft.title = u"Missed bin (revised)"_s;
        QVERIFY(store.put(draft).ok()); // the draft is published

        QCOMPARE(cache.rowCount(u"script"_s), 2);
        QVERIFY(*store.version(u"s"_s, 1).value() == v1);
        QVERIFY(*store.latestPublished(u"s"_s).value() == draft);
    }

    void putRefusesAnInvalidScript_data()
    {
        QTest::addColumn<ScriptVersion>("invalid");
        QTest::addColumn<QString>("mentioned");
        ScriptVersion s = makeScript(QString(), 1, utc(2025, 1, 1));
        QTest::newRow("no id") << s << u"id"_s;
        s = makeScript(u"s"_s, 0, utc(2025, 1, 1));
        QTest::newRow("version 0") << s << u"version"_s;
        s = makeScript(u"s"_s, -1, utc(2025, 1, 1));
        QTest::newRow("negative version") << s << u"version"_s;
        s = makeScript(u"s"_s, 1, utc(2025, 1, 1));
        s.body = u"{\"steps\": ["_s;
        QTest::newRow("truncated body") << s << u"JSON"_s;
        s.body.clear();
        QTest::newRow("empty body") << s << u"JSON"_s;
        s.body = u"steps: []"_s;
        QTest::newRow("body that is not JSON") << s << u"JSON"_s;
    }

    void putRefusesAnInvalidScript()
    {
        QFETCH(ScriptVersion, invalid);
        QFETCH(QString, mentioned);
        StoreTestCache cache;
        QVERIFY(cache.open());
        ScriptStore store(cache.db());
        const Status status = store.put(invalid);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"script.invalid"_s);
        QVERIFY2(status.error().message.contains(mentioned), qPrintable(status.error().message));
        QCOMPARE(cache.rowCount(u"script"_s), 0);
    }

    void listGivesTheLatestPublishedVersionOfEachScriptByServiceAndTitle()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ScriptStore store(cache.db());
        QVERIFY(store.put(makeScript(u"waste-missed"_s, 1, utc(2025, 1, 1), u"waste"_s, u"Missed bin"_s)).ok());
        QVERIFY(store.put(makeScript(u"waste-missed"_s, 2, utc(2025, 2, 1), u"waste"_s, u"Missed bin"_s)).ok());
        QVERIFY(store.put(makeScript(u"waste-missed"_s, 3, QDateTime(), u"waste"_s, u"Missed bin"_s)).ok());
        QVERIFY(store.put(makeScript(u"waste-bulky"_s, 1, utc(2025, 1, 1), u"waste"_s, u"Bulky waste"_s)).ok());
        QVERIFY(store.put(makeScript(u"ctax-move"_s, 7, utc(2025, 1, 1), u"council_tax"_s, u"Moving home"_s)).ok());
        QVERIFY(store.put(makeScript(u"draft-only"_s, 1, QDateTime(), u"housing"_s, u"Repairs"_s)).ok());

        auto listed = store.list();
        QVERIFY(listed.ok());
        QCOMPARE(keys(*listed), (QStringList { u"ctax-move@7"_s, u"waste-bulky@1"_s, u"waste-missed@2"_s }));
    }

    void aStoredRowThatDoesNotParseIsReportedNotGuessed()
    {
        StoreTestCache cache;
        QVERIFY(cache.open());
        ScriptStore store(cache.db());
        QVERIFY(store.put(makeScript(u"s"_s, 1, utc(2025, 1, 1))).ok());
        {
            QSqlQuery damage(cache.db());
            QVERIFY(damage.exec(u"UPDATE script SET published_at = 'soon'"_s));
        }
        auto read = store.latestPublished(u"s"_s);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, u"cache.bad_row"_s);
        QVERIFY(read.error().message.contains(u"published_at"_s));
    }
};

QTEST_GUILESS_MAIN(tst_ScriptStore)
#include "tst_ScriptStore.moc"
