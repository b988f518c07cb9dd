// The API's handlers called directly on SQLite (no HTTP): login, sessions, throttling, refusals and
// every kind of bad input, each with its status and error code.

#include "ServerTestSupport.h"
#include "server/ApiDispatcher.h"
#include "server/AuthService.h"
#include "server/DeviceStore.h"
#include "server/ServerRoutes.h"
#include "server/SessionToken.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"correct horse battery"_s;

} // namespace

class tst_AuthApi : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<RouteTable> m_routes;
    std::unique_ptr<ApiDispatcher> m_api;
    QDateTime m_now = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

    ApiResponse call(const QString &method, const QString &path, const QByteArray &body = QByteArray(),
                     const QString &token = QString(), const QByteArray &contentType = "application/json",
                     const QString &address = u"10.0.0.1"_s)
    {
        ApiRequest request;
        request.method = method;
        request.path = path;
        request.body = body;
        request.remoteAddress = address;
        if (!body.isEmpty())
            request.headers.insert("content-type", contentType);
        if (!token.isEmpty())
            request.headers.insert("authorization", "Bearer " + token.toLatin1());
        return m_api->dispatch(request);
    }

    static QByteArray loginBody(const QString &user, const QString &password, const QString &device = u"desk-1"_s)
    {
        return QJsonDocument(QJsonObject { { u"user"_s, user },
                                           { u"password"_s, password },
                                           { u"device_id"_s, device },
                                           { u"device_name"_s, u"Desk 1, Civic Centre"_s } })
            .toJson(QJsonDocument::Compact);
    }

    ApiResponse login(const QString &user, const QString &password, const QString &device = u"desk-1"_s,
                      const QString &address = u"10.0.0.1"_s)
    {
        return call(u"POST"_s, u"/v1/auth/login"_s, loginBody(user, password, device), QString(), "application/json",
                    address);
    }

    QString tokenOf(const ApiResponse &response) { return response.json.value(u"token"_s).toString(); }

