#pragma once

// Helpers shared by the profile, worker, crash and canary tests: passwords, file fingerprints, copies.

#include "storage/SecureBytes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QString>

#include <utility>

namespace fc::test {

inline SecureBytes password(const char *text)
{
    Result<SecureBytes> made = SecureBytes::fromPassword(QByteArray(text));
    return made ? std::move(made).value() : SecureBytes();
}

/// Every file of `dir` (hidden ones too) with the SHA-256 of its bytes: two equal snapshots mean nothing
/// was added, removed or changed.
inline QMap<QString, QByteArray> fileSnapshot(const QString &dir)
{
    QMap<QString, QByteArray> snapshot;
    const QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    for (const QString &name : names) {
        QFile file(QDir(dir).filePath(name));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        snapshot.insert(name, hash.result().toHex());
    }
    return snapshot;
}

/// Copies every file of `from` into `to` (created), except the lock: what a disk would hold if the
/// process had been killed at this moment, when no write is in flight.
inline bool copyAsCrashImage(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QStringList names = QDir(from).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    for (const QString &name : names) {
        if (name.endsWith(QStringLiteral(".lock")) || name.endsWith(QStringLiteral(".rmlock")))
            continue;
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    }
    return true;
}

// QVERIFY2 evaluates its message even on success, so it must not touch error() of a good result.
template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : (result.error().code + QStringLiteral(": ") + result.error().message).toUtf8();
}

} // namespace fc::test
