#include "ui/SessionModel.h"

#include "storage/ProfileLayout.h"
#include "sync/SyncCache.h"
#include "ui/WhenFinished.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFuture>
#include <QHostInfo>
#include <QPromise>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

const QString kServerUrlKey = u"session/serverUrl"_s;
const QString kLastUserKey = u"session/lastUser"_s;
const QString kIdleMinutesKey = u"session/idleLockMinutes"_s;
constexpr int kMaxIdleLockMinutes = 240;

// Not secret: names this profile to the server, so an administrator can revoke the desk.
QString deviceIdFile(const QString &profile)
{
    return QDir(profile).filePath(u"device-id"_s);
}

QString readDeviceId(const QString &profile)
{
    QFile file(deviceIdFile(profile));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromLatin1(file.readAll()).trimmed();
}

void writeDeviceId(const QString &profile, const QString &id)
{
    if (!readDeviceId(profile).isEmpty())
        return;
    QSaveFile out(deviceIdFile(profile));
    if (out.open(QIODevice::WriteOnly) && out.write(id.toLatin1() + '\n') >= 0)
        out.commit();
}

bool unreachable(const Result<ApiReply> &answer)
{
    if (!answer)
        return answer.error().code.startsWith(u"network."_s);
    return answer->status >= 500;
}

std::shared_ptr<SecureBytes> secretFrom(const QString &password, QString *error)
{
    QByteArray bytes = password.toUtf8();
    Result<SecureBytes> secret = SecureBytes::fromPassword(std::move(bytes));
    if (!secret) {
        *error = secret.error().message;
        return nullptr;
    }
    return std::make_shared<SecureBytes>(std::move(secret).value());
}

} // namespace

SessionModel::SessionModel(QObject *parent)
    : QObject(parent),
      m_sync(new SyncStatusModel(this)),
      m_conflicts(new ConflictsModel(this))
{
    m_profilesRoot = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/profiles"_s;
    m_timing.autoSyncInterval = std::chrono::seconds(60);
    m_api.setTimeout(std::chrono::seconds(20));
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Ready)
            return;
        const std::chrono::milliseconds interval = idleInterval();
        if (interval.count() <= 0)
            return;
        const qint64 idle = m_activity.elapsed();
        if (idle >= interval.count())
            lockNow();
        else
            m_idleTimer.start(std::chrono::milliseconds(interval.count() - idle));
    });
    m_idleTick.setInterval(1000);
    connect(&m_idleTick, &QTimer::timeout, this, &SessionModel::idleSecondsLeftChanged);
    connect(m_sync, &SyncStatusModel::conflictCountChanged, m_conflicts, &ConflictsModel::reload);
    connect(m_conflicts, &ConflictsModel::resolved, this, [this] {
        if (m_engine) {
            m_engine->refreshCounts();
            m_engine->syncNow();
        }
    });
    readSettings();
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

SessionModel::~SessionModel()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
    stopEngine();
}

// --- set-up

void SessionModel::setCacheWorker(CacheWorker *worker)
{
    if (m_worker == worker)
        return;
    m_worker = worker;
    m_conflicts->setCacheWorker(worker);
    emit cacheWorkerChanged();
}

void SessionModel::setProfilesRoot(const QString &directory)
{
    m_profilesRoot = directory;
}

QString SessionModel::profileDirectory(const QString &user) const
{
    QString name;
    for (const QChar c : user.trimmed().toLower()) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' || c == u'_';
        name += plain ? c : u'_';
    }
    if (name.isEmpty() || name.startsWith(u'.'))
        name.prepend(u"user_"_s);
    return QDir(m_profilesRoot).filePath(name);
}

void SessionModel::setSettingsFile(const QString &path)
{
    m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    readSettings();
}

QSettings &SessionModel::settings()
{
    if (!m_settings)
        m_settings = std::make_unique<QSettings>();
    return *m_settings;
}

void SessionModel::readSettings()
{
    QString fallback = qEnvironmentVariable("FC_SERVER_URL");
    if (fallback.isEmpty())
        fallback = u"http://127.0.0.1:8443"_s;
    const QString url = settings().value(kServerUrlKey, fallback).toString();
    if (url != m_serverUrl) {
        m_serverUrl = url;
        emit serverUrlChanged();
    }
    const QString user = settings().value(kLastUserKey).toString();
    if (user != m_userName) {
        m_userName = user;
        emit userNameChanged();
    }
    const int minutes = std::clamp(settings().value(kIdleMinutesKey, 5).toInt(), 0, kMaxIdleLockMinutes);
    if (minutes != m_idleLockMinutes) {
        m_idleLockMinutes = minutes;
        emit idleLockMinutesChanged();
    }
}

