#pragma once

// The incoming caller's number looked up in the cache: one customer to open, a short list to choose
// from, or no one (a new contact with the number filled in).

#include "storage/CacheWorker.h"
#include "ui/RowListModel.h"

#include <QAbstractListModel>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace fc {

/// lookup(number) reads the number with PhoneNumber (any way it was written) and finds, on the cache's
/// database thread, every customer holding that whole number (the cache's phone search: a shared ending
/// is not enough). `state` goes "searching", then "one" (`singleCustomerId` says who), "several"
/// (`matches`) or "none"; an unreadable number is "none" at once, kept as typed in `numberText`.
/// `resultReady()` follows each answer. A newer lookup drops an older one's answer.
class ScreenPopModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fc::CacheWorker *cacheWorker READ cacheWorker WRITE setCacheWorker NOTIFY cacheWorkerChanged)
    Q_PROPERTY(QString number READ number NOTIFY resultChanged)
    Q_PROPERTY(QString numberText READ numberText NOTIFY resultChanged)
    Q_PROPERTY(QString state READ state NOTIFY resultChanged)
    Q_PROPERTY(QAbstractListModel *matches READ matches CONSTANT)
    Q_PROPERTY(QString singleCustomerId READ singleCustomerId NOTIFY resultChanged)
    Q_PROPERTY(bool numberValid READ numberValid NOTIFY resultChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY resultChanged)

public:
    /// Roles of `matches`: id, reference, displayName, address ("12 Mill Road, PL1 2AA"), dateOfBirthText.
    static const QList<QByteArray> kMatchRoles;
    /// More matches than this are cut (a switchboard number); the list says the first ones.
    static constexpr int kMaximumMatches = 25;

    explicit ScreenPopModel(QObject *parent = nullptr);
    ~ScreenPopModel() override;

    CacheWorker *cacheWorker() const { return m_worker; }
    void setCacheWorker(CacheWorker *worker);

    Q_INVOKABLE void lookup(const QString &number);
    /// Back to "idle" with no number.
    Q_INVOKABLE void clear();

    /// The number: canonical E.164 ("+447700900123") when it could be read, otherwise as typed.
    QString number() const { return m_number; }
    /// As read out ("07700 900123"), or as typed when it could not be read.
    QString numberText() const { return m_numberText; }
    QString state() const { return m_state; }
    QAbstractListModel *matches() const { return m_matches; }
    QString singleCustomerId() const { return m_singleCustomerId; }
    bool numberValid() const { return m_numberValid; }
    QString errorText() const { return m_errorText; }

signals:
    void cacheWorkerChanged();
    void resultChanged();
    /// A lookup ended: `state` is "one", "several" or "none".
    void resultReady();

private:
    QPointer<CacheWorker> m_worker;
    quint64 m_generation = 0;
    QString m_number;
    QString m_numberText;
    QString m_state = QStringLiteral("idle");
    QString m_singleCustomerId;
    bool m_numberValid = false;
    QString m_errorText;
    RowListModel *m_matches;
};

} // namespace fc
