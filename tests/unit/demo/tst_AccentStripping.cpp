// withoutAccents types a name the way a keyboard without accents would, keeping everything else.

#include "demo/AccentStripping.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_AccentStripping : public QObject {
    Q_OBJECT

private slots:
    void dropsAccentsKeepsTheRest_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("typed");
        QTest::newRow("Welsh circumflex") << u"Siân"_s << u"Sian"_s;
        QTest::newRow("Welsh y circumflex") << u"Llŷr"_s << u"Llyr"_s;
        QTest::newRow("Irish fadas") << u"Ó Súilleabháin"_s << u"O Suilleabhain"_s;
        QTest::newRow("Polish stroke, both cases") << u"Łukasz Gałązka"_s << u"Lukasz Galazka"_s;
        QTest::newRow("Polish dots and acutes") << u"Żak Wiśniewska"_s << u"Zak Wisniewska"_s;
        QTest::newRow("Romanian comma below") << u"Ștefan Țurcanu"_s << u"Stefan Turcanu"_s;
        QTest::newRow("German sharp s") << u"Strauß"_s << u"Strauss"_s;
        QTest::newRow("Danish slashed o") << u"Søren"_s << u"Soren"_s;
        QTest::newRow("ligature") << u"Ælfric"_s << u"AElfric"_s;
        QTest::newRow("decomposed input") << u"Sia\u0302n"_s << u"Sian"_s;
        QTest::newRow("apostrophe and hyphen kept") << u"O'Brien-Smith"_s << u"O'Brien-Smith"_s;
        QTest::newRow("plain unchanged") << u"Jones"_s << u"Jones"_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void dropsAccentsKeepsTheRest()
    {
        QFETCH(QString, name);
        QFETCH(QString, typed);
        QCOMPARE(fc::withoutAccents(name), typed);
    }
};

QTEST_GUILESS_MAIN(tst_AccentStripping)
#include "tst_AccentStripping.moc"
