// firstcontact-cli cache: create a profile, hand support staff the raw cache key, change the password,
// rotate the key and check the cache. Passwords come on standard input, one per line, so scripts can
// pipe them and they never appear in a process list or shell history.

#include "CliCommand.h"
#include "PasswordInput.h"
#include "storage/CacheProfile.h"
#include "storage/CipherDriver.h"
#include "storage/SecureBytes.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fc::cli {

namespace {

class CacheCommand {
public:
    explicit CacheCommand(CommandContext &context) : m_context(context) { }

    int run();

private:
    int init(const QCommandLineParser &parser);
    int printKey();
    int changePassword(const QCommandLineParser &parser);
    int rotate(const QCommandLineParser &parser);
    int check();

    // One password line from standard input, straight into secure memory; `prompt` is shown only at a terminal.
    Result<SecureBytes> readPassword(const QString &prompt);
    bool kdfCost(const QCommandLineParser &parser, KdfCost *cost);
    int usageError(const QString &message);
    int failed(const Error &error);

    CommandContext &m_context;
    QString m_sub;
    PasswordInput m_password { m_context.err };
    QCommandLineOption m_kdfCostOption { u"kdf-cost"_s,
                                         u"Password hashing cost: interactive (tests only), moderate (default) or "
                                         u"sensitive."_s,
                                         u"COST"_s, u"moderate"_s };
};

const QString kUsage = u"usage: firstcontact-cli --profile DIR cache init --user NAME [--kdf-cost COST]\n"
                       u"       firstcontact-cli --profile DIR cache key\n"
                       u"       firstcontact-cli --profile DIR cache passwd [--kdf-cost COST]\n"
                       u"       firstcontact-cli --profile DIR cache rotate [--kdf-cost COST]\n"
                       u"       firstcontact-cli --profile DIR cache check\n"
                       u"Passwords are read from standard input, one per line (passwd: the old one, then the new)."_s;

int CacheCommand::usageError(const QString &message)
{
    m_context.err << "firstcontact-cli cache: " << message << Qt::endl << kUsage << Qt::endl;
    return 2;
}

int CacheCommand::failed(const Error &error)
{
    m_context.err << "firstcontact-cli cache " << m_sub << ": " << error.message << " [" << error.code << "]"
                  << Qt::endl;
    return 1;
}

bool CacheCommand::kdfCost(const QCommandLineParser &parser, KdfCost *cost)
{
    const QString value = parser.value(m_kdfCostOption);
    if (value == u"interactive"_s)
        *cost = KdfCost::Interactive;
    else if (value == u"moderate"_s)
        *cost = KdfCost::Moderate;
    else if (value == u"sensitive"_s)
        *cost = KdfCost::Sensitive;
    else
        return false;
    return true;
}

Result<SecureBytes> CacheCommand::readPassword(const QString &prompt)
{
    return m_password.read(prompt);
}

int CacheCommand::run()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Create, unlock, check and re-key the encrypted cache of a profile."_s);
    const QCommandLineOption helpOption(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s);
    const QCommandLineOption userOption(u"user"_s, u"User name the profile belongs to (init)."_s, u"NAME"_s);
    parser.addOptions({ helpOption, userOption, m_kdfCostOption });
    parser.addPositionalArgument(u"subcommand"_s, u"init, key, passwd, rotate or check."_s);
    if (!parser.parse(m_context.arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        m_context.out << parser.helpText() << kUsage << Qt::endl;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(positional.isEmpty() ? u"which cache command?"_s
                                               : u"unexpected argument '%1'."_s.arg(positional.at(1)));
    m_sub = positional.first();
    if (m_context.profileDir.isEmpty())
        return usageError(u"--profile DIR is required."_s);
    if (parser.isSet(userOption) && m_sub != u"init"_s)
        return usageError(u"--user only applies to init."_s);

    if (m_sub == u"init"_s)
        return init(parser);
    if (m_sub == u"key"_s)
        return printKey();
    if (m_sub == u"passwd"_s)
        return changePassword(parser);
    if (m_sub == u"rotate"_s)
        return rotate(parser);
    if (m_sub == u"check"_s)
        return check();
    return usageError(u"unknown cache command '%1'."_s.arg(m_sub));
}

int CacheCommand::init(const QCommandLineParser &parser)
{
    const QString user = parser.value(u"user"_s);
    if (user.isEmpty())
        return usageError(u"init needs --user NAME."_s);
    KdfCost cost = KdfCost::Moderate;
    if (!kdfCost(parser, &cost))
        return usageError(u"--kdf-cost must be interactive, moderate or sensitive."_s);
    Result<SecureBytes> password = readPassword(u"Password"_s);
    if (!password)
        return usageError(password.error().message);
    Result<CacheProfile> profile = CacheProfile::create(m_context.profileDir, user, password.value(), cost);
    if (!profile)
        return failed(profile.error());
    m_context.out << "Created the cache profile of " << user << " in "
                  << QDir::toNativeSeparators(profile.value().layout().directory()) << "." << Qt::endl;
    return 0;
}

int CacheCommand::printKey()
{
    Result<SecureBytes> password = readPassword(u"Password"_s);
    if (!password)
        return usageError(password.error().message);
    const Result<SecureBytes> key = CacheProfile::dataKey(m_context.profileDir, password.value());
    if (!key)
        return failed(key.error());
    const Result<SecureBytes> hex = key.value().toHex();
    if (!hex)
        return failed(hex.error());

    // Written straight to the descriptor from secure memory, so no stream buffer keeps a copy of the key.
    m_context.out.flush();
    std::fflush(stdout);
    const QByteArray pageSize = "PRAGMA cipher_page_size = " + QByteArray::number(CipherDriver::cipherPageSize) + ";\n";
    const auto writeAll = [](const void *data, qsizetype size) {
        const char *at = static_cast<const char *>(data);
        while (size > 0) {
            const ssize_t written = ::write(STDOUT_FILENO, at, size_t(size));
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0)
                return false;
            at += written;
            size -= written;
        }
        return true;
    };
    static constexpr char head[] = "PRAGMA key = \"x'";
    static constexpr char tail[] = "'\";\n";
    const bool written = writeAll(head, qsizetype(sizeof head - 1)) && writeAll(hex.value().data(), hex.value().size())
        && writeAll(tail, qsizetype(sizeof tail - 1)) && writeAll(pageSize.constData(), pageSize.size());
    if (!written)
        return failed(makeError(u"cli.write_failed"_s, u"the key could not be written to standard output."_s));
    m_context.err << "Anyone with these two lines can read every record in this cache. Type them into the "
                     "sqlcipher shell only; do not save, send or paste them anywhere else."
                  << Qt::endl;
    return 0;
}

int CacheCommand::changePassword(const QCommandLineParser &parser)
{
    KdfCost cost = KdfCost::Moderate;
    if (!kdfCost(parser, &cost))
        return usageError(u"--kdf-cost must be interactive, moderate or sensitive."_s);
    Result<SecureBytes> oldPassword = readPassword(u"Current password"_s);
    if (!oldPassword)
        return usageError(oldPassword.error().message);
    Result<SecureBytes> newPassword = readPassword(u"New password"_s);
    if (!newPassword)
        return usageError(newPassword.error().message);
    // Unlocking first settles an interrupted key rotation, which a password change must not straddle.
    Result<CacheProfile> profile = CacheProfile::unlock(m_context.profileDir, oldPassword.value());
    if (!profile)
        return failed(profile.error());
    const Status changed = profile.value().changePassword(oldPassword.value(), newPassword.value(), cost);
    if (!changed)
        return failed(changed.error());
    m_context.out << "Password changed. The cache was not rewritten: its key is the same, wrapped anew." << Qt::endl;
    return 0;
}

int CacheCommand::rotate(const QCommandLineParser &parser)
{
    KdfCost cost = KdfCost::Moderate;
    if (!kdfCost(parser, &cost))
        return usageError(u"--kdf-cost must be interactive, moderate or sensitive."_s);
    Result<SecureBytes> password = readPassword(u"Password"_s);
    if (!password)
        return usageError(password.error().message);
    Result<CacheProfile> profile = CacheProfile::unlock(m_context.profileDir, password.value());
    if (!profile)
        return failed(profile.error());
    const Status rotated = profile.value().rotateKey(password.value(), cost);
    if (!rotated)
        return failed(rotated.error());
    m_context.out << "The cache is now encrypted under a new key; the old key no longer opens it." << Qt::endl;
    return 0;
}

int CacheCommand::check()
{
    Result<SecureBytes> password = readPassword(u"Password"_s);
    if (!password)
        return usageError(password.error().message);
    Result<CacheProfile> profile = CacheProfile::unlock(m_context.profileDir, password.value());
    if (!profile)
        return failed(profile.error());
    QStringList problems;
    {
        QSqlQuery query(profile.value().database());
        if (!query.exec(u"PRAGMA integrity_check"_s))
            return failed(makeError(u"cli.check_failed"_s, query.lastError().text()));
        while (query.next())
            problems.append(query.value(0).toString());
    }
    const QString cacheFile = QDir::toNativeSeparators(profile.value().layout().cacheFile());
    if (problems == QStringList { u"ok"_s }) {
        m_context.out << "integrity_check: ok (" << cacheFile << ")" << Qt::endl;
        return 0;
    }
    m_context.out << "integrity_check found problems in " << cacheFile << ":" << Qt::endl;
    for (const QString &problem : problems)
        m_context.out << "  " << problem << Qt::endl;
    return 1;
}

} // namespace

int runCache(CommandContext &context)
{
    return CacheCommand(context).run();
}

} // namespace fc::cli
