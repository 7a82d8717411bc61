#pragma once

#include "account/Profile.h"
#include "net/ServiceError.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <functional>
#include <optional>

namespace Amiens {

/// amiens-mail-cli's settings commands, beside CliApplication's mail commands:
///   vacation get [--json] | vacation set --from ISO --until ISO --subject S --message-file F
///   [--days N] [--academy-only] | vacation off     (on the ManageSieve server)
///   signature list [--json] | signature set --name N --file F [--html] [--default new|reply|both]
/// CliApplication gives it what the commands share: the parsed options, the account, the
/// password and its error reporting (and so its exit codes).
class SettingsCommands
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::SettingsCommands)

public:
    struct Context
    {
        const QCommandLineParser *parser = nullptr;
        QStringList command; ///< the positional arguments, "vacation" "set"…
        Profile profile{QString()};
        std::function<std::optional<Account>()> selectedAccount;
        std::function<std::optional<QString>(const Account &)> password;
        std::function<int(const ServiceError &)> reportError;
        std::function<int(const QString &)> usageError;
    };

    /// The options only these commands use, to add to the parser before it runs.
    [[nodiscard]] static QList<QCommandLineOption> options();
    [[nodiscard]] static bool handles(const QString &command);
    /// The lines these commands add to the usage text.
    [[nodiscard]] static QString usage();

    explicit SettingsCommands(Context context);
    int run();

private:
    int vacationGet();
    int vacationChange(bool turnOn);
    int signatureList();
    int signatureSet();

    Context m_context;
};

} // namespace Amiens
