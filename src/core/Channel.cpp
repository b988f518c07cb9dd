#include "core/Channel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fc {

QString channelKey(Channel channel)
{
    switch (channel) {
    case Channel::Phone:
        return u"phone"_s;
    case Channel::FaceToFace:
        return u"face_to_face"_s;
    case Channel::Email:
        return u"email"_s;
    case Channel::WebForm:
        return u"web_form"_s;
    case Channel::Webchat:
        return u"webchat"_s;
    case Channel::VideoRelay:
        return u"video_relay"_s;
    case Channel::Letter:
        return u"letter"_s;
    case Channel::SocialMedia:
        return u"social_media"_s;
    }
    return {};
}

std::optional<Channel> channelFromKey(QStringView key)
{
    for (Channel channel : allChannels()) {
        if (key == channelKey(channel))
            return channel;
    }
    return std::nullopt;
}

QString channelDisplayName(Channel channel)
{
    switch (channel) {
    case Channel::Phone:
        return QCoreApplication::translate("fc::Channel", "Phone");
    case Channel::FaceToFace:
        return QCoreApplication::translate("fc::Channel", "Face to face");
    case Channel::Email:
        return QCoreApplication::translate("fc::Channel", "Email");
    case Channel::WebForm:
        return QCoreApplication::translate("fc::Channel", "Web form");
    case Channel::Webchat:
        return QCoreApplication::translate("fc::Channel", "Webchat");
    case Channel::VideoRelay:
        return QCoreApplication::translate("fc::Channel", "Video relay (sign language)");
    case Channel::Letter:
        return QCoreApplication::translate("fc::Channel", "Letter");
    case Channel::SocialMedia:
        return QCoreApplication::translate("fc::Channel", "Social media");
    }
    return {};
}

QList<Channel> allChannels()
{
    return { Channel::Phone,   Channel::FaceToFace, Channel::Email,  Channel::WebForm,
             Channel::Webchat, Channel::VideoRelay, Channel::Letter, Channel::SocialMedia };
}

} // namespace fc
