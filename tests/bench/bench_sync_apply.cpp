// The desk's side of a first sync: pages of a generated council, in the order the server's snapshot
// sends them (customers, then cases, then contacts, each table by ascending id), applied with
// SyncCache::applyPage to a fresh encrypted cache, then the first log page, which builds the indexes
// the snapshot loaded without. Prints rows/s per table (docs/BENCHMARKS.md, "First sync"). No network,
// no server: this isolates what the client costs, which is the bottleneck of a first sync.
//
// Each page also goes through the wire as the real client receives it (JSON text, parsed and read
// strictly by wire::readPullPage); that is timed apart ("decode"), since SyncEngine does it before the
// page reaches the cache's thread. Wall-clock and CPU seconds are both printed: on a shared machine the
// CPU seconds are the steadier figure.
//
// The generator makes random UUIDs; the server pages each table by id, so the bench gives every record
// a new id ascending in the order it is generated (customer and case references follow; a case's
// raising contact and a contact's corrected contact keep their generated, dangling ids, which costs the
// cache nothing).
//
// Usage: bench_sync_apply [--customers N] [--page N] [--seed S] [--dir PATH] [--keep]
// The full size (1M customers, about 5M contacts; about an hour on a busy machine, 4 GiB of disk):
//   bench_sync_apply --customers 1000000 --dir /var/tmp

#include "core/DomainJson.h"
#include "demo/DemoCouncilGenerator.h"
#include "storage/CacheSchema.h"
#include "storage/CipherDatabase.h"
#include "storage/Migration.h"
#include "storage/SecureBytes.h"
#include "sync/SyncCache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

enum class Kind { Customer, Case, Contact };

double cpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// Wall and CPU time of what runs between start() and stop(), added up.
struct Stopwatch {
    QElapsedTimer wall;
    double cpuStart = 0;
    double wallSeconds = 0;
    double cpu = 0;

    void start()
    {
        cpuStart = cpuSeconds();
        wall.start();
    }
    void stop()
    {
        wallSeconds += double(wall.nsecsElapsed()) / 1e9;
        cpu += cpuSeconds() - cpuStart;
    }
};

// New ids, ascending in the order records are made, one range per table.
class IdMap {
public:
    QUuid next(const QUuid &old, quint32 table)
    {
        const quint64 n = ++m_count;
        const QUuid id(table, 0, 0x4000, 0x80, 0, uchar(n >> 40), uchar(n >> 32), uchar(n >> 24), uchar(n >> 16),
                       uchar(n >> 8), uchar(n));
        m_ids.insert(old, id);
        return id;
    }
    // The new id of a record made before, or the old one for a record this run did not renumber.
    QUuid of(const QUuid &old) const { return old.isNull() ? old : m_ids.value(old, old); }

private:
    QHash<QUuid, QUuid> m_ids;
    quint64 m_count = 0;
};

// Collects one kind of record into pages and applies each page as it fills.
class PageSink : public DemoCouncilSink {
public:
    PageSink(QSqlDatabase db, Kind kind, int pageSize, IdMap &customers, IdMap &cases, IdMap &contacts, qint64 &cursor)
        : m_db(db), m_kind(kind), m_pageSize(pageSize), m_customers(customers), m_cases(cases), m_contacts(contacts),
          m_cursor(cursor)
    {
    }

    void onCustomer(const Customer &generated) override
    {
        if (m_kind != Kind::Customer)
            return;
        Customer c = generated;
        c.id = m_customers.next(c.id, 1);
        add({ u"customer"_s, u"upsert"_s, c.id, c.revision, DomainJson::fromCustomer(c) });
    }
    void onCase(const Case &generated) override
    {
        if (m_kind != Kind::Case)
            return;
        Case c = generated;
        c.id = m_cases.next(c.id, 2);
        c.customerId = m_customers.of(c.customerId);
        add({ u"case"_s, u"upsert"_s, c.id, c.revision, DomainJson::fromCase(c) });
    }
    void onContact(const Contact &generated) override
    {
        if (m_kind != Kind::Contact)
            return;
        Contact c = generated;
        c.id = m_contacts.next(c.id, 3);
        c.customerId = m_customers.of(c.customerId);
        for (QUuid &caseId : c.linkedCaseIds)
            caseId = m_cases.of(caseId);
        add({ u"contact"_s, u"upsert"_s, c.id, 1, DomainJson::fromContact(c) });
    }
    Status status() const override { return m_error ? Status(*m_error) : Status(); }

    void flush()
    {
        if (m_page.changes.isEmpty() || m_error)
            return;
        m_page.epoch = u"bench"_s;
        m_page.cursor = u"page-%1"_s.arg(++m_cursor);
        m_page.phase = u"snapshot"_s;
        m_page.more = true;
        // What the server writes and the client reads: JSON text, read strictly.
        const QByteArray body = QJsonDocument(wire::toJson(m_page)).toJson(QJsonDocument::Compact);
        m_page.changes.clear();
        decode.start();
        Result<wire::PullPage> received = wire::readPullPage(QJsonDocument::fromJson(body).object());
        decode.stop();
        if (!received) {
            m_error = received.error();
            return;
        }
        apply.start();
        Result<AppliedPage> applied = SyncCache::applyPage(m_db, received.value());
        apply.stop();
        if (!applied)
            m_error = applied.error();
        else
            m_rows += applied->applied;
    }

