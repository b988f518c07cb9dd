#pragma once

// The address `serve --listen` binds, and whether plain HTTP is allowed on it.

#include "core/Result.h"

#include <QHostAddress>
#include <QString>

namespace fc::server {

/// A parsed "HOST:PORT" ("127.0.0.1:8443", "[::1]:8443", "localhost:8443", "0.0.0.0:8443"; port 0
/// picks a free one). Host names other than localhost are not resolved: name an address.
struct ListenAddress {
    QHostAddress address;
    quint16 port = 0;

    /// Errors: serve.bad_listen_address.
    static Result<ListenAddress> parse(const QString &text);
    bool isLoopback() const { return address.isLoopback(); }
    /// Plain HTTP only on loopback: a reverse proxy on the same machine terminates TLS for the
    /// network. Anything else needs --tls-cert/--tls-key. Errors: serve.plain_http_not_loopback.
    Status checkPlainHttpAllowed() const;
};

} // namespace fc::server
