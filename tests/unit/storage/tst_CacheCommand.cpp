// The real firstcontact-cli binary's cache commands, driven with QProcess; the printed key is checked by
// opening the cache with the real sqlcipher shell.

#include "storage/CacheProfile.h"
#include "unit/storage/ProfileTestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

const QString sqlcipherShell = u"/usr/bin/sqlcipher"_s;

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QString &program, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(program, arguments);
    Run run;
    if (!process.waitForStarted(30000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(30000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class tst_CacheCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void initCreatesAProfileFromAPipedPassword();
    void printedKeyOpensTheCacheInTheSqlcipherShell();
    void wrongPasswordExitsOneWithTheClearMessageAndTouchesNothing();
    void passwdKeepsTheKeyAndOnlyTheNewPasswordUnlocks();
    void rotateChangesTheKeyThatTheShellNeeds();
    void checkReportsOkAndNamesADamagedFile();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();

private:
    Run cli(const QStringList &arguments, const QByteArray &input)
    {
        return runProgram(m_cli, QStringList { u"--profile"_s, m_profile } + arguments, input);
    }
    bool initProfile();
    bool addCustomer(const QString &givenName);

    QString m_cli;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_profile;
};

void tst_CacheCommand::initTestCase()
{
    const QString binDir = QProcessEnvironment::systemEnvironment().value(u"FC_BIN_DIR"_s);
    QVERIFY2(!binDir.isEmpty(), "FC_BIN_DIR (set by CTest) names the directory holding firstcontact-cli");
    m_cli = QDir(binDir).filePath(u"firstcontact-cli"_s);
    QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
    QVERIFY2(QFile::exists(sqlcipherShell), "the sqlcipher package provides the shell");
}

void tst_CacheCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_profile = m_dir->filePath(u"profile"_s);
}

bool tst_CacheCommand::initProfile()
{
    const Run run = cli({ u"cache"_s, u"init"_s, u"--user"_s, u"sian.jones"_s, u"--kdf-cost"_s, u"interactive"_s },
                        "correct horse\n");
    if (run.exitCode != 0)
        qWarning("init failed (%d): %s", run.exitCode, qPrintable(run.err));
    return run.exitCode == 0;
}

bool tst_CacheCommand::addCustomer(const QString &givenName)
{
    Result<CacheProfile> profile = CacheProfile::unlock(m_profile, password("correct horse"));
    if (!profile)
        return false;
    QSqlQuery query(profile.value().database());
    query.prepare(u"INSERT INTO customer (id, reference, given_name) VALUES ('c1', 'R1', ?)"_s);
    query.addBindValue(givenName);
    return query.exec();
}

void tst_CacheCommand::initCreatesAProfileFromAPipedPassword()
{
    const Run run = cli({ u"cache"_s, u"init"_s, u"--user"_s, u"sian.jones"_s, u"--kdf-cost"_s, u"interactive"_s },
                        "correct horse\n");
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, u"Created the cache profile of sian.jones in %1.\n"_s.arg(QDir::toNativeSeparators(m_profile)));
    Result<CacheProfile> profile = CacheProfile::unlock(m_profile, password("correct horse"));
    QVERIFY2(profile.ok(), why(profile).constData());
    QCOMPARE(profile.value().identity().userName, u"sian.jones"_s);

    profile.value().close();
    const Run again = cli({ u"cache"_s, u"init"_s, u"--user"_s, u"x"_s, u"--kdf-cost"_s, u"interactive"_s }, "pw\n");
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(u"[profile.exists]"_s), qPrintable(again.err));
}

