// The workstation end to end: the real ClientApp (composition root, QML, view models, encrypted cache,
// sync engine) rendered offscreen, a real firstcontact-server process on a SQLite file, real HTTP.
// One run walks an agent's day: sign in with the first sync, search, open a customer, lose the server,
// change an address offline, get the server back and see the change synced; a conflict with another
// desk settled on the conflicts page; a phone contact wrapped up; a bulky waste booking run from its
// script to its outcome, from the keyboard, and synced with its request; the idle lock; a screen-pop.
// A screenshot of every page goes to FC_SCREENSHOT_DIR (scripts/screenshots refreshes docs/screenshots).

#include "ClientApp.h"
#include "core/WorkingCalendar.h"
#include "integration/SyncTestDesk.h"
#include "storage/CustomerStore.h"
#include "sync/LocalChanges.h"
#include "ui/SessionModel.h"

#include <QDir>
#include <QProcess>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(FirstContactPlugin)
Q_IMPORT_QML_PLUGIN(FirstContact_ModelsPlugin)

using namespace Qt::StringLiterals;
using namespace fc;
using namespace fc::synctest;

namespace {

constexpr int kWait = 60000;

struct Picked {
    QString id;
    QString reference;
    QString givenName;
    QString familyName;
    QString phone; // E.164
};

} // namespace

class tst_WorkstationEndToEnd : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInRunsTheFirstSync();
    void searchFindsAndOpensACustomer();
    void anAddressChangedOfflineIsSyncedWhenTheServerReturns();
    void aConflictWithAnotherDeskIsSettledOnTheConflictsPage();
    void aPhoneContactIsTimedAndWrappedUp();
    void aBulkyWasteBookingRunsToItsOutcomeAndSyncs();
    void theIdleLockHidesTheRecordAndUnlocksWithThePassword();
    void aScreenPopOpensTheCaller();

private:
    QQuickItem *item(const QString &name) const;
    QObject *session() const;
    QObject *sync() const;
    QVariant prop(QObject *object, const char *name) const { return object->property(name); }
    void typeInto(const QString &name, const QString &text);
    void clickOn(const QString &name);
    void key(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void typeText(const QString &text);
    void shoot(const QString &name);
    bool waitForSynced();
    Picked pickCustomer(const QString &whereAndOrder) const;

    QTemporaryDir m_dir;
    QString m_serverDb;
    SyncServer m_server;
    std::unique_ptr<ClientApp> m_app;
    QQuickWindow *m_window = nullptr;
    QString m_shots;
    Picked m_customer;
};

void tst_WorkstationEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_shots = qEnvironmentVariable("FC_SCREENSHOT_DIR", qEnvironmentVariable("FC_SCREENSHOT_DEFAULT_DIR"));
    QVERIFY(!m_shots.isEmpty());
    QVERIFY(QDir().mkpath(m_shots));

    // The demo council on a SQLite server, two agents, one server process.
    m_serverDb = u"sqlite:"_s + m_dir.filePath(u"server.db"_s);
    const CommandRun seeded = runServerCommand(m_serverDb, { u"seed-demo"_s, u"--customers"_s, u"1500"_s, u"--seed"_s, u"3"_s });
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
    for (const QString &user : { u"agent1"_s, u"agent2"_s }) {
        const CommandRun added = addUser(m_serverDb, user);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }
    QVERIFY2(m_server.start(m_serverDb), qPrintable(m_server.error()));

    // Someone with warnings, open cases, history and a mobile number: the screenshots show them all.
    m_customer = pickCustomer(u"c.phones LIKE '+447%' AND (c.flags <> '[]' OR c.access_needs <> '') ORDER BY"
                              " (SELECT count(*) FROM cases k WHERE k.customer_id = c.id AND k.status NOT IN ('resolved', 'closed')) DESC,"
                              " (SELECT count(*) FROM contacts t WHERE t.customer_id = c.id) DESC, c.reference"_s);
    QVERIFY2(!m_customer.id.isEmpty(), "the demo council has a customer with a mobile and a case");

    ClientApp::Options options;
    options.profilesRoot = m_dir.filePath(u"profiles"_s);
    options.serverUrl = m_server.baseUrl();
    m_app = std::make_unique<ClientApp>(options);
    QVERIFY(m_app->load());
    m_window = m_app->window();
    QVERIFY(m_window);
    m_window->resize(1360, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void tst_WorkstationEndToEnd::cleanupTestCase()
{
    m_app.reset();
    m_server.stop();
}

namespace {

// Walks the visual tree: list delegates have no QObject parent, so findChildren() misses them.
QQuickItem *findVisible(QQuickItem *root, const QString &name)
{
    if (!root || !root->isVisible())
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findVisible(child, name))
            return found;
    }
    return nullptr;
}

} // namespace

