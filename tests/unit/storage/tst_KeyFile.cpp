#include "storage/KeyFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <sodium.h>
#include <sys/stat.h>
#include <utility>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

// Offsets from docs/storage/KEYS.md, format v1.
constexpr qsizetype kVersionAt = 5;
constexpr qsizetype kKdfIdAt = 6;
constexpr qsizetype kAeadIdAt = 7;
constexpr qsizetype kOpsAt = 8;
constexpr qsizetype kMemAt = 12;
constexpr qsizetype kSaltAt = 20;
constexpr qsizetype kNonceAt = 36;
constexpr qsizetype kUserLengthAt = 60;
constexpr qsizetype kChecksumBytes = 32;

const QString kUser = u"sian.jones"_s;
const QString kProfile = u"desk-07"_s;

SecureBytes password(const char *text)
{
    Result<SecureBytes> made = SecureBytes::fromPassword(QByteArray(text));
    return made ? std::move(made).value() : SecureBytes();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
}

int modeOf(const QString &path)
{
    struct stat st { };
    const QByteArray native = QFile::encodeName(path);
    return ::stat(native.constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

// Re-seals the frame checksum after an edit, as a deliberate tamperer (not a bad disk) would.
QByteArray withChecksum(QByteArray bytes)
{
    bytes.chop(kChecksumBytes);
    QByteArray sum(kChecksumBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(sum.data()), size_t(sum.size()),
                       reinterpret_cast<const unsigned char *>(bytes.constData()), quint64(bytes.size()), nullptr, 0);
    return bytes + sum;
}

// QVERIFY2 evaluates its message even on success, so it must not touch error() of a good result.
template <typename R>
QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

} // namespace

class tst_KeyFile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void createThenUnlockGivesTheSameKey();
    void twoCreatesGiveDifferentKeysAndSalts();
    void createWritesTheDocumentedLayout();
    void costPresetsAreLibsodiumsFigures();
    void createRefusesToReplaceAnExistingFile();
    void createRefusesBadInput_data();
    void createRefusesBadInput();
    void createIntoAMissingFolderFailsNamingTheFile();
    void fileIsOwnerReadWriteOnlyWhateverTheUmask();
    void dataKeyNeverAppearsInTheFile();

    void wrongPasswordIsRefusedAndFileIsByteIdentical_data();
    void wrongPasswordIsRefusedAndFileIsByteIdentical();
    void unlockWithExpectedIdentity_data();
    void unlockWithExpectedIdentity();
    void identityIsReadableWithoutPassword();

    void changePasswordKeepsTheDataKey();
    void changePasswordWithWrongOldPasswordChangesNothing();
    void changePasswordRefusesEmptyNewPasswordAndChangesNothing();

    void missingFileIsReportedByName();
    void otherFilesAreNotKeyFiles();
    void everySingleByteFlipIsRefusedWithoutAKey();
    void everyTruncationIsRefusedAsCorrupt();
    void extraBytesAreRefusedAsCorrupt();
    void sealedFieldEditsFailAsWrongPassword_data();
    void sealedFieldEditsFailAsWrongPassword();
    void malformedFieldsAreCorruptBeforeAnyDerivation_data();
    void malformedFieldsAreCorruptBeforeAnyDerivation();
    void newerVersionIsRefused_data();
    void newerVersionIsRefused();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_referencePath;
    QByteArray m_reference;
    SecureBytes m_referenceKey;
};

void tst_KeyFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_referencePath = path(u"reference.key"_s);
    Result<SecureBytes> key
        = KeyFile::create(m_referencePath, kUser, kProfile, password("hunter2"), KdfCost::Interactive);
    QVERIFY2(key.ok(), why(key).constData());
    m_referenceKey = std::move(key).value();
    m_reference = readAll(m_referencePath);
    QVERIFY(!m_reference.isEmpty());
}

void tst_KeyFile::createThenUnlockGivesTheSameKey()
{
    const QString file = path(u"roundtrip.key"_s);
    const Result<SecureBytes> created
        = KeyFile::create(file, kUser, kProfile, password("correct horse"), KdfCost::Interactive);
    QVERIFY(created.ok());
    QCOMPARE(created->size(), KeyFile::kDataKeyBytes);

    const Result<SecureBytes> unlocked = KeyFile::unlock(file, password("correct horse"));
    QVERIFY2(unlocked.ok(), why(unlocked).constData());
    QCOMPARE(unlocked.value(), created.value());
}

