#include "core/CaseStateMachine.h"

#include <QList>
#include <QPair>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using fc::CaseStateMachine;
using fc::CaseStatus;
using fc::ClosureReason;

namespace {

// The lifecycle as docs/domain/CASE-LIFECYCLE.md states it, written out independently of the code.
const QList<QPair<CaseStatus, CaseStatus>> &legalMoves()
{
    using S = CaseStatus;
    static const QList<QPair<S, S>> moves = {
        { S::New, S::Assigned },
        { S::New, S::Closed },
        { S::Assigned, S::InProgress },
        { S::Assigned, S::Closed },
        { S::InProgress, S::AwaitingCustomer },
        { S::InProgress, S::AwaitingThirdParty },
        { S::InProgress, S::Resolved },
        { S::InProgress, S::Closed },
        { S::AwaitingCustomer, S::InProgress },
        { S::AwaitingCustomer, S::Closed },
        { S::AwaitingThirdParty, S::InProgress },
        { S::AwaitingThirdParty, S::Closed },
        { S::Resolved, S::Closed },
        { S::Resolved, S::Reopened },
        { S::Closed, S::Reopened },
        { S::Reopened, S::Assigned },
        { S::Reopened, S::InProgress },
        { S::Reopened, S::Closed },
    };
    return moves;
}

const QDateTime kRaised = QDateTime(QDate(2026, 3, 2), QTime(9, 15), Qt::UTC);

fc::Case caseIn(CaseStatus status)
{
    fc::Case c;
    c.id = QUuid::fromString(u"{6f1c2a3e-0000-4000-8000-000000000001}"_s);
    c.reference = u"WST-2026-000123"_s;
    c.service = u"waste"_s;
    c.requestType = u"missed_bin"_s;
    c.team = u"waste_collections"_s;
    c.assignee = u"a.khan"_s;
    c.raisedAt = kRaised;
    c.promisedBy = kRaised.addDays(2);
    c.summary = u"Missed recycling, 12 Mill Street"_s;
    c.revision = 7;
    c.status = status;
    return c;
}

fc::Case resolvedCase(CaseStatus status, const QDateTime &resolvedAt)
{
    fc::Case c = caseIn(status);
    c.resolvedAt = resolvedAt;
    return c;
}

} // namespace

class tst_CaseStateMachine : public QObject {
    Q_OBJECT

private slots:
    void checkMatchesTheLifecycleTable_data()
    {
        QTest::addColumn<CaseStatus>("from");
        QTest::addColumn<CaseStatus>("to");
        QTest::addColumn<bool>("legal");
        for (CaseStatus from : fc::allCaseStatuses()) {
            for (CaseStatus to : fc::allCaseStatuses()) {
                const QByteArray name = fc::caseStatusKey(from).toUtf8() + " -> " + fc::caseStatusKey(to).toUtf8();
                QTest::newRow(name.constData()) << from << to << legalMoves().contains({ from, to });
            }
        }
    }
    void checkMatchesTheLifecycleTable()
    {
        QFETCH(CaseStatus, from);
        QFETCH(CaseStatus, to);
        QFETCH(bool, legal);
        const fc::Status status = CaseStateMachine::check(from, to);
        QCOMPARE(status.ok(), legal);
        if (!legal)
            QCOMPARE(status.error().code, u"case.illegal_transition"_s);
    }

    void allowedFromListsExactlyTheLegalMoves_data()
    {
        QTest::addColumn<CaseStatus>("from");
        for (CaseStatus from : fc::allCaseStatuses())
            QTest::newRow(fc::caseStatusKey(from).toUtf8().constData()) << from;
    }
    void allowedFromListsExactlyTheLegalMoves()
    {
        QFETCH(CaseStatus, from);
        QList<CaseStatus> expected;
        for (CaseStatus to : fc::allCaseStatuses()) {
            if (legalMoves().contains({ from, to }))
                expected.append(to);
        }
        QCOMPARE(CaseStateMachine::allowedFrom(from), expected);
    }

    void sameStateIsIllegal()
    {
        for (CaseStatus status : fc::allCaseStatuses()) {
            const fc::Status result = CaseStateMachine::check(status, status);
            QVERIFY2(!result.ok(), qPrintable(fc::caseStatusKey(status)));
            QCOMPARE(result.error().code, u"case.illegal_transition"_s);
        }
    }

