#pragma once

#include <QtGlobal>

namespace Amiens::Bench {

/// What a child of amiens-bench-ui tells its parent: "NAME VALUE" on its own line, at once.
void report(const char *name, double value);
/// A "VmRSS:" or "VmHWM:" line of /proc/self/status, in KiB; -1 when unreadable.
[[nodiscard]] qint64 residentKilobytes(const char *field);

} // namespace Amiens::Bench
