#include "SignaturesPage.h"

#include "ThemeColours.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

SignaturesPage::SignaturesPage(const Account &account, QWidget *parent)
    : QWidget(parent)
    , m_account(account)
{
    setObjectName(u"signaturesPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Signatures for %1").arg(account.address), this));

    auto *top = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(u"signatureList"_s);
    m_list->setAccessibleName(tr("Signatures"));
    top->addWidget(m_list, 1);
    auto *buttons = new QVBoxLayout;
    auto *addTemplate = new QPushButton(tr("Academic &template"), this);
    addTemplate->setObjectName(u"signatureTemplateButton"_s);
    auto *add = new QPushButton(tr("&New"), this);
    add->setObjectName(u"signatureAddButton"_s);
    auto *remove = new QPushButton(tr("Re&move"), this);
    remove->setObjectName(u"signatureRemoveButton"_s);
    buttons->addWidget(addTemplate);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    top->addLayout(buttons);
    layout->addLayout(top);

    auto *editor = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"signatureName"_s);
    editor->addRow(tr("Name:"), m_name);
    m_format = new QComboBox(this);
    m_format->setObjectName(u"signatureFormat"_s);
    m_format->addItem(tr("Plain text"));
    m_format->addItem(tr("Simple HTML"));
    editor->addRow(tr("Format:"), m_format);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"signatureText"_s);
    m_text->setTabChangesFocus(true);
    editor->addRow(tr("Text:"), m_text);
    layout->addLayout(editor);

    auto *details = new QGroupBox(tr("For the academic template"), this);
    auto *detailsForm = new QFormLayout(details);
    const auto line = [&](QLineEdit *&edit, const QString &objectName, const QString &label) {
        edit = new QLineEdit(details);
        edit->setObjectName(objectName);
        detailsForm->addRow(label, edit);
    };
    line(m_function, u"signatureFunction"_s, tr("Function:"));
    line(m_establishment, u"signatureEstablishment"_s, tr("School or department:"));
    line(m_postalAddress, u"signaturePostalAddress"_s, tr("Postal address:"));
    line(m_phone, u"signaturePhone"_s, tr("Phone:"));
    layout->addWidget(details);

    auto *defaults = new QFormLayout;
    m_defaultForNew = new QComboBox(this);
    m_defaultForNew->setObjectName(u"signatureDefaultForNew"_s);
    defaults->addRow(tr("For new messages:"), m_defaultForNew);
    m_defaultForReply = new QComboBox(this);
    m_defaultForReply->setObjectName(u"signatureDefaultForReply"_s);
    defaults->addRow(tr("For replies and forwards:"), m_defaultForReply);
    m_placement = new QComboBox(this);
    m_placement->setObjectName(u"signaturePlacement"_s);
    m_placement->addItem(tr("Below the quoted text"));
    m_placement->addItem(tr("Above the quoted text"));
    defaults->addRow(tr("In replies, place it:"), m_placement);
    layout->addLayout(defaults);

    m_error = new QLabel(this);
    m_error->setObjectName(u"signatureError"_s);
    m_error->setStyleSheet(ThemeColours::textStyleSheet(m_error->palette(), ThemeColours::Tone::Error));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    connect(addTemplate, &QPushButton::clicked, this, &SignaturesPage::addAcademyTemplate);
    connect(add, &QPushButton::clicked, this, &SignaturesPage::addEmpty);
    connect(remove, &QPushButton::clicked, this, &SignaturesPage::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, &SignaturesPage::onCurrentChanged);
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        storeCurrent();
        if (m_current >= 0 && m_list->item(m_current))
            m_list->item(m_current)->setText(m_name->text());
        // The default lists show names: keep the choices, show the new name.
        m_signatures = signatures();
        refreshDefaults();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &SignaturesPage::storeCurrent);
    connect(m_text, &QPlainTextEdit::textChanged, this, &SignaturesPage::storeCurrent);
    onCurrentChanged(-1);
}

void SignaturesPage::setSignatures(const SignatureStore::IdentitySignatures &signatures)
{
    m_signatures = signatures;
    m_function->setText(signatures.details.function);
    m_establishment->setText(signatures.details.establishment);
    m_postalAddress->setText(signatures.details.postalAddress);
    m_phone->setText(signatures.details.phone);
    m_placement->setCurrentIndex(signatures.placement == SignatureStore::Placement::AboveQuote ? 1 : 0);
    m_current = -1;
    refreshList();
    m_list->setCurrentRow(m_signatures.signatures.isEmpty() ? -1 : 0);
}

