// Reading a password from standard input, without echo at a terminal.

#include "PasswordInput.h"

#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fc::server::cli {

namespace {

// Turns terminal echo off for its lifetime, and back on however the read ends.
class EchoOff {
public:
    EchoOff()
    {
        m_active = tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    ~EchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved {};
    bool m_active = false;
};

std::optional<QString> readLine(QTextStream &in)
{
    QString line;
    if (!in.readLineInto(&line))
        return std::nullopt;
    if (line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

} // namespace

Result<QString> readNewPassword(QTextStream &prompts)
{
    QTextStream in(stdin);
    const bool terminal = isatty(STDIN_FILENO) == 1;
    std::optional<QString> first;
    if (terminal) {
        prompts << "New password: " << Qt::flush;
        EchoOff quiet;
        first = readLine(in);
        prompts << Qt::endl << "Again: " << Qt::flush;
        std::optional<QString> second = readLine(in);
        prompts << Qt::endl;
        if (first && second && *first != *second)
            return makeError(u"password.mismatch"_s, u"The two passwords differ; nothing was changed."_s);
    } else {
        first = readLine(in);
    }
    if (!first)
        return makeError(u"password.no_input"_s, u"No password on standard input."_s);
    if (first->isEmpty())
        return makeError(u"password.empty"_s, u"The password is empty."_s);
    return *first;
}

} // namespace fc::server::cli
