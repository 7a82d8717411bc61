#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace Amiens {

/// What a user may do in a mailbox, from an ACL or MYRIGHTS response (RFC 4314 §2.1): the
/// letters l r s w i p k x t e a, and the digits servers define for themselves. A server that
/// still speaks RFC 2086 sends "c" and "d" instead; they are mapped as RFC 4314 §2.1.1 allows
/// whichever of its two readings the server follows: "c" gives k, "d" gives t and e, and only
/// both together give x (one reading puts x under "c", the other under "d").
class ImapRights
{
public:
    ImapRights() = default;

    /// @p rights as the server sent them; nullopt and @p error for anything but lowercase
    /// letters and digits (RFC 4314's "rights" grammar).
    [[nodiscard]] static std::optional<ImapRights> fromServer(const QByteArray &rights,
                                                              QString *error = nullptr);

    /// The RFC 4314 letters and digits held, sorted, "c" and "d" already mapped.
    [[nodiscard]] QString letters() const { return m_letters; }
    /// What the server sent.
    [[nodiscard]] QByteArray original() const { return m_original; }
    [[nodiscard]] bool has(char right) const;

    /// l and r: the mailbox can be listed, selected and read.
    [[nodiscard]] bool mayRead() const;
    /// w: flags other than \Seen and \Deleted can be changed (answered, flagged, keywords).
    [[nodiscard]] bool mayWrite() const;
    /// s: \Seen can be changed (read/unread).
    [[nodiscard]] bool maySetSeen() const;
    /// i: messages can be added (APPEND, COPY or MOVE into it: drafts, sent copies, filing).
    [[nodiscard]] bool mayInsert() const;
    /// t and e: messages can be deleted (\Deleted then EXPUNGE); moving out needs the same.
    [[nodiscard]] bool mayDeleteMessages() const;
    /// k: sub-folders can be created.
    [[nodiscard]] bool mayCreateSubfolder() const;
    /// x: the mailbox itself can be deleted or renamed.
    [[nodiscard]] bool mayDeleteFolder() const;
    /// a: the access list can be changed.
    [[nodiscard]] bool mayAdminister() const;

private:
    QString m_letters;
    QByteArray m_original;
};

} // namespace Amiens
