#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace fc {

/// How a contact reached the council (DESIGN.md "Channels").
enum class Channel {
    Phone,
    FaceToFace,
    Email,
    WebForm,
    Webchat,
    VideoRelay, // BSL / ISL interpreter over video
    Letter,
    SocialMedia,
};

/// Stable key used in storage and on the wire: "phone", "face_to_face", "video_relay", ...
QString channelKey(Channel channel);
std::optional<Channel> channelFromKey(QStringView key);
/// Translated name for people ("Face to face").
QString channelDisplayName(Channel channel);
QList<Channel> allChannels();

} // namespace fc
