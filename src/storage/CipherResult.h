#pragma once

// One prepared SQLCipher statement behind a QSqlQuery: binds values, steps rows lazily, reports SQLite's errors.

#include <QList>
#include <QSqlResult>
#include <QVariant>

struct sqlite3_stmt;

namespace fc {

class CipherDriver;

class CipherResult final : public QSqlResult {
public:
    explicit CipherResult(const CipherDriver *driver);
    ~CipherResult() override;

    CipherResult(const CipherResult &) = delete;
    CipherResult &operator=(const CipherResult &) = delete;

    /// The sqlite3_stmt*, for diagnostics only; stale once the query is re-prepared or the database closed.
    QVariant handle() const override;

    /// Called by the driver when its connection closes: the statement must go before the connection does,
    /// and the result is unusable afterwards.
    void releaseStatement();

protected:
    bool reset(const QString &query) override;
    bool prepare(const QString &query) override;
    bool exec() override;
    QVariant data(int column) override;
    bool isNull(int column) override;
    bool fetch(int row) override;
    bool fetchNext() override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    void resetRun();
    bool step();
    QVariant liveValue(int column) const;
    QVariantList liveRow() const;
    const QVariantList *copiedRow() const;
    bool fail(const QSqlError &error);

    /// Hands the statement back to the driver's cache (or finalizes it when it cannot be kept).
    void discardStatement();

    const CipherDriver *m_driver = nullptr; // null once the driver closed its connection
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_sql; // the text m_stmt was prepared from; empty when it may not be kept
    bool m_isInsert = false;

    // State of the current execution.
    bool m_scrollable = false; // setForwardOnly(false) at exec(): rows are copied as they are stepped
    bool m_pendingRow = false; // exec() stepped onto the first row; fetchNext() hands it out
    bool m_done = true; // sqlite3_step() said DONE or failed; the statement is reset
    int m_rowsAffected = -1;
    QVariant m_lastInsertId;
    QList<QVariantList> m_rows; // scrollable mode only, grows as far as the caller reads
    QVariantList m_lastRow; // forward-only fetchLast(): the last row, kept after stepping past it
    bool m_onLastRowCopy = false;
};

} // namespace fc
