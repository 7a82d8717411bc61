#include "SettingsDialog.h"

#include "AbsencePage.h"
#include "ForwardingPage.h"
#include "NotificationsPage.h"
#include "PasswordPrompt.h"
#include "SignaturesPage.h"
#include "ThemeColours.h"
#include "UrlOpener.h"
#include "account/AccountPaths.h"
#include "autoreply/AbsenceStore.h"
#include "services/AccountServices.h"
#include "sieve/ManageSieveClient.h"
#include "sieve/SieveRulesStore.h"
#include "util/BackgroundTask.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

struct SettingsDialog::SieveOutcome
{
    bool ok = false;
    bool unreachable = false; ///< the ManageSieve port refuses connections: the server has none
    bool vacationSupported = true;
    ServiceError error;
    std::optional<SieveRulesStore::State> state;
};

namespace {

QString securityText(ConnectionSecurity security)
{
    return security == ConnectionSecurity::ImplicitTls ? SettingsDialog::tr("TLS")
                                                       : SettingsDialog::tr("STARTTLS");
}

QString endpointText(const ServerEndpoint &endpoint)
{
    return SettingsDialog::tr("%1, port %2 (%3), login %4")
        .arg(endpoint.host)
        .arg(endpoint.port)
        .arg(securityText(endpoint.security), endpoint.login);
}

bool isActiveNow(const VacationSettings &vacation)
{
    return vacation.enabled && vacation.coversTime(Clock::currentDateTime());
}

} // namespace

SettingsDialog::SettingsDialog(Profile profile, Account account, SitePolicy policy, QWidget *parent)
    : QDialog(parent)
    , m_profile(std::move(profile))
    , m_account(std::move(account))
    , m_policy(std::move(policy))
    , m_signatureStore(m_profile)
{
    setObjectName(u"settingsDialog"_s);
    // With several accounts, the title says whose absence, receipts and sync these are.
    setWindowTitle(m_profile.orderedIds().size() > 1 ? tr("Settings — %1").arg(m_account.displayName())
                                                     : tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *body = new QHBoxLayout;
    m_pageList = new QListWidget(this);
    m_pageList->setObjectName(u"settingsPageList"_s);
    m_pageList->setAccessibleName(tr("Settings pages"));
    m_pages = new QStackedWidget(this);
    body->addWidget(m_pageList);
    body->addWidget(m_pages, 1);
    layout->addLayout(body, 1);
    m_buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { apply(); });
    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    addPage(buildAccountPage(), tr("Account"));

    m_signaturesPage = new SignaturesPage(m_account, this);
    QString error;
    if (!m_signatureStore.load(&error))
        qCWarning(lcAccount).noquote() << error;
    m_signaturesPage->setSignatures(m_signatureStore.forIdentity(m_account.address));
    addPage(m_signaturesPage, tr("Signatures"));

    m_absencePage = new AbsencePage(this);
    m_absencePage->setStatus(tr("Reading the out-of-office settings from the server…"), false);
    connect(m_absencePage, &AbsencePage::linkActivated, this, &SettingsDialog::onAbsenceLink);
    addPage(m_absencePage, tr("Out of office"));

    // The site may forbid automatic forwarding altogether: then the page is not offered at all.
    if (!m_policy.forwardingDisabled) {
        m_forwardingPage = new ForwardingPage(this);
        addPage(m_forwardingPage, tr("Forwarding"));
    }
    addPage(buildReadReceiptsPage(), tr("Read receipts"));
    addPage(buildOfflinePage(), tr("Offline"));
    m_notificationsPage = new NotificationsPage(m_profile, this);
    addPage(m_notificationsPage, tr("Notifications"));
    m_pageList->setCurrentRow(0);
    // As wide as its longest title in the user's font (200 % text included), no wider.
    const int listWidth = m_pageList->sizeHintForColumn(0) + 2 * m_pageList->frameWidth() +
                          m_pageList->fontMetrics().averageCharWidth() * 2;
    m_pageList->setMinimumWidth(listWidth);
    m_pageList->setMaximumWidth(listWidth);
    resize(820, 600);
}

// The worker holds a connection and a copy of the password: the task waits for it to end.
SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addPage(QWidget *page, const QString &title)
{
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(title, m_pageList);
    item->setData(Qt::UserRole, page->objectName());
}

void SettingsDialog::showPage(const QString &objectName)
{
    for (int row = 0; row < m_pageList->count(); ++row) {
        if (m_pageList->item(row)->data(Qt::UserRole).toString() == objectName)
            m_pageList->setCurrentRow(row);
    }
}

