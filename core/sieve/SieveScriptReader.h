#pragma once

#include "ForwardSettings.h"
#include "VacationSettings.h"

#include <QByteArray>
#include <QTimeZone>

namespace Amiens {

/// Restores the Absence and Transfert settings from a script. What it understands:
/// - our own block (SieveScriptBuilder), exactly, including disabled settings and the time zone;
/// - Roundcube's managesieve vacation rule ("# rule:[…]" then "if allof (currentdate :zone …
///   :value "ge"/"le" "date"|"iso8601" …) { vacation …; }"; a disabled rule is "if false # …",
///   whose conditions are read back from the comment);
/// - KMail's (libksieve) script: the same tests without :zone (server time, read in the user's
///   zone), "address :domain :contains "from" …" for the domain limit, "if false" when off.
/// A vacation elsewhere (any other "if … { vacation … }" or a bare vacation) is reported as
/// foreign with what could be read. Forwarding is read from our block only.
class SieveScriptReader
{
public:
    enum class Source
    {
        None,
        AmiensMail,
        Roundcube,
        OtherClient
    };

    struct Result
    {
        VacationSettings vacation;
        ForwardSettings forward;
        Source vacationSource = Source::None;
        /// A vacation outside our block: saving ours as well would make delivery fail (two
        /// vacation actions), so SieveRulesStore refuses to turn ours on beside it.
        bool hasForeignVacation = false;
        bool blockDamaged = false; ///< our markers are there but the block cannot be read
    };

    /// @p userZone is used for dates written without an explicit zone.
    [[nodiscard]] static Result read(const QByteArray &script, const QTimeZone &userZone);
};

} // namespace Amiens
