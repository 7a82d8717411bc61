#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace Amiens::Bench {

// The calls measured, in one file of their own: `bench/model-run --baseline REV` replaces
// ModelPaths.cpp in a temporary worktree of REV with that release's calls, so that the same
// benchmark measures both and the tree keeps no old code.

/// What the sync keeps of one body (CacheMessageStore's scanBody): the text, the paper clip, the preview.
/// Returns a figure drawn from the result, so that nothing is optimised away.
qsizetype syncPath(const QByteArray &raw);
/// The whole model, as the window, `show` and a reply build it (headers and inline images too).
qsizetype fullModel(const QByteArray &raw);
/// Which release the calls come from ("working tree"; the baseline's file says which commit).
const char *modelPathsOrigin();

} // namespace Amiens::Bench
