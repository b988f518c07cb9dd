#include "server/ApiResponse.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fc::server {

namespace {

struct CodeStatus {
    QLatin1StringView code;
    int status;
};

// Exact codes first; then prefixes.
const CodeStatus kExact[] = {
    { "auth.invalid_credentials"_L1, 401 },
    { "auth.missing_token"_L1, 401 },
    { "auth.invalid_token"_L1, 401 },
    { "auth.token_expired"_L1, 401 },
    { "auth.user_disabled"_L1, 403 },
    { "auth.device_revoked"_L1, 403 },
    { "auth.device_other_user"_L1, 403 },
    { "auth.forbidden_role"_L1, 403 },
    { "auth.wrong_team"_L1, 403 },
    { "auth.throttled"_L1, 429 },
    { "route.not_found"_L1, 404 },
    { "route.method_not_allowed"_L1, 405 },
    { "request.timeout"_L1, 408 },
    { "request.too_large"_L1, 413 },
    { "request.unsupported_media_type"_L1, 415 },
    { "request.headers_too_large"_L1, 431 },
    { "db.open_failed"_L1, 503 },
    { "db.unavailable"_L1, 503 },
    { "sync.bad_cursor"_L1, 400 },
    { "sync.protocol_mismatch"_L1, 400 },
    { "sync.epoch_changed"_L1, 409 },
    { "script.invalid"_L1, 422 },
    { "script.not_found"_L1, 404 },
    { "script.already_published"_L1, 409 },
    { "script.superseded"_L1, 409 },
};

const CodeStatus kPrefixes[] = {
    { "request."_L1, 400 },
    { "account."_L1, 400 },
    { "json."_L1, 400 },
};

} // namespace

int httpStatusFor(const QString &errorCode)
{
    for (const CodeStatus &entry : kExact) {
        if (errorCode == entry.code)
            return entry.status;
    }
    for (const CodeStatus &entry : kPrefixes) {
        if (errorCode.startsWith(entry.code))
            return entry.status;
    }
    return 500;
}

ApiResponse ApiResponse::ok(QJsonObject json, int status)
{
    ApiResponse response;
    response.status = status;
    response.json = std::move(json);
    return response;
}

ApiResponse ApiResponse::error(int status, const QString &code, const QString &message)
{
    ApiResponse response;
    response.status = status;
    response.json = QJsonObject { { u"error"_s, QJsonObject { { u"code"_s, code }, { u"message"_s, message } } } };
    return response;
}

ApiResponse ApiResponse::fromError(const Error &error)
{
    return ApiResponse::error(httpStatusFor(error.code), error.code, error.message);
}

ApiResponse &ApiResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({ name, value });
    return *this;
}

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

QByteArray ApiResponse::body() const
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QString ApiResponse::errorCode() const
{
    return json.value(u"error"_s).toObject().value(u"code"_s).toString();
}

} // namespace fc::server
