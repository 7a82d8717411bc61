#pragma once

#include <stdexcept>
#include <string>

namespace Amiens {

/// Thrown by sync code when the cache refused a write (disk full, read-only, corrupt): the sync
/// stops and nothing after the last committed batch is assumed to be stored.
class CacheWriteError : public std::runtime_error
{
public:
    explicit CacheWriteError(const std::string &detail)
        : std::runtime_error(detail)
    {
    }
};

} // namespace Amiens
