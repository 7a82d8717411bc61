#pragma once

#include "account/Profile.h"
#include "net/ServiceError.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QTextStream;

namespace Amiens {

class AccountServices;
class AccountSession;
class MailCache;

/// What amiens-mail-cli's commands share: the parsed command line, the profile, the selected
/// account and its password, the cache read-only, the account's services, and one way to report
/// errors and turn them into exit codes. Results go to stdout (text or --json), progress and
/// errors to stderr in French.
class CommandContext
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::CommandContext)

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

    using Finish = std::function<void(int exitCode)>;
    using SessionStart = std::function<void(AccountServices &, const Finish &)>;
    using Change = std::function<void(AccountSession &, std::function<void(const QString &error)>)>;

    /// @p usage is the text printed after a usage error.
    CommandContext(const QCommandLineParser &parser, Profile profile, QString usage);

    [[nodiscard]] static QTextStream &out();
    [[nodiscard]] static QTextStream &err();

    [[nodiscard]] const QCommandLineParser &parser() const { return m_parser; }
    /// The positional arguments, the command's name first; "-seen" reads "~seen".
    [[nodiscard]] const QStringList &arguments() const { return m_arguments; }
    [[nodiscard]] const Profile &profile() const { return m_profile; }
    [[nodiscard]] bool json() const;
    /// The positional argument at @p index as a message UID, if it is one.
    [[nodiscard]] std::optional<quint32> uidArgument(qsizetype index) const;

    /// --account, else the profile's first account; nothing, with the error on stderr.
    std::optional<Account> selectedAccount();
    /// --password-stdin, else the keychain; nothing, with the error on stderr.
    std::optional<QString> passwordFor(const Account &account);
    /// The same, but missing is no error: a change or a lookup that can wait for the next sync
    /// (nothing is printed).
    std::optional<QString> passwordIfKnown(const Account &account);
    /// The first line of stdin, without its line end.
    [[nodiscard]] static QString readPasswordLine();
    /// A UTF-8 text file given on the command line; nothing when it cannot be read.
    [[nodiscard]] static std::optional<QString> readTextFile(const QString &path);
    /// The account's cache, read-only, with a note on stderr that the data is the local copy.
    bool openCache(const Account &account, MailCache &cache);
    /// The account's services (trust with the site's CA bundle, session, outbox), as the window
    /// builds them; nothing, with the error on stderr, when its trust cannot be built.
    [[nodiscard]] std::unique_ptr<AccountServices> servicesFor(const Account &account) const;
    /// Runs @p start on the account's services and waits until it calls finish(exitCode).
    int withSession(const Account &account, bool needsPassword, const SessionStart &start);
    /// Applies a local change, then tries to send it at once; offline it stays queued.
    int localChange(const QString &what, const Change &change);

    /// Prints the error and returns the exit code for its kind.
    int reportError(const ServiceError &error);
    /// Prints @p message and the usage text; returns Usage.
    int usageError(const QString &message);

private:
    const QCommandLineParser &m_parser;
    QStringList m_arguments;
    Profile m_profile;
    QString m_usage;
};

} // namespace Amiens
