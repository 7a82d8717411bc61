#include "AttachmentInspector.h"

#include "security/ArchiveListing.h"
#include "security/AttachmentName.h"

#include <QMimeDatabase>
#include <QSet>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// What a file manager or the system runs instead of showing: Windows programs, scripts and
/// shortcuts, installers, help files, Java, disk images that mount with one click, and their
/// Linux counterparts.
const QSet<QString> &programExtensions()
{
    static const QSet<QString> extensions = {u"exe"_s,
                                             u"scr"_s,
                                             u"com"_s,
                                             u"pif"_s,
                                             u"js"_s,
                                             u"jse"_s,
                                             u"vbs"_s,
                                             u"vbe"_s,
                                             u"wsf"_s,
                                             u"wsh"_s,
                                             u"wsc"_s,
                                             u"hta"_s,
                                             u"cmd"_s,
                                             u"bat"_s,
                                             u"ps1"_s,
                                             u"psm1"_s,
                                             u"lnk"_s,
                                             u"url"_s,
                                             u"scf"_s,
                                             u"cpl"_s,
                                             u"msc"_s,
                                             u"msi"_s,
                                             u"msp"_s,
                                             u"mst"_s,
                                             u"chm"_s,
                                             u"jar"_s,
                                             u"jnlp"_s,
                                             u"appref-ms"_s,
                                             u"settingcontent-ms"_s,
                                             u"application"_s,
                                             u"gadget"_s,
                                             u"reg"_s,
                                             u"inf"_s,
                                             u"iso"_s,
                                             u"img"_s,
                                             u"vhd"_s,
                                             u"vhdx"_s,
                                             u"dmg"_s,
                                             u"desktop"_s,
                                             u"sh"_s,
                                             u"bash"_s,
                                             u"run"_s,
                                             u"appimage"_s,
                                             u"deb"_s,
                                             u"rpm"_s,
                                             u"xll"_s,
                                             u"library-ms"_s,
                                             u"search-ms"_s,
                                             u"xbap"_s};
    return extensions;
}

/// What a lure pretends to be before its real extension ("Facture.pdf.exe").
bool isDocumentExtension(const QString &extension)
{
    static const QSet<QString> documents = {u"pdf"_s,  u"doc"_s,  u"docx"_s, u"xls"_s, u"xlsx"_s, u"ppt"_s,
                                            u"pptx"_s, u"odt"_s,  u"ods"_s,  u"odp"_s, u"rtf"_s,  u"txt"_s,
                                            u"csv"_s,  u"jpg"_s,  u"jpeg"_s, u"png"_s, u"gif"_s,  u"bmp"_s,
                                            u"tif"_s,  u"tiff"_s, u"heic"_s, u"mp3"_s, u"mp4"_s,  u"wav"_s,
                                            u"zip"_s,  u"htm"_s,  u"html"_s, u"eml"_s, u"ics"_s,  u"xml"_s};
    return documents.contains(extension);
}

bool isProgramMimeType(const QString &type)
{
    static const QSet<QString> programs = {u"application/x-msdownload"_s,
                                           u"application/x-msdos-program"_s,
                                           u"application/x-dosexec"_s,
                                           u"application/x-ms-dos-executable"_s,
                                           u"application/vnd.microsoft.portable-executable"_s,
                                           u"application/x-executable"_s,
                                           u"application/x-pie-executable"_s,
                                           u"application/x-sharedlib"_s,
                                           u"application/x-elf"_s,
                                           u"application/x-sh"_s,
                                           u"application/x-shellscript"_s,
                                           u"application/x-csh"_s,
                                           u"application/javascript"_s,
                                           u"text/javascript"_s,
                                           u"application/x-javascript"_s,
                                           u"application/ecmascript"_s,
                                           u"text/vbscript"_s,
                                           u"application/x-vbscript"_s,
                                           u"application/hta"_s,
                                           u"application/x-ms-shortcut"_s,
                                           u"application/x-msi"_s,
                                           u"application/x-ole-storage-msi"_s,
                                           u"application/vnd.ms-htmlhelp"_s,
                                           u"application/x-java-archive"_s,
                                           u"application/java-archive"_s,
                                           u"application/x-java-jnlp-file"_s,
                                           u"application/x-cd-image"_s,
                                           u"application/x-iso9660-image"_s,
                                           u"application/x-raw-disk-image"_s,
                                           u"application/x-apple-diskimage"_s,
                                           u"application/x-desktop"_s,
                                           u"application/x-mswinurl"_s,
                                           u"application/x-appimage"_s,
                                           u"application/x-ms-ne-executable"_s,
                                           u"application/x-bat"_s,
                                           u"application/x-powershell"_s,
                                           u"application/x-virtualbox-vhd"_s,
                                           u"application/x-virtualbox-vhdx"_s};
    return programs.contains(type);
}

