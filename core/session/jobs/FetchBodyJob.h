#pragma once

#include "ImapJob.h"

namespace Amiens {

/// UID FETCH n BODY.PEEK[] for one message the user opens before its body was synced.
class FetchBodyJob final : public ImapJob
{
public:
    FetchBodyJob(QString folderPath, quint32 uid);

    [[nodiscard]] QString name() const override;
    void run(ImapConnection &connection, MailCache &cache) override;
    [[nodiscard]] bool found() const { return m_found; }

private:
    QString m_folderPath;
    quint32 m_uid;
    bool m_found = false;
};

} // namespace Amiens
