#pragma once

// The time a view model judges dates against, injectable so tests can fix "now".

#include <QDateTime>

#include <functional>

namespace fc {

/// Returns the current instant (UTC). Models take one so a test can say what "now" and "today" are.
using NowFunction = std::function<QDateTime()>;

/// The real clock.
inline QDateTime systemNowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace fc
