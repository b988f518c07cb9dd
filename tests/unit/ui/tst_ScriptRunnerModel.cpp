// ScriptRunnerModel on a real encrypted cache with a real ContactModel: the scripts on offer (synced or
// shipped), a bulky waste booking walked from the keyboard's point of view to its outcome, the wrap-up
// that records the contact with its script, answers and the request it raised, the repeat-report
// check reading the customer's cases from the cache, going back, and a printable guide.

#include "core/Case.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "storage/OutboxStore.h"
#include "storage/ScriptStore.h"
#include "ui/ContactModel.h"
#include "ui/ScriptRunnerModel.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/ui/UiTestCache.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

// Tuesday 8 December 2026, 10:00 in London (GMT).
const QDateTime kNow(QDate(2026, 12, 8), QTime(10, 0), QTimeZone::utc());

NowFunction fixedClock()
{
    return [] { return kNow; };
}

} // namespace

class tst_ScriptRunnerModel : public QObject {
    Q_OBJECT

    std::unique_ptr<UiTestCache> m_cache;
    QString m_customerId;

    void setUp(ContactModel &contact, ScriptRunnerModel &runner)
    {
        contact.setCacheWorker(&m_cache->worker());
        contact.setUser(u"agent.one"_s);
        contact.setSite(u"contact-centre"_s);
        contact.setClock(fixedClock());
        runner.setClock(fixedClock());
        runner.setContact(&contact);
        QSignalSpy loaded(&runner, &ScriptRunnerModel::scriptsChanged);
        runner.setCacheWorker(&m_cache->worker());
        QVERIFY(loaded.wait(5000));
    }

    bool started(ScriptRunnerModel &runner, const QString &id)
    {
        QSignalSpy ran(&runner, &ScriptRunnerModel::runChanged);
        runner.start(id);
        return runner.running() || ran.wait(5000);
    }

    template<typename T> T read(std::function<T(QSqlDatabase &)> job) { return UiTestCache::await(m_cache->worker().run(job)); }

private slots:
    void init()
    {
        m_cache = std::make_unique<UiTestCache>();
        QVERIFY(m_cache->open());
        QVERIFY(m_cache->save({ fullyPopulatedCustomer() }));
        m_customerId = customerUuid(42).toString(QUuid::WithoutBraces);
    }
    void cleanup() { m_cache.reset(); }