bool startsWithAt(const QByteArray &bytes, qsizetype offset, QByteArrayView magic)
{
    return bytes.size() >= offset + magic.size() &&
           QByteArrayView(bytes).sliced(offset, magic.size()) == magic;
}

/// A program by its first bytes, whatever it is called.
bool hasProgramMagic(const QByteArray &bytes)
{
    if (bytes.startsWith("MZ") && bytes.size() >= 0x40)
        return true; // Windows (PE) or DOS program, whatever follows
    static const QList<QByteArray> magics = {
        QByteArray("\x7F"
                   "ELF",
                   4),
        QByteArray("\x4C\x00\x00\x00\x01\x14\x02\x00", 8), // Windows shortcut (.lnk)
        QByteArray("ITSF", 4),                             // compiled help (.chm)
        QByteArray("\xCF\xFA\xED\xFE", 4),                 // Mach-O
        QByteArray("\xCE\xFA\xED\xFE", 4),
        QByteArray("conectix", 8), // VHD
        QByteArray("vhdxfile", 8),
        QByteArray("#!", 2),
        QByteArray("[Desktop Entry]", 15),
        QByteArray("[InternetShortcut]", 18)};
    for (const QByteArray &magic : magics) {
        if (bytes.startsWith(magic))
            return true;
    }
    if (startsWithAt(bytes, 0x8001, "CD001") || startsWithAt(bytes, 0x9001, "CD001"))
        return true; // ISO 9660 image
    const QByteArray head = bytes.first(std::min<qsizetype>(bytes.size(), 4096)).toLower();
    return head.contains("<hta:application");
}

bool isWebPage(const AttachmentInfo &attachment, const QString &extension, const QString &detected)
{
    static const QSet<QString> extensions = {u"htm"_s, u"html"_s, u"xhtml"_s, u"xht"_s, u"shtml"_s,
                                             u"svg"_s, u"mht"_s,  u"mhtml"_s, u"hta"_s};
    static const QSet<QString> types = {u"text/html"_s, u"application/xhtml+xml"_s, u"image/svg+xml"_s};
    return extensions.contains(extension) || types.contains(attachment.mimeType) || types.contains(detected);
}

