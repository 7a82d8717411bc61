#include "AdvancedSettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

AdvancedSettingsDialog::AdvancedSettingsDialog(const Account &account, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
{
    setObjectName(u"advancedSettingsDialog"_s);
    setWindowTitle(tr("Advanced settings"));
    auto *layout = new QVBoxLayout(this);
    m_imap = addEndpoint(tr("Incoming mail (IMAP)"), u"imap"_s, account.imap);
    m_smtp = addEndpoint(tr("Outgoing mail (SMTP)"), u"smtp"_s, account.smtp);

    auto *trustBox = new QGroupBox(tr("Certificates"), this);
    auto *trustLayout = new QHBoxLayout(trustBox);
    m_caFile = new QLineEdit(account.caFile, trustBox);
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_caFile->setPlaceholderText(tr("Extra certificate authority (PEM file), usually empty"));
    auto *browse = new QPushButton(tr("Browse…"), trustBox);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Certificate authority"), m_caFile->text(),
                                         tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    trustLayout->addWidget(m_caFile, 1);
    trustLayout->addWidget(browse);
    layout->addWidget(trustBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

AdvancedSettingsDialog::EndpointFields AdvancedSettingsDialog::addEndpoint(const QString &title,
                                                                           const QString &prefix,
                                                                           const ServerEndpoint &endpoint)
{
    auto *box = new QGroupBox(title, this);
    auto *form = new QFormLayout(box);
    EndpointFields fields;
    fields.host = new QLineEdit(endpoint.host, box);
    fields.host->setObjectName(prefix + u"HostEdit"_s);
    fields.port = new QSpinBox(box);
    fields.port->setObjectName(prefix + u"PortSpin"_s);
    fields.port->setRange(1, 65535);
    fields.port->setValue(endpoint.port == 0 ? (prefix == "imap"_L1 ? 993 : 465) : endpoint.port);
    fields.security = new QComboBox(box);
    fields.security->setObjectName(prefix + u"SecurityCombo"_s);
    fields.security->addItem(tr("SSL/TLS"),
                             QVariant::fromValue(static_cast<int>(ConnectionSecurity::ImplicitTls)));
    fields.security->addItem(tr("STARTTLS"),
                             QVariant::fromValue(static_cast<int>(ConnectionSecurity::StartTls)));
    fields.security->setCurrentIndex(endpoint.security == ConnectionSecurity::StartTls ? 1 : 0);
    fields.login = new QLineEdit(endpoint.login, box);
    fields.login->setObjectName(prefix + u"LoginEdit"_s);
    form->addRow(tr("Server:"), fields.host);
    form->addRow(tr("Port:"), fields.port);
    form->addRow(tr("Security:"), fields.security);
    form->addRow(tr("Login:"), fields.login);
    layout()->addWidget(box);
    return fields;
}

ServerEndpoint AdvancedSettingsDialog::read(const EndpointFields &fields)
{
    ServerEndpoint endpoint;
    endpoint.host = fields.host->text().trimmed();
    endpoint.port = static_cast<quint16>(fields.port->value());
    endpoint.security = static_cast<ConnectionSecurity>(fields.security->currentData().toInt());
    endpoint.login = fields.login->text().trimmed();
    return endpoint;
}

void AdvancedSettingsDialog::setServersLocked(bool locked)
{
    for (const EndpointFields *fields : {&m_imap, &m_smtp}) {
        fields->host->setEnabled(!locked);
        fields->port->setEnabled(!locked);
        fields->security->setEnabled(!locked);
    }
}

Account AdvancedSettingsDialog::account() const
{
    Account account = m_account;
    account.imap = read(m_imap);
    account.smtp = read(m_smtp);
    account.caFile = m_caFile->text().trimmed();
    return account;
}

} // namespace Amiens
