// A profile directory: the key file and the cache unlocked together, refusals that touch nothing, a
// password change that leaves the cache's bytes alone, and key rotation that survives a stop after any step.

#include "storage/CacheProfile.h"
#include "storage/CacheSchema.h"
#include "storage/CipherDatabase.h"
#include "storage/Migration.h"
#include "unit/storage/ProfileTestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

const QString kUser = u"sian.jones"_s;
constexpr int kRows = 300;

int modeOf(const QString &path)
{
    struct stat st { };
    const QByteArray native = QFile::encodeName(path);
    return ::stat(native.constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

bool insertCustomers(const QSqlDatabase &db, int first, int count)
{
    QSqlQuery query(db);
    if (!query.exec(u"BEGIN"_s))
        return false;
    if (!query.prepare(u"INSERT INTO customer (id, reference, given_name, family_name) VALUES (?, ?, ?, ?)"_s))
        return false;
    for (int i = first; i < first + count; ++i) {
        query.addBindValue(u"id-%1"_s.arg(i));
        query.addBindValue(u"REF%1"_s.arg(i));
        query.addBindValue(u"Given%1"_s.arg(i));
        query.addBindValue(u"Family%1"_s.arg(i));
        if (!query.exec())
            return false;
    }
    return query.exec(u"COMMIT"_s);
}

int customerCount(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(u"SELECT count(*) FROM customer"_s) && query.next() ? query.value(0).toInt() : -1;
}

// Opens the cache with a raw key, bypassing the profile: which key the file is really under.
QString openWithKey(const QString &cacheFile, const SecureBytes &key)
{
    static int counter = 0;
    const QString name = u"raw-%1"_s.arg(++counter);
    CipherOpenOptions options;
    options.createIfMissing = false;
    QString code;
    {
        const Result<QSqlDatabase> db = openCipherDatabase(cacheFile, key.view(), name, options);
        code = db ? u"ok"_s : db.error().code;
    }
    if (code == u"ok"_s)
        closeCipherDatabase(name);
    return code;
}

} // namespace

class tst_CacheProfile : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createMakesAPrivateProfileWithAMigratedCache();
    void createRefusesADirectoryThatHoldsAProfile();
    void unlockReopensWhatWasWritten();
    void wrongPasswordIsAClearErrorAndEveryFileIsByteIdentical();
    void secondUnlockWhileOpenIsRefused();
    void changePasswordRewrapsTheKeyAndLeavesTheCacheBytesAlone();
    void missingKeyFileIsReportedByNameAndNothingIsDeleted();
    void missingCacheIsReportedByName();
    void directoryWithoutAProfileIsNotFound();
    void damagedCacheIsReportedByNameAndLeftAlone_data();
    void damagedCacheIsReportedByNameAndLeftAlone();
    void dataKeyIsTheKeyThatOpensTheCache();
    void rotateKeyReplacesTheKeyAndKeepsTheData();
    void rotateKeyWithAWrongPasswordChangesNothing();
    void rotationStoppedAfterAnyStepUnlocksWithTheSamePassword_data();
    void rotationStoppedAfterAnyStepUnlocksWithTheSamePassword();
    void damagedPendingKeyIsDroppedWhenTheCurrentKeyOpensTheCache();
    void rotationThatNoKeyResolvesIsReportedAndNothingIsDeleted();

private:
    QString profileDir(const QString &name = u"profile"_s) const { return m_dir->filePath(name); }
    // A closed profile holding kRows customers.
    bool makeProfile(const QString &dir, const char *secret = "correct horse");

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_CacheProfile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_CacheProfile::cleanup()
{
    m_dir.reset();
}

bool tst_CacheProfile::makeProfile(const QString &dir, const char *secret)
{
    Result<CacheProfile> made = CacheProfile::create(dir, kUser, password(secret), KdfCost::Interactive);
    if (!made) {
        qWarning("%s", why(made).constData());
        return false;
    }
    return insertCustomers(made.value().database(), 0, kRows);
}

void tst_CacheProfile::createMakesAPrivateProfileWithAMigratedCache()
{
    const QString dir = profileDir(u"new/nested"_s);
    Result<CacheProfile> made = CacheProfile::create(dir, kUser, password("correct horse"), KdfCost::Interactive);
    QVERIFY2(made.ok(), why(made).constData());
    CacheProfile profile = std::move(made).value();
    QVERIFY(profile.isOpen());
    QCOMPARE(profile.identity().userName, kUser);
    QCOMPARE(profile.identity().profileId.size(), 36); // a UUID
    {
        QSqlDatabase db = profile.database();
        QCOMPARE(MigrationRunner::currentVersion(db).valueOr(-1), MigrationRunner(cacheMigrations()).latestVersion());
        QCOMPARE(customerCount(db), 0);
    }
    QCOMPARE(modeOf(dir), 0700);
    QCOMPARE(modeOf(profile.layout().keyFile()), 0600);
    QCOMPARE(modeOf(profile.layout().cacheFile()), 0600);
    profile.close();
    QVERIFY(!profile.isOpen());
    QVERIFY(!QFileInfo::exists(profile.layout().lockFile()));
    QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name),
             QStringList({ u"cache.db"_s, u"cache.key"_s }));
}

