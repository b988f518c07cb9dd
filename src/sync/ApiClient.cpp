#include "sync/ApiClient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace fc {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::ApiClient", text);
}

// Larger answers than this are not ours (a page of 5000 records is a few MiB).
constexpr qint64 kMaximumReplyBytes = 64 * 1024 * 1024;

Error transportError(QNetworkReply *reply)
{
    switch (reply->error()) {
    case QNetworkReply::OperationCanceledError:
        return makeError(u"network.aborted"_s, tr("The request was cancelled."));
    case QNetworkReply::TimeoutError:
        return makeError(u"network.timeout"_s, tr("The server did not answer in time."));
    case QNetworkReply::SslHandshakeFailedError:
        return makeError(u"network.tls"_s, tr("The server's certificate could not be trusted: %1").arg(reply->errorString()));
    default:
        return makeError(u"network.unreachable"_s, tr("The server cannot be reached: %1").arg(reply->errorString()));
    }
}

} // namespace

QString ApiReply::errorCode() const
{
    return json.value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString ApiReply::errorMessage() const
{
    return json.value(u"error"_s).toObject().value(u"message"_s).toString();
}

ApiClient::ApiClient(QObject *parent) : QObject(parent)
{
    // One connection per server is plenty for a desk; HTTP/2 is not offered by our server.
    m_network.setAutoDeleteReplies(true);
}

void ApiClient::post(const QString &path, const QJsonObject &body, Callback done)
{
    QUrl url = m_base;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1());
    QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaximumReplyBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            done(transportError(reply));
            return;
        }
        ApiReply answer;
        answer.status = statusAttribute.toInt();
        const QByteArray bytes = reply->readAll();
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
        if (!document.isObject()) {
            done(makeError(u"network.bad_reply"_s, tr("The server answered %1 with something that is not JSON.")
                                                       .arg(answer.status)));
            return;
        }
        answer.json = document.object();
        done(answer);
    });
}

void ApiClient::abortAll()
{
    const QList<QNetworkReply *> replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies)
        reply->abort();
}

} // namespace fc