    qint64 rows() const { return m_rows; }
    Stopwatch decode;
    Stopwatch apply;

private:
    void add(wire::Change change)
    {
        m_page.changes.append(std::move(change));
        if (m_page.changes.size() >= m_pageSize)
            flush();
    }

    QSqlDatabase m_db;
    Kind m_kind;
    int m_pageSize;
    IdMap &m_customers;
    IdMap &m_cases;
    IdMap &m_contacts;
    qint64 &m_cursor;
    wire::PullPage m_page;
    qint64 m_rows = 0;
    std::optional<Error> m_error;
};

QString line(const QString &name, qint64 rows, const Stopwatch &apply, double decodeCpu)
{
    const auto number = [](double value, int width, int decimals = 2) {
        return QString::number(value, 'f', decimals).rightJustified(width);
    };
    return name.leftJustified(10) + QString::number(rows).rightJustified(9) + number(apply.wallSeconds, 10)
        + number(apply.cpu, 9) + number(decodeCpu, 10)
        + number(apply.wallSeconds > 0 ? double(rows) / apply.wallSeconds : 0, 10, 0)
        + number(apply.cpu + decodeCpu > 0 ? double(rows) / (apply.cpu + decodeCpu) : 0, 12, 0);
}

qint64 count(QSqlDatabase db, const QString &table)
{
    QSqlQuery query(db);
    return query.exec(u"SELECT count(*) FROM "_s + table) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption customersOption(u"customers"_s, u"Council size."_s, u"N"_s, u"20000"_s);
    const QCommandLineOption pageOption(u"page"_s, u"Records per page."_s, u"N"_s, u"2000"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Generator seed."_s, u"S"_s, u"1"_s);
    const QCommandLineOption dirOption(u"dir"_s, u"Where the cache goes (default: a temporary directory)."_s, u"PATH"_s);
    const QCommandLineOption keepOption(u"keep"_s, u"Keep the cache file (its key is not kept)."_s);
    parser.addOptions({ customersOption, pageOption, seedOption, dirOption, keepOption });
    parser.process(app);
    QTextStream out(stdout);

    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    const QString path = dir + u"/bench-sync.db"_s;
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        QFile::remove(path + suffix);
    Result<SecureBytes> key = SecureBytes::random(32);
    Result<QSqlDatabase> db = openCipherDatabase(path, key->view(), u"bench"_s);
    if (!db) {
        out << db.error().message << Qt::endl;
        return 1;
    }
    QSqlDatabase opened = db.value();
    if (Result<int> migrated = MigrationRunner(cacheMigrations()).migrate(opened); !migrated) {
        out << migrated.error().message << Qt::endl;
        return 1;
    }
    DemoCouncilOptions options;
    options.customers = parser.value(customersOption).toInt();
    options.seed = parser.value(seedOption).toULongLong();
    const DemoCouncilGenerator generator(options);
    const int page = parser.value(pageOption).toInt();

    out << "first sync into an encrypted cache: " << options.customers << " customers, pages of " << page << Qt::endl;
    out << "table          rows  apply s    cpu s  decode s  rows/s  rows/cpu-s" << Qt::endl;
    qint64 totalRows = 0;
    Stopwatch total;
    double totalDecode = 0;
    IdMap customers;
    IdMap cases;
    IdMap contacts;
    qint64 cursor = 0;
    for (const auto &[kind, name] : { std::pair { Kind::Customer, "customers" }, std::pair { Kind::Case, "cases" },
                                      std::pair { Kind::Contact, "contacts" } }) {
        PageSink sink(opened, kind, page, customers, cases, contacts, cursor);
        if (Status generated = generator.generate(sink); !generated) {
            out << generated.error().message << Qt::endl;
            return 1;
        }
        sink.flush();
        if (Status ok = sink.status(); !ok) {
            out << ok.error().code << ": " << ok.error().message << Qt::endl;
            return 1;
        }
        totalRows += sink.rows();
        total.wallSeconds += sink.apply.wallSeconds;
        total.cpu += sink.apply.cpu;
        totalDecode += sink.decode.cpu;
        out << line(QString::fromLatin1(name), sink.rows(), sink.apply, sink.decode.cpu) << Qt::endl;
    }

    // The first page of the log: the snapshot is over, so the indexes are built (and FTS merged).
    wire::PullPage logPage;
    logPage.epoch = u"bench"_s;
    logPage.cursor = u"log-1"_s;
    logPage.phase = u"log"_s;
    Stopwatch finish;
    finish.start();
    Result<AppliedPage> finished = SyncCache::applyPage(opened, logPage);
    finish.stop();
    if (!finished) {
        out << finished.error().code << ": " << finished.error().message << Qt::endl;
        return 1;
    }
    out << line(u"indexes"_s, 0, finish, 0) << Qt::endl;
    total.wallSeconds += finish.wallSeconds;
    total.cpu += finish.cpu;
    out << line(u"all"_s, totalRows, total, totalDecode) << Qt::endl;
    out << "cache: " << count(opened, u"customer"_s) << " customers, " << count(opened, u"service_case"_s) << " cases, "
        << count(opened, u"contact"_s) << " contacts; file " << QFileInfo(path).size() / (1024 * 1024) << " MiB" << Qt::endl;
    opened = QSqlDatabase();
    db = QSqlDatabase();
    closeCipherDatabase(u"bench"_s);
    if (!parser.isSet(keepOption)) {
        for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
            QFile::remove(path + suffix);
    }
    return 0;
}
