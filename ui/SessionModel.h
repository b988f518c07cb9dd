#pragma once

// Who is at the desk: sign in (online, or offline with this desk's copy), the idle lock, signing out,
// and the sync engine and conflicts that belong to the signed-in profile.

#include "storage/CacheWorker.h"
#include "storage/KeyFile.h"
#include "storage/SecureBytes.h"
#include "sync/ApiClient.h"
#include "sync/SyncEngine.h"
#include "ui/Clock.h"
#include "ui/ConflictsModel.h"
#include "ui/SyncStatusModel.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace fc {

/// The session of the person at this desk. signIn() asks the server first (POST /v1/auth/login), then
/// creates or unlocks the user's encrypted profile on the CacheWorker's thread, saves the session values
/// in the cache and starts a SyncEngine for it. When the server cannot be reached and the desk holds the
/// user's profile, the same password unlocks it offline (workingOffline) and the engine, with the stored
/// token, catches up once the server answers again. The idle lock (an application-wide event filter on
/// key, mouse, wheel and touch events) locks the screen after idleLockMinutes; the cache stays open while
/// locked, so nothing typed is lost and sync carries on. The GUI thread never waits: the network is
/// asynchronous, the key file is checked on a pool thread, the cache on the CacheWorker's.
///
/// States: "signed_out", "working" (a sign-in is running), "needs_old_password" (the server took the
/// password but this desk's key file is still under an older one: rewrapWithOldPassword()), "ready",
/// "locked". Errors are sentences in errorText; nothing on disk changes for a wrong password.
class SessionModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString state READ stateKey NOTIFY stateChanged)
    Q_PROPERTY(fc::SessionModel::State stateValue READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString userName READ userName WRITE setUserName NOTIFY userNameChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY identityChanged)
    Q_PROPERTY(QString role READ role NOTIFY identityChanged)
    Q_PROPERTY(QString team READ team NOTIFY identityChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
    Q_PROPERTY(bool workingOffline READ workingOffline NOTIFY workingOfflineChanged)
    Q_PROPERTY(bool locked READ locked NOTIFY lockedChanged)
    Q_PROPERTY(bool needsSignInAgain READ needsSignInAgain NOTIFY needsSignInAgainChanged)
    Q_PROPERTY(int idleLockMinutes READ idleLockMinutes WRITE setIdleLockMinutes NOTIFY idleLockMinutesChanged)
    Q_PROPERTY(int idleSecondsLeft READ idleSecondsLeft NOTIFY idleSecondsLeftChanged)
    Q_PROPERTY(fc::SyncStatusModel *sync READ sync CONSTANT)
    Q_PROPERTY(fc::CacheWorker *cacheWorker READ cacheWorker NOTIFY cacheWorkerChanged)
    Q_PROPERTY(fc::ConflictsModel *conflicts READ conflicts CONSTANT)

public:
    enum class State { SignedOut, Working, NeedsOldPassword, Ready, Locked };
    Q_ENUM(State)

    explicit SessionModel(QObject *parent = nullptr);
    ~SessionModel() override;

    // --- set up by the composition root (C++ only)
    void setCacheWorker(CacheWorker *worker);
    /// Where profiles live, one directory per user (name sanitised, lower case). Default:
    /// QStandardPaths::AppDataLocation + "/profiles".
    void setProfilesRoot(const QString &directory);
    QString profilesRoot() const { return m_profilesRoot; }
    /// The profile directory of `user` under the profiles root.
    QString profileDirectory(const QString &user) const;
    /// Settings (server URL, last user, idle minutes) in this ini file instead of the desk's QSettings.
    void setSettingsFile(const QString &path);
    /// Argon2id cost for a new profile or a rewrapped key (Moderate; tests use Interactive).
    void setKdfCost(KdfCost cost) { m_kdfCost = cost; }
    /// The engine's timing (autoSyncInterval 60 s by default).
    void setSyncTiming(const SyncTiming &timing) { m_timing = timing; }
    /// How long a login request may take before the server counts as unreachable (20 s).
    void setLoginTimeout(std::chrono::milliseconds timeout);
    /// Idle time before the lock, overriding idleLockMinutes (tests; zero: back to the minutes).
    void setIdleLockInterval(std::chrono::milliseconds interval);
    void setClock(NowFunction now);
    /// The running engine, or null.
    SyncEngine *engine() const { return m_engine; }

    State state() const { return m_state; }
    QString stateKey() const;
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    QString serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QString &url);
    QString userName() const { return m_userName; }
    void setUserName(const QString &user);
    QString displayName() const { return m_displayName; }
    QString role() const { return m_role; }
    QString team() const { return m_team; }
    bool isSignedIn() const { return m_state == State::Ready || m_state == State::Locked; }
    bool workingOffline() const { return m_workingOffline; }
    bool locked() const { return m_state == State::Locked; }
    bool needsSignInAgain() const { return m_needsSignInAgain; }
    int idleLockMinutes() const { return m_idleLockMinutes; }
    void setIdleLockMinutes(int minutes);
    /// Whole seconds until the idle lock, while ready with a lock set; -1 otherwise. Ticks every second.
    int idleSecondsLeft() const;
    SyncStatusModel *sync() const { return m_sync; }
    CacheWorker *cacheWorker() const { return m_worker; }
    ConflictsModel *conflicts() const { return m_conflicts; }

    /// Signs `user` in: online first, offline with this desk's copy when the server cannot be reached.
    Q_INVOKABLE void signIn(const QString &user, const QString &password);
    /// After "needs_old_password": unlocks with the old password and rewraps the key under the new one.
    Q_INVOKABLE void rewrapWithOldPassword(const QString &oldPassword);
    /// Leaves "needs_old_password" without changing anything.
    Q_INVOKABLE void cancelSignIn();
    Q_INVOKABLE void lockNow();
    /// Checks the password against this profile's key file (off the GUI thread) and unlocks the screen.
    Q_INVOKABLE void unlock(const QString &password);
    /// Stops the engine, closes the profile and forgets who was signed in.
    Q_INVOKABLE void signOut();
    /// Someone is at the desk: the idle lock starts counting again.
    Q_INVOKABLE void noteActivity();
    /// After the server ended the session (needsSignInAgain): logs in again and hands the engine the token.
    Q_INVOKABLE void reauthenticate(const QString &password);

