// firstcontact-server serve: the HTTP API on one address, until the process is stopped.

#include "CommandDatabase.h"
#include "ServerCommand.h"
#include "server/ApiDispatcher.h"
#include "server/AuthService.h"
#include "server/HttpFrontEnd.h"
#include "server/ListenAddress.h"
#include "server/ServerMigrator.h"
#include "server/ServerRoutes.h"
#include "server/TlsSetup.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

int runServe(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serve the FirstContact API over HTTP. Plain HTTP only on a loopback address (behind a reverse "
        u"proxy that terminates TLS); any other address needs --tls-cert and --tls-key."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption listenOption(u"listen"_s, u"Address and port to listen on (port 0: any free one)."_s,
                                          u"HOST:PORT"_s, u"127.0.0.1:8443"_s);
    const QCommandLineOption certOption(u"tls-cert"_s, u"PEM certificate chain, leaf first."_s, u"FILE"_s);
    const QCommandLineOption keyOption(u"tls-key"_s, u"PEM private key of the certificate (unencrypted)."_s, u"FILE"_s);
    const QCommandLineOption proxyOption(u"trusted-proxy"_s,
                                         u"Address of a reverse proxy whose X-Forwarded-For is believed; repeatable."_s,
                                         u"ADDRESS"_s);
    const QCommandLineOption sessionOption(u"session-hours"_s, u"How long a login lasts."_s, u"HOURS"_s, u"12"_s);
    const QCommandLineOption windowOption(u"sync-window-days"_s,
                                          u"Contacts and closed cases of this many days reach desks (open cases always)."_s,
                                          u"DAYS"_s, u"730"_s);
    parser.addOptions({ helpOption, listenOption, certOption, keyOption, proxyOption, sessionOption, windowOption });

    const QString usage = u"usage: firstcontact-server [--db URL] serve [--listen HOST:PORT] "
                          u"[--tls-cert FILE --tls-key FILE] [--trusted-proxy ADDRESS]... [--session-hours H] [--sync-window-days D]"_s;
    const auto usageError = [&](const QString &message) {
        context.err << "firstcontact-server serve: " << message << Qt::endl << usage << Qt::endl;
        return 2;
    };
    if (!parser.parse(context.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        context.out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument '%1'."_s.arg(parser.positionalArguments().constFirst()));
    Result<ListenAddress> listen = ListenAddress::parse(parser.value(listenOption));
    if (!listen)
        return usageError(listen.error().message);
    if (parser.isSet(certOption) != parser.isSet(keyOption))
        return usageError(u"--tls-cert and --tls-key go together."_s);
    HttpFrontEndOptions frontEndOptions;
    for (const QString &proxy : parser.values(proxyOption)) {
        QHostAddress address;
        if (!address.setAddress(proxy))
            return usageError(u"--trusted-proxy needs an IP address, not '%1'."_s.arg(proxy));
        frontEndOptions.trustedProxies.append(address);
    }
    bool ok = false;
    const int sessionHours = parser.value(sessionOption).toInt(&ok);
    if (!ok || sessionHours < 1 || sessionHours > 24 * 30)
        return usageError(u"--session-hours needs a whole number from 1 to 720."_s);

    std::optional<QSslConfiguration> tls;
    if (parser.isSet(certOption)) {
        Result<QSslConfiguration> loaded = loadTlsConfiguration(parser.value(certOption), parser.value(keyOption));
        if (!loaded)
            return reportFailure(context, u"serve"_s, loaded.error());
        tls = loaded.value();
    } else if (Status allowed = listen.value().checkPlainHttpAllowed(); !allowed) {
        return usageError(allowed.error().message);
    }

    Result<std::unique_ptr<ServerDatabase>> opened = openCommandDatabase(context);
    if (!opened)
        return reportFailure(context, u"serve"_s, opened.error());
    ServerDatabase &database = *opened.value();
    AuthPolicy policy;
    policy.sessionLifetime = std::chrono::hours(sessionHours);
    AuthService auth(database, policy);
    bool windowOk = false;
    const int windowDays = parser.value(windowOption).toInt(&windowOk);
    if (!windowOk || windowDays < 1 || windowDays > 36500)
        return usageError(u"--sync-window-days needs a number of days from 1 to 36500."_s);
    Result<RouteTable> routes = buildServerRoutes(auth, database, FeedSettings { windowDays });
    if (!routes)
        return reportFailure(context, u"serve"_s, routes.error());
    ApiDispatcher dispatcher(routes.value(), auth, database);
    HttpFrontEnd frontEnd(dispatcher, frontEndOptions);
    Result<quint16> port = frontEnd.start(listen.value(), tls);
    if (!port)
        return reportFailure(context, u"serve"_s, port.error());

    Result<int> version = ServerMigrator::currentVersion(database);
    const QString host = listen.value().address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + listen.value().address.toString() + u']'
        : listen.value().address.toString();
    // Tests and scripts read this line for the port when they asked for port 0.
    context.out << "firstcontact-server: listening on " << (tls ? "https" : "http") << "://" << host << ':'
                << port.value() << " (database " << database.location().displayName() << ", schema "
                << version.valueOr(0) << ')' << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace fc::server::cli
