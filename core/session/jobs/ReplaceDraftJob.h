#pragma once

#include "ImapJob.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Amiens {

/// Keeps one copy of a draft in the Drafts folder (SPECIAL-USE \Drafts): APPENDs the new bytes
/// (flags \Draft \Seen), then deletes every other message carrying the draft's Message-ID
/// (UID STORE \Deleted, UID EXPUNGE of those UIDs only). With no bytes it only deletes: the draft
/// was sent or thrown away. Searching by Message-ID rather than remembering a UID also cleans up
/// after a crash between the APPEND and the deletion.
class ReplaceDraftJob final : public ImapJob
{
public:
    /// @p folderPath empty: the account's Drafts folder.
    ReplaceDraftJob(QString messageId, QByteArray bytes, QString folderPath = {});

    [[nodiscard]] QString name() const override;
    void run(ImapConnection &connection, MailCache &cache) override;

    [[nodiscard]] QString folderPath() const { return m_folderPath; }
    /// UID of the new copy (0 when deleting only or when the server did not say).
    [[nodiscard]] quint32 uid() const { return m_uid; }
    [[nodiscard]] QList<quint32> deletedUids() const { return m_deleted; }

private:
    QString m_messageId;
    QByteArray m_bytes;
    QString m_folderPath;
    quint32 m_uid = 0;
    QList<quint32> m_deleted;
};

} // namespace Amiens
