// The real firstcontact-server over real HTTP, on a fresh PostgreSQL database and on SQLite: login,
// /v1/me, logout; bad requests answered with the right 4xx while the server stays up; two servers on
// one PostgreSQL database sharing users, sessions, throttling and revocations; TLS; plain HTTP refused
// off loopback.

#include "HttpTestClient.h"
#include "ServerProcess.h"
#include "support/PgTestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kPassword = "correct horse battery";

QByteArray loginBody(const QString &user, const QByteArray &password, const QString &device)
{
    return QJsonDocument(QJsonObject { { u"user"_s, user },
                                       { u"password"_s, QString::fromLatin1(password) },
                                       { u"device_id"_s, device },
                                       { u"device_name"_s, u"Integration desk"_s } })
        .toJson(QJsonDocument::Compact);
}

} // namespace

class tst_ServerOverHttp : public QObject {
    Q_OBJECT

private:
    fc::test::PgTestDatabase m_pg;
    QTemporaryDir m_dir;
    QString m_sqliteUrl;
    ServerProcess m_pgServerA;
    ServerProcess m_pgServerB;
    ServerProcess m_sqliteServer;
    HttpTestClient m_http;

    QString baseUrl(const QString &backEnd) const
    {
        return backEnd == u"postgresql"_s ? m_pgServerA.baseUrl() : m_sqliteServer.baseUrl();
    }

    QString login(const QString &base, const QString &user, const QString &device)
    {
        const HttpAnswer answer = m_http.post(base + u"/v1/auth/login"_s, loginBody(user, kPassword, device));
        return answer.status == 200 ? answer.json.value(u"token"_s).toString() : QString();
    }

private slots:
    void initTestCase()
    {
        const Status created = m_pg.create();
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        m_sqliteUrl = u"sqlite:"_s + m_dir.filePath(u"server.sqlite"_s);
        for (const QString &url : { m_pg.url(), m_sqliteUrl }) {
            for (const auto &[name, role] : { std::pair { u"a.khan"_s, u"agent"_s }, std::pair { u"s.lee"_s, u"supervisor"_s },
                                              std::pair { u"t.cole"_s, u"agent"_s } }) {
                const CommandRun added = runServerCommand(
                    url, { u"user"_s, u"add"_s, name, u"--role"_s, role, u"--team"_s, u"contact-centre"_s }, kPassword + '\n');
                QVERIFY2(added.exitCode == 0, qPrintable(added.err));
                QCOMPARE(added.out.trimmed(), u"added user %1 (%2, team contact-centre)"_s.arg(name, role));
            }
        }
        QVERIFY2(m_pgServerA.start(m_pg.url()), qPrintable(m_pgServerA.error()));
        QVERIFY2(m_pgServerB.start(m_pg.url()), qPrintable(m_pgServerB.error()));
        QVERIFY2(m_sqliteServer.start(m_sqliteUrl), qPrintable(m_sqliteServer.error()));
    }

    void cleanupTestCase()
    {
        m_pgServerA.stop();
        m_pgServerB.stop();
        m_sqliteServer.stop();
    }

    void loginMeAndLogout_data()
    {
        QTest::addColumn<QString>("backEnd");
        QTest::newRow("postgresql") << u"postgresql"_s;
        QTest::newRow("sqlite") << u"sqlite"_s;
    }