/// A form or a password field, and script or a redirection, in a page, by one linear scan of its
/// lower-cased bytes (entities and comments do not hide a tag from the browser either).
void inspectWebPage(const QByteArray &bytes, AttachmentVerdict &verdict)
{
    QByteArray page = bytes.first(std::min<qsizetype>(bytes.size(), 8 * 1024 * 1024));
    // A page saved in UTF-16 (Windows' "Unicode") hides its tags from a byte search.
    if (page.startsWith("\xFF\xFE") || page.startsWith("\xFE\xFF")) {
        QStringDecoder utf16(page.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE
                                                         : QStringConverter::Utf16BE);
        page = QString(utf16(QByteArrayView(page).sliced(2))).toUtf8();
    } else if (page.size() > 2 && page.at(1) == '\0') {
        page.replace('\0', QByteArray()); // UTF-16LE without its mark
    }
    page = page.toLower();
    verdict.webForm = page.contains("<form") || page.contains("type=\"password\"") ||
                      page.contains("type='password'") || page.contains("type=password");
    static const QList<QByteArray> scripts = {"<script",
                                              "javascript:",
                                              "vbscript:",
                                              "http-equiv=\"refresh\"",
                                              "http-equiv='refresh'",
                                              "http-equiv=refresh",
                                              "data:text/html",
                                              "window.location",
                                              "document.location",
                                              "location.href",
                                              "location.replace",
                                              "<iframe",
                                              "<embed",
                                              "<object"};
    for (const QByteArray &script : scripts) {
        if (page.contains(script)) {
            verdict.webScript = true;
            return;
        }
    }
    // Event handlers (onload=, onmouseover=) inside a tag.
    bool inTag = false;
    for (qsizetype i = 0; i + 4 < page.size(); ++i) {
        const char c = page.at(i);
        if (c == '<')
            inTag = i + 1 < page.size() && std::isalpha(static_cast<unsigned char>(page.at(i + 1)));
        else if (c == '>')
            inTag = false;
        else if (inTag &&
                 (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '"' || c == '\'') &&
                 page.at(i + 1) == 'o' && page.at(i + 2) == 'n') {
            qsizetype end = i + 3;
            while (end < page.size() && end - i < 24 &&
                   std::isalpha(static_cast<unsigned char>(page.at(end))))
                ++end;
            while (end < page.size() && (page.at(end) == ' ' || page.at(end) == '\t'))
                ++end;
            if (end - i > 5 && end < page.size() && page.at(end) == '=') {
                verdict.webScript = true;
                return;
            }
        }
    }
}

bool isMacroExtension(const QString &extension)
{
    static const QSet<QString> macroEnabled = {u"docm"_s, u"dotm"_s, u"xlsm"_s, u"xltm"_s, u"xlam"_s,
                                               u"pptm"_s, u"potm"_s, u"ppsm"_s, u"ppam"_s, u"sldm"_s};
    return macroEnabled.contains(extension);
}

/// VBA in an Office zip (vbaProject.bin) or Basic and scripts in an OpenDocument.
bool holdsMacros(const QStringList &members)
{
    for (const QString &member : members) {
        if (member.endsWith(u"vbaproject.bin"_s, Qt::CaseInsensitive) ||
            member.endsWith(u"vbaprojectsignature.bin"_s, Qt::CaseInsensitive))
            return true;
        if ((member.startsWith(u"Basic/"_s) || member.startsWith(u"Scripts/"_s)) && !member.endsWith(u'/') &&
            !member.endsWith(u"/script-lc.xml"_s) && !member.endsWith(u"/script-lb.xml"_s))
            return true;
    }
    return false;
}

bool isOfficeOrOpenDocument(const QStringList &members)
{
    return members.contains(u"[Content_Types].xml"_s) || members.contains(u"mimetype"_s) ||
           members.contains(u"META-INF/manifest.xml"_s);
}

bool isJavaArchive(const QStringList &members)
{
    if (!members.contains(u"META-INF/MANIFEST.MF"_s))
        return false;
    for (const QString &member : members) {
        if (member.endsWith(u".class"_s))
            return true;
    }
    return false;
}

} // namespace

bool AttachmentInspector::isProgramExtension(const QString &extension)
{
    return programExtensions().contains(extension.toLower());
}

bool AttachmentInspector::isProgramName(const QString &name)
{
    return isProgramExtension(AttachmentName::extension(name));
}

