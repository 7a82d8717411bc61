#include "LargeBuffers.h"

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <cstdint>

namespace Amiens::LargeBuffers {

void adviseHugePages(char *data, qsizetype size)
{
#ifdef Q_OS_LINUX
    if (!data || size < kAdviceThreshold)
        return;
    static const auto pageSize = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + pageSize - 1) & ~(pageSize - 1);
    const auto end =
        (reinterpret_cast<std::uintptr_t>(data) + static_cast<std::uintptr_t>(size)) & ~(pageSize - 1);
    // Only a hint: a kernel without transparent huge pages refuses it, and the buffer works the same.
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(size);
#endif
}

QByteArray uninitialised(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    adviseHugePages(bytes.data(), bytes.size());
    return bytes;
}

} // namespace Amiens::LargeBuffers