    void illegalTransitionMessageNamesBothStatesInWords_data()
    {
        QTest::addColumn<CaseStatus>("from");
        QTest::addColumn<CaseStatus>("to");
        QTest::addColumn<QString>("message");
        QTest::newRow("closed -> in progress")
            << CaseStatus::Closed << CaseStatus::InProgress << u"A case cannot move from Closed to In progress."_s;
        QTest::newRow("new -> resolved") << CaseStatus::New << CaseStatus::Resolved
                                         << u"A case cannot move from New to Resolved."_s;
        QTest::newRow("awaiting third party -> awaiting customer")
            << CaseStatus::AwaitingThirdParty << CaseStatus::AwaitingCustomer
            << u"A case cannot move from Awaiting third party to Awaiting customer."_s;
        QTest::newRow("reopened -> reopened")
            << CaseStatus::Reopened << CaseStatus::Reopened << u"A case cannot move from Reopened to Reopened."_s;
    }
    void illegalTransitionMessageNamesBothStatesInWords()
    {
        QFETCH(CaseStatus, from);
        QFETCH(CaseStatus, to);
        QFETCH(QString, message);
        const fc::Status viaCheck = CaseStateMachine::check(from, to);
        QVERIFY(!viaCheck.ok());
        QCOMPARE(viaCheck.error().message, message);

        const fc::Result<fc::Case> viaTransition = CaseStateMachine::transition(caseIn(from), to, kRaised);
        QVERIFY(!viaTransition.ok());
        QCOMPARE(viaTransition.error(), viaCheck.error());
    }

    void transitionChangesOnlyTheStatusForAnOrdinaryMove()
    {
        const fc::Case before = caseIn(CaseStatus::Assigned);
        const fc::Result<fc::Case> after
            = CaseStateMachine::transition(before, CaseStatus::InProgress, kRaised.addSecs(3600));
        QVERIFY(after.ok());
        fc::Case expected = before;
        expected.status = CaseStatus::InProgress;
        QCOMPARE(after.value(), expected);
    }

    void resolvingSetsResolvedAtToNowInUtc()
    {
        // 10:30 in UTC+01:00 is 09:30 UTC.
        const QDateTime nowWithOffset(QDate(2026, 6, 10), QTime(10, 30), QTimeZone(3600));
        const fc::Result<fc::Case> after
            = CaseStateMachine::transition(caseIn(CaseStatus::InProgress), CaseStatus::Resolved, nowWithOffset);
        QVERIFY(after.ok());
        QCOMPARE(after->status, CaseStatus::Resolved);
        QCOMPARE(after->resolvedAt, QDateTime(QDate(2026, 6, 10), QTime(9, 30), Qt::UTC));
        QCOMPARE(after->resolvedAt.timeSpec(), Qt::UTC);
    }

    void closingAResolvedCaseKeepsResolvedAt()
    {
        const QDateTime resolvedAt = kRaised.addDays(1);
        const fc::Result<fc::Case> after = CaseStateMachine::transition(resolvedCase(CaseStatus::Resolved, resolvedAt),
                                                                        CaseStatus::Closed, resolvedAt.addDays(5));
        QVERIFY(after.ok());
        QCOMPARE(after->status, CaseStatus::Closed);
        QCOMPARE(after->resolvedAt, resolvedAt);
        QCOMPARE(after->closureReason, std::nullopt);
    }

    void reopeningClearsResolvedAtAndClosureReason_data()
    {
        QTest::addColumn<CaseStatus>("from");
        QTest::newRow("resolved") << CaseStatus::Resolved;
        QTest::newRow("closed") << CaseStatus::Closed;
    }
    void reopeningClearsResolvedAtAndClosureReason()
    {
        QFETCH(CaseStatus, from);
        const QDateTime resolvedAt = kRaised.addDays(1);
        const fc::Result<fc::Case> after
            = CaseStateMachine::transition(resolvedCase(from, resolvedAt), CaseStatus::Reopened, resolvedAt.addDays(3));
        QVERIFY(after.ok());
        QCOMPARE(after->status, CaseStatus::Reopened);
        QCOMPARE(after->resolvedAt, QDateTime());
        QCOMPARE(after->closureReason, std::nullopt);
        QVERIFY(fc::isOpen(after->status));
    }

    void closingAnOpenCaseNeedsAReason_data()
    {
        QTest::addColumn<CaseStatus>("from");
        for (CaseStatus from : fc::allCaseStatuses()) {
            if (fc::isOpen(from))
                QTest::newRow(fc::caseStatusKey(from).toUtf8().constData()) << from;
        }
    }
    void closingAnOpenCaseNeedsAReason()
    {
        QFETCH(CaseStatus, from);
        QVERIFY(CaseStateMachine::needsClosureReason(from, CaseStatus::Closed));

        const fc::Result<fc::Case> refused
            = CaseStateMachine::transition(caseIn(from), CaseStatus::Closed, kRaised.addDays(1));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"case.closure_reason_required"_s);

