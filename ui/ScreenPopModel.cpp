#include "ui/ScreenPopModel.h"

#include "core/PhoneNumber.h"
#include "storage/CustomerQuery.h"
#include "storage/CustomerSearch.h"
#include "ui/DisplayText.h"
#include "ui/WhenFinished.h"

using namespace Qt::StringLiterals;

namespace fc {

const QList<QByteArray> ScreenPopModel::kMatchRoles
    = { "id", "reference", "displayName", "address", "dateOfBirthText" };

ScreenPopModel::ScreenPopModel(QObject *parent) : QObject(parent), m_matches(new RowListModel(kMatchRoles, this)) { }

ScreenPopModel::~ScreenPopModel() = default;

void ScreenPopModel::setCacheWorker(CacheWorker *worker)
{
    if (m_worker == worker)
        return;
    m_worker = worker;
    emit cacheWorkerChanged();
}

void ScreenPopModel::clear()
{
    ++m_generation;
    m_number.clear();
    m_numberText.clear();
    m_state = u"idle"_s;
    m_singleCustomerId.clear();
    m_numberValid = false;
    m_errorText.clear();
    m_matches->clear();
    emit resultChanged();
}

void ScreenPopModel::lookup(const QString &number)
{
    const quint64 generation = ++m_generation;
    m_matches->clear();
    m_singleCustomerId.clear();
    m_errorText.clear();
    const Result<PhoneNumber> parsed = PhoneNumber::parse(number);
    m_numberValid = parsed.ok();
    m_number = parsed ? parsed->canonical() : number.trimmed();
    m_numberText = parsed ? parsed->nationalDisplay() : number.trimmed();
    if (!parsed || !m_worker) {
        // No number to look for (withheld, garbled): a new contact, with whatever was sent kept.
        m_state = u"none"_s;
        if (parsed && !m_worker)
            m_errorText = tr("The caller could not be looked up: no cache is open.");
        emit resultChanged();
        emit resultReady();
        return;
    }
    m_state = u"searching"_s;
    emit resultChanged();

    CustomerQuery query; // the whole number only: a shared ending is someone else
    query.phoneDigits = phoneSuffixSearchKey(parsed->canonical());
    QFuture<Result<CustomerSearchPage>> future
        = m_worker->run([query](QSqlDatabase &db) { return CustomerSearch(db).search(query, kMaximumMatches); });
    whenFinished(this, future, [this, generation](const Result<CustomerSearchPage> &answer) {
        if (generation != m_generation)
            return; // another call came in since
        QList<QVariantMap> rows;
        if (answer) {
            for (const CustomerSearchHit &hit : answer->hits) {
                rows.append({
                    { u"id"_s, hit.id.toString(QUuid::WithoutBraces) },
                    { u"reference"_s, hit.reference },
                    { u"displayName"_s, hit.displayName },
                    { u"address"_s, addressOneLine(hit.addressLine, hit.postcode) },
                    { u"dateOfBirthText"_s, ukDateText(hit.dateOfBirth) },
                });
            }
        } else {
            m_errorText = answer.error().message;
        }
        m_matches->setRows(rows);
        m_state = rows.isEmpty() ? u"none"_s : (rows.size() == 1 ? u"one"_s : u"several"_s);
        m_singleCustomerId = rows.size() == 1 ? rows.first().value(u"id"_s).toString() : QString();
        emit resultChanged();
        emit resultReady();
    });
}

} // namespace fc