void tst_KeyFile::twoCreatesGiveDifferentKeysAndSalts()
{
    const QString a = path(u"twin-a.key"_s);
    const QString b = path(u"twin-b.key"_s);
    const Result<SecureBytes> keyA = KeyFile::create(a, kUser, kProfile, password("same"), KdfCost::Interactive);
    const Result<SecureBytes> keyB = KeyFile::create(b, kUser, kProfile, password("same"), KdfCost::Interactive);
    QVERIFY(keyA.ok() && keyB.ok());
    QVERIFY(!keyA->equals(keyB.value()));
    const QByteArray bytesA = readAll(a);
    const QByteArray bytesB = readAll(b);
    QVERIFY(bytesA.mid(kSaltAt, 16) != bytesB.mid(kSaltAt, 16));
    QVERIFY(bytesA.mid(kNonceAt, 24) != bytesB.mid(kNonceAt, 24));
}

void tst_KeyFile::createWritesTheDocumentedLayout()
{
    const QByteArray &b = m_reference;
    const QByteArray user = kUser.toUtf8();
    const QByteArray profile = kProfile.toUtf8();
    QCOMPARE(b.size(), 144 + user.size() + profile.size());
    QCOMPARE(b.first(5), QByteArray("FCKEY"));
    QCOMPARE(int(quint8(b.at(kVersionAt))), 1);
    QCOMPARE(int(quint8(b.at(kKdfIdAt))), 1);
    QCOMPARE(int(quint8(b.at(kAeadIdAt))), 1);
    QCOMPARE(qFromLittleEndian<quint32>(b.constData() + kOpsAt), quint32(2));
    QCOMPARE(qFromLittleEndian<quint64>(b.constData() + kMemAt), quint64(64) * 1024 * 1024);
    QCOMPARE(qFromLittleEndian<quint16>(b.constData() + kUserLengthAt), quint16(user.size()));
    QCOMPARE(b.mid(62, user.size()), user);
    const qsizetype profileLengthAt = 62 + user.size();
    QCOMPARE(qFromLittleEndian<quint16>(b.constData() + profileLengthAt), quint16(profile.size()));
    QCOMPARE(b.mid(profileLengthAt + 2, profile.size()), profile);
    // The last 32 bytes are the BLAKE2b-256 of all the others.
    QCOMPARE(withChecksum(b), b);
}

void tst_KeyFile::costPresetsAreLibsodiumsFigures()
{
    QCOMPARE(KeyFile::params(KdfCost::Interactive), (KdfParams { 2, quint64(64) << 20 }));
    QCOMPARE(KeyFile::params(KdfCost::Moderate), (KdfParams { 3, quint64(256) << 20 }));
    QCOMPARE(KeyFile::params(KdfCost::Sensitive), (KdfParams { 4, quint64(1024) << 20 }));
}

void tst_KeyFile::createRefusesToReplaceAnExistingFile()
{
    const QString file = path(u"existing.key"_s);
    QVERIFY(writeAll(file, "someone's precious key file"));
    const QByteArray before = sha256(file);
    const Result<SecureBytes> created = KeyFile::create(file, kUser, kProfile, password("pw"), KdfCost::Interactive);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, u"keyfile.exists"_s);
    QVERIFY(created.error().message.contains(file));
    QCOMPARE(sha256(file), before);
}

void tst_KeyFile::createRefusesBadInput_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty password") << kUser << kProfile << QByteArray() << u"keyfile.empty_password"_s;
    QTest::newRow("empty user") << QString() << kProfile << QByteArray("pw") << u"keyfile.invalid_identity"_s;
    QTest::newRow("empty profile") << kUser << QString() << QByteArray("pw") << u"keyfile.invalid_identity"_s;
    QTest::newRow("user of 257 bytes") << QString(257, u'a') << kProfile << QByteArray("pw")
                                       << u"keyfile.invalid_identity"_s;
    // 129 two-byte characters: 129 characters but 258 UTF-8 bytes.
    QTest::newRow("profile of 258 UTF-8 bytes")
        << kUser << QString(129, QChar(0x0175)) << QByteArray("pw") << u"keyfile.invalid_identity"_s;
}

