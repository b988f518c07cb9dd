// ScreenPopServer with real local sockets: one instance per name, a second `--screen-pop` handing its
// number over, garbage and over-long messages ignored, and a crashed instance's socket file taken over.

#include "ui/ScreenPopServer.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace fc;
using namespace Qt::StringLiterals;

class tst_ScreenPopServer : public QObject {
    Q_OBJECT

private:
    // A name of our own: a socket path in a fresh directory, so tests never meet a real desk's instance.
    QString freshName() { return m_dir.filePath(u"pop-%1"_s.arg(++m_names)); }

    // sendToRunning blocks on its socket, so it runs on a thread of its own while this one serves.
    static bool sendFromAnotherThread(const QString &number, const QString &name, int timeoutMs = 5000)
    {
        std::atomic<int> answer { -1 };
        std::unique_ptr<QThread> thread(
            QThread::create([&] { answer = ScreenPopServer::sendToRunning(number, timeoutMs, name) ? 1 : 0; }));
        thread->start();
        if (!QTest::qWaitFor([&] { return answer.load() != -1; }, timeoutMs + 5000))
            return false;
        thread->wait();
        return answer.load() == 1;
    }

    // Writes raw bytes as a client and returns what the server answered before closing.
    QByteArray rawExchange(const QString &name, const QByteArray &bytes)
    {
        QLocalSocket socket;
        socket.connectToServer(name);
        if (!QTest::qWaitFor([&] { return socket.state() == QLocalSocket::ConnectedState; }, 5000))
            return "not connected";
        socket.write(bytes);
        QByteArray answer;
        (void)QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return socket.state() == QLocalSocket::UnconnectedState;
            },
            10000);
        return answer + socket.readAll();
    }

private slots:
    void theNameIsPerUserAndSafe()
    {
        QCOMPARE(ScreenPopServer::serverNameFor(u"sian.jones"_s), u"firstcontact-sian.jones"_s);
        QCOMPARE(ScreenPopServer::serverNameFor(u"../etc/x y"_s), u"firstcontact-.._etc_x_y"_s);
        QCOMPARE(ScreenPopServer::serverNameFor(QString()), u"firstcontact-user"_s);
        qunsetenv("FC_SCREEN_POP_NAME");
        QVERIFY(ScreenPopServer::defaultServerName().startsWith(u"firstcontact-"_s));
        qputenv("FC_SCREEN_POP_NAME", "/tmp/an-end-to-end-run");
        QCOMPARE(ScreenPopServer::defaultServerName(), u"/tmp/an-end-to-end-run"_s);
        qunsetenv("FC_SCREEN_POP_NAME");
    }

    void messagesAreReadStrictly()
    {
        QCOMPARE(ScreenPopServer::messageFor(u" 07700 900123 "_s), QByteArray("POP 07700 900123\n"));
        QCOMPARE(ScreenPopServer::messageFor(u"0770\n0\u0000900"_s), QByteArray("POP 07700900\n"));
        QCOMPARE(ScreenPopServer::numberIn("POP +44 7700 900123"), std::optional<QString>(u"+44 7700 900123"_s));
        QCOMPARE(ScreenPopServer::numberIn("POP 07700900123\r"), std::optional<QString>(u"07700900123"_s));
        QCOMPARE(ScreenPopServer::numberIn("POP "), std::optional<QString>(QString())); // withheld
        QCOMPARE(ScreenPopServer::numberIn("GET / HTTP/1.1"), std::nullopt);
        QCOMPARE(ScreenPopServer::numberIn("POP \x01\x02"), std::nullopt);
        QCOMPARE(ScreenPopServer::numberIn("POP \xff\xfe"), std::nullopt);
        QCOMPARE(ScreenPopServer::numberIn("POP " + QByteArray(65, '1')), std::nullopt);
    }

    void aSecondInstanceOnTheSameNameDoesNotListen()
    {
        const QString name = freshName();
        ScreenPopServer first(name);
        QVERIFY(first.listen());
        QVERIFY(first.isListening());
        ScreenPopServer second(name);
        QVERIFY(!second.listen());
        QVERIFY(!second.isListening());
        QCOMPARE(second.errorString(), u"FirstContact is already running for this user."_s);
        QVERIFY(first.isListening()); // the live instance keeps its name
    }

    void sendToRunningDeliversTheNumber()
    {
        const QString name = freshName();
        ScreenPopServer server(name);
        QVERIFY(server.listen());
        QSignalSpy popped(&server, &ScreenPopServer::popRequested);
        QVERIFY(sendFromAnotherThread(u"07700 900123"_s, name));
        QTRY_COMPARE(popped.size(), 1);
        QCOMPARE(popped.first().first().toString(), u"07700 900123"_s);
        QVERIFY(sendFromAnotherThread(u"+44 1752 123456"_s, name));
        QTRY_COMPARE(popped.size(), 2);
        QCOMPARE(popped.at(1).first().toString(), u"+44 1752 123456"_s);
    }

    void withNoInstanceSendToRunningIsFalse()
    {
        QVERIFY(!ScreenPopServer::sendToRunning(u"07700900123"_s, 500, freshName()));
    }

    void garbageAndOverlongMessagesAreIgnored()
    {
        const QString name = freshName();
        ScreenPopServer server(name);
        QVERIFY(server.listen());
        QSignalSpy popped(&server, &ScreenPopServer::popRequested);
        QCOMPARE(rawExchange(name, "HELLO\n"), QByteArray("ERR\n"));
        QCOMPARE(rawExchange(name, "POP \x01\x02\x03\n"), QByteArray("ERR\n"));
        QCOMPARE(rawExchange(name, QByteArray(5000, 'x')), QByteArray("ERR\n"));
        QCOMPARE(popped.size(), 0);
        // The server still works afterwards.
        QCOMPARE(rawExchange(name, "POP 01752 123456\n"), QByteArray("OK\n"));
        QTRY_COMPARE(popped.size(), 1);
        QCOMPARE(popped.first().first().toString(), u"01752 123456"_s);
    }

    void aStaleSocketFileIsTakenOver()
    {
        // What a crashed instance leaves: a socket file nobody listens on.
        const QString name = freshName();
        const QByteArray path = QFile::encodeName(name);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
        memcpy(address.sun_path, path.constData(), size_t(path.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
        QVERIFY(QFile::exists(name));

        ScreenPopServer server(name);
        QVERIFY(server.listen());
        QSignalSpy popped(&server, &ScreenPopServer::popRequested);
        QVERIFY(sendFromAnotherThread(u"07700900123"_s, name));
        QTRY_COMPARE(popped.size(), 1);
    }

private:
    QTemporaryDir m_dir;
    int m_names = 0;
};

QTEST_MAIN(tst_ScreenPopServer)
#include "tst_ScreenPopServer.moc"
