#pragma once

#include "account/Profile.h"
#include "net/ServiceError.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace Amiens {

class AccountServices;
class AccountSession;
class MailCache;

/// The commands of amiens-mail-cli. Results go to stdout (text or --json), progress and errors
/// to stderr in French; the exit code tells scripts what kind of failure happened.
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::CliApplication)

public:
    enum ExitCode
    {
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
    int sync();
    int list();
    int show();
    int search();
    int flag();
    int move();
    int remove();
    int reportPhishing();
    int send();
    int outbox();

    std::optional<Account> selectedAccount();
    /// The account's cache, read-only, with a note on stderr that the data is the local copy.
    bool openCache(const Account &account, MailCache &cache);
    /// The account's services (trust with the site's CA bundle, session, outbox), as the window
    /// builds them; nothing, with the error on stderr, when its trust cannot be built.
    [[nodiscard]] std::unique_ptr<AccountServices> servicesFor(const Account &account) const;
    /// Runs @p start on the account's services and waits until it calls finish(exitCode).
    int withSession(const Account &account, bool needsPassword,
                    const std::function<void(AccountServices &, const std::function<void(int)> &)> &start);
    /// After a sync: the client-side out-of-office responder, when the profile's absence is the
    /// client-side one. True when replies are being sent: @p finish is then called when they are.
    bool respondToAbsence(AccountServices &services, const std::function<void(int)> &finish);
    /// Applies a local change, then tries to send it at once; offline it stays queued.
    int
    localChange(const QString &what,
                const std::function<void(AccountSession &, std::function<void(const QString &)>)> &change);
    /// --password-stdin, else the keychain.
    std::optional<QString> passwordFor(const Account &account);
    int reportError(const ServiceError &error);
    int usageError(const QString &message);

    QCommandLineParser m_parser;
    QStringList m_command;
    std::optional<Profile> m_profile;
};

} // namespace Amiens