void tst_KeyFile::createRefusesBadInput()
{
    QFETCH(QString, user);
    QFETCH(QString, profile);
    QFETCH(QByteArray, password);
    QFETCH(QString, code);
    const QString file = path(u"refused.key"_s);
    const Result<SecureBytes> created = KeyFile::create(
        file, user, profile, SecureBytes::fromPassword(std::move(password)).value(), KdfCost::Interactive);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, code);
    QVERIFY(!QFile::exists(file));
}

void tst_KeyFile::createIntoAMissingFolderFailsNamingTheFile()
{
    const QString file = path(u"no/such/folder/user.key"_s);
    const Result<SecureBytes> created = KeyFile::create(file, kUser, kProfile, password("pw"), KdfCost::Interactive);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().code, u"keyfile.write_failed"_s);
    QVERIFY(created.error().message.contains(file));
}

void tst_KeyFile::fileIsOwnerReadWriteOnlyWhateverTheUmask()
{
    // With umask 0 an ordinary new file would be 0666: only an explicit chmod gives 0600.
    const mode_t previous = ::umask(0);
    const QString file = path(u"mode.key"_s);
    const Result<SecureBytes> created = KeyFile::create(file, kUser, kProfile, password("pw"), KdfCost::Interactive);
    const Status changed = KeyFile::changePassword(file, password("pw"), password("pw2"), KdfCost::Interactive);
    const int modeAfterChange = modeOf(file);
    ::umask(previous);
    QVERIFY(created.ok());
    QVERIFY(changed.ok());
    QCOMPARE(modeOf(m_referencePath), 0600);
    QCOMPARE(modeAfterChange, 0600);
}

void tst_KeyFile::dataKeyNeverAppearsInTheFile()
{
    const QByteArray key = m_referenceKey.view().toByteArray();
    QCOMPARE(key.size(), 32);
    QVERIFY(!m_reference.contains(key));
    // Any 8-byte run of the key would be a leak; by chance one turns up about once in 10^16 files.
    for (qsizetype i = 0; i + 8 <= key.size(); ++i)
        QVERIFY2(!m_reference.contains(key.mid(i, 8)), qPrintable(u"key bytes %1..%2 found"_s.arg(i).arg(i + 7)));
    QVERIFY(!m_reference.contains(key.toHex()));
    QVERIFY(!m_reference.toLower().contains(key.toHex()));
}

void tst_KeyFile::wrongPasswordIsRefusedAndFileIsByteIdentical_data()
{
    QTest::addColumn<QByteArray>("attempt");
    QTest::newRow("different") << QByteArray("hunter3");
    QTest::newRow("different case") << QByteArray("Hunter2");
    QTest::newRow("prefix") << QByteArray("hunter");
    QTest::newRow("trailing space") << QByteArray("hunter2 ");
    QTest::newRow("empty") << QByteArray();
}

void tst_KeyFile::wrongPasswordIsRefusedAndFileIsByteIdentical()
{
    QFETCH(QByteArray, attempt);
    const QByteArray before = sha256(m_referencePath);
    const Result<SecureBytes> unlocked
        = KeyFile::unlock(m_referencePath, SecureBytes::fromPassword(std::move(attempt)).value());
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error(),
             makeError(u"keyfile.wrong_password"_s, u"The password is not right. Nothing has been changed."_s));
    QCOMPARE(sha256(m_referencePath), before);
    QCOMPARE(readAll(m_referencePath), m_reference);
}

void tst_KeyFile::unlockWithExpectedIdentity_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("code"); // empty: unlocks
    QTest::newRow("the owner") << kUser << kProfile << QString();
    QTest::newRow("another user") << u"ffion.evans"_s << kProfile << u"keyfile.wrong_identity"_s;
    QTest::newRow("another profile") << kUser << u"desk-08"_s << u"keyfile.wrong_identity"_s;
    QTest::newRow("case matters") << u"Sian.Jones"_s << kProfile << u"keyfile.wrong_identity"_s;
}

void tst_KeyFile::unlockWithExpectedIdentity()
{
    QFETCH(QString, user);
    QFETCH(QString, profile);
    QFETCH(QString, code);
    const Result<SecureBytes> unlocked = KeyFile::unlock(m_referencePath, { user, profile }, password("hunter2"));
    if (code.isEmpty()) {
        QVERIFY(unlocked.ok());
        QCOMPARE(unlocked.value(), m_referenceKey);
    } else {
        QVERIFY(!unlocked.ok());
        QCOMPARE(unlocked.error().code, code);
        QVERIFY(unlocked.error().message.contains(m_referencePath));
    }
    QCOMPARE(readAll(m_referencePath), m_reference);
}

