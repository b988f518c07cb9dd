// The customer search box over a generated council, encrypted and not: load rate, file size, time to
// unlock, and p50/p95 of every kind of query, with the encrypted/plain ratio that shows what SQLCipher
// costs (docs/BENCHMARKS.md, "Customer search").
//
// Usage: bench_search [--customers N] [--queries N] [--seed S] [--dir PATH] [--keep] [--reuse]
//   --customers  council size (default 1,000,000)
//   --queries    queries measured per kind and database (default 200; as many again warm up first)
//   --dir        where the two database files go (default: a temporary directory, removed afterwards)
//   --keep       keep the files; --reuse then skips the load and queries them (same --customers and --seed)
//   --only TEXT  only the query kinds whose name contains TEXT
//
// Both databases go through the same driver, schema, loader and search code: the plain one is opened with
// CipherOpenOptions::benchmarkOnlyWithoutEncryption. Contacts are not stored; each customer's last contact
// time is, and cases are (reference and customer only) so case-reference search has a full-size index.
//
// "Warm" here: the files are read through first (this VM drops page cache idle for ~30 s), the
// SQLite page cache holds what a warm-up round of other queries of the same kind touched, and each
// measured query is a different customer from those, as when a new caller is searched for.

#include "core/PhoneNumber.h"
#include "core/Postcode.h"
#include "demo/DemoCouncilGenerator.h"
#include "storage/CacheSchema.h"
#include "storage/CacheTransaction.h"
#include "storage/CipherDatabase.h"
#include "storage/CustomerBulkLoader.h"
#include "storage/CustomerSearch.h"
#include "storage/KeyFile.h"
#include "storage/Migration.h"
#include "storage/SecureBytes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);

struct Database {
    QString label;
    QString path;
    QString connection;
    CipherOpenOptions options;
    QSqlDatabase db;
    std::unique_ptr<CustomerBulkLoader> loader;
    qint64 customerBytes = 0;
    qint64 addNs = 0;
    qint64 caseNs = 0;
    qint64 finishNs = 0;
};

QByteArray g_key;

bool fail(const QString &what, const Error &error)
{
    out << what << ": " << error.code << ": " << error.message << '\n';
    out.flush();
    return false;
}

bool openDatabase(Database &d)
{
    auto db = openCipherDatabase(d.path, g_key, d.connection, d.options);
    if (!db)
        return fail(u"open "_s + d.label, db.error());
    d.db = *db;
    auto migrated = MigrationRunner(cacheMigrations()).migrate(d.db);
    if (!migrated)
        return fail(u"migrate "_s + d.label, migrated.error());
    return true;
}

void closeDatabase(Database &d)
{
    d.loader.reset();
    d.db = QSqlDatabase();
    closeCipherDatabase(d.connection);
}

// Reads the whole file so the OS holds it in its page cache again.
qint64 readThrough(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 total = 0;
    while (true) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n <= 0)
            break;
        total += n;
    }
    return total;
}

// Customers kept to build queries from; every step-th one the generator makes.
struct Sample {
    Customer customer;
};

// Feeds the generator's customers to both loaders with their last contact, and every case's reference.
class LoadingSink : public DemoCouncilSink {
public:
    LoadingSink(std::vector<Database *> targets, qint64 sampleStep)
        : m_targets(std::move(targets)), m_sampleStep(std::max<qint64>(1, sampleStep))
    {
    }

    void onCustomer(const Customer &customer) override
    {
        flush();
        m_pending = customer;
        m_lastContact = QDateTime();
        if (m_customers++ % m_sampleStep == 0)
            samples.push_back({ customer });
    }
    void onContact(const Contact &contact) override
    {
        if (m_pending && contact.customerId == m_pending->id
            && (!m_lastContact.isValid() || contact.startedAt > m_lastContact))
            m_lastContact = contact.startedAt;
    }
    void onCase(const Case &c) override
    {
        if (m_cases++ % m_sampleStep == 0)
            caseSamples.append({ c.reference, c.customerId });
        // Kept for after the customer load, so the file size of the customers alone can be read first.
        cases.push_back({ c.id, c.reference, c.customerId, c.service, c.requestType, c.raisedAt });
    }
    Status status() const override
    {
        if (m_error)
            return *m_error;
        return {};
    }

