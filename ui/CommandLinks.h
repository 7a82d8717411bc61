#pragma once

#include <QString>

namespace Amiens::CommandLinks {

/// A banner link that asks the application to act: <a href="amiens:<command>?account=<id>">.
/// @p accountId names the account it is about (empty: none, or the first account).
[[nodiscard]] QString html(const QString &command, const QString &text, const QString &accountId = {});
/// The command of such a link ("password"), and the account it names (empty when none).
[[nodiscard]] QString command(const QString &link);
[[nodiscard]] QString accountId(const QString &link);

} // namespace Amiens::CommandLinks
