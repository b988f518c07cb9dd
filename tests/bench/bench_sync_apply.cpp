// The desk's side of a first sync: pages of a generated council, in the order the server's snapshot
// sends them (customers, then cases, then contacts), applied with SyncCache::applyPage to a fresh
// encrypted cache. Prints rows/s per table (docs/BENCHMARKS.md, "First sync"). No network, no server:
// this isolates what the cache costs, which is the bottleneck of a first sync.
//
// Usage: bench_sync_apply [--customers N] [--page N] [--seed S] [--dir PATH]

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
#include <QTemporaryDir>
#include <QTextStream>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

enum class Kind { Customer, Case, Contact };

// Collects one kind of record into pages and applies each page as it fills.
class PageSink : public DemoCouncilSink {
public:
    PageSink(QSqlDatabase db, Kind kind, int pageSize) : m_db(db), m_kind(kind), m_pageSize(pageSize) { }

    void onCustomer(const Customer &c) override
    {
        if (m_kind == Kind::Customer)
            add({ u"customer"_s, u"upsert"_s, c.id, c.revision, DomainJson::fromCustomer(c) });
    }
    void onCase(const Case &c) override
    {
        if (m_kind == Kind::Case)
            add({ u"case"_s, u"upsert"_s, c.id, c.revision, DomainJson::fromCase(c) });
    }
    void onContact(const Contact &c) override
    {
        if (m_kind == Kind::Contact)
            add({ u"contact"_s, u"upsert"_s, c.id, 1, DomainJson::fromContact(c) });
    }
    Status status() const override { return m_error ? Status(*m_error) : Status(); }

    void flush()
    {
        if (m_page.changes.isEmpty() || m_error)
            return;
        m_page.epoch = u"bench"_s;
        m_page.cursor = u"page-%1"_s.arg(++m_pages);
        m_page.phase = u"snapshot"_s;
        QElapsedTimer timer;
        timer.start();
        Result<AppliedPage> applied = SyncCache::applyPage(m_db, m_page);
        m_applyNs += timer.nsecsElapsed();
        if (!applied)
            m_error = applied.error();
        else
            m_rows += applied->applied;
        m_page.changes.clear();
    }

    qint64 rows() const { return m_rows; }
    double applySeconds() const { return double(m_applyNs) / 1e9; }

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
    wire::PullPage m_page;
    int m_pages = 0;
    qint64 m_rows = 0;
    qint64 m_applyNs = 0;
    std::optional<Error> m_error;
};

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
    parser.addOptions({ customersOption, pageOption, seedOption, dirOption });
    parser.process(app);
    QTextStream out(stdout);

    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    const QString path = dir + u"/bench-sync.db"_s;
    QFile::remove(path);
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
    out << "table       rows      apply s    rows/s" << Qt::endl;
    qint64 totalRows = 0;
    double totalSeconds = 0;
    for (const auto &[kind, name] : { std::pair { Kind::Customer, "customers" }, std::pair { Kind::Case, "cases" },
                                      std::pair { Kind::Contact, "contacts" } }) {
        PageSink sink(opened, kind, page);
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
        totalSeconds += sink.applySeconds();
        out << QString::fromLatin1(name).leftJustified(10) << QString::number(sink.rows()).rightJustified(9)
            << QString::number(sink.applySeconds(), 'f', 2).rightJustified(11)
            << QString::number(qint64(double(sink.rows()) / sink.applySeconds())).rightJustified(10) << Qt::endl;
    }
    out << "all       " << QString::number(totalRows).rightJustified(9) << QString::number(totalSeconds, 'f', 2).rightJustified(11)
        << QString::number(qint64(double(totalRows) / totalSeconds)).rightJustified(10) << Qt::endl;
    out << "cache file: " << QFileInfo(path).size() / (1024 * 1024) << " MiB" << Qt::endl;
    closeCipherDatabase(u"bench"_s);
    return 0;
}
