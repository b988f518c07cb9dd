#pragma once

// The status bar's sync line: online or offline, progress of a first sync, changes waiting, conflicts.

#include "sync/SyncEngine.h"
#include "ui/Clock.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace fc {

/// Shows a SyncEngine's SyncStatus as numbers and translated sentences for QML. SessionModel owns one and
/// attaches its engine (setEngine); with no engine it reads "Not signed in". All properties change
/// together (statusChanged); conflictCountChanged is emitted as well when the conflict or refused-change
/// counts move, so a conflicts list can reload.
class SyncStatusModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString state READ state NOTIFY statusChanged)
    Q_PROPERTY(bool hasEngine READ hasEngine NOTIFY statusChanged)
    Q_PROPERTY(bool online READ online NOTIFY statusChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY statusChanged)
    Q_PROPERTY(bool firstSync READ firstSync NOTIFY statusChanged)
    Q_PROPERTY(double progress READ progress NOTIFY statusChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY statusChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY statusChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY statusChanged)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY statusChanged)
    Q_PROPERTY(QString offlineSinceText READ offlineSinceText NOTIFY statusChanged)
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY statusChanged)
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY statusChanged)
    Q_PROPERTY(QString detailText READ detailText NOTIFY statusChanged)
    Q_PROPERTY(QString message READ message NOTIFY statusChanged)
    Q_PROPERTY(bool needsAttention READ needsAttention NOTIFY statusChanged)

public:
    explicit SyncStatusModel(QObject *parent = nullptr);

    /// Follows this engine's status (null: none, "Not signed in"). The engine is not owned.
    void setEngine(SyncEngine *engine);
    SyncEngine *engine() const { return m_engine; }
    /// Shows `status` as if an engine had reported it (the engine's statusChanged lands here too).
    void setStatus(const SyncStatus &status);
    const SyncStatus &status() const { return m_status; }
    /// "Now", for telling today's times ("14:05") from older ones ("12/03/2026 14:05").
    void setClock(NowFunction now);

    /// Starts a sync cycle now (nothing without an engine).
    Q_INVOKABLE void syncNow();

    QString state() const;
    bool hasEngine() const { return m_hasEngine; }
    bool online() const;
    bool syncing() const { return m_hasEngine && m_status.state == SyncStatus::State::Syncing; }
    bool firstSync() const;
    double progress() const;
    QString progressText() const;
    int pendingCount() const { return int(m_status.pending); }
    int conflictCount() const { return int(m_status.conflicts); }
    int rejectedCount() const { return int(m_status.rejected); }
    QString offlineSinceText() const;
    QString lastSyncText() const;
    QString summaryText() const;
    QString detailText() const;
    QString message() const { return m_status.message; }
    bool needsAttention() const { return m_status.conflicts > 0 || m_status.rejected > 0; }

signals:
    void statusChanged();
    /// The number of open conflicts or refused changes moved.
    void conflictCountChanged();

private:
    QString timeText(const QDateTime &instant) const;
    QString attentionSuffix() const;

    QPointer<SyncEngine> m_engine;
    bool m_hasEngine = false;
    SyncStatus m_status;
    NowFunction m_now = systemNowUtc;
};

} // namespace fc
