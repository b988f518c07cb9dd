// The HTTP layer over real sockets, in process: answers, keep-alive, and the limits ConnectionGuard adds
// to Qt HttpServer 6.4 (early 413, 431, 400 for broken HTTP, 408, idle close).

#include "ServerTestSupport.h"
#include "server/ApiDispatcher.h"
#include "server/AuthService.h"
#include "server/HttpFrontEnd.h"
#include "server/ServerRoutes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

struct Reply {
    int status = 0;
    QByteArray head;
    QByteArray body;
    QString errorCode() const
    {
        return QJsonDocument::fromJson(body).object().value(u"error"_s).toObject().value(u"code"_s).toString();
    }
};

// Splits what a connection received into responses, using Content-Length; interim 1xx have no body.
QList<Reply> parseReplies(const QByteArray &bytes)
{
    QList<Reply> replies;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype end = bytes.indexOf("\r\n\r\n", at);
        if (end < 0)
            break;
        Reply reply;
        reply.head = bytes.mid(at, end - at);
        reply.status = reply.head.mid(9, 3).toInt();
        qsizetype length = 0;
        for (const QByteArray &line : reply.head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (end + 4 + length > bytes.size())
            break;
        reply.body = bytes.mid(end + 4, length);
        replies.append(reply);
        at = end + 4 + length;
    }
    return replies;
}

// A raw client: what it writes goes out as is, what comes back is collected.
class RawClient {
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QIODevice::readyRead, [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QAbstractSocket::disconnected, [this] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    void send(const QByteArray &bytes) { socket.write(bytes); }
    QList<Reply> replies() const { return parseReplies(received); }

    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
};

QByteArray loginRequest(const QByteArray &extraHeaders = QByteArray())
{
    const QByteArray body = R"({"user":"a.khan","password":"correct horse battery","device_id":"d1","device_name":"Desk"})";
    return "POST /v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

} // namespace

class tst_HttpFrontEnd : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<RouteTable> m_routes;
    std::unique_ptr<ApiDispatcher> m_api;
    std::unique_ptr<HttpFrontEnd> m_http;
    quint16 m_port = 0;

    void startServer(GuardLimits limits)
    {
        m_http = std::make_unique<HttpFrontEnd>(*m_api, HttpFrontEndOptions { limits, {} });
        Result<quint16> port = m_http->start(ListenAddress::parse(u"127.0.0.1:0"_s).value(), std::nullopt);
        QVERIFY(port.ok());
        m_port = port.value();
    }

    static GuardLimits quickLimits()
    {
        GuardLimits limits;
        limits.maxHeaderBytes = 2048;
        limits.headerTimeout = std::chrono::milliseconds(300);
        limits.drainTimeout = std::chrono::milliseconds(300);
        return limits;
    }

private slots:
    void initTestCase()
    {
        m_db = test::openMigratedSqlite(m_dir.filePath(u"http.sqlite"_s));
        QVERIFY(m_db);
        QVERIFY(test::addTestUser(*m_db, u"a.khan"_s, Role::Agent, u"contact-centre"_s, u"correct horse battery"_s).ok());
        AuthPolicy policy;
        policy.passwordCost = PasswordCost::minimum();
        m_auth = std::make_unique<AuthService>(*m_db, policy);
        m_routes = std::make_unique<RouteTable>(buildServerRoutes(*m_auth, *m_db).value());
        m_api = std::make_unique<ApiDispatcher>(*m_routes, *m_auth, *m_db);
    }

    void init() { startServer(quickLimits()); }
    void cleanup() { m_http.reset(); }

    void cleanupTestCase()
    {
        m_api.reset();
        m_routes.reset();
        m_auth.reset();
        m_db.reset();
    }

