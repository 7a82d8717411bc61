#pragma once

#include "sieve/ForwardSettings.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Amiens {

/// "Transfert": redirect incoming mail to another address (Sieve redirect, with :copy to keep
/// one here). Like the Absence page, editable only once the server's rules are loaded.
class ForwardingPage : public QWidget
{
    Q_OBJECT
public:
    explicit ForwardingPage(QWidget *parent = nullptr);

    void setSettings(const ForwardSettings &settings);
    [[nodiscard]] ForwardSettings settings() const;
    /// Shows the problem next to the address; true when the settings can be saved.
    bool validate();
    void setEditable(bool editable);

private:
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_addressError = nullptr;
    QCheckBox *m_keepCopy = nullptr;
    QWidget *m_fields = nullptr;
};

} // namespace Amiens
