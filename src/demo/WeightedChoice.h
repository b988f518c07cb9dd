#pragma once

#include "demo/DemoRandom.h"

#include <QtGlobal>

#include <algorithm>
#include <initializer_list>
#include <utility>
#include <vector>

namespace fc {

/// Picks one of a fixed set of values with integer weights: how every "mix" in the demo council
/// (channels, outcomes, cultures, ages) is drawn, without floating point.
template<typename T> class WeightedChoice {
public:
    WeightedChoice() = default;
    WeightedChoice(std::initializer_list<std::pair<T, quint32>> entries)
    {
        for (const auto &[value, weight] : entries)
            add(value, weight);
    }

    /// Entries with weight 0 are kept out: they could never be picked.
    void add(T value, quint32 weight)
    {
        if (weight == 0)
            return;
        m_total += weight;
        m_values.push_back(std::move(value));
        m_cumulative.push_back(m_total);
    }

    bool isEmpty() const { return m_values.empty(); }
    qsizetype size() const { return qsizetype(m_values.size()); }
    quint64 totalWeight() const { return m_total; }
    const std::vector<T> &values() const { return m_values; }

    /// Must not be called on an empty choice.
    const T &pick(DemoRandom &random) const
    {
        const quint64 ticket = random.below(m_total);
        const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), ticket);
        return m_values[std::size_t(it - m_cumulative.begin())];
    }

private:
    std::vector<T> m_values;
    std::vector<quint64> m_cumulative;
    quint64 m_total = 0;
};

/// A whole number drawn from weighted ranges, uniform within each: skewed counts and durations
/// ("many have one or two contacts, a few have dozens") without a continuous distribution.
struct IntRange {
    qint64 low = 0;
    qint64 high = 0;
};

class RangeChoice {
public:
    RangeChoice() = default;
    RangeChoice(std::initializer_list<std::pair<IntRange, quint32>> entries) : m_ranges(entries) { }

    qint64 pick(DemoRandom &random) const
    {
        const IntRange &range = m_ranges.pick(random);
        return random.between(range.low, range.high);
    }

private:
    WeightedChoice<IntRange> m_ranges;
};

} // namespace fc
