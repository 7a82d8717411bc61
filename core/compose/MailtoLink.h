#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

/// A mailto: URL (RFC 6068) as "Envoyer par courriel" in other programs hands it over: the
/// recipients, subject and body to put in a new message. Only the fields a composer shows are
/// kept; other header fields, and attachment requests some programs add, are ignored so that a
/// link cannot attach a local file or set hidden headers.
struct MailtoLink
{
    QStringList to;
    QStringList cc;
    QStringList bcc;
    QString subject;
    QString body;
    QString inReplyTo;

    /// Parses "mailto:a@b.fr,c@d.fr?subject=...&cc=...&body=..."; nullopt when it is not a
    /// mailto: URL at all. Percent-encoded bytes are UTF-8; "+" is a plus sign, not a space.
    [[nodiscard]] static std::optional<MailtoLink> parse(const QString &url);
    /// True for strings that start with "mailto:" in any case.
    [[nodiscard]] static bool isMailto(const QString &text);
};

} // namespace Amiens
