#include "server/AccountNames.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

bool isKeyCharacter(QChar c, bool allowUpper)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' || u == u'-'
        || (allowUpper && u >= u'A' && u <= u'Z');
}

bool isKey(const QString &text, bool allowUpper)
{
    if (text.isEmpty() || text.size() > 64 || !text.front().isLetterOrNumber())
        return false;
    for (QChar c : text) {
        if (!isKeyCharacter(c, allowUpper))
            return false;
    }
    return true;
}

} // namespace

Status checkUserName(const QString &name)
{
    if (isKey(name, false))
        return {};
    return makeError(u"account.bad_user_name"_s,
                     QCoreApplication::translate("fc::server::AccountNames",
                                                 "'%1' is not a user name: use 1 to 64 lower-case letters, digits, "
                                                 "'.', '_' or '-', starting with a letter or digit.")
                         .arg(name.left(80)));
}

Status checkTeamName(const QString &name)
{
    if (isKey(name, false))
        return {};
    return makeError(u"account.bad_team_name"_s,
                     QCoreApplication::translate("fc::server::AccountNames",
                                                 "'%1' is not a team name: use 1 to 64 lower-case letters, digits, "
                                                 "'.', '_' or '-', starting with a letter or digit.")
                         .arg(name.left(80)));
}

Status checkDeviceId(const QString &id)
{
    if (isKey(id, true))
        return {};
    return makeError(u"account.bad_device_id"_s,
                     QCoreApplication::translate("fc::server::AccountNames",
                                                 "The device id must be 1 to 64 letters, digits, '.', '_' or '-'."));
}

Status checkDeviceName(const QString &name)
{
    bool clean = !name.trimmed().isEmpty() && name.size() <= 100;
    for (QChar c : name)
        clean = clean && c.category() != QChar::Other_Control;
    if (clean)
        return {};
    return makeError(u"account.bad_device_name"_s,
                     QCoreApplication::translate("fc::server::AccountNames",
                                                 "The device name must be 1 to 100 characters with no control "
                                                 "characters."));
}

} // namespace fc::server