void tst_CacheProfile::createRefusesADirectoryThatHoldsAProfile()
{
    QVERIFY(makeProfile(profileDir()));
    const auto before = fileSnapshot(profileDir());
    const Result<CacheProfile> again
        = CacheProfile::create(profileDir(), u"other"_s, password("x"), KdfCost::Interactive);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, u"profile.exists"_s);
    QVERIFY(again.error().message.contains(QDir::toNativeSeparators(profileDir())));
    QCOMPARE(fileSnapshot(profileDir()), before);
}

void tst_CacheProfile::unlockReopensWhatWasWritten()
{
    QVERIFY(makeProfile(profileDir()));
    Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY2(unlocked.ok(), why(unlocked).constData());
    QCOMPARE(unlocked.value().identity().userName, kUser);
    QCOMPARE(customerCount(unlocked.value().database()), kRows);
}

void tst_CacheProfile::wrongPasswordIsAClearErrorAndEveryFileIsByteIdentical()
{
    QVERIFY(makeProfile(profileDir()));
    const auto before = fileSnapshot(profileDir());
    QCOMPARE(before.keys(), QStringList({ u"cache.db"_s, u"cache.key"_s }));

    const Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("Correct horse"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, u"keyfile.wrong_password"_s);
    QCOMPARE(unlocked.error().message, u"The password is not right. Nothing has been changed."_s);
    QCOMPARE(fileSnapshot(profileDir()), before);

    const Result<SecureBytes> key = CacheProfile::dataKey(profileDir(), password("wrong"));
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code, u"keyfile.wrong_password"_s);
    QCOMPARE(fileSnapshot(profileDir()), before);
}

void tst_CacheProfile::secondUnlockWhileOpenIsRefused()
{
    QVERIFY(makeProfile(profileDir()));
    Result<CacheProfile> first = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY2(first.ok(), why(first).constData());
    const Result<CacheProfile> second = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, u"profile.in_use"_s);
    QVERIFY(first.value().isOpen());
    QCOMPARE(customerCount(first.value().database()), kRows);

    first.value().close();
    const Result<CacheProfile> third = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY2(third.ok(), why(third).constData());
}

void tst_CacheProfile::changePasswordRewrapsTheKeyAndLeavesTheCacheBytesAlone()
{
    QVERIFY(makeProfile(profileDir()));
    const ProfileLayout layout(profileDir());
    const QByteArray cacheBefore = fileSnapshot(profileDir()).value(u"cache.db"_s);
    const QByteArray keyBefore = fileSnapshot(profileDir()).value(u"cache.key"_s);
    Result<SecureBytes> dataKeyBefore = CacheProfile::dataKey(profileDir(), password("correct horse"));
    QVERIFY2(dataKeyBefore.ok(), why(dataKeyBefore).constData());
    {
        Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
        QVERIFY2(unlocked.ok(), why(unlocked).constData());
        const Status changed = unlocked.value().changePassword(password("correct horse"), password("battery staple"),
                                                               KdfCost::Interactive);
        QVERIFY2(changed.ok(), why(changed).constData());
        QCOMPARE(fileSnapshot(profileDir()).value(u"cache.db"_s), cacheBefore);
    }
    QCOMPARE(fileSnapshot(profileDir()).value(u"cache.db"_s), cacheBefore);
    QVERIFY(fileSnapshot(profileDir()).value(u"cache.key"_s) != keyBefore);

    const Result<CacheProfile> old = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY(!old.ok());
    QCOMPARE(old.error().code, u"keyfile.wrong_password"_s);
    Result<SecureBytes> dataKeyAfter = CacheProfile::dataKey(profileDir(), password("battery staple"));
    QVERIFY2(dataKeyAfter.ok(), why(dataKeyAfter).constData());
    QVERIFY(dataKeyAfter.value() == dataKeyBefore.value());
    Result<CacheProfile> renewed = CacheProfile::unlock(profileDir(), password("battery staple"));
    QVERIFY2(renewed.ok(), why(renewed).constData());
    QCOMPARE(customerCount(renewed.value().database()), kRows);
}