QQuickItem *tst_WorkstationEndToEnd::item(const QString &name) const
{
    // From the window's root item: popups (dialogs) live in its overlay, beside contentItem.
    QQuickItem *root = m_window->contentItem()->parentItem() ? m_window->contentItem()->parentItem() : m_window->contentItem();
    return findVisible(root, name);
}

QObject *tst_WorkstationEndToEnd::session() const
{
    return &m_app->session();
}

QObject *tst_WorkstationEndToEnd::sync() const
{
    return session()->property("sync").value<QObject *>();
}

void tst_WorkstationEndToEnd::typeInto(const QString &name, const QString &text)
{
    QQuickItem *field = item(name);
    QVERIFY2(field, qPrintable(u"no visible item named "_s + name));
    // FcTextField is a column: the TextField itself is its `field`.
    if (QQuickItem *inner = field->property("field").value<QQuickItem *>())
        field = inner;
    field->forceActiveFocus();
    QTRY_VERIFY(field->hasActiveFocus());
    QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(m_window, Qt::Key_Backspace);
    typeText(text);
}

void tst_WorkstationEndToEnd::clickOn(const QString &name)
{
    QQuickItem *target = item(name);
    QVERIFY2(target, qPrintable(u"no visible item named "_s + name));
    QTRY_VERIFY2(target->isEnabled(), qPrintable(name + u" stays disabled"_s));
    const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
    QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
}

void tst_WorkstationEndToEnd::key(int key, Qt::KeyboardModifiers modifiers)
{
    QTest::keyClick(m_window, Qt::Key(key), modifiers);
}

void tst_WorkstationEndToEnd::typeText(const QString &text)
{
    // QTest::keyClicks is for widgets only; a window gets one key event per character.
    for (const QChar ch : text) {
        const Qt::Key code = ch.isLetterOrNumber() && ch.unicode() < 128 ? Qt::Key(ch.toUpper().unicode())
                           : ch == u' ' ? Qt::Key_Space : Qt::Key_unknown;
        QTest::sendKeyEvent(QTest::Click, m_window, code, QString(ch), Qt::NoModifier);
    }
}

void tst_WorkstationEndToEnd::shoot(const QString &name)
{
    QTest::qWait(150); // let bindings and animations settle
    const QImage image = m_window->grabWindow();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QDir(m_shots).filePath(name + u".png"_s)));
}

bool tst_WorkstationEndToEnd::waitForSynced()
{
    return QTest::qWaitFor([this] {
        return prop(sync(), "state").toString() == u"idle"_s && prop(sync(), "pendingCount").toInt() == 0
            && !prop(sync(), "firstSync").toBool();
    }, kWait);
}

Picked tst_WorkstationEndToEnd::pickCustomer(const QString &whereAndOrder) const
{
    const QString path = m_serverDb.mid(7);
    const QStringList rows = sqliteRows(path, u"SELECT c.id, c.reference, c.given_name, c.family_name, c.phones FROM customers c WHERE "_s
                                                  + whereAndOrder + u" LIMIT 1;"_s);
    if (rows.isEmpty())
        return {};
    const QStringList columns = rows.first().split(u'|');
    if (columns.size() < 5)
        return {};
    QString phone;
    for (const QString &number : columns[4].split(u';')) {
        if (number.startsWith(u"+447"_s)) {
            phone = number;
            break;
        }
    }
    return Picked { columns[0], columns[1], columns[2], columns[3], phone };
}

