// SessionModel without a server (the server's side is tst_SessionOverHttp): signing in offline with this
// desk's copy, a wrong password changing nothing, no copy and no server, the idle lock with key presses
// putting it off, unlocking with a wrong and a right password, signing out, and what is remembered per desk.

#include "storage/ProfileLayout.h"
#include "sync/SyncCache.h"
#include "ui/SessionModel.h"
#include "unit/ui/UiTestCache.h"

#include <QCryptographicHash>
#include <QFile>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

// Nothing listens on port 1 of loopback: a login there is refused at once, as with a server that is down.
const QString kNoServer = u"http://127.0.0.1:1"_s;
const QString kPassword = u"correct horse battery staple"_s;

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_SessionModel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheWorker> m_worker;
    std::unique_ptr<SessionModel> m_session;

    // A profile for "agent" as an earlier online sign-in on this desk left it, closed again.
    bool makeProfile(const QString &user)
    {
        const QString directory = m_session->profileDirectory(user);
        QByteArray bytes = kPassword.toUtf8();
        Result<SecureBytes> password = SecureBytes::fromPassword(std::move(bytes));
        if (!password)
            return false;
        const Status created = UiTestCache::await(
            m_worker->create(directory, user, std::move(password).value(), KdfCost::Interactive));
        if (!created)
            return false;
        const Status saved = UiTestCache::await(m_worker->run([user](QSqlDatabase &db) -> Status {
            const QList<std::pair<QString, QString>> values { { u"server_url"_s, kNoServer }, { u"user"_s, user },
                                                              { u"role"_s, u"agent"_s },
                                                              { u"team"_s, u"contact-centre"_s },
                                                              { u"token"_s, u"stored-token"_s } };
            for (const auto &[key, value] : values) {
                if (Status set = SyncCache::setSessionValue(db, key, value); !set)
                    return set;
            }
            return {};
        }));
        return saved.ok() && UiTestCache::await(m_worker->close()).ok();
    }

    bool signInOffline()
    {
        if (!makeProfile(u"agent"_s))
            return false;
        m_session->signIn(u"agent"_s, kPassword);
        return QTest::qWaitFor([this] { return m_session->state() != SessionModel::State::Working; }, 30000)
            && m_session->stateKey() == u"ready"_s;
    }

    static void press()
    {
        QObject somewhere;
        QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, u"a"_s);
        QCoreApplication::sendEvent(&somewhere, &key);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_worker = std::make_unique<CacheWorker>();
        m_session = std::make_unique<SessionModel>();
        m_session->setSettingsFile(m_dir->filePath(u"desk.ini"_s));
        m_session->setProfilesRoot(m_dir->filePath(u"profiles"_s));
        m_session->setCacheWorker(m_worker.get());
        m_session->setKdfCost(KdfCost::Interactive);
        m_session->setServerUrl(kNoServer);
    }

    void cleanup()
    {
        m_session.reset();
        m_worker.reset();
        m_dir.reset();
    }

    void startsSignedOutWithTheDefaults()
    {
        QCOMPARE(m_session->stateKey(), u"signed_out"_s);
        QVERIFY(!m_session->busy());
        QVERIFY(!m_session->locked());
        QCOMPARE(m_session->idleLockMinutes(), 5);
        QCOMPARE(m_session->cacheWorker(), m_worker.get());
        QVERIFY(m_session->sync());
        QVERIFY(m_session->conflicts());
        QCOMPARE(m_session->sync()->summaryText(), u"Not signed in"_s);
    }

    void profileDirectoriesAreOnePerUserInLowerCase()
    {
        const QString root = m_dir->filePath(u"profiles"_s);
        QCOMPARE(m_session->profileDirectory(u"Jo.Bloggs"_s), root + u"/jo.bloggs"_s);
        QCOMPARE(m_session->profileDirectory(u" JO.BLOGGS "_s), root + u"/jo.bloggs"_s);
        QCOMPARE(m_session->profileDirectory(u"a/b c"_s), root + u"/a_b_c"_s);
        QCOMPARE(m_session->profileDirectory(u".."_s), root + u"/user_.."_s);
    }

    void theDeskRemembersServerUserAndIdleMinutes()
    {
        m_session->setServerUrl(u"https://crm.example.gov.uk:8443"_s);
        m_session->setUserName(u"jo.bloggs"_s);
        m_session->setIdleLockMinutes(10);
        SessionModel again;
        again.setSettingsFile(m_dir->filePath(u"desk.ini"_s));
        QCOMPARE(again.serverUrl(), u"https://crm.example.gov.uk:8443"_s);
        QCOMPARE(again.userName(), u"jo.bloggs"_s);
        QCOMPARE(again.idleLockMinutes(), 10);
    }

    void withoutTheServerThisDesksCopyOpensOffline()
    {
        QSignalSpy signedIn(m_session.get(), &SessionModel::signedIn);
        QVERIFY(signInOffline());
        QCOMPARE(signedIn.count(), 1);
        QVERIFY(m_session->workingOffline());
        QVERIFY(m_session->isSignedIn());
        QCOMPARE(m_session->errorText(), QString());
        QCOMPARE(m_session->displayName(), u"agent"_s);
        QCOMPARE(m_session->role(), u"agent"_s);
        QCOMPARE(m_session->team(), u"contact-centre"_s);
        QVERIFY(m_session->engine());
        // The engine tries the stored server and finds no one.
        QTRY_COMPARE_WITH_TIMEOUT(m_session->sync()->state(), u"offline"_s, 20000);
        QVERIFY(m_session->sync()->summaryText().startsWith(u"Offline since "_s));
        QVERIFY(m_session->workingOffline());
        // The cache is open for the other models.
        const Status open = UiTestCache::await(m_worker->run([](QSqlDatabase &) -> Status { return {}; }));
        QVERIFY(open.ok());
    }

    void aWrongPasswordOfflineSaysSoAndChangesNothing()
    {
        QVERIFY(makeProfile(u"agent"_s));
        const QString keyFile = ProfileLayout(m_session->profileDirectory(u"agent"_s)).keyFile();
        const QByteArray before = fileHash(keyFile);
        m_session->signIn(u"agent"_s, u"wrong password"_s);
        QCOMPARE(m_session->stateKey(), u"working"_s);
        QVERIFY(m_session->busy());
        QTRY_COMPARE_WITH_TIMEOUT(m_session->stateKey(), u"signed_out"_s, 30000);
        QVERIFY(!m_session->busy());
        QVERIFY(m_session->errorText().contains(u"does not open this desk's copy"_s));
        QVERIFY(!m_session->engine());
        QCOMPARE(fileHash(keyFile), before);
        const Status closed = UiTestCache::await(m_worker->run([](QSqlDatabase &) -> Status { return {}; }));
        QCOMPARE(closed.error().code, u"worker.not_open"_s);
    }

    void noCopyAndNoServerIsAClearSentence()
    {
        m_session->signIn(u"new.starter"_s, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->stateKey(), u"signed_out"_s, 30000);
        QVERIFY(m_session->errorText().contains(u"cannot be reached"_s));
        QVERIFY(m_session->errorText().contains(u"new.starter"_s));
        QVERIFY(!QFile::exists(m_session->profileDirectory(u"new.starter"_s)));
    }

    void emptyFieldsAreRefusedAtOnce()
    {
        m_session->signIn(u"  "_s, kPassword);
        QCOMPARE(m_session->stateKey(), u"signed_out"_s);
        QCOMPARE(m_session->errorText(), u"Enter your user name."_s);
        m_session->signIn(u"agent"_s, QString());
        QCOMPARE(m_session->errorText(), u"Enter your password."_s);
    }

    void theIdleLockWaitsForKeyPressesToStop()
    {
        m_session->setIdleLockInterval(std::chrono::milliseconds(1500));
        QVERIFY(signInOffline());
        QSignalSpy lockedChanged(m_session.get(), &SessionModel::lockedChanged);
        press();
        QVERIFY(m_session->idleSecondsLeft() >= 1);
        QVERIFY(m_session->idleSecondsLeft() <= 2);
        // Typing for longer than the idle time keeps the desk open.
        for (int i = 0; i < 25; ++i) {
            QTest::qWait(100);
            press();
            QVERIFY2(!m_session->locked(), qPrintable(u"locked after %1 ms of typing"_s.arg((i + 1) * 100)));
        }
        QCOMPARE(lockedChanged.count(), 0);
        // Then nothing: it locks.
        QTRY_VERIFY_WITH_TIMEOUT(m_session->locked(), 15000);
        QCOMPARE(m_session->stateKey(), u"locked"_s);
        QCOMPARE(lockedChanged.count(), 1);
        QCOMPARE(m_session->idleSecondsLeft(), -1);
        // Sync carries on under the lock.
        QVERIFY(m_session->engine());
    }

    void noIdleLockWhenTheMinutesAreZero()
    {
        m_session->setIdleLockMinutes(0);
        QVERIFY(signInOffline());
        QTest::qWait(300);
        QVERIFY(!m_session->locked());
    }

    void unlockKeepsTheLockForAWrongPasswordAndOpensForTheRightOne()
    {
        QVERIFY(signInOffline());
        m_session->lockNow();
        QVERIFY(m_session->locked());
        m_session->unlock(u"not my password"_s);
        QVERIFY(m_session->busy());
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->busy(), 30000);
        QVERIFY(m_session->locked());
        QCOMPARE(m_session->errorText(), u"That password is not right. The screen stays locked."_s);

        QSignalSpy lockedChanged(m_session.get(), &SessionModel::lockedChanged);
        m_session->unlock(kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->locked(), 30000);
        QCOMPARE(m_session->stateKey(), u"ready"_s);
        QCOMPARE(m_session->errorText(), QString());
        QCOMPARE(lockedChanged.count(), 1);
    }

    void signingOutClosesTheCacheAndForgetsWhoItWas()
    {
        QVERIFY(signInOffline());
        QSignalSpy signedOut(m_session.get(), &SessionModel::signedOut);
        m_session->signOut();
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(m_session->stateKey(), u"signed_out"_s);
        QCOMPARE(m_session->role(), QString());
        QCOMPARE(m_session->displayName(), QString());
        QVERIFY(!m_session->workingOffline());
        QVERIFY(!m_session->engine());
        QCOMPARE(m_session->sync()->summaryText(), u"Not signed in"_s);
        const Status closed = UiTestCache::await(m_worker->run([](QSqlDatabase &) -> Status { return {}; }));
        QCOMPARE(closed.error().code, u"worker.not_open"_s);
        // And the same person can come back.
        m_session->signIn(u"agent"_s, kPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->stateKey(), u"ready"_s, 30000);
    }
};

QTEST_MAIN(tst_SessionModel)
#include "tst_SessionModel.moc"
