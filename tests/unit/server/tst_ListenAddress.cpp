// serve --listen: address forms, and plain HTTP allowed on loopback only.

#include "server/ListenAddress.h"

#include <QTest>

using namespace fc::server;
using namespace Qt::StringLiterals;

class tst_ListenAddress : public QObject {
    Q_OBJECT

private slots:
    void addressesAndPortsParse()
    {
        const ListenAddress v4 = ListenAddress::parse(u"127.0.0.1:8443"_s).value();
        QCOMPARE(v4.address, QHostAddress(u"127.0.0.1"_s));
        QCOMPARE(v4.port, quint16(8443));
        const ListenAddress v6 = ListenAddress::parse(u"[::1]:0"_s).value();
        QCOMPARE(v6.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(v6.port, quint16(0));
        QCOMPARE(ListenAddress::parse(u"localhost:80"_s).value().address, QHostAddress(QHostAddress::LocalHost));
    }

    void malformedAddressesAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no port") << u"127.0.0.1"_s;
        QTest::newRow("port too big") << u"127.0.0.1:65536"_s;
        QTest::newRow("bare ipv6") << u"::1:8443"_s;
        QTest::newRow("host name") << u"server.council.internal:8443"_s;
        QTest::newRow("empty host") << u":8443"_s;
    }

    void malformedAddressesAreRefused()
    {
        QFETCH(QString, text);
        QCOMPARE(ListenAddress::parse(text).error().code, u"serve.bad_listen_address"_s);
    }

    void plainHttpIsAllowedOnLoopbackOnly()
    {
        QVERIFY(ListenAddress::parse(u"127.0.0.1:8443"_s).value().checkPlainHttpAllowed().ok());
        QVERIFY(ListenAddress::parse(u"127.0.0.9:8443"_s).value().checkPlainHttpAllowed().ok());
        QVERIFY(ListenAddress::parse(u"[::1]:8443"_s).value().checkPlainHttpAllowed().ok());
        for (const QString &open : { u"0.0.0.0:8443"_s, u"192.168.1.10:8443"_s, u"[::]:8443"_s })
            QCOMPARE(ListenAddress::parse(open).value().checkPlainHttpAllowed().error().code,
                     u"serve.plain_http_not_loopback"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ListenAddress)
#include "tst_ListenAddress.moc"
