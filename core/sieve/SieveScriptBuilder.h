#pragma once

#include "ForwardSettings.h"
#include "VacationSettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Amiens {

/// Writes OUR block of a Sieve script from the Absence and Transfert settings: an RFC 5230
/// vacation guarded by RFC 5260 currentdate tests in the user's time zone and by the RFC 3834
/// skip rules (lists, bulk, automatic mail, no-reply senders), and an RFC 5228 redirect (with
/// RFC 3894 :copy) for forwarding. The block sits between two marker comments so that
/// SieveScriptEditor can find and replace it, and SieveScriptReader can read it back.
///
/// Disabled settings stay in the block, behind a "false" test, so that nothing the user typed
/// is lost when the message is turned off.
class SieveScriptBuilder
{
public:
    static constexpr QLatin1StringView kBeginMarker{"BEGIN AmiensMail rules"};
    static constexpr QLatin1StringView kEndMarker{"END AmiensMail rules"};
    /// Holds "$" when the user's script requires "variables" (RFC 5229), which expands every
    /// "${name}" in every string, ours included: "Merci ${prenom}" would go out as "Merci " and
    /// "${a.b}" would break the script. RFC 5229 has no escape for "${", so our strings write it
    /// "${amiensmail_dollar}{", which expands to "${" once and is not expanded again (§3).
    static constexpr QLatin1StringView kDollarVariable{"amiensmail_dollar"};

    /// The extensions the block needs.
    [[nodiscard]] static QStringList requiredExtensions(const VacationSettings &vacation,
                                                        const ForwardSettings &forward);
    /// Whether there is anything to write (else the block is removed altogether).
    [[nodiscard]] static bool isEmpty(const VacationSettings &vacation, const ForwardSettings &forward);

    /// The block, markers included, each line ending with @p newline. Its own require command
    /// lists only the extensions missing from @p alreadyRequired (the script's own require).
    /// When that includes "variables", "${" in the user's texts is written so that the server
    /// does not expand it (kDollarVariable); otherwise the texts are written as they are.
    [[nodiscard]] static QByteArray buildBlock(const VacationSettings &vacation,
                                               const ForwardSettings &forward,
                                               const QStringList &alreadyRequired = {},
                                               const QByteArray &newline = QByteArrayLiteral("\r\n"));

    /// A whole script holding only our block.
    [[nodiscard]] static QByteArray buildScript(const VacationSettings &vacation,
                                                const ForwardSettings &forward);

    /// A Sieve quoted string: "…" with \ and " escaped, line breaks turned into spaces.
    [[nodiscard]] static QByteArray quotedString(const QString &text);
    /// A Sieve "text:" multi-line string, dot-stuffed, ending with "." on its own line.
    [[nodiscard]] static QByteArray multiLineString(const QString &text, const QByteArray &newline);
    /// A string list ["a", "b"].
    [[nodiscard]] static QByteArray stringList(const QStringList &items);

    /// "${" written as "${amiensmail_dollar}{" (see kDollarVariable).
    [[nodiscard]] static QString protectFromVariables(const QString &text);
    /// What the server makes of a protected text: each "${amiensmail_dollar}" becomes "$", in one
    /// pass as RFC 5229 expands it, so protectFromVariables() is undone exactly.
    [[nodiscard]] static QString expandDollarVariable(const QString &text);
};

} // namespace Amiens
