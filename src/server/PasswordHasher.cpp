#include "server/PasswordHasher.h"

#include "server/ServerSodium.h"

#include <QByteArray>
#include <QCoreApplication>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

constexpr qsizetype kMinimumLength = 8;
constexpr qsizetype kMaximumLength = 1024;

// Wipes the UTF-8 copy of a password when it goes out of scope, whatever path leaves the function.
class WipedUtf8 {
public:
    explicit WipedUtf8(const QString &text) : m_bytes(text.toUtf8()) { }
    ~WipedUtf8() { sodium_memzero(m_bytes.data(), std::size_t(m_bytes.size())); }
    WipedUtf8(const WipedUtf8 &) = delete;
    WipedUtf8 &operator=(const WipedUtf8 &) = delete;
    const char *data() const { return m_bytes.constData(); }
    unsigned long long size() const { return static_cast<unsigned long long>(m_bytes.size()); }

private:
    QByteArray m_bytes;
};

} // namespace

PasswordCost PasswordCost::interactive()
{
    return { crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE };
}

PasswordCost PasswordCost::moderate()
{
    return { crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE };
}

PasswordCost PasswordCost::minimum()
{
    return { crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN };
}

PasswordHasher::PasswordHasher(PasswordCost cost) : m_cost(cost) { }

Result<QString> PasswordHasher::hash(const QString &password) const
{
    if (Status started = ensureServerSodium(); !started)
        return started.error();
    const WipedUtf8 secret(password);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, secret.data(), secret.size(), m_cost.opsLimit, m_cost.memLimit) != 0)
        return makeError(u"auth.hash_failed"_s,
                         QCoreApplication::translate("fc::server::PasswordHasher",
                                                     "The password could not be hashed: the server is short of "
                                                     "memory."));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password) const
{
    if (!ensureServerSodium())
        return false;
    const QByteArray stored = hash.toLatin1();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    const WipedUtf8 secret(password);
    return crypto_pwhash_str_verify(stored.constData(), secret.data(), secret.size()) == 0;
}

bool PasswordHasher::needsRehash(const QString &hash) const
{
    const QByteArray stored = hash.toLatin1();
    // 1 means other parameters, -1 not an Argon2id string at all: replace either on the next login.
    return crypto_pwhash_str_needs_rehash(stored.constData(), m_cost.opsLimit, m_cost.memLimit) != 0;
}

Status PasswordHasher::checkAcceptable(const QString &password)
{
    if (password.size() < kMinimumLength)
        return makeError(u"auth.password_too_short"_s,
                         QCoreApplication::translate("fc::server::PasswordHasher",
                                                     "A password needs at least %1 characters.")
                             .arg(kMinimumLength));
    if (password.size() > kMaximumLength)
        return makeError(u"auth.password_too_long"_s,
                         QCoreApplication::translate("fc::server::PasswordHasher",
                                                     "A password may have at most %1 characters.")
                             .arg(kMaximumLength));
    return {};
}

} // namespace fc::server
