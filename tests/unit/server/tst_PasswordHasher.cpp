// Argon2id hashes: they verify the right password only, record their cost, and say when to rehash.

#include "server/PasswordHasher.h"

#include <QTest>

using namespace fc::server;
using namespace Qt::StringLiterals;

class tst_PasswordHasher : public QObject {
    Q_OBJECT

private slots:
    void aHashVerifiesOnlyItsOwnPassword()
    {
        const PasswordHasher hasher(PasswordCost::minimum());
        const QString hash = hasher.hash(u"Siân's passphrase ł"_s).value();
        QVERIFY(hash.startsWith(u"$argon2id$v=19$m=8,t=1,p=1$"_s));
        QVERIFY(hasher.verify(hash, u"Siân's passphrase ł"_s));
        QVERIFY(!hasher.verify(hash, u"Sian's passphrase l"_s));
        QVERIFY(!hasher.verify(hash, QString()));
    }

    void theSamePasswordHashesDifferentlyEachTime()
    {
        const PasswordHasher hasher(PasswordCost::minimum());
        QVERIFY(hasher.hash(u"password one"_s).value() != hasher.hash(u"password one"_s).value());
    }

    void interactiveIsTheDefaultCost()
    {
        const PasswordHasher hasher;
        QCOMPARE(hasher.cost().opsLimit, PasswordCost::interactive().opsLimit);
        QCOMPARE(hasher.cost().memLimit, PasswordCost::interactive().memLimit);
        QVERIFY(hasher.hash(u"password one"_s).value().startsWith(u"$argon2id$v=19$m=65536,t=2,p=1$"_s));
    }

    void aHashMadeWithAnotherCostNeedsRehashing()
    {
        const QString cheap = PasswordHasher(PasswordCost::minimum()).hash(u"password one"_s).value();
        QVERIFY(!PasswordHasher(PasswordCost::minimum()).needsRehash(cheap));
        QVERIFY(PasswordHasher(PasswordCost::interactive()).needsRehash(cheap));
        // Still verifies under the new cost: the string carries its own parameters.
        QVERIFY(PasswordHasher(PasswordCost::interactive()).verify(cheap, u"password one"_s));
    }

    void garbageIsNeitherVerifiedNorKept()
    {
        const PasswordHasher hasher(PasswordCost::minimum());
        QVERIFY(!hasher.verify(u"plain text password"_s, u"plain text password"_s));
        QVERIFY(!hasher.verify(QString(), QString()));
        QVERIFY(!hasher.verify(QString(500, u'$'), u"x"_s));
        QVERIFY(hasher.needsRehash(u"$2y$10$bcrypt-looking"_s));
    }

    void passwordsMustBe8To1024Characters()
    {
        QCOMPARE(PasswordHasher::checkAcceptable(u"seven77"_s).error().code, u"auth.password_too_short"_s);
        QVERIFY(PasswordHasher::checkAcceptable(u"eight888"_s).ok());
        QVERIFY(PasswordHasher::checkAcceptable(QString(1024, u'x')).ok());
        QCOMPARE(PasswordHasher::checkAcceptable(QString(1025, u'x')).error().code, u"auth.password_too_long"_s);
    }
};

QTEST_GUILESS_MAIN(tst_PasswordHasher)
#include "tst_PasswordHasher.moc"
