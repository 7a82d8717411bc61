#pragma once

#include <QString>

namespace Amiens {

/// Files about an account are the user's alone, whatever the session's umask: folders 0700,
/// files 0600.
namespace PrivateFiles {

/// Creates @p path and every missing parent, each missing one 0700, and makes @p path itself
/// 0700. Existing parents are left as they are (they may be /tmp). False when it cannot.
bool makeFolder(const QString &path);
/// Makes an existing file 0600.
bool restrictFile(const QString &path);

} // namespace PrivateFiles

} // namespace Amiens
