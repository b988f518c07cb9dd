// firstcontact-server user add|passwd|disable|enable|list: server accounts, passwords on standard input.

#include "CommandDatabase.h"
#include "PasswordInput.h"
#include "ServerCommand.h"
#include "server/AccountNames.h"
#include "server/PasswordHasher.h"
#include "server/UserStore.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

namespace {

const QString kUsage = u"usage: firstcontact-server [--db URL] user add NAME --role agent|counter|supervisor|admin "
                       u"--team TEAM\n"
                       u"       firstcontact-server [--db URL] user passwd NAME\n"
                       u"       firstcontact-server [--db URL] user disable NAME\n"
                       u"       firstcontact-server [--db URL] user enable NAME\n"
                       u"       firstcontact-server [--db URL] user list"_s;

Result<QString> newPasswordHash(CommandContext &context)
{
    Result<QString> password = readNewPassword(context.err);
    if (!password)
        return password.error();
    if (Status acceptable = PasswordHasher::checkAcceptable(password.value()); !acceptable)
        return acceptable.error();
    return PasswordHasher().hash(password.value());
}

} // namespace

int runUser(CommandContext &context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Manage server accounts. New passwords are read from standard input."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption roleOption(u"role"_s, u"agent, counter, supervisor or admin (user add)."_s, u"ROLE"_s);
    const QCommandLineOption teamOption(u"team"_s, u"The user's team; created when new (user add)."_s, u"TEAM"_s);
    parser.addOptions({ helpOption, roleOption, teamOption });
    const auto usageError = [&](const QString &message) {
        context.err << "firstcontact-server user: " << message << Qt::endl << kUsage << Qt::endl;
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
    const bool needsName = action == u"add"_s || action == u"passwd"_s || action == u"disable"_s || action == u"enable"_s;
    if (needsName && args.size() != 2)
        return usageError(u"'user %1' takes one user name."_s.arg(action));
    if (action == u"list"_s && args.size() != 1)
        return usageError(u"'user list' takes no arguments."_s);
    if (!needsName && action != u"list"_s)
        return usageError(action.isEmpty() ? u"say what to do."_s : u"unknown action '%1'."_s.arg(action));
    const QString name = args.value(1);

    std::optional<Role> role;
    if (action == u"add"_s) {
        if (!parser.isSet(roleOption) || !parser.isSet(teamOption))
            return usageError(u"'user add' needs --role and --team."_s);
        role = roleFromKey(parser.value(roleOption));
        if (!role)
            return usageError(u"--role must be agent, counter, supervisor or admin, not '%1'."_s.arg(parser.value(roleOption)));
        // Before the password is asked for, so nobody types one for nothing.
        for (const Status &valid : { checkUserName(name), checkTeamName(parser.value(teamOption)) }) {
            if (!valid)
                return usageError(valid.error().message);
        }
    }

    Result<std::unique_ptr<ServerDatabase>> database = openCommandDatabase(context);
    if (!database)
        return reportFailure(context, u"user"_s, database.error());
    UserStore users(*database.value());

    if (action == u"list"_s) {
        Result<QList<UserRecord>> all = users.list();
        if (!all)
            return reportFailure(context, u"user"_s, all.error());
        for (const UserRecord &user : all.value())
            context.out << user.name << '\t' << roleKey(user.role) << '\t' << user.team << '\t'
                        << (user.disabled ? "disabled" : "active") << Qt::endl;
        return 0;
    }
    if (action == u"disable"_s || action == u"enable"_s) {
        if (Status done = users.setDisabled(name, action == u"disable"_s); !done)
            return reportFailure(context, u"user"_s, done.error());
        context.out << (action == u"disable"_s ? "disabled user " : "enabled user ") << name << Qt::endl;
        return 0;
    }
    if (action == u"add"_s) {
        // Check the name before asking for a password that would be thrown away.
        Result<std::optional<UserRecord>> existing = users.find(name);
        if (!existing)
            return reportFailure(context, u"user"_s, existing.error());
        if (existing.value())
            return reportFailure(context, u"user"_s,
                                 makeError(u"account.user_exists"_s, u"There is already a user called '%1'."_s.arg(name)));
    } else {
        Result<std::optional<UserRecord>> existing = users.find(name);
        if (!existing)
            return reportFailure(context, u"user"_s, existing.error());
        if (!existing.value())
            return reportFailure(context, u"user"_s,
                                 makeError(u"account.unknown_user"_s, u"There is no user called '%1'."_s.arg(name)));
    }
    Result<QString> hash = newPasswordHash(context);
    if (!hash)
        return reportFailure(context, u"user"_s, hash.error());
    if (action == u"add"_s) {
        UserRecord user;
        user.name = name;
        user.role = *role;
        user.team = parser.value(teamOption);
        user.passwordHash = hash.value();
        if (Status added = users.add(user); !added)
            return reportFailure(context, u"user"_s, added.error());
        context.out << "added user " << name << " (" << roleKey(user.role) << ", team " << user.team << ')' << Qt::endl;
        return 0;
    }
    if (Status changed = users.setPasswordHash(name, hash.value()); !changed)
        return reportFailure(context, u"user"_s, changed.error());
    context.out << "changed the password of " << name << Qt::endl;
    return 0;
}

} // namespace fc::server::cli