void tst_WorkstationEndToEnd::signInRunsTheFirstSync()
{
    QVERIFY(item(u"signInPage"_s));
    shoot(u"01-sign-in"_s);

    // A wrong password is refused with a sentence, and nothing is created.
    typeInto(u"userNameField"_s, u"agent1"_s);
    typeInto(u"passwordField"_s, u"not the password"_s);
    key(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!prop(session(), "errorText").toString().isEmpty(), kWait);
    QCOMPARE(prop(session(), "state").toString(), u"signed_out"_s);
    shoot(u"02-sign-in-wrong-password"_s);

    typeInto(u"passwordField"_s, QString::fromUtf8(kPassword));
    key(Qt::Key_Return);
    bool sawProgress = false;
    QVERIFY(QTest::qWaitFor([&] {
        if (!sawProgress && prop(sync(), "firstSync").toBool() && prop(sync(), "progress").toDouble() > 0) {
            sawProgress = true;
            shoot(u"03-first-sync"_s);
        }
        return prop(session(), "state").toString() == u"ready"_s && !prop(sync(), "firstSync").toBool()
            && prop(sync(), "state").toString() == u"idle"_s;
    }, kWait));
    QVERIFY2(prop(session(), "errorText").toString().isEmpty(), qPrintable(prop(session(), "errorText").toString()));
    QTRY_VERIFY(item(u"searchField"_s));
    QVERIFY(prop(sync(), "online").toBool());
    QVERIFY(prop(sync(), "summaryText").toString().contains(u"Online"_s));
}