SignatureStore::IdentitySignatures SignaturesPage::signatures() const
{
    SignatureStore::IdentitySignatures result = m_signatures;
    result.details.function = m_function->text().trimmed();
    result.details.establishment = m_establishment->text().trimmed();
    result.details.postalAddress = m_postalAddress->text().trimmed();
    result.details.phone = m_phone->text().trimmed();
    result.placement = m_placement->currentIndex() == 1 ? SignatureStore::Placement::AboveQuote
                                                        : SignatureStore::Placement::BelowQuote;
    result.defaultForNew = m_defaultForNew->currentData().toString();
    result.defaultForReply = m_defaultForReply->currentData().toString();
    return result;
}

bool SignaturesPage::validate()
{
    const QStringList problems = SignatureStore::validate(signatures());
    m_error->setText(problems.join(u'\n'));
    m_error->setVisible(!problems.isEmpty());
    return problems.isEmpty();
}

void SignaturesPage::addAcademyTemplate()
{
    const Signature signature =
        SignatureStore::academyTemplate(m_account, signatures().details, Signature::Format::PlainText);
    const bool first = m_signatures.signatures.isEmpty();
    m_signatures = signatures();
    m_signatures.signatures.append(signature);
    // The first signature is what most people want everywhere; later ones are chosen by hand.
    if (first) {
        m_signatures.defaultForNew = signature.id;
        m_signatures.defaultForReply = signature.id;
    }
    refreshList();
    m_list->setCurrentRow(static_cast<int>(m_signatures.signatures.size()) - 1);
}

void SignaturesPage::addEmpty()
{
    Signature signature;
    signature.id = SignatureStore::newId();
    signature.name = tr("Signature %1").arg(m_signatures.signatures.size() + 1);
    m_signatures = signatures();
    m_signatures.signatures.append(signature);
    refreshList();
    m_list->setCurrentRow(static_cast<int>(m_signatures.signatures.size()) - 1);
    m_name->setFocus();
}

void SignaturesPage::removeCurrent()
{
    if (m_current < 0 || m_current >= m_signatures.signatures.size())
        return;
    m_signatures = signatures();
    const QString id = m_signatures.signatures.takeAt(m_current).id;
    if (m_signatures.defaultForNew == id)
        m_signatures.defaultForNew.clear();
    if (m_signatures.defaultForReply == id)
        m_signatures.defaultForReply.clear();
    m_current = -1;
    refreshList();
    m_list->setCurrentRow(m_signatures.signatures.isEmpty() ? -1 : 0);
}

void SignaturesPage::onCurrentChanged(int row)
{
    m_current = row;
    const bool valid = row >= 0 && row < m_signatures.signatures.size();
    m_updating = true;
    const Signature signature = valid ? m_signatures.signatures.at(row) : Signature();
    m_name->setText(signature.name);
    m_format->setCurrentIndex(signature.format == Signature::Format::Html ? 1 : 0);
    m_text->setPlainText(signature.text);
    m_updating = false;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_name, m_format, m_text})
        widget->setEnabled(valid);
}

void SignaturesPage::storeCurrent()
{
    if (m_updating || m_current < 0 || m_current >= m_signatures.signatures.size())
        return;
    Signature &signature = m_signatures.signatures[m_current];
    signature.name = m_name->text();
    signature.format = m_format->currentIndex() == 1 ? Signature::Format::Html : Signature::Format::PlainText;
    signature.text = m_text->toPlainText();
}

void SignaturesPage::refreshList()
{
    m_updating = true;
    m_list->clear();
    for (const Signature &signature : std::as_const(m_signatures.signatures))
        m_list->addItem(signature.name);
    m_updating = false;
    refreshDefaults();
}

void SignaturesPage::refreshDefaults()
{
    const auto fill = [this](QComboBox *combo, const QString &selected) {
        combo->clear();
        combo->addItem(tr("(none)"), QString());
        for (const Signature &signature : std::as_const(m_signatures.signatures)) {
            combo->addItem(signature.name, signature.id);
            if (signature.id == selected)
                combo->setCurrentIndex(combo->count() - 1);
        }
    };
    fill(m_defaultForNew, m_signatures.defaultForNew);
    fill(m_defaultForReply, m_signatures.defaultForReply);
}

} // namespace Amiens
