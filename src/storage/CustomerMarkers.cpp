#include "storage/CustomerMarkers.h"

#include "storage/StoreSql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

// Well under SQLite's 999 bound parameters.
constexpr qsizetype kIdsPerStatement = 400;

Error readError(const QSqlQuery &query)
{
    return store::queryError(query,
                             QCoreApplication::translate("CustomerMarkers", "Could not read customers' access needs"));
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(u"?"_s);
    return marks.join(u", "_s);
}

} // namespace

bool CustomerMarkers::hasStaffSafetyFlag() const
{
    return std::any_of(flags.cbegin(), flags.cend(),
                       [](FlagCategory category) { return flagKindOf(category) == FlagKind::StaffSafety; });
}

bool CustomerMarkers::hasVulnerabilityFlag() const
{
    return std::any_of(flags.cbegin(), flags.cend(),
                       [](FlagCategory category) { return flagKindOf(category) == FlagKind::Vulnerability; });
}

CustomerMarkerReader::CustomerMarkerReader(QSqlDatabase db) : m_db(std::move(db)) { }

Result<QHash<QUuid, CustomerMarkers>> CustomerMarkerReader::forCustomers(const QList<QUuid> &ids) const
{
    QHash<QUuid, CustomerMarkers> markers;
    for (qsizetype start = 0; start < ids.size(); start += kIdsPerStatement) {
        const QList<QUuid> chunk = ids.mid(start, kIdsPerStatement);
        const QString in = placeholders(chunk.size());

        QSqlQuery needs(m_db);
        needs.prepare(u"SELECT id, access_needs, interpreter_language, sign_language FROM customer WHERE id IN ("_s + in
                      + u')');
        for (const QUuid &id : chunk)
            needs.addBindValue(id.toString(QUuid::WithoutBraces));
        if (!needs.exec())
            return readError(needs);
        while (needs.next()) {
            store::RowReader reader(needs, u"customer"_s);
            const QUuid id = reader.uuid(0);
            CustomerMarkers row;
            for (const QString &key : reader.text(1).split(u',', Qt::SkipEmptyParts)) {
                const std::optional<AccessNeed> need = accessNeedFromKey(key);
                if (!need)
                    return store::badRowError(u"customer"_s, u"access_needs"_s);
                row.accessNeeds.needs |= *need;
            }
            row.accessNeeds.interpreterLanguage = reader.text(2);
            row.accessNeeds.signLanguage = reader.text(3);
            if (!reader.ok())
                return reader.error();
            markers.insert(id, row);
        }

        QSqlQuery flags(m_db);
        flags.prepare(u"SELECT c.id, f.category FROM customer c JOIN customer_flag f ON f.customer_row = c.row "
                      "WHERE c.id IN ("_s
                      + in + u") ORDER BY c.row, f.position"_s);
        for (const QUuid &id : chunk)
            flags.addBindValue(id.toString(QUuid::WithoutBraces));
        if (!flags.exec())
            return readError(flags);
        while (flags.next()) {
            store::RowReader reader(flags, u"customer_flag"_s);
            const QUuid id = reader.uuid(0);
            const FlagCategory category = reader.key(1, flagCategoryFromKey, FlagCategory::SafeguardingConcern);
            if (!reader.ok())
                return reader.error();
            markers[id].flags.append(category);
        }
    }
    return markers;
}

} // namespace fc
