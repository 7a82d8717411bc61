#pragma once

#include "ImapJob.h"

#include <QStringList>

namespace Amiens {

/// Sends the changes made offline now, without a full sync.
class ReplayPendingJob final : public ImapJob
{
public:
    [[nodiscard]] QString name() const override;
    void run(ImapConnection &connection, MailCache &cache) override;
    [[nodiscard]] int applied() const { return m_applied; }
    [[nodiscard]] const QStringList &conflicts() const { return m_conflicts; }

private:
    int m_applied = 0;
    QStringList m_conflicts;
};

} // namespace Amiens