void tst_CacheProfile::missingKeyFileIsReportedByNameAndNothingIsDeleted()
{
    QVERIFY(makeProfile(profileDir()));
    const ProfileLayout layout(profileDir());
    QVERIFY(QFile::rename(layout.keyFile(), m_dir->filePath(u"elsewhere.key"_s)));
    const auto before = fileSnapshot(profileDir());

    const Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, u"profile.key_missing"_s);
    QVERIFY(unlocked.error().message.contains(QDir::toNativeSeparators(layout.keyFile())));
    QVERIFY(unlocked.error().message.contains(QDir::toNativeSeparators(layout.cacheFile())));
    QCOMPARE(fileSnapshot(profileDir()), before);
}

void tst_CacheProfile::missingCacheIsReportedByName()
{
    QVERIFY(makeProfile(profileDir()));
    const ProfileLayout layout(profileDir());
    QVERIFY(QFile::remove(layout.cacheFile()));
    const auto before = fileSnapshot(profileDir());

    const Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, u"profile.cache_missing"_s);
    QVERIFY(unlocked.error().message.contains(QDir::toNativeSeparators(layout.cacheFile())));
    QCOMPARE(fileSnapshot(profileDir()), before);
}

void tst_CacheProfile::directoryWithoutAProfileIsNotFound()
{
    QVERIFY(QDir().mkpath(profileDir()));
    const Result<CacheProfile> empty = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().code, u"profile.not_found"_s);
    QVERIFY(QDir(profileDir()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));

    const Result<CacheProfile> absent = CacheProfile::unlock(profileDir(u"absent"_s), password("correct horse"));
    QVERIFY(!absent.ok());
    QCOMPARE(absent.error().code, u"profile.not_found"_s);
    QVERIFY(!QFileInfo::exists(profileDir(u"absent"_s)));
}

void tst_CacheProfile::damagedCacheIsReportedByNameAndLeftAlone_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("code");
    QTest::newRow("cut mid-page") << u"cut-mid-page"_s << u"cache.corrupt"_s;
    QTest::newRow("cut at a page boundary") << u"cut-2-pages"_s << u"cache.corrupt"_s;
    QTest::newRow("emptied") << u"empty"_s << u"cache.corrupt"_s;
    QTest::newRow("random bytes") << u"garbage"_s << u"profile.cache_unreadable"_s;
    QTest::newRow("another profile's cache") << u"swapped"_s << u"profile.cache_unreadable"_s;
}

void tst_CacheProfile::damagedCacheIsReportedByNameAndLeftAlone()
{
    QFETCH(QString, damage);
    QFETCH(QString, code);
    QVERIFY(makeProfile(profileDir()));
    const ProfileLayout layout(profileDir());
    const qint64 size = QFileInfo(layout.cacheFile()).size();
    QVERIFY(size >= 8 * 4096);
    if (damage.startsWith(u"cut"_s) || damage == u"empty"_s) {
        QFile file(layout.cacheFile());
        QVERIFY(file.resize(damage == u"cut-mid-page"_s      ? size - 1000
                                : damage == u"cut-2-pages"_s ? size - 2 * 4096
                                                             : 0));
    } else if (damage == u"garbage"_s) {
        QByteArray noise(size, Qt::Uninitialized);
        for (char &c : noise)
            c = char(QRandomGenerator::global()->bounded(256));
        QFile file(layout.cacheFile());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(noise), size);
    } else {
        QVERIFY(makeProfile(profileDir(u"other"_s)));
        QVERIFY(QFile::remove(layout.cacheFile()));
        QVERIFY(QFile::copy(ProfileLayout(profileDir(u"other"_s)).cacheFile(), layout.cacheFile()));
    }
    const auto before = fileSnapshot(profileDir());

    const Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, code);
    QVERIFY2(unlocked.error().message.contains(QDir::toNativeSeparators(layout.cacheFile())),
             qPrintable(unlocked.error().message));
    QCOMPARE(fileSnapshot(profileDir()), before);

    const Result<SecureBytes> key = CacheProfile::dataKey(profileDir(), password("correct horse"));
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code, code);
    QCOMPARE(fileSnapshot(profileDir()), before);
}

