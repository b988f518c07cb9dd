// Opening the encrypted cache: key proof, wrong keys and damaged files left untouched, rekey, interop with
// the sqlcipher shell, and no plaintext on disk.

#include "storage/CipherDatabase.h"
#include "storage/CipherDriver.h"
#include "unit/storage/CipherTestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

const QString sqlcipherShell = u"/usr/bin/sqlcipher"_s;

QString rawKeyPragma(const QByteArray &key)
{
    return u"PRAGMA key = \"x'%1'\";\n"_s.arg(QString::fromLatin1(key.toHex()));
}

struct ShellRun {
    int exitCode = -1;
    QString out;
    QString err;
};

ShellRun runShell(const QString &path, const QString &script)
{
    QProcess shell;
    shell.start(sqlcipherShell, { path });
    ShellRun run;
    if (!shell.waitForStarted(30000))
        return run;
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    if (!shell.waitForFinished(60000))
        return run;
    run.exitCode = shell.exitStatus() == QProcess::NormalExit ? shell.exitCode() : -1;
    run.out = QString::fromUtf8(shell.readAllStandardOutput());
    run.err = QString::fromUtf8(shell.readAllStandardError());
    return run;
}

qsizetype countOccurrences(const QByteArray &haystack, const QByteArray &needle)
{
    qsizetype count = 0;
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
        ++count;
    return count;
}

QByteArray utf16le(const QString &text)
{
    QByteArray bytes;
    for (QChar c : text) {
        bytes.append(char(c.unicode() & 0xff));
        bytes.append(char(c.unicode() >> 8));
    }
    return bytes;
}

// Hits of every canary, in UTF-8 and UTF-16LE, in every file of `files` that exists, as "file: text".
QStringList plaintextHits(const QStringList &files, const QStringList &canaries)
{
    QStringList hits;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QString &canary : canaries) {
            if (countOccurrences(content, canary.toUtf8()) > 0)
                hits.append(QFileInfo(path).fileName() + u": UTF-8 "_s + canary);
            if (countOccurrences(content, utf16le(canary)) > 0)
                hits.append(QFileInfo(path).fileName() + u": UTF-16LE "_s + canary);
        }
    }
    return hits;
}

QStringList withSideFiles(const QString &path)
{
    return { path, path + u"-wal"_s, path + u"-shm"_s, path + u"-journal"_s };
}

} // namespace