private slots:
    void init()
    {
        m_api.reset();
        m_routes.reset();
        m_auth.reset();
        m_db = test::openMigratedSqlite(m_dir.filePath(u"auth%1.sqlite"_s.arg(++m_counter)));
        QVERIFY(m_db);
        QVERIFY(test::addTestUser(*m_db, u"a.khan"_s, Role::Agent, u"contact-centre"_s, kPassword).ok());
        QVERIFY(test::addTestUser(*m_db, u"r.admin"_s, Role::Admin, u"back-office"_s, kPassword).ok());
        AuthPolicy policy;
        policy.passwordCost = PasswordCost::minimum();
        policy.sessionLifetime = std::chrono::hours(1);
        m_auth = std::make_unique<AuthService>(*m_db, policy, [this] { return m_now; });
        Result<RouteTable> routes = buildServerRoutes(*m_auth, *m_db);
        QVERIFY(routes.ok());
        m_routes = std::make_unique<RouteTable>(routes.value());
        // A route only admins may call, and one that echoes its JSON body, to test the dispatcher's checks.
        Route adminOnly;
        adminOnly.method = u"GET"_s;
        adminOnly.path = u"/v1/test/admin-only"_s;
        adminOnly.roles = { Role::Admin };
        adminOnly.handler = [](const ApiCall &) { return Result<ApiResponse>(ApiResponse::ok({ { u"ok"_s, true } })); };
        QVERIFY(m_routes->add(adminOnly).ok());
        m_api = std::make_unique<ApiDispatcher>(*m_routes, *m_auth, *m_db);
    }

    void cleanup()
    {
        m_api.reset();
        m_routes.reset();
        m_auth.reset();
        m_db.reset();
    }

    void loginReturnsATokenItsExpiryAndTheUser()
    {
        const ApiResponse response = login(u"a.khan"_s, kPassword);
        QCOMPARE(response.status, 200);
        const QString token = tokenOf(response);
        QCOMPARE(token.size(), 43);
        QVERIFY(SessionToken::looksValid(token));
        QCOMPARE(response.json.value(u"expires_at"_s).toString(), u"2026-03-02T10:00:00Z"_s);
        QCOMPARE(response.json.value(u"user"_s).toObject(),
                 (QJsonObject { { u"name"_s, u"a.khan"_s }, { u"role"_s, u"agent"_s }, { u"team"_s, u"contact-centre"_s } }));
        // Only the token's hash is stored.
        QCOMPARE(m_db->scalar(u"SELECT token_hash FROM sessions"_s).value().toString(), SessionToken::hash(token));
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM sessions WHERE token_hash = ?"_s, { token }).value().toInt(), 0);
        QCOMPARE(m_db->scalar(u"SELECT name FROM devices WHERE id = 'desk-1'"_s).value().toString(),
                 u"Desk 1, Civic Centre"_s);
    }

    void meAnswersWithTheSessionsUserAndDevice()
    {
        const QString token = tokenOf(login(u"a.khan"_s, kPassword));
        const ApiResponse me = call(u"GET"_s, u"/v1/me"_s, QByteArray(), token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(u"user"_s).toObject().value(u"name"_s).toString(), u"a.khan"_s);
        QCOMPARE(me.json.value(u"device_id"_s).toString(), u"desk-1"_s);
        QCOMPARE(me.json.value(u"expires_at"_s).toString(), u"2026-03-02T10:00:00Z"_s);
    }

    void aWrongPasswordAndAnUnknownUserGetTheSame401()
    {
        const ApiResponse wrong = login(u"a.khan"_s, u"not the password"_s);
        const ApiResponse unknown = login(u"nobody"_s, kPassword);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), u"auth.invalid_credentials"_s);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.json, wrong.json);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM login_failures"_s).value().toInt(), 2);
    }

    void fiveFailuresThrottleTheUserFor15Minutes()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(u"a.khan"_s, u"guess %1"_s.arg(i)).status, 401);
        const ApiResponse throttled = login(u"a.khan"_s, kPassword); // even the right password
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), u"auth.throttled"_s);
        QCOMPARE(throttled.header("Retry-After"), QByteArray("900"));
        QVERIFY(throttled.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"15 minute"_s));
        // Another user from the same address is not affected.
        QCOMPARE(login(u"r.admin"_s, kPassword, u"desk-2"_s).status, 200);

        m_now = m_now.addSecs(14 * 60);
        QCOMPARE(login(u"a.khan"_s, kPassword).header("Retry-After"), QByteArray("60"));
        m_now = m_now.addSecs(60);
        QCOMPARE(login(u"a.khan"_s, kPassword).status, 200);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM login_failures WHERE user_name = 'a.khan'"_s).value().toInt(), 0);
    }

    void twentyFailuresFromOneAddressThrottleEveryUserThere()
    {
        for (int i = 0; i < 20; ++i)
            QCOMPARE(login(u"user%1"_s.arg(i), kPassword, u"desk-1"_s, u"192.0.2.7"_s).status, 401);
        const ApiResponse throttled = login(u"a.khan"_s, kPassword, u"desk-1"_s, u"192.0.2.7"_s);
        QCOMPARE(throttled.status, 429);
        QVERIFY(throttled.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"address"_s));
        QCOMPARE(login(u"a.khan"_s, kPassword, u"desk-1"_s, u"192.0.2.8"_s).status, 200);
    }

    void aDisabledUserIsRefusedAtOnce()
    {
        const QString token = tokenOf(login(u"a.khan"_s, kPassword));
        QCOMPARE(call(u"GET"_s, u"/v1/me"_s, QByteArray(), token).status, 200);
        QVERIFY(UserStore(*m_db).setDisabled(u"a.khan"_s, true).ok());

        const ApiResponse me = call(u"GET"_s, u"/v1/me"_s, QByteArray(), token);
        QCOMPARE(me.status, 403);
        QCOMPARE(me.errorCode(), u"auth.user_disabled"_s);
        const ApiResponse again = login(u"a.khan"_s, kPassword);
        QCOMPARE(again.status, 403);
        QCOMPARE(again.errorCode(), u"auth.user_disabled"_s);
        // A wrong password says nothing about the account being disabled.
        QCOMPARE(login(u"a.khan"_s, u"wrong password"_s).errorCode(), u"auth.invalid_credentials"_s);
    }

    void aRevokedDeviceIsRefusedAtOnce()
    {
        const QString token = tokenOf(login(u"a.khan"_s, kPassword));
        QVERIFY(DeviceStore(*m_db).revoke(u"desk-1"_s, m_now).ok());

        const ApiResponse me = call(u"GET"_s, u"/v1/me"_s, QByteArray(), token);
        QCOMPARE(me.status, 403);
        QCOMPARE(me.errorCode(), u"auth.device_revoked"_s);
        QCOMPARE(login(u"a.khan"_s, kPassword).errorCode(), u"auth.device_revoked"_s);
        QCOMPARE(login(u"a.khan"_s, kPassword, u"desk-2"_s).status, 200);
        QCOMPARE(DeviceStore(*m_db).revoke(u"no-such-device"_s, m_now).error().code, u"device.unknown"_s);
    }

    void aDeviceRegisteredToAnotherUserIsRefused()
    {
        QCOMPARE(login(u"a.khan"_s, kPassword, u"desk-1"_s).status, 200);
        const ApiResponse other = login(u"r.admin"_s, kPassword, u"desk-1"_s);
        QCOMPARE(other.status, 403);
        QCOMPARE(other.errorCode(), u"auth.device_other_user"_s);
    }

    void registeringAnotherUsersDeviceIsRefusedEvenPastTheOwnershipCheck()
    {
        // What a second server racing the first login would do: write without having seen the owner.
        DeviceStore devices(*m_db);
        QVERIFY(devices.registerLogin(u"desk-9"_s, u"a.khan"_s, u"Counter 9"_s, m_now).ok());
        const Status raced = devices.registerLogin(u"desk-9"_s, u"r.admin"_s, u"Mine now"_s, m_now.addSecs(5));
        QVERIFY(!raced.ok());
        QCOMPARE(raced.error().code, u"auth.device_other_user"_s);
        const auto device = devices.find(u"desk-9"_s);
        QVERIFY(device.ok() && device.value().has_value());
        QCOMPARE(device.value()->user, u"a.khan"_s);
        QCOMPARE(device.value()->name, u"Counter 9"_s);
        QVERIFY(devices.registerLogin(u"desk-9"_s, u"a.khan"_s, u"Counter 9b"_s, m_now.addSecs(9)).ok());
    }

    void anExpiredTokenIsRefusedWith401()
    {
        const QString token = tokenOf(login(u"a.khan"_s, kPassword));
        m_now = m_now.addSecs(3599);
        QCOMPARE(call(u"GET"_s, u"/v1/me"_s, QByteArray(), token).status, 200);
        m_now = m_now.addSecs(1);
        const ApiResponse expired = call(u"GET"_s, u"/v1/me"_s, QByteArray(), token);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), u"auth.token_expired"_s);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM sessions"_s).value().toInt(), 0);
    }

    void missingAndForgedTokensAreRefusedWith401()
    {
        QCOMPARE(call(u"GET"_s, u"/v1/me"_s).errorCode(), u"auth.missing_token"_s);
        QCOMPARE(call(u"GET"_s, u"/v1/me"_s).status, 401);
        QCOMPARE(call(u"GET"_s, u"/v1/me"_s, QByteArray(), u"short"_s).errorCode(), u"auth.invalid_token"_s);
        const QString forged = SessionToken::generate().value();
        QCOMPARE(call(u"GET"_s, u"/v1/me"_s, QByteArray(), forged).errorCode(), u"auth.invalid_token"_s);
        ApiRequest basic;
        basic.method = u"GET"_s;
        basic.path = u"/v1/me"_s;
        basic.headers.insert("authorization", "Basic YTpi");
        QCOMPARE(m_api->dispatch(basic).errorCode(), u"auth.missing_token"_s);
    }

    void aRouteRefusesARoleItDoesNotAdmitWith403()
    {
        const QString agent = tokenOf(login(u"a.khan"_s, kPassword));
        const ApiResponse refused = call(u"GET"_s, u"/v1/test/admin-only"_s, QByteArray(), agent);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"auth.forbidden_role"_s);
        const QString admin = tokenOf(login(u"r.admin"_s, kPassword, u"desk-9"_s));
        QCOMPARE(call(u"GET"_s, u"/v1/test/admin-only"_s, QByteArray(), admin).status, 200);
    }

    void logoutEndsTheSession()
    {
        const QString token = tokenOf(login(u"a.khan"_s, kPassword));
        const ApiResponse out = call(u"POST"_s, u"/v1/auth/logout"_s, QByteArray(), token);
        QCOMPARE(out.status, 200);
        QCOMPARE(out.json.value(u"logged_out"_s).toBool(), true);
        QCOMPARE(call(u"GET"_s, u"/v1/me"_s, QByteArray(), token).errorCode(), u"auth.invalid_token"_s);
    }

    void malformedJsonIsRefusedWith400()
    {
        const ApiResponse truncated = call(u"POST"_s, u"/v1/auth/login"_s, "{\"user\": \"a.khan\", \"pass");
        QCOMPARE(truncated.status, 400);
        QCOMPARE(truncated.errorCode(), u"request.malformed_json"_s);
        const ApiResponse array = call(u"POST"_s, u"/v1/auth/login"_s, "[1, 2]");
        QCOMPARE(array.status, 400);
        QCOMPARE(array.errorCode(), u"request.not_an_object"_s);
        QCOMPARE(call(u"POST"_s, u"/v1/auth/login"_s, "\xff\xfe{}").errorCode(), u"request.malformed_json"_s);
    }

    void wrongTypesAndMissingFieldsAreRefusedWith400()
    {
        const ApiResponse number = call(u"POST"_s, u"/v1/auth/login"_s,
                                        R"({"user": 42, "password": "x", "device_id": "d", "device_name": "n"})");
        QCOMPARE(number.status, 400);
        QCOMPARE(number.errorCode(), u"request.invalid_field"_s);
        QVERIFY(number.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"'user'"_s));
        const ApiResponse missing = call(u"POST"_s, u"/v1/auth/login"_s, R"({"user": "a.khan", "device_id": "d", "device_name": "n"})");
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.errorCode(), u"request.missing_field"_s);
        QVERIFY(missing.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"'password'"_s));
        const ApiResponse badDevice = login(u"a.khan"_s, kPassword, u"desk 1/../x"_s);
        QCOMPARE(badDevice.status, 400);
        QCOMPARE(badDevice.errorCode(), u"account.bad_device_id"_s);
        const ApiResponse longPassword = login(u"a.khan"_s, QString(1025, u'x'));
        QCOMPARE(longPassword.status, 400);
        QCOMPARE(longPassword.errorCode(), u"request.invalid_field"_s);
        QCOMPARE(m_db->scalar(u"SELECT count(*) FROM login_failures"_s).value().toInt(), 0);
    }

    void aBodyOverTheRoutesCapIsRefusedWith413()
    {
        QByteArray body = loginBody(u"a.khan"_s, kPassword);
        body.append(QByteArray(8 * 1024 + 1 - body.size(), ' '));
        const ApiResponse refused = call(u"POST"_s, u"/v1/auth/login"_s, body);
        QCOMPARE(refused.status, 413);
        QCOMPARE(refused.errorCode(), u"request.too_large"_s);
        body.chop(1);
        QCOMPARE(call(u"POST"_s, u"/v1/auth/login"_s, body).status, 200);
    }

    void aBodyThatIsNotJsonIsRefusedWith415()
    {
        const QByteArray body = loginBody(u"a.khan"_s, kPassword);
        QCOMPARE(call(u"POST"_s, u"/v1/auth/login"_s, body, QString(), "text/plain").status, 415);
        QCOMPARE(call(u"POST"_s, u"/v1/auth/login"_s, body, QString(), "application/x-www-form-urlencoded").errorCode(),
                 u"request.unsupported_media_type"_s);
        QCOMPARE(call(u"POST"_s, u"/v1/auth/login"_s, body, QString(), "application/json; charset=latin1").status, 415);
        QCOMPARE(call(u"POST"_s, u"/v1/auth/login"_s, body, QString(), "Application/JSON; charset=UTF-8").status, 200);
    }

    void unknownFieldsAreIgnored()
    {
        QJsonObject body = QJsonDocument::fromJson(loginBody(u"a.khan"_s, kPassword)).object();
        body.insert(u"remember_me"_s, true);
        body.insert(u"client"_s, QJsonObject { { u"version"_s, u"9.9"_s } });
        const ApiResponse response = call(u"POST"_s, u"/v1/auth/login"_s, QJsonDocument(body).toJson());
        QCOMPARE(response.status, 200);
    }

    void unknownRoutesAre404AndWrongMethods405()
    {
        const ApiResponse missing = call(u"GET"_s, u"/v1/nothing-here"_s);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), u"route.not_found"_s);
        const ApiResponse wrongMethod = call(u"GET"_s, u"/v1/auth/login"_s);
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.errorCode(), u"route.method_not_allowed"_s);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST"));
    }

    void healthNeedsNoSessionAndReportsTheSchema()
    {
        const ApiResponse health = call(u"GET"_s, u"/v1/health"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json, (QJsonObject { { u"status"_s, u"ok"_s }, { u"database"_s, u"sqlite"_s },
                                             { u"schema_version"_s, 3 } }));
    }

    void aHashWithAnOlderCostIsReplacedAtLogin()
    {
        AuthPolicy policy;
        policy.passwordCost = PasswordCost::interactive();
        AuthService stronger(*m_db, policy, [this] { return m_now; });
        const QString before = UserStore(*m_db).find(u"a.khan"_s).value()->passwordHash;
        QVERIFY(before.startsWith(u"$argon2id$v=19$m=8,t=1,p=1$"_s));
        LoginAttempt attempt { u"a.khan"_s, kPassword, u"desk-1"_s, u"Desk 1"_s, u"10.0.0.1"_s };
        QVERIFY(stronger.login(attempt).ok());
        const QString after = UserStore(*m_db).find(u"a.khan"_s).value()->passwordHash;
        QVERIFY2(after.startsWith(u"$argon2id$v=19$m=65536,t=2,p=1$"_s), qPrintable(after));
        QVERIFY(stronger.login(attempt).ok()); // and the new hash verifies
    }

    void aDatabaseErrorAnswers500WithoutItsDetails()
    {
        QVERIFY(m_db->run(u"DROP TABLE login_failures"_s).ok());
        const ApiResponse failed = login(u"a.khan"_s, kPassword);
        QCOMPARE(failed.status, 500);
        QCOMPARE(failed.errorCode(), u"server.internal"_s);
        QVERIFY(!failed.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"login_failures"_s));
        QCOMPARE(call(u"GET"_s, u"/v1/health"_s).status, 200);
    }

    void aLostDatabaseConnectionAnswers503AndIsReopened()
    {
        const QString token = tokenOf(login(u"a.khan"_s, kPassword));
        m_db->database().close(); // as after a database restart
        const ApiResponse lost = call(u"GET"_s, u"/v1/me"_s, QByteArray(), token);
        QCOMPARE(lost.status, 503);
        QCOMPARE(lost.errorCode(), u"db.unavailable"_s);
        QCOMPARE(lost.header("Retry-After"), QByteArray("5"));
        QCOMPARE(call(u"GET"_s, u"/v1/me"_s, QByteArray(), token).status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_AuthApi)
#include "tst_AuthApi.moc"
