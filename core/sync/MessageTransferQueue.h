#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

/// Messages moved or copied into an account from another one (issue 18), waiting to be added
/// to this account's server: one folder per account (AccountPaths::transfersDirectory), each
/// message as it was (<id>.eml) with where it goes (<id>.json), written durably before the
/// source hides anything. The target's replay adds it (TransferReplayer); the source removes its
/// copy only once the record says it was added, so a move happens exactly once even when either
/// side is offline, crashes or is stopped in between.
class MessageTransferQueue
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::MessageTransferQueue)

public:
    struct Transfer
    {
        enum class State
        {
            Queued,    ///< not sent yet
            Attempted, ///< an APPEND went out: it may have reached the server before a crash
            Appended,  ///< on the target server: the source may remove its copy
            Failed,    ///< the target server refused it for good: the source keeps its copy
        };

        QString id;
        QString folderPath;    ///< where it goes on this account's server
        QStringList flags;     ///< IMAP system flags and keywords it had (\Seen, \Flagged, $label1…)
        QString messageId;     ///< to find it on the server after a crash; may be empty
        QString sourceAccount; ///< the account that removes its copy afterwards; empty for a copy
        QString subject;       ///< for messages to the user
        State state = State::Queued;
        int attempts = 0;
        QString lastError;
        QDateTime createdAt;
    };

    explicit MessageTransferQueue(QString directory);

    [[nodiscard]] QString directory() const { return m_directory; }

    /// A new transfer id: sortable by creation, unique even within one millisecond.
    [[nodiscard]] static QString newId();
    /// Writes @p raw and its record durably under @p transfer's id (newId() when empty); the id,
    /// or nothing and a French @p error (full disk, unwritable folder).
    std::optional<QString> enqueue(const QByteArray &raw, Transfer transfer, QString *error);
    /// Every transfer, oldest first.
    [[nodiscard]] QList<Transfer> all() const;
    [[nodiscard]] std::optional<Transfer> transfer(const QString &id) const;
    [[nodiscard]] std::optional<QByteArray> bytes(const QString &id) const;
    /// Saves the record's state, attempts and error durably.
    bool update(const Transfer &transfer, QString *error);
    /// Drops the message's bytes once on the server; the record stays for the source to read.
    bool dropBytes(const QString &id);
    /// Forgets the transfer entirely.
    bool remove(const QString &id);

    [[nodiscard]] static QString stateName(Transfer::State state);

private:
    [[nodiscard]] QString path(const QString &id, const char *suffix) const;

    QString m_directory;
};

} // namespace Amiens
