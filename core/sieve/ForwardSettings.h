#pragma once

#include <QString>

namespace Amiens {

/// Redirection of incoming mail to another address (Sieve redirect, RFC 5228 / :copy RFC 3894).
struct ForwardSettings
{
    bool enabled = false;
    QString address;
    bool keepCopy = true; ///< redirect :copy; false = the message is not kept here

    friend bool operator==(const ForwardSettings &, const ForwardSettings &) = default;
};

} // namespace Amiens