void tst_KeyFile::identityIsReadableWithoutPassword()
{
    const Result<KeyFileIdentity> who = KeyFile::identity(m_referencePath);
    QVERIFY(who.ok());
    QCOMPARE(who.value(), (KeyFileIdentity { kUser, kProfile }));
}

void tst_KeyFile::changePasswordKeepsTheDataKey()
{
    const QString file = path(u"change.key"_s);
    const Result<SecureBytes> created
        = KeyFile::create(file, kUser, kProfile, password("old one"), KdfCost::Interactive);
    QVERIFY(created.ok());
    const QByteArray before = readAll(file);

    const Status changed
        = KeyFile::changePassword(file, password("old one"), password("new one"), KdfCost::Interactive);
    QVERIFY2(changed.ok(), why(changed).constData());

    const Result<SecureBytes> withOld = KeyFile::unlock(file, password("old one"));
    QVERIFY(!withOld.ok());
    QCOMPARE(withOld.error().code, u"keyfile.wrong_password"_s);
    const Result<SecureBytes> withNew = KeyFile::unlock(file, password("new one"));
    QVERIFY(withNew.ok());
    QCOMPARE(withNew.value(), created.value());

    const QByteArray after = readAll(file);
    QCOMPARE(after.size(), before.size());
    QVERIFY(after.mid(kSaltAt, 16) != before.mid(kSaltAt, 16));
    QVERIFY(after.mid(kNonceAt, 24) != before.mid(kNonceAt, 24));
    QCOMPARE(KeyFile::identity(file).value(), (KeyFileIdentity { kUser, kProfile }));
}

void tst_KeyFile::changePasswordWithWrongOldPasswordChangesNothing()
{
    const QByteArray before = sha256(m_referencePath);
    const Status changed
        = KeyFile::changePassword(m_referencePath, password("not it"), password("whatever"), KdfCost::Interactive);
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, u"keyfile.wrong_password"_s);
    QCOMPARE(sha256(m_referencePath), before);
    QVERIFY(KeyFile::unlock(m_referencePath, password("hunter2")).ok());
}

void tst_KeyFile::changePasswordRefusesEmptyNewPasswordAndChangesNothing()
{
    const QByteArray before = sha256(m_referencePath);
    const Status changed
        = KeyFile::changePassword(m_referencePath, password("hunter2"), SecureBytes(), KdfCost::Interactive);
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, u"keyfile.empty_password"_s);
    QCOMPARE(sha256(m_referencePath), before);
}

