// No plaintext on disk, through the real profile: distinctive names, phones, emails and note text are
// written with plain SQL and pushed through sorts, grouping, an index build and a VACUUM; then the
// cache, its log and index files, the key file and a test-private temporary directory are searched for
// them in UTF-8 and UTF-16LE, both while the cache is open (including temporary files SQLite has already
// unlinked, reached through /proc/self/fd) and after it is closed. A control file written in clear must
// produce hits, which proves the scanner would see a leak.

#include "storage/CacheProfile.h"
#include "unit/storage/ProfileTestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

const QStringList kCanaries {
    u"Zebedee Quillfeather-Canary"_s, // name
    u"Siân Ŵyn-Llŷr Canaryfield"_s, // name with letters outside Latin-1
    u"+447700900417"_s, // phone, E.164
    u"7140090077"_s, // the same phone's reversed national digits
    u"zebedee.canary@example.org"_s, // email
    u"the resident's ferret bit the bailiff"_s, // note text
};

QByteArray utf16le(const QString &text)
{
    QByteArray bytes;
    for (QChar c : text) {
        bytes.append(char(c.unicode() & 0xff));
        bytes.append(char(c.unicode() >> 8));
    }
    return bytes;
}

QList<QPair<QString, QByteArray>> needles(const QStringList &strings)
{
    QList<QPair<QString, QByteArray>> all;
    for (const QString &s : strings) {
        all.append({ s + u" (UTF-8)"_s, s.toUtf8() });
        all.append({ s + u" (UTF-16LE)"_s, utf16le(s) });
    }
    return all;
}

// "file: needle" for every needle found in every readable file of `paths`.
QStringList hitsIn(const QStringList &paths, const QList<QPair<QString, QByteArray>> &needles,
                   const QString &label = {})
{
    QStringList hits;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const auto &[name, needle] : needles) {
            if (bytes.contains(needle))
                hits.append((label.isEmpty() ? path : label + u' ' + path) + u": "_s + name);
        }
    }
    return hits;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

// Files this process has open under any of `roots`, as /proc/self/fd paths: these still read after the
// file was unlinked, which is how SQLite keeps its temporary files.
QStringList openFilesUnder(const QStringList &roots, QStringList *targets = nullptr)
{
    QStringList paths;
    const QStringList fds = QDir(u"/proc/self/fd"_s).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &fd : fds) {
        const QString path = u"/proc/self/fd/"_s + fd;
        char target[4096];
        const QByteArray native = QFile::encodeName(path);
        const ssize_t length = ::readlink(native.constData(), target, sizeof target - 1);
        if (length <= 0)
            continue;
        const QString resolved = QFile::decodeName(QByteArray(target, length));
        for (const QString &root : roots) {
            if (resolved.startsWith(root + u'/')) {
                paths.append(path);
                if (targets)
                    targets->append(resolved);
                break;
            }
        }
    }
    return paths;
}

bool exec(QSqlQuery &query, const QString &sql)
{
    if (query.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return false;
}

// The canaries, through every table that holds personal data: 3,000 customers with phones, emails and
// search text, and 20,000 contacts whose notes carry them (about 9 MB of text to sort).
bool writeCanaryData(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!db.transaction())
        return false;
    if (!exec(query,
              u"INSERT INTO customer (row, id, reference, given_name, family_name) "
              "VALUES (1, 'c-1', 'R-1', 'Zebedee', 'Quillfeather-Canary')"_s))
        return false;
    if (!query.prepare(u"INSERT INTO customer (row, id, reference, given_name, family_name, address_line1) "
                       "VALUES (?, ?, ?, ?, ?, ?)"_s))
        return false;
    for (int row = 2; row <= 3000; ++row) {
        query.addBindValue(row);
        query.addBindValue(u"c-%1"_s.arg(row));
        query.addBindValue(u"R-%1"_s.arg(row));
        query.addBindValue(row % 2 ? kCanaries.at(0) : kCanaries.at(1));
        query.addBindValue(u"%1 %2"_s.arg(kCanaries.at(1)).arg(row));
        query.addBindValue(u"%1 Canary Row"_s.arg(row));
        if (!query.exec()) {
            qWarning("%s", qPrintable(query.lastError().text()));
            return false;
        }
    }
    if (!exec(query,
              u"INSERT INTO customer_phone (customer_row, position, phone, reversed_digits) "
              "SELECT row, 0, '+447700900417', '7140090077' FROM customer"_s))
        return false;
    if (!exec(query,
              u"INSERT INTO customer_email (customer_row, position, email, email_key) "
              "SELECT row, 0, 'zebedee.canary@example.org', 'zebedee.canary@example.org' FROM customer"_s))
        return false;
    if (!exec(query,
              u"INSERT INTO customer_fts (docid, names, address) "
              "SELECT row, given_name || ' ' || family_name, address_line1 FROM customer"_s))
        return false;
    if (!query.prepare(u"INSERT INTO contact (id, customer_id, channel, started_at, notes) VALUES (?, ?, ?, ?, ?)"_s))
        return false;
    const QString padding(400, u'x');
    for (int n = 0; n < 20000; ++n) {
        query.addBindValue(u"k-%1"_s.arg(n));
        query.addBindValue(u"c-%1"_s.arg(n % 3000 + 1));
        query.addBindValue(u"phone"_s);
        query.addBindValue(u"2026-11-%1T09:00:00.000Z"_s.arg(n % 28 + 1, 2, 10, QChar(u'0')));
        query.addBindValue(u"%1 %2, call %3 %4 %5"_s.arg(kCanaries.at(5), kCanaries.at(4))
                               .arg(20000 - n)
                               .arg(kCanaries.at(2), padding));
        if (!query.exec()) {
            qWarning("%s", qPrintable(query.lastError().text()));
            return false;
        }
    }
    return db.commit();
}

} // namespace

