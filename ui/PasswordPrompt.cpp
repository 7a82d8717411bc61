#include "PasswordPrompt.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <memory>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
struct PromptState
{
    bool hasNextAnswer = false;
    std::optional<QString> nextAnswer;
    int asked = 0;
    QString lastText;
};

PromptState &state()
{
    static PromptState s;
    return s;
}
} // namespace

QDialog *PasswordPrompt::createDialog(QWidget *parent, const QString &title, const QString &text,
                                      const QString &fieldLabel)
{
    auto *dialog = new QDialog(parent);
    dialog->setWindowTitle(title);
    dialog->setObjectName(u"passwordPrompt"_s);
    auto *layout = new QVBoxLayout(dialog);
    auto *label = new QLabel(text, dialog);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *form = new QFormLayout;
    auto *edit = new QLineEdit(dialog);
    edit->setEchoMode(QLineEdit::Password);
    edit->setObjectName(u"secretEdit"_s);
    // The label beside it names the field; the text above says whose secret it is.
    edit->setAccessibleDescription(text);
    form->addRow(fieldLabel, edit);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    edit->setFocus();
    return dialog;
}

std::optional<QString> PasswordPrompt::ask(QWidget *parent, const QString &title, const QString &text,
                                           const QString &fieldLabel)
{
    ++state().asked;
    state().lastText = text;
    if (state().hasNextAnswer) {
        state().hasNextAnswer = false;
        return std::exchange(state().nextAnswer, std::nullopt);
    }

    std::unique_ptr<QDialog> dialog(createDialog(parent, title, text, fieldLabel));
    auto *edit = dialog->findChild<QLineEdit *>(u"secretEdit"_s);
    if (dialog->exec() != QDialog::Accepted || edit->text().isEmpty())
        return std::nullopt;
    return edit->text();
}

void PasswordPrompt::setNextAnswer(std::optional<QString> answer)
{
    state().hasNextAnswer = true;
    state().nextAnswer = std::move(answer);
}

int PasswordPrompt::askCount()
{
    return state().asked;
}

QString PasswordPrompt::lastText()
{
    return state().lastText;
}

void PasswordPrompt::resetForTests()
{
    state() = PromptState();
}

} // namespace Amiens
