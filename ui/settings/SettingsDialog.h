#pragma once

#include "account/Account.h"
#include "account/Profile.h"
#include "identity/SignatureStore.h"
#include "net/ServiceError.h"
#include "settings/OfflinePolicy.h"
#include "settings/ReadReceiptPolicy.h"
#include "settings/SitePolicy.h"
#include "sieve/ForwardSettings.h"
#include "sieve/VacationSettings.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>
#include <memory>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QSpinBox;
class QStackedWidget;

namespace Amiens {

class AbsencePage;
class BackgroundTask;
class ForwardingPage;
class NotificationsPage;
class SignaturesPage;

/// "Paramètres": one page per topic (Compte, Signatures, Absence, Transfert, Accusés de lecture,
/// Hors connexion). Every page is validated before anything is saved; problems are shown next to
/// the fields. Signatures, read receipts and the offline policy go to the profile; Absence and
/// Transfert live on the server (ManageSieve), read and written on a worker thread because the
/// ManageSieve client blocks.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    /// The academy's portal, where the webmail's own absence settings are, for servers without
    /// ManageSieve. Unverified like the help links (shared/research/amiens-facts.md §4).
    static constexpr QLatin1StringView kDefaultWebmailUrl{"https://bv.ac-amiens.fr/"};

    SettingsDialog(Profile profile, Account account, SitePolicy policy, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// The session's password; without it the Absence page offers to type it.
    void setPassword(const QString &password) { m_password = password; }
    void setWebmailUrl(const QUrl &url) { m_webmailUrl = url; }
    /// Reads Absence and Transfert from the server in the background (serverSettingsLoaded()).
    void loadServerSettings();
    /// "Terminer" in the main window's banner: turns the absence off (keeping its text) as soon as
    /// the server's settings are read.
    void endAbsenceWhenLoaded();

    /// Validates every page, saves what lives in the profile and starts saving what lives on the
    /// server when it changed (serverSettingsSaved()). False when a page has a problem: nothing
    /// is saved then, and the first page with a problem is shown.
    bool apply();
    /// Shows the page with this object name ("absencePage"…).
    void showPage(const QString &objectName);
    [[nodiscard]] bool isBusy() const { return m_sieveTask != nullptr; }
    /// Whether the server's Absence and Transfert settings have been read.
    [[nodiscard]] bool serverSettingsLoaded() const { return m_serverLoaded; }
    /// The server has no ManageSieve: the Absence page sets this client's own responder.
    [[nodiscard]] bool clientSideAbsence() const { return m_clientAbsence; }
    [[nodiscard]] QString cacheDirectory() const;
    /// Whose settings these are (one dialog per account).
    [[nodiscard]] const Account &account() const { return m_account; }

    void accept() override;

Q_SIGNALS:
    void serverSettingsRead(bool ok);
    void serverSettingsSaved(bool ok);
    /// "Vider le cache", confirmed: the session owning the cache must close it first.
    void clearCacheRequested();
    /// Whether an absence message is on and covers the present, after each load or save.
    void absenceStateChanged(bool active, const QDateTime &until);

private:
    struct SieveOutcome;
    QWidget *buildAccountPage();
    QWidget *buildReadReceiptsPage();
    QWidget *buildOfflinePage();
    void addPage(QWidget *page, const QString &title);
    void runSieve(const VacationSettings *vacation, const ForwardSettings *forward);
    void onSieveFinished(const SieveOutcome &outcome, bool saving);
    void onAbsenceLink(const QString &link);
    void useClientSideAbsence(const QString &webmailLink);
    bool saveClientSideAbsence(const VacationSettings &vacation);
    void confirmClearCache();
    void updateCacheSize();
    bool validateOffline();
    [[nodiscard]] ReadReceiptPolicy readReceiptPolicy() const;
    [[nodiscard]] OfflinePolicy offlinePolicy() const;

    Profile m_profile;
    Account m_account;
    SitePolicy m_policy;
    QString m_password;
    QUrl m_webmailUrl{QString(kDefaultWebmailUrl)};
    SignatureStore m_signatureStore;

    QListWidget *m_pageList = nullptr;
    QStackedWidget *m_pages = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    SignaturesPage *m_signaturesPage = nullptr;
    AbsencePage *m_absencePage = nullptr;
    ForwardingPage *m_forwardingPage = nullptr;
    NotificationsPage *m_notificationsPage = nullptr;
    QButtonGroup *m_receiptAnswer = nullptr;
    QCheckBox *m_alwaysRequest = nullptr;
    QButtonGroup *m_bodies = nullptr;
    QSpinBox *m_recentDays = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_offlineError = nullptr;
    QLabel *m_cacheSize = nullptr;

    std::unique_ptr<BackgroundTask> m_sieveTask;
    bool m_serverLoaded = false;
    bool m_closeWhenSaved = false;
    bool m_endAbsence = false;
    bool m_clientAbsence = false;
    /// What the server holds, to save only real changes and to keep forwarding as it is when the
    /// site policy hides the page.
    VacationSettings m_serverVacation;
    ForwardSettings m_serverForward;
};

} // namespace Amiens
