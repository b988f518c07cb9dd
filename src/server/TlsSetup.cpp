#include "server/TlsSetup.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::server::TlsSetup", text);
}

} // namespace

Result<QSslConfiguration> loadTlsConfiguration(const QString &certificatePath, const QString &keyPath)
{
    if (!QSslSocket::supportsSsl())
        return makeError(u"tls.unavailable"_s,
                         tr("This Qt has no working TLS back end (Debian: the OpenSSL 3 library), so TLS cannot be "
                            "served."));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return makeError(u"tls.bad_certificate"_s,
                         tr("%1 holds no PEM certificate.").arg(certificatePath));

    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return makeError(u"tls.bad_key"_s, tr("Cannot read the key file %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec }) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return makeError(u"tls.bad_key"_s,
                         tr("%1 holds no unencrypted PEM RSA or EC private key.").arg(keyPath));
    if (key.algorithm() != chain.first().publicKey().algorithm())
        return makeError(u"tls.key_mismatch"_s, tr("The private key does not belong to the certificate."));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace fc::server
