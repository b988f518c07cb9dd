#include "server/SessionToken.h"

#include "server/ServerSodium.h"

#include <QByteArray>

#include <sodium.h>

namespace fc::server {

Result<QString> SessionToken::generate()
{
    if (Status started = ensureServerSodium(); !started)
        return started.error();
    QByteArray bytes(kRandomBytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), std::size_t(bytes.size()));
    const QString token = QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    return token;
}

QString SessionToken::hash(const QString &token)
{
    const QByteArray text = token.toLatin1();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(text.constData()),
                       static_cast<unsigned long long>(text.size()));
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), crypto_hash_sha256_BYTES).toHex());
}

bool SessionToken::looksValid(const QString &token)
{
    if (token.size() != kTextLength)
        return false;
    for (QChar c : token) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
            || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace fc::server
