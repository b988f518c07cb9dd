// The QSQLCIPHER driver through QSqlQuery: values, binds, iteration, transactions and errors, on real files.

#include "storage/CipherDatabase.h"
#include "storage/CipherDriver.h"
#include "unit/storage/CipherTestSupport.h"

#include <QDate>
#include <QDateTime>
#include <QPoint>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTime>
#include <QTimeZone>
#include <QUuid>

#include <bit>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>

using namespace fc;
using namespace fc::test;
using namespace Qt::StringLiterals;

namespace {

// Runs `work` on a connection of its own, opened on a new thread, as the client's worker threads do.
template<typename Work>
void onAnotherThread(const QString &path, const QByteArray &key, const CipherOpenOptions &options, Work work)
{
    std::unique_ptr<QThread> thread(QThread::create([&] {
        const QString name = u"other_thread"_s;
        {
            Result<QSqlDatabase> db = openCipherDatabase(path, key, name, options);
            if (!db) {
                qWarning("other thread could not open: %s", qUtf8Printable(db.error().message));
                return;
            }
            work(db.value());
        }
        closeCipherDatabase(name);
    }));
    thread->start();
    thread->wait();
}

qint64 countFromAnotherThread(const QString &path, const QByteArray &key, const QString &table)
{
    qint64 count = -1;
    onAnotherThread(path, key, CipherOpenOptions {}, [&](const QSqlDatabase &db) {
        QSqlQuery query(db);
        if (query.exec(u"SELECT count(*) FROM "_s + table) && query.next())
            count = query.value(0).toLongLong();
    });
    return count;
}

quint64 bitsOf(double value)
{
    return std::bit_cast<quint64>(value);
}

QString longMixedText(qsizetype length)
{
    const QString pattern = u"Siân Llŷr-Łódź 🦜 O'Brien \u05e9\u05dc\u05d5\u05dd "_s;
    QString text;
    text.reserve(length + pattern.size());
    while (text.size() < length)
        text += pattern;
    text.truncate(length);
    if (text.back().isHighSurrogate()) // never cut an emoji in half
        text.back() = u'x';
    return text;
}

} // namespace

