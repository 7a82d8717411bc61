#pragma once

#include "mime/MessageContent.h"
#include "security/PhishingAnalyzer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// A message as the reading window may show it: decoded content, the body as safe HTML (the
/// sanitised HTML part, or the plain text formatted), the attachments and the phishing warnings.
/// One function from untrusted bytes to display, shared by the message view, the CLI's checks
/// and the fuzzer, so what is fuzzed is what is shown.
struct SafeMessage
{
    MessageContent content;
    QString bodyHtml;
    int blockedRemoteImages = 0;
    QList<MessageWarning> warnings;

    struct Options
    {
        bool allowRemoteContent = false; ///< "Afficher le contenu distant"
        bool ownFolder = false;          ///< Sent or Drafts: no phishing checks
    };

    /// Never throws; a broken part leaves that part empty.
    [[nodiscard]] static SafeMessage fromRaw(const QByteArray &raw, const PhishingAnalyzer &analyzer,
                                             const Options &options);
    /// What the phishing checks read of a message: its headers, its text and HTML, and what each
    /// attachment really is (AttachmentInspector), so that the window, the CLI and the tests
    /// judge the same things.
    [[nodiscard]] static PhishingAnalyzer::Input analyzerInput(const QByteArray &raw,
                                                               const MessageContent &content, bool ownFolder);
    /// The body alone, for a re-render with other @p allowRemoteContent.
    [[nodiscard]] static QString bodyHtmlFor(const MessageContent &content, bool allowRemoteContent,
                                             int *blockedRemoteImages = nullptr);
    /// The same body cut into pieces of about @p pieceChars characters that each stand alone
    /// (whole lines of plain text; HTML where no element is open), joined they are bodyHtmlFor():
    /// the view lays the first out at once and appends the others while the user reads.
    [[nodiscard]] static QStringList bodyHtmlPieces(const MessageContent &content, bool allowRemoteContent,
                                                    int *blockedRemoteImages = nullptr,
                                                    qsizetype pieceChars = kBodyPieceChars);
    /// About what Qt lays out in 10 ms.
    static constexpr qsizetype kBodyPieceChars = 32 * 1024;
};

} // namespace Amiens
