#include "storage/KeyFile.h"

#include "storage/Sodium.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtEndian>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// Byte layout: docs/storage/KEYS.md. Every format version starts with the magic and the version byte
// and ends with an unkeyed BLAKE2b-256 of everything before it, so accidental damage is reported as
// damage (not as a wrong password) and a newer file is recognised before its layout is parsed.
constexpr char kMagic[] = "FCKEY";
constexpr qsizetype kMagicBytes = 5;
constexpr qsizetype kVersionOffset = 5;
constexpr qsizetype kChecksumBytes = crypto_generichash_BYTES; // 32
constexpr qsizetype kFrameMinBytes = kMagicBytes + 1 + kChecksumBytes;
// Future versions may grow; nothing legitimate comes close to this, and we never read a whole disk.
constexpr qsizetype kMaxFileBytes = 64 * 1024;

constexpr quint8 kKdfArgon2id13 = 1;
constexpr quint8 kAeadXChaCha20Poly1305Ietf = 1;
constexpr qsizetype kSaltBytes = crypto_pwhash_argon2id_SALTBYTES; // 16
constexpr qsizetype kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES; // 24
constexpr qsizetype kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES; // 32
constexpr qsizetype kSealedBytes = KeyFile::kDataKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr qsizetype kKdfIdOffset = 6;
constexpr qsizetype kAeadIdOffset = 7;
constexpr qsizetype kOpsOffset = 8;
constexpr qsizetype kMemOffset = 12;
constexpr qsizetype kSaltOffset = 20;
constexpr qsizetype kNonceOffset = kSaltOffset + kSaltBytes;
constexpr qsizetype kIdentityOffset = kNonceOffset + kNonceBytes; // 60
// Fixed part + two length fields + sealed key + checksum; the identity strings come on top.
constexpr qsizetype kV1FixedBytes = kIdentityOffset + 2 + 2 + kSealedBytes + kChecksumBytes; // 144

static_assert(kKeyBytes == KeyFile::kDataKeyBytes);
static_assert(crypto_pwhash_argon2id_OPSLIMIT_MIN <= KeyFile::kMinOpsLimit);
static_assert(crypto_pwhash_argon2id_MEMLIMIT_MIN <= KeyFile::kMinMemLimitBytes);

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Error corrupt(const QString &path, const QString &reason)
{
    return makeError(
        u"keyfile.corrupt"_s,
        QCoreApplication::translate("fc::KeyFile",
                                    "The key file %1 is damaged or incomplete: %2. It has been left exactly as it "
                                    "was; ask IT support before removing or replacing it.")
            .arg(shown(path), reason));
}

Error wrongPassword()
{
    return makeError(
        u"keyfile.wrong_password"_s,
        QCoreApplication::translate("fc::KeyFile", "The password is not right. Nothing has been changed."));
}

Error emptyPassword()
{
    return makeError(u"keyfile.empty_password"_s,
                     QCoreApplication::translate("fc::KeyFile", "The password must not be empty."));
}

Error writeFailed(const QString &path, const QString &why)
{
    return makeError(
        u"keyfile.write_failed"_s,
        QCoreApplication::translate(
            "fc::KeyFile", "The key file %1 could not be written (%2). Any previous key file there is unchanged.")
            .arg(shown(path), why));
}

QByteArray checksum(QByteArrayView bytes)
{
    QByteArray out(kChecksumBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                       reinterpret_cast<const unsigned char *>(bytes.data()), quint64(bytes.size()), nullptr, 0);
    return out;
}

void appendU16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void appendU32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

void appendU64(QByteArray &out, quint64 v)
{
    char b[8];
    qToLittleEndian(v, b);
    out.append(b, 8);
}

struct ParsedKeyFile {
    KdfParams kdf;
    QByteArray salt;
    QByteArray nonce;
    KeyFileIdentity identity;
    QByteArray additionalData; // every byte before the sealed key
    QByteArray sealed;
};

bool validParams(const KdfParams &p)
{
    return p.opsLimit >= KeyFile::kMinOpsLimit && p.opsLimit <= KeyFile::kMaxOpsLimit
        && p.memLimitBytes >= KeyFile::kMinMemLimitBytes && p.memLimitBytes <= KeyFile::kMaxMemLimitBytes;
}

// Accepts a name only if it survives a UTF-8 round trip unchanged, so what is shown is what is sealed.
bool decodeIdentityField(QByteArrayView raw, QString *out)
{
    *out = QString::fromUtf8(raw);
    return !out->isEmpty() && out->toUtf8() == raw;
}

