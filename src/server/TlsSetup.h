#pragma once

// The TLS configuration `serve --tls-cert F --tls-key F` runs with.

#include "core/Result.h"

#include <QSslConfiguration>
#include <QString>

namespace fc::server {

/// Reads a PEM certificate chain (leaf first, then intermediates) and its unencrypted PEM private key
/// (RSA or EC) into a server configuration: TLS 1.2 or later, no client certificates.
/// Errors: tls.unavailable (Qt has no TLS back end), tls.bad_certificate, tls.bad_key, tls.key_mismatch.
Result<QSslConfiguration> loadTlsConfiguration(const QString &certificatePath, const QString &keyPath);

} // namespace fc::server
