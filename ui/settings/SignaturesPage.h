#pragma once

#include "account/Account.h"
#include "identity/SignatureStore.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Amiens {

/// "Signatures": the signatures of the account's address, the academy's template, which one goes
/// into new mail and into replies, and where it goes relative to the quote.
class SignaturesPage : public QWidget
{
    Q_OBJECT
public:
    SignaturesPage(const Account &account, QWidget *parent = nullptr);

    void setSignatures(const SignatureStore::IdentitySignatures &signatures);
    [[nodiscard]] SignatureStore::IdentitySignatures signatures() const;
    /// Shows what is wrong under the list; true when the signatures can be saved.
    bool validate();

    /// Adds the academy's template (filled from the account and the details fields) and selects it.
    void addAcademyTemplate();
    void addEmpty();
    void removeCurrent();

private:
    void onCurrentChanged(int row);
    void storeCurrent();
    void refreshList();
    void refreshDefaults();

    Account m_account;
    SignatureStore::IdentitySignatures m_signatures;
    int m_current = -1;
    bool m_updating = false;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_format = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLineEdit *m_function = nullptr;
    QLineEdit *m_establishment = nullptr;
    QLineEdit *m_postalAddress = nullptr;
    QLineEdit *m_phone = nullptr;
    QComboBox *m_defaultForNew = nullptr;
    QComboBox *m_defaultForReply = nullptr;
    QComboBox *m_placement = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Amiens
