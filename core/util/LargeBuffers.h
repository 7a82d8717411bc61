#pragma once

#include <QByteArray>

namespace Amiens {

/// Buffers of several megabytes: a message body read from its file or arriving from the server.
/// The kernel maps fresh memory one 4 KiB page at a time, on first write: 4,096 page faults for a
/// 16 MB body, most of the time of reading it on a virtual machine (a 17 MB file: 74 ms, 15-19 ms
/// in huge pages). Where the kernel takes the hint (Linux, transparent huge pages set to
/// "madvise" or "always"), such buffers are mapped 2 MB at a time; elsewhere nothing changes.
namespace LargeBuffers {

/// Below this, buffers come from memory malloc already holds: no advice.
inline constexpr qsizetype kAdviceThreshold = 4 * 1024 * 1024;

/// Asks for huge pages over the whole pages of [@p data, @p data + @p size) when @p size is at
/// least kAdviceThreshold. Call it before the first write: pages already touched stay small.
void adviseHugePages(char *data, qsizetype size);

/// @p size uninitialised bytes, advised as above.
QByteArray uninitialised(qsizetype size);

} // namespace LargeBuffers

} // namespace Amiens
