#pragma once

#include <QString>
#include <QStringList>

namespace Amiens {

/// What one attachment really is, and what about it should worry the reader (AttachmentInspector).
struct AttachmentVerdict
{
    QString name;         ///< as the sender wrote it (AttachmentName::visible() to show it)
    QString detectedType; ///< the MIME type the bytes say, e.g. "application/x-msdownload"

    /// A program, script, shortcut, installer or disk image: opening it could run something.
    bool program = false;
    /// The name or declared type says document, the file is a program ("Facture.pdf.exe").
    bool disguised = false;
    /// The name is built to be misread (bidi override, zero-width or look-alike characters).
    bool deceptiveName = false;
    /// Programs or scripts inside the archive (member paths), one nested archive deep.
    QStringList programMembers;
    /// A password-protected archive: nothing in it could be checked.
    bool encryptedArchive = false;
    /// A web page (HTML, XHTML, SVG) with a form or a password field: a login page to fake.
    bool webForm = false;
    /// A web page with script, event handlers, javascript: links or a redirection.
    bool webScript = false;
    /// An Office document carrying macros (VBA, or LibreOffice Basic).
    bool macros = false;

    /// Opening it would run something, or show a page made to steal a password: "Ouvrir" refuses,
    /// "Enregistrer sous…" still works.
    [[nodiscard]] bool refusesOpening() const
    {
        return program || disguised || !programMembers.isEmpty() || webForm || webScript;
    }
    [[nodiscard]] bool isSuspicious() const
    {
        return refusesOpening() || deceptiveName || encryptedArchive || macros;
    }
};

} // namespace Amiens