class tst_ProfileCanary : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void scannerFindsCanariesInAClearFileAndInAnUnlinkedOpenFile();
    void canariesNeverReachTheDiskThroughTheProfile();
    void scanFindsTheSortSpillSqliteWritesWhenTemporaryFilesAreAllowed();

private:
    QTemporaryDir m_profileRoot;
    QTemporaryDir m_tmp; // becomes TMPDIR and SQLITE_TMPDIR before any database is opened
};

void tst_ProfileCanary::initTestCase()
{
    QVERIFY(m_profileRoot.isValid());
    QVERIFY(m_tmp.isValid());
    // SQLite reads these once, the first time it needs a temporary file; Qt reads TMPDIR every time.
    QVERIFY(qputenv("TMPDIR", QFile::encodeName(m_tmp.path())));
    QVERIFY(qputenv("SQLITE_TMPDIR", QFile::encodeName(m_tmp.path())));
    QCOMPARE(QDir::tempPath(), m_tmp.path());
}

void tst_ProfileCanary::scannerFindsCanariesInAClearFileAndInAnUnlinkedOpenFile()
{
    const QString control = QDir(m_tmp.path()).filePath(u"control.txt"_s);
    QFile file(control);
    QVERIFY(file.open(QIODevice::ReadWrite));
    for (const QString &canary : kCanaries) {
        file.write(canary.toUtf8() + '\n');
        file.write(utf16le(canary) + '\n');
    }
    file.flush();
    QCOMPARE(hitsIn({ control }, needles(kCanaries)).size(), 2 * kCanaries.size());

    // Unlinked but still open, as SQLite's temporary files are: only the descriptor reaches it now.
    QVERIFY(QFile::remove(control));
    QCOMPARE(hitsIn(filesUnder(m_tmp.path()), needles(kCanaries)).size(), 0);
    QStringList targets;
    const QStringList open = openFilesUnder({ m_tmp.path() }, &targets);
    QCOMPARE(open.size(), 1);
    QCOMPARE(targets.value(0), control + u" (deleted)"_s);
    QCOMPARE(hitsIn(open, needles(kCanaries)).size(), 2 * kCanaries.size());
    file.close();
    QCOMPARE(openFilesUnder({ m_tmp.path() }).size(), 0);
}

