#include "storage/SecureBytes.h"

#include "storage/Sodium.h"

#include <QCoreApplication>

#include <cstring>
#include <sodium.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// Keys and passwords are tiny; anything near this is a bug or an attack, not a secret.
constexpr qsizetype kMaxSize = qsizetype(1) << 20;

Error outOfMemory(qsizetype size)
{
    return makeError(u"securebytes.out_of_memory"_s,
                     QCoreApplication::translate("fc::SecureBytes",
                                                 "Could not reserve %n bytes of protected memory for a key.", nullptr,
                                                 int(size)));
}

// One nibble (0..15) to '0'..'9' / 'a'..'f' with arithmetic only, so the timing does not depend on the
// secret: (9 - n) >> 8 is all ones exactly when n > 9 (C++20 defines >> of a negative int as arithmetic).
char hexDigit(unsigned int nibble)
{
    const int n = int(nibble);
    return char('0' + n + (((9 - n) >> 8) & ('a' - '0' - 10)));
}

} // namespace

SecureBytes::~SecureBytes()
{
    release();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void SecureBytes::release() noexcept
{
    if (m_data) {
        // sodium_free zeroes too (via munlock); wiping here keeps the promise independent of that detail.
        sodium_memzero(m_data, size_t(m_size));
        sodium_free(m_data);
    }
    m_data = nullptr;
    m_size = 0;
}

Result<SecureBytes> SecureBytes::allocate(qsizetype size)
{
    if (size < 0 || size > kMaxSize) {
        return makeError(u"securebytes.bad_size"_s,
                         QCoreApplication::translate("fc::SecureBytes",
                                                     "A key buffer of %1 bytes was requested; that is not a "
                                                     "sensible size for a key or password.")
                             .arg(size));
    }
    if (const Status started = ensureSodium(); !started)
        return started.error();
    if (size == 0)
        return SecureBytes();
    // sodium_malloc locks the pages itself (best effort: a full RLIMIT_MEMLOCK still allocates).
    auto *data = static_cast<unsigned char *>(sodium_malloc(size_t(size)));
    if (!data)
        return outOfMemory(size);
    // sodium_malloc fills with 0xd0 to expose uninitialised use; callers are promised zeros.
    sodium_memzero(data, size_t(size));
    return SecureBytes(data, size);
}

Result<SecureBytes> SecureBytes::random(qsizetype size)
{
    Result<SecureBytes> bytes = allocate(size);
    if (bytes && size > 0)
        randombytes_buf(bytes.value().data(), size_t(size));
    return bytes;
}

Result<SecureBytes> SecureBytes::fromPassword(QByteArray &&source)
{
    Result<SecureBytes> bytes = allocate(source.size());
    if (bytes && !source.isEmpty())
        std::memcpy(bytes.value().data(), source.constData(), size_t(source.size()));
    // Wipe even when allocation failed: the caller gave the password up either way.
    if (!source.isEmpty())
        sodium_memzero(source.data(), size_t(source.size()));
    return bytes;
}

Result<SecureBytes> SecureBytes::clone() const
{
    Result<SecureBytes> copy = allocate(m_size);
    if (copy && m_size > 0)
        std::memcpy(copy.value().data(), m_data, size_t(m_size));
    return copy;
}

Result<SecureBytes> SecureBytes::toHex() const
{
    Result<SecureBytes> hex = allocate(m_size * 2);
    if (!hex)
        return hex;
    unsigned char *out = hex.value().data();
    for (qsizetype i = 0; i < m_size; ++i) {
        out[2 * i] = static_cast<unsigned char>(hexDigit(m_data[i] >> 4U));
        out[2 * i + 1] = static_cast<unsigned char>(hexDigit(m_data[i] & 0x0fU));
    }
    return hex;
}

QByteArrayView SecureBytes::view() const noexcept
{
    return QByteArrayView(m_data, m_size);
}

bool SecureBytes::equals(const SecureBytes &other) const noexcept
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, size_t(m_size)) == 0;
}

} // namespace fc