    void flush()
    {
        if (!m_pending)
            return;
        QElapsedTimer timer;
        for (Database *d : m_targets) {
            if (!d->loader)
                continue;
            timer.start();
            const Status added = d->loader->add(*m_pending, m_lastContact);
            d->addNs += timer.nsecsElapsed();
            if (!added && !m_error)
                m_error = added.error();
        }
        // Table rows written: customer, FTS, and one per phone, email and flag.
        rows += 2 + m_pending->phones.size() + m_pending->emails.size() + m_pending->flags.size();
        m_pending.reset();
    }

    qint64 customers() const { return m_customers; }
    qint64 caseCount() const { return m_cases; }

    struct CaseRow {
        QUuid id;
        QString reference;
        QUuid customerId;
        QString service;
        QString requestType;
        QDateTime raisedAt;
    };
    std::vector<Sample> samples;
    QList<std::pair<QString, QUuid>> caseSamples;
    std::vector<CaseRow> cases;
    qint64 rows = 0;

private:
    std::vector<Database *> m_targets;
    qint64 m_sampleStep;
    std::optional<Customer> m_pending;
    QDateTime m_lastContact;
    qint64 m_customers = 0;
    qint64 m_cases = 0;
    std::optional<Error> m_error;
};

struct Query {
    QString text;
    QUuid expected; // null: a miss, nobody should be found
};

struct Kind {
    QString name;
    QList<Query> warmUp;
    QList<Query> measured;
};

QString base26(int n, int width)
{
    QString s;
    for (int i = 0; i < width; ++i) {
        s.prepend(QChar(u'a' + n % 26));
        n /= 26;
    }
    return s;
}

// Splits the candidates that give a query into warm-up and measured halves.
Kind makeKind(const QString &name, const std::vector<Sample> &samples, int perKind,
              const std::function<QString(const Customer &)> &make)
{
    Kind kind { name, {}, {} };
    for (const Sample &s : samples) {
        const QString text = make(s.customer);
        if (text.isEmpty())
            continue;
        QList<Query> &into = kind.warmUp.size() <= kind.measured.size() ? kind.warmUp : kind.measured;
        if (into.size() < perKind)
            into.append({ text, s.customer.id });
        if (kind.warmUp.size() >= perKind && kind.measured.size() >= perKind)
            break;
    }
    return kind;
}

Kind makeMisses(const QString &name, int perKind, const std::function<QString(int)> &make)
{
    Kind kind { name, {}, {} };
    for (int i = 0; i < perKind; ++i) {
        kind.warmUp.append({ make(2 * i), QUuid() });
        kind.measured.append({ make(2 * i + 1), QUuid() });
    }
    return kind;
}

