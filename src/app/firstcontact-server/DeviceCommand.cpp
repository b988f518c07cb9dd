// firstcontact-server device list|revoke: the client devices that have logged in.

#include "CommandDatabase.h"
#include "ServerCommand.h"
#include "server/DeviceStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

namespace {

const QString kUsage = u"usage: firstcontact-server [--db URL] device list\n"
                       u"       firstcontact-server [--db URL] device revoke ID"_s;

QString when(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : u"-"_s;
}

} // namespace

int runDevice(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List client devices, or revoke one: its sessions are refused from their next request and the "
        u"client wipes its local data."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    parser.addOption(helpOption);
    const auto usageError = [&](const QString &message) {
        context.err << "firstcontact-server device: " << message << Qt::endl << kUsage << Qt::endl;
        return 2;
    };
    if (!parser.parse(context.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        context.out << parser.helpText() << kUsage << Qt::endl;
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action == u"list"_s ? args.size() != 1 : action == u"revoke"_s ? args.size() != 2 : true)
        return usageError(action.isEmpty() ? u"say what to do."_s : u"wrong arguments for '%1'."_s.arg(action));

    Result<std::unique_ptr<ServerDatabase>> database = openCommandDatabase(context);
    if (!database)
        return reportFailure(context, u"device"_s, database.error());
    DeviceStore devices(*database.value());
    if (action == u"revoke"_s) {
        if (Status revoked = devices.revoke(args.at(1), QDateTime::currentDateTimeUtc()); !revoked)
            return reportFailure(context, u"device"_s, revoked.error());
        context.out << "revoked device " << args.at(1) << Qt::endl;
        return 0;
    }
    Result<QList<DeviceRecord>> all = devices.list();
    if (!all)
        return reportFailure(context, u"device"_s, all.error());
    context.out << "id\tuser\tname\tregistered\tlast seen\tstate" << Qt::endl;
    for (const DeviceRecord &device : all.value())
        context.out << device.id << '\t' << device.user << '\t' << device.name << '\t' << when(device.registeredAt)
                    << '\t' << when(device.lastSeenAt) << '\t'
                    << (device.isRevoked() ? u"revoked "_s + when(device.revokedAt) : u"active"_s) << Qt::endl;
    return 0;
}

} // namespace fc::server::cli
