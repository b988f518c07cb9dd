#pragma once

// Delivers a cache job's answer to a GUI object without ever blocking the GUI thread.

#include "core/Result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace fc {

/// Calls `onDone(result)` on `context`'s thread once `future` has finished. The watcher is a child of
/// `context`, so if the context is destroyed first nothing is called. A future that ends without a
/// result (its job was dropped) is answered with a "ui.cancelled" error. Never waits.
template<typename R, typename F> void whenFinished(QObject *context, const QFuture<R> &future, F onDone)
{
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, onDone = std::move(onDone)]() mutable {
        watcher->deleteLater();
        if (watcher->future().resultCount() == 0) {
            onDone(
                R(makeError(QStringLiteral("ui.cancelled"),
                            QCoreApplication::translate("fc::WhenFinished", "The cache stopped before answering."))));
            return;
        }
        onDone(watcher->result());
    });
    watcher->setFuture(future);
}

} // namespace fc
