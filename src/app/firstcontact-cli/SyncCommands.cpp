// firstcontact-cli login | sync | status | search: the headless client on the same sync library as the
// workstation. Operators, benchmarks and end-to-end tests drive it. Passwords come on standard input.

#include "CliCommand.h"
#include "PasswordInput.h"
#include "core/JsonReader.h"
#include "storage/CacheProfile.h"
#include "storage/CacheWorker.h"
#include "storage/CustomerSearch.h"
#include "storage/ProfileLayout.h"
#include "sync/ApiClient.h"
#include "sync/SyncCache.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace fc::cli {

namespace {

// Not secret: names this profile to the server, so an administrator can revoke it.
QString deviceIdFile(const QString &profile)
{
    return QDir(profile).filePath(u"device-id"_s);
}

Result<QString> deviceId(const QString &profile)
{
    QFile file(deviceIdFile(profile));
    if (file.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromLatin1(file.readAll()).trimmed();
        if (!id.isEmpty())
            return id;
    }
    if (!QDir().mkpath(profile))
        return makeError(u"cli.profile_dir"_s, u"cannot create %1"_s.arg(profile));
    QFile::setPermissions(profile, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSaveFile out(deviceIdFile(profile));
    if (!out.open(QIODevice::WriteOnly) || out.write(id.toLatin1() + '\n') < 0 || !out.commit())
        return makeError(u"cli.profile_dir"_s, u"cannot write %1"_s.arg(deviceIdFile(profile)));
    return id;
}

template<typename T> T waitFor(QFuture<T> future)
{
    // The CLI's main thread has nothing else to do; the job runs on the cache thread.
    future.waitForFinished();
    return future.result();
}

int fail(CommandContext &context, const QString &command, const Error &error)
{
    context.err << "firstcontact-cli " << command << ": " << error.message << " [" << error.code << "]" << Qt::endl;
    return 1;
}

int usage(CommandContext &context, const QString &command, const QString &message, const QString &text)
{
    context.err << "firstcontact-cli " << command << ": " << message << Qt::endl << text << Qt::endl;
    return 2;
}

struct Parsed {
    QCommandLineParser parser;
    QStringList positional;
};

// Parses the command's own options; returns -1 to go on, or the exit code.
int parse(CommandContext &context, const QString &command, Parsed &parsed, const QList<QCommandLineOption> &options,
          const QString &text, int positionalCount)
{
    const QCommandLineOption help(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    parsed.parser.addOptions(options);
    parsed.parser.addOption(help);
    if (!parsed.parser.parse(context.arguments))
        return usage(context, command, parsed.parser.errorText(), text);
    if (parsed.parser.isSet(help)) {
        context.out << parsed.parser.helpText() << text << Qt::endl;
        return 0;
    }
    parsed.positional = parsed.parser.positionalArguments();
    if (positionalCount >= 0 && parsed.positional.size() != positionalCount)
        return usage(context, command, u"wrong number of arguments."_s, text);
    if (context.profileDir.isEmpty())
        return usage(context, command, u"--profile DIR is required."_s, text);
    return -1;
}

// Unlocks the profile on a CacheWorker with the password from standard input.
Status unlock(CommandContext &context, CacheWorker &worker)
{
    PasswordInput input(context.err);
    Result<SecureBytes> password = input.read(u"Password"_s);
    if (!password)
        return password.error();
    return waitFor(worker.unlock(context.profileDir, std::move(password).value()));
}

QString sessionValue(CacheWorker &worker, const QString &key)
{
    Result<std::optional<QString>> value
        = waitFor(worker.run([key](QSqlDatabase &db) { return SyncCache::sessionValue(db, key); }));
    return value && value.value() ? *value.value() : QString();
}

} // namespace

int runLogin(CommandContext &context)
{
    const QString text = u"usage: firstcontact-cli --profile DIR login --server URL --user NAME [--device-name NAME]"
                         u" [--kdf-cost interactive|moderate|sensitive]\n"
                         u"The password is read from standard input. The first login on a profile creates its "
                         u"encrypted cache with the same password."_s;
    Parsed p;
    const QCommandLineOption server(u"server"_s, u"Server URL, https://host:8443 (http only for loopback)."_s, u"URL"_s);
    const QCommandLineOption user(u"user"_s, u"User name."_s, u"NAME"_s);
    const QCommandLineOption deviceName(u"device-name"_s, u"How the server lists this device."_s, u"NAME"_s);
    const QCommandLineOption kdf(u"kdf-cost"_s, u"Password hashing cost for a new cache."_s, u"COST"_s, u"moderate"_s);
    if (const int code = parse(context, u"login"_s, p, { server, user, deviceName, kdf }, text, 0); code >= 0)
        return code;
    const QUrl url(p.parser.value(server));
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
        return usage(context, u"login"_s, u"--server needs an http(s) URL."_s, text);
    if (p.parser.value(user).isEmpty())
        return usage(context, u"login"_s, u"--user is required."_s, text);
    KdfCost cost = KdfCost::Moderate;
    const QString costName = p.parser.value(kdf);
    if (costName == u"interactive"_s)
        cost = KdfCost::Interactive;
    else if (costName == u"sensitive"_s)
        cost = KdfCost::Sensitive;
    else if (costName != u"moderate"_s)
        return usage(context, u"login"_s, u"unknown --kdf-cost."_s, text);

    PasswordInput input(context.err);
    Result<SecureBytes> password = input.read(u"Password"_s);
    if (!password)
        return fail(context, u"login"_s, password.error());
    Result<QString> device = deviceId(context.profileDir);
    if (!device)
        return fail(context, u"login"_s, device.error());

    ApiClient api;
    api.setBaseUrl(url);
    QEventLoop loop;
    Result<ApiReply> answer = makeError(u"network.aborted"_s, u"no answer"_s);
    // The login body has to carry the password; the JSON copy lives only until the request is sent.
    api.post(u"/v1/auth/login"_s,
             { { u"user"_s, p.parser.value(user) },
               { u"password"_s, QString::fromUtf8(password->view()) },
               { u"device_id"_s, device.value() },
               { u"device_name"_s, p.parser.value(deviceName).isEmpty()
                                       ? u"firstcontact-cli on %1"_s.arg(QHostInfo::localHostName())
                                       : p.parser.value(deviceName) } },
             [&](Result<ApiReply> reply) {
                 answer = std::move(reply);
                 loop.quit();
             });
    loop.exec();
    if (!answer)
        return fail(context, u"login"_s, answer.error());
    if (!answer->ok())
        return fail(context, u"login"_s, makeError(answer->errorCode(), answer->errorMessage()));
    const QString token = answer->json.value(u"token"_s).toString();
    const QJsonObject who = answer->json.value(u"user"_s).toObject();

    CacheWorker worker;
    const bool exists = QFile::exists(ProfileLayout(context.profileDir).keyFile());
    Status opened = exists ? waitFor(worker.unlock(context.profileDir, std::move(password).value()))
                           : waitFor(worker.create(context.profileDir, p.parser.value(user), std::move(password).value(), cost));
    if (!opened)
        return fail(context, u"login"_s, opened.error());
    const QList<std::pair<QString, QString>> values {
        { u"server_url"_s, url.toString() }, { u"user"_s, who.value(u"name"_s).toString() },
        { u"role"_s, who.value(u"role"_s).toString() }, { u"team"_s, who.value(u"team"_s).toString() },
        { u"token"_s, token }, { u"expires_at"_s, answer->json.value(u"expires_at"_s).toString() },
        { u"device_id"_s, device.value() },
    };
    Status saved = waitFor(worker.run([values](QSqlDatabase &db) -> Status {
        for (const auto &[key, value] : values) {
            if (Status set = SyncCache::setSessionValue(db, key, value); !set)
                return set;
        }
        return {};
    }));
    if (!saved)
        return fail(context, u"login"_s, saved.error());
    context.out << "Signed in as " << who.value(u"name"_s).toString() << " (" << who.value(u"role"_s).toString() << ", "
                << who.value(u"team"_s).toString() << ") on " << url.toString() << "; device " << device.value()
                << (exists ? "" : "; new encrypted cache created") << Qt::endl;
    return 0;
}

int runSync(CommandContext &context)
{
    const QString text = u"usage: firstcontact-cli --profile DIR sync [--retries N] [--page-size N] [--quiet]\n"
                         u"Pushes the changes waiting on this desk, then pulls until up to date. The password is "
                         u"read from standard input. Exit 0 when in sync, 1 when it could not finish."_s;
    Parsed p;
    const QCommandLineOption retries(u"retries"_s, u"Retry this many times after a failure (with back-off)."_s,
                                     u"N"_s, u"0"_s);
    const QCommandLineOption pageSize(u"page-size"_s, u"Records per pulled page."_s, u"N"_s,
                                      QString::number(wire::kDefaultPullLimit));
    const QCommandLineOption quiet(u"quiet"_s, u"Print only the summary."_s);
    if (const int code = parse(context, u"sync"_s, p, { retries, pageSize, quiet }, text, 0); code >= 0)
        return code;
    bool retriesOk = false;
    bool pageOk = false;
    const int allowedRetries = p.parser.value(retries).toInt(&retriesOk);
    const int limit = p.parser.value(pageSize).toInt(&pageOk);
    if (!retriesOk || allowedRetries < 0 || !pageOk || limit < 1 || limit > wire::kMaximumPullLimit)
        return usage(context, u"sync"_s, u"--retries and --page-size need sensible numbers."_s, text);

    CacheWorker worker;
    if (Status opened = unlock(context, worker); !opened)
        return fail(context, u"sync"_s, opened.error());
    const QString server = sessionValue(worker, u"server_url"_s);
    const QString token = sessionValue(worker, u"token"_s);
    if (server.isEmpty() || token.isEmpty())
        return fail(context, u"sync"_s, makeError(u"cli.not_signed_in"_s, u"run 'login' first."_s));

    SyncEngine engine(worker, context.profileDir);
    engine.setServer(QUrl(server), token);
    SyncTiming timing;
    timing.pullLimit = limit;
    timing.firstRetry = std::chrono::milliseconds(500);
    timing.maximumRetry = std::chrono::milliseconds(10'000);
    engine.setTiming(timing);
    QEventLoop loop;
    int failures = 0;
    bool ok = false;
    Error last;
    qint64 lastPrinted = -1;
    const bool verbose = !p.parser.isSet(quiet);
    QObject::connect(&engine, &SyncEngine::statusChanged, &loop, [&](const SyncStatus &status) {
        if (verbose && status.phase == u"snapshot"_s && status.total > 0 && status.done != lastPrinted) {
            lastPrinted = status.done;
            context.out << "first sync: " << status.done << " / " << status.total << " records ("
                        << (status.done * 100 / status.total) << "%)" << Qt::endl;
        }
    });
    QObject::connect(&engine, &SyncEngine::cycleFinished, &loop, [&](bool done, const Error &error) {
        if (done) {
            ok = true;
            loop.quit();
            return;
        }
        last = error;
        const SyncStatus::State state = engine.status().state;
        if (++failures > allowedRetries || state == SyncStatus::State::SignedOut || state == SyncStatus::State::Wiped) {
            engine.stop();
            loop.quit();
            return;
        }
        if (verbose)
            context.out << "sync failed (" << error.code << "), retrying in " << engine.nextRetryIn().count() << " ms"
                        << Qt::endl;
    });
    QTimer::singleShot(0, &engine, &SyncEngine::syncNow);
    loop.exec();
    if (engine.status().state == SyncStatus::State::Wiped) {
        context.err << "firstcontact-cli sync: " << engine.status().message << Qt::endl;
        return 1;
    }
    if (!ok)
        return fail(context, u"sync"_s, last);
    const SyncStatus &status = engine.status();
    context.out << "in sync: " << status.pending << " waiting to send, " << status.conflicts << " conflicts, "
                << status.rejected << " refused changes" << Qt::endl;
    return 0;
}

int runStatus(CommandContext &context)
{
    const QString text = u"usage: firstcontact-cli --profile DIR status [--json]\nThe password is read from standard input."_s;
    Parsed p;
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    if (const int code = parse(context, u"status"_s, p, { json }, text, 0); code >= 0)
        return code;
    CacheWorker worker;
    if (Status opened = unlock(context, worker); !opened)
        return fail(context, u"status"_s, opened.error());
    Result<QJsonObject> status = waitFor(worker.run([](QSqlDatabase &db) -> Result<QJsonObject> {
        Result<SyncSnapshot> snapshot = SyncCache::snapshot(db);
        if (!snapshot)
            return snapshot.error();
        QJsonObject counts;
        for (const auto &[name, table] : { std::pair { u"customers"_s, u"customer"_s },
                                           std::pair { u"cases"_s, u"service_case"_s },
                                           std::pair { u"contacts"_s, u"contact"_s } }) {
            QSqlQuery query(db);
            if (!query.exec(u"SELECT count(*) FROM "_s + table) || !query.next())
                return makeError(u"cache.query_failed"_s, u"could not count %1"_s.arg(name));
            counts.insert(name, query.value(0).toLongLong());
        }
        QJsonObject out { { u"pending"_s, snapshot->pending },
                          { u"conflicts"_s, snapshot->conflicts },
                          { u"rejected"_s, snapshot->rejected },
                          { u"phase"_s, snapshot->phase.isEmpty() ? u"never"_s : snapshot->phase },
                          { u"last_sync_at"_s, JsonReader::timeText(snapshot->lastSyncAt) },
                          { u"records"_s, counts } };
        for (const QString &key : { u"server_url"_s, u"user"_s, u"role"_s, u"team"_s, u"device_id"_s }) {
            Result<std::optional<QString>> value = SyncCache::sessionValue(db, key);
            out.insert(key, value && value.value() ? *value.value() : QString());
        }
        return out;
    }));
    if (!status)
        return fail(context, u"status"_s, status.error());
    if (p.parser.isSet(json)) {
        context.out << QJsonDocument(status.value()).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    const QJsonObject s = status.value();
    const QJsonObject records = s.value(u"records"_s).toObject();
    context.out << "server:      " << s.value(u"server_url"_s).toString() << Qt::endl
                << "user:        " << s.value(u"user"_s).toString() << " (" << s.value(u"role"_s).toString() << ", "
                << s.value(u"team"_s).toString() << ")" << Qt::endl
                << "last sync:   " << (s.value(u"last_sync_at"_s).toString().isEmpty() ? u"never"_s : s.value(u"last_sync_at"_s).toString())
                << " (" << s.value(u"phase"_s).toString() << ")" << Qt::endl
                << "waiting:     " << s.value(u"pending"_s).toInteger() << " changes to send" << Qt::endl
                << "conflicts:   " << s.value(u"conflicts"_s).toInteger() << Qt::endl
                << "refused:     " << s.value(u"rejected"_s).toInteger() << Qt::endl
                << "records:     " << records.value(u"customers"_s).toInteger() << " customers, "
                << records.value(u"cases"_s).toInteger() << " cases, " << records.value(u"contacts"_s).toInteger()
                << " contacts" << Qt::endl;
    return 0;
}

int runSearch(CommandContext &context)
{
    const QString text = u"usage: firstcontact-cli --profile DIR search TEXT [--json] [--limit N]\n"
                         u"TEXT: a name, phone, email, postcode, address or reference. The password is read from "
                         u"standard input."_s;
    Parsed p;
    const QCommandLineOption json(u"json"_s, u"Print one JSON array."_s);
    const QCommandLineOption limitOption(u"limit"_s, u"At most N matches."_s, u"N"_s, u"20"_s);
    if (const int code = parse(context, u"search"_s, p, { json, limitOption }, text, 1); code >= 0)
        return code;
    bool limitOk = false;
    const int limit = p.parser.value(limitOption).toInt(&limitOk);
    if (!limitOk || limit < 1 || limit > 1000)
        return usage(context, u"search"_s, u"--limit is 1 to 1000."_s, text);
    CacheWorker worker;
    if (Status opened = unlock(context, worker); !opened)
        return fail(context, u"search"_s, opened.error());
    const QString query = p.positional.at(0);
    Result<CustomerSearchPage> page
        = waitFor(worker.run([query, limit](QSqlDatabase &db) { return CustomerSearch(db).search(query, limit); }));
    if (!page)
        return fail(context, u"search"_s, page.error());
    if (p.parser.isSet(json)) {
        QJsonArray hits;
        for (const CustomerSearchHit &hit : page->hits) {
            hits.append(QJsonObject { { u"id"_s, hit.id.toString(QUuid::WithoutBraces) },
                                      { u"reference"_s, hit.reference },
                                      { u"name"_s, hit.displayName },
                                      { u"address"_s, hit.addressLine },
                                      { u"postcode"_s, hit.postcode },
                                      { u"date_of_birth"_s, hit.dateOfBirth.isValid()
                                                                ? QJsonValue(hit.dateOfBirth.toString(Qt::ISODate))
                                                                : QJsonValue() } });
        }
        context.out << QJsonDocument(hits).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    for (const CustomerSearchHit &hit : page->hits) {
        context.out << hit.reference << "  " << hit.displayName << "  " << hit.addressLine << ", " << hit.postcode
                    << (hit.dateOfBirth.isValid() ? u"  born "_s + hit.dateOfBirth.toString(u"dd/MM/yyyy"_s) : QString())
                    << Qt::endl;
    }
    if (page->hits.isEmpty())
        context.out << "no match" << Qt::endl;
    return 0;
}

} // namespace fc::cli
