#pragma once

// The customer search box's result list: results as the agent types, never stalling the GUI thread.

#include "storage/CacheWorker.h"
#include "storage/CustomerMarkers.h"
#include "storage/CustomerSearch.h"
#include "ui/Clock.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace fc {

/// Runs CustomerSearch on the cache's database thread for whatever is in `query`, a short pause
/// (`debounceInterval`) after the last keystroke, and lists the best matches a page at a time
/// (`loadMore()` follows the search's keyset cursor).
///
/// Stale answers are dropped: every change of the text starts a new generation, and an answer (first
/// page or a further one) is applied only if it belongs to the current generation, so an answer to an
/// older text never replaces a newer one, whatever order they arrive in. The GUI thread never waits:
/// answers arrive through a QFutureWatcher.
///
/// `busy` is true from a change of text (or loadMore()) until its answer is shown, so a view never takes
/// the list on screen for the answer to what is typed while it is. `errorText` is a translated sentence,
/// empty while all is well; a failed search leaves the list empty.
class CustomerSearchModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fc::CacheWorker *cacheWorker READ cacheWorker WRITE setCacheWorker NOTIFY cacheWorkerChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY canLoadMoreChanged)
    Q_PROPERTY(int debounceInterval READ debounceInterval WRITE setDebounceInterval NOTIFY debounceIntervalChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1, // QString, the customer's UUID without braces
        ReferenceRole, // "C1234567"
        DisplayNameRole, // "Siân Jones"
        AddressRole, // "12 Mill Road, PL1 2AA"
        AddressLineRole, // "12 Mill Road"
        PostcodeRole, // "PL1 2AA"
        DateOfBirthRole, // QDate, null when unknown
        DateOfBirthTextRole, // "12/03/1984", empty when unknown
        AgeRole, // whole years on today's date, -1 when unknown
        HasAccessNeedsRole,
        AccessNeedsSummaryRole, // "BSL interpreter · Large print"
        HasSafetyFlagRole, // a staff-safety flag (violence, verbal abuse, do not visit alone)
        HasVulnerabilityFlagRole,
        FlagSummaryRole, // "History of violence · Recently bereaved": staff safety first
        MatchKindRole, // CustomerMatchKind key: "reference", "phone_ending", ...
    };
    Q_ENUM(Role)

    static constexpr int kDefaultDebounceMs = 120;

    explicit CustomerSearchModel(QObject *parent = nullptr);
    ~CustomerSearchModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    CacheWorker *cacheWorker() const { return m_worker; }
    void setCacheWorker(CacheWorker *worker);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    int count() const { return int(m_rows.size()); }
    bool canLoadMore() const { return m_next.has_value(); }
    int debounceInterval() const { return m_debounce.interval(); }
    void setDebounceInterval(int milliseconds);
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);

    /// Searches for the current text at once instead of after the pause (the Enter key).
    Q_INVOKABLE void searchNow();
    /// Asks for the next page of the current results; does nothing while one is on its way or when
    /// there is none.
    Q_INVOKABLE void loadMore();
    /// The id of the customer on a row, empty out of range: what a view passes to CustomerViewModel.
    Q_INVOKABLE QString idAt(int row) const;

    /// "Today" for ages; the system clock unless a test sets another.
    void setClock(NowFunction now);

signals:
    void cacheWorkerChanged();
    void queryChanged();
    void busyChanged();
    void errorTextChanged();
    void countChanged();
    void canLoadMoreChanged();
    void debounceIntervalChanged();
    void pageSizeChanged();
    /// An answer for the current text has been shown (the first page or a further one).
    void resultsArrived();

private:
    struct Row {
        CustomerSearchHit hit;
        CustomerMarkers markers;
    };
    struct Answer {
        CustomerSearchPage page;
        QHash<QUuid, CustomerMarkers> markers;
    };

    void startSearch(std::optional<CustomerSearchCursor> after);
    void applyAnswer(quint64 generation, bool appending, const Result<Answer> &answer);
    void setResults(QList<Row> rows, std::optional<CustomerSearchCursor> next);
    void setBusy(bool busy);
    void setErrorText(const QString &text);

    QPointer<CacheWorker> m_worker;
    QString m_query;
    QTimer m_debounce;
    int m_pageSize = CustomerSearch::kDefaultPageSize;
    QList<Row> m_rows;
    std::optional<CustomerSearchCursor> m_next;
    quint64 m_generation = 0; // bumped by every change of text; answers of older ones are dropped
    bool m_busy = false;
    bool m_loadingMore = false;
    QString m_errorText;
    NowFunction m_now = systemNowUtc;
};

} // namespace fc
