// SessionModel against a real firstcontact-server process (SQLite database) over real HTTP, one desk
// through a working day: the first sign-in creates the encrypted profile and syncs; a wrong password
// changes nothing; with the server stopped the same password opens this desk's copy offline and a wrong
// one does not; the engine catches up by itself when the server is back; a password changed on the
// server is carried over with the old one; a disabled account asks to sign in again; a revoked desk
// loses its copy. Registered as an integration test (it starts programs).

#include "integration/SyncTestDesk.h"
#include "storage/KeyFile.h"
#include "storage/ProfileLayout.h"
#include "ui/SessionModel.h"
#include "unit/ui/UiTestCache.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::synctest;
using namespace Qt::StringLiterals;

namespace {

const QString kUser = u"desk.one"_s;

QString password()
{
    return QString::fromLatin1(kPassword);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

Status opensWith(const QString &keyFile, const QString &text)
{
    QByteArray bytes = text.toUtf8();
    Result<SecureBytes> secret = SecureBytes::fromPassword(std::move(bytes));
    if (!secret)
        return secret.error();
    Result<SecureBytes> key = KeyFile::unlock(keyFile, secret.value());
    return key ? Status {} : Status(key.error());
}

} // namespace

class tst_SessionOverHttp : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    SyncServer m_server;
    std::unique_ptr<CacheWorker> m_worker;
    std::unique_ptr<SessionModel> m_session;

    QString profile() const { return m_session->profileDirectory(kUser); }
    QString keyFile() const { return ProfileLayout(profile()).keyFile(); }

    bool settled()
    {
        return QTest::qWaitFor([this] { return m_session->state() != SessionModel::State::Working; }, 60000);
    }

    void signIn(const QString &text)
    {
        m_session->signIn(kUser, text);
        QVERIFY(settled());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_database = u"sqlite:"_s + m_dir.filePath(u"server.sqlite"_s);
        const CommandRun added = addUser(m_database, kUser);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(m_server.start(m_database), qPrintable(m_server.error()));
        m_worker = std::make_unique<CacheWorker>();
        m_session = std::make_unique<SessionModel>();
        m_session->setSettingsFile(m_dir.filePath(u"desk.ini"_s));
        m_session->setProfilesRoot(m_dir.filePath(u"profiles"_s));
        m_session->setCacheWorker(m_worker.get());
        m_session->setKdfCost(KdfCost::Interactive);
        SyncTiming timing;
        timing.firstRetry = std::chrono::milliseconds(200);
        timing.maximumRetry = std::chrono::milliseconds(1000);
        timing.autoSyncInterval = std::chrono::seconds(60);
        m_session->setSyncTiming(timing);
        m_session->setServerUrl(m_server.baseUrl());
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_worker.reset();
        m_server.stop();
    }

