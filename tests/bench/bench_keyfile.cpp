// Times KeyFile::create and KeyFile::unlock for each KdfCost: what a desk waits for at sign-in.
// Usage: bench_keyfile [runs]   (unlock is repeated `runs` times per cost; median and min reported)
// Wall time is what a person waits; CPU time (Argon2id here is single-threaded) shows the cost
// itself when other work shares the machine.

#include "storage/KeyFile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <utility>

using namespace fc;
using namespace Qt::StringLiterals;

namespace {

SecureBytes password()
{
    Result<SecureBytes> made = SecureBytes::fromPassword(QByteArray("bench password, not secret"));
    return made ? std::move(made).value() : SecureBytes();
}

qint64 cpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int runs = args.size() > 1 ? std::max(1, args.at(1).toInt()) : 3;

    QTextStream out(stdout);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        out << "cannot create a temporary folder\n";
        return 1;
    }

    const QList<std::pair<KdfCost, QString>> costs = {
        { KdfCost::Interactive, u"Interactive"_s },
        { KdfCost::Moderate, u"Moderate"_s },
        { KdfCost::Sensitive, u"Sensitive"_s },
    };

    out << "KeyFile (Argon2id + XChaCha20-Poly1305), " << runs << " unlock run(s) per cost\n";
    out << u"%1 %2 %3 %4 %5 %6 %7\n"_s.arg(u"cost"_s, -12)
               .arg(u"ops"_s, 4)
               .arg(u"MiB"_s, 5)
               .arg(u"create ms"_s, 10)
               .arg(u"unlock median ms"_s, 17)
               .arg(u"unlock min ms"_s, 14)
               .arg(u"unlock CPU median ms"_s, 21);
    out.flush();

    for (const auto &[cost, name] : costs) {
        const QString path = dir.filePath(name + u".key"_s);
        QElapsedTimer timer;
        timer.start();
        const Result<SecureBytes> created = KeyFile::create(path, u"bench"_s, u"desk-01"_s, password(), cost);
        const qint64 createNs = timer.nsecsElapsed();
        if (!created) {
            out << name << ": " << created.error().message << '\n';
            return 1;
        }

        QList<qint64> unlockNs;
        QList<qint64> unlockCpuNs;
        for (int i = 0; i < runs; ++i) {
            const SecureBytes pw = password(); // outside the timed part
            const qint64 cpuBefore = cpuNs();
            timer.restart();
            const Result<SecureBytes> unlocked = KeyFile::unlock(path, pw);
            unlockNs.append(timer.nsecsElapsed());
            unlockCpuNs.append(cpuNs() - cpuBefore);
            if (!unlocked || !unlocked->equals(created.value())) {
                out << name << ": unlock did not return the created key\n";
                return 1;
            }
        }
        std::sort(unlockNs.begin(), unlockNs.end());
        std::sort(unlockCpuNs.begin(), unlockCpuNs.end());
        const KdfParams params = KeyFile::params(cost);
        out << u"%1 %2 %3 %4 %5 %6 %7\n"_s.arg(name, -12)
                   .arg(params.opsLimit, 4)
                   .arg(params.memLimitBytes >> 20, 5)
                   .arg(ms(createNs), 10)
                   .arg(ms(unlockNs.at(unlockNs.size() / 2)), 17)
                   .arg(ms(unlockNs.first()), 14)
                   .arg(ms(unlockCpuNs.at(unlockCpuNs.size() / 2)), 21);
        out.flush();
    }
    return 0;
}