        const fc::Result<fc::Case> closed = CaseStateMachine::transition(caseIn(from), CaseStatus::Closed,
                                                                         kRaised.addDays(1), ClosureReason::Duplicate);
        QVERIFY(closed.ok());
        QCOMPARE(closed->status, CaseStatus::Closed);
        QCOMPARE(closed->closureReason, std::optional(ClosureReason::Duplicate));
        QCOMPARE(closed->resolvedAt, QDateTime());
    }

    void aReasonIsRefusedWhereNoneIsRecorded_data()
    {
        QTest::addColumn<CaseStatus>("from");
        QTest::addColumn<CaseStatus>("to");
        QTest::newRow("resolved -> closed") << CaseStatus::Resolved << CaseStatus::Closed;
        QTest::newRow("in progress -> resolved") << CaseStatus::InProgress << CaseStatus::Resolved;
        QTest::newRow("new -> assigned") << CaseStatus::New << CaseStatus::Assigned;
    }
    void aReasonIsRefusedWhereNoneIsRecorded()
    {
        QFETCH(CaseStatus, from);
        QFETCH(CaseStatus, to);
        QVERIFY(!CaseStateMachine::needsClosureReason(from, to));
        const fc::Result<fc::Case> after = CaseStateMachine::transition(resolvedCase(from, kRaised.addDays(1)), to,
                                                                        kRaised.addDays(2), ClosureReason::Withdrawn);
        QVERIFY(!after.ok());
        QCOMPARE(after.error().code, u"case.closure_reason_not_allowed"_s);
    }

    void closedCaseReopensOnlyWithinTheWindow_data()
    {
        QTest::addColumn<qint64>("secondsAfterResolution");
        QTest::addColumn<QString>("expectedError"); // empty: reopened
        const qint64 window = qint64(CaseStateMachine::kReopenWindowDays) * 24 * 3600;
        QTest::newRow("same day") << qint64(3600) << QString();
        QTest::newRow("one second before the window ends") << window - 1 << QString();
        QTest::newRow("exactly when the window ends") << window << QString();
        QTest::newRow("one second after the window ends") << window + 1 << u"case.reopen_window_passed"_s;
        QTest::newRow("three months later") << qint64(90) * 24 * 3600 << u"case.reopen_window_passed"_s;
    }
    void closedCaseReopensOnlyWithinTheWindow()
    {
        QFETCH(qint64, secondsAfterResolution);
        QFETCH(QString, expectedError);
        QCOMPARE(CaseStateMachine::kReopenWindowDays, 28);
        const QDateTime resolvedAt(QDate(2026, 3, 20), QTime(16, 0), Qt::UTC);
        const fc::Result<fc::Case> after
            = CaseStateMachine::transition(resolvedCase(CaseStatus::Closed, resolvedAt), CaseStatus::Reopened,
                                           resolvedAt.addSecs(secondsAfterResolution));
        if (expectedError.isEmpty()) {
            QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().message));
            QCOMPARE(after->status, CaseStatus::Reopened);
        } else {
            QVERIFY(!after.ok());
            QCOMPARE(after.error().code, expectedError);
        }
    }

    void reopenDeadlineIsTheResolutionPlusTheWindow()
    {
        const QDateTime resolvedAt(QDate(2026, 3, 20), QTime(16, 0), Qt::UTC);
        QCOMPARE(CaseStateMachine::reopenDeadline(resolvedCase(CaseStatus::Closed, resolvedAt)),
                 QDateTime(QDate(2026, 4, 17), QTime(16, 0), Qt::UTC));
        QCOMPARE(CaseStateMachine::reopenDeadline(caseIn(CaseStatus::Closed)), QDateTime());
    }

    void caseClosedWithoutResolutionCannotBeReopened()
    {
        fc::Case closed = caseIn(CaseStatus::Closed);
        closed.closureReason = ClosureReason::Withdrawn;
        const fc::Result<fc::Case> after
            = CaseStateMachine::transition(closed, CaseStatus::Reopened, kRaised.addDays(1));
        QVERIFY(!after.ok());
        QCOMPARE(after.error().code, u"case.not_reopenable"_s);
    }

    // Resolved is not yet filed away: the customer saying "it is still not fixed" reopens it at any age.
    void resolvedCaseReopensAfterTheWindow()
    {
        const QDateTime resolvedAt = kRaised.addDays(1);
        const fc::Result<fc::Case> after = CaseStateMachine::transition(resolvedCase(CaseStatus::Resolved, resolvedAt),
                                                                        CaseStatus::Reopened, resolvedAt.addDays(90));
        QVERIFY(after.ok());
        QCOMPARE(after->status, CaseStatus::Reopened);
    }

    void invalidTimeIsRefused()
    {
        const fc::Result<fc::Case> after
            = CaseStateMachine::transition(caseIn(CaseStatus::InProgress), CaseStatus::Resolved, QDateTime());
        QVERIFY(!after.ok());
        QCOMPARE(after.error().code, u"case.invalid_time"_s);
    }

    void aRepairGoesRoundTheWholeLifecycle()
    {
        using S = CaseStatus;
        fc::Case c = caseIn(S::New);
        QDateTime now = kRaised;
        const QList<S> path = { S::Assigned, S::InProgress, S::AwaitingThirdParty, S::InProgress, S::Resolved,
                                S::Closed,   S::Reopened,   S::InProgress,         S::Resolved };
        for (S to : path) {
            now = now.addDays(1);
            fc::Result<fc::Case> next = CaseStateMachine::transition(c, to, now);
            QVERIFY2(next.ok(), qPrintable(fc::caseStatusKey(to)));
            c = std::move(next).value();
        }
        QCOMPARE(c.status, S::Resolved);
        QCOMPARE(c.resolvedAt, kRaised.addDays(path.size()));
    }
};

QTEST_GUILESS_MAIN(tst_CaseStateMachine)
#include "tst_CaseStateMachine.moc"
