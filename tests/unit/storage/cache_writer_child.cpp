// The process tst_CacheCrash kills with SIGKILL: unlocks a profile and writes large transactions in a
// loop (optionally rotating the key between them), reporting each one on standard output only after
// its COMMIT returned, so the test knows which batches must survive.
//
//   cache_writer_child write  PROFILE_DIR ROWS_PER_BATCH    password on standard input
//   cache_writer_child rotate PROFILE_DIR ROWS_PER_BATCH
//
// Output lines: "ready", then per batch "begin N" and "committed N"; in rotate mode then "step 1" (new key
// file written), "step 2" (cache rekeyed), "step 3" (key files swapped) and "rotated N".
// Any failure prints "error CODE: MESSAGE" and exits 3, which the test reports as a failure.

#include "storage/CacheProfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <unistd.h>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

int fail(const QString &code, const QString &message)
{
    std::printf("error %s: %s\n", qPrintable(code), qPrintable(message));
    std::fflush(stdout);
    return 3;
}

void report(const char *what, int batch)
{
    std::printf("%s %d\n", what, batch);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool rotate = args.value(1) == u"rotate"_s;
    if (args.size() != 4 || (!rotate && args.value(1) != u"write"_s))
        return fail(u"usage"_s, u"cache_writer_child write|rotate PROFILE_DIR ROWS_PER_BATCH"_s);
    const QString dir = args.at(2);
    const int rows = args.at(3).toInt();

    QFile in;
    if (!in.open(STDIN_FILENO, QIODevice::ReadOnly))
        return fail(u"stdin"_s, u"standard input could not be read"_s);
    QByteArray line = in.readLine().trimmed();
    Result<SecureBytes> password = SecureBytes::fromPassword(std::move(line));
    if (!password)
        return fail(password.error().code, password.error().message);

    Result<CacheProfile> unlocked = CacheProfile::unlock(dir, password.value());
    if (!unlocked)
        return fail(unlocked.error().code, unlocked.error().message);
    CacheProfile &profile = unlocked.value();

    int batch = 0;
    {
        QSqlQuery query(profile.database());
        if (!query.exec(u"CREATE TABLE IF NOT EXISTS crash_batch (batch INTEGER NOT NULL, seq INTEGER NOT NULL, "
                        "payload TEXT NOT NULL, PRIMARY KEY (batch, seq))"_s)
            || !query.exec(u"SELECT coalesce(max(batch), 0) FROM crash_batch"_s) || !query.next())
            return fail(u"setup"_s, query.lastError().text());
        batch = query.value(0).toInt();
    }
    // Says how far each rotation got, so the test can tell which steps its kills interrupted.
    profile.setRotationHook([](KeyRotationStep step) {
        report("step", int(step) + 1);
        return true;
    });
    std::printf("ready\n");
    std::fflush(stdout);

    for (;;) {
        ++batch;
        report("begin", batch);
        {
            QSqlDatabase db = profile.database();
            if (!db.transaction())
                return fail(u"begin"_s, db.lastError().text());
            QSqlQuery insert(db);
            if (!insert.prepare(u"INSERT INTO crash_batch (batch, seq, payload) VALUES (?, ?, ?)"_s))
                return fail(u"prepare"_s, insert.lastError().text());
            for (int seq = 0; seq < rows; ++seq) {
                insert.addBindValue(batch);
                insert.addBindValue(seq);
                insert.addBindValue(
                    u"batch %1 row %2 of the crash test, padded to look like a note"_s.arg(batch).arg(seq));
                if (!insert.exec())
                    return fail(u"insert"_s, insert.lastError().text());
            }
            insert.finish();
            if (!db.commit())
                return fail(u"commit"_s, db.lastError().text());
        }
        report("committed", batch);
        if (rotate) {
            const Status rotated = profile.rotateKey(password.value(), KdfCost::Interactive);
            if (!rotated)
                return fail(rotated.error().code, rotated.error().message);
            report("rotated", batch);
        }
    }
}
