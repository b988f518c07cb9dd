// Routing by path (exact, or with {name} segments) and method, and the rules every route must follow.

#include "server/ApiResponse.h"
#include "server/RouteTable.h"

#include <QTest>

using namespace fc;
using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

Route route(const QString &method, const QString &path, QList<Role> roles = allRoles())
{
    Route r;
    r.method = method;
    r.path = path;
    r.roles = std::move(roles);
    r.handler = [](const ApiCall &) { return Result<ApiResponse>(ApiResponse::ok({})); };
    return r;
}

} // namespace

class tst_RouteTable : public QObject {
    Q_OBJECT

private slots:
    void aRouteIsFoundByMethodAndPath()
    {
        RouteTable table;
        QVERIFY(table.add(route(u"GET"_s, u"/v1/me"_s)).ok());
        QVERIFY(table.add(route(u"POST"_s, u"/v1/me"_s)).ok());
        const RouteTable::Match match = table.find(u"POST"_s, u"/v1/me"_s);
        QVERIFY(match.route);
        QCOMPARE(match.route->method, u"POST"_s);
    }

    void aKnownPathWithAnotherMethodListsTheAllowedOnes()
    {
        RouteTable table;
        QVERIFY(table.add(route(u"GET"_s, u"/v1/me"_s)).ok());
        QVERIFY(table.add(route(u"PUT"_s, u"/v1/me"_s)).ok());
        const RouteTable::Match match = table.find(u"DELETE"_s, u"/v1/me"_s);
        QVERIFY(!match.route);
        QCOMPARE(match.allowedMethods, (QStringList { u"GET"_s, u"PUT"_s }));
    }

    void pathsMatchExactly()
    {
        RouteTable table;
        QVERIFY(table.add(route(u"GET"_s, u"/v1/me"_s)).ok());
        QVERIFY(!table.find(u"GET"_s, u"/v1/me/"_s).route);
        QVERIFY(!table.find(u"GET"_s, u"/V1/ME"_s).route);
        QVERIFY(table.find(u"GET"_s, u"/v1/me/"_s).allowedMethods.isEmpty());
    }

    void aPatternSegmentMatchesOneSegmentAndNamesIt()
    {
        RouteTable table;
        QVERIFY(table.add(route(u"POST"_s, u"/v1/scripts/{id}/{version}/publish"_s)).ok());
        const RouteTable::Match match = table.find(u"POST"_s, u"/v1/scripts/waste-missed-bin/3/publish"_s);
        QVERIFY(match.route);
        QCOMPARE(match.parameters,
                 (QHash<QString, QString> { { u"id"_s, u"waste-missed-bin"_s }, { u"version"_s, u"3"_s } }));
        QVERIFY(!table.find(u"POST"_s, u"/v1/scripts/waste-missed-bin/publish"_s).route);
        QVERIFY(!table.find(u"POST"_s, u"/v1/scripts//3/publish"_s).route);
        QVERIFY(!table.find(u"POST"_s, u"/v1/scripts/a/3/publish/more"_s).route);
        QCOMPARE(table.find(u"GET"_s, u"/v1/scripts/a/3/publish"_s).allowedMethods, QStringList { u"POST"_s });
    }

    void anExactPathWinsOverAPattern()
    {
        RouteTable table;
        QVERIFY(table.add(route(u"POST"_s, u"/v1/scripts/{id}"_s)).ok());
        QVERIFY(table.add(route(u"POST"_s, u"/v1/scripts/drafts"_s, { Role::Admin })).ok());
        const RouteTable::Match drafts = table.find(u"POST"_s, u"/v1/scripts/drafts"_s);
        QVERIFY(drafts.route);
        QCOMPARE(drafts.route->roles, QList<Role> { Role::Admin });
        QVERIFY(drafts.parameters.isEmpty());
        QCOMPARE(table.find(u"POST"_s, u"/v1/scripts/other"_s).parameters.value(u"id"_s), u"other"_s);
        QCOMPARE(table.add(route(u"POST"_s, u"/v1/scripts/{id}"_s)).error().code, u"route.duplicate"_s);
    }

