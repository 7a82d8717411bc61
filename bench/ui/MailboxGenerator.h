#pragma once

#include <QString>

namespace Amiens::Bench {

/// Writes a cache of generated messages through the cache's own API (headers as a header
/// fetch brings them, bodies as a body fetch does), so the reading window meets what a sync
/// would have left: real decoded headers, previews and a full-text index of subjects, people
/// and text. Deterministic for a given count.
class MailboxGenerator
{
public:
    /// Creates (or reuses, when it already holds @p count messages) the cache at @p cachePath
    /// for @p accountKey, with every message in INBOX. False with @p error on failure.
    static bool ensure(const QString &cachePath, const QString &accountKey, int count, QString *error);
};

} // namespace Amiens::Bench
