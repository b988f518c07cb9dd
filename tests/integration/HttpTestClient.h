#pragma once

// A small synchronous HTTP client for integration tests, on QNetworkAccessManager.

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

namespace fc::server::test {

/// One answer: status (0 when the connection failed), parsed JSON body, raw headers.
struct HttpAnswer {
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;

    QString errorCode() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    }
};

/// Sends requests and waits for each answer (processing events meanwhile, so in-process servers
/// keep working).
class HttpTestClient {
public:
    /// TLS: trust `caCertificates` only (empty: the system's).
    void setCaCertificates(const QList<QSslCertificate> &certificates) { m_ca = certificates; }

    HttpAnswer send(const QByteArray &method, const QString &url, const QByteArray &body = QByteArray(),
                    const QString &token = QString(), const QByteArray &contentType = "application/json")
    {
        QNetworkRequest request { QUrl(url) };
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (!m_ca.isEmpty()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(m_ca);
            request.setSslConfiguration(tls);
        }
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.json = QJsonDocument::fromJson(answer.body).object();
        answer.networkError = reply->error();
        answer.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return answer;
    }

    HttpAnswer get(const QString &url, const QString &token = QString()) { return send("GET", url, QByteArray(), token); }
    HttpAnswer post(const QString &url, const QByteArray &body, const QString &token = QString(),
                    const QByteArray &contentType = "application/json")
    {
        return send("POST", url, body, token, contentType);
    }

private:
    QNetworkAccessManager m_manager;
    QList<QSslCertificate> m_ca;
};

} // namespace fc::server::test
