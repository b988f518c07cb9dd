#pragma once

// A real encrypted profile open on a CacheWorker, as the client has it, for the view-model tests: the
// models under test post their jobs to worker(); the test seeds data and waits through the same worker.

#include "core/Case.h"
#include "core/Contact.h"
#include "core/Customer.h"
#include "storage/CacheTransaction.h"
#include "storage/CacheWorker.h"
#include "storage/CaseStore.h"
#include "storage/ContactStore.h"
#include "storage/CustomerStore.h"
#include "unit/storage/CustomerTestData.h"
#include "unit/storage/ProfileTestSupport.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>
#include <memory>

namespace fc::test {

class UiTestCache {
public:
    UiTestCache() = default;
    UiTestCache(const UiTestCache &) = delete;
    UiTestCache &operator=(const UiTestCache &) = delete;

    /// Creates a profile (the cheapest KDF cost) and leaves it open on the worker.
    bool open()
    {
        if (!m_dir.isValid())
            return false;
        const Status created = await(m_worker.create(m_dir.filePath(QStringLiteral("profile")), QStringLiteral("agent"),
                                                     password("pw"), KdfCost::Interactive));
        if (!created)
            qWarning("%s", why(created).constData());
        return created.ok();
    }

    CacheWorker &worker() { return m_worker; }

    /// Spins this thread's event loop (never blocks it) until the future is done; the test's own wait.
    template<typename T> static T await(const QFuture<T> &future)
    {
        QFutureWatcher<T> watcher;
        bool finished = false;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, [&] { finished = true; });
        watcher.setFuture(future);
        if (!QTest::qWaitFor([&] { return finished; }, 30000))
            return T(makeError(QStringLiteral("test.timeout"), QStringLiteral("The job did not finish within 30 s.")));
        return watcher.result();
    }

    /// Writes customers, cases and contacts in one transaction, keeping each customer's last contact.
    bool save(const QList<Customer> &customers, const QList<Case> &cases = {}, const QList<Contact> &contacts = {})
    {
        const Status saved = await(m_worker.run([customers, cases, contacts](QSqlDatabase &db) -> Status {
            CacheTransaction transaction(db);
            if (Status begun = transaction.begin(); !begun)
                return begun;
            CustomerStore customerStore(db);
            for (const Customer &c : customers) {
                if (Status s = customerStore.upsert(c); !s)
                    return s;
            }
            CaseStore caseStore(db);
            for (const Case &c : cases) {
                if (Status s = caseStore.upsert(c); !s)
                    return s;
            }
            ContactStore contactStore(db);
            for (const Contact &c : contacts) {
                if (Status s = contactStore.insert(c); !s)
                    return s;
                if (Status s = customerStore.setLastContactAt(c.customerId, c.startedAt); !s)
                    return s;
            }
            return transaction.commit();
        }));
        if (!saved)
            qWarning("%s", why(saved).constData());
        return saved.ok();
    }

    /// Writes the search tests' customers with the last contact times they come with (search ranks by them).
    bool save(const QList<CustomerWithContact> &council)
    {
        QList<Customer> customers;
        for (const CustomerWithContact &c : council)
            customers.append(c.customer);
        if (!save(customers))
            return false;
        const Status saved = await(m_worker.run([council](QSqlDatabase &db) -> Status {
            CustomerStore store(db);
            for (const CustomerWithContact &c : council) {
                if (Status s = store.setLastContactAt(c.customer.id, c.lastContactAt); !s)
                    return s;
            }
            return {};
        }));
        return saved.ok();
    }

    /// Posts a job that holds the database thread for `milliseconds`: every job posted after it waits.
    /// `running` is true from the moment it starts until it ends.
    QFuture<Status> stall(int milliseconds, std::shared_ptr<std::atomic<int>> state)
    {
        return m_worker.run([milliseconds, state](QSqlDatabase &) -> Status {
            state->store(1); // running
            QThread::msleep(static_cast<unsigned long>(milliseconds));
            state->store(2); // finished
            return {};
        });
    }

private:
    QTemporaryDir m_dir;
    CacheWorker m_worker;
};

inline QDateTime utcAt(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

/// A clock stopped at `instant`, for setClock().
inline std::function<QDateTime()> stoppedClock(const QDateTime &instant)
{
    return [instant] { return instant; };
}

} // namespace fc::test