    void loginMeAndLogout()
    {
        QFETCH(QString, backEnd);
        const QString base = baseUrl(backEnd);
        const HttpAnswer health = m_http.get(base + u"/v1/health"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json, (QJsonObject { { u"status"_s, u"ok"_s }, { u"database"_s, backEnd }, { u"schema_version"_s, 3 } }));

        const HttpAnswer loggedIn = m_http.post(base + u"/v1/auth/login"_s, loginBody(u"a.khan"_s, kPassword, u"desk-" + backEnd));
        QCOMPARE(loggedIn.status, 200);
        const QString token = loggedIn.json.value(u"token"_s).toString();
        QCOMPARE(token.size(), 43);
        QCOMPARE(loggedIn.json.value(u"user"_s).toObject(),
                 (QJsonObject { { u"name"_s, u"a.khan"_s }, { u"role"_s, u"agent"_s }, { u"team"_s, u"contact-centre"_s } }));
        QCOMPARE(loggedIn.header("Cache-Control"), QByteArray("no-store"));

        const HttpAnswer me = m_http.get(base + u"/v1/me"_s, token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(u"user"_s).toObject().value(u"name"_s).toString(), u"a.khan"_s);
        QCOMPARE(me.json.value(u"device_id"_s).toString(), u"desk-" + backEnd);

        QCOMPARE(m_http.post(base + u"/v1/auth/logout"_s, QByteArray(), token).status, 200);
        const HttpAnswer after = m_http.get(base + u"/v1/me"_s, token);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), u"auth.invalid_token"_s);
    }

    void badRequestsGetTheirStatusAndTheServerStaysUp_data() { loginMeAndLogout_data(); }

    void badRequestsGetTheirStatusAndTheServerStaysUp()
    {
        QFETCH(QString, backEnd);
        const QString base = baseUrl(backEnd);
        const QString login = base + u"/v1/auth/login"_s;

        const HttpAnswer malformed = m_http.post(login, "{\"user\": \"a.khan\", ");
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.errorCode(), u"request.malformed_json"_s);
        const HttpAnswer wrongType = m_http.post(login, R"({"user": ["a.khan"], "password": 1, "device_id": "d", "device_name": "n"})");
        QCOMPARE(wrongType.status, 400);
        QCOMPARE(wrongType.errorCode(), u"request.invalid_field"_s);
        QCOMPARE(m_http.post(login, "user=a.khan", QString(), "application/x-www-form-urlencoded").status, 415);

        QByteArray tenMegabytes(10 * 1024 * 1024, ' ');
        tenMegabytes[0] = '{';
        const HttpAnswer huge = m_http.post(login, tenMegabytes);
        QCOMPARE(huge.status, 413);
        QCOMPARE(huge.errorCode(), u"request.too_large"_s);

        const HttpAnswer unknown = m_http.get(base + u"/v1/no/such/route"_s);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), u"route.not_found"_s);
        const HttpAnswer wrongMethod = m_http.send("DELETE", base + u"/v1/me"_s);
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("GET"));
        QCOMPARE(m_http.get(base + u"/v1/me"_s).errorCode(), u"auth.missing_token"_s);

        QCOMPARE(m_http.get(base + u"/v1/health"_s).status, 200);
        QVERIFY(!login.isEmpty());
        QVERIFY(!this->login(base, u"t.cole"_s, u"desk-after-" + backEnd).isEmpty());
    }

    void twoServersOnOnePostgresShareUsersAndSessions()
    {
        const QString a = m_pgServerA.baseUrl();
        const QString b = m_pgServerB.baseUrl();
        QVERIFY(a != b);
        const QString token = login(a, u"s.lee"_s, u"desk-shared"_s);
        QVERIFY(!token.isEmpty());
        const HttpAnswer meAtB = m_http.get(b + u"/v1/me"_s, token);
        QCOMPARE(meAtB.status, 200);
        QCOMPARE(meAtB.json.value(u"user"_s).toObject().value(u"role"_s).toString(), u"supervisor"_s);
        QCOMPARE(m_http.post(b + u"/v1/auth/logout"_s, QByteArray(), token).status, 200);
        QCOMPARE(m_http.get(a + u"/v1/me"_s, token).errorCode(), u"auth.invalid_token"_s);
    }

    void failuresCountedByOneServerThrottleTheOther()
    {
        const QString a = m_pgServerA.baseUrl();
        const QString b = m_pgServerB.baseUrl();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_http.post(a + u"/v1/auth/login"_s, loginBody(u"t.cole"_s, "wrong " + QByteArray::number(i), u"desk-t"_s)).status, 401);
        const HttpAnswer throttled = m_http.post(b + u"/v1/auth/login"_s, loginBody(u"t.cole"_s, kPassword, u"desk-t"_s));
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), u"auth.throttled"_s);
        QVERIFY(throttled.header("Retry-After").toInt() > 0);
    }

    void revokingADeviceStopsItsSessionOnEveryServer()
    {
        const QString token = login(m_pgServerA.baseUrl(), u"a.khan"_s, u"desk-to-revoke"_s);
        QVERIFY(!token.isEmpty());
        const CommandRun listed = runServerCommand(m_pg.url(), { u"device"_s, u"list"_s });
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains(u"desk-to-revoke\ta.khan\tIntegration desk\t"_s));
        const CommandRun revoked = runServerCommand(m_pg.url(), { u"device"_s, u"revoke"_s, u"desk-to-revoke"_s });
        QCOMPARE(revoked.exitCode, 0);
        for (const QString &base : { m_pgServerA.baseUrl(), m_pgServerB.baseUrl() }) {
            const HttpAnswer me = m_http.get(base + u"/v1/me"_s, token);
            QCOMPARE(me.status, 403);
            QCOMPARE(me.errorCode(), u"auth.device_revoked"_s);
        }
    }

    void disablingAUserStopsTheirSessionAtOnce()
    {
        const QString token = login(m_sqliteServer.baseUrl(), u"s.lee"_s, u"desk-s"_s);
        QVERIFY(!token.isEmpty());
        QCOMPARE(runServerCommand(m_sqliteUrl, { u"user"_s, u"disable"_s, u"s.lee"_s }).exitCode, 0);
        const HttpAnswer me = m_http.get(m_sqliteServer.baseUrl() + u"/v1/me"_s, token);
        QCOMPARE(me.status, 403);
        QCOMPARE(me.errorCode(), u"auth.user_disabled"_s);
    }

    void plainHttpOffLoopbackIsRefused()
    {
        const CommandRun refused = runServerCommand(m_sqliteUrl, { u"serve"_s, u"--listen"_s, u"0.0.0.0:0"_s });
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(u"Refusing to serve plain HTTP on 0.0.0.0"_s), qPrintable(refused.err));
    }

    void tlsServesHttpsWithTheGivenCertificate()
    {
        const QString cert = m_dir.filePath(u"cert.pem"_s);
        const QString key = m_dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s, { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                      u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                                      u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s,
                                      u"-keyout"_s, key, u"-out"_s, cert });
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);

        ServerProcess tls;
        QVERIFY2(tls.start(m_sqliteUrl, { u"--tls-cert"_s, cert, u"--tls-key"_s, key }), qPrintable(tls.error()));
        QVERIFY(tls.baseUrl().startsWith(u"https://"_s));
        HttpTestClient https;
        https.setCaCertificates(QSslCertificate::fromPath(cert));
        const HttpAnswer health = https.get(tls.baseUrl() + u"/v1/health"_s);
        QCOMPARE(health.networkError, QNetworkReply::NoError);
        QCOMPARE(health.status, 200);
        const HttpAnswer loggedIn = https.post(tls.baseUrl() + u"/v1/auth/login"_s, loginBody(u"a.khan"_s, kPassword, u"desk-tls"_s));
        QCOMPARE(loggedIn.status, 200);
        // Plain HTTP to the TLS port gets nowhere.
        HttpTestClient plain;
        QVERIFY(plain.get(u"http://127.0.0.1:%1/v1/health"_s.arg(tls.port())).status != 200);
    }
};

QTEST_GUILESS_MAIN(tst_ServerOverHttp)
#include "tst_ServerOverHttp.moc"