class tst_CipherDriver : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_key;
    QString m_name;
    QSqlDatabase m_db;
    int m_counter = 0;

    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql)) {
            qWarning("%s: %s", qUtf8Printable(sql), qUtf8Printable(query.lastError().text()));
            return false;
        }
        return true;
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql) || !query.next())
            return u"<no result: %1>"_s.arg(query.lastError().text());
        return query.value(0);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_name = u"driver_%1"_s.arg(++m_counter);
        m_path = m_dir.filePath(m_name + u".db"_s);
        m_key = randomKey();
        Result<QSqlDatabase> db = openCipherDatabase(m_path, m_key, m_name);
        QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
        m_db = db.value();
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        closeCipherDatabase(m_name);
    }

    void valueRoundTripsExactly_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<QString>("declaredType");
        QTest::addColumn<QString>("storageClass"); // SQLite's typeof() of what was stored
        QTest::addColumn<QString>("storedText"); // the exact stored text, where it is text

        const QString none;
        QTest::newRow("null") << QVariant() << none << u"null"_s << none;
        QTest::newRow("typed null int") << QVariant(QMetaType::fromType<int>()) << none << u"null"_s << none;
        QTest::newRow("null QString") << QVariant(QString()) << none << u"null"_s << none;
        QTest::newRow("null QDateTime") << QVariant(QDateTime()) << none << u"null"_s << none;

        QTest::newRow("int64 min") << QVariant(std::numeric_limits<qint64>::min()) << none << u"integer"_s << none;
        QTest::newRow("int64 max") << QVariant(std::numeric_limits<qint64>::max()) << none << u"integer"_s << none;
        QTest::newRow("int64 max, INTEGER column")
            << QVariant(std::numeric_limits<qint64>::max()) << u"INTEGER"_s << u"integer"_s << none;
        QTest::newRow("zero") << QVariant(qint64(0)) << none << u"integer"_s << none;
        QTest::newRow("minus one int") << QVariant(-1) << none << u"integer"_s << none;
        QTest::newRow("uint max") << QVariant(std::numeric_limits<uint>::max()) << none << u"integer"_s << none;
        QTest::newRow("quint64 at int64 max")
            << QVariant(quint64(std::numeric_limits<qint64>::max())) << none << u"integer"_s << none;
        QTest::newRow("bool true") << QVariant(true) << none << u"integer"_s << none;
        QTest::newRow("bool false") << QVariant(false) << none << u"integer"_s << none;

        QTest::newRow("double 0.1") << QVariant(0.1) << none << u"real"_s << none;
        QTest::newRow("double pi") << QVariant(std::numbers::pi) << none << u"real"_s << none;
        QTest::newRow("double +0.0") << QVariant(0.0) << none << u"real"_s << none;
        QTest::newRow("double -0.0") << QVariant(-0.0) << none << u"real"_s << none;
        QTest::newRow("double smallest denormal")
            << QVariant(std::numeric_limits<double>::denorm_min()) << none << u"real"_s << none;
        QTest::newRow("double largest denormal")
            << QVariant(std::nextafter(std::numeric_limits<double>::min(), 0.0)) << none << u"real"_s << none;
        QTest::newRow("double negative denormal")
            << QVariant(-3 * std::numeric_limits<double>::denorm_min()) << none << u"real"_s << none;
        QTest::newRow("double max") << QVariant(std::numeric_limits<double>::max()) << none << u"real"_s << none;
        QTest::newRow("double lowest") << QVariant(std::numeric_limits<double>::lowest()) << none << u"real"_s << none;
        QTest::newRow("double +inf") << QVariant(std::numeric_limits<double>::infinity()) << none << u"real"_s << none;
        QTest::newRow("double -inf") << QVariant(-std::numeric_limits<double>::infinity()) << none << u"real"_s << none;
        QTest::newRow("double 2^53+2") << QVariant(9007199254740994.0) << none << u"real"_s << none;
        QTest::newRow("double 0.1, REAL column") << QVariant(0.1) << u"REAL"_s << u"real"_s << none;
        QTest::newRow("double denormal, REAL column")
            << QVariant(std::numeric_limits<double>::denorm_min()) << u"REAL"_s << u"real"_s << none;
        QTest::newRow("float 1.5") << QVariant(1.5f) << none << u"real"_s << none;

        QTest::newRow("empty text") << QVariant(u""_s) << none << u"text"_s << u""_s;
        QTest::newRow("ascii") << QVariant(u"Council Tax"_s) << none << u"text"_s << u"Council Tax"_s;
        QTest::newRow("welsh") << QVariant(u"Siân Llŷr, Ŵyddgrug"_s) << none << u"text"_s << u"Siân Llŷr, Ŵyddgrug"_s;
        QTest::newRow("polish") << QVariant(u"Łódź Żółć"_s) << none << u"text"_s << u"Łódź Żółć"_s;
        QTest::newRow("emoji with ZWJ and skin tone")
            << QVariant(u"🦜 👩🏽‍💻 🏴󠁧󠁢󠁷󠁬󠁳󠁿"_s) << none << u"text"_s
            << u"🦜 👩🏽‍💻 🏴󠁧󠁢󠁷󠁬󠁳󠁿"_s;
        QTest::newRow("right to left") << QVariant(u"שלום مرحبا"_s) << none << u"text"_s << u"שלום مرحبا"_s;
        QTest::newRow("combining marks") << QVariant(u"e\u0301 a\u0302"_s) << none << u"text"_s << u"e\u0301 a\u0302"_s;
        QTest::newRow("quotes and semicolons")
            << QVariant(u"O'Brien; DROP TABLE v; --"_s) << none << u"text"_s << u"O'Brien; DROP TABLE v; --"_s;
        QTest::newRow("embedded NUL") << QVariant(u"a\0b"_s) << none << u"text"_s << u"a\0b"_s;
        const QString longText = longMixedText(100'000);
        QTest::newRow("100k characters") << QVariant(longText) << u"TEXT"_s << u"text"_s << longText;
        QTest::newRow("QChar") << QVariant(QChar(u'ŵ')) << none << u"text"_s << u"ŵ"_s;

        QTest::newRow("empty blob") << QVariant(QByteArray("", 0)) << none << u"blob"_s << none;
        QTest::newRow("blob with zero bytes")
            << QVariant(QByteArray("\0\x01\0\xff\0", 5)) << u"BLOB"_s << u"blob"_s << none;
        QByteArray megabyte = randomBytes(1 << 20);
        megabyte[0] = '\0';
        megabyte[megabyte.size() / 2] = '\0';
        megabyte[megabyte.size() - 1] = '\0';
        QTest::newRow("1 MiB blob") << QVariant(megabyte) << none << u"blob"_s << none;

        QTest::newRow("date") << QVariant(QDate(2026, 3, 29)) << none << u"text"_s << u"2026-03-29"_s;
        QTest::newRow("date year 1") << QVariant(QDate(1, 1, 1)) << none << u"text"_s << u"0001-01-01"_s;
        QTest::newRow("date year 9999") << QVariant(QDate(9999, 12, 31)) << none << u"text"_s << u"9999-12-31"_s;
        QTest::newRow("time") << QVariant(QTime(1, 30, 0, 123)) << none << u"text"_s << u"01:30:00.123"_s;
        QTest::newRow("time midnight") << QVariant(QTime(0, 0)) << none << u"text"_s << u"00:00:00.000"_s;
        QTest::newRow("time last ms") << QVariant(QTime(23, 59, 59, 999)) << none << u"text"_s << u"23:59:59.999"_s;
        QTest::newRow("datetime UTC") << QVariant(QDateTime(QDate(2026, 3, 29), QTime(1, 30, 0, 123), Qt::UTC)) << none
                                      << u"text"_s << u"2026-03-29T01:30:00.123Z"_s;
        // 02:30 BST on the morning the clocks go forward is 01:30 UTC.
        QTest::newRow("datetime Europe/London summer time")
            << QVariant(QDateTime(QDate(2026, 3, 29), QTime(2, 30, 0, 123), QTimeZone("Europe/London"))) << none
            << u"text"_s << u"2026-03-29T01:30:00.123Z"_s;
        QTest::newRow("datetime offset") << QVariant(
            QDateTime(QDate(2026, 1, 2), QTime(9, 0, 0, 5), Qt::OffsetFromUTC, -5 * 3600))
                                         << none << u"text"_s << u"2026-01-02T14:00:00.005Z"_s;
        const QUuid uuid(u"{1b4e28ba-2fa1-11d2-883f-0016d3cca427}"_s);
        QTest::newRow("uuid") << QVariant(uuid) << none << u"text"_s << u"1b4e28ba-2fa1-11d2-883f-0016d3cca427"_s;
        QTest::newRow("nil uuid") << QVariant(QUuid()) << none << u"text"_s
                                  << u"00000000-0000-0000-0000-000000000000"_s;
    }

    void valueRoundTripsExactly()
    {
        QFETCH(QVariant, input);
        QFETCH(QString, declaredType);
        QFETCH(QString, storageClass);
        QFETCH(QString, storedText);

        QVERIFY(exec(u"CREATE TABLE v (x "_s + declaredType + u")"_s));
        {
            QSqlQuery insert(m_db);
            QVERIFY(insert.prepare(u"INSERT INTO v (x) VALUES (?)"_s));
            insert.addBindValue(input);
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }

        QSqlQuery select(m_db);
        select.setForwardOnly(true);
        QVERIFY(select.exec(u"SELECT x, typeof(x) FROM v"_s));
        QVERIFY(select.next());
        QCOMPARE(select.value(1).toString(), storageClass);
        const QVariant read = select.value(0);

        if (storageClass == u"null"_s) {
            QVERIFY(select.isNull(0));
            QVERIFY(read.isNull());
            return;
        }
        QVERIFY(!select.isNull(0));
        if (!storedText.isNull()) {
            QCOMPARE(read.metaType(), QMetaType::fromType<QString>());
            QCOMPARE(read.toString(), storedText);
        }

        if (input.metaType() == QMetaType::fromType<QChar>()) // QVariant cannot convert text back to a QChar
            return;
        QVariant converted = read;
        QVERIFY2(converted.convert(input.metaType()), input.metaType().name());
        QCOMPARE(converted, input);
        if (input.metaType() == QMetaType::fromType<double>()) {
            QCOMPARE(read.metaType(), QMetaType::fromType<double>());
            QCOMPARE(bitsOf(read.toDouble()), bitsOf(input.toDouble())); // also tells -0.0 from +0.0
        }
        if (input.metaType() == QMetaType::fromType<QDateTime>())
            QCOMPARE(converted.toDateTime().timeSpec(), Qt::UTC);
        if (input.metaType() == QMetaType::fromType<QByteArray>())
            QCOMPARE(read.metaType(), QMetaType::fromType<QByteArray>());
        QVERIFY(!select.next());
    }

    void negativeZeroLosesItsSignInNumericColumns_data()
    {
        QTest::addColumn<QString>("declaredType");
        QTest::addColumn<quint64>("expectedBits");
        QTest::newRow("REAL") << u"REAL"_s << bitsOf(0.0);
        QTest::newRow("NUMERIC") << u"NUMERIC"_s << bitsOf(0.0);
        QTest::newRow("no type keeps the sign") << QString() << bitsOf(-0.0);
    }

    // SQLite stores a REAL whose value is a whole number as an integer in columns with numeric affinity;
    // -0.0 == 0, so its sign goes. Documented in DRIVER.md; this pins the behaviour down.
    void negativeZeroLosesItsSignInNumericColumns()
    {
        QFETCH(QString, declaredType);
        QFETCH(quint64, expectedBits);
        QVERIFY(exec(u"CREATE TABLE z (x "_s + declaredType + u")"_s));
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare(u"INSERT INTO z VALUES (?)"_s));
        insert.addBindValue(-0.0);
        QVERIFY(insert.exec());
        QCOMPARE(bitsOf(scalar(u"SELECT x FROM z"_s).toDouble()), expectedBits);
    }

    void nanIsRefusedRatherThanStoredAsNull()
    {
        QVERIFY(exec(u"CREATE TABLE v (x)"_s));
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare(u"INSERT INTO v VALUES (?)"_s));
        insert.addBindValue(std::numeric_limits<double>::quiet_NaN());
        QVERIFY(!insert.exec());
        QCOMPARE(insert.lastError().nativeErrorCode(), u"cipher.nan"_s);
        QVERIFY(insert.lastError().text().contains(u"NaN"_s));
        QCOMPARE(scalar(u"SELECT count(*) FROM v"_s).toLongLong(), 0);
    }

    void unrepresentableValuesAreRefused_data()
    {
        QTest::addColumn<QVariant>("input");
        QTest::addColumn<QString>("code");
        QTest::newRow("quint64 above int64 max")
            << QVariant(quint64(std::numeric_limits<qint64>::max()) + 1) << u"cipher.out_of_range"_s;
        QTest::newRow("year 10000") << QVariant(QDate(10000, 1, 1)) << u"cipher.out_of_range"_s;
        QTest::newRow("string list") << QVariant(QStringList { u"a"_s }) << u"cipher.unsupported_type"_s;
        QTest::newRow("point") << QVariant(QPoint(1, 2)) << u"cipher.unsupported_type"_s;
    }

    void unrepresentableValuesAreRefused()
    {
        QFETCH(QVariant, input);
        QFETCH(QString, code);
        QVERIFY(exec(u"CREATE TABLE v (x)"_s));
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare(u"INSERT INTO v VALUES (?)"_s));
        insert.addBindValue(input);
        QVERIFY(!insert.exec());
        QCOMPARE(insert.lastError().nativeErrorCode(), code);
        QCOMPARE(scalar(u"SELECT count(*) FROM v"_s).toLongLong(), 0);
    }

    void namedBindsMatchByNameIncludingRepeats()
    {
        QVERIFY(exec(u"CREATE TABLE p (a, b, c)"_s));
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare(u"INSERT INTO p (a, b, c) VALUES (:second, :first, :second || ':first')"_s));
        insert.bindValue(u":first"_s, u"one"_s);
        insert.bindValue(u":second"_s, u"two"_s);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

        QSqlQuery select(m_db);
        QVERIFY(select.prepare(u"SELECT a, b, c FROM p WHERE b = :wanted"_s));
        select.bindValue(u":wanted"_s, u"one"_s);
        QVERIFY(select.exec());
        QVERIFY(select.next());
        QCOMPARE(select.value(0).toString(), u"two"_s);
        QCOMPARE(select.value(1).toString(), u"one"_s);
        QCOMPARE(select.value(2).toString(), u"two:first"_s); // a ":name" inside quotes is text, not a bind
    }

    void positionalBindsMatchByPosition()
    {
        QVERIFY(exec(u"CREATE TABLE p (a, b, c)"_s));
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare(u"INSERT INTO p VALUES (?, ?, '?')"_s));
        insert.bindValue(1, 20);
        insert.bindValue(0, 10);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        QSqlQuery select(m_db);
        QVERIFY(select.exec(u"SELECT a, b, c FROM p"_s));
        QVERIFY(select.next());
        QCOMPARE(select.value(0).toLongLong(), 10);
        QCOMPARE(select.value(1).toLongLong(), 20);
        QCOMPARE(select.value(2).toString(), u"?"_s);
    }

    void reexecutingAPreparedStatementUsesTheNewBinds()
    {
        QVERIFY(exec(u"CREATE TABLE r (k INTEGER PRIMARY KEY, name TEXT)"_s));
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare(u"INSERT INTO r (k, name) VALUES (:k, :name)"_s));
        const QStringList names { u"Amira"_s, u"Bryn"_s, u"Ciarán"_s };
        for (int i = 0; i < names.size(); ++i) {
            insert.bindValue(u":k"_s, i + 1);
            insert.bindValue(u":name"_s, names.at(i));
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            QCOMPARE(insert.numRowsAffected(), 1);
        }

        QSqlQuery select(m_db);
        select.setForwardOnly(true);
        QVERIFY(select.prepare(u"SELECT name FROM r WHERE k = ?"_s));
        for (int k : { 3, 1, 2, 3 }) {
            select.bindValue(0, k);
            QVERIFY(select.exec());
            QVERIFY(select.next());
            QCOMPARE(select.value(0).toString(), names.at(k - 1));
            // Re-executing before reading to the end must start again, not continue the old run.
        }
        select.bindValue(0, 99);
        QVERIFY(select.exec());
        QVERIFY(!select.next());
        QVERIFY(!select.lastError().isValid());
    }

    void bindCountMismatchIsAnError()
    {
        QVERIFY(exec(u"CREATE TABLE p (a, b)"_s));
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare(u"INSERT INTO p VALUES (?, ?)"_s));
        insert.addBindValue(1);
        QVERIFY(!insert.exec());
        QCOMPARE(insert.lastError().nativeErrorCode(), u"cipher.bind_count"_s);
        QCOMPARE(scalar(u"SELECT count(*) FROM p"_s).toLongLong(), 0);
    }

    void forwardOnlyIteratesTwoHundredThousandRows()
    {
        QVERIFY(exec(u"CREATE TABLE big (k INTEGER PRIMARY KEY, label TEXT)"_s));
        QVERIFY(exec(u"WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 200000) "
                     "INSERT INTO big SELECT k, 'row ' || k FROM n"_s));

        QSqlQuery select(m_db);
        select.setForwardOnly(true);
        QVERIFY(select.exec(u"SELECT k, label FROM big ORDER BY k"_s));
        qint64 rows = 0;
        qint64 sum = 0;
        bool inOrder = true;
        while (select.next()) {
            ++rows;
            const qint64 k = select.value(0).toLongLong();
            inOrder = inOrder && k == rows;
            sum += k;
            if (rows == 1 || rows == 200000)
                QCOMPARE(select.value(1).toString(), u"row "_s + QString::number(k));
        }
        QVERIFY(!select.lastError().isValid());
        QCOMPARE(rows, 200000);
        QVERIFY(inOrder);
        QCOMPARE(sum, qint64(200000) * 200001 / 2);
        QCOMPARE(select.at(), int(QSql::AfterLastRow));
    }

    // If exec() read the whole result up front, the error in row 150,000 would fail exec() itself and no
    // row would arrive. Stepping lazily, the first 149,999 rows come back before the error does.
    void forwardOnlyStepsLazilySoALateErrorArrivesAfterEarlierRows()
    {
        QVERIFY(exec(u"CREATE TABLE big (k INTEGER PRIMARY KEY)"_s));
        QVERIFY(exec(u"WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 200000) "
                     "INSERT INTO big SELECT k FROM n"_s));
        QSqlQuery select(m_db);
        select.setForwardOnly(true);
        QVERIFY2(select.exec(u"SELECT CASE WHEN k = 150000 THEN abs(-9223372036854775807 - 1) ELSE k END "
                             "FROM big ORDER BY k"_s),
                 qPrintable(select.lastError().text()));
        qint64 rows = 0;
        while (select.next())
            ++rows;
        QCOMPARE(rows, 149999);
        QCOMPARE(select.lastError().databaseText(), u"integer overflow"_s);
        QCOMPARE(select.lastError().nativeErrorCode(), u"1"_s);
    }

    void scrollableModeSeeksBackAndForth()
    {
        QVERIFY(exec(u"CREATE TABLE s (k INTEGER PRIMARY KEY)"_s));
        QVERIFY(exec(u"WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 10) "
                     "INSERT INTO s SELECT k FROM n"_s));
        QSqlQuery select(m_db);
        select.setForwardOnly(false);
        QVERIFY(select.exec(u"SELECT k FROM s ORDER BY k"_s));
        QVERIFY(select.seek(4));
        QCOMPARE(select.value(0).toLongLong(), 5);
        QVERIFY(select.previous());
        QCOMPARE(select.value(0).toLongLong(), 4);
        QVERIFY(select.last());
        QCOMPARE(select.value(0).toLongLong(), 10);
        QCOMPARE(select.at(), 9);
        QVERIFY(select.first());
        QCOMPARE(select.value(0).toLongLong(), 1);
        QVERIFY(!select.seek(10));
    }

    void forwardOnlyLastKeepsTheLastRow()
    {
        QVERIFY(exec(u"CREATE TABLE s (k INTEGER PRIMARY KEY, t TEXT)"_s));
        QVERIFY(exec(u"INSERT INTO s VALUES (1, 'a'), (2, 'b'), (3, 'c')"_s));
        QSqlQuery select(m_db);
        select.setForwardOnly(true);
        QVERIFY(select.exec(u"SELECT k, t FROM s ORDER BY k"_s));
        QVERIFY(select.next());
        QVERIFY(select.last());
        QCOMPARE(select.at(), 2);
        QCOMPARE(select.value(1).toString(), u"c"_s);
        QVERIFY(!select.isNull(1));
        QVERIFY(!select.next());
    }

    void committedTransactionIsVisibleFromAnotherThread()
    {
        QVERIFY(exec(u"CREATE TABLE t (x)"_s));
        QVERIFY(m_db.transaction());
        QVERIFY(exec(u"INSERT INTO t VALUES (1), (2)"_s));
        QCOMPARE(countFromAnotherThread(m_path, m_key, u"t"_s), 0);
        QVERIFY2(m_db.commit(), qPrintable(m_db.lastError().text()));
        QCOMPARE(countFromAnotherThread(m_path, m_key, u"t"_s), 2);
    }

    void rolledBackTransactionLeavesNoTrace()
    {
        QVERIFY(exec(u"CREATE TABLE t (x)"_s));
        QVERIFY(exec(u"INSERT INTO t VALUES (1)"_s));
        QVERIFY(m_db.transaction());
        QVERIFY(exec(u"INSERT INTO t VALUES (2)"_s));
        QVERIFY(exec(u"DELETE FROM t WHERE x = 1"_s));
        QVERIFY2(m_db.rollback(), qPrintable(m_db.lastError().text()));
        QCOMPARE(countFromAnotherThread(m_path, m_key, u"t"_s), 1);
        QCOMPARE(scalar(u"SELECT group_concat(x) FROM t"_s).toString(), u"1"_s);
    }

    // BEGIN IMMEDIATE: the write lock is taken at transaction(), before any write, so a second writer
    // is turned away at once rather than deadlocking later.
    void transactionTakesTheWriteLockAtOnce()
    {
        QVERIFY(exec(u"CREATE TABLE t (x)"_s));
        QVERIFY(m_db.transaction());
        QString otherError;
        CipherOpenOptions impatient;
        impatient.busyTimeoutMs = 0;
        onAnotherThread(m_path, m_key, impatient, [&](const QSqlDatabase &db) {
            QSqlQuery query(db);
            if (!query.exec(u"INSERT INTO t VALUES (1)"_s))
                otherError = query.lastError().nativeErrorCode();
        });
        QCOMPARE(otherError, u"5"_s); // SQLITE_BUSY
        QVERIFY(m_db.commit());
    }

    void nestedTransactionIsRefusedWithSqliteMessage()
    {
        QVERIFY(m_db.transaction());
        QVERIFY(!m_db.transaction());
        QCOMPARE(m_db.lastError().type(), QSqlError::TransactionError);
        QCOMPARE(m_db.lastError().databaseText(), u"cannot start a transaction within a transaction"_s);
        QVERIFY(m_db.rollback());
    }

    void lastInsertIdIsTheRowidOfTheInsertedRow()
    {
        QVERIFY(exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY, x)"_s));
        QSqlQuery query(m_db);
        QVERIFY(query.exec(u"INSERT INTO t (x) VALUES ('a')"_s));
        QCOMPARE(query.lastInsertId(), QVariant(qint64(1)));
        QVERIFY(query.exec(u"INSERT INTO t (id, x) VALUES (7777, 'b')"_s));
        QCOMPARE(query.lastInsertId(), QVariant(qint64(7777)));
        QVERIFY(query.exec(u"  /* leading comment */ insert into t (x) values ('c')"_s));
        QCOMPARE(query.lastInsertId(), QVariant(qint64(7778)));
        QVERIFY(query.exec(u"UPDATE t SET x = 'z' WHERE id = 1"_s));
        QVERIFY(!query.lastInsertId().isValid()); // not the stale 7778 of the earlier insert
        QVERIFY(query.exec(u"INSERT INTO t (x) SELECT x FROM t WHERE 0"_s));
        QVERIFY(!query.lastInsertId().isValid()); // nothing inserted
        QVERIFY(m_db.driver()->hasFeature(QSqlDriver::LastInsertId));
    }

    void numRowsAffectedCountsThisStatementOnly()
    {
        QSqlQuery query(m_db);
        QVERIFY(query.exec(u"CREATE TABLE t (x)"_s));
        QCOMPARE(query.numRowsAffected(), 0);
        QVERIFY(query.exec(u"INSERT INTO t VALUES (1), (2), (3)"_s));
        QCOMPARE(query.numRowsAffected(), 3);
        QVERIFY(query.exec(u"CREATE INDEX t_x ON t(x)"_s));
        QCOMPARE(query.numRowsAffected(), 0); // sqlite3_changes() alone would still say 3
        QVERIFY(query.exec(u"UPDATE t SET x = x + 10 WHERE x >= 2"_s));
        QCOMPARE(query.numRowsAffected(), 2);
        QVERIFY(query.exec(u"UPDATE t SET x = 0 WHERE x = 999"_s));
        QCOMPARE(query.numRowsAffected(), 0);
        QVERIFY(query.exec(u"DELETE FROM t"_s));
        QCOMPARE(query.numRowsAffected(), 3);
        QVERIFY(query.exec(u"SELECT * FROM t"_s));
        QCOMPARE(query.numRowsAffected(), -1);
        QCOMPARE(query.size(), -1);
    }

    void constraintViolationCarriesSqliteCodeAndMessage_data()
    {
        QTest::addColumn<QString>("violation");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unique") << u"INSERT INTO child (id, parent, name) VALUES (2, 1, 'dup')"_s << u"2067"_s
                                << u"UNIQUE constraint failed: child.name"_s;
        QTest::newRow("primary key") << u"INSERT INTO child (id, parent, name) VALUES (1, 1, 'other')"_s << u"1555"_s
                                     << u"UNIQUE constraint failed: child.id"_s;
        QTest::newRow("not null") << u"INSERT INTO child (id, parent, name) VALUES (2, 1, NULL)"_s << u"1299"_s
                                  << u"NOT NULL constraint failed: child.name"_s;
        QTest::newRow("check") << u"INSERT INTO child (id, parent, name) VALUES (2, 1, '')"_s << u"275"_s
                               << u"CHECK constraint failed: child"_s;
        // Also proves foreign_keys = ON on every connection.
        QTest::newRow("foreign key") << u"INSERT INTO child (id, parent, name) VALUES (2, 42, 'orphan')"_s << u"787"_s
                                     << u"FOREIGN KEY constraint failed"_s;
    }

    void constraintViolationCarriesSqliteCodeAndMessage()
    {
        QFETCH(QString, violation);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QVERIFY(exec(u"CREATE TABLE parent (id INTEGER PRIMARY KEY)"_s));
        QVERIFY(exec(u"CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parent(id), "
                     "name TEXT NOT NULL UNIQUE CHECK (name <> ''))"_s));
        QVERIFY(exec(u"INSERT INTO parent VALUES (1)"_s));
        QVERIFY(exec(u"INSERT INTO child VALUES (1, 1, 'dup')"_s));

        QSqlQuery query(m_db);
        QVERIFY(query.prepare(violation));
        QVERIFY(!query.exec());
        const QSqlError error = query.lastError();
        QCOMPARE(error.nativeErrorCode(), code);
        QCOMPARE(error.databaseText(), message);
        QCOMPARE(error.type(), QSqlError::StatementError);
        QCOMPARE(scalar(u"SELECT count(*) FROM child"_s).toLongLong(), 1);
    }

    void syntaxErrorIsReportedAtPrepare()
    {
        QSqlQuery query(m_db);
        QVERIFY(!query.prepare(u"SELEC 1"_s));
        QCOMPARE(query.lastError().nativeErrorCode(), u"1"_s);
        QCOMPARE(query.lastError().databaseText(), u"near \"SELEC\": syntax error"_s);
    }

    void severalStatementsInOneExecAreRefused()
    {
        QSqlQuery query(m_db);
        QVERIFY(!query.exec(u"CREATE TABLE a (x); CREATE TABLE b (x)"_s));
        QCOMPARE(query.lastError().nativeErrorCode(), u"cipher.multiple_statements"_s);
        QVERIFY(!query.exec(u"CREATE TABLE a (x); INSERT INTO a VALUES (1)"_s)); // second one would not even prepare
        QCOMPARE(query.lastError().nativeErrorCode(), u"cipher.multiple_statements"_s);
        QVERIFY(m_db.tables().isEmpty()); // not even the first ran

        QVERIFY2(query.exec(u"CREATE TABLE a (x);  -- a trailing comment is fine\n /* and this */ ;"_s),
                 qPrintable(query.lastError().text()));
        QCOMPARE(m_db.tables(), QStringList { u"a"_s });
        QVERIFY(!query.exec(u"-- only a comment"_s));
        QCOMPARE(query.lastError().nativeErrorCode(), u"cipher.empty_statement"_s);
    }

    void hasFeatureAnswersTruthfully_data()
    {
        QTest::addColumn<int>("feature");
        QTest::addColumn<bool>("expected");
        QTest::newRow("Transactions") << int(QSqlDriver::Transactions) << true;
        QTest::newRow("QuerySize") << int(QSqlDriver::QuerySize) << false;
        QTest::newRow("BLOB") << int(QSqlDriver::BLOB) << true;
        QTest::newRow("Unicode") << int(QSqlDriver::Unicode) << true;
        QTest::newRow("PreparedQueries") << int(QSqlDriver::PreparedQueries) << true;
        QTest::newRow("NamedPlaceholders") << int(QSqlDriver::NamedPlaceholders) << false;
        QTest::newRow("PositionalPlaceholders") << int(QSqlDriver::PositionalPlaceholders) << true;
        QTest::newRow("LastInsertId") << int(QSqlDriver::LastInsertId) << true;
        QTest::newRow("BatchOperations") << int(QSqlDriver::BatchOperations) << false;
        QTest::newRow("SimpleLocking") << int(QSqlDriver::SimpleLocking) << true;
        QTest::newRow("LowPrecisionNumbers") << int(QSqlDriver::LowPrecisionNumbers) << false;
        QTest::newRow("EventNotifications") << int(QSqlDriver::EventNotifications) << false;
        QTest::newRow("FinishQuery") << int(QSqlDriver::FinishQuery) << true;
        QTest::newRow("MultipleResultSets") << int(QSqlDriver::MultipleResultSets) << false;
        QTest::newRow("CancelQuery") << int(QSqlDriver::CancelQuery) << false;
    }

    void hasFeatureAnswersTruthfully()
    {
        QFETCH(int, feature);
        QFETCH(bool, expected);
        QCOMPARE(m_db.driver()->hasFeature(QSqlDriver::DriverFeature(feature)), expected);
    }

    void execBatchInsertsEveryRow()
    {
        QVERIFY(exec(u"CREATE TABLE b (k INTEGER, v TEXT)"_s));
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare(u"INSERT INTO b VALUES (?, ?)"_s));
        insert.addBindValue(QVariantList { 1, 2, 3 });
        insert.addBindValue(QVariantList { u"x"_s, QVariant(), u"z"_s });
        QVERIFY2(insert.execBatch(), qPrintable(insert.lastError().text()));
        QCOMPARE(scalar(u"SELECT group_concat(k || '=' || ifnull(v, 'NULL'), ',') FROM b"_s).toString(),
                 u"1=x,2=NULL,3=z"_s);
    }

    void schemaIsDescribedToQt()
    {
        QVERIFY(exec(u"CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', "
                     "score REAL, photo BLOB, born DATE)"_s));
        QVERIFY(exec(u"CREATE VIEW names AS SELECT name FROM person"_s));
        QCOMPARE(m_db.tables(QSql::Tables), QStringList { u"person"_s });
        QCOMPARE(m_db.tables(QSql::Views), QStringList { u"names"_s });

        const QSqlRecord record = m_db.record(u"person"_s);
        QCOMPARE(record.count(), 5);
        QCOMPARE(record.fieldName(1), u"name"_s);
        QCOMPARE(record.field(0).metaType(), QMetaType::fromType<qlonglong>());
        QCOMPARE(record.field(1).metaType(), QMetaType::fromType<QString>());
        QCOMPARE(record.field(1).requiredStatus(), QSqlField::Required);
        QCOMPARE(record.field(2).metaType(), QMetaType::fromType<double>());
        QCOMPARE(record.field(3).metaType(), QMetaType::fromType<QByteArray>());
        QCOMPARE(m_db.primaryIndex(u"person"_s).count(), 1);
        QCOMPARE(m_db.primaryIndex(u"person"_s).fieldName(0), u"id"_s);

        QSqlQuery query(m_db);
        QVERIFY(query.exec(u"SELECT name AS who, count(*) FROM person"_s));
        QCOMPARE(query.record().fieldName(0), u"who"_s);
        QCOMPARE(query.record().fieldName(1), u"count(*)"_s);
    }

    void closingTheDatabaseEndsQueriesStillOpen()
    {
        QVERIFY(exec(u"CREATE TABLE t (x)"_s));
        QVERIFY(exec(u"INSERT INTO t VALUES (1), (2), (3)"_s));
        QSqlQuery select(m_db);
        select.setForwardOnly(true);
        QVERIFY(select.exec(u"SELECT x FROM t"_s));
        QVERIFY(select.next());
        m_db.close(); // with a statement still stepping: it must be finalized first, not leak or crash
        QVERIFY(!m_db.isOpen());
        QVERIFY(!select.next());
        QVERIFY(!select.exec(u"SELECT 1"_s));
        // Closing the last connection checkpoints the WAL away.
        QVERIFY(!QFile::exists(m_path + u"-wal"_s));
    }
};

QTEST_GUILESS_MAIN(tst_CipherDriver)
#include "tst_CipherDriver.moc"
