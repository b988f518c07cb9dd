// firstcontact: the agent workstation. Composition root: builds the layers, wires them, hands them to QML.

#include "ClientApp.h"
#include "core/Version.h"
#include "ui/ScreenPopServer.h"
#include "ui/SessionModel.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTextStream>
#include <QTranslator>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

#include <sys/resource.h>

Q_IMPORT_QML_PLUGIN(FirstContactPlugin)
Q_IMPORT_QML_PLUGIN(FirstContact_ModelsPlugin)

namespace {

QStringList rawArguments(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

} // namespace

int main(int argc, char *argv[])
{
    // A crash must not write the cache key or a password to a core file on a shared PC.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    // --help and --version must work with no display, so parse before the GUI application exists.
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FirstContact agent workstation"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption selfTestOption(QStringLiteral("self-test"),
                                            QStringLiteral("Load every page, report QML errors and exit."));
    parser.addOption(selfTestOption);
    const QCommandLineOption screenPopOption(QStringLiteral("screen-pop"),
                                             QStringLiteral("Bring the running client forward on the caller with this phone "
                                                            "number (what a telephony system runs on an incoming call)."),
                                             QStringLiteral("NUMBER"));
    parser.addOption(screenPopOption);
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("The server to sign in to (default: the last one used, or FC_SERVER_URL)."),
                                          QStringLiteral("URL"));
    parser.addOption(serverOption);
    const QCommandLineOption profilesOption(QStringLiteral("profiles"),
                                            QStringLiteral("Where this desk keeps its encrypted profiles (default: the user's data directory)."),
                                            QStringLiteral("DIR"));
    parser.addOption(profilesOption);
    const QCommandLineOption signInOption(QStringLiteral("sign-in"),
                                          QStringLiteral("Sign in as USER at start with the password read from standard "
                                                         "input (scripts/demo uses it; a desk signs in on the page)."),
                                          QStringLiteral("USER"));
    parser.addOption(signInOption);
    const QStringList arguments = rawArguments(argc, argv);
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        // No application object exists yet, so Qt cannot know the program's name.
        QTextStream(stdout) << parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("firstcontact"));
        return 0;
    }
    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << "firstcontact " << fc::kVersion << Qt::endl;
        return 0;
    }

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("firstcontact"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("FirstContact"));
    QGuiApplication::setOrganizationName(QStringLiteral("FirstContact"));
    QGuiApplication::setApplicationVersion(QLatin1StringView(fc::kVersion));
    QGuiApplication::setDesktopFileName(QStringLiteral("firstcontact"));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    // One client per desk session: a second launch with --screen-pop hands its number to the running
    // one and ends; when none runs, this one starts and pops the number once someone signs in.
    const QString popNumber = parser.value(screenPopOption);
    if (!popNumber.isEmpty() && !parser.isSet(selfTestOption) && fc::ScreenPopServer::sendToRunning(popNumber, 2000))
        return 0;

    // The system language picks the translation (cy, ga, pl), else British English.
    QTranslator translator;
    fc::installClientTranslation(translator);

    fc::ClientApp::Options options;
    options.profilesRoot = parser.value(profilesOption);
    options.serverUrl = parser.value(serverOption);
    options.screenPop = popNumber;
    options.singleInstance = !parser.isSet(selfTestOption);
    fc::ClientApp client(options);

    if (parser.isSet(selfTestOption)) {
        const QStringList errors = client.selfTest();
        for (const QString &error : errors)
            QTextStream(stderr) << error << Qt::endl;
        if (!errors.isEmpty())
            return 1;
    }

    bool qmlFailed = false;
    QObject::connect(&client.engine(), &QQmlApplicationEngine::warnings, &app, [&qmlFailed](const QList<QQmlError> &warnings) {
        for (const QQmlError &warning : warnings)
            QTextStream(stderr) << warning.toString() << Qt::endl;
        qmlFailed = true;
    });
    if (!client.load())
        return 1;
    if (parser.isSet(signInOption) && !parser.isSet(selfTestOption)) {
        // One line from standard input; the QString goes to the session, which keeps only SecureBytes.
        QTextStream in(stdin);
        QString password = in.readLine();
        client.session().signIn(parser.value(signInOption), password);
        password.fill(QLatin1Char(' '));
    }
    if (parser.isSet(selfTestOption)) {
        QCoreApplication::processEvents();
        return qmlFailed ? 1 : 0;
    }
    return QGuiApplication::exec();
}
