#include "server/DatabaseLocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

Error badUrl(const QString &why)
{
    return makeError(u"db.bad_url"_s,
                     QCoreApplication::translate("fc::server::DatabaseLocation",
                                                 "%1 Use --db postgresql://USER@HOST[:PORT]/DATABASE or "
                                                 "--db sqlite:PATH.")
                         .arg(why));
}

// Only options that choose transport security and time-outs; anything else in the query is refused so
// a typo ("sslmod=require") cannot silently weaken the connection.
const QLatin1StringView kPassedOptions[] = {
    "sslmode"_L1, "sslrootcert"_L1, "sslcert"_L1, "sslkey"_L1, "connect_timeout"_L1, "application_name"_L1,
};

} // namespace

Result<DatabaseLocation> DatabaseLocation::parse(const QString &text)
{
    DatabaseLocation location;
    if (text.startsWith(u"sqlite:"_s)) {
        location.dialect = SqlDialect::Sqlite;
        location.path = text.mid(7);
        if (location.path.startsWith(u"//"_s)) // tolerate sqlite:///abs/path
            location.path = location.path.mid(2);
        if (location.path.isEmpty())
            return badUrl(QCoreApplication::translate("fc::server::DatabaseLocation",
                                                      "The SQLite URL names no file."));
        return location;
    }
    if (!text.startsWith(u"postgresql://"_s) && !text.startsWith(u"postgres://"_s))
        return badUrl(QCoreApplication::translate("fc::server::DatabaseLocation",
                                                  "'%1' is not a database URL this server knows.")
                          .arg(text));

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badUrl(QCoreApplication::translate("fc::server::DatabaseLocation", "The URL is malformed: %1.")
                          .arg(url.errorString()));
    location.dialect = SqlDialect::PostgreSql;
    location.host = url.host();
    location.port = url.port(5432);
    location.user = url.userName();
    location.password = url.password();
    location.database = url.path().mid(1);
    if (location.host.isEmpty())
        return badUrl(QCoreApplication::translate("fc::server::DatabaseLocation", "The URL names no host."));
    if (location.database.isEmpty() || location.database.contains(u'/'))
        return badUrl(QCoreApplication::translate("fc::server::DatabaseLocation",
                                                  "The URL must name one database after the host."));

    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        bool known = false;
        for (QLatin1StringView passed : kPassedOptions)
            known = known || key == passed;
        if (!known)
            return badUrl(QCoreApplication::translate("fc::server::DatabaseLocation",
                                                      "The option '%1' is not one the server passes on.")
                              .arg(key));
        options.append(key + u'=' + value);
    }
    if (!query.hasQueryItem(u"connect_timeout"_s))
        options.append(u"connect_timeout=10"_s); // an unreachable database fails a command, not hangs it
    location.connectOptions = options.join(u';');
    return location;
}

DatabaseLocation DatabaseLocation::defaultSqlite()
{
    DatabaseLocation location;
    location.dialect = SqlDialect::Sqlite;
    location.path = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                        .filePath(u"server.sqlite"_s);
    return location;
}

QString DatabaseLocation::displayName() const
{
    if (dialect == SqlDialect::Sqlite)
        return u"sqlite:"_s + path;
    const QString who = user.isEmpty() ? QString() : user + u'@';
    return u"postgresql://%1%2:%3/%4"_s.arg(who, host).arg(port).arg(database);
}

} // namespace fc::server