void tst_CacheProfile::dataKeyIsTheKeyThatOpensTheCache()
{
    QVERIFY(makeProfile(profileDir()));
    const Result<SecureBytes> key = CacheProfile::dataKey(profileDir(), password("correct horse"));
    QVERIFY2(key.ok(), why(key).constData());
    QCOMPARE(key.value().size(), 32);
    QCOMPARE(openWithKey(ProfileLayout(profileDir()).cacheFile(), key.value()), u"ok"_s);
    QVERIFY(!QFileInfo::exists(ProfileLayout(profileDir()).lockFile()));
}

void tst_CacheProfile::rotateKeyReplacesTheKeyAndKeepsTheData()
{
    QVERIFY(makeProfile(profileDir()));
    const ProfileLayout layout(profileDir());
    Result<SecureBytes> oldKey = CacheProfile::dataKey(profileDir(), password("correct horse"));
    QVERIFY2(oldKey.ok(), why(oldKey).constData());
    {
        Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
        QVERIFY2(unlocked.ok(), why(unlocked).constData());
        CacheProfile &profile = unlocked.value();
        const Status rotated = profile.rotateKey(password("correct horse"), KdfCost::Interactive);
        QVERIFY2(rotated.ok(), why(rotated).constData());
        QVERIFY(profile.isOpen());
        QVERIFY(insertCustomers(profile.database(), kRows, 1)); // the connection carries on under the new key
        QVERIFY(!QFileInfo::exists(layout.pendingKeyFile()));
    }
    Result<SecureBytes> newKey = CacheProfile::dataKey(profileDir(), password("correct horse"));
    QVERIFY2(newKey.ok(), why(newKey).constData());
    QVERIFY(!(newKey.value() == oldKey.value()));
    QCOMPARE(openWithKey(layout.cacheFile(), oldKey.value()), u"cache.wrong_key"_s);
    Result<CacheProfile> again = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY2(again.ok(), why(again).constData());
    QCOMPARE(customerCount(again.value().database()), kRows + 1);
}

void tst_CacheProfile::rotateKeyWithAWrongPasswordChangesNothing()
{
    QVERIFY(makeProfile(profileDir()));
    Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY2(unlocked.ok(), why(unlocked).constData());
    const auto before = fileSnapshot(profileDir());
    const Status rotated = unlocked.value().rotateKey(password("incorrect horse"), KdfCost::Interactive);
    QVERIFY(!rotated.ok());
    QCOMPARE(rotated.error().code, u"keyfile.wrong_password"_s);
    QCOMPARE(fileSnapshot(profileDir()), before);
    QVERIFY(unlocked.value().isOpen());
    QCOMPARE(customerCount(unlocked.value().database()), kRows);
}

void tst_CacheProfile::rotationStoppedAfterAnyStepUnlocksWithTheSamePassword_data()
{
    QTest::addColumn<int>("stopAfterIndex");
    QTest::addColumn<bool>("keyChanged");
    QTest::newRow("after the new key file is written") << int(KeyRotationStep::PendingKeyWritten) << false;
    QTest::newRow("after the cache is rekeyed") << int(KeyRotationStep::CacheRekeyed) << true;
    QTest::newRow("after the key files are swapped") << int(KeyRotationStep::KeySwapped) << true;
}

