#include "demo/DemoChannelMix.h"

namespace fc {

const WeightedChoice<Channel> &demoChannelMix()
{
    // Aims at phone 50 %, email 12 %, ...: phone stands in for email for people without an address,
    // and for video relay (about 1 % of contacts asked for, 0.3 % possible: only signers use it).
    static const WeightedChoice<Channel> mix {
        { Channel::Phone, 430 },  { Channel::FaceToFace, 100 }, { Channel::Email, 170 },      { Channel::WebForm, 140 },
        { Channel::Webchat, 70 }, { Channel::Letter, 30 },      { Channel::SocialMedia, 30 },
    };
    return mix;
}

} // namespace fc
