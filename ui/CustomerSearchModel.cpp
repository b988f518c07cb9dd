#include "ui/CustomerSearchModel.h"

#include "storage/CacheWorker.h"
#include "ui/DisplayText.h"
#include "ui/WhenFinished.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// "History of violence · Recently bereaved": staff-safety flags first, each category once.
QString flagSummary(const QList<FlagCategory> &flags)
{
    QStringList parts;
    for (FlagKind kind : { FlagKind::StaffSafety, FlagKind::Vulnerability }) {
        for (FlagCategory category : flags) {
            const QString name = flagCategoryDisplayName(category);
            if (flagKindOf(category) == kind && !parts.contains(name))
                parts.append(name);
        }
    }
    return parts.join(u" \u00B7 "_s);
}

} // namespace

CustomerSearchModel::CustomerSearchModel(QObject *parent) : QAbstractListModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { startSearch(std::nullopt); });
}

CustomerSearchModel::~CustomerSearchModel() = default;

int CustomerSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant CustomerSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const CustomerSearchHit &hit = row.hit;
    switch (role) {
    case Qt::DisplayRole:
    case DisplayNameRole:
        return hit.displayName;
    case IdRole:
        return hit.id.toString(QUuid::WithoutBraces);
    case ReferenceRole:
        return hit.reference;
    case AddressRole:
        return addressOneLine(hit.addressLine, hit.postcode);
    case AddressLineRole:
        return hit.addressLine;
    case PostcodeRole:
        return hit.postcode;
    case DateOfBirthRole:
        return hit.dateOfBirth;
    case DateOfBirthTextRole:
        return ukDateText(hit.dateOfBirth);
    case AgeRole:
        return ageInYears(hit.dateOfBirth, councilDate(m_now()));
    case HasAccessNeedsRole:
        return hit.hasAccessNeeds || row.markers.accessNeeds.any();
    case AccessNeedsSummaryRole:
        return accessNeedsSummary(row.markers.accessNeeds);
    case HasSafetyFlagRole:
        return row.markers.hasStaffSafetyFlag();
    case HasVulnerabilityFlagRole:
        return row.markers.hasVulnerabilityFlag();
    case FlagSummaryRole:
        return flagSummary(row.markers.flags);
    case MatchKindRole:
        return customerMatchKindKey(hit.match);
    default:
        return {};
    }
}

QHash<int, QByteArray> CustomerSearchModel::roleNames() const
{
    return {
        { IdRole, "id" },
        { ReferenceRole, "reference" },
        { DisplayNameRole, "displayName" },
        { AddressRole, "address" },
        { AddressLineRole, "addressLine" },
        { PostcodeRole, "postcode" },
        { DateOfBirthRole, "dateOfBirth" },
        { DateOfBirthTextRole, "dateOfBirthText" },
        { AgeRole, "age" },
        { HasAccessNeedsRole, "hasAccessNeeds" },
        { AccessNeedsSummaryRole, "accessNeedsSummary" },
        { HasSafetyFlagRole, "hasSafetyFlag" },
        { HasVulnerabilityFlagRole, "hasVulnerabilityFlag" },
        { FlagSummaryRole, "flagSummary" },
        { MatchKindRole, "matchKind" },
    };
}

void CustomerSearchModel::setCacheWorker(CacheWorker *worker)
{
    if (m_worker == worker)
        return;
    m_worker = worker;
    emit cacheWorkerChanged();
    if (!m_query.trimmed().isEmpty()) {
        ++m_generation; // answers from the previous cache are no longer wanted
        setBusy(true);
        m_debounce.start();
    }
}

void CustomerSearchModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    emit queryChanged();
    ++m_generation;
    m_loadingMore = false;
    if (m_query.trimmed().isEmpty()) {
        m_debounce.stop();
        setResults({}, std::nullopt);
        setErrorText({});
        setBusy(false);
        return;
    }
    setBusy(true);
    m_debounce.start();
}

