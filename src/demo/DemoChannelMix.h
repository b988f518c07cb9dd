#pragma once

#include "core/Channel.h"
#include "demo/WeightedChoice.h"

namespace fc {

/// How residents reach the demo council, as weights per thousand contacts: phone about half, then
/// web forms, email, face to face, webchat, letters and social media. Video relay is left out: only
/// sign-language users use it, and the generator sends theirs there itself.
const WeightedChoice<Channel> &demoChannelMix();

} // namespace fc
