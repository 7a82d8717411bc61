#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Amiens {

/// The answer to UID SEARCH, read raw: "* SEARCH 2 84 882" (RFC 3501 §7.2.5; a CONDSTORE server
/// may end it with "(MODSEQ n)", RFC 7162 §3.1.5) or, asked with RETURN (ALL),
/// "* ESEARCH (TAG "a7") UID ALL 2,10:11" (RFC 4731): 100,000 UIDs in a few bytes where SEARCH
/// sends 600 KB. Sequence sets are expanded within a bound, so "ALL 1:4294967295" from a hostile
/// server costs an error, not 16 GB.
class ImapSearchParser
{
public:
    /// The UIDs of the SEARCH or ESEARCH lines of @p untagged answering the command tagged @p tag
    /// (an ESEARCH with another command's TAG is left alone), sorted and without repeats; nullopt
    /// and @p error when one is malformed or names more than kMaxUids.
    [[nodiscard]] static std::optional<QList<quint32>> parse(const QList<QByteArray> &untagged,
                                                             const QByteArray &tag, QString *error = nullptr);
    /// Whether @p line is a SEARCH response, or an ESEARCH response without a TAG or with @p tag:
    /// what a reply read while another command's was awaited hands over (RFC 3501 §5.5).
    [[nodiscard]] static bool answers(const QByteArray &line, const QByteArray &tag);
    /// More than any mailbox holds (Dovecot's largest real ones: a few million).
    static constexpr qsizetype kMaxUids = 4'000'000;
};

} // namespace Amiens