void CustomerSearchModel::setDebounceInterval(int milliseconds)
{
    milliseconds = qMax(0, milliseconds);
    if (m_debounce.interval() == milliseconds)
        return;
    m_debounce.setInterval(milliseconds);
    emit debounceIntervalChanged();
}

void CustomerSearchModel::setPageSize(int size)
{
    size = qBound(1, size, CustomerSearch::kMaximumPageSize);
    if (m_pageSize == size)
        return;
    m_pageSize = size;
    emit pageSizeChanged();
}

void CustomerSearchModel::searchNow()
{
    m_debounce.stop();
    if (m_query.trimmed().isEmpty())
        return;
    startSearch(std::nullopt);
}

void CustomerSearchModel::loadMore()
{
    if (!m_next || m_loadingMore || m_busy)
        return;
    m_loadingMore = true;
    startSearch(m_next);
}

QString CustomerSearchModel::idAt(int row) const
{
    if (row < 0 || row >= count())
        return {};
    return m_rows.at(row).hit.id.toString(QUuid::WithoutBraces);
}

void CustomerSearchModel::setClock(NowFunction now)
{
    m_now = now ? std::move(now) : NowFunction(systemNowUtc);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(count() - 1), { AgeRole });
}

void CustomerSearchModel::startSearch(std::optional<CustomerSearchCursor> after)
{
    const bool appending = after.has_value();
    if (!appending)
        ++m_generation; // a first page replaces the list: no earlier answer may land after it
    const quint64 generation = m_generation;
    setBusy(true);
    if (!m_worker) {
        applyAnswer(generation, appending,
                    makeError(u"ui.no_cache"_s, tr("Customer search is not available: no cache is open.")));
        return;
    }
    const QString text = m_query;
    const int limit = m_pageSize;
    QFuture<Result<Answer>> future = m_worker->run([text, limit, after](QSqlDatabase &db) -> Result<Answer> {
        Result<CustomerSearchPage> page = CustomerSearch(db).search(text, limit, after);
        if (!page)
            return page.error();
        QList<QUuid> ids;
        for (const CustomerSearchHit &hit : page->hits)
            ids.append(hit.id);
        Result<QHash<QUuid, CustomerMarkers>> markers = CustomerMarkerReader(db).forCustomers(ids);
        if (!markers)
            return markers.error();
        return Answer { std::move(page).value(), std::move(markers).value() };
    });
    whenFinished(this, future, [this, generation, appending](const Result<Answer> &answer) {
        applyAnswer(generation, appending, answer);
    });
}

void CustomerSearchModel::applyAnswer(quint64 generation, bool appending, const Result<Answer> &answer)
{
    if (generation != m_generation)
        return; // the text has changed since: a newer answer is on its way
    if (appending)
        m_loadingMore = false;
    if (!answer) {
        if (!appending)
            setResults({}, std::nullopt);
        setErrorText(answer.error().message);
        setBusy(false);
        return;
    }
    QList<Row> rows;
    for (const CustomerSearchHit &hit : answer->page.hits)
        rows.append(Row { hit, answer->markers.value(hit.id) });
    if (appending) {
        if (!rows.isEmpty()) {
            beginInsertRows({}, count(), count() + int(rows.size()) - 1);
            m_rows.append(rows);
            endInsertRows();
            emit countChanged();
        }
        const bool could = canLoadMore();
        m_next = answer->page.next;
        if (could != canLoadMore())
            emit canLoadMoreChanged();
    } else {
        setResults(std::move(rows), answer->page.next);
    }
    setErrorText({});
    setBusy(false);
    emit resultsArrived();
}

void CustomerSearchModel::setResults(QList<Row> rows, std::optional<CustomerSearchCursor> next)
{
    const int before = count();
    const bool could = canLoadMore();
    beginResetModel();
    m_rows = std::move(rows);
    m_next = std::move(next);
    endResetModel();
    if (count() != before)
        emit countChanged();
    if (could != canLoadMore())
        emit canLoadMoreChanged();
}

void CustomerSearchModel::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void CustomerSearchModel::setErrorText(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace fc
