#pragma once

// The workstation's composition root as a class, so main() and the end-to-end test build exactly the
// same thing: the cache thread, the session, screen-pop, and the QML window on top of them.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace fc {

class CacheWorker;
class ScreenPopModel;
class ScreenPopServer;
class SessionModel;

/// Installs the workstation's translation for the system language (cy, ga, pl), or British English
/// (en_GB: the source text with its plural forms) when there is none for it. The translator must outlive
/// the application's use of it.
bool installClientTranslation(QTranslator &translator);

class ClientApp : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString profilesRoot;   // empty: the user's data directory
        QString serverUrl;      // empty: the remembered one, or FC_SERVER_URL
        QString screenPop;      // a number to pop once signed in (--screen-pop when no instance ran)
        bool singleInstance = true; // listen for screen-pops from later launches
    };

    explicit ClientApp(Options options, QObject *parent = nullptr);
    ~ClientApp() override;

    /// Loads the window. False (with the QML errors on standard error) when it cannot.
    bool load();
    /// Compiles every page the client ships without showing one: a QML error anywhere is caught here
    /// rather than on a desk. Returns the errors, empty when all is well.
    QStringList selfTest();

    /// Pops `number` now if signed in, or as soon as someone signs in.
    void popNumber(const QString &number);

    QQmlApplicationEngine &engine() { return *m_engine; }
    QQuickWindow *window() const;
    SessionModel &session() { return *m_session; }
    ScreenPopModel &screenPop() { return *m_screenPop; }

private:
    void popPending();

    Options m_options;
    std::unique_ptr<CacheWorker> m_worker;
    std::unique_ptr<SessionModel> m_session;
    std::unique_ptr<ScreenPopModel> m_screenPop;
    std::unique_ptr<ScreenPopServer> m_popServer;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QString m_pendingPop;
};

} // namespace fc
