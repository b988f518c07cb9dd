// Push throughput: many desks sending mutations at once to real firstcontact-server processes over
// loopback HTTP, against one database. Prints mutations/s and latency percentiles per request
// (docs/BENCHMARKS.md, "Push throughput").
//
// Usage: bench_push --db postgresql://USER@HOST:PORT/DB [--clients 100] [--servers 2] [--seconds 20]
//                   [--batch 1] [--rate 0] [--customers 2000] [--postmaster-pid PID]
// The database is migrated, seeded with a small council (for contacts to name real customers) and
// given one user per client; each client logs in as its own device, then keeps one push in flight:
// a batch of new wrapped-up contacts, until time is up. With --rate R each desk instead pushes R times
// a second on a fixed schedule (an offered load, as desks really behave), and a push's latency counts
// from when it was due, so a server that falls behind shows it.
//
// The machine is shared, so besides wall-clock figures it prints the CPU time spent per mutation by the
// server processes, by this program (the desks) and, with --postmaster-pid (the first line of the
// cluster's postmaster.pid), by PostgreSQL's processes: those do not move with other people's load.

#include "core/DomainJson.h"
#include "sync/SyncWire.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <unistd.h>

#include <algorithm>
#include <memory>
#include <vector>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

QString program(const QString &name)
{
    return QCoreApplication::applicationDirPath() + u"/../../bin/"_s + name;
}

int runServer(const QString &db, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program(u"firstcontact-server"_s), QStringList { u"--db"_s, db } + arguments);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(600000);
    return process.exitCode();
}

// utime + stime of a process, in clock ticks (0 when it is gone).
qint64 cpuTicks(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // The command name may hold spaces: fields are counted from the ')' that closes it.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? fields.at(11).toLongLong() + fields.at(12).toLongLong() : 0;
}

// The process and its children (a postmaster and its backends).
qint64 treeTicks(qint64 parent)
{
    if (parent <= 0)
        return 0;
    qint64 ticks = cpuTicks(parent);
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile file(u"/proc/%1/stat"_s.arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = file.readAll();
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent)
            ticks += cpuTicks(pid);
    }
    return ticks;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

