#pragma once

// How a response goes onto the wire: the one place that writes HTTP/1.1 status lines and headers.

#include "server/ApiResponse.h"

#include <QByteArray>

namespace fc::server {

/// The full HTTP/1.1 response for `response`: status line, Content-Type (JSON, UTF-8), Content-Length,
/// Cache-Control: no-store (responses carry tokens and personal data), nosniff, the response's own
/// headers, "Connection: close" when asked, then the body.
QByteArray encodeHttpResponse(const ApiResponse &response, bool closeConnection);

/// "Not Found" for 404 and so on; "Unknown" for a status we never send.
QByteArray httpReasonPhrase(int status);

} // namespace fc::server
