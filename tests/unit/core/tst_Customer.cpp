#include "core/Customer.h"

#include <QTest>

using namespace Qt::StringLiterals;

using fc::FlagCategory;
using fc::FlagKind;

class tst_Customer : public QObject {
    Q_OBJECT

private slots:
    void displayNamePrefersWhatTheyLikeToBeCalled_data()
    {
        QTest::addColumn<QString>("givenName");
        QTest::addColumn<QString>("preferredName");
        QTest::addColumn<QString>("familyName");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("expected");
        QTest::newRow("given and family") << u"Siân"_s << QString() << u"Jones"_s << u"C-1234567"_s << u"Siân Jones"_s;
        QTest::newRow("preferred replaces given")
            << u"Margaret"_s << u"Peggy"_s << u"O'Neill"_s << u"C-1234567"_s << u"Peggy O'Neill"_s;
        QTest::newRow("blank preferred is ignored")
            << u"Tomasz"_s << u"  "_s << u"Nowak"_s << u"C-1234567"_s << u"Tomasz Nowak"_s;
        QTest::newRow("stray spaces are trimmed")
            << u" Amara "_s << QString() << u" Okafor"_s << u"C-1234567"_s << u"Amara Okafor"_s;
        QTest::newRow("family name only") << QString() << QString() << u"Khan"_s << u"C-1234567"_s << u"Khan"_s;
        QTest::newRow("given name only") << u"Rhys"_s << QString() << QString() << u"C-1234567"_s << u"Rhys"_s;
        QTest::newRow("no name: reference") << QString() << QString() << QString() << u"C-1234567"_s << u"C-1234567"_s;
        QTest::newRow("nothing at all") << QString() << QString() << QString() << QString() << u"Unnamed customer"_s;
    }
    void displayNamePrefersWhatTheyLikeToBeCalled()
    {
        QFETCH(QString, givenName);
        QFETCH(QString, preferredName);
        QFETCH(QString, familyName);
        QFETCH(QString, reference);
        QFETCH(QString, expected);
        fc::Customer customer;
        customer.title = u"Mrs"_s; // never part of the display name
        customer.givenName = givenName;
        customer.preferredName = preferredName;
        customer.familyName = familyName;
        customer.reference = reference;
        QCOMPARE(customer.displayName(), expected);
    }

    void flagKindFollowsItsCategory_data()
    {
        QTest::addColumn<FlagCategory>("category");
        QTest::addColumn<FlagKind>("kind");
        QTest::newRow("safeguarding") << FlagCategory::SafeguardingConcern << FlagKind::Vulnerability;
        QTest::newRow("bereavement") << FlagCategory::Bereavement << FlagKind::Vulnerability;
        QTest::newRow("financial hardship") << FlagCategory::FinancialHardship << FlagKind::Vulnerability;
        QTest::newRow("mental health") << FlagCategory::MentalHealth << FlagKind::Vulnerability;
        QTest::newRow("physical disability") << FlagCategory::PhysicalDisability << FlagKind::Vulnerability;
        QTest::newRow("cognitive impairment") << FlagCategory::CognitiveImpairment << FlagKind::Vulnerability;
        QTest::newRow("domestic abuse") << FlagCategory::DomesticAbuse << FlagKind::Vulnerability;
        QTest::newRow("care leaver") << FlagCategory::CareLeaver << FlagKind::Vulnerability;
        QTest::newRow("verbal abuse") << FlagCategory::VerbalAbuse << FlagKind::StaffSafety;
        QTest::newRow("violence history") << FlagCategory::ViolenceHistory << FlagKind::StaffSafety;
        QTest::newRow("do not visit alone") << FlagCategory::DoNotVisitAlone << FlagKind::StaffSafety;
    }
    void flagKindFollowsItsCategory()
    {
        QFETCH(FlagCategory, category);
        QFETCH(FlagKind, kind);
        fc::CustomerFlag flag;
        flag.category = category;
        QCOMPARE(flag.kind(), kind);
        QCOMPARE(fc::flagKindOf(category), kind);
    }
};

QTEST_GUILESS_MAIN(tst_Customer)
#include "tst_Customer.moc"