void tst_ProfileCanary::canariesNeverReachTheDiskThroughTheProfile()
{
    const QString dir = m_profileRoot.filePath(u"profile"_s);
    const ProfileLayout layout(dir);
    const auto canaryNeedles = needles(kCanaries);
    QStringList hits;
    int scansWhileOpen = 0;
    int tempFilesSeen = 0;
    {
        Result<CacheProfile> made = CacheProfile::create(dir, u"canary.user"_s, password("pw"), KdfCost::Interactive);
        QVERIFY2(made.ok(), why(made).constData());
        QSqlDatabase db = made.value().database();
        QVERIFY(writeCanaryData(db));
        QSqlQuery query(db);

        // Sorts, grouping and distinct over ~9 MB of note text: any spill to a temporary file happens
        // while the statement is active, so scan every file we have open while it is.
        const QStringList sorting {
            u"SELECT notes FROM contact ORDER BY notes DESC"_s,
            u"SELECT family_name || given_name AS k FROM customer ORDER BY k"_s,
            u"SELECT DISTINCT notes FROM contact"_s,
            u"SELECT notes, count(*) AS n FROM contact GROUP BY notes ORDER BY n, notes"_s,
            u"SELECT c.notes FROM contact c JOIN customer_email e ON e.customer_row = c.row % 3000 ORDER BY c.notes"_s,
        };
        for (const QString &sql : sorting) {
            QSqlQuery sort(db);
            sort.setForwardOnly(true);
            QVERIFY(exec(sort, sql));
            QVERIFY(sort.next());
            QStringList targets;
            const QStringList open = openFilesUnder({ m_tmp.path(), dir }, &targets);
            QVERIFY(!targets.filter(u"cache.db-wal"_s).isEmpty()); // the scan does reach the live files
            tempFilesSeen += int(targets.size()) - int(targets.filter(dir).size());
            hits += hitsIn(open + filesUnder(m_tmp.path()), canaryNeedles, sql);
            ++scansWhileOpen;
        }
        QVERIFY(exec(query, u"CREATE INDEX contact_notes ON contact(notes)"_s));
        QVERIFY(exec(query, u"VACUUM"_s));
        hits += hitsIn(openFilesUnder({ m_tmp.path(), dir }) + filesUnder(m_tmp.path()) + filesUnder(dir),
                       canaryNeedles, u"after VACUUM"_s);

        // Still open, the log holds the latest pages: scan it, its index and the cache now too.
        QVERIFY(QFileInfo(layout.cacheFile() + u"-wal"_s).size() > 0);
        hits += hitsIn(QStringList { layout.cacheFile(), layout.keyFile() } + layout.cacheCompanionFiles(),
                       canaryNeedles, u"open"_s);
        QVERIFY(query.exec(u"SELECT count(*) FROM contact WHERE notes LIKE '%ferret%'"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 20000); // what was scanned for is really in there
    }

    const QStringList afterClose = QStringList { layout.cacheFile(), layout.keyFile() } + layout.cacheCompanionFiles()
        + filesUnder(dir) + filesUnder(m_tmp.path());
    hits += hitsIn(afterClose, canaryNeedles, u"closed"_s);

    // Nor does the data key itself, raw or as the hex SQLCipher is given.
    const Result<SecureBytes> key = CacheProfile::dataKey(dir, password("pw"));
    QVERIFY2(key.ok(), why(key).constData());
    const Result<SecureBytes> hex = key.value().toHex();
    QVERIFY(hex.ok());
    const QList<QPair<QString, QByteArray>> keyNeedles {
        { u"data key (raw)"_s, key.value().view().toByteArray() },
        { u"data key (hex)"_s, hex.value().view().toByteArray() },
    };
    hits += hitsIn(afterClose, keyNeedles, u"closed"_s);

    qInfo("%d scans while statements were active, %d temporary files seen open; %lld bytes of cache scanned",
          scansWhileOpen, tempFilesSeen, QFileInfo(layout.cacheFile()).size());
    QCOMPARE(hits, QStringList());
    QVERIFY(QFileInfo(layout.cacheFile()).size() > 8 * 1024 * 1024);
}

void tst_ProfileCanary::scanFindsTheSortSpillSqliteWritesWhenTemporaryFilesAreAllowed()
{
    // The control for the scans above: with temporary files allowed (the driver sets temp_store = MEMORY)
    // and a small page cache, SQLCipher 3.4 spills sort runs in clear to temporary files it has already
    // unlinked. The same scan must find them, or its zero above would prove nothing.
    const QString dir = m_profileRoot.filePath(u"spill"_s);
    Result<CacheProfile> made = CacheProfile::create(dir, u"canary.user"_s, password("pw"), KdfCost::Interactive);
    QVERIFY2(made.ok(), why(made).constData());
    QSqlDatabase db = made.value().database();
    QVERIFY(writeCanaryData(db));
    QSqlQuery query(db);
    QVERIFY(exec(query, u"PRAGMA temp_store = FILE"_s));
    QVERIFY(exec(query, u"PRAGMA cache_size = -256"_s));
    QVERIFY(exec(query, u"SELECT notes FROM contact ORDER BY notes DESC"_s));
    QVERIFY(query.next());
    QStringList targets;
    const QStringList open = openFilesUnder({ m_tmp.path() }, &targets);
    QVERIFY(!open.isEmpty());
    for (const QString &target : targets)
        QVERIFY2(target.endsWith(u" (deleted)"_s), qPrintable(target));
    const QStringList hits = hitsIn(open, needles({ kCanaries.at(5) }));
    QVERIFY2(!hits.isEmpty(), "the sort spilled, but the scan did not see the note text in it");
    query.finish();
}

QTEST_GUILESS_MAIN(tst_ProfileCanary)
#include "tst_ProfileCanary.moc"
