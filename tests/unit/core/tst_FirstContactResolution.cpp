// Repeat contacts and first-contact resolution as docs/METRICS.md defines them, on small hand-made
// histories whose figures are worked out by hand in the comments.

#include "core/FirstContactResolution.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fc;

namespace {

QUuid customer(int n)
{
    return QUuid(u"20000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0')));
}

Contact contact(int customerNo, const QString &service, QDate day, Outcome outcome,
                DemandClassification demand = DemandClassification::value())
{
    Contact c;
    c.id = QUuid::createUuid();
    c.customerId = customerNo > 0 ? customer(customerNo) : QUuid();
    c.service = service;
    c.startedAt = QDateTime(day, QTime(10, 0), QTimeZone::utc());
    c.endedAt = c.startedAt.addSecs(300);
    c.outcome = outcome;
    c.demand = demand;
    return c;
}

const WorkingCalendar &calendar()
{
    static const WorkingCalendar c = WorkingCalendar::forJurisdiction(Jurisdiction::EnglandAndWales).value();
    return c;
}

} // namespace

class tst_FirstContactResolution : public QObject {
    Q_OBJECT

private slots:
    void workingDaysSkipWeekendsAndBankHolidays()
    {
        QCOMPARE(workingDaysBetween(QDate(2026, 12, 8), QDate(2026, 12, 8), &calendar()), 0);
        QCOMPARE(workingDaysBetween(QDate(2026, 12, 11), QDate(2026, 12, 14), &calendar()), 1); // Fri to Mon
        QCOMPARE(workingDaysBetween(QDate(2026, 12, 24), QDate(2026, 12, 29), &calendar()), 1); // Christmas, Boxing Day's substitute
        QCOMPARE(workingDaysBetween(QDate(2026, 12, 8), QDate(2026, 12, 22), &calendar()), 10);
        QCOMPARE(workingDaysBetween(QDate(2026, 12, 9), QDate(2026, 12, 8), &calendar()), 0);
    }

    void aContactAboutTheSameServiceWithinTheWindowIsARepeat()
    {
        const QDateTime now(QDate(2026, 12, 22), QTime(11, 0), QTimeZone::utc());
        Contact earlier = contact(1, u"waste"_s, QDate(2026, 12, 8), Outcome::RequestRaised); // 10 working days ago
        Contact older = contact(1, u"waste"_s, QDate(2026, 12, 7), Outcome::ResolvedAtFirstContact); // 11: outside
        Contact otherService = contact(1, u"highways"_s, QDate(2026, 12, 21), Outcome::ResolvedAtFirstContact);
        Case open;
        open.service = u"waste"_s;
        open.status = CaseStatus::InProgress;

        std::optional<RepeatContactMatch> match
            = findRepeatContact({ older, otherService, earlier }, { open }, u"waste"_s, now, &calendar());
        QVERIFY(match.has_value());
        QCOMPARE(match->previous.id, earlier.id);
        QCOMPARE(match->workingDaysAgo, 10);
        QCOMPARE(match->suggestedKind, FailureKind::ChasingProgress); // the request is still open

        match = findRepeatContact({ older, otherService, earlier }, {}, u"waste"_s, now, &calendar());
        QCOMPARE(match->suggestedKind, FailureKind::NotResolvedLastTime);
        QVERIFY(!findRepeatContact({ older }, {}, u"waste"_s, now, &calendar()).has_value());
        QVERIFY(!findRepeatContact({ earlier }, {}, u"planning"_s, now, &calendar()).has_value());
        QVERIFY(!findRepeatContact({ earlier }, {}, QString(), now, &calendar()).has_value());
        Contact open_ = earlier;
        open_.endedAt = QDateTime(); // still under way: not a contact yet
        open_.outcome.reset();
        QVERIFY(!findRepeatContact({ open_ }, {}, u"waste"_s, now, &calendar()).has_value());
    }

