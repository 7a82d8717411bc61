#include "VmimePlatform.h"

#include "InitialResponseSaslMechanism.h"
#include "ScramSaslMechanism.h"

#include <mutex>
#include <vmime/platform.hpp>

namespace Amiens {

const vmime::string VmimePlatform::getHostName() const
{
    return "[127.0.0.1]";
}

void VmimePlatform::ensureInstalled()
{
    static std::once_flag installed;
    std::call_once(installed, [] {
        vmime::platform::setHandler<VmimePlatform>();
        InitialResponseSaslMechanism::registerMechanisms();
        ScramSaslMechanism::registerMechanisms();
    });
}

} // namespace Amiens