void SessionModel::setLoginTimeout(std::chrono::milliseconds timeout)
{
    m_api.setTimeout(timeout);
}

void SessionModel::setIdleLockInterval(std::chrono::milliseconds interval)
{
    m_idleOverride = interval;
    restartIdleTimer();
}

void SessionModel::setClock(NowFunction now)
{
    m_now = now ? now : NowFunction(systemNowUtc);
    m_sync->setClock(now);
    m_conflicts->setClock(now);
}

// --- properties

QString SessionModel::stateKey() const
{
    switch (m_state) {
    case State::SignedOut:
        return u"signed_out"_s;
    case State::Working:
        return u"working"_s;
    case State::NeedsOldPassword:
        return u"needs_old_password"_s;
    case State::Ready:
        return u"ready"_s;
    case State::Locked:
        return u"locked"_s;
    }
    return QString();
}

void SessionModel::setServerUrl(const QString &url)
{
    const QString trimmed = url.trimmed();
    if (trimmed == m_serverUrl)
        return;
    m_serverUrl = trimmed;
    settings().setValue(kServerUrlKey, trimmed);
    emit serverUrlChanged();
}

void SessionModel::setUserName(const QString &user)
{
    const QString trimmed = user.trimmed();
    if (trimmed == m_userName)
        return;
    m_userName = trimmed;
    settings().setValue(kLastUserKey, trimmed);
    emit userNameChanged();
}

void SessionModel::setIdleLockMinutes(int minutes)
{
    minutes = std::clamp(minutes, 0, kMaxIdleLockMinutes);
    if (minutes == m_idleLockMinutes)
        return;
    m_idleLockMinutes = minutes;
    settings().setValue(kIdleMinutesKey, minutes);
    emit idleLockMinutesChanged();
    restartIdleTimer();
}

void SessionModel::setState(State state)
{
    if (m_state == state)
        return;
    const bool wasLocked = locked();
    m_state = state;
    emit stateChanged();
    if (wasLocked != locked())
        emit lockedChanged();
}

void SessionModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void SessionModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

void SessionModel::setWorkingOffline(bool offline)
{
    if (m_workingOffline == offline)
        return;
    m_workingOffline = offline;
    emit workingOfflineChanged();
}

void SessionModel::setNeedsSignInAgain(bool needed)
{
    if (m_needsSignInAgain == needed)
        return;
    m_needsSignInAgain = needed;
    emit needsSignInAgainChanged();
}

void SessionModel::setIdentity(const QString &name, const QString &role, const QString &team)
{
    m_sessionUser = name;
    m_displayName = name;
    m_role = role;
    m_team = team;
    emit identityChanged();
}

// --- signing in

void SessionModel::signIn(const QString &user, const QString &password)
{
    if (m_state == State::Working || isSignedIn())
        return;
    const QString name = user.trimmed();
    if (name.isEmpty()) {
        failSignIn(tr("Enter your user name."));
        return;
    }
    if (password.isEmpty()) {
        failSignIn(tr("Enter your password."));
        return;
    }
    if (!m_worker) {
        failSignIn(tr("This desk's cache is not ready; restart FirstContact."));
        return;
    }
    const QUrl url(m_serverUrl);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty()) {
        failSignIn(tr("The server address \"%1\" is not a web address (https://host:8443).").arg(m_serverUrl));
        return;
    }
    QString why;
    std::shared_ptr<SecureBytes> secret = secretFrom(password, &why);
    if (!secret) {
        failSignIn(tr("The password could not be held safely: %1").arg(why));
        return;
    }
    setUserName(name);
    const quint64 generation = ++m_generation;
    m_profile = profileDirectory(name);
    m_newPassword.reset();
    m_login.reset();
    m_sessionServerUrl = m_serverUrl;
    setErrorText(QString());
    setBusy(true);
    setState(State::Working);
    postLogin(name, *secret, [this, generation, name, secret](const Result<ApiReply> &answer) {
        onLoginAnswer(generation, name, secret, answer);
    });
}

