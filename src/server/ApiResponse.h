#pragma once

// An HTTP response as route handlers make it: a status, a JSON body and any extra headers.

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace fc::server {

/// A JSON response. Errors have the one shape every route uses:
/// `{"error": {"code": "auth.invalid_token", "message": "..."}}`.
struct ApiResponse {
    int status = 200;
    QJsonObject json;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse ok(QJsonObject json, int status = 200);
    /// The error's code picks the status (see httpStatusFor()).
    static ApiResponse fromError(const Error &error);
    static ApiResponse error(int status, const QString &code, const QString &message);

    ApiResponse &withHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    /// Compact UTF-8 JSON.
    QByteArray body() const;
    /// The code of an error response, empty for success.
    QString errorCode() const;
};

/// The HTTP status an error code stands for: 400 bad input, 401 no or dead session, 403 not allowed,
/// 404/405 routing, 408, 409 (sync epoch, script already published), 413, 415, 422 (a script that does
/// not validate), 429 throttled, 431, 503 database unavailable, 500 otherwise.
int httpStatusFor(const QString &errorCode);

} // namespace fc::server
