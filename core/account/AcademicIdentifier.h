#pragma once

#include <QString>

namespace Amiens {

/// The academy's rule for the short identifier (login) and the address of a staff member:
/// first letter of the first name followed by the surname, in lower-case ASCII, no space, no
/// apostrophe, no hyphen (Marie Dupont → mdupont, Jean-Claude Martin → jmartin, Françoise
/// Lefèvre → flefevre); the address is identifier@ac-amiens.fr. It is only a proposal: homonyms
/// get a number from the academy (mdupont2), so the user can always correct it.
///
/// Details of the rule, as implemented:
/// - Accents and cedillas are folded (é → e, ç → c), ligatures expanded (œ → oe, æ → ae, ß → ss),
///   typographic apostrophes count as apostrophes, and the result is lower case.
/// - First name: the first letter of its first part ("Jean-Claude", "Jean Claude" → j).
/// - Surname: the French particles "de", "d'", "du" and "des" are dropped wherever they stand,
///   and so are the articles "le", "la", "les" and "l'" right after such a particle ("Jean de La
///   Fontaine" → jfontaine, "Paul D'Almeida" → palmeida). An article that opens a surname is part
///   of it ("Yann Le Gall" → ylegall, "Anne L'Hermite" → alhermite), as is any other apostrophe
///   prefix ("Awa N'Diaye" → andiaye). A particle is kept when nothing would be left after it.
///   Particles are only recognised as separate words: hyphenated parts ("Dupont-de-Nemours") and
///   foreign particles ("van", "da", "dos") stay in the name.
/// - Everything else (spaces, hyphens, apostrophes, digits, other scripts) is dropped, so double
///   surnames are joined ("Martin-Dupont", "Martin Dupont" → martindupont).
class AcademicIdentifier
{
public:
    /// Lower-case ASCII letters, with spaces, hyphens and apostrophes ("'") kept as separators.
    [[nodiscard]] static QString fold(const QString &text);

    /// The proposed identifier, or an empty string when a part is missing.
    [[nodiscard]] static QString propose(const QString &firstName, const QString &lastName);

    /// "identifier@domain", or empty when no identifier can be proposed.
    [[nodiscard]] static QString proposeAddress(const QString &firstName, const QString &lastName,
                                                const QString &domain);

    /// "prenom.nom" as used by the national mail service ("jean-claude.martin",
    /// "pierre.de-la-fontaine"): accents folded, hyphens kept, spaces become hyphens.
    [[nodiscard]] static QString proposeDotted(const QString &firstName, const QString &lastName);

    /// Whether @p identifier looks like an academic login: a lower-case letter, then lower-case
    /// letters, digits, dots or hyphens (mdupont, mdupont2, jean-claude.martin).
    [[nodiscard]] static bool isWellFormed(const QString &identifier);
};

} // namespace Amiens