void SessionModel::postLogin(const QString &user, const SecureBytes &password, std::function<void(Result<ApiReply>)> done)
{
    QString device = readDeviceId(m_profile);
    if (device.isEmpty()) {
        if (m_newDeviceId.isEmpty())
            m_newDeviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        device = m_newDeviceId; // written with the profile once the password is known to be right
    }
    m_api.setBaseUrl(QUrl(m_sessionServerUrl.isEmpty() ? m_serverUrl : m_sessionServerUrl));
    // The login body has to carry the password; the JSON copy lives only until the request is sent.
    m_api.post(u"/v1/auth/login"_s,
               { { u"user"_s, user },
                 { u"password"_s, QString::fromUtf8(password.view()) },
                 { u"device_id"_s, device },
                 { u"device_name"_s, tr("FirstContact on %1").arg(QHostInfo::localHostName()) } },
               std::move(done));
}

void SessionModel::onLoginAnswer(quint64 generation, const QString &user, const std::shared_ptr<SecureBytes> &secret,
                                 const Result<ApiReply> &answer)
{
    if (generation != m_generation)
        return;
    if (unreachable(answer)) {
        openOffline(generation, user, secret);
        return;
    }
    if (!answer) {
        failSignIn(tr("Signing in failed: %1").arg(answer.error().message));
        return;
    }
    if (!answer->ok()) {
        if (answer->status == 401)
            failSignIn(tr("The user name or password is not right."));
        else
            failSignIn(answer->errorMessage().isEmpty() ? tr("The server refused the sign-in (error %1).").arg(answer->status)
                                                        : answer->errorMessage());
        return;
    }
    const QJsonObject who = answer->json.value(u"user"_s).toObject();
    m_login = Login { answer->json.value(u"token"_s).toString(), answer->json.value(u"expires_at"_s).toString(),
                      who.value(u"name"_s).toString(user), who.value(u"role"_s).toString(),
                      who.value(u"team"_s).toString() };
    Result<SecureBytes> copy = secret->clone();
    if (!copy) {
        failSignIn(tr("The password could not be held safely: %1").arg(copy.error().message));
        return;
    }
    const bool exists = QFile::exists(ProfileLayout(m_profile).keyFile());
    QFuture<Status> opened = exists ? m_worker->unlock(m_profile, std::move(copy).value())
                                    : m_worker->create(m_profile, user, std::move(copy).value(), m_kdfCost);
    whenFinished(this, opened, [this, generation, user, secret](const Status &status) {
        afterUnlock(generation, user, secret, status, true);
    });
}

void SessionModel::openOffline(quint64 generation, const QString &user, const std::shared_ptr<SecureBytes> &secret)
{
    if (!QFile::exists(ProfileLayout(m_profile).keyFile())) {
        failSignIn(tr("The server cannot be reached, and this desk holds no copy of %1's records to work offline "
                      "with. Check the network cable or Wi-Fi and try again, or use a desk you have signed in on "
                      "before.")
                       .arg(user));
        return;
    }
    Result<SecureBytes> copy = secret->clone();
    if (!copy) {
        failSignIn(tr("The password could not be held safely: %1").arg(copy.error().message));
        return;
    }
    whenFinished(this, m_worker->unlock(m_profile, std::move(copy).value()),
                 [this, generation, user, secret](const Status &status) {
                     afterUnlock(generation, user, secret, status, false);
                 });
}

void SessionModel::afterUnlock(quint64 generation, const QString &user, const std::shared_ptr<SecureBytes> &secret,
                               const Status &opened, bool online)
{
    if (generation != m_generation) {
        if (opened && m_worker && !isSignedIn())
            m_worker->close(); // signed out (or signed in again) meanwhile: this unlock is no one's
        return;
    }
    if (!opened) {
        const QString code = opened.error().code;
        if (code == u"keyfile.wrong_password"_s && online) {
            // The server took the password, this desk's key file did not: changed since this desk last
            // signed in. The new password is kept (in locked memory) until the old one rewraps the key.
            m_newPassword = secret;
            setBusy(false);
            setErrorText(tr("Your password has changed since you last signed in on this desk. Enter your previous "
                            "password once to open this desk's copy of your records."));
            setState(State::NeedsOldPassword);
            return;
        }
        if (code == u"keyfile.wrong_password"_s)
            failSignIn(tr("That password does not open this desk's copy of your records. The server cannot be "
                          "reached to check it, so nothing was changed."));
        else if (code == u"profile.in_use"_s)
            failSignIn(tr("Your records on this desk are open in another FirstContact window or program."));
        else
            failSignIn(tr("Your records on this desk could not be opened: %1").arg(opened.error().message));
        return;
    }
    m_newPassword.reset();
    if (online) {
        writeDeviceId(m_profile, m_newDeviceId);
        saveSessionAndStart(generation);
    } else {
        loadStoredSessionAndStart(generation, user);
    }
}

