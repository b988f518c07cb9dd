#include "core/Demand.h"

#include <QTest>

using namespace Qt::StringLiterals;

using fc::DemandType;
using fc::FailureKind;

class tst_DemandClassification : public QObject {
    Q_OBJECT

private slots:
    void makeAcceptsOnlyConsistentPairs_data()
    {
        QTest::addColumn<DemandType>("type");
        QTest::addColumn<FailureKind>("kind");
        QTest::addColumn<QString>("expectedError"); // empty: accepted

        QTest::newRow("value, none") << DemandType::Value << FailureKind::None << QString();
        QTest::newRow("failure, none") << DemandType::Failure << FailureKind::None << u"demand.kind_required"_s;
        for (FailureKind kind : fc::allFailureKinds()) {
            const QByteArray key = fc::failureKindKey(kind).toUtf8();
            QTest::newRow(QByteArray("failure, " + key).constData()) << DemandType::Failure << kind << QString();
            QTest::newRow(QByteArray("value, " + key).constData())
                << DemandType::Value << kind << u"demand.kind_not_allowed"_s;
        }
    }
    void makeAcceptsOnlyConsistentPairs()
    {
        QFETCH(DemandType, type);
        QFETCH(FailureKind, kind);
        QFETCH(QString, expectedError);

        const fc::Result<fc::DemandClassification> made = fc::makeDemandClassification(type, kind);
        if (expectedError.isEmpty()) {
            QVERIFY(made.ok());
            QCOMPARE(made->type, type);
            QCOMPARE(made->failureKind, kind);
            QCOMPARE(made->isFailure(), type == DemandType::Failure);
        } else {
            QVERIFY(!made.ok());
            QCOMPARE(made.error().code, expectedError);
            QVERIFY(!made.error().message.isEmpty());
        }
    }

    void allFailureKindsAreTheFiveNi14Kinds()
    {
        const QList<FailureKind> expected
            = { FailureKind::ChasingProgress, FailureKind::NotResolvedLastTime, FailureKind::WrongOrUnclearInformation,
                FailureKind::WorkNotDoneProperly, FailureKind::CouldNotUseAnotherChannel };
        QCOMPARE(fc::allFailureKinds(), expected);
    }

    void factoriesBuildWhatMakeAccepts()
    {
        QCOMPARE(fc::DemandClassification::value(),
                 fc::makeDemandClassification(DemandType::Value, FailureKind::None).value());
        QCOMPARE(fc::DemandClassification::failure(FailureKind::ChasingProgress),
                 fc::makeDemandClassification(DemandType::Failure, FailureKind::ChasingProgress).value());
        QVERIFY(!fc::DemandClassification::value().isFailure());
        QVERIFY(fc::DemandClassification::failure(FailureKind::WorkNotDoneProperly).isFailure());
    }

    void defaultClassificationIsValueDemand()
    {
        const fc::DemandClassification unset;
        QCOMPARE(unset, fc::DemandClassification::value());
    }

    void storedKeysRebuildTheClassification_data()
    {
        QTest::addColumn<QString>("typeKey");
        QTest::addColumn<QString>("kindKey");
        QTest::addColumn<fc::DemandClassification>("expected");
        QTest::newRow("value") << u"value"_s << QString() << fc::DemandClassification::value();
        QTest::newRow("chasing") << u"failure"_s << u"chasing_progress"_s
                                 << fc::DemandClassification::failure(FailureKind::ChasingProgress);
        QTest::newRow("wrong information") << u"failure"_s << u"wrong_information"_s
                                           << fc::DemandClassification::failure(FailureKind::WrongOrUnclearInformation);
    }
    void storedKeysRebuildTheClassification()
    {
        QFETCH(QString, typeKey);
        QFETCH(QString, kindKey);
        QFETCH(fc::DemandClassification, expected);
        const std::optional<DemandType> type = fc::demandTypeFromKey(typeKey);
        const std::optional<FailureKind> kind = fc::failureKindFromKey(kindKey);
        QVERIFY(type.has_value());
        QVERIFY(kind.has_value());
        const fc::Result<fc::DemandClassification> made = fc::makeDemandClassification(*type, *kind);
        QVERIFY(made.ok());
        QCOMPARE(made.value(), expected);
        QCOMPARE(fc::demandTypeKey(made->type), typeKey);
        QCOMPARE(fc::failureKindKey(made->failureKind), kindKey);
    }
};

QTEST_GUILESS_MAIN(tst_DemandClassification)
#include "tst_DemandClassification.moc"