    void aNonPublicRouteMustNameItsRoles()
    {
        RouteTable table;
        QCOMPARE(table.add(route(u"GET"_s, u"/v1/x"_s, {})).error().code, u"route.no_roles"_s);
        Route open = route(u"GET"_s, u"/v1/health"_s, {});
        open.isPublic = true;
        QVERIFY(table.add(open).ok());
    }

    void duplicatesAndMissingHandlersAreRefused()
    {
        RouteTable table;
        QVERIFY(table.add(route(u"GET"_s, u"/v1/me"_s)).ok());
        QCOMPARE(table.add(route(u"GET"_s, u"/v1/me"_s)).error().code, u"route.duplicate"_s);
        Route empty = route(u"GET"_s, u"/v1/empty"_s);
        empty.handler = nullptr;
        QCOMPARE(table.add(empty).error().code, u"route.no_handler"_s);
    }

    void unknownRoutesGetTheFallbackLimits()
    {
        RouteTable table;
        Route big = route(u"POST"_s, u"/v1/big"_s);
        big.limits = RouteLimits { 1 << 20, std::chrono::seconds(60) };
        QVERIFY(table.add(big).ok());
        table.setFallbackLimits(RouteLimits { 4096, std::chrono::seconds(3) });
        QCOMPARE(table.limitsFor(u"POST"_s, u"/v1/big"_s).maxBodyBytes, qint64(1 << 20));
        QCOMPARE(table.limitsFor(u"POST"_s, u"/v1/other"_s).maxBodyBytes, qint64(4096));
        QCOMPARE(table.limitsFor(u"GET"_s, u"/v1/big"_s).timeout, std::chrono::milliseconds(3000));
    }

    void errorCodesMapToTheirStatus_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("bad json") << u"request.malformed_json"_s << 400;
        QTest::newRow("bad device") << u"account.bad_device_id"_s << 400;
        QTest::newRow("credentials") << u"auth.invalid_credentials"_s << 401;
        QTest::newRow("expired") << u"auth.token_expired"_s << 401;
        QTest::newRow("disabled") << u"auth.user_disabled"_s << 403;
        QTest::newRow("revoked") << u"auth.device_revoked"_s << 403;
        QTest::newRow("role") << u"auth.forbidden_role"_s << 403;
        QTest::newRow("team") << u"auth.wrong_team"_s << 403;
        QTest::newRow("route") << u"route.not_found"_s << 404;
        QTest::newRow("method") << u"route.method_not_allowed"_s << 405;
        QTest::newRow("timeout") << u"request.timeout"_s << 408;
        QTest::newRow("too large") << u"request.too_large"_s << 413;
        QTest::newRow("media") << u"request.unsupported_media_type"_s << 415;
        QTest::newRow("throttled") << u"auth.throttled"_s << 429;
        QTest::newRow("headers") << u"request.headers_too_large"_s << 431;
        QTest::newRow("query") << u"db.query_failed"_s << 500;
        QTest::newRow("down") << u"db.unavailable"_s << 503;
        QTest::newRow("unknown") << u"something.else"_s << 500;
        QTest::newRow("json") << u"json.unknown_field"_s << 400;
        QTest::newRow("cursor") << u"sync.bad_cursor"_s << 400;
        QTest::newRow("epoch") << u"sync.epoch_changed"_s << 409;
    }

    void errorCodesMapToTheirStatus()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QCOMPARE(httpStatusFor(code), status);
        const ApiResponse response = ApiResponse::fromError(makeError(code, u"message"_s));
        QCOMPARE(response.status, status);
        QCOMPARE(response.body(),
                 QByteArray(R"({"error":{"code":")") + code.toLatin1() + QByteArray(R"(","message":"message"}})"));
    }
};

QTEST_GUILESS_MAIN(tst_RouteTable)
#include "tst_RouteTable.moc"
