// KnowledgeStore on a real encrypted cache: articles at their latest revision, listed by title, searched
// by words with case and accents folded, title and keyword matches first.

#include "storage/KnowledgeStore.h"
#include "unit/storage/StoreTestSupport.h"

#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

KnowledgeArticle article(const QString &id, const QString &title, const QStringList &keywords, const QString &body)
{
    return KnowledgeArticle { id, title, u"waste"_s, keywords, body };
}

QStringList ids(const QList<KnowledgeArticle> &articles)
{
    QStringList out;
    for (const KnowledgeArticle &a : articles)
        out.append(a.id);
    return out;
}

} // namespace

class tst_KnowledgeStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<StoreTestCache> m_cache;

private slots:
    void init()
    {
        m_cache = std::make_unique<StoreTestCache>();
        QVERIFY(m_cache->open());
    }

    void cleanup() { m_cache.reset(); }

    void anArticleIsKeptAtItsLatestRevision()
    {
        KnowledgeStore store(m_cache->db());
        const QDateTime at(QDate(2026, 11, 2), QTime(9, 30, 0, 125), Qt::UTC);
        KnowledgeArticle first = article(u"bin-day"_s, u"Bin day"_s, { u"bin"_s, u"day"_s }, u"Tuesdays."_s);
        first.service.clear();
        QCOMPARE(store.put(first, 1, at).value(), true);
        QCOMPARE(store.byId(u"bin-day"_s).value()->keywords, (QStringList { u"bin"_s, u"day"_s }));
        QCOMPARE(store.byId(u"bin-day"_s).value()->service, QString());

        KnowledgeArticle second = first;
        second.body = u"Tuesdays; Wednesdays after a bank holiday."_s;
        QCOMPARE(store.put(second, 3, at).value(), true);
        QCOMPARE(store.put(first, 2, at).value(), false); // arrived late
        QCOMPARE(store.byId(u"bin-day"_s).value()->body, second.body);
        QCOMPARE(store.revision(u"bin-day"_s).value(), std::optional<qint64>(3));
        QCOMPARE(store.put(second, 3, at).value(), true); // the same again is harmless
        QVERIFY(!store.byId(u"nothing"_s).value());
        QCOMPARE(store.revision(u"nothing"_s).value(), std::optional<qint64>());

        QCOMPARE(store.put(article(QString(), u"No id"_s, {}, QString()), 1, at).error().code, u"knowledge.invalid"_s);
        QCOMPARE(store.put(first, 0, at).error().code, u"knowledge.invalid"_s);
    }

    void searchFindsEveryWordWithTitlesAndKeywordsFirst()
    {
        KnowledgeStore store(m_cache->db());
        const QDateTime at = QDateTime::currentDateTimeUtc();
        QVERIFY(store
                    .put(article(u"noise"_s, u"Noise diary"_s, { u"noise"_s },
                                 u"Keep a diary for two weeks of the bin lorry."_s),
                         1, at)
                    .ok());
        QVERIFY(
            store.put(article(u"bins"_s, u"Bin collection days"_s, { u"bin"_s, u"recycling"_s }, u"Tuesdays."_s), 1, at)
                .ok());
        QVERIFY(
            store
                .put(article(u"cymraeg"_s, u"Casgliadau biniau"_s, { u"Gwastraff"_s }, u"Dydd Mawrth, ŵyl y banc."_s),
                     1, at)
                .ok());

        QCOMPARE(ids(store.list().value()), (QStringList { u"bins"_s, u"cymraeg"_s, u"noise"_s })); // by title
        QCOMPARE(ids(store.search(QString()).value()), (QStringList { u"bins"_s, u"cymraeg"_s, u"noise"_s }));
        // "bin" is in the bins article's title and only in the noise article's body.
        QCOMPARE(ids(store.search(u"BIN"_s).value()), (QStringList { u"bins"_s, u"cymraeg"_s, u"noise"_s }));
        QCOMPARE(ids(store.search(u"bin lorry"_s).value()), QStringList { u"noise"_s });
        QCOMPARE(ids(store.search(u"wyl gwastraff"_s).value()), QStringList { u"cymraeg"_s }); // accents folded
        QVERIFY(store.search(u"pothole"_s).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_KnowledgeStore)
#include "tst_KnowledgeStore.moc"
