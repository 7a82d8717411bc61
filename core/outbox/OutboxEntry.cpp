#include "OutboxEntry.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString OutboxEntry::stateName(State state)
{
    switch (state) {
    case State::Queued:
        return u"queued"_s;
    case State::Sending:
        return u"sending"_s;
    case State::SentAwaitingCopy:
        return u"sent-awaiting-copy"_s;
    case State::Failed:
        return u"failed"_s;
    }
    return u"queued"_s;
}

std::optional<OutboxEntry::State> OutboxEntry::parseState(const QString &name)
{
    for (const State state : {State::Queued, State::Sending, State::SentAwaitingCopy, State::Failed}) {
        if (stateName(state) == name)
            return state;
    }
    return std::nullopt;
}

} // namespace Amiens