void tst_CacheCommand::printedKeyOpensTheCacheInTheSqlcipherShell()
{
    QVERIFY(initProfile());
    QVERIFY(addCustomer(u"Siân"_s));

    const Run key = cli({ u"cache"_s, u"key"_s }, "correct horse\n");
    QCOMPARE(key.exitCode, 0);
    static const QRegularExpression form(
        u"\\APRAGMA key = \"x'[0-9a-f]{64}'\";\nPRAGMA cipher_page_size = 4096;\n\\z"_s);
    QVERIFY2(form.match(key.out).hasMatch(), qPrintable(key.out));
    QVERIFY(key.err.contains(u"sqlcipher shell"_s));

    const Run shell = runProgram(sqlcipherShell, { ProfileLayout(m_profile).cacheFile() },
                                 (key.out + u"SELECT given_name FROM customer;\n"_s).toUtf8());
    QCOMPARE(shell.err, QString());
    QCOMPARE(shell.exitCode, 0);
    QCOMPARE(shell.out, u"Siân\n"_s);

    // Without the page-size line the shell cannot read the file: the second line is needed.
    const Run withoutPageSize
        = runProgram(sqlcipherShell, { ProfileLayout(m_profile).cacheFile() },
                     (key.out.section(u'\n', 0, 0) + u"\nSELECT given_name FROM customer;\n"_s).toUtf8());
    QVERIFY(!withoutPageSize.out.contains(u"Siân"_s));
}

void tst_CacheCommand::wrongPasswordExitsOneWithTheClearMessageAndTouchesNothing()
{
    QVERIFY(initProfile());
    QVERIFY(addCustomer(u"Siân"_s));
    const auto before = fileSnapshot(m_profile);
    for (const QString &command : { u"key"_s, u"check"_s, u"rotate"_s }) {
        const Run run = cli({ u"cache"_s, command }, "Correct horse\n");
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.err,
                 u"firstcontact-cli cache %1: The password is not right. Nothing has been changed. "
                 "[keyfile.wrong_password]\n"_s.arg(command));
        QCOMPARE(fileSnapshot(m_profile), before);
    }
    const Run passwd = cli({ u"cache"_s, u"passwd"_s }, "Correct horse\nnew\n");
    QCOMPARE(passwd.exitCode, 1);
    QVERIFY(passwd.err.contains(u"[keyfile.wrong_password]"_s));
    QCOMPARE(fileSnapshot(m_profile), before);
}

void tst_CacheCommand::passwdKeepsTheKeyAndOnlyTheNewPasswordUnlocks()
{
    QVERIFY(initProfile());
    QVERIFY(addCustomer(u"Siân"_s));
    const QByteArray cacheBefore = fileSnapshot(m_profile).value(u"cache.db"_s);
    const Run keyBefore = cli({ u"cache"_s, u"key"_s }, "correct horse\n");
    QCOMPARE(keyBefore.exitCode, 0);

    const Run passwd
        = cli({ u"cache"_s, u"passwd"_s, u"--kdf-cost"_s, u"interactive"_s }, "correct horse\nbattery staple\n");
    QCOMPARE(passwd.err, QString());
    QCOMPARE(passwd.exitCode, 0);
    QCOMPARE(fileSnapshot(m_profile).value(u"cache.db"_s), cacheBefore);

    QCOMPARE(cli({ u"cache"_s, u"key"_s }, "correct horse\n").exitCode, 1);
    const Run keyAfter = cli({ u"cache"_s, u"key"_s }, "battery staple\n");
    QCOMPARE(keyAfter.exitCode, 0);
    QCOMPARE(keyAfter.out, keyBefore.out);
}

