#include "PasswordInput.h"

#include <cstring>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fc::cli {

namespace {

// Hides typed characters while a person types a password at a terminal; does nothing for a pipe.
class EchoOff {
public:
    EchoOff()
    {
        if (::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved {};
    bool m_active = false;
};

} // namespace

Result<SecureBytes> PasswordInput::read(const QString &prompt)
{
    // Unbuffered: each line is read byte by byte from the descriptor, so no copy of it lingers in a
    // read-ahead buffer, and the next line stays in the pipe for the next call.
    if (!m_stdin.isOpen() && !m_stdin.open(STDIN_FILENO, QIODevice::ReadOnly | QIODevice::Unbuffered))
        return makeError(u"cli.no_input"_s, u"standard input could not be read."_s);
    const bool terminal = ::isatty(STDIN_FILENO);
    if (terminal) {
        m_err << prompt << ": ";
        m_err.flush();
    }
    QByteArray line(kMaxPasswordBytes + 2, '\0'); // sized once: growing it would leave copies behind
    qint64 got = 0;
    {
        const EchoOff echoOff;
        got = m_stdin.readLine(line.data(), line.size());
    }
    if (terminal)
        m_err << Qt::endl;
    if (got <= 0) {
        explicit_bzero(line.data(), size_t(line.size()));
        return makeError(u"cli.no_password"_s, u"expected %1 on standard input, one per line."_s.arg(prompt.toLower()));
    }
    line.resize(got);
    const bool complete = line.endsWith('\n');
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (!complete && got >= kMaxPasswordBytes + 1) {
        explicit_bzero(line.data(), size_t(line.size()));
        return makeError(u"cli.password_too_long"_s,
                         u"a password longer than %1 bytes was given on standard input."_s.arg(kMaxPasswordBytes));
    }
    return SecureBytes::fromPassword(std::move(line));
}

} // namespace fc::cli