Result<ParsedKeyFile> parse(const QString &path, const QByteArray &bytes)
{
    const QByteArrayView magic(kMagic, kMagicBytes);
    if (!magic.startsWith(QByteArrayView(bytes).first(qMin(bytes.size(), kMagicBytes)))) {
        return makeError(
            u"keyfile.not_a_key_file"_s,
            QCoreApplication::translate("fc::KeyFile", "%1 is not a FirstContact key file.").arg(shown(path)));
    }
    if (bytes.size() > kMaxFileBytes)
        return corrupt(path, QCoreApplication::translate("fc::KeyFile", "it is far too large to be a key file"));
    if (bytes.size() < kFrameMinBytes)
        return corrupt(path, QCoreApplication::translate("fc::KeyFile", "it is cut short"));

    const QByteArrayView body = QByteArrayView(bytes).first(bytes.size() - kChecksumBytes);
    const QByteArrayView stored = QByteArrayView(bytes).last(kChecksumBytes);
    if (sodium_memcmp(checksum(body).constData(), stored.data(), size_t(kChecksumBytes)) != 0) {
        return corrupt(path,
                       QCoreApplication::translate("fc::KeyFile",
                                                   "its checksum does not match, so some of its bytes have changed"));
    }

    const auto version = quint8(bytes.at(kVersionOffset));
    if (version == 0) {
        return corrupt(path,
                       QCoreApplication::translate("fc::KeyFile", "its format version is 0, which was never used"));
    }
    if (version > KeyFile::kFormatVersion) {
        return makeError(u"keyfile.unsupported_version"_s,
                         QCoreApplication::translate(
                             "fc::KeyFile",
                             "The key file %1 was made by a newer version of FirstContact (key file format %2; "
                             "this version reads format %3). Update FirstContact to open it; the file has "
                             "not been changed.")
                             .arg(shown(path))
                             .arg(int(version))
                             .arg(KeyFile::kFormatVersion));
    }

    if (bytes.size() < kV1FixedBytes + 2)
        return corrupt(path, QCoreApplication::translate("fc::KeyFile", "it is cut short"));
    if (quint8(bytes.at(kKdfIdOffset)) != kKdfArgon2id13)
        return corrupt(path, QCoreApplication::translate("fc::KeyFile", "it names an unknown key-derivation method"));
    if (quint8(bytes.at(kAeadIdOffset)) != kAeadXChaCha20Poly1305Ietf)
        return corrupt(path, QCoreApplication::translate("fc::KeyFile", "it names an unknown encryption method"));

    ParsedKeyFile parsed;
    const char *raw = bytes.constData();
    parsed.kdf.opsLimit = qFromLittleEndian<quint32>(raw + kOpsOffset);
    parsed.kdf.memLimitBytes = qFromLittleEndian<quint64>(raw + kMemOffset);
    if (!validParams(parsed.kdf)) {
        return corrupt(
            path,
            QCoreApplication::translate("fc::KeyFile", "its key-derivation settings are outside the accepted range"));
    }
    parsed.salt = bytes.mid(kSaltOffset, kSaltBytes);
    parsed.nonce = bytes.mid(kNonceOffset, kNonceBytes);

    qsizetype at = kIdentityOffset;
    const auto readField = [&](QString *out) -> bool {
        if (at + 2 > body.size())
            return false;
        const qsizetype length = qFromLittleEndian<quint16>(raw + at);
        at += 2;
        if (length < 1 || length > KeyFile::kMaxIdentityBytes || at + length > body.size())
            return false;
        const bool ok = decodeIdentityField(body.sliced(at, length), out);
        at += length;
        return ok;
    };
    if (!readField(&parsed.identity.userName) || !readField(&parsed.identity.profileId))
        return corrupt(path, QCoreApplication::translate("fc::KeyFile", "its user name or profile id is malformed"));
    if (body.size() - at != kSealedBytes)
        return corrupt(path, QCoreApplication::translate("fc::KeyFile", "its length does not match its contents"));

    parsed.additionalData = bytes.first(at);
    parsed.sealed = bytes.sliced(at, kSealedBytes);
    return parsed;
}

