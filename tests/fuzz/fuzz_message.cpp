// libFuzzer target: any bytes, read as a message, through everything the reading window does with
// it (MIME parse, header decoding, sanitised body, attachment list and data, phishing warnings).
// Built by scripts/fuzz only (-DAMIENS_FUZZ=ON, clang, ASan + UBSan).
#include "security/SafeMessage.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstddef>
#include <cstdint>

using namespace Amiens;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The parser logs each broken part; at millions of runs that is only noise.
    QLoggingCategory::setFilterRules(QStringLiteral("amiens.*=false"));
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
    return 0;
}
