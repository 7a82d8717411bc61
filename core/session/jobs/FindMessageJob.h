#pragma once

#include "ImapJob.h"
#include "imap/FolderInfo.h"

#include <QList>

namespace Amiens {

/// UID SEARCH HEADER Message-ID in one folder (by default the Sent folder): tells whether a
/// message whose sending was interrupted did reach the server.
class FindMessageJob final : public ImapJob
{
public:
    /// @p folderPath empty: the account's Sent folder.
    FindMessageJob(QString folderPath, QString messageId);

    [[nodiscard]] QString name() const override;
    void run(ImapConnection &connection, MailCache &cache) override;

    [[nodiscard]] QList<quint32> uids() const { return m_uids; }
    [[nodiscard]] QString folderPath() const { return m_folderPath; }

    /// The Sent folder: its SPECIAL-USE role in the cache, else on the server, else "Sent".
    [[nodiscard]] static QString sentFolder(ImapConnection &connection, MailCache &cache);
    /// The folder with SPECIAL-USE @p role: from the cache, else the server's list, else @p fallback.
    [[nodiscard]] static QString folderWithRole(ImapConnection &connection, MailCache &cache,
                                                FolderInfo::Role role, const QString &fallback);
    /// UIDs of the messages of the EXAMINEd folder carrying this Message-ID.
    [[nodiscard]] static QList<quint32> search(class ImapCommandChannel &channel, const QString &messageId);

private:
    QString m_folderPath;
    QString m_messageId;
    QList<quint32> m_uids;
};

} // namespace Amiens
