// Role checks and team scope: admins see every team, everyone else their own.

#include "server/TeamScope.h"

#include <QTest>
#include <QVariantList>

using namespace fc::server;
using namespace Qt::StringLiterals;

namespace {

Caller caller(Role role, const QString &team)
{
    Caller c;
    c.user = u"someone"_s;
    c.role = role;
    c.team = team;
    return c;
}

} // namespace

class tst_TeamScope : public QObject {
    Q_OBJECT

private slots:
    void anAdminReachesEveryTeam()
    {
        const TeamScope scope = TeamScope::of(caller(Role::Admin, u"back-office"_s));
        QVERIFY(scope.allTeams());
        QVERIFY(scope.includes(u"waste-services"_s));
        QVERIFY(scope.require(u"waste-services"_s).ok());
        QVariantList values;
        QCOMPARE(scope.sqlTeamFilter(u"team"_s, values), u"1 = 1"_s);
        QVERIFY(values.isEmpty());
    }

    void everyoneElseReachesTheirOwnTeamOnly_data()
    {
        QTest::addColumn<int>("role");
        QTest::newRow("agent") << int(Role::Agent);
        QTest::newRow("counter") << int(Role::Counter);
        QTest::newRow("supervisor") << int(Role::Supervisor);
    }

    void everyoneElseReachesTheirOwnTeamOnly()
    {
        QFETCH(int, role);
        const TeamScope scope = TeamScope::of(caller(Role(role), u"contact-centre"_s));
        QVERIFY(!scope.allTeams());
        QVERIFY(scope.includes(u"contact-centre"_s));
        QVERIFY(!scope.includes(u"waste-services"_s));
        QCOMPARE(scope.require(u"waste-services"_s).error().code, u"auth.wrong_team"_s);
        QVariantList values;
        QCOMPARE(scope.sqlTeamFilter(u"c.team"_s, values), u"c.team = ?"_s);
        QCOMPARE(values, QVariantList { u"contact-centre"_s });
    }

    void aRoleOutsideTheAllowedListIsRefused()
    {
        QVERIFY(requireRole(caller(Role::Supervisor, u"t"_s), { Role::Supervisor, Role::Admin }).ok());
        const fc::Status refused = requireRole(caller(Role::Agent, u"t"_s), { Role::Supervisor, Role::Admin });
        QCOMPARE(refused.error().code, u"auth.forbidden_role"_s);
        QCOMPARE(refused.error().message, u"Your role (agent) may not do this; it needs one of: supervisor, admin."_s);
    }

    void roleKeysRoundTrip()
    {
        for (Role role : allRoles())
            QCOMPARE(roleFromKey(roleKey(role)), std::optional<Role>(role));
        QCOMPARE(roleFromKey(u"Admin"_s), std::optional<Role>());
        QCOMPARE(roleKey(Role::Counter), u"counter"_s);
    }
};

QTEST_GUILESS_MAIN(tst_TeamScope)
#include "tst_TeamScope.moc"