void tst_CacheProfile::rotationStoppedAfterAnyStepUnlocksWithTheSamePassword()
{
    QFETCH(int, stopAfterIndex);
    const auto stopAfter = KeyRotationStep(stopAfterIndex);
    QFETCH(bool, keyChanged);
    QVERIFY(makeProfile(profileDir()));
    Result<SecureBytes> oldKey = CacheProfile::dataKey(profileDir(), password("correct horse"));
    QVERIFY2(oldKey.ok(), why(oldKey).constData());

    // Two states to recover from: the files as the stopped process left them after closing, and a copy
    // taken at the stop with the connection still open, which is what a kill -9 there leaves behind.
    const QString crashImage = profileDir(u"crash-image"_s);
    {
        Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
        QVERIFY2(unlocked.ok(), why(unlocked).constData());
        CacheProfile &profile = unlocked.value();
        QList<KeyRotationStep> seen;
        profile.setRotationHook([&](KeyRotationStep step) {
            seen.append(step);
            if (step != stopAfter)
                return true;
            copyAsCrashImage(profileDir(), crashImage);
            return false;
        });
        const Status rotated = profile.rotateKey(password("correct horse"), KdfCost::Interactive);
        QVERIFY(!rotated.ok());
        QCOMPARE(rotated.error().code, u"profile.rotation_stopped"_s);
        QVERIFY(!profile.isOpen());
        QCOMPARE(seen.last(), stopAfter);
        QCOMPARE(seen.size(), int(stopAfter) + 1);
    }
    QCOMPARE(QFileInfo::exists(ProfileLayout(crashImage).pendingKeyFile()), stopAfter != KeyRotationStep::KeySwapped);
    if (stopAfter == KeyRotationStep::CacheRekeyed) // the rekeyed pages are still only in the log
        QVERIFY(QFileInfo(ProfileLayout(crashImage).cacheFile() + u"-wal"_s).size() > 0);

    for (const QString &dir : { profileDir(), crashImage }) {
        const ProfileLayout layout(dir);
        const auto before = fileSnapshot(dir);
        const Result<CacheProfile> wrong = CacheProfile::unlock(dir, password("correct hose"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, u"keyfile.wrong_password"_s);
        QCOMPARE(fileSnapshot(dir), before);

        {
            Result<CacheProfile> unlocked = CacheProfile::unlock(dir, password("correct horse"));
            QVERIFY2(unlocked.ok(), why(unlocked).constData());
            QCOMPARE(customerCount(unlocked.value().database()), kRows);
            QSqlQuery check(unlocked.value().database());
            QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
            QCOMPARE(check.value(0).toString(), u"ok"_s);
        }
        QVERIFY(!QFileInfo::exists(layout.pendingKeyFile()));
        Result<SecureBytes> key = CacheProfile::dataKey(dir, password("correct horse"));
        QVERIFY2(key.ok(), why(key).constData());
        QCOMPARE(!(key.value() == oldKey.value()), keyChanged);

        // The profile is whole again: the next rotation runs to the end.
        Result<CacheProfile> unlocked = CacheProfile::unlock(dir, password("correct horse"));
        QVERIFY2(unlocked.ok(), why(unlocked).constData());
        const Status rotated = unlocked.value().rotateKey(password("correct horse"), KdfCost::Interactive);
        QVERIFY2(rotated.ok(), why(rotated).constData());
        QCOMPARE(customerCount(unlocked.value().database()), kRows);
    }
}

void tst_CacheProfile::damagedPendingKeyIsDroppedWhenTheCurrentKeyOpensTheCache()
{
    QVERIFY(makeProfile(profileDir()));
    const ProfileLayout layout(profileDir());
    {
        QFile pending(layout.pendingKeyFile());
        QVERIFY(pending.open(QIODevice::WriteOnly));
        QVERIFY(pending.write("FCKEY\x01 cut short") > 0);
    }
    Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY2(unlocked.ok(), why(unlocked).constData());
    QCOMPARE(customerCount(unlocked.value().database()), kRows);
    QVERIFY(!QFileInfo::exists(layout.pendingKeyFile()));
}

void tst_CacheProfile::rotationThatNoKeyResolvesIsReportedAndNothingIsDeleted()
{
    QVERIFY(makeProfile(profileDir()));
    QVERIFY(makeProfile(profileDir(u"other"_s)));
    const ProfileLayout layout(profileDir());
    {
        // A pending key that unwraps but opens nothing, over a cache that is not this profile's.
        Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
        QVERIFY2(unlocked.ok(), why(unlocked).constData());
        unlocked.value().setRotationHook([](KeyRotationStep) { return false; });
        QCOMPARE(unlocked.value().rotateKey(password("correct horse"), KdfCost::Interactive).error().code,
                 u"profile.rotation_stopped"_s);
    }
    QVERIFY(QFileInfo::exists(layout.pendingKeyFile()));
    QVERIFY(QFile::remove(layout.cacheFile()));
    QVERIFY(QFile::copy(ProfileLayout(profileDir(u"other"_s)).cacheFile(), layout.cacheFile()));
    const auto before = fileSnapshot(profileDir());

    const Result<CacheProfile> unlocked = CacheProfile::unlock(profileDir(), password("correct horse"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, u"profile.rotation_unresolved"_s);
    for (const QString &named : { layout.keyFile(), layout.pendingKeyFile(), layout.cacheFile() })
        QVERIFY2(unlocked.error().message.contains(QDir::toNativeSeparators(named)), qPrintable(named));
    QCOMPARE(fileSnapshot(profileDir()), before);
}

QTEST_GUILESS_MAIN(tst_CacheProfile)
#include "tst_CacheProfile.moc"
