#pragma once

// The conflicts page: fields two desks changed at once, each with both values, and the changes the
// server refused, read from the cache without stalling the GUI thread.

#include "storage/CacheWorker.h"
#include "storage/ConflictStore.h"
#include "ui/Clock.h"
#include "ui/RowListModel.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace fc {

/// Open sync conflicts (ConflictStore::unresolved, oldest first), one row per field, with the record's
/// name and both values in words, read in one cache job together with the refused changes (`rejected`,
/// RejectedChangeStore, newest first). resolve() settles one (LocalChanges::resolveConflict: the value is
/// written at once and conflict.resolve queued), then reloads and emits `resolved` so the session can
/// ask its engine to send it. Generation numbers drop stale answers, as in the other models.
class ConflictsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fc::CacheWorker *cacheWorker READ cacheWorker WRITE setCacheWorker NOTIFY cacheWorkerChanged)
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY userChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QAbstractListModel *rejected READ rejected CONSTANT)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        EntityRole,
        EntityTextRole,
        EntityIdRole,
        RecordNameRole,
        FieldRole,
        FieldTextRole,
        ServerValueTextRole,
        ClientValueTextRole,
        ServerSideTextRole,
        ClientSideTextRole,
        CreatedAtTextRole,
        UserRole,
    };
    Q_ENUM(Role)

    /// Roles of `rejected`: id (mutation id), entity, entityText, entityId, recordName, operation,
    /// operationText ("Change", "New record", ...), code, message (the server's reason), rejectedAtText.
    static const QList<QByteArray> kRejectedRoles;

    explicit ConflictsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    CacheWorker *cacheWorker() const { return m_worker; }
    void setCacheWorker(CacheWorker *worker);
    /// Who settles conflicts here (kept with each resolution); the signed-in user.
    QString user() const { return m_user; }
    void setUser(const QString &user);
    /// "Now", for telling today's times from older ones.
    void setClock(NowFunction now);

    int count() const { return int(m_rows.size()); }
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    QAbstractListModel *rejected() const { return m_rejected; }
    RowListModel *rejectedList() const { return m_rejected; }

    /// Reads the conflicts and refused changes again.
    Q_INVOKABLE void reload();
    /// Empties both lists (signed out).
    Q_INVOKABLE void clear();
    /// Settles conflict `id` with "server" (keep the server's value) or "client" (this desk's).
    Q_INVOKABLE void resolve(const QString &id, const QString &choice);
    /// A person has read a refused change: it leaves the list.
    Q_INVOKABLE void dismissRejected(const QString &mutationId);
    /// The row's value of a role by name, for C++ and tests.
    QVariant value(int row, const QByteArray &roleName) const;

    /// The translated label of a customer or case field ("Postcode", "Status"); the key itself if unknown.
    static QString fieldText(const QString &entity, const QString &field);
    /// A field's value in words: dates UK, keys by name, lists joined, empty as "(blank)".
    static QString valueText(const QString &field, const QJsonValue &value);

signals:
    void cacheWorkerChanged();
    void userChanged();
    void countChanged();
    void busyChanged();
    void errorTextChanged();
    /// The lists were read again.
    void loaded();
    /// A conflict was settled here (and conflict.resolve queued), or a refused change dismissed.
    void resolved(const QString &id);

public:
    struct Row {
        SyncConflict conflict;
        QString recordName;
    };
    struct RejectedRow {
        RejectedChange change;
        QString recordName;
    };
    struct Loaded {
        QList<Row> conflicts;
        QList<RejectedRow> rejected;
    };

private:
    void apply(quint64 generation, const Result<Loaded> &answer);
    void setBusy(bool busy);
    void setErrorText(const QString &text);
    QString timeText(const QDateTime &instant) const;

    QPointer<CacheWorker> m_worker;
    QString m_user;
    QList<Row> m_rows;
    RowListModel *m_rejected;
    quint64 m_generation = 0;
    bool m_busy = false;
    QString m_errorText;
    QString m_pendingError; // a failed resolve's sentence, shown with the next list
    NowFunction m_now = systemNowUtc;
};

} // namespace fc
