#pragma once

#include "mime/MessageHeaders.h"
#include "security/AttachmentVerdict.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// One reason to be wary of a message, with a stable code (for scripts and tests) and a French
/// text for the warning bar.
struct MessageWarning
{
    QString code;
    QString text;
};

/// Checks a message the way the academy asks its staff to: who really sent it, whether it
/// pretends to be the academy, whether its links go where they say, whether it asks for
/// credentials. Pure computation on the decoded message, so the window and the CLI agree.
class PhishingAnalyzer
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::PhishingAnalyzer)

public:
    struct Input
    {
        MessageHeaders headers;
        QString text;           ///< plain text (or the HTML's text)
        QString html;           ///< raw HTML part, for links and forms; may be empty
        bool ownFolder = false; ///< Sent or Drafts: the user's own mail is never flagged
        /// What each attachment is (AttachmentInspector::inspectAll), in the message's order.
        QList<AttachmentVerdict> attachments;
    };

    /// @p trustedDomains: the academy's domains ("ac-amiens.fr", "education.gouv.fr"); their
    /// sub-domains are trusted too. @p knownColleagues: display names seen from trusted addresses.
    explicit PhishingAnalyzer(QStringList trustedDomains = defaultTrustedDomains(),
                              QStringList knownColleagues = {});

    [[nodiscard]] static QStringList defaultTrustedDomains();
    [[nodiscard]] QList<MessageWarning> analyse(const Input &input) const;

    [[nodiscard]] bool isTrustedDomain(const QString &domain) const;
    /// A domain made to be mistaken for a trusted one (ac-arniens.fr, ac-amiens.fr.evil.com,
    /// punycode homographs), but not a trusted one itself.
    [[nodiscard]] bool isLookalikeDomain(const QString &domain) const;

private:
    /// Programs, disguised or misleading names, archives holding programs, web pages with forms
    /// or script, macros, a locked archive whose password is in the text, and the text asking to
    /// enable macros.
    void warnAboutAttachments(const Input &input, QList<MessageWarning> &warnings) const;

    QStringList m_trustedDomains;
    QStringList m_knownColleagues;
};

} // namespace Amiens
