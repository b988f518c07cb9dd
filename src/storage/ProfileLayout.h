#pragma once

// Where the files of one cache profile live inside its directory (the layout in docs/OPERATIONS.md).

#include <QDir>
#include <QString>
#include <QStringList>

namespace fc {

/// The file names of a profile directory. Pure naming: nothing here touches the disk.
class ProfileLayout {
public:
    explicit ProfileLayout(const QString &directory) : m_dir(QDir::cleanPath(QDir(directory).absolutePath())) { }

    /// The profile directory itself, absolute and cleaned.
    QString directory() const { return m_dir; }
    /// The wrapped data key (storage/KeyFile.h).
    QString keyFile() const { return path(QStringLiteral("cache.key")); }
    /// The next data key, wrapped under the same password; present only while a key rotation is unfinished.
    QString pendingKeyFile() const { return path(QStringLiteral("cache.key.next")); }
    /// The SQLCipher cache.
    QString cacheFile() const { return path(QStringLiteral("cache.db")); }
    /// Held by the one process that has the profile open; stops a second one rekeying under it.
    QString lockFile() const { return path(QStringLiteral("profile.lock")); }
    /// What SQLite keeps beside the cache: the write-ahead log, its shared-memory index, and a rollback
    /// journal (only ever seen if the journal mode was changed by hand).
    QStringList cacheCompanionFiles() const
    {
        const QString cache = cacheFile();
        return { cache + QStringLiteral("-wal"), cache + QStringLiteral("-shm"), cache + QStringLiteral("-journal") };
    }

private:
    QString path(const QString &name) const { return m_dir + QLatin1Char('/') + name; }

    QString m_dir;
};

} // namespace fc