QList<Kind> makeKinds(const std::vector<Sample> &samples, const QList<std::pair<QString, QUuid>> &cases, int n)
{
    const auto phoneOf = [](const Customer &c) -> std::optional<PhoneNumber> {
        for (const QString &p : c.phones) {
            if (const Result<PhoneNumber> phone = PhoneNumber::parse(p))
                return *phone;
        }
        return std::nullopt;
    };
    const auto outwardOf = [](const Customer &c) -> QString {
        const Result<Postcode> p = Postcode::parse(c.address.postcode);
        return p ? p->outward() : QString();
    };
    QList<Kind> kinds;
    kinds.append(makeKind(u"name: given family"_s, samples, n,
                          [](const Customer &c) -> QString { return c.givenName + u' ' + c.familyName; }));
    kinds.append(makeKind(u"name: partial \"sia jon\""_s, samples, n, [](const Customer &c) -> QString {
        return c.givenName.left(3) + u' ' + c.familyName.left(3);
    }));
    kinds.append(
        makeKind(u"name: family alone"_s, samples, n, [](const Customer &c) -> QString { return c.familyName; }));
    kinds.append(makeKind(u"name + outward \"jones pl1\""_s, samples, n,
                          [&](const Customer &c) -> QString { return c.familyName + u' ' + outwardOf(c); }));
    kinds.append(makeKind(u"name + postcode"_s, samples, n, [](const Customer &c) -> QString {
        return c.givenName + u' ' + c.familyName + u' ' + c.address.postcode;
    }));
    kinds.append(makeKind(u"phone: E.164"_s, samples, n, [&](const Customer &c) -> QString {
        const auto p = phoneOf(c);
        return p ? p->canonical() : QString();
    }));
    kinds.append(makeKind(u"phone: national, spaced"_s, samples, n, [&](const Customer &c) -> QString {
        const auto p = phoneOf(c);
        return p ? p->nationalDisplay() : QString();
    }));
    kinds.append(makeKind(u"phone: last 6 digits"_s, samples, n, [&](const Customer &c) -> QString {
        const auto p = phoneOf(c);
        return p ? p->nationalDigits().right(6) : QString();
    }));
    kinds.append(makeKind(u"phone: last 8, spaced"_s, samples, n, [&](const Customer &c) -> QString {
        const auto p = phoneOf(c);
        return p ? p->nationalDigits().right(8).insert(4, u' ') : QString();
    }));
    kinds.append(makeKind(u"email"_s, samples, n, [](const Customer &c) -> QString {
        return c.emails.isEmpty() ? QString() : c.emails.first();
    }));
    kinds.append(makeKind(u"postcode \"PL1 2AA\""_s, samples, n,
                          [](const Customer &c) -> QString { return c.address.postcode; }));
    kinds.append(makeKind(u"postcode \"pl12aa\""_s, samples, n,
                          [](const Customer &c) -> QString { return c.address.postcode.toLower().remove(u' '); }));
    kinds.append(makeKind(u"outward code \"PL1\""_s, samples, n, outwardOf));
    kinds.append(makeKind(u"address \"12 mill\""_s, samples, n, [](const Customer &c) -> QString {
        const QStringList words = c.address.line1.split(u' ', Qt::SkipEmptyParts);
        return words.size() >= 2 && words.first().at(0).isDigit() ? words.at(0) + u' ' + words.at(1) : QString();
    }));
    kinds.append(makeKind(u"UPRN"_s, samples, n, [](const Customer &c) -> QString { return c.address.uprn; }));
    kinds.append(
        makeKind(u"customer reference"_s, samples, n, [](const Customer &c) -> QString { return c.reference; }));
    {
        Kind k { u"case reference"_s, {}, {} };
        for (qsizetype i = 0; i < cases.size() && k.measured.size() < n; ++i) {
            if (cases.at(i).second.isNull())
                continue;
            (k.warmUp.size() <= k.measured.size() ? k.warmUp : k.measured)
                .append({ cases.at(i).first, cases.at(i).second });
        }
        kinds.append(k);
    }
    kinds.append(makeMisses(u"miss: name"_s, n,
                            [](int i) -> QString { return u"zq"_s + base26(i, 3) + u" xv"_s + base26(i * 7, 3); }));
    kinds.append(
        makeMisses(u"miss: phone"_s, n, [](int i) -> QString { return u"07000 "_s + QString::number(100000 + i); }));
    kinds.append(makeMisses(u"miss: postcode"_s, n, [](int i) -> QString {
        return u"TR"_s + QString::number(1 + i % 20) + u' ' + QString::number(i % 10) + base26(i, 2).toUpper();
    }));
    kinds.append(
        makeMisses(u"miss: reference"_s, n, [](int i) -> QString { return u"C9"_s + QString::number(100000 + i); }));
    kinds.append(makeMisses(u"hostile: FTS syntax"_s, n, [](int i) -> QString {
        static const QStringList forms
            = { u"\"%1* OR -%1"_s, u"%1 NEAR/2 (%1"_s, u"'; DROP TABLE customer; -- %1"_s, u"%1 😀 AND \u202E%1"_s };
        return forms.at(i % forms.size()).arg(u"zq"_s + base26(i, 3));
    }));
    return kinds;
}

struct Timing {
    std::vector<qint64> ns;
    qint64 hits = 0;
    int foundExpected = 0; // the sampled customer was on the first page
    int errors = 0;
};

double percentile(std::vector<qint64> ns, double p)
{
    if (ns.empty())
        return 0;
    std::sort(ns.begin(), ns.end());
    const auto index = std::min(ns.size() - 1, std::size_t(p * double(ns.size() - 1) + 0.5));
    return double(ns[index]) / 1e6;
}

void timeOne(const CustomerSearch &search, const Query &q, Timing &t)
{
    QElapsedTimer timer;
    timer.start();
    const Result<CustomerSearchPage> page = search.search(q.text);
    t.ns.push_back(timer.nsecsElapsed());
    if (!page) {
        ++t.errors;
        return;
    }
    t.hits += page->hits.size();
    if (!q.expected.isNull() && std::any_of(page->hits.cbegin(), page->hits.cend(), [&](const CustomerSearchHit &h) {
            return h.id == q.expected;
        }))
        ++t.foundExpected;
}

