// libFuzzer target: any bytes, read as a message, through everything the client does with it: the
// message model (MIME tree, headers, text, HTML to text, format=flowed, invitations, TNEF), the
// sanitised body laid out by Qt's rich-text engine as the view does, the attachment list and data,
// the phishing warnings, the reply quote and the forwarded files.
// Built by scripts/fuzz only (-DAMIENS_FUZZ=ON, clang, ASan + UBSan).
#include "compose/ReplyBuilder.h"
#include "security/SafeMessage.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTextDocument>
#include <cstddef>
#include <cstdint>

using namespace Amiens;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The parser logs each broken part; at millions of runs that is only noise.
    QLoggingCategory::setFilterRules(QStringLiteral("amiens.*=false"));
    // The view lays the body out with QTextDocument, which needs a GUI application (offscreen).
    static int argc = 3;
    static char name[] = "fuzz_message";
    static char platformOption[] = "-platform";
    static char platform[] = "offscreen";
    static char *argv[] = {name, platformOption, platform, nullptr};
    static QGuiApplication application(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // A colleague's name known from the cache, so the impersonation path runs too.
    static const PhishingAnalyzer analyzer(PhishingAnalyzer::defaultTrustedDomains(),
                                           {QStringLiteral("Élodie Lefèvre")});
    const SafeMessage shown = SafeMessage::fromRaw(raw, analyzer, {});
    // The remote-content re-render and the attachment bytes are what the user reaches next.
    (void)SafeMessage::bodyHtmlFor(shown.content, true);
    (void)shown.content.preview();
    for (int i = 0; i < shown.content.attachments.size() && i < 4; ++i)
        (void)MessageContent::attachmentData(raw, i);
    QTextDocument document;
    document.setHtml(shown.bodyHtml);
    (void)ReplyBuilder::quotedReply(shown.content.text, shown.content.headers.from.toDisplayString(),
                                    shown.content.headers.date);
    (void)ReplyBuilder::forwardedAttachments(raw);
    return 0;
}
