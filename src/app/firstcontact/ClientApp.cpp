#include "ClientApp.h"

#include "storage/CacheWorker.h"
#include "ui/ScreenPopModel.h"
#include "ui/ScreenPopServer.h"
#include "ui/SessionModel.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QLocale>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace fc {

ClientApp::ClientApp(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_worker(std::make_unique<CacheWorker>())
    , m_session(std::make_unique<SessionModel>())
    , m_screenPop(std::make_unique<ScreenPopModel>())
    , m_popServer(std::make_unique<ScreenPopServer>())
    , m_engine(std::make_unique<QQmlApplicationEngine>())
{
    m_session->setCacheWorker(m_worker.get());
    if (!m_options.profilesRoot.isEmpty())
        m_session->setProfilesRoot(m_options.profilesRoot);
    if (!m_options.serverUrl.isEmpty())
        m_session->setServerUrl(m_options.serverUrl);
    m_screenPop->setCacheWorker(m_worker.get());

    if (m_options.singleInstance) {
        connect(m_popServer.get(), &ScreenPopServer::popRequested, this, &ClientApp::popNumber);
        m_popServer->listen();
    }
    connect(m_session.get(), &SessionModel::signedIn, this, &ClientApp::popPending);
    if (!m_options.screenPop.isEmpty())
        m_pendingPop = m_options.screenPop;
}

ClientApp::~ClientApp()
{
    // QML goes first (it holds bindings to the models), then the session, then the cache thread.
    m_engine.reset();
    m_popServer.reset();
    m_screenPop.reset();
    m_session.reset();
    m_worker.reset();
}

bool ClientApp::load()
{
    m_engine->setInitialProperties({ { u"session"_s, QVariant::fromValue(m_session.get()) },
                                     { u"screenPop"_s, QVariant::fromValue(m_screenPop.get()) } });
    m_engine->load(QUrl(u"qrc:/FirstContact/Main.qml"_s));
    return !m_engine->rootObjects().isEmpty();
}

bool installClientTranslation(QTranslator &translator)
{
    const bool loaded
        = translator.load(QLocale(), u"firstcontact"_s, u"_"_s, u":/i18n"_s) || translator.load(u":/i18n/firstcontact_en_GB"_s);
    return loaded && QCoreApplication::installTranslator(&translator);
}

QStringList ClientApp::selfTest()
{
    QQmlEngine engine;
    QStringList errors;
    QDirIterator pages(u":/FirstContact"_s, { u"*.qml"_s }, QDir::Files);
    int compiled = 0;
    while (pages.hasNext()) {
        const QString path = pages.next();
        // A singleton is not a component; its users' compilation checks it.
        QFile source(path);
        if (source.open(QIODevice::ReadOnly) && source.readLine().startsWith("pragma Singleton"))
            continue;
        QQmlComponent component(&engine, QUrl(u"qrc"_s + path), QQmlComponent::PreferSynchronous);
        if (component.isError()) {
            for (const QQmlError &error : component.errors())
                errors << error.toString();
        }
        ++compiled;
    }
    if (compiled == 0)
        errors << u"no QML pages found under qrc:/FirstContact"_s;
    return errors;
}

QQuickWindow *ClientApp::window() const
{
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
}

void ClientApp::popNumber(const QString &number)
{
    m_pendingPop = number;
    if (QQuickWindow *shown = window()) {
        shown->show();
        shown->raise();
        shown->requestActivate();
    }
    popPending();
}

void ClientApp::popPending()
{
    if (m_pendingPop.isEmpty() || m_session->stateKey() != u"ready"_s)
        return;
    m_screenPop->lookup(std::exchange(m_pendingPop, QString()));
}

} // namespace fc