Result<ParsedKeyFile> readKeyFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return makeError(u"keyfile.missing"_s,
                         QCoreApplication::translate(
                             "fc::KeyFile", "The key file %1 was not found, so the local cache cannot be unlocked.")
                             .arg(shown(path)));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(u"keyfile.unreadable"_s,
                         QCoreApplication::translate("fc::KeyFile", "The key file %1 could not be read (%2).")
                             .arg(shown(path), file.errorString()));
    }
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        return makeError(u"keyfile.unreadable"_s,
                         QCoreApplication::translate("fc::KeyFile", "The key file %1 could not be read (%2).")
                             .arg(shown(path), file.errorString()));
    }
    return parse(path, bytes);
}

Result<SecureBytes> deriveWrappingKey(const QString &path, const SecureBytes &password, const QByteArray &salt,
                                      const KdfParams &kdf)
{
    Result<SecureBytes> key = SecureBytes::allocate(kKeyBytes);
    if (!key)
        return key;
    if (crypto_pwhash(key.value().data(), quint64(kKeyBytes), reinterpret_cast<const char *>(password.data()),
                      quint64(password.size()), reinterpret_cast<const unsigned char *>(salt.constData()), kdf.opsLimit,
                      size_t(kdf.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return makeError(
            u"keyfile.kdf_failed"_s,
            QCoreApplication::translate("fc::KeyFile",
                                        "The key for %1 could not be derived: the computer could not spare the %2 MiB "
                                        "of memory it needs. Close other programs and try again.")
                .arg(shown(path))
                .arg(kdf.memLimitBytes / (1024 * 1024)));
    }
    return key;
}

Result<SecureBytes> unwrap(const QString &path, const ParsedKeyFile &parsed, const SecureBytes &password)
{
    // create() and changePassword() refuse empty passwords, so no file can be opened by one.
    if (password.isEmpty())
        return wrongPassword();
    Result<SecureBytes> wrappingKey = deriveWrappingKey(path, password, parsed.salt, parsed.kdf);
    if (!wrappingKey)
        return wrappingKey.error();
    Result<SecureBytes> dataKey = SecureBytes::allocate(KeyFile::kDataKeyBytes);
    if (!dataKey)
        return dataKey;
    unsigned long long length = 0;
    // The header is the additional data: a changed parameter, salt or identity fails here just like
    // a wrong password, since the two cannot be told apart without the key.
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            dataKey.value().data(), &length, nullptr,
            reinterpret_cast<const unsigned char *>(parsed.sealed.constData()), quint64(parsed.sealed.size()),
            reinterpret_cast<const unsigned char *>(parsed.additionalData.constData()),
            quint64(parsed.additionalData.size()), reinterpret_cast<const unsigned char *>(parsed.nonce.constData()),
            wrappingKey.value().data())
            != 0
        || length != quint64(KeyFile::kDataKeyBytes)) {
        return wrongPassword();
    }
    return dataKey;
}

Result<QByteArray> wrap(const QString &path, const KeyFileIdentity &identity, const SecureBytes &dataKey,
                        const SecureBytes &password, const KdfParams &kdf)
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    randombytes_buf(salt.data(), size_t(salt.size()));
    QByteArray nonce(kNonceBytes, Qt::Uninitialized);
    randombytes_buf(nonce.data(), size_t(nonce.size()));

    const QByteArray user = identity.userName.toUtf8();
    const QByteArray profile = identity.profileId.toUtf8();

    QByteArray out;
    out.reserve(kV1FixedBytes + user.size() + profile.size());
    out.append(kMagic, kMagicBytes);
    out.append(char(KeyFile::kFormatVersion));
    out.append(char(kKdfArgon2id13));
    out.append(char(kAeadXChaCha20Poly1305Ietf));
    appendU32(out, kdf.opsLimit);
    appendU64(out, kdf.memLimitBytes);
    out.append(salt);
    out.append(nonce);
    appendU16(out, quint16(user.size()));
    out.append(user);
    appendU16(out, quint16(profile.size()));
    out.append(profile);
    const qsizetype headerBytes = out.size();

    Result<SecureBytes> wrappingKey = deriveWrappingKey(path, password, salt, kdf);
    if (!wrappingKey)
        return wrappingKey.error();

    QByteArray sealed(kSealedBytes, Qt::Uninitialized);
    unsigned long long sealedLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(sealed.data()), &sealedLength, dataKey.data(), quint64(dataKey.size()),
        reinterpret_cast<const unsigned char *>(out.constData()), quint64(headerBytes), nullptr,
        reinterpret_cast<const unsigned char *>(nonce.constData()), wrappingKey.value().data());
    Q_ASSERT(sealedLength == quint64(kSealedBytes));
    out.append(sealed);
    out.append(checksum(out));
    return out;
}

