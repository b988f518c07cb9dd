// WeightedChoice and RangeChoice pick in proportion to their integer weights and never pick what
// has no weight.

#include "demo/WeightedChoice.h"

#include <QMap>
#include <QString>
#include <QTest>

using fc::DemoRandom;
using fc::IntRange;
using fc::RangeChoice;
using fc::WeightedChoice;

class tst_WeightedChoice : public QObject {
    Q_OBJECT

private slots:
    void picksInProportionToWeights()
    {
        const WeightedChoice<QString> choice { { QStringLiteral("a"), 1 }, { QStringLiteral("b"), 3 } };
        DemoRandom random(11);
        QMap<QString, int> counts;
        for (int i = 0; i < 40000; ++i)
            ++counts[choice.pick(random)];
        QCOMPARE(counts.size(), 2);
        QVERIFY2(counts.value(QStringLiteral("a")) > 9400 && counts.value(QStringLiteral("a")) < 10600,
                 qPrintable(QString::number(counts.value(QStringLiteral("a")))));
    }

    void zeroWeightIsNeverPicked()
    {
        WeightedChoice<int> choice;
        choice.add(1, 0);
        choice.add(2, 5);
        choice.add(3, 0);
        QCOMPARE(choice.size(), 1);
        QCOMPARE(choice.totalWeight(), quint64(5));
        DemoRandom random(1);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(choice.pick(random), 2);
    }

    void singleEntryIsAlwaysPicked()
    {
        const WeightedChoice<int> choice { { 42, 7 } };
        DemoRandom random(2);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(choice.pick(random), 42);
    }

    void samePicksForSameStream()
    {
        const WeightedChoice<int> choice { { 1, 5 }, { 2, 3 }, { 3, 2 } };
        DemoRandom a(99);
        DemoRandom b(99);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(choice.pick(a), choice.pick(b));
    }

    void rangeChoiceStaysInsideItsRanges()
    {
        const RangeChoice choice { { IntRange { 1, 1 }, 50 }, { IntRange { 10, 12 }, 50 } };
        DemoRandom random(4);
        QMap<qint64, int> counts;
        for (int i = 0; i < 10000; ++i)
            ++counts[choice.pick(random)];
        QCOMPARE(counts.keys(), (QList<qint64> { 1, 10, 11, 12 }));
        QVERIFY2(counts.value(1) > 4700 && counts.value(1) < 5300, qPrintable(QString::number(counts.value(1))));
    }
};

QTEST_GUILESS_MAIN(tst_WeightedChoice)
#include "tst_WeightedChoice.moc"
