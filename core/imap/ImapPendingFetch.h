#pragma once

#include "imap/ImapFetchParser.h"

#include <QList>
#include <QPair>
#include <QString>
#include <optional>
#include <string>

namespace Amiens {

/// A UID FETCH sent and not read yet, and what tells its responses from those of the other
/// commands in flight. A server may run pipelined commands at once and interleave their untagged
/// responses (RFC 3501 §5.5; Dovecot does: the flag changes asked after a batch of bodies came
/// before that batch's tagged OK), and a FETCH response names no command. It answers this one
/// when it carries a UID this one asked for, and a body section exactly when this one asked for
/// a section (BODY.PEEK[…]), as mbsync matches its pipelined fetches by UID.
class ImapPendingFetch
{
public:
    /// @p uidSet as ImapCommandChannel::uidSet() writes it ("1:5,7", "300:*"); @p attributes the
    /// item list sent.
    ImapPendingFetch(std::string tag, const std::string &uidSet, const std::string &attributes);

    [[nodiscard]] const std::string &tag() const { return m_tag; }
    [[nodiscard]] bool answers(const ImapFetchParser::Fetched &fetched) const;

    /// A response of this command read while an earlier reply was awaited, handed over when this
    /// one is read.
    void keep(ImapFetchParser::Fetched &&fetched);
    [[nodiscard]] QList<ImapFetchParser::Fetched> takeKept();

    /// The first malformed response read while this reply was awaited (the command fails once
    /// its tagged reply is read).
    void setMalformed(const QString &error);
    [[nodiscard]] const std::optional<QString> &malformed() const { return m_malformed; }

private:
    std::string m_tag;
    QList<QPair<quint32, quint32>> m_ranges; ///< empty: every UID (a set we could not read)
    bool m_wantsSection = false;
    QList<ImapFetchParser::Fetched> m_kept;
    std::optional<QString> m_malformed;
};

} // namespace Amiens
