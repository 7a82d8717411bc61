#pragma once

#include "ImapJob.h"
#include "sync/AccountSynchronizer.h"

namespace Amiens {

/// A complete sync of the account into the cache, after sending the changes made offline.
class SyncAccountJob final : public ImapJob
{
public:
    SyncAccountJob(SyncOptions options, FolderSynchronizer::Progress progress);

    [[nodiscard]] QString name() const override;
    void run(ImapConnection &connection, MailCache &cache) override;
    [[nodiscard]] const SyncReport &report() const { return m_report; }
    /// Offline changes the server no longer allowed (French, one per change).
    [[nodiscard]] const QStringList &conflicts() const { return m_conflicts; }

private:
    SyncOptions m_options;
    FolderSynchronizer::Progress m_progress;
    SyncReport m_report;
    QStringList m_conflicts;
};

} // namespace Amiens
