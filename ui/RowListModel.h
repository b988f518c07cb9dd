#pragma once

// A small read-only list model whose rows are maps of named values, for the customer view's short lists
// (flags, open cases, possible duplicates) that are rebuilt only when a customer is loaded.

#include <QAbstractListModel>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QVariantMap>

namespace fc {

/// Rows of values under fixed role names. QML reads each role by name in a delegate; C++ and tests read
/// value(row, "name"). Qt::DisplayRole gives the first role.
class RowListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit RowListModel(const QList<QByteArray> &roleNames, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }
    /// Replaces every row (a model reset). Keys not among the role names are ignored.
    void setRows(const QList<QVariantMap> &rows);
    void clear() { setRows({}); }

    /// One row as a map of role name to value; empty out of range.
    Q_INVOKABLE QVariantMap get(int row) const;
    QVariant value(int row, const QByteArray &roleName) const;

signals:
    void countChanged();

private:
    QList<QByteArray> m_roleNames;
    QList<QVariantMap> m_rows;
};

} // namespace fc
