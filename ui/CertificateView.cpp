#include "CertificateView.h"

#include "net/TlsTrust.h"

#include <QCheckBox>
#include <QFont>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
QLabel *selectableLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}
} // namespace

CertificateView::CertificateView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"certificateView"_s);
    m_reasons = selectableLabel(this, u"certificateReasons"_s);
    m_subject = selectableLabel(this, u"certificateSubject"_s);
    m_issuer = selectableLabel(this, u"certificateIssuer"_s);
    m_validity = selectableLabel(this, u"certificateValidity"_s);
    m_fingerprint = selectableLabel(this, u"certificateFingerprint"_s);
    m_fingerprint->setFont(QFont(u"monospace"_s));
    auto *advice = new QLabel(tr("If you did not expect this, refuse: someone may be intercepting the "
                                 "connection. Only trust this certificate if your IT support confirms "
                                 "its fingerprint."),
                              this);
    advice->setWordWrap(true);
    // Named before a certificate is shown, then with its host and port (setFailure).
    m_trust = new QCheckBox(tr("Trust this exact certificate"), this);
    m_trust->setObjectName(u"trustCertificate"_s);
    m_trust->setChecked(false);
    connect(m_trust, &QCheckBox::toggled, this, &CertificateView::trustRequestedChanged);

    auto *form = new QFormLayout;
    form->addRow(tr("Subject:"), m_subject);
    form->addRow(tr("Issuer:"), m_issuer);
    form->addRow(tr("Valid:"), m_validity);
    form->addRow(tr("SHA-256 fingerprint:"), m_fingerprint);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reasons);
    layout->addLayout(form);
    layout->addWidget(advice);
    layout->addWidget(m_trust);
}

void CertificateView::setFailure(const TlsFailure &failure)
{
    m_failure = failure;
    // describe() starts with the host and the reasons on one line.
    m_reasons->setText(failure.describe().section(u'\n', 0, 0));
    const QSslCertificate leaf = failure.leaf();
    const QLocale locale;
    m_subject->setText(leaf.isNull() ? tr("(no certificate)") : leaf.subjectDisplayName());
    m_issuer->setText(leaf.isNull() ? QString() : leaf.issuerDisplayName());
    m_validity->setText(leaf.isNull() ? QString()
                                      : tr("from %1 to %2")
                                            .arg(locale.toString(leaf.effectiveDate(), QLocale::ShortFormat),
                                                 locale.toString(leaf.expiryDate(), QLocale::ShortFormat)));
    m_fingerprint->setText(failure.leafSha256Fingerprint());
    m_trust->setText(tr("Trust this exact certificate for %1, port %2").arg(failure.host).arg(failure.port));
    m_trust->setEnabled(!leaf.isNull());
    m_trust->setChecked(false);
}

bool CertificateView::isTrustRequested() const
{
    return m_trust->isChecked() && !m_failure.leaf().isNull();
}

QString CertificateView::pin() const
{
    if (!isTrustRequested())
        return {};
    return TlsTrust::pinFor(m_failure.host, m_failure.port, m_failure.leaf());
}

} // namespace Amiens
