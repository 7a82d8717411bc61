#pragma once

#include "net/TlsFailure.h"

#include <QDialog>
#include <optional>

class QPushButton;

namespace Amiens {

class CertificateView;

/// The certificate of a server could not be verified: show it and let the user refuse (the
/// default button) or trust that exact certificate for that host and port.
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CertificateDialog(const TlsFailure &failure, QWidget *parent = nullptr);

    /// The pin to add to the account, or empty when the user refused.
    [[nodiscard]] QString pin() const;

    /// Shows the dialog and returns the pin to add, or nothing when refused.
    static std::optional<QString> ask(QWidget *parent, const TlsFailure &failure);
    /// The next ask() answers at once: true trusts the certificate, false refuses it.
    static void setNextAnswer(bool trust);

private:
    CertificateView *m_view = nullptr;
    QPushButton *m_trustButton = nullptr;
};

} // namespace Amiens