signals:
    void stateChanged();
    void busyChanged();
    void errorTextChanged();
    void serverUrlChanged();
    void userNameChanged();
    void identityChanged();
    void workingOfflineChanged();
    void lockedChanged();
    void needsSignInAgainChanged();
    void idleLockMinutesChanged();
    void idleSecondsLeftChanged();
    void cacheWorkerChanged();
    void signedIn();
    void signedOut();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Login {
        QString token;
        QString expiresAt;
        QString name;
        QString role;
        QString team;
    };

    void setState(State state);
    void setBusy(bool busy);
    void setErrorText(const QString &text);
    void setWorkingOffline(bool offline);
    void setNeedsSignInAgain(bool needed);
    void setIdentity(const QString &name, const QString &role, const QString &team);
    void forgetIdentity();
    void readSettings();
    void postLogin(const QString &user, const SecureBytes &password, std::function<void(Result<ApiReply>)> done);
    void onLoginAnswer(quint64 generation, const QString &user, const std::shared_ptr<SecureBytes> &secret,
                       const Result<ApiReply> &answer);
    void openOffline(quint64 generation, const QString &user, const std::shared_ptr<SecureBytes> &secret);
    void afterUnlock(quint64 generation, const QString &user, const std::shared_ptr<SecureBytes> &secret,
                     const Status &opened, bool online);
    void saveSessionAndStart(quint64 generation);
    void loadStoredSessionAndStart(quint64 generation, const QString &user);
    void finishSignIn();
    void failSignIn(const QString &text);
    void startEngine();
    void stopEngine();
    void onWiped(const QString &message);
    void restartIdleTimer();
    std::chrono::milliseconds idleInterval() const;
    QSettings &settings();

    QPointer<CacheWorker> m_worker;
    QString m_profilesRoot;
    std::unique_ptr<QSettings> m_settings;
    KdfCost m_kdfCost = KdfCost::Moderate;
    SyncTiming m_timing;
    ApiClient m_api;
    NowFunction m_now = systemNowUtc;

    State m_state = State::SignedOut;
    bool m_busy = false;
    QString m_errorText;
    QString m_serverUrl;
    QString m_userName;
    QString m_displayName;
    QString m_role;
    QString m_team;
    bool m_workingOffline = false;
    bool m_needsSignInAgain = false;
    int m_idleLockMinutes = 5;
    std::chrono::milliseconds m_idleOverride { 0 };

    quint64 m_generation = 0;       // bumped by every sign-in, sign-out and wipe
    quint64 m_unlockGeneration = 0; // bumped by every unlock attempt and lock
    QString m_profile;              // directory of the signed-in (or signing-in) profile
    QString m_sessionUser;          // who signed in, as the server names them
    QString m_token;
    QString m_sessionServerUrl;
    std::optional<Login> m_login;   // the server's answer, until saved
    std::shared_ptr<SecureBytes> m_newPassword; // kept only while "needs_old_password"
    SyncEngine *m_engine = nullptr;
    SyncStatusModel *m_sync;
    ConflictsModel *m_conflicts;
    QTimer m_idleTimer;
    QTimer m_idleTick; // for idleSecondsLeft
    QElapsedTimer m_activity; // since the last key, mouse, wheel or touch event
    QString m_newDeviceId;    // for a desk's first login, written with the new profile
};

} // namespace fc
