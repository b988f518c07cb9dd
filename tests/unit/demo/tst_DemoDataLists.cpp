// The word lists are compiled in and read whole, accents and all; a broken or missing list is a
// clear error naming the file and line, never a crash or a silently thinner council.

#include "demo/DemoDataLists.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

using fc::DemoDataLists;

namespace {

// The built-in lists copied to a directory a test may spoil.
bool copyBuiltIn(const QString &to)
{
    QDirIterator it(u":/demo"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString target = to + from.mid(QStringLiteral(":/demo").size());
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(from, target))
            return false;
    }
    return true;
}

bool replaceIn(const QString &path, const QByteArray &before, const QByteArray &after)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray content = file.readAll();
    file.close();
    if (!content.contains(before))
        return false;
    content.replace(before, after);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

template<typename T> bool containsValue(const fc::WeightedChoice<T> &choice, const T &value)
{
    return std::find(choice.values().begin(), choice.values().end(), value) != choice.values().end();
}

} // namespace

class tst_DemoDataLists : public QObject {
    Q_OBJECT

private slots:
    void builtInListsLoadWhole()
    {
        const fc::Result<DemoDataLists> loaded = DemoDataLists::loadBuiltIn();
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        const DemoDataLists &lists = loaded.value();

        QStringList cultures;
        for (const fc::NameCulture &culture : lists.cultures) {
            cultures.append(culture.key);
            QVERIFY2(culture.femaleNames.size() >= 15, qPrintable(culture.key));
            QVERIFY2(culture.maleNames.size() >= 15, qPrintable(culture.key));
            QVERIFY2(culture.surnames.size() >= 15, qPrintable(culture.key));
            QVERIFY2(containsValue(culture.languages, u"en"_s), qPrintable(culture.key));
        }
        QCOMPARE(cultures,
                 (QStringList { u"english"_s, u"welsh"_s, u"scottish"_s, u"irish"_s, u"polish"_s, u"romanian"_s,
                                u"punjabi"_s, u"pakistani"_s, u"bangladeshi"_s, u"gujarati"_s, u"nigerian"_s,
                                u"chinese"_s, u"somali"_s, u"portuguese"_s }));
        QCOMPARE(lists.cultureChoice.size(), qsizetype(lists.cultures.size()));
        QVERIFY(!lists.streetNames.empty());
        QVERIFY(lists.streetSuffixes.size() >= 10);
        QVERIFY(!lists.buildingSuffixes.isEmpty());
        QVERIFY(!lists.emailDomains.isEmpty());
        QVERIFY(!lists.partnerAgencies.isEmpty());
        QVERIFY(!lists.agents.empty());
        QVERIFY(!lists.officers.empty());
        QCOMPARE(lists.nicknames.value(u"William"_s), (QStringList { u"Bill"_s, u"Will"_s, u"Billy"_s }));
    }

    void accentsAndSurnameFormsSurvive()
    {
        const fc::Result<DemoDataLists> loaded = DemoDataLists::loadBuiltIn();
        QVERIFY(loaded.ok());
        const auto culture = [&](const QString &key) -> const fc::NameCulture & {
            return *std::find_if(loaded->cultures.begin(), loaded->cultures.end(),
                                 [&](const fc::NameCulture &c) { return c.key == key; });
        };
        QVERIFY(containsValue(culture(u"welsh"_s).femaleNames, u"Siân"_s));
        QVERIFY(containsValue(culture(u"welsh"_s).languages, u"cy"_s));
        QVERIFY(containsValue(culture(u"polish"_s).maleNames, u"Łukasz"_s));
        QVERIFY(containsValue(culture(u"romanian"_s).maleNames, u"Ștefan"_s));

        const auto &surnames = culture(u"polish"_s).surnames.values();
        const auto kowalski = std::find_if(surnames.begin(), surnames.end(),
                                           [](const fc::SurnameForms &f) { return f.masculine == u"Kowalski"_s; });
        QVERIFY(kowalski != surnames.end());
        QCOMPARE(kowalski->feminine, u"Kowalska"_s);
        const auto &english = culture(u"english"_s).surnames.values();
        const auto smith = std::find_if(english.begin(), english.end(),
                                        [](const fc::SurnameForms &f) { return f.masculine == u"Smith"_s; });
        QVERIFY(smith != english.end());
        QCOMPARE(smith->feminine, u"Smith"_s);
    }

    void townsCoverNeighbouringDistricts()
    {
        const fc::Result<DemoDataLists> loaded = DemoDataLists::loadBuiltIn();
        QVERIFY(loaded.ok());
        QStringList districts;
        for (const fc::DemoTown &town : loaded->towns) {
            districts.append(town.district);
            QVERIFY(!town.town.isEmpty());
            QVERIFY(!town.diallingCode.isEmpty());
        }
        // PL1 and PL12 both present: outward-code search has something to get wrong.
        QVERIFY(districts.contains(u"PL1"_s));
        QVERIFY(districts.contains(u"PL12"_s));
    }

    void malformedLineIsReportedWithItsPlace_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QString>("line");
        QTest::newRow("weight not a number")
            << u"street-suffixes.txt"_s << QByteArray("Road;24") << QByteArray("Road;lots") << u"line 2"_s;
        QTest::newRow("culture missing a field") << u"cultures.txt"_s << QByteArray("english|56|en:100|35")
                                                 << QByteArray("english|56|en:100") << u"line 4"_s;
        QTest::newRow("town missing its dialling code")
            << u"towns.txt"_s << QByteArray("Plymouth|PL1|10|1752|") << QByteArray("Plymouth|PL1|10||") << u"line 5"_s;
        QTest::newRow("name before any section")
            << u"names/welsh.txt"_s << QByteArray("[female]\n") << QByteArray("") << u"line 2"_s;
        QTest::newRow("three surname forms") << u"names/polish.txt"_s << QByteArray("Nowak;5")
                                             << QByteArray("Nowak|Nowakowa|Nowakówna") << u"polish.txt"_s;
    }
    void malformedLineIsReportedWithItsPlace()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QString, line);
        QTemporaryDir dir;
        QVERIFY(copyBuiltIn(dir.path()));
        QVERIFY(DemoDataLists::loadFrom(dir.path()).ok());
        QVERIFY(replaceIn(dir.filePath(file), before, after));

        const fc::Result<DemoDataLists> loaded = DemoDataLists::loadFrom(dir.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, u"demo.list_malformed"_s);
        QVERIFY2(loaded.error().message.contains(line), qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(QFileInfo(file).fileName()), qPrintable(loaded.error().message));
    }

    void missingListIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(copyBuiltIn(dir.path()));
        QVERIFY(QFile::remove(dir.filePath(u"email-domains.txt"_s)));
        const fc::Result<DemoDataLists> loaded = DemoDataLists::loadFrom(dir.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, u"demo.list_missing"_s);
        QVERIFY(loaded.error().message.contains(u"email-domains.txt"_s));
    }

    void agentsAtOnlyOneSiteAreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(copyBuiltIn(dir.path()));
        QFile agents(dir.filePath(u"agents.txt"_s));
        QFile::setPermissions(agents.fileName(), QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(agents.open(QIODevice::WriteOnly | QIODevice::Truncate));
        agents.write("a.khan|contact-centre\n");
        agents.close();
        const fc::Result<DemoDataLists> loaded = DemoDataLists::loadFrom(dir.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, u"demo.list_malformed"_s);
    }
};

QTEST_GUILESS_MAIN(tst_DemoDataLists)
#include "tst_DemoDataLists.moc"