void SessionModel::rewrapWithOldPassword(const QString &oldPassword)
{
    if (m_state != State::NeedsOldPassword || !m_newPassword || !m_worker)
        return;
    QString why;
    std::shared_ptr<SecureBytes> old = secretFrom(oldPassword, &why);
    Result<SecureBytes> oldCopy = old ? old->clone() : Result<SecureBytes>(makeError(u"ui.password"_s, why));
    if (!oldCopy) {
        setErrorText(tr("The password could not be held safely: %1").arg(oldCopy.error().message));
        return;
    }
    const quint64 generation = m_generation;
    const std::shared_ptr<SecureBytes> fresh = m_newPassword;
    const QString user = m_userName;
    setErrorText(QString());
    setBusy(true);
    setState(State::Working);
    whenFinished(this, m_worker->unlock(m_profile, std::move(oldCopy).value()),
                 [this, generation, old, fresh, user](const Status &opened) {
                     if (generation != m_generation) {
                         if (opened && m_worker && !isSignedIn())
                             m_worker->close();
                         return;
                     }
                     if (!opened) {
                         setBusy(false);
                         setState(State::NeedsOldPassword);
                         setErrorText(opened.error().code == u"keyfile.wrong_password"_s
                                          ? tr("That is not the password this desk's copy was made with. Try "
                                               "another earlier password, or ask the service desk.")
                                          : tr("Your records on this desk could not be opened: %1")
                                                .arg(opened.error().message));
                         return;
                     }
                     Result<SecureBytes> oldCopy = old->clone();
                     Result<SecureBytes> newCopy = fresh->clone();
                     if (!oldCopy || !newCopy) {
                         m_worker->close();
                         failSignIn(tr("The password could not be held safely."));
                         return;
                     }
                     whenFinished(this,
                                  m_worker->changePassword(std::move(oldCopy).value(), std::move(newCopy).value(),
                                                           m_kdfCost),
                                  [this, generation, fresh, user](const Status &changed) {
                                      if (generation != m_generation)
                                          return;
                                      if (!changed) {
                                          m_worker->close();
                                          failSignIn(tr("This desk's copy could not be moved to your new password: %1")
                                                         .arg(changed.error().message));
                                          return;
                                      }
                                      afterUnlock(generation, user, fresh, Status {}, true);
                                  });
                 });
}

void SessionModel::cancelSignIn()
{
    if (m_state != State::NeedsOldPassword)
        return;
    ++m_generation;
    m_newPassword.reset();
    m_login.reset();
    setBusy(false);
    setErrorText(QString());
    setState(State::SignedOut);
}

void SessionModel::saveSessionAndStart(quint64 generation)
{
    if (!m_login) {
        failSignIn(tr("The server's answer was lost before it could be saved."));
        return;
    }
    const Login login = *m_login;
    const QList<std::pair<QString, QString>> values {
        { u"server_url"_s, m_sessionServerUrl }, { u"user"_s, login.name },       { u"role"_s, login.role },
        { u"team"_s, login.team },               { u"token"_s, login.token },     { u"expires_at"_s, login.expiresAt },
        { u"device_id"_s, readDeviceId(m_profile) },
    };
    QFuture<Status> saved = m_worker->run([values](QSqlDatabase &db) -> Status {
        for (const auto &[key, value] : values) {
            if (Status set = SyncCache::setSessionValue(db, key, value); !set)
                return set;
        }
        return {};
    });
    whenFinished(this, saved, [this, generation, login](const Status &done) {
        if (generation != m_generation)
            return;
        if (!done) {
            m_worker->close();
            failSignIn(tr("Your sign-in could not be saved on this desk: %1").arg(done.error().message));
            return;
        }
        m_login.reset();
        m_token = login.token;
        setIdentity(login.name, login.role, login.team);
        setWorkingOffline(false);
        finishSignIn();
    });
}