void tst_KeyFile::missingFileIsReportedByName()
{
    const QString file = path(u"never-made.key"_s);
    const Result<SecureBytes> unlocked = KeyFile::unlock(file, password("pw"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, u"keyfile.missing"_s);
    QVERIFY(unlocked.error().message.contains(file));
    const Status changed = KeyFile::changePassword(file, password("pw"), password("pw2"), KdfCost::Interactive);
    QCOMPARE(changed.error().code, u"keyfile.missing"_s);
    QVERIFY(!QFile::exists(file));
}

void tst_KeyFile::otherFilesAreNotKeyFiles()
{
    const QString file = path(u"letter.txt"_s);
    const QByteArray content("Dear resident, your bin collection day is changing.");
    QVERIFY(writeAll(file, content));
    const Result<SecureBytes> unlocked = KeyFile::unlock(file, password("pw"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, u"keyfile.not_a_key_file"_s);
    QVERIFY(unlocked.error().message.contains(file));
    QCOMPARE(readAll(file), content);
}

void tst_KeyFile::everySingleByteFlipIsRefusedWithoutAKey()
{
    // The frame checksum catches every accidental change before the (slow) derivation, so this covers
    // every byte with three flip patterns and still runs in well under a second.
    const QString file = path(u"flipped.key"_s);
    for (qsizetype at = 0; at < m_reference.size(); ++at) {
        for (const char mask : { char(0x01), char(0x80), char(0xff) }) {
            QByteArray damaged = m_reference;
            damaged[at] = char(damaged.at(at) ^ mask);
            QVERIFY(writeAll(file, damaged));
            const Result<SecureBytes> unlocked = KeyFile::unlock(file, password("hunter2"));
            const QString where = u"byte %1 mask %2"_s.arg(at).arg(int(quint8(mask)));
            QVERIFY2(!unlocked.ok(), qPrintable(where));
            const QString expected = at < 5 ? u"keyfile.not_a_key_file"_s : u"keyfile.corrupt"_s;
            QVERIFY2(unlocked.error().code == expected, qPrintable(where + u": "_s + unlocked.error().code));
            QVERIFY2(unlocked.error().message.contains(file), qPrintable(where));
            QVERIFY2(readAll(file) == damaged, qPrintable(where + u": file changed"_s));
        }
    }
}

void tst_KeyFile::everyTruncationIsRefusedAsCorrupt()
{
    const QString file = path(u"truncated.key"_s);
    for (qsizetype length = 0; length < m_reference.size(); ++length) {
        const QByteArray cut = m_reference.first(length);
        QVERIFY(writeAll(file, cut));
        const Result<SecureBytes> unlocked = KeyFile::unlock(file, password("hunter2"));
        const QString where = u"length %1"_s.arg(length);
        QVERIFY2(!unlocked.ok(), qPrintable(where));
        QVERIFY2(unlocked.error().code == u"keyfile.corrupt"_s, qPrintable(where + u": "_s + unlocked.error().code));
        QVERIFY2(unlocked.error().message.contains(file), qPrintable(where));
        QVERIFY2(readAll(file) == cut, qPrintable(where + u": file changed"_s));
    }
}

void tst_KeyFile::extraBytesAreRefusedAsCorrupt()
{
    const QString file = path(u"grown.key"_s);
    QVERIFY(writeAll(file, m_reference + QByteArray(1, '\0')));
    QCOMPARE(KeyFile::unlock(file, password("hunter2")).error().code, u"keyfile.corrupt"_s);
    // Even with the checksum re-sealed, a v1 file's length must match its fields.
    QByteArray grown = m_reference;
    grown.insert(grown.size() - kChecksumBytes, 'x');
    QVERIFY(writeAll(file, withChecksum(grown)));
    QCOMPARE(KeyFile::unlock(file, password("hunter2")).error().code, u"keyfile.corrupt"_s);
    QVERIFY(writeAll(file, QByteArray(64 * 1024 + 1, 'F').replace(0, 5, "FCKEY")));
    QCOMPARE(KeyFile::unlock(file, password("hunter2")).error().code, u"keyfile.corrupt"_s);
}

void tst_KeyFile::sealedFieldEditsFailAsWrongPassword_data()
{
    // Deliberate edits that re-seal the checksum: only the AEAD (header as additional data) can catch
    // them, and it cannot tell them from a wrong password. Each row runs one derivation.
    QTest::addColumn<qsizetype>("at");
    QTest::addColumn<char>("value");
    const qsizetype sealedAt = m_reference.size() - kChecksumBytes - 48;
    QTest::newRow("opslimit 2 -> 3") << kOpsAt << char(3);
    QTest::newRow("memlimit 64 -> 65 MiB") << kMemAt + 2 << char(0x10);
    QTest::newRow("salt") << kSaltAt + 3 << char(0x5a);
    QTest::newRow("nonce") << kNonceAt + 23 << char(0x5a);
    QTest::newRow("user name (file swapped to another user)") << qsizetype(62) << 'S';
    QTest::newRow("profile id") << 62 + kUser.toUtf8().size() + 2 + 6 << '8';
    QTest::newRow("ciphertext") << sealedAt << char(0x5a);
    QTest::newRow("tag") << m_reference.size() - kChecksumBytes - 1 << char(0x5a);
}

void tst_KeyFile::sealedFieldEditsFailAsWrongPassword()
{
    QFETCH(qsizetype, at);
    QFETCH(char, value);
    QByteArray edited = m_reference;
    if (edited.at(at) == value)
        value = char(value ^ 0x01);
    edited[at] = value;
    const QString file = path(u"edited.key"_s);
    QVERIFY(writeAll(file, withChecksum(edited)));
    const Result<SecureBytes> unlocked = KeyFile::unlock(file, password("hunter2"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, u"keyfile.wrong_password"_s);
}

void tst_KeyFile::malformedFieldsAreCorruptBeforeAnyDerivation_data()
{
    // Re-sealed checksums, so these reach the field checks. An absurd cost reaching Argon2id would
    // either hang (ops) or fail as keyfile.kdf_failed (memory), never as keyfile.corrupt.
    QTest::addColumn<qsizetype>("at");
    QTest::addColumn<QByteArray>("bytes");
    const auto u32 = [](quint32 v) {
        QByteArray b(4, Qt::Uninitialized);
        qToLittleEndian(v, b.data());
        return b;
    };
    const auto u64 = [](quint64 v) {
        QByteArray b(8, Qt::Uninitialized);
        qToLittleEndian(v, b.data());
        return b;
    };
    const auto u16 = [](quint16 v) {
        QByteArray b(2, Qt::Uninitialized);
        qToLittleEndian(v, b.data());
        return b;
    };
    QTest::newRow("unknown KDF") << kKdfIdAt << QByteArray(1, '\x02');
    QTest::newRow("unknown AEAD") << kAeadIdAt << QByteArray(1, '\x00');
    QTest::newRow("opslimit 0") << kOpsAt << u32(0);
    QTest::newRow("opslimit 17") << kOpsAt << u32(17);
    QTest::newRow("opslimit 2^32-1") << kOpsAt << u32(0xffffffffU);
    QTest::newRow("memlimit 0") << kMemAt << u64(0);
    QTest::newRow("memlimit 8 KiB - 1") << kMemAt << u64(8191);
    QTest::newRow("memlimit 1 GiB + 1") << kMemAt << u64((quint64(1) << 30) + 1);
    QTest::newRow("memlimit 100 GB") << kMemAt << u64(quint64(100) * 1000 * 1000 * 1000);
    QTest::newRow("memlimit 2^64-1") << kMemAt << u64(~quint64(0));
    QTest::newRow("user length 0") << kUserLengthAt << u16(0);
    QTest::newRow("user length past the end") << kUserLengthAt << u16(200);
    QTest::newRow("user length 257") << kUserLengthAt << u16(257);
    QTest::newRow("user name not UTF-8") << qsizetype(62) << QByteArray(1, '\xff');
    QTest::newRow("version 0") << kVersionAt << QByteArray(1, '\x00');
}

void tst_KeyFile::malformedFieldsAreCorruptBeforeAnyDerivation()
{
    QFETCH(qsizetype, at);
    QFETCH(QByteArray, bytes);
    QByteArray edited = m_reference;
    edited.replace(at, bytes.size(), bytes);
    const QString file = path(u"malformed.key"_s);
    QVERIFY(writeAll(file, withChecksum(edited)));
    const Result<SecureBytes> unlocked = KeyFile::unlock(file, password("hunter2"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, u"keyfile.corrupt"_s);
    QVERIFY(unlocked.error().message.contains(file));
}

void tst_KeyFile::newerVersionIsRefused_data()
{
    QTest::addColumn<char>("version");
    QTest::addColumn<bool>("sameLayout");
    QTest::newRow("2, v1 layout") << char(2) << true;
    QTest::newRow("255, v1 layout") << char(0xff) << true;
    QTest::newRow("2, different layout") << char(2) << false;
}

void tst_KeyFile::newerVersionIsRefused()
{
    QFETCH(char, version);
    QFETCH(bool, sameLayout);
    QByteArray newer = m_reference;
    newer[kVersionAt] = version;
    if (!sameLayout)
        newer.insert(6, QByteArray(40, '\x07')); // a future header we cannot parse
    const QString file = path(u"newer.key"_s);
    newer = withChecksum(newer);
    QVERIFY(writeAll(file, newer));
    const Result<SecureBytes> unlocked = KeyFile::unlock(file, password("hunter2"));
    QVERIFY(!unlocked.ok());
    QCOMPARE(unlocked.error().code, u"keyfile.unsupported_version"_s);
    QVERIFY(unlocked.error().message.contains(file));
    const Status changed = KeyFile::changePassword(file, password("hunter2"), password("x"), KdfCost::Interactive);
    QCOMPARE(changed.error().code, u"keyfile.unsupported_version"_s);
    QCOMPARE(readAll(file), newer);
}

QTEST_GUILESS_MAIN(tst_KeyFile)
#include "tst_KeyFile.moc"
