#include "core/ServiceCatalogue.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_ServiceCatalogue : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_catalogue = fc::ServiceCatalogue::defaultCatalogue(); }

    // Other layers, scripts and demo data use these exact keys and promises.
    void holdsTheAgreedRequestTypes_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("requestType");
        QTest::addColumn<int>("promiseWorkingDays");
        const auto row = [](const char *service, const char *type, int days) {
            QTest::addRow("%s/%s", service, type) << QString::fromLatin1(service) << QString::fromLatin1(type) << days;
        };
        row("waste", "missed_bin", 2);
        row("waste", "bulky_waste", 10);
        row("waste", "new_bin", 10);
        row("waste", "assisted_collection", 10);
        row("council_tax", "change_of_address", 10);
        row("council_tax", "single_person_discount", 10);
        row("council_tax", "payment_arrangement", 5);
        row("council_tax", "bill_query", 10);
        row("housing_repairs", "emergency_repair", 1);
        row("housing_repairs", "urgent_repair", 5);
        row("housing_repairs", "routine_repair", 20);
        row("housing_repairs", "damp_and_mould", 10);
        row("highways", "pothole", 5);
        row("highways", "street_light", 10);
        row("highways", "blocked_drain", 10);
        row("environmental_health", "noise_complaint", 10);
        row("environmental_health", "pest_control", 5);
        row("environmental_health", "food_hygiene", 10);
        row("environmental_health", "fly_tipping", 5);
        row("parking", "permit", 10);
        row("parking", "pcn_challenge", 20);
        row("benefits", "housing_benefit_change", 10);
        row("benefits", "council_tax_reduction", 20);
        row("libraries", "membership", 5);
        row("libraries", "renewal_query", 5);
        row("planning", "planning_enquiry", 15);
        row("planning", "enforcement", 20);
        row("adult_social_care", "care_needs_assessment", 20);
        row("adult_social_care", "blue_badge", 30);
        row("general", "general_enquiry", 10);
        row("member_enquiry", "member_enquiry", 10);
    }
    void holdsTheAgreedRequestTypes()
    {
        QFETCH(QString, service);
        QFETCH(QString, requestType);
        QFETCH(int, promiseWorkingDays);
        const fc::RequestType *type = m_catalogue.requestType(service, requestType);
        QVERIFY(type != nullptr);
        QCOMPARE(type->key, requestType);
        QCOMPARE(type->promiseWorkingDays, promiseWorkingDays);
    }

    void listsTheTwelveServicesInOrder()
    {
        QStringList keys;
        for (const fc::Service &s : m_catalogue.services())
            keys.append(s.key);
        QCOMPARE(keys,
                 QStringList({ u"waste"_s, u"council_tax"_s, u"housing_repairs"_s, u"highways"_s,
                               u"environmental_health"_s, u"parking"_s, u"benefits"_s, u"libraries"_s, u"planning"_s,
                               u"adult_social_care"_s, u"general"_s, u"member_enquiry"_s }));
    }

    void referencePrefixesAreUniqueThreeCapitals()
    {
        static const QRegularExpression prefix(u"^[A-Z]{3}$"_s);
        QSet<QString> seen;
        for (const fc::Service &s : m_catalogue.services()) {
            QVERIFY2(prefix.match(s.referencePrefix).hasMatch(), qPrintable(s.key));
            QVERIFY2(!seen.contains(s.referencePrefix), qPrintable(s.referencePrefix));
            seen.insert(s.referencePrefix);
        }
        QCOMPARE(m_catalogue.service(u"waste")->referencePrefix, u"WST"_s);
    }

    void everyRequestTypeHasAUniqueKeyATeamAPromiseAndAName()
    {
        static const QRegularExpression snakeCase(u"^[a-z]+(_[a-z]+)*$"_s);
        for (const fc::Service &s : m_catalogue.services()) {
            QVERIFY2(snakeCase.match(s.key).hasMatch(), qPrintable(s.key));
            QVERIFY2(!s.displayName.isEmpty(), qPrintable(s.key));
            QVERIFY2(!s.requestTypes.isEmpty(), qPrintable(s.key));
            QSet<QString> typeKeys;
            for (const fc::RequestType &t : s.requestTypes) {
                const QByteArray where = (s.key % u'/' % t.key).toUtf8();
                QVERIFY2(snakeCase.match(t.key).hasMatch(), where.constData());
                QVERIFY2(!typeKeys.contains(t.key), where.constData());
                typeKeys.insert(t.key);
                QVERIFY2(snakeCase.match(t.owningTeam).hasMatch(), where.constData());
                QVERIFY2(t.promiseWorkingDays > 0, where.constData());
                QVERIFY2(!t.displayName.isEmpty(), where.constData());
            }
        }
    }

    void serviceKeysAreUnique()
    {
        QSet<QString> seen;
        for (const fc::Service &s : m_catalogue.services()) {
            QVERIFY2(!seen.contains(s.key), qPrintable(s.key));
            seen.insert(s.key);
        }
        QCOMPARE(seen.size(), 12);
    }

    void lookupsFindNothingForUnknownKeys_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("requestType");
        QTest::newRow("unknown service") << u"swimming_pools"_s << u"missed_bin"_s;
        QTest::newRow("request type of another service") << u"waste"_s << u"pothole"_s;
        QTest::newRow("empty request type") << u"waste"_s << QString();
        QTest::newRow("empty service") << QString() << u"missed_bin"_s;
        QTest::newRow("wrong case") << u"Waste"_s << u"missed_bin"_s;
    }
    void lookupsFindNothingForUnknownKeys()
    {
        QFETCH(QString, service);
        QFETCH(QString, requestType);
        QCOMPARE(m_catalogue.requestType(service, requestType), nullptr);
    }

    void serviceLookupReturnsThatService()
    {
        const fc::Service *repairs = m_catalogue.service(u"housing_repairs");
        QVERIFY(repairs != nullptr);
        QCOMPARE(repairs->key, u"housing_repairs"_s);
        QCOMPARE(repairs->requestTypes.size(), 4);
        QCOMPARE(m_catalogue.service(u"swimming_pools"), nullptr);
        QCOMPARE(m_catalogue.service(u""), nullptr);
    }

private:
    fc::ServiceCatalogue m_catalogue;
};

QTEST_GUILESS_MAIN(tst_ServiceCatalogue)
#include "tst_ServiceCatalogue.moc"
