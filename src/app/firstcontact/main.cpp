// firstcontact: the agent workstation. Composition root: builds the layers, wires them, hands them to QML.

#include "core/Version.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
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
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    // The system language picks the translation (cy, ga, pl; en_GB is the source text).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("firstcontact"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QQmlApplicationEngine engine;
    bool qmlFailed = false;
    QObject::connect(&engine, &QQmlApplicationEngine::warnings, &app, [&qmlFailed](const QList<QQmlError> &warnings) {
        for (const QQmlError &warning : warnings)
            QTextStream(stderr) << warning.toString() << Qt::endl;
        qmlFailed = true;
    });
    engine.load(QUrl(QStringLiteral("qrc:/FirstContact/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (parser.isSet(selfTestOption))
        return qmlFailed ? 1 : 0;
    return QGuiApplication::exec();
}
