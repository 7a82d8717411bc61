#pragma once

#include "ForwardSettings.h"
#include "VacationSettings.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Amiens {

/// Puts our block (SieveScriptBuilder) into a user's existing script. Everything outside our
/// block is kept byte for byte: the block replaces the previous one in place or is inserted
/// after the script's leading require commands (where RFC 5228 §3.2 wants require), and its own
/// require lists only the extensions the script does not already require, so the user's require
/// line is never rewritten. Line endings follow the script's.
class SieveScriptEditor
{
public:
    struct BlockSpan
    {
        qsizetype begin = 0; ///< start of the BEGIN marker's line, or the marker after user text
        qsizetype end = 0;   ///< one past the END marker's line break, or the marker before user text
    };

    /// Where our block is, if the script has one; an error when its markers are damaged
    /// (one without the other) or the script cannot be parsed.
    [[nodiscard]] static std::optional<BlockSpan> findBlock(const QByteArray &script, QString *error);

    /// The script with our block set to these settings (removed when they are empty);
    /// nothing, with @p error set, when the script cannot be edited safely.
    [[nodiscard]] static std::optional<QByteArray> apply(const QByteArray &script,
                                                         const VacationSettings &vacation,
                                                         const ForwardSettings &forward, QString *error);

    /// The script with our block removed (for "forget everything").
    [[nodiscard]] static std::optional<QByteArray> removeBlock(const QByteArray &script, QString *error);
};

} // namespace Amiens
