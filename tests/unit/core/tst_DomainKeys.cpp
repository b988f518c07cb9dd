// Every domain enum's stable keys: storage and the wire depend on these exact strings.

#include "core/AccessNeeds.h"
#include "core/Case.h"
#include "core/Channel.h"
#include "core/CustomerFlag.h"
#include "core/Demand.h"
#include "core/Outcome.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// What one enum family looks like from the outside, gathered through its own functions.
struct Family {
    QStringList keys; // key(e) for every e in all()
    QStringList roundTripped; // key(fromKey(key(e))), "<nullopt>" when fromKey failed
    QStringList displayNames; // displayName(e)
    QStringList acceptedProbes; // near-miss keys that fromKey wrongly accepted
};

template<typename E>
Family describe(const QList<E> &all, QString (*key)(E), std::optional<E> (*fromKey)(QStringView),
                QString (*displayName)(E), bool emptyIsAKey = false)
{
    Family family;
    for (E e : all) {
        const QString k = key(e);
        family.keys.append(k);
        const std::optional<E> parsed = fromKey(k);
        family.roundTripped.append(parsed ? key(*parsed) : u"<nullopt>"_s);
        family.displayNames.append(displayName(e));
    }
    QStringList probes = { u"unknown"_s, u"_"_s, u"0"_s };
    if (!emptyIsAKey)
        probes.append(QString());
    for (const QString &k : std::as_const(family.keys)) {
        // fromKey never guesses: no case folding, no trimming, no prefix matching.
        probes << k.toUpper() << (u' ' + k) << (k + u' ') << k.left(k.size() - 1) << (k + u"x"_s);
    }
    for (const QString &probe : std::as_const(probes)) {
        if (!family.keys.contains(probe) && fromKey(probe).has_value())
            family.acceptedProbes.append(probe);
    }
    return family;
}

void addFamilyRows()
{
    QTest::addColumn<QStringList>("expectedKeys");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("roundTripped");
    QTest::addColumn<QStringList>("displayNames");
    QTest::addColumn<QStringList>("acceptedProbes");

    const auto row = [](const char *name, const QStringList &expected, const Family &f) {
        QTest::newRow(name) << expected << f.keys << f.roundTripped << f.displayNames << f.acceptedProbes;
    };
    row("channel",
        { u"phone"_s, u"face_to_face"_s, u"email"_s, u"web_form"_s, u"webchat"_s, u"video_relay"_s, u"letter"_s,
          u"social_media"_s },
        describe(fc::allChannels(), fc::channelKey, fc::channelFromKey, fc::channelDisplayName));
    row("outcome",
        { u"resolved"_s, u"request_raised"_s, u"appointment_booked"_s, u"signposted"_s, u"transferred"_s,
          u"assisted_self_service"_s, u"no_action"_s },
        describe(fc::allOutcomes(), fc::outcomeKey, fc::outcomeFromKey, fc::outcomeDisplayName));
    row("demand type", { u"value"_s, u"failure"_s },
        describe(fc::allDemandTypes(), fc::demandTypeKey, fc::demandTypeFromKey, fc::demandTypeDisplayName));
    row("failure kind",
        { u"chasing_progress"_s, u"not_resolved_last_time"_s, u"wrong_information"_s, u"work_not_done_properly"_s,
          u"could_not_use_channel"_s },
        describe(fc::allFailureKinds(), fc::failureKindKey, fc::failureKindFromKey, fc::failureKindDisplayName,
                 /*emptyIsAKey=*/true));
    row("access need", { u"bsl"_s, u"interpreter"_s, u"large_print"_s, u"hearing_loop"_s, u"easy_read"_s },
        describe(fc::allAccessNeeds(), fc::accessNeedKey, fc::accessNeedFromKey, fc::accessNeedDisplayName));
    row("flag category",
        { u"safeguarding"_s, u"bereavement"_s, u"financial_hardship"_s, u"mental_health"_s, u"physical_disability"_s,
          u"cognitive_impairment"_s, u"domestic_abuse"_s, u"care_leaver"_s, u"verbal_abuse"_s, u"violence_history"_s,
          u"do_not_visit_alone"_s },
        describe(fc::allFlagCategories(), fc::flagCategoryKey, fc::flagCategoryFromKey, fc::flagCategoryDisplayName));
    row("case status",
        { u"new"_s, u"assigned"_s, u"in_progress"_s, u"awaiting_customer"_s, u"awaiting_third_party"_s, u"resolved"_s,
          u"closed"_s, u"reopened"_s },
        describe(fc::allCaseStatuses(), fc::caseStatusKey, fc::caseStatusFromKey, fc::caseStatusDisplayName));
    row("case priority", { u"low"_s, u"normal"_s, u"high"_s, u"emergency"_s },
        describe(fc::allCasePriorities(), fc::casePriorityKey, fc::casePriorityFromKey, fc::casePriorityDisplayName));
    row("closure reason", { u"withdrawn"_s, u"duplicate"_s, u"no_customer_response"_s, u"raised_in_error"_s },
        describe(fc::allClosureReasons(), fc::closureReasonKey, fc::closureReasonFromKey,
                 fc::closureReasonDisplayName));
}

} // namespace

