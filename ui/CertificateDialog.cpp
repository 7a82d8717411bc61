#include "CertificateDialog.h"

#include "CertificateView.h"
#include "net/TlsTrust.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
std::optional<bool> &nextAnswer()
{
    static std::optional<bool> answer;
    return answer;
}
} // namespace

CertificateDialog::CertificateDialog(const TlsFailure &failure, QWidget *parent)
    : QDialog(parent)
    , m_view(new CertificateView(this))
{
    setObjectName(u"certificateDialog"_s);
    setWindowTitle(tr("Unverified server certificate"));
    m_view->setFailure(failure);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *refuse = buttons->addButton(tr("Refuse"), QDialogButtonBox::RejectRole);
    m_trustButton = buttons->addButton(tr("Trust and connect"), QDialogButtonBox::AcceptRole);
    m_trustButton->setEnabled(false);
    refuse->setDefault(true);
    refuse->setFocus();
    connect(m_view, &CertificateView::trustRequestedChanged, m_trustButton, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
}

QString CertificateDialog::pin() const
{
    return result() == QDialog::Accepted ? m_view->pin() : QString();
}

std::optional<QString> CertificateDialog::ask(QWidget *parent, const TlsFailure &failure)
{
    if (const std::optional<bool> answer = std::exchange(nextAnswer(), std::nullopt)) {
        if (!*answer || failure.leaf().isNull())
            return std::nullopt;
        return TlsTrust::pinFor(failure.host, failure.port, failure.leaf());
    }
    CertificateDialog dialog(failure, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.pin().isEmpty())
        return std::nullopt;
    return dialog.pin();
}

void CertificateDialog::setNextAnswer(bool trust)
{
    nextAnswer() = trust;
}

} // namespace Amiens
