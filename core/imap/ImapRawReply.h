#pragma once

#include <QByteArray>
#include <QList>
#include <optional>
#include <string>

namespace Amiens {

/// A reply read without VMime's parser: its untagged lines and, when the server said NO or BAD,
/// its text.
struct ImapRawReply
{
    QList<QByteArray> untagged;
    std::optional<std::string> refusal;
};

} // namespace Amiens