QWidget *SettingsDialog::buildAccountPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"accountPage"_s);
    auto *form = new QFormLayout(page);
    const auto row = [&](const QString &label, const QString &value, const QString &objectName) {
        auto *field = new QLabel(value, page);
        field->setObjectName(objectName);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label, field);
    };
    row(tr("Name:"), m_account.realName, u"accountName"_s);
    row(tr("Address:"), m_account.address, u"accountAddress"_s);
    row(tr("Incoming mail (IMAP):"), endpointText(m_account.imap), u"accountImap"_s);
    row(tr("Outgoing mail (SMTP):"), endpointText(m_account.smtp), u"accountSmtp"_s);
    row(tr("Filters and absence (ManageSieve):"), endpointText(m_account.sieveEndpoint()), u"accountSieve"_s);
    auto *note =
        new QLabel(tr("The servers are changed from the first-run assistant's advanced settings."), page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget *SettingsDialog::buildReadReceiptsPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"readReceiptsPage"_s);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("When a sender asks for a read receipt:"), page));
    m_receiptAnswer = new QButtonGroup(page);
    const auto radio = [&](const QString &text, ReadReceiptPolicy::Answer answer) {
        auto *button = new QRadioButton(text, page);
        button->setObjectName(u"receipt_"_s + ReadReceiptPolicy::answerName(answer));
        m_receiptAnswer->addButton(button, static_cast<int>(answer));
        layout->addWidget(button);
    };
    radio(tr("Ask me each time"), ReadReceiptPolicy::Answer::Ask);
    radio(tr("Always send one"), ReadReceiptPolicy::Answer::Always);
    radio(tr("Never send one"), ReadReceiptPolicy::Answer::Never);
    m_alwaysRequest = new QCheckBox(tr("Always ask for a read receipt for my messages"), page);
    m_alwaysRequest->setObjectName(u"receiptAlwaysRequest"_s);
    layout->addSpacing(12);
    layout->addWidget(m_alwaysRequest);
    layout->addStretch();

    const ReadReceiptPolicy policy = ReadReceiptPolicy::load(m_profile, m_account.id);
    m_receiptAnswer->button(static_cast<int>(policy.answer))->setChecked(true);
    m_alwaysRequest->setChecked(policy.alwaysRequest);
    return page;
}

QWidget *SettingsDialog::buildOfflinePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"offlinePage"_s);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Keep for reading without a network:"), page));
    m_bodies = new QButtonGroup(page);
    const auto radio = [&](const QString &text, SyncOptions::Bodies bodies) {
        auto *button = new QRadioButton(text, page);
        button->setObjectName(u"bodies_"_s + SyncOptions::bodiesName(bodies));
        m_bodies->addButton(button, static_cast<int>(bodies));
        return button;
    };
    layout->addWidget(radio(tr("Every message in full"), SyncOptions::Bodies::All));
    auto *recentRow = new QHBoxLayout;
    recentRow->addWidget(radio(tr("The messages of the last"), SyncOptions::Bodies::Recent));
    m_recentDays = new QSpinBox(page);
    m_recentDays->setObjectName(u"offlineRecentDays"_s);
    m_recentDays->setAccessibleName(tr("Number of days of messages kept in full"));
    m_recentDays->setRange(OfflinePolicy::kMinRecentDays, OfflinePolicy::kMaxRecentDays);
    m_recentDays->setSuffix(tr(" day(s)"));
    recentRow->addWidget(m_recentDays);
    recentRow->addStretch();
    layout->addLayout(recentRow);
    layout->addWidget(
        radio(tr("Headers only (a message is downloaded when opened)"), SyncOptions::Bodies::None));

    auto *form = new QFormLayout;
    m_interval = new QSpinBox(page);
    m_interval->setObjectName(u"offlineInterval"_s);
    m_interval->setRange(OfflinePolicy::kMinIntervalMinutes, OfflinePolicy::kMaxIntervalMinutes);
    m_interval->setSuffix(tr(" min"));
    form->addRow(tr("Check for new mail every:"), m_interval);
    layout->addLayout(form);
    m_offlineError = new QLabel(page);
    m_offlineError->setObjectName(u"offlineError"_s);
    m_offlineError->setStyleSheet(
        ThemeColours::textStyleSheet(m_offlineError->palette(), ThemeColours::Tone::Error));
    m_offlineError->hide();
    layout->addWidget(m_offlineError);

    auto *cacheRow = new QHBoxLayout;
    m_cacheSize = new QLabel(page);
    m_cacheSize->setObjectName(u"offlineCacheSize"_s);
    cacheRow->addWidget(m_cacheSize, 1);
    auto *clear = new QPushButton(tr("&Empty the cache…"), page);
    clear->setObjectName(u"offlineClearCache"_s);
    connect(clear, &QPushButton::clicked, this, &SettingsDialog::confirmClearCache);
    cacheRow->addWidget(clear);
    layout->addSpacing(12);
    layout->addLayout(cacheRow);
    layout->addStretch();

    const OfflinePolicy policy = OfflinePolicy::load(m_profile, m_account.id);
    m_bodies->button(static_cast<int>(policy.bodies))->setChecked(true);
    m_recentDays->setValue(policy.recentDays);
    m_interval->setValue(policy.syncIntervalMinutes);
    updateCacheSize();
    return page;
}

