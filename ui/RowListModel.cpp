#include "ui/RowListModel.h"

namespace fc {

RowListModel::RowListModel(const QList<QByteArray> &roleNames, QObject *parent)
    : QAbstractListModel(parent), m_roleNames(roleNames)
{
}

int RowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = role == Qt::DisplayRole ? 0 : role - Qt::UserRole - 1;
    if (column < 0 || column >= m_roleNames.size())
        return {};
    return m_rows.at(index.row()).value(QString::fromLatin1(m_roleNames.at(column)));
}

QHash<int, QByteArray> RowListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (qsizetype i = 0; i < m_roleNames.size(); ++i)
        names.insert(Qt::UserRole + 1 + int(i), m_roleNames.at(i));
    return names;
}

void RowListModel::setRows(const QList<QVariantMap> &rows)
{
    const int before = count();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (count() != before)
        emit countChanged();
}

QVariantMap RowListModel::get(int row) const
{
    if (row < 0 || row >= count())
        return {};
    QVariantMap values;
    for (const QByteArray &name : m_roleNames) {
        const QString key = QString::fromLatin1(name);
        values.insert(key, m_rows.at(row).value(key));
    }
    return values;
}

QVariant RowListModel::value(int row, const QByteArray &roleName) const
{
    if (row < 0 || row >= count())
        return {};
    return m_rows.at(row).value(QString::fromLatin1(roleName));
}

} // namespace fc