    void theFirstSignInCreatesTheProfileAndSyncs()
    {
        QVERIFY(!QFile::exists(keyFile()));
        QSignalSpy signedIn(m_session.get(), &SessionModel::signedIn);
        signIn(password());
        QCOMPARE(m_session->stateKey(), u"ready"_s);
        QCOMPARE(m_session->errorText(), QString());
        QCOMPARE(signedIn.count(), 1);
        QVERIFY(!m_session->workingOffline());
        QCOMPARE(m_session->displayName(), kUser);
        QCOMPARE(m_session->role(), u"agent"_s);
        QCOMPARE(m_session->team(), u"contact-centre"_s);
        QVERIFY(QFile::exists(keyFile()));
        QVERIFY(QFile::exists(profile() + u"/device-id"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->sync()->state(), u"idle"_s, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->sync()->lastSyncText().isEmpty(), 60000);
        QVERIFY(m_session->sync()->online());
        QCOMPARE(m_session->sync()->summaryText(), u"Online · up to date"_s);
        // The desk is listed on the server under the id in its profile.
        QFile idFile(profile() + u"/device-id"_s);
        QVERIFY(idFile.open(QIODevice::ReadOnly));
        const QString deviceId = QString::fromLatin1(idFile.readAll()).trimmed();
        const CommandRun devices = runServerCommand(m_database, { u"device"_s, u"list"_s });
        QVERIFY2(devices.out.contains(deviceId), qPrintable(devices.out + devices.err));
    }

    void aWrongPasswordOnlineChangesNothing()
    {
        m_session->signOut();
        const QByteArray before = fileHash(keyFile());
        signIn(u"not the password"_s);
        QCOMPARE(m_session->stateKey(), u"signed_out"_s);
        QCOMPARE(m_session->errorText(), u"The user name or password is not right."_s);
        QCOMPARE(fileHash(keyFile()), before);
    }

    void withTheServerStoppedTheSamePasswordOpensTheDeskOffline()
    {
        m_server.stop();
        signIn(password());
        QCOMPARE(m_session->stateKey(), u"ready"_s);
        QVERIFY(m_session->workingOffline());
        QCOMPARE(m_session->role(), u"agent"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->sync()->state(), u"offline"_s, 30000);
        QVERIFY(!m_session->sync()->online());
    }

    void aWrongPasswordOfflineIsRefused()
    {
        m_session->signOut();
        const QByteArray before = fileHash(keyFile());
        signIn(u"not the password"_s);
        QCOMPARE(m_session->stateKey(), u"signed_out"_s);
        QVERIFY(m_session->errorText().contains(u"does not open this desk's copy"_s));
        QCOMPARE(fileHash(keyFile()), before);
    }

    void theEngineCatchesUpWhenTheServerIsBack()
    {
        signIn(password());
        QCOMPARE(m_session->stateKey(), u"ready"_s);
        QVERIFY(m_session->workingOffline());
        QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->workingOffline(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->sync()->state(), u"idle"_s, 60000);
        QVERIFY(m_session->sync()->online());
        QVERIFY(!m_session->needsSignInAgain());
    }

    void aPasswordChangedOnTheServerIsCarriedOverWithTheOldOne()
    {
        m_session->signOut();
        const QString newPassword = u"a brand new passphrase"_s;
        const CommandRun changed
            = runServerCommand(m_database, { u"user"_s, u"passwd"_s, kUser }, newPassword.toUtf8() + '\n');
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        signIn(newPassword);
        QCOMPARE(m_session->stateKey(), u"needs_old_password"_s);
        QVERIFY(!m_session->errorText().isEmpty());
        QVERIFY(opensWith(keyFile(), password()).ok()); // nothing changed yet

        m_session->rewrapWithOldPassword(u"not it either"_s);
        QVERIFY(settled());
        QCOMPARE(m_session->stateKey(), u"needs_old_password"_s);
        QVERIFY(m_session->errorText().contains(u"not the password this desk's copy was made with"_s));

        m_session->rewrapWithOldPassword(password());
        QVERIFY(settled());
        QCOMPARE(m_session->stateKey(), u"ready"_s);
        QVERIFY(!m_session->workingOffline());
        QCOMPARE(opensWith(keyFile(), password()).error().code, u"keyfile.wrong_password"_s);
        QVERIFY(opensWith(keyFile(), newPassword).ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_session->sync()->state(), u"idle"_s, 60000);

        // The lock takes the new password from now on.
        m_session->lockNow();
        m_session->unlock(newPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->stateKey(), u"ready"_s, 30000);
    }

    void aDisabledAccountAsksToSignInAgainAndKeepsTheDeskOpen()
    {
        QCOMPARE(m_session->stateKey(), u"ready"_s);
        const CommandRun disabled = runServerCommand(m_database, { u"user"_s, u"disable"_s, kUser });
        QVERIFY2(disabled.exitCode == 0, qPrintable(disabled.err));
        m_session->sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->needsSignInAgain(), 30000);
        QCOMPARE(m_session->sync()->state(), u"signed_out"_s);
        QCOMPARE(m_session->stateKey(), u"ready"_s); // the cache stays open
        const Status open = fc::test::UiTestCache::await(m_worker->run([](QSqlDatabase &) -> Status { return {}; }));
        QVERIFY(open.ok());

        const CommandRun enabled = runServerCommand(m_database, { u"user"_s, u"enable"_s, kUser });
        QVERIFY2(enabled.exitCode == 0, qPrintable(enabled.err));
        m_session->reauthenticate(u"a brand new passphrase"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->needsSignInAgain(), 30000);
        QCOMPARE(m_session->errorText(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(m_session->sync()->state(), u"idle"_s, 60000);
    }

    void aRevokedDeskLosesItsCopyAndIsSignedOut()
    {
        QFile idFile(profile() + u"/device-id"_s);
        QVERIFY(idFile.open(QIODevice::ReadOnly));
        const QString deviceId = QString::fromLatin1(idFile.readAll()).trimmed();
        const CommandRun revoked = runServerCommand(m_database, { u"device"_s, u"revoke"_s, deviceId });
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.out + revoked.err));
        QSignalSpy signedOut(m_session.get(), &SessionModel::signedOut);
        m_session->sync()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->stateKey(), u"signed_out"_s, 30000);
        QCOMPARE(signedOut.count(), 1);
        QVERIFY(m_session->errorText().contains(u"revoked"_s));
        QVERIFY(!QFile::exists(keyFile()));
        QCOMPARE(m_session->sync()->summaryText(), u"Not signed in"_s);
    }
};

QTEST_MAIN(tst_SessionOverHttp)
#include "tst_SessionOverHttp.moc"
