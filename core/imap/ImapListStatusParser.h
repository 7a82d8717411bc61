#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Amiens {

/// The STATUS responses of LIST-STATUS (RFC 5819): `LIST "" "*" RETURN (STATUS (MESSAGES UIDNEXT
/// UIDVALIDITY HIGHESTMODSEQ))` gives the state of every mailbox in one round trip, where an
/// EXAMINE per folder costs one round trip each. Reads the raw lines of
/// ImapCommandChannel::executeRaw; the LIST lines among them are skipped.
class ImapListStatusParser
{
public:
    struct Status
    {
        QString mailbox; ///< decoded from modified UTF-7, as FolderInfo::path() gives it
        quint32 messages = 0;
        quint32 uidNext = 0;
        quint32 uidValidity = 0;
        quint64 highestModSeq = 0; ///< 0 when the server did not report it
    };

    /// Every "* STATUS mailbox (item value …)" line of @p untagged; nullopt and @p error when one
    /// is malformed. Unknown items are skipped.
    [[nodiscard]] static std::optional<QList<Status>> parse(const QList<QByteArray> &untagged,
                                                            QString *error = nullptr);
    /// One STATUS line.
    [[nodiscard]] static std::optional<Status> parseLine(const QByteArray &line, QString *error = nullptr);

    /// Items per STATUS line beyond this are refused: a server sends the four asked for.
    static constexpr int kMaxItems = 100;
};

} // namespace Amiens
