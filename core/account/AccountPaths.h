#pragma once

#include <QString>
#include <QStringList>

namespace Amiens {

/// Where one account keeps its files inside a profile directory: the only place that knows the
/// layout. Every folder and file is named after the account's key (hex of its UTF-8 id), so two
/// accounts never share one and erasing the account removes exactly all().
///   <profile>/cache/<key>/mail.sqlite        offline cache (with its body files)
///   <profile>/tmp/<key>/                     attachments opened from the view
///   <profile>/drafts/<key>/<draft>/          drafts
///   <profile>/outbox/<key>/                  messages waiting to be sent
///   <profile>/outbox/<key>.smtp-size         the SMTP server's SIZE at the last sending
///   <profile>/autoreply/<key>.json           whom the automatic replies answered
///   <profile>/settings.ini [account-<key>/…]  its preferences (read receipts, sync, absence)
///   <profile>/transfers/<key>/               messages moved or copied here from another account,
///                                            waiting to be added to this account's server
/// Anything new written for an account must get its path here, and be in all().
class AccountPaths
{
public:
    AccountPaths(QString profileDirectory, QString accountId);

    /// The folder-safe form of an account id (hex of its UTF-8); also its group in profile.ini.
    [[nodiscard]] static QString key(const QString &accountId);
    /// The group of settings.ini holding @p accountId's own preferences (AccountPreferences).
    [[nodiscard]] static QString preferencesGroup(const QString &accountId);
    /// The profile directory holding @p cacheFile (as cacheFile() makes it).
    [[nodiscard]] static QString profileDirectoryOfCacheFile(const QString &cacheFile);
    /// The transfers folder of the account whose cache is @p cacheFile (the same key).
    [[nodiscard]] static QString transfersDirectoryOfCacheFile(const QString &cacheFile);

    [[nodiscard]] QString profileDirectory() const { return m_profileDirectory; }
    [[nodiscard]] QString accountId() const { return m_accountId; }

    [[nodiscard]] QString cacheDirectory() const;
    [[nodiscard]] QString cacheFile() const;
    [[nodiscard]] QString temporaryDirectory() const;
    [[nodiscard]] QString draftsDirectory() const;
    [[nodiscard]] QString outboxDirectory() const;
    [[nodiscard]] QString smtpSizeFile() const;
    [[nodiscard]] QString autoReplyStateFile() const;
    [[nodiscard]] QString transfersDirectory() const;

    /// Every folder and file above: what erasing the account removes.
    [[nodiscard]] QStringList all() const;

private:
    QString m_profileDirectory;
    QString m_accountId;
};

} // namespace Amiens
