// DemoRandom is the reference xoshiro256** seeded by SplitMix64, so a seed means the same council on
// every machine; its helpers stay in bounds and its streams are independent.

#include "demo/DemoRandom.h"

#include <QSet>
#include <QTest>

using fc::DemoRandom;

class tst_DemoRandom : public QObject {
    Q_OBJECT

private slots:
    void splitMix64MatchesTheReference()
    {
        // First outputs of the reference splitmix64.c from state 0.
        quint64 state = 0;
        QCOMPARE(DemoRandom::splitMix64(state), 0xE220A8397B1DCDAFULL);
        QCOMPARE(DemoRandom::splitMix64(state), 0x6E789E6AA1B965F4ULL);
        QCOMPARE(DemoRandom::splitMix64(state), 0x06C45D188009454FULL);
    }

    void xoshiroMatchesTheReference_data()
    {
        // Computed with the reference xoshiro256starstar.c, its state filled from splitmix64(seed).
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<QList<quint64>>("outputs");
        QTest::newRow("seed 0") << quint64(0)
                                << QList<quint64> { 0x99EC5F36CB75F2B4ULL, 0xBF6E1F784956452AULL, 0x1A5F849D4933E6E0ULL,
                                                    0x6AA594F1262D2D2CULL };
        QTest::newRow("seed 42") << quint64(42)
                                 << QList<quint64> { 0x15780B2E0C2EC716ULL, 0x6104D9866D113A7EULL,
                                                     0xAE17533239E499A1ULL, 0xECB8AD4703B360A1ULL };
    }
    void xoshiroMatchesTheReference()
    {
        QFETCH(quint64, seed);
        QFETCH(QList<quint64>, outputs);
        DemoRandom random(seed);
        for (const quint64 expected : outputs)
            QCOMPARE(random.next(), expected);
    }

    void sameStreamGivesSameValues()
    {
        DemoRandom a = DemoRandom::forStream(7, 2, 1234);
        DemoRandom b = DemoRandom::forStream(7, 2, 1234);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(a.next(), b.next());
    }

    void streamsDifferBySeedDomainAndIndex_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<quint64>("domain");
        QTest::addColumn<quint64>("index");
        QTest::newRow("another seed") << quint64(8) << quint64(2) << quint64(1234);
        QTest::newRow("another domain") << quint64(7) << quint64(3) << quint64(1234);
        QTest::newRow("another index") << quint64(7) << quint64(2) << quint64(1235);
        QTest::newRow("domain and index swapped") << quint64(7) << quint64(1234) << quint64(2);
    }
    void streamsDifferBySeedDomainAndIndex()
    {
        QFETCH(quint64, seed);
        QFETCH(quint64, domain);
        QFETCH(quint64, index);
        DemoRandom reference = DemoRandom::forStream(7, 2, 1234);
        DemoRandom other = DemoRandom::forStream(seed, domain, index);
        QVERIFY(reference.next() != other.next());
    }

    void belowStaysUnderItsBound_data()
    {
        QTest::addColumn<quint64>("bound");
        QTest::newRow("1") << quint64(1);
        QTest::newRow("2") << quint64(2);
        QTest::newRow("7") << quint64(7);
        QTest::newRow("1000") << quint64(1000);
        QTest::newRow("2^63 + 1") << (quint64(1) << 63) + 1;
    }
    void belowStaysUnderItsBound()
    {
        QFETCH(quint64, bound);
        DemoRandom random(1);
        for (int i = 0; i < 10000; ++i)
            QVERIFY(random.below(bound) < bound);
    }

    void belowZeroIsZero()
    {
        DemoRandom random(1);
        QCOMPARE(random.below(0), quint64(0));
    }

    void betweenReachesBothEndsAndNothingElse()
    {
        DemoRandom random(3);
        QSet<qint64> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(random.between(-1, 1));
        QCOMPARE(seen, (QSet<qint64> { -1, 0, 1 }));
        QCOMPARE(random.between(5, 5), qint64(5));
        QCOMPARE(random.between(5, 4), qint64(5));
    }

    void chanceFollowsItsRate()
    {
        DemoRandom random(5);
        int hits = 0;
        for (int i = 0; i < 100000; ++i)
            hits += random.chance(250000) ? 1 : 0;
        QVERIFY2(hits > 24000 && hits < 26000, qPrintable(QString::number(hits)));
        QVERIFY(!random.chance(0));
        QVERIFY(random.chance(1'000'000));
    }

    void uuidsAreVersionFourAndDistinct()
    {
        DemoRandom random(9);
        QSet<QUuid> ids;
        for (int i = 0; i < 1000; ++i) {
            const QUuid id = random.uuid();
            QCOMPARE(id.version(), QUuid::Random);
            QCOMPARE(id.variant(), QUuid::DCE);
            ids.insert(id);
        }
        QCOMPARE(ids.size(), 1000);
    }
};

QTEST_GUILESS_MAIN(tst_DemoRandom)
#include "tst_DemoRandom.moc"
