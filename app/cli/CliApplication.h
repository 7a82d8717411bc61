#pragma once

#include <QCoreApplication>
#include "account/Profile.h"
#include "net/ServiceError.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace Amiens {

/// The commands of amiens-mail-cli. Results go to stdout (text or --json), progress and errors
/// to stderr in French; the exit code tells scripts what kind of failure happened.
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::CliApplication)

public:
    enum ExitCode {
        Success = 0,
        Failure = 1,
        Usage = 2,
        AuthenticationFailed = 3,
        NetworkFailed = 4,
        SecurityFailed = 5,
    };

    int run(const QStringList &arguments);

private:
    int accountAdd();
    int accountList();
    int presets();
    int folders();

    std::optional<Account> selectedAccount();
    /// --password-stdin, else the keychain.
    std::optional<QString> passwordFor(const Account &account);
    int reportError(const ServiceError &error);
    int usageError(const QString &message);

    QCommandLineParser m_parser;
    QStringList m_command;
    std::optional<Profile> m_profile;
};

} // namespace Amiens
