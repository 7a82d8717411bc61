#pragma once

#include "ImapJob.h"

#include <QByteArray>
#include <QStringList>

namespace Amiens {

/// APPEND of a sent message to the Sent folder (or another folder), driven by hand on the
/// connection: VMime's addMessage() writes the literal 8 bytes at a time (core/net/VmimeTraps.md,
/// « APPEND in 8-byte writes »), we send it in 64 KiB blocks. When @p messageId is given the
/// folder is searched for it first and nothing is appended if it is there, so a copy interrupted
/// by a crash is never made twice. With APPENDUID (UIDPLUS) the message goes into the cache at
/// once.
class AppendMessageJob final : public ImapJob
{
public:
    /// @p folderPath empty: the account's Sent folder (SPECIAL-USE), else "Sent".
    AppendMessageJob(QString folderPath, QByteArray bytes, QString messageId,
                     QStringList flags = {QStringLiteral("\\Seen")});

    [[nodiscard]] QString name() const override;
    void run(ImapConnection &connection, MailCache &cache) override;

    [[nodiscard]] QString folderPath() const { return m_folderPath; }
    /// The UID of the copy (APPENDUID, or found by Message-ID); 0 when the server did not say.
    [[nodiscard]] quint32 uid() const { return m_uid; }
    /// The copy was already there: nothing was appended.
    [[nodiscard]] bool alreadyPresent() const { return m_alreadyPresent; }

private:
    QString m_folderPath;
    QByteArray m_bytes;
    QString m_messageId;
    QStringList m_flags;
    quint32 m_uid = 0;
    bool m_alreadyPresent = false;
};

} // namespace Amiens
