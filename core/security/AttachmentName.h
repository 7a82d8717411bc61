#pragma once

#include <QString>

namespace Amiens {

/// An attachment's name as the sender wrote it, seen three ways: as shown (every invisible or
/// direction-changing character made visible, "<U+202E>"), as the computer would take it
/// (normalised: those characters gone, compatibility forms folded, look-alike letters made Latin,
/// trailing dots and spaces trimmed, lower case) and as a file name to save under.
/// "Facture<U+202E>fdp.exe" looks like "Factureexe.pdf" in a file manager; normalised it is
/// "facturefdp.exe", a program.
class AttachmentName
{
public:
    /// The name to show, in a list, a tooltip or a terminal: plain text, with bidirectional
    /// controls and zero-width characters written as "<U+XXXX>".
    [[nodiscard]] static QString visible(const QString &name);
    /// The name the system would act on, for decisions only (never shown).
    [[nodiscard]] static QString normalised(const QString &name);
    /// A name to save the file under: no invisible or direction-changing characters, no path.
    [[nodiscard]] static QString fileName(const QString &name);

    /// The last extension of the normalised name ("exe"), empty when none.
    [[nodiscard]] static QString extension(const QString &name);
    /// The extension before the last one ("pdf" in "Facture.pdf.js"), empty when none.
    [[nodiscard]] static QString innerExtension(const QString &name);

    /// Invisible or direction-changing characters, compatibility look-alikes (a full-width dot),
    /// letters of another script posing as Latin ones in the extension, or an extension pushed out
    /// of sight behind a run of spaces: a name made to be misread.
    [[nodiscard]] static bool isDeceptive(const QString &name);

    /// A bidirectional control or a zero-width character.
    [[nodiscard]] static bool isHiddenCharacter(char16_t code);
};

} // namespace Amiens