    void theShippedScriptsAreOfferedUntilTheDeskHasSyncedSome()
    {
        ContactModel contact;
        ScriptRunnerModel runner;
        setUp(contact, runner);
        QCOMPARE(runner.scripts().size(), 10);
        runner.setFilter(u"sofa"_s); // a keyword of the bulky waste script
        QCOMPARE(runner.scripts().size(), 1);
        QCOMPARE(runner.scripts().first().toMap().value(u"id"_s), QVariant(u"waste-bulky-collection"_s));
        runner.setFilter(u"council tax"_s);
        QCOMPARE(runner.scripts().size(), 2);

        // Once the desk holds published scripts, those are what it runs.
        ScriptVersion synced;
        synced.id = u"general-thanks"_s;
        synced.version = 4;
        synced.service = u"general"_s;
        synced.title = u"Say thank you"_s;
        synced.publishedAt = kNow.addDays(-1);
        synced.body = uR"({"format": 1, "id": "general-thanks", "version": 4, "service": "general", "reason": "general_enquiry",
            "title": "Say thank you", "start": "end", "steps": [{"id": "end", "kind": "outcome", "outcome": "resolved", "text": "Thanked."}]})"_s;
        QVERIFY(read<Status>([synced](QSqlDatabase &db) { return ScriptStore(db).put(synced); }).ok());
        QSignalSpy reloaded(&runner, &ScriptRunnerModel::scriptsChanged);
        runner.setFilter(QString());
        runner.reload();
        QVERIFY(reloaded.wait(5000));
        QCOMPARE(runner.scripts().size(), 1);
        QCOMPARE(runner.scripts().first().toMap().value(u"version"_s), QVariant(4));
    }

    void aBulkyWasteBookingEndsInTheWrapUpAndIsRecordedWithItsRequest()
    {
        ContactModel contact;
        ScriptRunnerModel runner;
        setUp(contact, runner);
        QVERIFY(contact.start(u"phone"_s, m_customerId));
        QVERIFY(started(runner, u"waste-bulky-collection"_s));
        QCOMPARE(runner.scriptTitle(), u"Book a bulky waste collection"_s);
        QCOMPARE(runner.stepKind(), u"knowledge"_s);
        QCOMPARE(runner.article().value(u"id"_s), QVariant(u"bulky-waste-what-we-collect"_s)); // opened for the agent
        QVERIFY(!runner.canGoBack());
        QVERIFY(runner.next());

        QCOMPARE(runner.stepId(), u"item_check"_s);
        QVERIFY(runner.options().size() >= 2);
        QCOMPARE(runner.options().first().toMap().value(u"number"_s), QVariant(1));
        QVERIFY(!runner.next()); // nothing chosen yet
        QVERIFY(!runner.errorText().isEmpty());
        QVERIFY(runner.choose(1)); // "No: household furniture and appliances only"
        QCOMPARE(runner.stepId(), u"items_band"_s);
        QVERIFY(runner.errorText().isEmpty());
        QVERIFY(runner.choose(1));
        QCOMPARE(runner.inputType(), u"text"_s);
        QVERIFY(runner.answer(u"Double mattress, bed frame, wardrobe"_s));
        QVERIFY(runner.next());
        QCOMPARE(runner.stepId(), u"concession"_s);
        QVERIFY(runner.answer(u"no"_s) && runner.next());
        QCOMPARE(runner.stepId(), u"full_charge"_s); // no concession: the full charge is read out
        QVERIFY2(runner.text().contains(u"\u00A3"_s), qPrintable(runner.text()));
        QVERIFY(runner.next());
        QCOMPARE(runner.stepId(), u"collection_date"_s);
        QCOMPARE(runner.inputType(), u"date"_s);
        QVERIFY(!runner.inputHint().isEmpty());
        QVERIFY(!runner.answer(u"12/12/2026"_s)); // a Saturday
        QVERIFY2(runner.errorText().contains(u"working day"_s), qPrintable(runner.errorText()));
        QVERIFY(runner.answer(u"14/12/2026"_s));
        QCOMPARE(runner.answerText(), u"14/12/2026"_s);
        QVERIFY(runner.next());

        // Back and forward keep what was given.
        QVERIFY(runner.back());
        QCOMPARE(runner.stepId(), u"collection_date"_s);
        QCOMPARE(runner.answerText(), u"14/12/2026"_s);
        QVERIFY(runner.next());
        QCOMPARE(runner.stepId(), u"location"_s);
        QVERIFY(runner.answer(u"Front garden, by the gate"_s) && runner.next());
        QVERIFY(runner.answer(u"paid"_s) && runner.next());
        QVERIFY(!runner.answer(u"TF 4K"_s));
        QVERIFY(runner.answer(u"TF4K7Q2M"_s) && runner.next());
        QCOMPARE(runner.stepKind(), u"create_case"_s);
        QVERIFY(runner.prompt().contains(u"14/12/2026"_s));
        const QVariantList summary = runner.summary();
        QVERIFY(summary.size() >= 6);
        QCOMPARE(summary.at(2).toMap().value(u"answer"_s), QVariant(u"Double mattress, bed frame, wardrobe"_s));

        QSignalSpy completed(&runner, &ScriptRunnerModel::completed);
        QVERIFY(runner.next());
        QVERIFY(runner.finished());
        QCOMPARE(completed.size(), 1);
        QCOMPARE(runner.outcome().value(u"key"_s), QVariant(u"request_raised"_s));
        QCOMPARE(runner.raised().size(), 1);
        QCOMPARE(runner.raised().first().toMap().value(u"promisedByText"_s), QVariant(u"14/12/2026"_s));

        // The wrap-up is filled in from the script; the agent confirms the demand and wraps up.
        QVERIFY(contact.scripted());
        QCOMPARE(contact.scriptTitle(), runner.scriptTitle());
        QCOMPARE(contact.service(), u"waste"_s);
        QCOMPARE(contact.reason(), u"bulky_waste"_s);
        QCOMPARE(contact.outcome(), u"request_raised"_s);
        QCOMPARE(contact.scriptCaseCount(), 1);
        QVERIFY(!contact.canWrapUp());
        contact.setDemand(u"value"_s);
        QVERIFY(contact.canWrapUp());
        const QString contactId = contact.contactId();
        QSignalSpy wrapped(&contact, &ContactModel::wrappedUp);
        contact.wrapUp();
        QVERIFY(wrapped.wait(5000));
        QVERIFY(!contact.scripted());

        const QUuid id = QUuid::fromString(contactId);
        const std::optional<Contact> saved
            = read<Result<std::optional<Contact>>>([id](QSqlDatabase &db) { return ContactStore(db).byId(id); }).value();
        QVERIFY(saved.has_value());
        QCOMPARE(saved->scriptId, u"waste-bulky-collection"_s);
        QCOMPARE(saved->scriptVersion, 1);
        QCOMPARE(saved->outcome, Outcome::RequestRaised);
        QCOMPARE(saved->answers.value(u"collection_date"_s).toString(), u"2026-12-14"_s);
        QCOMPARE(saved->answers.value(u"payment_ref"_s).toString(), u"TF4K7Q2M"_s);
        QVERIFY(!saved->answers.contains(u"what_we_collect"_s)); // only steps that take answers
        QCOMPARE(saved->linkedCaseIds.size(), 1);

        const std::optional<Case> raised = read<Result<std::optional<Case>>>(
            [caseId = saved->linkedCaseIds.first()](QSqlDatabase &db) { return CaseStore(db).byId(caseId); }).value();
        QVERIFY(raised.has_value());
        QCOMPARE(raised->requestType, u"bulky_waste"_s);
        QCOMPARE(raised->customerId, customerUuid(42));
        QCOMPARE(raised->raisingContactId, id);
        QCOMPARE(raised->team, u"waste_collections"_s);
        QCOMPARE(councilDateOf(raised->promisedBy), QDate(2026, 12, 14));
        QVERIFY(raised->summary.contains(u"Double mattress"_s));

        const QList<OutboxEntry> outbox
            = read<Result<QList<OutboxEntry>>>([](QSqlDatabase &db) { return OutboxStore(db).peek(10); }).value();
        QCOMPARE(outbox.size(), 2); // the request first, then the contact that links it
        QCOMPARE(outbox.at(0).mutation.entity + u'.' + outbox.at(0).mutation.operation, u"case.create"_s);
        QCOMPARE(outbox.at(1).mutation.entity + u'.' + outbox.at(1).mutation.operation, u"contact.create"_s);
    }

    void theRepeatReportCheckReadsTheCustomersCasesFromTheCache()
    {
        Case open;
        open.id = QUuid::createUuid();
        open.reference = u"WST-2026-000001"_s;
        open.customerId = customerUuid(42);
        open.service = u"waste"_s;
        open.requestType = u"missed_bin"_s;
        open.team = u"waste_collections"_s;
        open.raisedAt = kNow.addDays(-1);
        open.promisedBy = kNow.addDays(1);
        open.summary = u"Missed general bin"_s;
        QVERIFY(m_cache->save({}, { open }));

        ContactModel contact;
        ScriptRunnerModel runner;
        setUp(contact, runner);
        QVERIFY(contact.start(u"phone"_s, m_customerId));
        QVERIFY(started(runner, u"waste-missed-bin"_s));
        QVERIFY(runner.answer(u"general"_s) && runner.next());
        QVERIFY(runner.answer(u"07/12/2026"_s) && runner.next());
        QVERIFY(runner.answer(u"yes"_s) && runner.next()); // out by 7am
        QVERIFY(runner.answer(u"no"_s) && runner.next()); // not tagged
        QCOMPARE(runner.stepId(), u"already_reported"_s);
        QVERIFY(runner.next());
        QVERIFY(runner.finished());
        QCOMPARE(runner.outcome().value(u"key"_s), QVariant(u"resolved"_s));
        QCOMPARE(runner.raised().size(), 0);
        QCOMPARE(contact.scriptCaseCount(), 0);

        // Back from the end: the contact no longer has the script's end, and cancelling leaves no script.
        QVERIFY(runner.back());
        QVERIFY(!contact.scripted());
        runner.cancel();
        QVERIFY(!runner.running());
        QVERIFY(!contact.scripted());
    }

    void anAnonymousCounterContactGetsThePrintableGuide()
    {
        ContactModel contact;
        ScriptRunnerModel runner;
        setUp(contact, runner);
        QVERIFY(contact.start(u"face_to_face"_s));
        QVERIFY(started(runner, u"blue-badge-assisted-self-service"_s));
        // Walk the shipped case that ends in assisted self-service, answering from its file.
        const QString casesPath = qEnvironmentVariable("FC_SOURCE_DIR") + u"/tests/unit/core/scripts/blue-badge-assisted-self-service.cases.json"_s;
        QFile file(casesPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject answers;
        for (const QJsonValue &c : QJsonDocument::fromJson(file.readAll()).object().value(u"cases"_s).toArray()) {
            const QJsonObject testCase = c.toObject();
            if (testCase.value(u"expect"_s).toObject().value(u"outcome"_s) == u"assisted_self_service"_s
                && !testCase.contains(u"customer"_s))
                answers = testCase.value(u"answers"_s).toObject();
        }
        QVERIFY2(!answers.isEmpty(), "the blue badge cases need an anonymous assisted self-service case");
        for (int guard = 0; !runner.finished() && guard < 50; ++guard) {
            if (answers.contains(runner.stepId()))
                QVERIFY2(runner.answer(answers.value(runner.stepId()).toString()), qPrintable(runner.errorText()));
            QVERIFY2(runner.next(), qPrintable(runner.stepId() + u": "_s + runner.errorText()));
        }
        QCOMPARE(runner.outcome().value(u"key"_s), QVariant(u"assisted_self_service"_s));
        QCOMPARE(runner.outcome().value(u"guide"_s), QVariant(u"blue-badge-how-to-apply"_s));
        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"guide.pdf"_s);
        QVERIFY(runner.saveGuide(pdf));
        QFile written(pdf);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.read(5) == "%PDF-");
        QVERIFY(written.size() > 2000);
        QCOMPARE(contact.outcome(), u"assisted_self_service"_s);

        // Printing writes the same guide off the GUI thread, then hands it to the desktop.
        QSignalSpy printed(&runner, &ScriptRunnerModel::guidePrinted);
        QVERIFY(runner.printGuide());
        QVERIFY(printed.wait(10000));
        QFile temporary(printed.first().first().toString());
        QVERIFY(temporary.open(QIODevice::ReadOnly));
        QCOMPARE(temporary.read(5), QByteArray("%PDF-"));
        QVERIFY(temporary.size() > 2000);
    }

    void theKnowledgePanelSearches()
    {
        ScriptRunnerModel runner;
        runner.setKnowledgeQuery(u"mould"_s);
        QVERIFY(!runner.knowledgeResults().isEmpty());
        QCOMPARE(runner.knowledgeResults().first().toMap().value(u"id"_s), QVariant(u"damp-and-mould-advice"_s));
        runner.openArticle(u"damp-and-mould-advice"_s);
        QVERIFY(runner.article().value(u"body"_s).toString().size() > 200);
        runner.setKnowledgeQuery(u"zebra crossing quantum"_s);
        QVERIFY(runner.knowledgeResults().isEmpty());
        runner.openArticle(u"no-such-article"_s);
        QVERIFY(runner.article().isEmpty());
    }

private:
    static QDate councilDateOf(const QDateTime &utc) { return utc.toTimeZone(QTimeZone("Europe/London")).date(); }
};

QTEST_MAIN(tst_ScriptRunnerModel)
#include "tst_ScriptRunnerModel.moc"
