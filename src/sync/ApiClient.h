#pragma once

// JSON over HTTP(S) to firstcontact-server, asynchronous: the caller's thread never waits on the network.

#include "core/Result.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

namespace fc {

/// A server's answer: its HTTP status and JSON body (an error body's code is in errorCode()).
struct ApiReply {
    int status = 0;
    QJsonObject json;

    bool ok() const { return status >= 200 && status < 300; }
    QString errorCode() const;
    QString errorMessage() const;
};

/// Posts JSON to `base` + path with the session's bearer token. Replies come back on the thread that
/// owns the client, through the callback; a transport failure (refused, reset, timed out, TLS) is an
/// Error with code network.* instead of a reply. Certificates are checked as Qt does by default;
/// plain http is for loopback only (the server refuses anything else too).
class ApiClient : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(Result<ApiReply>)>;

    explicit ApiClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &base) { m_base = base; }
    QUrl baseUrl() const { return m_base; }
    void setToken(const QString &token) { m_token = token; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    /// Sends; `done` runs exactly once, unless the client is destroyed first.
    void post(const QString &path, const QJsonObject &body, Callback done);

    /// Aborts every request in flight (their callbacks get network.aborted).
    void abortAll();

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
    QString m_token;
    // Above the server's longest route time-out (60 s), so the server, not the desk, ends a slow request.
    std::chrono::milliseconds m_timeout { 65'000 };
};

} // namespace fc