class tst_CipherOpen : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_counter = 0;

    QString newPath() { return m_dir->filePath(u"cache_%1.db"_s.arg(++m_counter)); }

    // A closed cache of a few dozen pages with a known table.
    bool writeSampleCache(const QString &path, const QByteArray &key, int rows = 2000)
    {
        const QString name = u"sample_%1"_s.arg(++m_counter);
        ConnectionGuard guard(name);
        Result<QSqlDatabase> db = openCipherDatabase(path, key, name);
        if (!db) {
            qWarning("%s", qUtf8Printable(db.error().message));
            return false;
        }
        QSqlQuery query(db.value());
        return query.exec(u"CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"_s)
            && query.exec(u"WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < %1) "
                          "INSERT INTO customer SELECT k, 'Customer number ' || k FROM n"_s.arg(rows));
    }

    qint64 customerCount(const QString &path, const QByteArray &key)
    {
        const QString name = u"count_%1"_s.arg(++m_counter);
        ConnectionGuard guard(name);
        CipherOpenOptions existingOnly;
        existingOnly.createIfMissing = false;
        Result<QSqlDatabase> db = openCipherDatabase(path, key, name, existingOnly);
        if (!db)
            return -1;
        QSqlQuery query(db.value());
        return query.exec(u"SELECT count(*) FROM customer"_s) && query.next() ? query.value(0).toLongLong() : -2;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void openAppliesTheConnectionSettings_data()
    {
        QTest::addColumn<QString>("pragma");
        QTest::addColumn<QString>("expected");
        QTest::newRow("page size") << u"cipher_page_size"_s << u"4096"_s;
        QTest::newRow("journal") << u"journal_mode"_s << u"wal"_s;
        QTest::newRow("synchronous FULL") << u"synchronous"_s << u"2"_s;
        QTest::newRow("temp store MEMORY") << u"temp_store"_s << u"2"_s;
        QTest::newRow("cache 32 MiB") << u"cache_size"_s << u"-32768"_s;
        QTest::newRow("foreign keys") << u"foreign_keys"_s << u"1"_s;
    }

    void openAppliesTheConnectionSettings()
    {
        QFETCH(QString, pragma);
        QFETCH(QString, expected);
        ConnectionGuard guard(u"settings"_s);
        Result<QSqlDatabase> db = openCipherDatabase(newPath(), randomKey(), guard.name());
        QVERIFY(db.ok());
        QSqlQuery query(db.value());
        QVERIFY(query.exec(u"PRAGMA "_s + pragma));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), expected);
    }

    void cipherVersionIsTheSupportedOne()
    {
        ConnectionGuard guard(u"version"_s);
        Result<QSqlDatabase> db = openCipherDatabase(newPath(), randomKey(), guard.name());
        QVERIFY(db.ok());
        QSqlQuery query(db.value());
        QVERIFY(query.exec(u"PRAGMA cipher_version"_s) && query.next());
        QVERIFY2(query.value(0).toString().startsWith(CipherDriver::supportedCipherVersionPrefix),
                 qPrintable(query.value(0).toString()));
    }

    void cacheSizeFollowsTheOptions()
    {
        ConnectionGuard guard(u"small"_s);
        CipherOpenOptions options;
        options.cacheSizeKiB = 1024;
        Result<QSqlDatabase> db = openCipherDatabase(newPath(), randomKey(), guard.name(), options);
        QVERIFY(db.ok());
        QSqlQuery query(db.value());
        QVERIFY(query.exec(u"PRAGMA cache_size"_s) && query.next());
        QCOMPARE(query.value(0).toLongLong(), -1024);
    }

    void newCacheFileIsReadableByItsOwnerOnly()
    {
        const QString path = newPath();
        QVERIFY(writeSampleCache(path, randomKey(), 10));
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(path) & others, QFile::Permissions());
    }

    void plainQSqlDatabaseOpenIsRefused()
    {
        registerCipherDriver();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(cipherDriverName, u"no_key"_s);
            db.setDatabaseName(newPath());
            QVERIFY(!db.open());
            QCOMPARE(db.lastError().nativeErrorCode(), u"cache.no_key"_s);
        }
        QSqlDatabase::removeDatabase(u"no_key"_s);
        QVERIFY(QDir(m_dir->path()).isEmpty());
    }

    void keyMustBeThirtyTwoBytes_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("empty") << 0;
        QTest::newRow("31") << 31;
        QTest::newRow("33") << 33;
        QTest::newRow("64 (hex text, not raw)") << 64;
    }

    void keyMustBeThirtyTwoBytes()
    {
        QFETCH(int, length);
        const QString path = newPath();
        Result<QSqlDatabase> db = openCipherDatabase(path, QByteArray(length, 'k'), u"short"_s);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, u"cache.invalid_key"_s);
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QSqlDatabase::contains(u"short"_s));
    }

    void missingFileIsNotCreatedWhenCreationIsOff()
    {
        const QString path = newPath();
        CipherOpenOptions options;
        options.createIfMissing = false;
        Result<QSqlDatabase> db = openCipherDatabase(path, randomKey(), u"missing"_s, options);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, u"cache.not_found"_s);
        QVERIFY(db.error().message.contains(QDir::toNativeSeparators(path)));
        QVERIFY(!QFile::exists(path));
    }

    void connectionNameInUseIsRefused()
    {
        const QString path = newPath();
        const QByteArray key = randomKey();
        QVERIFY(writeSampleCache(path, key, 3));
        ConnectionGuard guard(u"taken"_s);
        Result<QSqlDatabase> first = openCipherDatabase(path, key, guard.name());
        QVERIFY(first.ok());
        Result<QSqlDatabase> second = openCipherDatabase(path, key, guard.name());
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, u"cache.connection_exists"_s);
        QSqlQuery query(first.value());
        QVERIFY(query.exec(u"SELECT count(*) FROM customer"_s) && query.next()); // the first one still works
        QCOMPARE(query.value(0).toLongLong(), 3);
    }

    void wrongKeyLeavesTheFileByteIdentical()
    {
        const QString path = newPath();
        const QByteArray key = randomKey();
        QVERIFY(writeSampleCache(path, key));
        const QByteArray hashBefore = sha256OfFile(path);
        const QStringList filesBefore = directoryListing(m_dir->path());

        Result<QSqlDatabase> db = openCipherDatabase(path, randomKey(), u"wrong"_s);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, u"cache.wrong_key"_s);
        QVERIFY2(db.error().message.contains(u"key or password is wrong"_s), qPrintable(db.error().message));
        QVERIFY2(db.error().message.contains(u"Nothing was changed"_s), qPrintable(db.error().message));
        QVERIFY(db.error().message.contains(QDir::toNativeSeparators(path)));
        QVERIFY(!QSqlDatabase::contains(u"wrong"_s));

        QCOMPARE(sha256OfFile(path), hashBefore);
        QCOMPARE(directoryListing(m_dir->path()), filesBefore); // no -wal, -shm or -journal left behind
        QCOMPARE(customerCount(path, key), 2000); // and the right key still works
    }

    void damagedFileGivesAClearErrorNamingItAndStaysUntouched_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("code");
        QTest::newRow("cut mid-page") << u"truncate-mid-page"_s << u"cache.corrupt"_s;
        QTest::newRow("cut inside the first page") << u"truncate-3000"_s << u"cache.corrupt"_s;
        QTest::newRow("cut at a page boundary") << u"truncate-2-pages"_s << u"cache.corrupt"_s;
        QTest::newRow("random bytes, not whole pages") << u"random-10000"_s << u"cache.corrupt"_s;
        // SQLCipher cannot tell whole pages of noise from a wrong key: both fail page 1's HMAC.
        QTest::newRow("random bytes, whole pages") << u"random-8192"_s << u"cache.wrong_key"_s;
    }

    void damagedFileGivesAClearErrorNamingItAndStaysUntouched()
    {
        QFETCH(QString, damage);
        QFETCH(QString, code);
        const QString path = newPath();
        const QByteArray key = randomKey();
        if (damage.startsWith(u"random-"_s)) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(randomBytes(damage.mid(7).toInt()));
        } else {
            QVERIFY(writeSampleCache(path, key));
            const qint64 size = QFileInfo(path).size();
            QVERIFY(size > 8 * CipherDriver::cipherPageSize);
            const qint64 cut = damage == u"truncate-mid-page"_s ? size - 1000
                : damage == u"truncate-3000"_s                  ? 3000
                                                                : 2 * CipherDriver::cipherPageSize;
            QVERIFY(QFile::resize(path, cut));
        }
        const QByteArray hashBefore = sha256OfFile(path);
        const QStringList filesBefore = directoryListing(m_dir->path());

        ConnectionGuard guard(u"damaged"_s);
        Result<QSqlDatabase> db = openCipherDatabase(path, key, guard.name());
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, code);
        QVERIFY2(db.error().message.contains(QDir::toNativeSeparators(path)), qPrintable(db.error().message));
        QCOMPARE(sha256OfFile(path), hashBefore);
        QCOMPARE(directoryListing(m_dir->path()), filesBefore);
        QVERIFY(!QSqlDatabase::contains(u"damaged"_s));
    }

    // Damage past page 1 does not show at open (that would mean reading the whole file); SQLCipher's
    // per-page HMAC catches it when the page is read, and the query fails instead of returning garbage.
    void damageInsideTheFileFailsTheQueryThatReadsIt()
    {
        const QString path = newPath();
        const QByteArray key = randomKey();
        QVERIFY(writeSampleCache(path, key));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(5 * CipherDriver::cipherPageSize + 100));
            file.write(QByteArray(16, '\x55'));
        }
        const QByteArray hashBefore = sha256OfFile(path);
        ConnectionGuard guard(u"inner_damage"_s);
        Result<QSqlDatabase> db = openCipherDatabase(path, key, guard.name());
        QVERIFY(db.ok());
        QSqlQuery query(db.value());
        QVERIFY(!(query.exec(u"SELECT sum(length(name)) FROM customer"_s) && query.next()));
        QCOMPARE(query.lastError().nativeErrorCode(), u"11"_s); // SQLITE_CORRUPT
        QCOMPARE(query.lastError().databaseText(), u"database disk image is malformed"_s);
        QCOMPARE(sha256OfFile(path), hashBefore);
    }

    void unencryptedSqliteFileIsRecognisedAndLeftAlone()
    {
        const QString path = newPath();
        const ShellRun made = runShell(path, u"CREATE TABLE t (x); INSERT INTO t VALUES ('plain');\n"_s);
        QCOMPARE(made.exitCode, 0);
        const QByteArray hashBefore = sha256OfFile(path);

        Result<QSqlDatabase> db = openCipherDatabase(path, randomKey(), u"plain"_s);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, u"cache.not_encrypted"_s);
        QVERIFY(db.error().message.contains(QDir::toNativeSeparators(path)));
        QCOMPARE(sha256OfFile(path), hashBefore);
    }

    void rekeyedCacheOpensWithTheNewKeyOnly()
    {
        const QString path = newPath();
        const QByteArray oldKey = randomKey();
        const QByteArray newKey = randomKey();
        QVERIFY(writeSampleCache(path, oldKey));
        {
            ConnectionGuard guard(u"rekey"_s);
            Result<QSqlDatabase> db = openCipherDatabase(path, oldKey, guard.name());
            QVERIFY(db.ok());
            const Status rekeyed = rekeyCipherDatabase(db.value(), newKey);
            QVERIFY2(rekeyed.ok(), rekeyed ? "" : qPrintable(rekeyed.error().message));
            QSqlQuery query(db.value()); // the open connection carries on under the new key
            QVERIFY(query.exec(u"INSERT INTO customer (name) VALUES ('after rekey')"_s));
        }
        QCOMPARE(customerCount(path, newKey), 2001);
        Result<QSqlDatabase> old = openCipherDatabase(path, oldKey, u"old"_s);
        QVERIFY(!old.ok());
        QCOMPARE(old.error().code, u"cache.wrong_key"_s);
    }

    void rekeyRefusesAKeyOfTheWrongLength()
    {
        const QString path = newPath();
        const QByteArray key = randomKey();
        QVERIFY(writeSampleCache(path, key, 5));
        {
            ConnectionGuard guard(u"rekey_short"_s);
            Result<QSqlDatabase> db = openCipherDatabase(path, key, guard.name());
            QVERIFY(db.ok());
            const Status rekeyed = rekeyCipherDatabase(db.value(), QByteArray(16, 'x'));
            QVERIFY(!rekeyed.ok());
            QCOMPARE(rekeyed.error().code, u"cache.invalid_key"_s);
        }
        QCOMPARE(customerCount(path, key), 5);
    }

    void sqlcipherShellReadsWhatWeWrote()
    {
        QVERIFY2(QFile::exists(sqlcipherShell), "the sqlcipher package (scripts/setup-deps) provides the shell");
        const QString path = newPath();
        const QByteArray key = randomKey();
        {
            ConnectionGuard guard(u"for_shell"_s);
            Result<QSqlDatabase> db = openCipherDatabase(path, key, guard.name());
            QVERIFY(db.ok());
            QSqlQuery query(db.value());
            QVERIFY(query.exec(u"CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)"_s));
            QVERIFY(query.prepare(u"INSERT INTO customer (name) VALUES (?)"_s));
            for (const QString &name : { u"Siân Llŷr"_s, u"Łukasz 🦜"_s }) {
                query.addBindValue(name);
                QVERIFY(query.exec());
            }
        }
        const ShellRun run = runShell(path,
                                      rawKeyPragma(key)
                                          + u"PRAGMA cipher_page_size = 4096;\n"
                                            "SELECT id || '|' || name FROM customer ORDER BY id;\n"_s);
        QCOMPARE(run.err, QString());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"1|Siân Llŷr\n2|Łukasz 🦜\n"_s);
    }

    void weReadWhatTheSqlcipherShellWrote()
    {
        const QString path = newPath();
        const QByteArray key = randomKey();
        const ShellRun run = runShell(path,
                                      rawKeyPragma(key)
                                          + u"PRAGMA cipher_page_size = 4096;\n"
                                            "CREATE TABLE note (body TEXT);\n"
                                            "INSERT INTO note VALUES ('from the shell');\n"_s);
        QCOMPARE(run.exitCode, 0);
        ConnectionGuard guard(u"from_shell"_s);
        Result<QSqlDatabase> db = openCipherDatabase(path, key, guard.name());
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        QSqlQuery query(db.value());
        QVERIFY(query.exec(u"SELECT body FROM note"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"from the shell"_s);
    }

    void canaryStringsNeverReachTheDiskInPlaintext()
    {
        const QStringList canaries { u"CANARY-Zebedee-7f3a91c2"_s, u"Siân-Llŷr-canary-4417"_s,
                                     u"Łódź-canary-🦜-9931"_s };
        const QString path = newPath();
        const QString plainCopy = m_dir->filePath(u"plain-control.db"_s);
        {
            ConnectionGuard guard(u"canary"_s);
            Result<QSqlDatabase> db = openCipherDatabase(path, randomKey(), guard.name());
            QVERIFY(db.ok());
            QSqlQuery query(db.value());
            QVERIFY(query.exec(u"CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT, raw BLOB)"_s));
            QVERIFY(query.exec(u"CREATE INDEX note_body ON note(body)"_s));
            QVERIFY(query.exec(u"CREATE VIRTUAL TABLE note_search USING fts4(body)"_s));
            QVERIFY(db.value().transaction());
            QVERIFY(query.prepare(u"INSERT INTO note (body, raw) VALUES (?, ?)"_s));
            for (int i = 0; i < 3000; ++i) { // enough to spill pages into the WAL before any checkpoint
                const QString body = canaries.at(i % canaries.size()) + u" filler "_s + QString::number(i);
                query.addBindValue(body);
                query.addBindValue(body.toUtf8());
                QVERIFY(query.exec());
            }
            QVERIFY(query.exec(u"INSERT INTO note_search (body) SELECT body FROM note"_s));
            QVERIFY(db.value().commit());
            // Temporary tables and big sorts: temp_store = MEMORY keeps them off the disk.
            QVERIFY(query.exec(u"CREATE TEMP TABLE scratch AS SELECT body FROM note ORDER BY body DESC"_s));

            // While open, the WAL holds the newest pages: encrypted too.
            QVERIFY(QFileInfo(path + u"-wal"_s).size() > 0);
            QCOMPARE(plaintextHits(withSideFiles(path), canaries), QStringList());

            // The control: SQLCipher's own export to an unencrypted copy, which the scan must catch. The
            // cache connection may not create files, so the copy starts as an empty file.
            QFile(plainCopy).open(QIODevice::WriteOnly);
            QVERIFY(query.prepare(u"ATTACH DATABASE ? AS plaintext KEY ''"_s));
            query.addBindValue(plainCopy);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            QVERIFY2(query.exec(u"SELECT sqlcipher_export('plaintext')"_s), qPrintable(query.lastError().text()));
            QVERIFY(query.exec(u"DETACH DATABASE plaintext"_s));
        }
        QCOMPARE(plaintextHits(withSideFiles(path), canaries), QStringList());
        const QStringList directory = directoryListing(m_dir->path());
        QStringList everyFile;
        for (const QString &name : directory) {
            if (name != QFileInfo(plainCopy).fileName())
                everyFile.append(m_dir->filePath(name));
        }
        QCOMPARE(plaintextHits(everyFile, canaries), QStringList());

        const QStringList controlHits = plaintextHits({ plainCopy }, canaries);
        for (const QString &canary : canaries)
            QVERIFY2(controlHits.contains(u"plain-control.db: UTF-8 "_s + canary), qPrintable(canary));

        // And the UTF-16LE needle finds UTF-16LE text.
        const QString utf16Control = m_dir->filePath(u"utf16-control.txt"_s);
        QFile file(utf16Control);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (const QString &canary : canaries)
            file.write(utf16le(canary));
        file.close();
        QCOMPARE(plaintextHits({ utf16Control }, canaries).size(), canaries.size());
    }

    void processNeverLoadsTheSystemSqlite()
    {
        ConnectionGuard guard(u"maps"_s);
        Result<QSqlDatabase> db = openCipherDatabase(newPath(), randomKey(), guard.name());
        QVERIFY(db.ok());
        QFile maps(u"/proc/self/maps"_s);
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray mapped = maps.readAll();
        QVERIFY(mapped.contains("libsqlcipher.so"));
        QVERIFY(!mapped.contains("libsqlite3.so"));
        QVERIFY(!mapped.contains("libqsqlite.so"));
    }
};

QTEST_GUILESS_MAIN(tst_CipherOpen)
#include "tst_CipherOpen.moc"