    void figuresWorkedOutByHand()
    {
        // Now: Monday 1 February 2027. Windows of 10 working days.
        const QDateTime now(QDate(2027, 2, 1), QTime(12, 0), QTimeZone::utc());
        QList<Contact> all;
        // Customer 1, waste: first contact 4 Jan resolved, repeat 8 Jan (chasing) -> matter not resolved.
        all << contact(1, u"waste"_s, QDate(2027, 1, 4), Outcome::RequestRaised)
            << contact(1, u"waste"_s, QDate(2027, 1, 8), Outcome::ResolvedAtFirstContact,
                       DemandClassification::failure(FailureKind::ChasingProgress));
        // Customer 1, council tax 5 Jan, resolved, no repeat: resolved first time.
        all << contact(1, u"council_tax"_s, QDate(2027, 1, 5), Outcome::ResolvedAtFirstContact);
        // Customer 2, waste 4 Jan transferred: a first contact, not resolved.
        all << contact(2, u"waste"_s, QDate(2027, 1, 4), Outcome::Transferred);
        // Customer 2, waste again 25 Jan: 15 working days later, a new matter, signposted: window still
        // open (5 working days to 1 Feb) -> pending.
        all << contact(2, u"waste"_s, QDate(2027, 1, 25), Outcome::Signposted);
        // Customer 3, housing 6 Jan appointment booked: resolved first time.
        all << contact(3, u"housing_repairs"_s, QDate(2027, 1, 6), Outcome::AppointmentBooked);
        // Anonymous, failure demand (could not use another channel): counted, not in FCR.
        all << contact(0, u"general"_s, QDate(2027, 1, 7), Outcome::ResolvedAtFirstContact,
                       DemandClassification::failure(FailureKind::CouldNotUseAnotherChannel));
        // A contact corrected by a later record: the correction stands in for it.
        Contact wrong = contact(4, u"parking"_s, QDate(2027, 1, 11), Outcome::NoAction);
        Contact correction = contact(4, u"parking"_s, QDate(2027, 1, 11), Outcome::ResolvedAtFirstContact);
        correction.correctsContactId = wrong.id;
        all << wrong << correction;

        const FcrAssessment a = assessFirstContactResolution(all, now, &calendar());
        QCOMPARE(a.statuses,
                 QList<FcrStatus>({ FcrStatus::NotResolved, FcrStatus::Repeat, FcrStatus::ResolvedFirstTime,
                                    FcrStatus::NotResolved, FcrStatus::Pending, FcrStatus::ResolvedFirstTime,
                                    FcrStatus::NotCounted, FcrStatus::NotCounted, FcrStatus::ResolvedFirstTime }));
        QCOMPARE(a.figures.contacts, 8); // 9 records less the corrected one
        QCOMPARE(a.figures.anonymous, 1);
        QCOMPARE(a.figures.matters, 6); // c1 waste, c1 tax, c2 waste x2, c3 housing, c4 parking
        QCOMPARE(a.figures.pending, 1);
        QCOMPARE(a.figures.resolvedFirstTime, 3);
        QCOMPARE(a.figures.repeats, 1);
        QCOMPARE(a.figures.failureDemand, 2);
        QCOMPARE(*a.figures.fcrPercent(), 60.0); // 3 of (6 - 1)
        QCOMPARE(*a.figures.repeatPercent(), 100.0 / 7); // 1 of 7 contacts about known customers
        QCOMPARE(*a.figures.failureDemandPercent(), 25.0); // 2 of 8
    }

    void aChainOfRepeatsStaysOneMatter()
    {
        // 4, 15 and 26 Jan 2027: each within 10 working days of the one before, so one matter.
        const QDateTime now(QDate(2027, 3, 1), QTime(12, 0), QTimeZone::utc());
        const FcrAssessment a = assessFirstContactResolution(
            { contact(5, u"waste"_s, QDate(2027, 1, 4), Outcome::ResolvedAtFirstContact), contact(5, u"waste"_s, QDate(2027, 1, 15), Outcome::ResolvedAtFirstContact),
              contact(5, u"waste"_s, QDate(2027, 1, 26), Outcome::ResolvedAtFirstContact) },
            now, &calendar());
        QCOMPARE(a.figures.matters, 1);
        QCOMPARE(a.figures.repeats, 2);
        QCOMPARE(a.figures.resolvedFirstTime, 0);
        QCOMPARE(*a.figures.fcrPercent(), 0.0);
    }

    void nothingSettledHasNoPercentage()
    {
        const FcrAssessment none = assessFirstContactResolution({}, QDateTime::currentDateTimeUtc(), &calendar());
        QVERIFY(!none.figures.fcrPercent().has_value());
        QVERIFY(!none.figures.failureDemandPercent().has_value());
    }
};

QTEST_GUILESS_MAIN(tst_FirstContactResolution)
#include "tst_FirstContactResolution.moc"
