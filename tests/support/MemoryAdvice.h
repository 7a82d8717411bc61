#pragma once

#include <QString>

namespace Amiens::Test {

/// Whether this kernel takes MADV_HUGEPAGE (transparent huge pages built in and not "never").
bool kernelTakesHugePageAdvice();

/// Whether the mapping holding @p address was advised for huge pages: "hg" among its VmFlags in
/// /proc/self/smaps. @p error says why it cannot tell.
bool advisedForHugePages(const void *address, QString *error = nullptr);

} // namespace Amiens::Test
