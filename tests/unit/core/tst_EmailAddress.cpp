#include "core/EmailAddress.h"

#include <QTest>

using namespace Qt::StringLiterals;

using fc::EmailAddress;

class tst_EmailAddress : public QObject {
    Q_OBJECT

private slots:
    void lowerCasesOnlyTheDomain_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("searchKey");
        QTest::addColumn<QString>("localPart");
        QTest::addColumn<QString>("domain");
        QTest::newRow("plain") << u"sian@example.org"_s << u"sian@example.org"_s << u"sian@example.org"_s << u"sian"_s
                               << u"example.org"_s;
        QTest::newRow("mixed case") << u"Sian.Jones@Example.ORG"_s << u"Sian.Jones@example.org"_s
                                    << u"sian.jones@example.org"_s << u"Sian.Jones"_s << u"example.org"_s;
        QTest::newRow("trimmed") << u"  sian@example.org \t"_s << u"sian@example.org"_s << u"sian@example.org"_s
                                 << u"sian"_s << u"example.org"_s;
        QTest::newRow("direction marks and zero-width space dropped")
            << u"\u200Fsian\u200B@example.org\u200E"_s << u"sian@example.org"_s << u"sian@example.org"_s << u"sian"_s
            << u"example.org"_s;
        QTest::newRow("subdomains") << u"a.b@mail.council.gov.uk"_s << u"a.b@mail.council.gov.uk"_s
                                    << u"a.b@mail.council.gov.uk"_s << u"a.b"_s << u"mail.council.gov.uk"_s;
        QTest::newRow("plus tag") << u"Sian+Council@Example.org"_s << u"Sian+Council@example.org"_s
                                  << u"sian+council@example.org"_s << u"Sian+Council"_s << u"example.org"_s;
        QTest::newRow("apostrophe in local part") << u"o'neill@example.ie"_s << u"o'neill@example.ie"_s
                                                  << u"o'neill@example.ie"_s << u"o'neill"_s << u"example.ie"_s;
        QTest::newRow("symbols allowed by RFC 5322")
            << u"a!#$%&*/=?^_`{|}~-b@example.org"_s << u"a!#$%&*/=?^_`{|}~-b@example.org"_s
            << u"a!#$%&*/=?^_`{|}~-b@example.org"_s << u"a!#$%&*/=?^_`{|}~-b@example.org"_s.section(u'@', 0, 0)
            << u"example.org"_s;
        QTest::newRow("hyphenated domain") << u"x@my-council.gov.uk"_s << u"x@my-council.gov.uk"_s
                                           << u"x@my-council.gov.uk"_s << u"x"_s << u"my-council.gov.uk"_s;
        QTest::newRow("digits in domain") << u"x@123.example.org"_s << u"x@123.example.org"_s << u"x@123.example.org"_s
                                          << u"x"_s << u"123.example.org"_s;
        QTest::newRow("Welsh letters in local part") << u"Siân@Example.cymru"_s << u"Siân@example.cymru"_s
                                                     << u"siân@example.cymru"_s << u"Siân"_s << u"example.cymru"_s;
        QTest::newRow("decomposed accent composed (NFC)") << u"Sia\u0302n@example.org"_s << u"Siân@example.org"_s
                                                          << u"siân@example.org"_s << u"Siân"_s << u"example.org"_s;
        QTest::newRow("international domain")
            << u"anna@MÜNCHEN.de"_s << u"anna@münchen.de"_s << u"anna@münchen.de"_s << u"anna"_s << u"münchen.de"_s;
        QTest::newRow("right-to-left local part")
            << u"\u0645\u062D\u0645\u062F@example.org"_s << u"\u0645\u062D\u0645\u062F@example.org"_s
            << u"\u0645\u062D\u0645\u062F@example.org"_s << u"\u0645\u062D\u0645\u062F"_s << u"example.org"_s;
        const QString local64(64, u'a');
        QTest::newRow("local part of 64")
            << QString(local64 + u"@example.org"_s) << QString(local64 + u"@example.org"_s)
            << QString(local64 + u"@example.org"_s) << local64 << u"example.org"_s;
        const QString domain = QString(63, u'b') + u'.' + QString(63, u'c') + u'.' + QString(63, u'd') + u'.'
            + QString(53, u'e') + u".org"_s; // 249 characters: with "xx@" the address is 252
        QTest::newRow("long domain within 254") << QString(u"xx@"_s + domain) << QString(u"xx@"_s + domain)
                                                << QString(u"xx@"_s + domain) << u"xx"_s << domain;
    }
    void lowerCasesOnlyTheDomain()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(QString, searchKey);
        QFETCH(QString, localPart);
        QFETCH(QString, domain);
        const fc::Result<EmailAddress> email = EmailAddress::parse(input);
        QVERIFY2(email.ok(), qPrintable(email.ok() ? QString() : email.error().code));
        QCOMPARE(email->canonical(), canonical);
        QCOMPARE(email->searchKey(), searchKey);
        QCOMPARE(email->localPart(), localPart);
        QCOMPARE(email->domain(), domain);
        QCOMPARE(*EmailAddress::parse(canonical), *email);
    }

    void rejectsWithAClearError_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << u"email.empty"_s;
        QTest::newRow("spaces") << u"   "_s << u"email.empty"_s;
        QTest::newRow("space inside") << u"sian jones@example.org"_s << u"email.contains_space"_s;
        QTest::newRow("space in domain") << u"sian@example .org"_s << u"email.contains_space"_s;
        QTest::newRow("display name") << u"Siân Jones <sian@example.org>"_s << u"email.contains_space"_s;
        QTest::newRow("no @") << u"sian.example.org"_s << u"email.missing_at"_s;
        QTest::newRow("two @") << u"sian@home@example.org"_s << u"email.multiple_at"_s;
        QTest::newRow("quoted @ not supported") << u"\"sian@home\"@example.org"_s << u"email.multiple_at"_s;
        QTest::newRow("nothing before @") << u"@example.org"_s << u"email.empty_local_part"_s;
        QTest::newRow("nothing after @") << u"sian@"_s << u"email.missing_domain"_s;
        QTest::newRow("local part of 65")
            << QString(QString(65, u'a') + u"@example.org"_s) << u"email.local_part_too_long"_s;
        QTest::newRow("local part of 33 two-byte letters")
            << QString(QString(33, u'é') + u"@example.org"_s) << u"email.local_part_too_long"_s;
        QTest::newRow("255 characters") << QString(u"x@"_s + QString(249, u'a') + u".com"_s) << u"email.too_long"_s;
        QTest::newRow("10k characters") << QString(10000, u'a') << u"email.too_long"_s;
        QTest::newRow("10k characters with @")
            << QString(QString(9980, u'a') + u"@example.org"_s) << u"email.too_long"_s;
        QTest::newRow("leading dot") << u".sian@example.org"_s << u"email.invalid_local_part"_s;
        QTest::newRow("trailing dot") << u"sian.@example.org"_s << u"email.invalid_local_part"_s;
        QTest::newRow("two dots") << u"sian..jones@example.org"_s << u"email.invalid_local_part"_s;
        QTest::newRow("quotes") << u"\"sian\"@example.org"_s << u"email.invalid_local_part"_s;
        QTest::newRow("comma") << u"sian,jones@example.org"_s << u"email.invalid_local_part"_s;
        QTest::newRow("mailto prefix") << u"mailto:sian@example.org"_s << u"email.invalid_local_part"_s;
        QTest::newRow("emoji local part") << u"\U0001F600@example.org"_s << u"email.invalid_local_part"_s;
        QTest::newRow("lone surrogate") << QString(u"si"_s + QChar(0xD83D) + u"an@example.org"_s)
                                        << u"email.invalid_local_part"_s;
        QTest::newRow("no dot in domain") << u"sian@localhost"_s << u"email.domain_without_dot"_s;
        QTest::newRow("leading dot in domain") << u"sian@.example.org"_s << u"email.invalid_domain"_s;
        QTest::newRow("two dots in domain") << u"sian@example..org"_s << u"email.invalid_domain"_s;
        QTest::newRow("trailing dot in domain") << u"sian@example.org."_s << u"email.invalid_domain"_s;
        QTest::newRow("underscore in domain") << u"sian@exa_mple.org"_s << u"email.invalid_domain"_s;
        QTest::newRow("label starts with hyphen") << u"sian@-example.org"_s << u"email.invalid_domain"_s;
        QTest::newRow("label ends with hyphen") << u"sian@example-.org"_s << u"email.invalid_domain"_s;
        QTest::newRow("numeric top-level domain") << u"sian@192.168.0.1"_s << u"email.invalid_domain"_s;
        QTest::newRow("IP literal") << u"sian@[192.168.0.1]"_s << u"email.invalid_domain"_s;
        QTest::newRow("one-letter top-level domain") << u"sian@example.o"_s << u"email.invalid_domain"_s;
        QTest::newRow("label of 64") << QString(u"sian@"_s + QString(64, u'a') + u".org"_s)
                                     << u"email.invalid_domain"_s;
        QTest::newRow("emoji domain") << u"sian@\U0001F600.org"_s << u"email.invalid_domain"_s;
    }
    void rejectsWithAClearError()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);
        const fc::Result<EmailAddress> email = EmailAddress::parse(input);
        QVERIFY2(!email.ok(), qPrintable(email.ok() ? email->canonical() : QString()));
        QCOMPARE(email.error().code, code);
        QVERIFY(!email.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_EmailAddress)
#include "tst_EmailAddress.moc"