    void requestsOnOneConnectionAreAnsweredInTurn()
    {
        RawClient client(m_port);
        client.send("GET /v1/health HTTP/1.1\r\nHost: test\r\n\r\n");
        QTRY_COMPARE(client.replies().size(), 1);
        client.send(loginRequest());
        QTRY_COMPARE(client.replies().size(), 2);
        const QList<Reply> replies = client.replies();
        QCOMPARE(replies.at(0).status, 200);
        QVERIFY(replies.at(0).head.contains("Content-Type: application/json; charset=utf-8"));
        QVERIFY(replies.at(0).head.contains("Cache-Control: no-store"));
        QCOMPARE(replies.at(1).status, 200);
        QCOMPARE(QJsonDocument::fromJson(replies.at(1).body).object().value(u"token"_s).toString().size(), 43);
        QVERIFY(!client.closed);
    }

    void aDeclaredBodyOverTheCapIsRefusedBeforeItIsSent()
    {
        RawClient client(m_port);
        client.send("POST /v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    "Content-Length: 10485760\r\n\r\n");
        QTRY_COMPARE(client.replies().size(), 1);
        QCOMPARE(client.replies().first().status, 413);
        QCOMPARE(client.replies().first().errorCode(), u"request.too_large"_s);
        QVERIFY(client.replies().first().head.contains("Connection: close"));
        QTRY_VERIFY(client.closed);
    }

    void aChunkedBodyGrowingPastTheCapIsRefused()
    {
        RawClient client(m_port);
        client.send("POST /v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = "1000\r\n" + QByteArray(4096, ' ') + "\r\n";
        for (int i = 0; i < 4 && client.replies().isEmpty(); ++i) {
            client.send(chunk);
            QTest::qWait(50);
        }
        QTRY_COMPARE(client.replies().size(), 1);
        QCOMPARE(client.replies().first().status, 413);
        QTRY_VERIFY(client.closed);
    }

    void expectContinueIsAnsweredOnceBeforeTheBody()
    {
        RawClient client(m_port);
        QByteArray request = loginRequest("Expect: 100-continue\r\n");
        const qsizetype bodyAt = request.indexOf("\r\n\r\n") + 4;
        client.send(request.left(bodyAt));
        QTRY_VERIFY(client.received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
        client.send(request.mid(bodyAt));
        QTRY_VERIFY(client.replies().size() >= 2 && client.replies().last().status == 200);
        QCOMPARE(client.replies().size(), 2);
        QCOMPARE(client.replies().first().status, 100);
    }

    void aDeclaredBodyOverTheCapGetsNo100Continue()
    {
        RawClient client(m_port);
        client.send("POST /v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    "Content-Length: 10485760\r\nExpect: 100-continue\r\n\r\n");
        QTRY_VERIFY(client.closed);
        QCOMPARE(client.replies().size(), 1);
        QCOMPARE(client.replies().first().status, 413);
    }

    void headersOverTheLimitAre431()
    {
        RawClient client(m_port);
        client.send("GET /v1/health HTTP/1.1\r\nHost: test\r\nX-Padding: " + QByteArray(3000, 'x') + "\r\n\r\n");
        QTRY_COMPARE(client.replies().size(), 1);
        QCOMPARE(client.replies().first().status, 431);
        QCOMPARE(client.replies().first().errorCode(), u"request.headers_too_large"_s);
        QTRY_VERIFY(client.closed);
    }

    void aRequestLineThatIsNotHttpIs400()
    {
        RawClient client(m_port);
        client.send("HELLO THERE\r\n\r\n");
        QTRY_COMPARE(client.replies().size(), 1);
        QCOMPARE(client.replies().first().status, 400);
        QCOMPARE(client.replies().first().errorCode(), u"request.malformed"_s);
        QTRY_VERIFY(client.closed);
    }

    void bothFramingsAtOnceAre400()
    {
        RawClient client(m_port);
        client.send("POST /v1/auth/login HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTRY_COMPARE(client.replies().size(), 1);
        QCOMPARE(client.replies().first().status, 400);
    }

    void aBrokenChunkedBodyIsAnswered400()
    {
        RawClient client(m_port);
        client.send("POST /v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\nZZ\r\nnot hex\r\n");
        QTRY_VERIFY(!client.replies().isEmpty());
        QCOMPARE(client.replies().first().status, 400);
    }

    void upgradesAreRefusedWith400()
    {
        RawClient client(m_port);
        client.send("GET /v1/health HTTP/1.1\r\nHost: test\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
        QTRY_COMPARE(client.replies().size(), 1);
        QCOMPARE(client.replies().first().status, 400);
        QTRY_VERIFY(client.closed);
    }

    void aRequestThatStopsArrivingGets408()
    {
        RawClient client(m_port);
        client.send("GET /v1/health HTTP/1.1\r\nHo");
        QTRY_COMPARE(client.replies().size(), 1);
        QCOMPARE(client.replies().first().status, 408);
        QCOMPARE(client.replies().first().errorCode(), u"request.timeout"_s);
        QTRY_VERIFY(client.closed);
    }

    void connectionCloseIsHonoured()
    {
        RawClient client(m_port);
        client.send("GET /v1/health HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
        QTRY_VERIFY(client.closed);
        QCOMPARE(client.replies().size(), 1);
        QCOMPARE(client.replies().first().status, 200);
        QVERIFY(client.replies().first().head.contains("Connection: close"));
    }

    void idleConnectionsAreClosed()
    {
        GuardLimits limits = quickLimits();
        limits.idleTimeout = std::chrono::milliseconds(200);
        startServer(limits);
        RawClient client(m_port);
        client.send("GET /v1/health HTTP/1.1\r\nHost: test\r\n\r\n");
        QTRY_COMPARE(client.replies().size(), 1);
        QTRY_VERIFY(client.closed);
    }

    void theServerStillAnswersAfterEveryRefusal()
    {
        for (const QByteArray &bad : { QByteArray("NONSENSE\r\n\r\n"), QByteArray("GET /v1/health HTTP/9.9\r\n\r\n"),
                                       QByteArray("POST /v1/auth/login HTTP/1.1\r\nContent-Length: -1\r\n\r\n") }) {
            RawClient client(m_port);
            client.send(bad);
            QTRY_COMPARE(client.replies().size(), 1);
            QCOMPARE(client.replies().first().status, 400);
        }
        RawClient healthy(m_port);
        healthy.send("GET /v1/health HTTP/1.1\r\nHost: test\r\n\r\n");
        QTRY_COMPARE(healthy.replies().size(), 1);
        QCOMPARE(healthy.replies().first().status, 200);
    }

    void plainHttpIsRefusedOffLoopback()
    {
        HttpFrontEnd http(*m_api, HttpFrontEndOptions {});
        QCOMPARE(http.start(ListenAddress::parse(u"0.0.0.0:0"_s).value(), std::nullopt).error().code,
                 u"serve.plain_http_not_loopback"_s);
    }

    void forwardedForIsBelievedOnlyFromTrustedProxies()
    {
        const QHostAddress proxy(u"10.1.1.1"_s);
        const QList<QHostAddress> trusted { proxy, QHostAddress(u"10.1.1.2"_s) };
        QCOMPARE(HttpFrontEnd::clientAddress(QHostAddress(u"203.0.113.5"_s), "198.51.100.7", trusted), u"203.0.113.5"_s);
        QCOMPARE(HttpFrontEnd::clientAddress(proxy, "198.51.100.7", trusted), u"198.51.100.7"_s);
        // A client can put anything first; only the hop our proxies added counts.
        QCOMPARE(HttpFrontEnd::clientAddress(proxy, "1.2.3.4, 198.51.100.7, 10.1.1.2", trusted), u"198.51.100.7"_s);
        QCOMPARE(HttpFrontEnd::clientAddress(proxy, "", trusted), u"10.1.1.1"_s);
        QCOMPARE(HttpFrontEnd::clientAddress(proxy, "garbage", trusted), u"10.1.1.1"_s);
    }
};

QTEST_GUILESS_MAIN(tst_HttpFrontEnd)
#include "tst_HttpFrontEnd.moc"
