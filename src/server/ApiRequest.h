#pragma once

// An HTTP request as the route handlers see it, independent of the HTTP library underneath.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrlQuery>

namespace fc::server {

/// A complete request: method, path, query, headers (names lower-cased), the whole body and the
/// client's address. Tests build these directly and hand them to ApiDispatcher.
struct ApiRequest {
    QString method; // "GET", "POST", ... upper case
    QString path;   // "/v1/auth/login", no query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QString remoteAddress;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    /// The token of an "Authorization: Bearer TOKEN" header; empty when there is none.
    QString bearerToken() const;
};

} // namespace fc::server