struct Client {
    QString token;
    QUuid customer;
    qint64 dueNs = 0; // when the push in flight was due (or sent), on the run's clock
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(u"db"_s, u"Database URL (PostgreSQL for the figures that count)."_s, u"URL"_s);
    const QCommandLineOption clientsOption(u"clients"_s, u"Concurrent desks."_s, u"N"_s, u"100"_s);
    const QCommandLineOption serversOption(u"servers"_s, u"Server processes on the database."_s, u"N"_s, u"2"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"How long to push."_s, u"S"_s, u"20"_s);
    const QCommandLineOption batchOption(u"batch"_s, u"Mutations per push."_s, u"N"_s, u"1"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"Pushes per second per desk on a schedule (0: back to back)."_s,
                                        u"R"_s, u"0"_s);
    const QCommandLineOption customersOption(u"customers"_s, u"Council seeded first."_s, u"N"_s, u"2000"_s);
    const QCommandLineOption postmasterOption(u"postmaster-pid"_s,
                                              u"PostgreSQL's postmaster, to count its CPU time (same machine)."_s,
                                              u"PID"_s, u"0"_s);
    parser.addOptions({ dbOption, clientsOption, serversOption, secondsOption, batchOption, rateOption,
                        customersOption, postmasterOption });
    parser.process(app);
    QTextStream out(stdout);
    const QString db = parser.value(dbOption);
    const int clients = parser.value(clientsOption).toInt();
    const int servers = parser.value(serversOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    const int batch = parser.value(batchOption).toInt();
    const qint64 postmaster = parser.value(postmasterOption).toLongLong();
    const double rate = parser.value(rateOption).toDouble();
    const qint64 periodNs = rate > 0 ? qint64(1e9 / rate) : 0;
    if (db.isEmpty() || clients < 1 || servers < 1 || batch < 1) {
        out << parser.helpText();
        return 2;
    }

    if (runServer(db, { u"migrate"_s }) != 0
        || runServer(db, { u"seed-demo"_s, u"--customers"_s, parser.value(customersOption), u"--seed"_s, u"1"_s }) != 0) {
        out << "migrate or seed-demo failed" << Qt::endl;
        return 1;
    }
    for (int i = 0; i < clients; ++i)
        runServer(db, { u"user"_s, u"add"_s, u"bench%1"_s.arg(i), u"--role"_s, u"agent"_s, u"--team"_s, u"bench"_s },
                  "bench password 123\n");

    std::vector<std::unique_ptr<QProcess>> serving;
    QList<QUrl> urls;
    for (int i = 0; i < servers; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        QStringList env = QProcess::systemEnvironment();
        env << u"QT_LOGGING_RULES=fc.server.http.info=false"_s;
        process->setEnvironment(env);
        process->start(program(u"firstcontact-server"_s), { u"--db"_s, db, u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s });
        const QRegularExpression listening(u"listening on \\S+:(\\d+)"_s);
        QString seen;
        for (int tries = 0; tries < 100 && !listening.match(seen).hasMatch(); ++tries) {
            process->waitForReadyRead(100);
            seen += QString::fromUtf8(process->readAllStandardOutput());
        }
        const QRegularExpressionMatch match = listening.match(seen);
        if (!match.hasMatch()) {
            out << "a server did not start: " << seen << Qt::endl;
            return 1;
        }
        urls.append(QUrl(u"http://127.0.0.1:%1"_s.arg(match.captured(1))));
        serving.push_back(std::move(process));
    }

    QNetworkAccessManager network;
    const auto post = [&network](const QUrl &base, const QString &path, const QJsonObject &body, const QString &token) {
        QNetworkRequest request(QUrl(base.toString() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        return network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    };

    // Log every desk in, and pick a customer for its contacts.
    std::vector<Client> desks(static_cast<std::size_t>(clients));
    for (int i = 0; i < clients; ++i) {
        QNetworkReply *reply = post(urls.at(i % servers), u"/v1/auth/login"_s,
                                    { { u"user"_s, u"bench%1"_s.arg(i) }, { u"password"_s, u"bench password 123"_s },
                                      { u"device_id"_s, u"bench-device-%1"_s.arg(i) }, { u"device_name"_s, u"bench"_s } },
                                    QString());
        QEventLoop wait;
        QObject::connect(reply, &QNetworkReply::finished, &wait, &QEventLoop::quit);
        wait.exec();
        desks[std::size_t(i)].token = QJsonDocument::fromJson(reply->readAll()).object().value(u"token"_s).toString();
        reply->deleteLater();
        if (desks[std::size_t(i)].token.isEmpty()) {
            out << "login failed for bench" << i << Qt::endl;
            return 1;
        }
    }
    {
        QNetworkReply *reply = post(urls.first(), u"/v1/sync/pull"_s, { { u"limit"_s, clients } }, desks.front().token);
        QEventLoop wait;
        QObject::connect(reply, &QNetworkReply::finished, &wait, &QEventLoop::quit);
        wait.exec();
        const QJsonArray changes = QJsonDocument::fromJson(reply->readAll()).object().value(u"changes"_s).toArray();
        for (int i = 0; i < clients; ++i)
            desks[std::size_t(i)].customer = QUuid::fromString(changes.at(i % changes.size()).toObject().value(u"id"_s).toString());
        reply->deleteLater();
    }

    std::vector<qint64> latenciesUs;
    qint64 applied = 0;
    qint64 failed = 0;
    bool running = true;
    QElapsedTimer clock;
    std::function<void(int)> send;
    // The next push of desk i: at once, or at its next due time on the schedule.
    const auto schedule = [&](int i) {
        Client &desk = desks[std::size_t(i)];
        if (periodNs == 0) {
            desk.dueNs = clock.nsecsElapsed();
            send(i);
            return;
        }
        desk.dueNs += periodNs;
        const qint64 waitMs = (desk.dueNs - clock.nsecsElapsed()) / 1'000'000;
        QTimer::singleShot(int(std::max<qint64>(0, waitMs)), &app, [&send, i] { send(i); });
    };
    send = [&](int i) {
        if (!running)
            return;
        Client &desk = desks[std::size_t(i)];
        QList<wire::Mutation> mutations;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int b = 0; b < batch; ++b) {
            Contact contact;
            contact.id = QUuid::createUuid();
            contact.customerId = desk.customer;
            contact.channel = Channel::Phone;
            contact.agent = u"bench%1"_s.arg(i);
            contact.startedAt = now.addSecs(-120);
            contact.endedAt = now;
            contact.service = u"waste"_s;
            contact.reason = u"missed_bin"_s;
            contact.outcome = Outcome::ResolvedAtFirstContact;
            mutations.append({ QUuid::createUuid(), u"contact"_s, u"create"_s, contact.id, std::nullopt,
                               { { u"record"_s, DomainJson::fromContact(contact) } } });
        }
        QNetworkReply *reply = post(urls.at(i % servers), u"/v1/sync/push"_s, wire::toJson(wire::PushRequest { mutations }),
                                    desk.token);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, i, reply] {
            latenciesUs.push_back((clock.nsecsElapsed() - desks[std::size_t(i)].dueNs) / 1000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200)
                applied += batch;
            else
                ++failed;
            reply->deleteLater();
            if (running)
                schedule(i);
        });
    };
    const auto serverTicks = [&serving] {
        qint64 ticks = 0;
        for (const auto &process : serving)
            ticks += cpuTicks(process->processId());
        return ticks;
    };
    const QString loadBefore = loadAverage();
    const qint64 serversBefore = serverTicks();
    const qint64 benchBefore = cpuTicks(QCoreApplication::applicationPid());
    const qint64 postgresBefore = treeTicks(postmaster);
    clock.start();
    for (int i = 0; i < clients; ++i) {
        // On a schedule, desks start spread over one period.
        desks[std::size_t(i)].dueNs = periodNs * i / clients - periodNs;
        schedule(i);
    }
    QTimer::singleShot(seconds * 1000, &app, [&] { running = false; });
    QEventLoop drain;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &drain, [&] {
        if (!running && network.findChildren<QNetworkReply *>().isEmpty())
            drain.quit();
    });
    poll.start(50);
    drain.exec();
    const double elapsed = double(clock.nsecsElapsed()) / 1e9;
    const double serversCpu = double(serverTicks() - serversBefore);
    const double benchCpu = double(cpuTicks(QCoreApplication::applicationPid()) - benchBefore);
    const double postgresCpu = double(treeTicks(postmaster) - postgresBefore);

    std::sort(latenciesUs.begin(), latenciesUs.end());
    const auto percentile = [&latenciesUs](double p) {
        return latenciesUs.empty() ? 0.0 : double(latenciesUs[std::size_t(p * double(latenciesUs.size() - 1))]) / 1000.0;
    };
    out << "push: " << clients << " desks, " << servers << " server processes, " << batch << " mutation(s) per push, "
        << (rate > 0 ? u"%1 push(es)/s per desk (offered %2 mutations/s)"_s.arg(rate).arg(rate * clients * batch)
                     : u"back to back"_s)
        << ", " << db.section(u':', 0, 0) << Qt::endl;
    out << "mutations applied: " << applied << " in " << QString::number(elapsed, 'f', 1) << " s = "
        << qint64(double(applied) / elapsed) << " mutations/s (" << qint64(double(latenciesUs.size()) / elapsed)
        << " pushes/s); failed pushes: " << failed << Qt::endl;
    out << "latency per push, ms: p50 " << QString::number(percentile(0.5), 'f', 1) << ", p90 "
        << QString::number(percentile(0.9), 'f', 1) << ", p99 " << QString::number(percentile(0.99), 'f', 1) << ", max "
        << QString::number(percentile(1.0), 'f', 1) << Qt::endl;
    const double tick = 1000.0 / double(sysconf(_SC_CLK_TCK)); // ms
    const auto perMutation = [&](double ticks) {
        return applied > 0 ? QString::number(ticks * tick / double(applied), 'f', 3) : u"-"_s;
    };
    out << "CPU ms per mutation: servers " << perMutation(serversCpu) << ", PostgreSQL "
        << (postmaster > 0 ? perMutation(postgresCpu) : u"(no --postmaster-pid)"_s) << ", desks (this program) "
        << perMutation(benchCpu) << "; CPU use " << QString::number((serversCpu + benchCpu + postgresCpu) * tick / 10.0 / elapsed, 'f', 0)
        << " % of one core" << Qt::endl;
    out << "load average before / after: " << loadBefore << " / " << loadAverage() << Qt::endl;
    for (auto &process : serving) {
        process->terminate();
        process->waitForFinished(5000);
    }
    return 0;
}
