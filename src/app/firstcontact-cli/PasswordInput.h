#pragma once

// Passwords for firstcontact-cli, one per line on standard input: scripts pipe them, so they never
// appear in a process list or shell history; at a terminal the typing is not echoed.

#include "core/Result.h"
#include "storage/SecureBytes.h"

#include <QFile>
#include <QString>
#include <QTextStream>

namespace fc::cli {

class PasswordInput {
public:
    static constexpr qsizetype kMaxPasswordBytes = 1024;

    explicit PasswordInput(QTextStream &err) : m_err(err) { }

    /// One line, straight into secure memory; `prompt` is shown only at a terminal. Errors:
    /// cli.no_input, cli.no_password, cli.password_too_long.
    Result<SecureBytes> read(const QString &prompt);

private:
    QTextStream &m_err;
    QFile m_stdin;
};

} // namespace fc::cli