QString SettingsDialog::cacheDirectory() const
{
    return AccountPaths(m_profile.directory(), m_account.id).cacheDirectory();
}

void SettingsDialog::updateCacheSize()
{
    m_cacheSize->setText(
        tr("Offline cache: %1")
            .arg(QLocale().formattedDataSize(OfflinePolicy::directorySize(cacheDirectory()))));
}

void SettingsDialog::confirmClearCache()
{
    QMessageBox box(QMessageBox::Warning, tr("Empty the cache"),
                    tr("Remove every message kept on this computer for %1? The mail stays on the server and "
                       "is downloaded again at the next synchronisation.")
                        .arg(m_account.address),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(u"clearCacheConfirmation"_s);
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    Q_EMIT clearCacheRequested();
    updateCacheSize();
}

ReadReceiptPolicy SettingsDialog::readReceiptPolicy() const
{
    ReadReceiptPolicy policy;
    policy.answer = static_cast<ReadReceiptPolicy::Answer>(m_receiptAnswer->checkedId());
    policy.alwaysRequest = m_alwaysRequest->isChecked();
    return policy;
}

OfflinePolicy SettingsDialog::offlinePolicy() const
{
    OfflinePolicy policy;
    policy.bodies = static_cast<SyncOptions::Bodies>(m_bodies->checkedId());
    policy.recentDays = m_recentDays->value();
    policy.syncIntervalMinutes = m_interval->value();
    return policy;
}

bool SettingsDialog::validateOffline()
{
    const QStringList problems = offlinePolicy().validate();
    m_offlineError->setText(problems.join(u'\n'));
    m_offlineError->setVisible(!problems.isEmpty());
    return problems.isEmpty();
}

bool SettingsDialog::apply()
{
    // Every page is checked, so that all the problems show at once; the first one is shown.
    QStringList invalidPages;
    if (!m_signaturesPage->validate())
        invalidPages.append(m_signaturesPage->objectName());
    if ((m_serverLoaded || m_clientAbsence) && !m_absencePage->validate())
        invalidPages.append(m_absencePage->objectName());
    if (m_serverLoaded && m_forwardingPage && !m_forwardingPage->validate())
        invalidPages.append(m_forwardingPage->objectName());
    if (!validateOffline())
        invalidPages.append(u"offlinePage"_s);
    if (!invalidPages.isEmpty()) {
        showPage(invalidPages.first());
        return false;
    }

    QString error;
    m_signatureStore.setForIdentity(m_account.address, m_signaturesPage->signatures());
    bool saved = m_signatureStore.save(&error) && readReceiptPolicy().save(m_profile, &error, m_account.id) &&
                 offlinePolicy().save(m_profile, &error, m_account.id) && m_notificationsPage->save(&error);
    if (!saved) {
        QMessageBox::warning(this, tr("Settings"), error);
        return false;
    }
    if (m_clientAbsence && !saveClientSideAbsence(m_absencePage->settings()))
        return false;

    if (m_serverLoaded && !isBusy()) {
        const VacationSettings vacation = m_absencePage->settings();
        const ForwardSettings forward = m_forwardingPage ? m_forwardingPage->settings() : m_serverForward;
        if (vacation != m_serverVacation || forward != m_serverForward) {
            m_absencePage->setStatus(tr("Saving the out-of-office settings on the server…"), false);
            runSieve(&vacation, &forward);
        }
    }
    return true;
}

void SettingsDialog::accept()
{
    if (!apply())
        return;
    if (isBusy()) {
        // Closing now would hide a refusal from the server: wait for its answer.
        m_closeWhenSaved = true;
        m_buttons->setEnabled(false);
        return;
    }
    QDialog::accept();
}

void SettingsDialog::loadServerSettings()
{
    if (isBusy())
        return;
    runSieve(nullptr, nullptr);
}

void SettingsDialog::endAbsenceWhenLoaded()
{
    m_endAbsence = true;
    if (m_clientAbsence) {
        m_endAbsence = false;
        VacationSettings vacation = AbsenceStore::loadClientSide(m_profile, m_account.id).vacation;
        vacation.enabled = false;
        if (saveClientSideAbsence(vacation))
            m_absencePage->setSettings(vacation);
        return;
    }
    if (!m_serverLoaded || isBusy())
        return;
    m_endAbsence = false;
    VacationSettings vacation = m_serverVacation;
    vacation.enabled = false;
    m_absencePage->setStatus(tr("Ending the out-of-office message…"), false);
    runSieve(&vacation, &m_serverForward);
}

void SettingsDialog::runSieve(const VacationSettings *vacation, const ForwardSettings *forward)
{
    if (m_password.isEmpty()) {
        m_absencePage->setStatus(
            tr("Your password is needed to read the out-of-office settings on the server.") +
                u" <a href=\"amiens:password\">"_s + tr("Type my password…") + u"</a>"_s,
            false);
        return;
    }
    QString trustError;
    const auto found = AccountServices::manageSieveSettings(m_policy, m_account, &trustError);
    if (!found) {
        m_absencePage->setStatus(trustError.toHtmlEscaped(), true);
        return;
    }
    ManageSieveClient::Settings settings = *found;

    const std::optional<VacationSettings> toSave = vacation ? std::optional(*vacation) : std::nullopt;
    const ForwardSettings forwardToSave = forward ? *forward : ForwardSettings();
    const QTimeZone zone = m_serverVacation.timeZone;
    const QString password = m_password;
    auto outcome = std::make_shared<SieveOutcome>();
    const bool saving = toSave.has_value();
    m_absencePage->setEditable(false);
    if (m_forwardingPage)
        m_forwardingPage->setEditable(false);

    // The client and its socket are made, used and destroyed on the worker thread.
    m_sieveTask = std::make_unique<BackgroundTask>(
        u"managesieve"_s, [settings, password, toSave, forwardToSave, zone, outcome] {
            ManageSieveClient client(settings);
            if (!client.connectToServer()) {
                outcome->error = client.lastError();
                // Only a refused port means "no ManageSieve": a timeout, a dropped connection or a
                // TLS failure may be an outage, and must not switch to the client-side responder.
                outcome->unreachable = client.connectionRefused();
                return;
            }
            if (!client.authenticate(password)) {
                outcome->error = client.lastError();
                return;
            }
            outcome->vacationSupported = client.capabilities().hasExtension(u"vacation"_s);
            SieveRulesStore store(client);
            if (toSave && !store.save(*toSave, forwardToSave)) {
                outcome->error = store.lastError();
                client.logout();
                return;
            }
            outcome->state = store.load(zone);
            if (!outcome->state)
                outcome->error = store.lastError();
            outcome->ok = outcome->state.has_value();
            client.logout();
        });
    m_sieveTask->start(this, [this, outcome, saving] {
        m_sieveTask.reset();
        onSieveFinished(*outcome, saving);
    });
}

void SettingsDialog::onSieveFinished(const SieveOutcome &outcome, bool saving)
{
    m_buttons->setEnabled(true);
    const QString webmail = u"<a href=\"%1\">%1</a>"_s.arg(m_webmailUrl.toString().toHtmlEscaped());
    if (!outcome.ok) {
        m_closeWhenSaved = false;
        if (outcome.unreachable && !m_serverLoaded) {
            useClientSideAbsence(webmail);
        } else {
            QString text = outcome.error.message.toHtmlEscaped();
            if (outcome.error.kind == ServiceError::Kind::Authentication)
                text += u" <a href=\"amiens:password\">"_s + tr("Type my password again…") + u"</a>"_s;
            else if (outcome.error.isTransient())
                text += u' ' + tr("The out-of-office settings on the server cannot be reached for now. "
                                  "Try again later.")
                                   .toHtmlEscaped();
            m_absencePage->setStatus(text, true);
        }
        // After a refused save the fields keep what the user typed, to correct and try again.
        m_absencePage->setEditable(m_serverLoaded || m_clientAbsence);
        if (m_forwardingPage)
            m_forwardingPage->setEditable(m_serverLoaded);
        if (saving)
            Q_EMIT serverSettingsSaved(false);
        else
            Q_EMIT serverSettingsRead(false);
        return;
    }

    m_serverLoaded = true;
    m_serverVacation = outcome.state->rules.vacation;
    m_serverForward = outcome.state->rules.forward;
    if (m_serverVacation.addresses.isEmpty() && !saving && !m_serverVacation.enabled)
        m_serverVacation.addresses = QStringList{m_account.address};
    m_absencePage->setSettings(m_serverVacation);
    if (m_forwardingPage)
        m_forwardingPage->setSettings(m_serverForward);
    QString status = saving ? tr("The settings are saved on the server.") : QString();
    if (!outcome.vacationSupported) {
        status =
            tr("The mail server does not support automatic replies. Set your out-of-office message in the "
               "webmail: %1")
                .arg(webmail);
    } else if (outcome.state->rules.hasForeignVacation) {
        status = tr(
            "Another out-of-office message is set up on the server (for example from the webmail). Turn it "
            "off there before turning this one on.");
    }
    m_absencePage->setStatus(status, false);
    m_absencePage->setEditable(outcome.vacationSupported);
    if (m_forwardingPage)
        m_forwardingPage->setEditable(true);
    AbsenceStore::rememberServerVacation(m_profile, m_serverVacation, m_account.id);
    // The server answers now: this client must not answer as well.
    if (AbsenceStore::ClientSide clientSide = AbsenceStore::loadClientSide(m_profile, m_account.id);
        clientSide.active) {
        clientSide.active = false;
        QString error;
        if (!AbsenceStore::saveClientSide(m_profile, clientSide, &error, m_account.id))
            qCWarning(lcAccount).noquote() << error;
    }
    Q_EMIT absenceStateChanged(isActiveNow(m_serverVacation), m_serverVacation.end);
    if (saving)
        Q_EMIT serverSettingsSaved(true);
    else
        Q_EMIT serverSettingsRead(true);
    if (saving && m_closeWhenSaved)
        QDialog::accept();
    else if (m_endAbsence)
        endAbsenceWhenLoaded();
}

void SettingsDialog::useClientSideAbsence(const QString &webmailLink)
{
    m_clientAbsence = true;
    AbsenceStore::ClientSide clientSide = AbsenceStore::loadClientSide(m_profile, m_account.id);
    if (clientSide.vacation.addresses.isEmpty())
        clientSide.vacation.addresses = QStringList{m_account.address};
    m_absencePage->setSettings(clientSide.vacation);
    m_absencePage->setEditable(true);
    m_absencePage->setStatus(
        tr("The mail server %1 does not offer remote filter management (ManageSieve): AmiensMail answers "
           "for you instead.")
                .arg(m_account.sieveEndpoint().host.toHtmlEscaped()) +
            u"<br><b>"_s +
            tr("The automatic reply is sent only while this computer is on and AmiensMail is open.")
                .toHtmlEscaped() +
            u"</b><br>"_s +
            tr("To answer even when this computer is off, set it in the webmail: %1").arg(webmailLink),
        false);
    Q_EMIT absenceStateChanged(clientSide.active && isActiveNow(clientSide.vacation),
                               clientSide.vacation.end);
    if (m_endAbsence)
        endAbsenceWhenLoaded();
}

bool SettingsDialog::saveClientSideAbsence(const VacationSettings &vacation)
{
    AbsenceStore::ClientSide clientSide = AbsenceStore::loadClientSide(m_profile, m_account.id);
    clientSide.active = true;
    clientSide.vacation = vacation;
    clientSide.enabledAt = QDateTime(); // the store keeps it while the absence stays on
    QString error;
    if (!AbsenceStore::saveClientSide(m_profile, clientSide, &error, m_account.id)) {
        m_absencePage->setStatus(error.toHtmlEscaped(), true);
        return false;
    }
    Q_EMIT absenceStateChanged(isActiveNow(vacation), vacation.end);
    return true;
}

void SettingsDialog::onAbsenceLink(const QString &link)
{
    if (link == "amiens:password"_L1) {
        const auto password = PasswordPrompt::ask(
            this, tr("Password"), tr("Password for %1:").arg(m_account.address), tr("Password:"));
        if (!password)
            return;
        m_password = *password;
        loadServerSettings();
        return;
    }
    UrlOpener::open(QUrl(link));
}

} // namespace Amiens