void SessionModel::loadStoredSessionAndStart(quint64 generation, const QString &user)
{
    QFuture<Result<QHash<QString, QString>>> stored
        = m_worker->run([](QSqlDatabase &db) -> Result<QHash<QString, QString>> {
              QHash<QString, QString> values;
              for (const QString &key : { u"server_url"_s, u"user"_s, u"role"_s, u"team"_s, u"token"_s }) {
                  Result<std::optional<QString>> value = SyncCache::sessionValue(db, key);
                  if (!value)
                      return value.error();
                  values.insert(key, value.value().value_or(QString()));
              }
              return values;
          });
    whenFinished(this, stored, [this, generation, user](const Result<QHash<QString, QString>> &values) {
        if (generation != m_generation)
            return;
        if (!values) {
            m_worker->close();
            failSignIn(tr("Your records on this desk could not be read: %1").arg(values.error().message));
            return;
        }
        const QHash<QString, QString> &v = values.value();
        m_token = v.value(u"token"_s);
        if (!v.value(u"server_url"_s).isEmpty())
            m_sessionServerUrl = v.value(u"server_url"_s);
        const QString name = v.value(u"user"_s);
        setIdentity(name.isEmpty() ? user : name, v.value(u"role"_s), v.value(u"team"_s));
        setWorkingOffline(true);
        finishSignIn();
    });
}

void SessionModel::finishSignIn()
{
    startEngine();
    setBusy(false);
    setErrorText(QString());
    setNeedsSignInAgain(false);
    setState(State::Ready);
    restartIdleTimer();
    emit signedIn();
}

void SessionModel::failSignIn(const QString &text)
{
    m_login.reset();
    m_newPassword.reset();
    setBusy(false);
    setState(State::SignedOut);
    setErrorText(text);
}

// --- the engine

void SessionModel::startEngine()
{
    stopEngine();
    m_engine = new SyncEngine(*m_worker, m_profile, this);
    m_engine->setServer(QUrl(m_sessionServerUrl), m_token);
    m_engine->setTiming(m_timing);
    connect(m_engine, &SyncEngine::statusChanged, this, [this](const SyncStatus &status) {
        if (status.state == SyncStatus::State::SignedOut)
            setNeedsSignInAgain(true);
    });
    connect(m_engine, &SyncEngine::cycleFinished, this, [this](bool ok) {
        if (ok) {
            setWorkingOffline(false);
            setNeedsSignInAgain(false);
        }
    });
    connect(m_engine, &SyncEngine::wiped, this, &SessionModel::onWiped);
    m_sync->setEngine(m_engine);
    m_conflicts->setUser(m_sessionUser);
    m_conflicts->reload();
    m_engine->syncNow();
}

void SessionModel::stopEngine()
{
    if (!m_engine)
        return;
    SyncEngine *engine = m_engine;
    m_engine = nullptr;
    disconnect(engine, nullptr, this, nullptr);
    engine->stop();
    m_sync->setEngine(nullptr);
    engine->deleteLater();
}

void SessionModel::onWiped(const QString &message)
{
    // The engine has closed the cache and deleted its files already.
    ++m_generation;
    ++m_unlockGeneration;
    stopEngine();
    m_conflicts->clear();
    forgetIdentity();
    setBusy(false);
    setState(State::SignedOut);
    setErrorText(message.isEmpty() ? tr("This desk was revoked by an administrator, so its copy of the council's "
                                        "records was removed. Sign in again to make a new one.")
                                   : message);
    emit signedOut();
}

void SessionModel::reauthenticate(const QString &password)
{
    if (!isSignedIn() || !m_engine || m_busy)
        return;
    QString why;
    std::shared_ptr<SecureBytes> secret = secretFrom(password, &why);
    if (!secret) {
        setErrorText(tr("The password could not be held safely: %1").arg(why));
        return;
    }
    const quint64 generation = m_generation;
    setBusy(true);
    setErrorText(QString());
    postLogin(m_sessionUser, *secret, [this, generation](const Result<ApiReply> &answer) {
        if (generation != m_generation)
            return;
        setBusy(false);
        if (unreachable(answer)) {
            setErrorText(tr("The server cannot be reached to sign in again. Your work stays on this desk; try "
                            "again in a moment."));
            return;
        }
        if (!answer || !answer->ok()) {
            setErrorText(answer && answer->status == 401 ? tr("That password is not right.")
                         : answer                         ? answer->errorMessage()
                                                          : answer.error().message);
            return;
        }
        const QJsonObject who = answer->json.value(u"user"_s).toObject();
        const QString token = answer->json.value(u"token"_s).toString();
        const QList<std::pair<QString, QString>> values {
            { u"token"_s, token },
            { u"expires_at"_s, answer->json.value(u"expires_at"_s).toString() },
            { u"role"_s, who.value(u"role"_s).toString() },
            { u"team"_s, who.value(u"team"_s).toString() },
        };
        whenFinished(this,
                     m_worker->run([values](QSqlDatabase &db) -> Status {
                         for (const auto &[key, value] : values) {
                             if (Status set = SyncCache::setSessionValue(db, key, value); !set)
                                 return set;
                         }
                         return {};
                     }),
                     [this](const Status &saved) {
                         if (!saved)
                             setErrorText(tr("The new sign-in could not be saved on this desk: %1")
                                              .arg(saved.error().message));
                     });
        m_token = token;
        setIdentity(who.value(u"name"_s).toString(m_sessionUser), who.value(u"role"_s).toString(),
                    who.value(u"team"_s).toString());
        setNeedsSignInAgain(false);
        if (m_engine) {
            m_engine->setServer(QUrl(m_sessionServerUrl), token);
            m_engine->syncNow();
        }
    });
}

