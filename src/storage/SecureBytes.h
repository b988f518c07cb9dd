#pragma once

// A move-only byte buffer in libsodium's guarded, locked memory, wiped on release: for keys and passwords.

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace fc {

/// Holds secret bytes (data keys, wrapping keys, passwords, the hex key handed to SQLCipher) outside
/// the ordinary heap: sodium_malloc places them between guard pages and mlock()s them so they are not
/// swapped out or written to core dumps, and they are zeroed before the memory is given back.
///
/// There are no implicit copies; clone() is the one explicit way to get a second buffer. A
/// default-constructed or moved-from SecureBytes is empty: size() 0, data() null, safe to destroy,
/// assign to, compare or move again.
class SecureBytes {
public:
    SecureBytes() noexcept = default;
    ~SecureBytes();

    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    /// `size` zero bytes. Errors: sodium.init_failed, securebytes.out_of_memory, securebytes.bad_size.
    static Result<SecureBytes> allocate(qsizetype size);
    /// `size` bytes from libsodium's CSPRNG. Same errors as allocate().
    static Result<SecureBytes> random(qsizetype size);
    /// Copies a password (UTF-8 bytes) into secure memory and overwrites the caller's buffer with zero
    /// bytes, leaving `source` at its length. If `source` shared its buffer with another QByteArray,
    /// only `source`'s own (detached) copy can be wiped: the other owner still holds the password.
    static Result<SecureBytes> fromPassword(QByteArray &&source);

    /// A second, independent buffer with the same bytes.
    Result<SecureBytes> clone() const;
    /// Lower-case hexadecimal, two characters per byte, in secure memory; encoded without
    /// data-dependent branches or table look-ups. Used for SQLCipher's raw key literal x'...'.
    Result<SecureBytes> toHex() const;

    unsigned char *data() noexcept { return m_data; }
    const unsigned char *data() const noexcept { return m_data; }
    qsizetype size() const noexcept { return m_size; }
    bool isEmpty() const noexcept { return m_size == 0; }
    /// A view for handing the bytes to an API; it must not outlive this buffer, and copying from it
    /// into a QByteArray puts the secret on the ordinary heap.
    QByteArrayView view() const noexcept;

    /// Constant-time comparison of the contents (sodium_memcmp); only the lengths may leak.
    bool equals(const SecureBytes &other) const noexcept;
    friend bool operator==(const SecureBytes &a, const SecureBytes &b) noexcept { return a.equals(b); }

private:
    SecureBytes(unsigned char *data, qsizetype size) noexcept : m_data(data), m_size(size) { }
    void release() noexcept;

    unsigned char *m_data = nullptr;
    qsizetype m_size = 0;
};

} // namespace fc
