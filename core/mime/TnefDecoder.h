#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Amiens {

/// What an Outlook winmail.dat (application/ms-tnef) holds for a reader.
struct TnefContent
{
    QString text;   ///< PR_BODY (or the attBody attribute); else rough text of the RTF body
    QString html;   ///< PR_BODY_HTML, when Outlook kept one
    QByteArray rtf; ///< the decompressed RTF body (PR_RTF_COMPRESSED), as is
    struct File
    {
        QString name;     ///< last path component of the long file name, else of the title; may be empty
        QString mimeType; ///< PR_ATTACH_MIME_TAG when it looks like a MIME type, else empty
        QByteArray data;
    };
    QList<File> files; ///< attachments with data, in order; embedded messages are skipped
    bool ok = false;   ///< false for anything that is not a complete, well-formed TNEF stream
};

/// Opens a TNEF stream into its text and files with Debian's libytnef. libytnef 2.0 prints its
/// errors on stdout, rejects whole streams over values it finds too long (a subject over 100
/// bytes) and trusts some lengths it reads, so the stream is first checked here record by record
/// (framing, checksums, MAPI property blocks) and only the records needed, cut to what libytnef
/// reads safely, are handed to it. The compressed RTF is expanded here, bounded. A stream that
/// fails these checks gives ok = false and the caller keeps winmail.dat as a plain attachment.
class TnefDecoder
{
public:
    static constexpr qsizetype kMaxInput = 32 * 1024 * 1024;
    static constexpr int kMaxFiles = 256;

    [[nodiscard]] static TnefContent decode(const QByteArray &winmailDat);
};

} // namespace Amiens