AttachmentVerdict AttachmentInspector::inspect(const AttachmentInfo &attachment, const QByteArray &bytes)
{
    AttachmentVerdict verdict;
    verdict.name = attachment.name;
    const QString extension = AttachmentName::extension(attachment.name);
    const QString inner = AttachmentName::innerExtension(attachment.name);
    verdict.deceptiveName = AttachmentName::isDeceptive(attachment.name);

    const bool programByName = isProgramExtension(extension) || isProgramMimeType(attachment.mimeType);
    bool programByBytes = false;
    if (!bytes.isEmpty()) {
        static const QMimeDatabase database;
        const QMimeType detected =
            database.mimeTypeForData(bytes.first(std::min<qsizetype>(bytes.size(), 64 * 1024)));
        verdict.detectedType = detected.name();
        programByBytes = hasProgramMagic(bytes) || isProgramMimeType(detected.name());
        for (const QString &parent : detected.allAncestors())
            programByBytes = programByBytes || isProgramMimeType(parent);
    }
    verdict.program = programByName || programByBytes;
    // "Facture.pdf.exe", or a "facture.pdf" (application/pdf) that is a program.
    const bool claimsDocument = isDocumentExtension(extension) ||
                                attachment.mimeType == u"application/pdf"_s ||
                                attachment.mimeType.startsWith(u"image/"_s);
    verdict.disguised = (isProgramExtension(extension) && isDocumentExtension(inner)) ||
                        (programByBytes && claimsDocument && !isProgramExtension(extension));

    verdict.macros = isMacroExtension(extension) || attachment.mimeType.contains(u"macroenabled"_s);
    if (bytes.isEmpty())
        return verdict;

    if (bytes.startsWith(QByteArrayView("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) {
        // Word 97 and Excel 97 files keep their VBA in a storage of this name (UTF-16).
        static const QByteArray vbaStorage = QByteArray("_\0V\0B\0A\0_\0P\0R\0O\0J\0E\0C\0T\0", 24);
        verdict.macros = verdict.macros || bytes.contains(vbaStorage);
    }

    if (ArchiveListing::looksLikeArchive(bytes)) {
        const ArchiveListing listing = ArchiveListing::read(bytes);
        if (isOfficeOrOpenDocument(listing.members)) {
            verdict.macros = verdict.macros || holdsMacros(listing.members);
        } else if (isJavaArchive(listing.members)) {
            verdict.program = true;
        } else if (listing.isArchive) {
            verdict.encryptedArchive = listing.encrypted;
            for (const QString &member : listing.members) {
                const QString memberName = member.section(u'/', -1);
                if (isProgramName(memberName))
                    verdict.programMembers.append(member);
            }
        }
    }
    if (isWebPage(attachment, extension, verdict.detectedType))
        inspectWebPage(bytes, verdict);
    return verdict;
}

QList<AttachmentVerdict> AttachmentInspector::inspectAll(const QByteArray &rawMessage,
                                                         const MessageContent &content)
{
    QList<AttachmentVerdict> verdicts;
    if (content.attachments.isEmpty())
        return verdicts; // no second reading of the message
    verdicts.reserve(content.attachments.size());
    for (const AttachmentInfo &attachment : content.attachments)
        verdicts.append(inspect(attachment, {}));
    qsizetype inspected = 0;
    MessageContent::forEachAttachment(rawMessage, [&](int index, const QByteArray &bytes) {
        if (index >= verdicts.size())
            return false;
        verdicts[index] = inspect(content.attachments.at(index), bytes);
        inspected += bytes.size();
        return inspected < kMaxInspectedBytes;
    });
    return verdicts;
}

QString AttachmentInspector::openingRefusal(const AttachmentVerdict &verdict)
{
    const QString name = AttachmentName::visible(verdict.name);
    if (verdict.program || verdict.disguised)
        return tr("« %1 » is a program, a script or a disk image: opening it could run it on this computer, "
                  "so AmiensMail does not open it. If you trust the sender, save it with « Save as… » and "
                  "have it checked first.")
            .arg(name);
    if (!verdict.programMembers.isEmpty())
        return tr("The archive « %1 » holds a program or a script (« %2 »), so AmiensMail does not open it. "
                  "If you trust the sender, save it with « Save as… » and have it checked first.")
            .arg(name, AttachmentName::visible(verdict.programMembers.constFirst()));
    if (verdict.webForm || verdict.webScript)
        return tr("« %1 » is a web page that asks for information or runs a script, as fake login pages "
                  "do, so AmiensMail does not open it in your browser. Never type your password in a "
                  "page received by mail.")
            .arg(name);
    return {};
}

} // namespace Amiens