void tst_WorkstationEndToEnd::searchFindsAndOpensACustomer()
{
    // Ctrl+K lands in the search box from anywhere.
    QQuickItem *search = item(u"searchField"_s);
    QVERIFY(search);
    m_window->contentItem()->forceActiveFocus();
    key(Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(search->hasActiveFocus());

    typeText(m_customer.familyName);
    QQuickItem *results = item(u"searchResults"_s);
    QVERIFY(results);
    QTRY_VERIFY_WITH_TIMEOUT(results->property("count").toInt() >= 1, 10000);
    shoot(u"04-search"_s);

    // The reference finds exactly them; Enter opens the only match.
    typeInto(u"searchField"_s, m_customer.reference);
    QTRY_COMPARE_WITH_TIMEOUT(results->property("count").toInt(), 1, 10000);
    key(Qt::Key_Return);
    QQuickItem *name = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((name = item(u"customerName"_s)) != nullptr, 10000);
    QTRY_VERIFY(name->property("text").toString().contains(m_customer.familyName));
    QTRY_VERIFY(item(u"timelineCard"_s));
    shoot(u"05-customer"_s);

    // Opening the record is audited: one "view" event reaches the server.
    QVERIFY(waitForSynced() || (QTest::qWait(2000), waitForSynced()));
    key(Qt::Key_F5);
    QVERIFY(waitForSynced());
    const QStringList views = sqliteRows(m_serverDb.mid(7),
                                         u"SELECT count(*) FROM audit_events WHERE action = 'view' AND entity_id = '%1';"_s.arg(m_customer.id));
    QCOMPARE(views, QStringList { u"1"_s });
}

void tst_WorkstationEndToEnd::anAddressChangedOfflineIsSyncedWhenTheServerReturns()
{
    m_server.kill();
    key(Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(prop(sync(), "state").toString(), u"offline"_s, kWait);
    QVERIFY(prop(sync(), "summaryText").toString().contains(u"Offline since"_s));

    // Ctrl+E: the details dialog; a bad postcode is caught as typed.
    key(Qt::Key_E, Qt::ControlModifier);
    QTRY_VERIFY(item(u"postcodeField"_s));
    // The dialog opens at once and fills in when the cache answers: type once it has.
    QTRY_VERIFY(!item(u"postcodeField"_s)->property("text").toString().isEmpty());
    typeInto(u"postcodeField"_s, u"PL1 2A"_s);
    QTRY_VERIFY(!item(u"postcodeField"_s)->property("errorText").toString().isEmpty());
    QVERIFY(!item(u"saveCustomerButton"_s)->isEnabled());
    shoot(u"06-edit-details-invalid"_s);

    typeInto(u"addressLine1Field"_s, u"99 Harbour View"_s);
    typeInto(u"postcodeField"_s, u"PL4 0DW"_s);
    QTRY_VERIFY(item(u"postcodeField"_s)->property("errorText").toString().isEmpty());
    QTRY_VERIFY(item(u"saveCustomerButton"_s)->isEnabled());
    clickOn(u"saveCustomerButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(item(u"postcodeField"_s) == nullptr, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(item(u"customerAddress"_s)->property("text").toString().contains(u"PL4 0DW"_s), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(prop(sync(), "pendingCount").toInt() >= 1, 10000);
    QTRY_VERIFY(prop(sync(), "summaryText").toString().contains(u"waiting"_s));
    shoot(u"07-offline-change-waiting"_s);

    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    key(Qt::Key_F5);
    QVERIFY(waitForSynced());
    QVERIFY(prop(sync(), "online").toBool());
    shoot(u"08-back-online-synced"_s);
    const QStringList held = sqliteRows(m_serverDb.mid(7),
                                        u"SELECT address_line1 || '|' || postcode FROM customers WHERE id = '%1';"_s.arg(m_customer.id));
    QCOMPARE(held, QStringList { u"99 Harbour View|PL4 0DW"_s });
}

void tst_WorkstationEndToEnd::aConflictWithAnotherDeskIsSettledOnTheConflictsPage()
{
    // Another desk (agent2, the command-line client) changes the town; this desk changes it too, offline.
    SyncTestDesk other(m_dir.filePath(u"other-desk"_s), u"agent2"_s);
    QCOMPARE(other.login(m_server.baseUrl()).exitCode, 0);
    QCOMPARE(other.sync().exitCode, 0);
    const QUuid id(m_customer.id);
    const Result<Customer> edited = other.inCache([id](QSqlDatabase &db) -> Result<Customer> {
        Result<std::optional<Customer>> current = CustomerStore(db).byId(id);
        if (!current || !current.value())
            return makeError(u"test.missing"_s, u"customer not on the other desk"_s);
        Customer changed = **current;
        changed.address.town = u"Saltash"_s;
        return LocalChanges(db, u"agent2"_s).updateCustomer(changed, QDateTime::currentDateTimeUtc());
    });
    QVERIFY2(edited.ok(), why(edited).constData());

    m_server.kill();
    key(Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(prop(sync(), "state").toString(), u"offline"_s, kWait);
    key(Qt::Key_E, Qt::ControlModifier);
    QTRY_VERIFY(item(u"postcodeField"_s));
    QTRY_VERIFY(!item(u"postcodeField"_s)->property("text").toString().isEmpty()); // filled in: type now
    typeInto(u"townField"_s, u"Torpoint"_s);
    QTRY_VERIFY(item(u"saveCustomerButton"_s)->isEnabled());
    clickOn(u"saveCustomerButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(item(u"postcodeField"_s) == nullptr, 10000);

    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    QCOMPARE(other.sync().exitCode, 0); // the other desk's town reaches the server first
    key(Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(prop(sync(), "conflictCount").toInt() == 1 && prop(sync(), "state").toString() == u"idle"_s, kWait);
    QTRY_VERIFY(item(u"conflictsButton"_s));
    shoot(u"09-conflict-in-status-bar"_s);

    key(Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(item(u"conflictList"_s) && item(u"conflictList"_s)->property("count").toInt() == 1, 10000);
    shoot(u"10-conflicts"_s);
    QTRY_VERIFY(item(u"serverValue"_s));
    const QString serverValue = item(u"serverValue"_s)->property("text").toString();
    const QString clientValue = item(u"clientValue"_s)->property("text").toString();
    QVERIFY2(serverValue.contains(u"Saltash"_s), qPrintable(serverValue + u" / "_s + clientValue));
    QVERIFY2(clientValue.contains(u"Torpoint"_s), qPrintable(clientValue));
    shoot(u"10-conflicts"_s);

    clickOn(u"keepClientButton"_s); // the resident confirms Torpoint
    QTRY_COMPARE_WITH_TIMEOUT(item(u"conflictList"_s)->property("count").toInt(), 0, 10000);
    QVERIFY(waitForSynced());
    QTRY_COMPARE_WITH_TIMEOUT(prop(sync(), "conflictCount").toInt(), 0, kWait);
    const QStringList town = sqliteRows(m_serverDb.mid(7), u"SELECT town FROM customers WHERE id = '%1';"_s.arg(m_customer.id));
    QCOMPARE(town, QStringList { u"Torpoint"_s });
    clickOn(u"closeConflictsButton"_s);
    QTRY_VERIFY(item(u"customerName"_s));
}

void tst_WorkstationEndToEnd::aPhoneContactIsTimedAndWrappedUp()
{
    key(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(item(u"contactClock"_s));
    QTRY_VERIFY_WITH_TIMEOUT(item(u"contactClock"_s)->property("text").toString() != u"00:00"_s, 5000);
    QVERIFY(!item(u"wrapUpButton"_s)->isEnabled()); // outcome and demand first

    QObject *contactPanel = item(u"contactOutcome"_s);
    QVERIFY(contactPanel);
    // Choose with the keyboard: focus the combo, move down to the first outcome, then the demand.
    item(u"contactOutcome"_s)->forceActiveFocus();
    key(Qt::Key_Down);
    item(u"contactDemand"_s)->forceActiveFocus();
    key(Qt::Key_Down);
    typeInto(u"contactNotes"_s, u"Asked when the new bin will come; told within 10 working days."_s);
    QTRY_VERIFY(item(u"wrapUpButton"_s)->isEnabled());
    shoot(u"11-contact-wrap-up"_s);
    key(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(item(u"contactClock"_s) == nullptr, 10000);
    QVERIFY(waitForSynced());
    const QStringList recorded = sqliteRows(m_serverDb.mid(7),
        u"SELECT count(*) FROM contacts WHERE customer_id = '%1' AND agent = 'agent1' AND notes LIKE 'Asked when%%';"_s.arg(m_customer.id));
    QCOMPARE(recorded, QStringList { u"1"_s });
}

void tst_WorkstationEndToEnd::aBulkyWasteBookingRunsToItsOutcomeAndSyncs()
{
    key(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(item(u"contactClock"_s));
    QTRY_VERIFY(item(u"scriptPane"_s) && item(u"scriptPane"_s)->isVisible());
    key(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier); // to the script list
    QTRY_VERIFY(item(u"scriptFilter"_s));
    typeText(u"bulky"_s);
    shoot(u"12-script-choose"_s);
    key(Qt::Key_Return);
    QTRY_VERIFY(item(u"scriptStep"_s) && item(u"scriptStep"_s)->isVisible());
    QTRY_VERIFY(item(u"articleTitle"_s) && item(u"articleTitle"_s)->isVisible()); // what we collect, opened
    key(Qt::Key_Return);

    // Numbers pick choices, Enter goes on; a typed answer is checked as it is given.
    QTRY_VERIFY(item(u"option1"_s));
    shoot(u"13-script-choice"_s);
    key(Qt::Key_1); // household items only
    QTRY_VERIFY(item(u"option4"_s)); // the bands of items
    key(Qt::Key_1); // 1 to 3 items
    QTRY_VERIFY(item(u"answerField"_s) && item(u"answerField"_s)->isVisible());
    typeText(u"Sofa and two armchairs"_s);
    key(Qt::Key_Return);
    QTRY_VERIFY(item(u"option2"_s));
    key(Qt::Key_2); // no concession
    QTRY_VERIFY(!item(u"option2"_s) || !item(u"option2"_s)->isVisible());
    key(Qt::Key_Return); // the charge, read out

    // A collection day a week or so ahead, on a working day.
    const WorkingCalendar calendar = WorkingCalendar::forJurisdiction(Jurisdiction::EnglandAndWales).value();
    QDate day = QDate::currentDate().addDays(7);
    while (!calendar.isWorkingDay(day))
        day = day.addDays(1);
    QTRY_VERIFY(item(u"answerField"_s) && item(u"answerField"_s)->isVisible());
    typeText(u"31/02/2026"_s);
    key(Qt::Key_Return);
    QTRY_VERIFY(!item(u"answerField"_s)->property("errorText").toString().isEmpty()); // not a date: stays
    shoot(u"14-script-refused-date"_s);
    key(Qt::Key_A, Qt::ControlModifier);
    typeText(day.toString(u"dd/MM/yyyy"_s));
    key(Qt::Key_Return);
    QTRY_VERIFY(item(u"answerField"_s)->property("text").toString().isEmpty()); // the next question
    typeText(u"Front garden by the gate"_s);
    key(Qt::Key_Return);
    QTRY_VERIFY(item(u"option1"_s));
    key(Qt::Key_1); // paid by card
    QTRY_VERIFY(item(u"answerField"_s) && item(u"answerField"_s)->isVisible());
    typeText(u"TF4K7Q2M"_s);
    key(Qt::Key_Return);
    QTRY_VERIFY(item(u"nextButton"_s) && item(u"nextButton"_s)->isVisible());
    key(Qt::Key_Return); // raise at wrap-up
    QTRY_VERIFY(item(u"outcomeTitle"_s) && item(u"outcomeTitle"_s)->isVisible());

    // The wrap-up comes filled in from the script; the agent says it was value demand and wraps up.
    QTRY_VERIFY(item(u"contactDemand"_s));
    item(u"contactDemand"_s)->forceActiveFocus();
    key(Qt::Key_Down);
    QTRY_VERIFY(item(u"wrapUpButton"_s)->isEnabled());
    shoot(u"15-script-outcome"_s);
    key(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(item(u"contactClock"_s) == nullptr, 10000);
    QVERIFY(waitForSynced());

    const QString db = m_serverDb.mid(7);
    const QStringList contact = sqliteRows(db,
        u"SELECT outcome, demand_type, failure_kind, script_version, service, reason FROM contacts"
        " WHERE customer_id = '%1' AND script_id = 'waste-bulky-collection';"_s.arg(m_customer.id));
    QCOMPARE(contact, QStringList { u"request_raised|value||1|waste|bulky_waste"_s });
    const QStringList raised = sqliteRows(db,
        u"SELECT k.request_type, k.team, substr(k.promised_by, 1, 10) FROM cases k JOIN contacts t ON k.raising_contact_id = t.id"
        " WHERE t.script_id = 'waste-bulky-collection' AND k.customer_id = '%1';"_s.arg(m_customer.id));
    QCOMPARE(raised, QStringList { u"bulky_waste|waste_collections|"_s + day.toString(Qt::ISODate) }); // the booked day
}

void tst_WorkstationEndToEnd::theIdleLockHidesTheRecordAndUnlocksWithThePassword()
{
    key(Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(item(u"lockScreen"_s));
    QVERIFY(item(u"customerName"_s) == nullptr); // nothing of the record is visible
    typeInto(u"unlockPasswordField"_s, u"wrong"_s);
    key(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!prop(session(), "errorText").toString().isEmpty(), 10000);
    QVERIFY(prop(session(), "locked").toBool());
    shoot(u"16-locked"_s);
    typeInto(u"unlockPasswordField"_s, QString::fromUtf8(kPassword));
    key(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!prop(session(), "locked").toBool(), 10000);
    QTRY_VERIFY(item(u"customerName"_s));
}

void tst_WorkstationEndToEnd::aScreenPopOpensTheCaller()
{
    if (m_customer.phone.isEmpty())
        QSKIP("the picked customer has no mobile number");
    // What the telephony system runs on an incoming call: a second `firstcontact --screen-pop NUMBER`
    // hands the number to the running client (this one) and ends at once.
    QProcess telephony;
    telephony.start(qEnvironmentVariable("FC_BIN_DIR") + u"/firstcontact"_s, { u"--screen-pop"_s, m_customer.phone });
    QTRY_VERIFY_WITH_TIMEOUT(telephony.state() == QProcess::NotRunning, 20000);
    QCOMPARE(telephony.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(item(u"contactClock"_s), 10000);
    QTRY_VERIFY(item(u"customerName"_s)->property("text").toString().contains(m_customer.familyName));
    shoot(u"17-screen-pop"_s);
}

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(u"FirstContactTests"_s);
    QGuiApplication::setApplicationName(u"firstcontact-e2e"_s);
    QQuickStyle::setStyle(u"Basic"_s);
    QTranslator translator; // as the workstation has it: the screenshots show what a desk shows
    installClientTranslation(translator);
    tst_WorkstationEndToEnd test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_WorkstationEndToEnd.moc"