// --- lock, unlock, sign out

void SessionModel::lockNow()
{
    if (m_state != State::Ready)
        return;
    ++m_unlockGeneration;
    m_idleTimer.stop();
    m_idleTick.stop();
    setErrorText(QString());
    setState(State::Locked);
    emit idleSecondsLeftChanged();
}

void SessionModel::unlock(const QString &password)
{
    if (m_state != State::Locked)
        return;
    QString why;
    std::shared_ptr<SecureBytes> secret = secretFrom(password, &why);
    if (!secret) {
        setErrorText(tr("The password could not be held safely: %1").arg(why));
        return;
    }
    const quint64 generation = ++m_unlockGeneration;
    const QString keyFile = ProfileLayout(m_profile).keyFile();
    setBusy(true);
    setErrorText(QString());
    // Argon2id takes a noticeable moment: on a pool thread, so neither the GUI nor the cache thread waits.
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> checked = promise->future();
    QThreadPool::globalInstance()->start([promise, keyFile, secret] {
        Result<SecureBytes> key = KeyFile::unlock(keyFile, *secret);
        promise->addResult(key ? Status {} : Status(key.error()));
        promise->finish();
    });
    whenFinished(this, checked, [this, generation](const Status &result) {
        if (generation != m_unlockGeneration || m_state != State::Locked)
            return;
        setBusy(false);
        if (!result) {
            setErrorText(result.error().code == u"keyfile.wrong_password"_s
                             ? tr("That password is not right. The screen stays locked.")
                             : tr("The password could not be checked: %1").arg(result.error().message));
            return;
        }
        setErrorText(QString());
        setState(State::Ready);
        restartIdleTimer();
    });
}

void SessionModel::signOut()
{
    ++m_generation;
    ++m_unlockGeneration;
    m_api.abortAll();
    stopEngine();
    m_conflicts->clear();
    const bool wasOpen = m_state != State::SignedOut;
    if (m_worker && wasOpen)
        m_worker->close();
    forgetIdentity();
    setBusy(false);
    setErrorText(QString());
    setState(State::SignedOut);
    if (wasOpen)
        emit signedOut();
}

void SessionModel::forgetIdentity()
{
    m_idleTimer.stop();
    m_idleTick.stop();
    m_login.reset();
    m_newPassword.reset();
    m_token.clear();
    m_profile.clear();
    m_newDeviceId.clear();
    setIdentity(QString(), QString(), QString());
    setWorkingOffline(false);
    setNeedsSignInAgain(false);
}

// --- idle lock

std::chrono::milliseconds SessionModel::idleInterval() const
{
    if (m_idleOverride.count() > 0)
        return m_idleOverride;
    return std::chrono::minutes(m_idleLockMinutes);
}

void SessionModel::restartIdleTimer()
{
    m_activity.restart();
    const std::chrono::milliseconds interval = idleInterval();
    if (m_state == State::Ready && interval.count() > 0) {
        m_idleTimer.start(interval);
        m_idleTick.start();
    } else {
        m_idleTimer.stop();
        m_idleTick.stop();
    }
    emit idleSecondsLeftChanged();
}

int SessionModel::idleSecondsLeft() const
{
    const qint64 interval = idleInterval().count();
    if (m_state != State::Ready || interval <= 0)
        return -1;
    const qint64 left = std::max<qint64>(0, interval - m_activity.elapsed());
    return int((left + 999) / 1000);
}

void SessionModel::noteActivity()
{
    // Cheap, as it runs for every mouse move: the timer checks the time since on firing.
    m_activity.restart();
}

bool SessionModel::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace fc