void tst_CacheCommand::rotateChangesTheKeyThatTheShellNeeds()
{
    QVERIFY(initProfile());
    QVERIFY(addCustomer(u"Łukasz"_s));
    const Run keyBefore = cli({ u"cache"_s, u"key"_s }, "correct horse\n");
    QCOMPARE(keyBefore.exitCode, 0);

    const Run rotate = cli({ u"cache"_s, u"rotate"_s, u"--kdf-cost"_s, u"interactive"_s }, "correct horse\n");
    QCOMPARE(rotate.err, QString());
    QCOMPARE(rotate.exitCode, 0);
    const Run keyAfter = cli({ u"cache"_s, u"key"_s }, "correct horse\n");
    QCOMPARE(keyAfter.exitCode, 0);
    QVERIFY(keyAfter.out != keyBefore.out);

    const QString query = u"SELECT given_name FROM customer;\n"_s;
    const Run newKey
        = runProgram(sqlcipherShell, { ProfileLayout(m_profile).cacheFile() }, (keyAfter.out + query).toUtf8());
    QCOMPARE(newKey.out, u"Łukasz\n"_s);
    const Run oldKey
        = runProgram(sqlcipherShell, { ProfileLayout(m_profile).cacheFile() }, (keyBefore.out + query).toUtf8());
    QCOMPARE(oldKey.out, QString());
    QVERIFY2(oldKey.err.contains(u"not a database"_s), qPrintable(oldKey.err));
}

void tst_CacheCommand::checkReportsOkAndNamesADamagedFile()
{
    QVERIFY(initProfile());
    QVERIFY(addCustomer(u"Siân"_s));
    const QString cacheFile = QDir::toNativeSeparators(ProfileLayout(m_profile).cacheFile());
    const Run ok = cli({ u"cache"_s, u"check"_s }, "correct horse\n");
    QCOMPARE(ok.err, QString());
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.out, u"integrity_check: ok (%1)\n"_s.arg(cacheFile));

    {
        QFile file(ProfileLayout(m_profile).cacheFile());
        QVERIFY(file.resize(file.size() - 1000));
    }
    const auto before = fileSnapshot(m_profile);
    const Run damaged = cli({ u"cache"_s, u"check"_s }, "correct horse\n");
    QCOMPARE(damaged.exitCode, 1);
    QVERIFY2(damaged.err.contains(cacheFile), qPrintable(damaged.err));
    QVERIFY(damaged.err.contains(u"[cache.corrupt]"_s));
    QCOMPARE(fileSnapshot(m_profile), before);
}

void tst_CacheCommand::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("no profile") << QStringList { u"cache"_s, u"key"_s } << QByteArray("pw\n")
                                << u"--profile DIR is required."_s;
    QTest::newRow("no subcommand") << QStringList { u"--profile"_s, u"p"_s, u"cache"_s } << QByteArray()
                                   << u"which cache command?"_s;
    QTest::newRow("unknown subcommand") << QStringList { u"--profile"_s, u"p"_s, u"cache"_s, u"open"_s } << QByteArray()
                                        << u"unknown cache command 'open'."_s;
    QTest::newRow("init without user") << QStringList { u"--profile"_s, u"p"_s, u"cache"_s, u"init"_s }
                                       << QByteArray("pw\n") << u"init needs --user NAME."_s;
    QTest::newRow("no password") << QStringList { u"--profile"_s, u"p"_s, u"cache"_s, u"key"_s } << QByteArray()
                                 << u"expected password on standard input, one per line."_s;
    QTest::newRow("passwd without the new password")
        << QStringList { u"--profile"_s, u"p"_s, u"cache"_s, u"passwd"_s } << QByteArray("old\n")
        << u"expected new password on standard input, one per line."_s;
    QTest::newRow("bad cost") << QStringList { u"--profile"_s, u"p"_s,          u"cache"_s,
                                               u"rotate"_s,    u"--kdf-cost"_s, u"low"_s }
                              << QByteArray("pw\n") << u"--kdf-cost must be interactive, moderate or sensitive."_s;
}

void tst_CacheCommand::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const Run run = runProgram(m_cli, arguments, input);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(u"firstcontact-cli cache: "_s + message + u'\n'), qPrintable(run.err));
    QVERIFY(!QFile::exists(u"p"_s));
}

QTEST_GUILESS_MAIN(tst_CacheCommand)
#include "tst_CacheCommand.moc"
