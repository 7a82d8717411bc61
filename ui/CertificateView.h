#pragma once

#include "net/TlsFailure.h"

#include <QWidget>

class QCheckBox;
class QLabel;

namespace Amiens {

/// Shows why a server's certificate was refused and who it claims to be (subject, issuer,
/// validity, SHA-256 fingerprint), with an unticked "trust this exact certificate for this host"
/// box: refusing is the default, trusting is a deliberate act of the user.
class CertificateView : public QWidget
{
    Q_OBJECT
public:
    explicit CertificateView(QWidget *parent = nullptr);

    void setFailure(const TlsFailure &failure);
    [[nodiscard]] const TlsFailure &failure() const { return m_failure; }

    [[nodiscard]] bool isTrustRequested() const;
    /// The TlsTrust pin for the shown certificate, host and port; empty unless the box is ticked.
    [[nodiscard]] QString pin() const;

Q_SIGNALS:
    void trustRequestedChanged(bool requested);

private:
    TlsFailure m_failure;
    QLabel *m_reasons = nullptr;
    QLabel *m_subject = nullptr;
    QLabel *m_issuer = nullptr;
    QLabel *m_validity = nullptr;
    QLabel *m_fingerprint = nullptr;
    QCheckBox *m_trust = nullptr;
};

} // namespace Amiens
