#pragma once

#include <QList>
#include <QString>

namespace Amiens {

/// A change made while offline (or not yet confirmed by the server), replayed in order.
struct PendingOperation
{
    enum class Kind
    {
        AddFlags,    ///< argument: the flags, space separated
        RemoveFlags, ///< argument: the flags, space separated
        Move,        ///< argument: the destination folder path
        Delete,      ///< to the Trash, or for good when in the Trash or argument is kForGood
        /// Moved to another account: removed for good once that account's server has it.
        /// argument: {"account": target account id, "transfer": MessageTransferQueue id}
        TransferOut,
    };

    qint64 id = 0;
    /// A Delete's argument when the messages skip the Trash (emptying the Junk folder).
    static constexpr QLatin1StringView kForGood{"forGood"};

    Kind kind = Kind::AddFlags;
    QString folderPath;
    QList<quint32> uids;
    QString argument;
    int attempts = 0;
    QString lastError;
    /// Seconds since the epoch before which the change is not sent: the window in which the
    /// user can still undo it. 0: at once.
    qint64 notBefore = 0;

    [[nodiscard]] static QString kindName(Kind kind);
    [[nodiscard]] static bool kindFromName(const QString &name, Kind *kind);
};

} // namespace Amiens
