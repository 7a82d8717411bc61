#pragma once

#include "imap/ImapRights.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Amiens {

/// The ACL and MYRIGHTS responses (RFC 4314 §3.6, §3.8), which VMime 0.9.2's parser does not
/// know. Reads the raw lines of ImapCommandChannel::executeRaw.
class ImapAclParser
{
public:
    struct MyRights
    {
        QString mailbox; ///< decoded from modified UTF-7
        ImapRights rights;
    };
    struct Entry
    {
        QString identifier; ///< as the server names it ("anyone", "mdupont", "-lperrin")
        ImapRights rights;
    };
    struct Acl
    {
        QString mailbox;
        QList<Entry> entries;
    };

    /// The first "* MYRIGHTS mailbox rights" of @p untagged; nullopt and @p error otherwise.
    [[nodiscard]] static std::optional<MyRights> parseMyRights(const QList<QByteArray> &untagged,
                                                               QString *error = nullptr);
    /// The first "* ACL mailbox *(identifier rights)" of @p untagged.
    [[nodiscard]] static std::optional<Acl> parseAcl(const QList<QByteArray> &untagged,
                                                     QString *error = nullptr);

    [[nodiscard]] static std::optional<MyRights> parseMyRightsLine(const QByteArray &line,
                                                                   QString *error = nullptr);
    [[nodiscard]] static std::optional<Acl> parseAclLine(const QByteArray &line, QString *error = nullptr);

    /// Entries beyond this are refused: an access list of a mailbox names a few people.
    static constexpr int kMaxEntries = 10000;
};

} // namespace Amiens