class tst_DomainKeys : public QObject {
    Q_OBJECT

private slots:
    void keysAreTheDocumentedOnes_data() { addFamilyRows(); }
    void keysAreTheDocumentedOnes()
    {
        QFETCH(QStringList, expectedKeys);
        QFETCH(QStringList, keys);
        QCOMPARE(keys, expectedKeys);
    }

    void everyEnumeratorRoundTripsThroughItsKey_data() { addFamilyRows(); }
    void everyEnumeratorRoundTripsThroughItsKey()
    {
        QFETCH(QStringList, keys);
        QFETCH(QStringList, roundTripped);
        QCOMPARE(roundTripped, keys);
    }

    void keysAreUniqueSnakeCase_data() { addFamilyRows(); }
    void keysAreUniqueSnakeCase()
    {
        QFETCH(QStringList, keys);
        static const QRegularExpression snakeCase(u"^[a-z]+(_[a-z]+)*$"_s);
        for (const QString &key : std::as_const(keys))
            QVERIFY2(snakeCase.match(key).hasMatch(), qPrintable(key));
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size());
    }

    void unknownEmptyAndNearMissKeysAreRejected_data() { addFamilyRows(); }
    void unknownEmptyAndNearMissKeysAreRejected()
    {
        QFETCH(QStringList, acceptedProbes);
        QCOMPARE(acceptedProbes, QStringList());
    }

    void displayNamesAreNonEmptyAndDistinct_data() { addFamilyRows(); }
    void displayNamesAreNonEmptyAndDistinct()
    {
        QFETCH(QStringList, displayNames);
        QFETCH(QStringList, keys);
        QCOMPARE(displayNames.size(), keys.size());
        for (const QString &name : std::as_const(displayNames))
            QVERIFY(!name.trimmed().isEmpty());
        QCOMPARE(QSet<QString>(displayNames.cbegin(), displayNames.cend()).size(), displayNames.size());
    }

    // None is not in allFailureKinds(); its key is the empty string, which value demand is stored with.
    void failureKindNoneRoundTripsThroughTheEmptyKey()
    {
        QCOMPARE(fc::failureKindKey(fc::FailureKind::None), QString());
        QCOMPARE(fc::failureKindFromKey(u""), std::optional(fc::FailureKind::None));
        QCOMPARE(fc::failureKindFromKey(QStringView()), std::optional(fc::FailureKind::None));
        QVERIFY(!fc::allFailureKinds().contains(fc::FailureKind::None));
        QVERIFY(!fc::failureKindDisplayName(fc::FailureKind::None).isEmpty());
    }

    void statusDisplayNamesAreTheWordsUsedInMessages()
    {
        QCOMPARE(fc::caseStatusDisplayName(fc::CaseStatus::InProgress), u"In progress"_s);
        QCOMPARE(fc::caseStatusDisplayName(fc::CaseStatus::AwaitingThirdParty), u"Awaiting third party"_s);
        QCOMPARE(fc::channelDisplayName(fc::Channel::FaceToFace), u"Face to face"_s);
    }

    void onlyResolvedAndClosedAreNotOpen_data()
    {
        QTest::addColumn<fc::CaseStatus>("status");
        QTest::addColumn<bool>("open");
        QTest::newRow("new") << fc::CaseStatus::New << true;
        QTest::newRow("assigned") << fc::CaseStatus::Assigned << true;
        QTest::newRow("in progress") << fc::CaseStatus::InProgress << true;
        QTest::newRow("awaiting customer") << fc::CaseStatus::AwaitingCustomer << true;
        QTest::newRow("awaiting third party") << fc::CaseStatus::AwaitingThirdParty << true;
        QTest::newRow("resolved") << fc::CaseStatus::Resolved << false;
        QTest::newRow("closed") << fc::CaseStatus::Closed << false;
        QTest::newRow("reopened") << fc::CaseStatus::Reopened << true;
    }
    void onlyResolvedAndClosedAreNotOpen()
    {
        QFETCH(fc::CaseStatus, status);
        QFETCH(bool, open);
        QCOMPARE(fc::isOpen(status), open);
    }
};

QTEST_GUILESS_MAIN(tst_DomainKeys)
#include "tst_DomainKeys.moc"
