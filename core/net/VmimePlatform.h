#pragma once

#include <vmime/platforms/posix/posixHandler.hpp>

namespace Amiens {

/// VMime's platform handler, with our own host name: VMime would otherwise put the machine's
/// name in SMTP EHLO, generated Message-IDs and domain-less addresses
/// (core/net/VmimeTraps.md, « Host name in EHLO and Message-ID »).
class VmimePlatform final : public vmime::platforms::posix::posixHandler
{
public:
    const vmime::string getHostName() const override;

    /// Installs the handler once, from the main thread, before any worker uses VMime.
    static void ensureInstalled();
};

} // namespace Amiens