Status writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeFailed(path, file.errorString());
    // Narrow the temporary file before any byte of the key lands in it; rename keeps the mode.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return writeFailed(path, file.errorString());
    }
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return writeFailed(path, file.errorString());
    }
    if (!file.commit())
        return writeFailed(path, file.errorString());
    return {};
}

bool validIdentityField(const QString &value)
{
    const qsizetype bytes = value.toUtf8().size();
    return bytes >= 1 && bytes <= KeyFile::kMaxIdentityBytes;
}

} // namespace

KdfParams KeyFile::params(KdfCost cost)
{
    switch (cost) {
    case KdfCost::Interactive:
        return { crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE };
    case KdfCost::Moderate:
        return { crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE };
    case KdfCost::Sensitive:
        return { crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE, crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE };
    }
    return { crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE };
}

Result<SecureBytes> KeyFile::create(const QString &path, const QString &userName, const QString &profileId,
                                    const SecureBytes &password, KdfCost cost)
{
    if (const Status started = ensureSodium(); !started)
        return started.error();
    if (password.isEmpty())
        return emptyPassword();
    if (!validIdentityField(userName) || !validIdentityField(profileId)) {
        return makeError(
            u"keyfile.invalid_identity"_s,
            QCoreApplication::translate("fc::KeyFile", "The user name and profile id must each be 1 to %1 bytes long.")
                .arg(kMaxIdentityBytes));
    }
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink()) {
        return makeError(
            u"keyfile.exists"_s,
            QCoreApplication::translate("fc::KeyFile",
                                        "A key file already exists at %1; it has not been replaced, because the cache "
                                        "it opens would be lost.")
                .arg(shown(path)));
    }

    Result<SecureBytes> dataKey = SecureBytes::random(kDataKeyBytes);
    if (!dataKey)
        return dataKey;
    const Result<QByteArray> bytes = wrap(path, { userName, profileId }, dataKey.value(), password, params(cost));
    if (!bytes)
        return bytes.error();
    if (const Status written = writeAtomically(path, bytes.value()); !written)
        return written.error();
    return dataKey;
}

Result<SecureBytes> KeyFile::unlock(const QString &path, const SecureBytes &password)
{
    if (const Status started = ensureSodium(); !started)
        return started.error();
    const Result<ParsedKeyFile> parsed = readKeyFile(path);
    if (!parsed)
        return parsed.error();
    return unwrap(path, parsed.value(), password);
}

Result<SecureBytes> KeyFile::unlock(const QString &path, const KeyFileIdentity &expected, const SecureBytes &password)
{
    if (const Status started = ensureSodium(); !started)
        return started.error();
    const Result<ParsedKeyFile> parsed = readKeyFile(path);
    if (!parsed)
        return parsed.error();
    const KeyFileIdentity &found = parsed.value().identity;
    if (found != expected) {
        return makeError(
            u"keyfile.wrong_identity"_s,
            QCoreApplication::translate("fc::KeyFile",
                                        "The key file %1 belongs to user %2, profile %3, not to user %4, profile %5. "
                                        "Nothing has been changed.")
                .arg(shown(path), found.userName, found.profileId, expected.userName, expected.profileId));
    }
    return unwrap(path, parsed.value(), password);
}

Status KeyFile::changePassword(const QString &path, const SecureBytes &oldPassword, const SecureBytes &newPassword,
                               KdfCost cost)
{
    if (const Status started = ensureSodium(); !started)
        return started.error();
    if (newPassword.isEmpty())
        return emptyPassword();
    const Result<ParsedKeyFile> parsed = readKeyFile(path);
    if (!parsed)
        return parsed.error();
    const Result<SecureBytes> dataKey = unwrap(path, parsed.value(), oldPassword);
    if (!dataKey)
        return dataKey.error();
    const Result<QByteArray> bytes = wrap(path, parsed.value().identity, dataKey.value(), newPassword, params(cost));
    if (!bytes)
        return bytes.error();
    return writeAtomically(path, bytes.value());
}

Result<KeyFileIdentity> KeyFile::identity(const QString &path)
{
    if (const Status started = ensureSodium(); !started)
        return started.error();
    const Result<ParsedKeyFile> parsed = readKeyFile(path);
    if (!parsed)
        return parsed.error();
    return parsed.value().identity;
}

} // namespace fc
