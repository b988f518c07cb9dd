#pragma once

#include <QUuid>
#include <QtGlobal>

#include <array>

namespace fc {

/// A small, fully specified random stream (xoshiro256**, seeded through SplitMix64) whose output is
/// the same on every compiler and standard library, so a seed always gives the same demo council.
///
/// Only integer arithmetic is used, on purpose: std:: distributions differ between standard libraries
/// and libm's exp/log may differ in the last bit between platforms, either of which would change the
/// generated files.
class DemoRandom {
public:
    /// The state after seeding with SplitMix64 from `seed`, as the xoshiro authors recommend.
    explicit DemoRandom(quint64 seed)
    {
        quint64 state = seed;
        for (quint64 &word : m_state)
            word = splitMix64(state);
    }

    /// An independent stream for one record (household, customer, street, ...): the same
    /// (seed, domain, index) always gives the same stream, whatever was generated before it.
    static DemoRandom forStream(quint64 seed, quint64 domain, quint64 index)
    {
        quint64 key = seed;
        key = splitMix64(key) ^ domain;
        key = splitMix64(key) ^ index;
        return DemoRandom(splitMix64(key));
    }

    /// One SplitMix64 step: advances `state` and returns the next output.
    static quint64 splitMix64(quint64 &state)
    {
        state += 0x9E3779B97F4A7C15ULL;
        quint64 z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Uniform in [0, bound); 0 when bound is 0. Rejection keeps it exactly uniform.
    quint64 below(quint64 bound)
    {
        if (bound == 0)
            return 0;
        const quint64 threshold = (0 - bound) % bound;
        for (;;) {
            const quint64 value = next();
            if (value >= threshold)
                return value % bound;
        }
    }

    /// Uniform in [low, high], both included.
    qint64 between(qint64 low, qint64 high)
    {
        if (high <= low)
            return low;
        return low + qint64(below(quint64(high - low) + 1));
    }

    /// True with probability perMillion / 1,000,000.
    bool chance(quint32 perMillion) { return below(1'000'000) < perMillion; }

    /// 122 random bits as an RFC 4122 version 4 UUID, so ids look like any other v4 id.
    QUuid uuid()
    {
        const quint64 high = (next() & ~0xF000ULL) | 0x4000ULL;
        const quint64 low = (next() & ~(0xC0ULL << 56)) | (0x80ULL << 56);
        return QUuid(uint(high >> 32), ushort(high >> 16), ushort(high), uchar(low >> 56), uchar(low >> 48),
                     uchar(low >> 40), uchar(low >> 32), uchar(low >> 24), uchar(low >> 16), uchar(low >> 8),
                     uchar(low));
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }

    std::array<quint64, 4> m_state {};
};

} // namespace fc
