// `firstcontact-cli generate` writes the four files and a summary, and refuses bad arguments with a
// message and exit code 2, as scripts and operators rely on.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(qEnvironmentVariable("FC_BIN_DIR") + u"/firstcontact-cli"_s, arguments);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class tst_GenerateCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FC_BIN_DIR").isEmpty(), "run through ctest"); }

    void writesTheFilesAndASummary()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"council"_s);
        const Run run = runCli({ u"generate"_s, u"--customers"_s, u"300"_s, u"--seed"_s, u"5"_s, u"--out"_s, out,
                                 u"--as-of"_s, u"2026-06-30"_s });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const QString &name : { u"customers.csv"_s, u"cases.csv"_s, u"contacts.csv"_s, u"duplicates.csv"_s })
            QVERIFY2(QFile::exists(QDir(out).filePath(name)), qPrintable(name));
        QVERIFY2(run.out.contains(u"customers          300"_s), qPrintable(run.out));
        for (const QString &line : { u"contacts"_s, u"cases"_s, u"duplicates planted"_s, u"resolved at first contact"_s,
                                     u"failure demand"_s, u"access needs"_s, u"rows/s"_s })
            QVERIFY2(run.out.contains(line), qPrintable(line));
        QVERIFY(run.out.contains(u"as of 2026-06-30"_s));
        QVERIFY(run.err.isEmpty());
    }

    void badArgumentsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString out = u"OUT"_s; // replaced by a fresh directory in the test
        QTest::newRow("no options") << QStringList { u"generate"_s } << u"--customers is required"_s;
        QTest::newRow("no --out") << QStringList { u"generate"_s, u"--customers"_s, u"5"_s, u"--seed"_s, u"1"_s }
                                  << u"--out is required"_s;
        QTest::newRow("customers not a number")
            << QStringList { u"generate"_s, u"--customers"_s, u"many"_s, u"--seed"_s, u"1"_s, u"--out"_s, out }
            << u"--customers needs a whole number"_s;
        QTest::newRow("negative customers")
            << QStringList { u"generate"_s, u"--customers"_s, u"-5"_s, u"--seed"_s, u"1"_s, u"--out"_s, out }
            << u"--customers needs a whole number"_s;
        QTest::newRow("too many customers")
            << QStringList { u"generate"_s, u"--customers"_s, u"10000000"_s, u"--seed"_s, u"1"_s, u"--out"_s, out }
            << u"at most"_s;
        QTest::newRow("seed not a number")
            << QStringList { u"generate"_s, u"--customers"_s, u"5"_s, u"--seed"_s, u"x1"_s, u"--out"_s, out }
            << u"--seed needs a whole number"_s;
        QTest::newRow("impossible date") << QStringList {
            u"generate"_s, u"--customers"_s, u"5"_s, u"--seed"_s, u"1"_s, u"--out"_s, out, u"--as-of"_s, u"2026-13-01"_s
        } << u"--as-of needs a date"_s;
        QTest::newRow("unknown option") << QStringList { u"generate"_s, u"--customer"_s, u"5"_s }
                                        << u"Unknown option"_s;
        QTest::newRow("stray argument") << QStringList { u"generate"_s, u"--customers"_s, u"5"_s, u"--seed"_s,
                                                         u"1"_s,        u"--out"_s,       out,    u"extra"_s }
                                        << u"unexpected argument 'extra'"_s;
    }
    void badArgumentsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString out = dir.filePath(u"council"_s);
        arguments.replaceInStrings(u"OUT"_s, out);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.err.contains(u"usage: firstcontact-cli generate"_s));
        QVERIFY(!QFile::exists(out));
    }

    void unwritableOutputFailsWithOne()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const Run run = runCli({ u"generate"_s, u"--customers"_s, u"5"_s, u"--seed"_s, u"1"_s, u"--out"_s,
                                 blocker.fileName() + u"/council"_s });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"Cannot create the directory"_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(tst_GenerateCommand)
#include "tst_GenerateCommand.moc"
