// Session tokens: 32 random bytes as base64url, stored as SHA-256 hex.

#include "server/SessionToken.h"

#include <QSet>
#include <QTest>

using namespace fc::server;
using namespace Qt::StringLiterals;

class tst_SessionToken : public QObject {
    Q_OBJECT

private slots:
    void aTokenIs43Base64UrlCharactersOf32RandomBytes()
    {
        const QString token = SessionToken::generate().value();
        QCOMPARE(token.size(), 43);
        QVERIFY(SessionToken::looksValid(token));
        const QByteArray bytes = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
        QCOMPARE(bytes.size(), 32);
    }

    void tokensDoNotRepeat()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(SessionToken::generate().value());
        QCOMPARE(seen.size(), 1000);
    }

    void theStoredFormIsTheSha256Hex()
    {
        // SHA-256("abc"), FIPS 180-2.
        QCOMPARE(SessionToken::hash(u"abc"_s), u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
        const QString token = SessionToken::generate().value();
        QCOMPARE(SessionToken::hash(token), SessionToken::hash(token));
        QCOMPARE(SessionToken::hash(token).size(), 64);
    }

    void onlyTheRightShapeLooksValid()
    {
        QVERIFY(SessionToken::looksValid(QString(43, u'A')));
        QVERIFY(SessionToken::looksValid(u"abcdefghijklmnopqrstuvwxyz-_0123456789ABCDE"_s));
        QVERIFY(!SessionToken::looksValid(QString(42, u'A')));
        QVERIFY(!SessionToken::looksValid(QString(44, u'A')));
        QVERIFY(!SessionToken::looksValid(QString(42, u'A') + u'='));
        QVERIFY(!SessionToken::looksValid(QString(42, u'A') + u'+'));
        QVERIFY(!SessionToken::looksValid(QString(42, u'A') + u'é'));
    }
};

QTEST_GUILESS_MAIN(tst_SessionToken)
#include "tst_SessionToken.moc"
