#pragma once

// Small helpers shared by the QSQLCIPHER driver tests: random keys, file fingerprints, scoped connections.

#include "storage/CipherDatabase.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace fc::test {

inline QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    for (qsizetype i = size - size % 4; i < size; ++i)
        bytes[i] = char(QRandomGenerator::system()->bounded(256));
    return bytes;
}

inline QByteArray randomKey()
{
    return randomBytes(32);
}

inline QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

inline QStringList directoryListing(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

/// Closes and removes a connection when the test leaves the scope, even on a failed QVERIFY.
/// Declare it before the QSqlDatabase it guards, so the database copy is destroyed first.
class ConnectionGuard {
public:
    explicit ConnectionGuard(QString name) : m_name(std::move(name)) { }
    ~ConnectionGuard()
    {
        if (QSqlDatabase::contains(m_name))
            closeCipherDatabase(m_name);
    }
    ConnectionGuard(const ConnectionGuard &) = delete;
    ConnectionGuard &operator=(const ConnectionGuard &) = delete;
    const QString &name() const { return m_name; }

private:
    QString m_name;
};

} // namespace fc::test