// Each query runs on both databases back to back, in alternating order, so whatever else the shared
// machine does at that moment weighs on both alike.
std::pair<Timing, Timing> runPaired(const Database &encrypted, const Database &plain, const QList<Query> &queries)
{
    const CustomerSearch e(encrypted.db);
    const CustomerSearch p(plain.db);
    std::pair<Timing, Timing> t;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        if (i % 2 == 0) {
            timeOne(e, queries.at(i), t.first);
            timeOne(p, queries.at(i), t.second);
        } else {
            timeOne(p, queries.at(i), t.second);
            timeOne(e, queries.at(i), t.first);
        }
    }
    return t;
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 1 ? 3 : 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Customer search over a generated council, encrypted and plain."_s);
    parser.addHelpOption();
    const QCommandLineOption customersOption(u"customers"_s, u"Council size."_s, u"N"_s, u"1000000"_s);
    const QCommandLineOption queriesOption(u"queries"_s, u"Measured queries per kind."_s, u"N"_s, u"200"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Generator seed."_s, u"S"_s, u"1"_s);
    const QCommandLineOption dirOption(u"dir"_s, u"Directory for the database files."_s, u"PATH"_s);
    const QCommandLineOption keepOption(u"keep"_s, u"Keep the database files."_s);
    const QCommandLineOption reuseOption(u"reuse"_s, u"Query the files a --keep run left in --dir."_s);
    const QCommandLineOption onlyOption(u"only"_s, u"Only the query kinds whose name contains TEXT."_s, u"TEXT"_s);
    parser.addOptions({ customersOption, queriesOption, seedOption, dirOption, keepOption, reuseOption, onlyOption });
    parser.process(app);

    const qint64 customers = parser.value(customersOption).toLongLong();
    const int perKind = std::max(1, parser.value(queriesOption).toInt());
    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    QDir().mkpath(dir);
    const bool reuse = parser.isSet(reuseOption);
    const bool keep = parser.isSet(keepOption) || reuse;
    temporary.setAutoRemove(!keep);

    g_key = QByteArray(32, '\x5a'); // a fixed key, so --reuse can open the files again; nothing here is secret

    Database encrypted { u"encrypted"_s, dir + u"/encrypted.db"_s, u"bench_encrypted"_s, {}, {}, {}, {} };
    Database plain { u"plain"_s, dir + u"/plain.db"_s, u"bench_plain"_s, {}, {}, {}, {} };
    plain.options.benchmarkOnlyWithoutEncryption = true;
    if (qEnvironmentVariableIsSet("FC_BENCH_CACHE_KIB")) {
        encrypted.options.cacheSizeKiB = qEnvironmentVariableIntValue("FC_BENCH_CACHE_KIB");
        plain.options.cacheSizeKiB = encrypted.options.cacheSizeKiB;
    }
    const std::vector<Database *> both { &encrypted, &plain };
    for (Database *d : both) {
        if (reuse)
            break;
        QFile::remove(d->path);
        QFile::remove(d->path + u"-wal"_s);
        QFile::remove(d->path + u"-shm"_s);
    }

    out << "bench_search: " << customers << " customers, " << perKind << " measured queries per kind, "
        << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << '\n';
    out.flush();

    // --- load (with --reuse, only the generator runs, for the samples the queries are made from)
    for (Database *d : both) {
        if (reuse)
            break;
        if (!openDatabase(*d))
            return 1;
        d->loader = std::make_unique<CustomerBulkLoader>(d->db);
        if (Status begun = d->loader->begin(); !begun) {
            fail(u"begin"_s, begun.error());
            return 1;
        }
    }
    DemoCouncilOptions options;
    options.customers = customers;
    options.seed = parser.value(seedOption).toULongLong();
    LoadingSink sink(both, std::max<qint64>(1, customers / (4 * perKind + 200)));
    QElapsedTimer wall;
    wall.start();
    if (Status generated = DemoCouncilGenerator(options).generate(sink); !generated) {
        fail(u"generate"_s, generated.error());
        return 1;
    }
    sink.flush();
    const qint64 generateAndLoadNs = wall.nsecsElapsed();
    for (Database *d : both) {
        if (reuse)
            break;
        QElapsedTimer timer;
        timer.start();
        const Result<qint64> finished = d->loader->finish(); // indexes, commit, FTS merge
        d->finishNs = timer.nsecsElapsed();
        if (!finished) {
            fail(u"finish "_s + d->label, finished.error());
            return 1;
        }
        closeDatabase(*d); // checkpoints the WAL into the file
        d->customerBytes = QFileInfo(d->path).size();

        // Cases (reference and customer; a stand-in for the case store), so case-reference search has a
        // full-size index. One transaction, timed apart.
        if (!openDatabase(*d))
            return 1;
        timer.start();
        {
            CacheTransaction transaction(d->db);
            QSqlQuery q(d->db);
            q.prepare(u"INSERT INTO service_case (id, reference, customer_id, service, request_type, status, "
                      "raised_at) VALUES (?, ?, ?, ?, ?, 'new', ?)"_s);
            if (Status begun = transaction.begin(); !begun) {
                fail(u"cases"_s, begun.error());
                return 1;
            }
            for (const LoadingSink::CaseRow &c : sink.cases) {
                q.bindValue(0, c.id.toString(QUuid::WithoutBraces));
                q.bindValue(1, c.reference);
                q.bindValue(2,
                            c.customerId.isNull() ? QVariant() : QVariant(c.customerId.toString(QUuid::WithoutBraces)));
                q.bindValue(3, c.service);
                q.bindValue(4, c.requestType);
                q.bindValue(5, c.raisedAt);
                if (!q.exec()) {
                    out << "cases: " << q.lastError().text() << '\n';
                    return 1;
                }
            }
            if (Status committed = transaction.commit(); !committed) {
                fail(u"cases"_s, committed.error());
                return 1;
            }
        }
        d->caseNs = timer.nsecsElapsed();
        closeDatabase(*d);
    }
    sink.cases.clear();
    sink.cases.shrink_to_fit();

    if (!reuse) {
        out << "\ngenerated " << sink.customers() << " customers and " << sink.caseCount() << " cases in "
            << QString::number(double(generateAndLoadNs) / 1e9, 'f', 1) << " s wall (generator and both loads)\n\n";
        out << "table rows per customer: " << QString::number(double(sink.rows) / double(sink.customers()), 'f', 2)
            << " (customer, FTS, phones, emails, flags)\n";
        out << u"%1 %2 %3 %4 %5 %6 %7 %8 %9\n"_s.arg(u"database"_s, -10)
                   .arg(u"add s"_s, 7)
                   .arg(u"finish s"_s, 9)
                   .arg(u"customers/s"_s, 12)
                   .arg(u"rows/s"_s, 8)
                   .arg(u"MiB customers"_s, 14)
                   .arg(u"cases s"_s, 8)
                   .arg(u"MiB with cases"_s, 15)
                   .arg(u"cases/s"_s, 8);
        for (Database *d : both) {
            const double loadS = double(d->addNs + d->finishNs) / 1e9;
            const double casesS = double(d->caseNs) / 1e9;
            out << u"%1 %2 %3 %4 %5 %6 %7 %8 %9\n"_s.arg(d->label, -10)
                       .arg(QString::number(double(d->addNs) / 1e9, 'f', 1), 7)
                       .arg(QString::number(double(d->finishNs) / 1e9, 'f', 1), 9)
                       .arg(QString::number(double(sink.customers()) / loadS, 'f', 0), 12)
                       .arg(QString::number(double(sink.rows) / loadS, 'f', 0), 8)
                       .arg(QString::number(double(d->customerBytes) / 1048576.0, 'f', 0), 14)
                       .arg(QString::number(casesS, 'f', 1), 8)
                       .arg(QString::number(double(QFileInfo(d->path).size()) / 1048576.0, 'f', 0), 15)
                       .arg(QString::number(double(sink.caseCount()) / casesS, 'f', 0), 8);
        }
        out << "(add: customers with phones, emails, flags and FTS rows, customer indexes dropped; finish: those "
               "indexes built, commit, FTS merged into one segment per term; rates over add + finish. Cases go in "
               "afterwards in one transaction with their indexes kept.)\n";
        out.flush();
    }

    // --- unlock and open
    if (!reuse) {
        const QString keyPath = dir + u"/bench.key"_s;
        QFile::remove(keyPath);
        Result<SecureBytes> password = SecureBytes::fromPassword(QByteArray("bench password, not secret"));
        const Result<SecureBytes> created
            = KeyFile::create(keyPath, u"bench"_s, u"desk-01"_s, *password, KdfCost::Moderate);
        std::vector<qint64> unlockNs;
        for (int i = 0; created && i < 3; ++i) {
            QElapsedTimer timer;
            timer.start();
            const Result<SecureBytes> unlocked = KeyFile::unlock(keyPath, *password);
            unlockNs.push_back(timer.nsecsElapsed());
            if (!unlocked) {
                fail(u"unlock"_s, unlocked.error());
                return 1;
            }
        }
        QFile::remove(keyPath);
        std::vector<qint64> openNs;
        readThrough(encrypted.path);
        for (int i = 0; i < 11; ++i) {
            QElapsedTimer timer;
            timer.start();
            if (!openDatabase(encrypted))
                return 1;
            openNs.push_back(timer.nsecsElapsed());
            closeDatabase(encrypted);
        }
        out << "\nunlock: Argon2id (KdfCost::Moderate) median " << ms(percentile(unlockNs, 0.5))
            << " ms of 3; opening the encrypted cache with the raw key (key proof, settings, migration check) median "
            << ms(percentile(openNs, 0.5)) << " ms of 11\n";
        out.flush();
    }

    // --- queries
    const QList<Kind> kinds = makeKinds(sink.samples, sink.caseSamples, perKind);
    for (Database *d : both) {
        if (!openDatabase(*d))
            return 1;
    }
    out << "\nfirst page (25) per query, ms; warm files, fresh customers (see the header of bench_search.cpp)\n";
    out << u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |\n"_s.arg(u"query kind"_s, -28)
               .arg(u"n"_s, 3)
               .arg(u"enc p50"_s, 7)
               .arg(u"enc p95"_s, 7)
               .arg(u"plain p50"_s, 9)
               .arg(u"plain p95"_s, 9)
               .arg(u"p50 ratio"_s, 9)
               .arg(u"p95 ratio"_s, 9)
               .arg(u"hits"_s, 5)
               .arg(u"found"_s, 5);
    out << "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
    out.flush();
    QElapsedTimer sinceRead;
    double worstEncryptedP95 = 0;
    double worstRatio = 0;
    for (const Kind &kind : kinds) {
        if (parser.isSet(onlyOption) && !kind.name.contains(parser.value(onlyOption)))
            continue;
        if (!sinceRead.isValid() || sinceRead.elapsed() > 15000) {
            for (Database *d : both)
                readThrough(d->path);
            sinceRead.start();
        }
        runPaired(encrypted, plain, kind.warmUp);
        const auto [e, p] = runPaired(encrypted, plain, kind.measured);
        const double ep50 = percentile(e.ns, 0.5), ep95 = percentile(e.ns, 0.95);
        const double pp50 = percentile(p.ns, 0.5), pp95 = percentile(p.ns, 0.95);
        const double ratio50 = pp50 > 0 ? ep50 / pp50 : 0;
        const double ratio95 = pp95 > 0 ? ep95 / pp95 : 0;
        worstEncryptedP95 = std::max(worstEncryptedP95, ep95);
        worstRatio = std::max(worstRatio, ratio95);
        const bool miss = kind.measured.isEmpty() || kind.measured.first().expected.isNull();
        const qsizetype n = std::max<qsizetype>(1, kind.measured.size());
        out << u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |"_s.arg(kind.name, -28)
                   .arg(kind.measured.size(), 3)
                   .arg(ms(ep50), 7)
                   .arg(ms(ep95), 7)
                   .arg(ms(pp50), 9)
                   .arg(ms(pp95), 9)
                   .arg(QString::number(ratio50, 'f', 2), 9)
                   .arg(QString::number(ratio95, 'f', 2), 9)
                   .arg(QString::number(double(e.hits) / double(n), 'f', 1), 5)
                   .arg(miss ? u"-"_s : QString::number(100 * e.foundExpected / n) + u'%', 5);
        if (e.errors || p.errors)
            out << " errors: " << e.errors << '/' << p.errors;
        out << '\n';
        out.flush();
    }
    out << "\nworst encrypted p95 " << ms(worstEncryptedP95) << " ms (goal <= 20); worst encrypted/plain p95 ratio "
        << QString::number(worstRatio, 'f', 2) << " (goal <= 1.3)\n";
    for (Database *d : both)
        closeDatabase(*d);
    if (!keep) {
        for (Database *d : both) {
            QFile::remove(d->path);
            QFile::remove(d->path + u"-wal"_s);
            QFile::remove(d->path + u"-shm"_s);
        }
    }
    return 0;
}
