#include "ui/SyncStatusModel.h"

#include "ui/DisplayText.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

const QString kSeparator = u" · "_s;

} // namespace

SyncStatusModel::SyncStatusModel(QObject *parent)
    : QObject(parent)
{
}

void SyncStatusModel::setEngine(SyncEngine *engine)
{
    if (m_engine == engine && m_hasEngine == (engine != nullptr))
        return;
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_hasEngine = engine != nullptr;
    if (engine) {
        connect(engine, &SyncEngine::statusChanged, this, &SyncStatusModel::setStatus);
        connect(engine, &QObject::destroyed, this, [this] {
            m_hasEngine = false;
            setStatus(SyncStatus {});
        });
        setStatus(engine->status());
    } else {
        setStatus(SyncStatus {});
    }
}

void SyncStatusModel::setStatus(const SyncStatus &status)
{
    const bool countsMoved = status.conflicts != m_status.conflicts || status.rejected != m_status.rejected;
    m_status = status;
    emit statusChanged();
    if (countsMoved)
        emit conflictCountChanged();
}

void SyncStatusModel::setClock(NowFunction now)
{
    m_now = now ? std::move(now) : NowFunction(systemNowUtc);
    emit statusChanged();
}

void SyncStatusModel::syncNow()
{
    if (m_engine)
        m_engine->syncNow();
}

QString SyncStatusModel::state() const
{
    return m_hasEngine ? syncStateKey(m_status.state) : u"none"_s;
}

bool SyncStatusModel::online() const
{
    if (!m_hasEngine)
        return false;
    switch (m_status.state) {
    case SyncStatus::State::Idle:
    case SyncStatus::State::Failed: // the server answered, with something else wrong
        return true;
    case SyncStatus::State::Syncing: // a retry after going offline is not back online until it ends well
        return !m_status.offlineSince.isValid();
    case SyncStatus::State::Offline:
    case SyncStatus::State::SignedOut:
    case SyncStatus::State::Wiped:
        return false;
    }
    return false;
}

bool SyncStatusModel::firstSync() const
{
    return syncing() && m_status.phase != u"log"_s;
}

double SyncStatusModel::progress() const
{
    if (!firstSync() || m_status.total <= 0)
        return -1.0;
    return std::clamp(double(m_status.done) / double(m_status.total), 0.0, 1.0);
}

QString SyncStatusModel::progressText() const
{
    const double part = progress();
    if (part < 0)
        return QString();
    const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    return tr("%1 of %2 records (%3 %)")
        .arg(uk.toString(m_status.done), uk.toString(m_status.total), QString::number(int(std::floor(part * 100))));
}

QString SyncStatusModel::timeText(const QDateTime &instant) const
{
    if (!instant.isValid())
        return QString();
    if (councilDate(instant) == councilDate(m_now()))
        return instant.toTimeZone(councilTimeZone()).toString(u"HH:mm"_s);
    return ukDateTimeText(instant);
}

QString SyncStatusModel::offlineSinceText() const
{
    if (!m_hasEngine || m_status.state != SyncStatus::State::Offline)
        return QString();
    return timeText(m_status.offlineSince);
}

QString SyncStatusModel::lastSyncText() const
{
    return m_hasEngine ? timeText(m_status.lastSyncAt) : QString();
}

QString SyncStatusModel::attentionSuffix() const
{
    QString suffix;
    const int conflicts = conflictCount();
    const int rejected = rejectedCount();
    if (conflicts > 0)
        suffix += kSeparator + tr("%n conflict(s) to settle", "", conflicts);
    if (rejected > 0)
        suffix += kSeparator + tr("%n change(s) refused", "", rejected);
    return suffix;
}

QString SyncStatusModel::summaryText() const
{
    if (!m_hasEngine)
        return tr("Not signed in");
    const int pending = pendingCount();
    const QString waiting = pending > 0 ? kSeparator + tr("%n change(s) waiting to send", "", pending) : QString();
    QString text;
    switch (m_status.state) {
    case SyncStatus::State::Wiped:
        return tr("This desk's copy of the records was removed");
    case SyncStatus::State::SignedOut:
        text = pending > 0 ? tr("Signed out of the server · sign in again to send %n change(s)", "", pending)
                           : tr("Signed out of the server · sign in again to send changes");
        break;
    case SyncStatus::State::Syncing: {
        const double part = progress();
        text = part >= 0 ? tr("Syncing… %1 %").arg(int(std::floor(part * 100))) : tr("Syncing…");
        break;
    }
    case SyncStatus::State::Offline: {
        const QString since = offlineSinceText();
        text = (since.isEmpty() ? tr("Offline") : tr("Offline since %1").arg(since)) + waiting;
        break;
    }
    case SyncStatus::State::Failed:
        text = tr("Sync problem · trying again soon") + waiting;
        break;
    case SyncStatus::State::Idle:
        if (!m_status.lastSyncAt.isValid() && m_status.phase.isEmpty())
            text = tr("Waiting for the first sync") + waiting;
        else
            text = pending > 0 ? tr("Online · %n change(s) waiting to send", "", pending) : tr("Online · up to date");
        break;
    }
    return text + attentionSuffix();
}

QString SyncStatusModel::detailText() const
{
    if (!m_hasEngine)
        return tr("Sign in to sync this desk with the council's records.");
    QStringList lines;
    if (m_status.lastSyncAt.isValid())
        lines << tr("Last synced at %1.").arg(ukDateTimeText(m_status.lastSyncAt));
    else
        lines << tr("Not synced yet.");
    if (m_status.state == SyncStatus::State::Offline && m_status.offlineSince.isValid())
        lines << tr("The server could not be reached since %1; trying again.").arg(ukDateTimeText(m_status.offlineSince));
    const QString progressLine = progressText();
    if (!progressLine.isEmpty())
        lines << tr("First sync: %1.").arg(progressLine);
    lines << tr("%n change(s) waiting to send.", "", pendingCount());
    if (conflictCount() > 0)
        lines << tr("%n conflict(s) to settle: two desks changed the same detail.", "", conflictCount());
    if (rejectedCount() > 0)
        lines << tr("%n change(s) refused by the server; see Conflicts.", "", rejectedCount());
    if (!m_status.message.isEmpty())
        lines << tr("Last problem: %1").arg(m_status.message);
    return lines.join(u'\n');
}

} // namespace fc
