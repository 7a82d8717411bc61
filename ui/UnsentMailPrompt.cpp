#include "UnsentMailPrompt.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
struct PromptState
{
    std::optional<bool> nextAnswer;
    int asked = 0;
    QStringList subjects;
};

PromptState &state()
{
    static PromptState s;
    return s;
}
} // namespace

bool UnsentMailPrompt::confirmDeletion(QWidget *parent, const QStringList &subjects)
{
    ++state().asked;
    state().subjects = subjects;
    if (state().nextAnswer)
        return *std::exchange(state().nextAnswer, std::nullopt);

    QStringList lines;
    for (const QString &subject : subjects)
        lines.append(u"• "_s + (subject.isEmpty() ? tr("(no subject)") : subject));
    QMessageBox box(QMessageBox::Warning, tr("Messages not sent"),
                    tr("Sending later from another computer is not possible: delete these messages, "
                       "or cancel signing out?"),
                    QMessageBox::NoButton, parent);
    box.setObjectName(u"unsentMailPrompt"_s);
    box.setInformativeText(lines.join(u'\n'));
    QPushButton *erase = box.addButton(tr("Delete and sign out"), QMessageBox::DestructiveRole);
    erase->setObjectName(u"deleteAndSignOutButton"_s);
    QPushButton *cancel = box.addButton(tr("Cancel signing out"), QMessageBox::RejectRole);
    cancel->setObjectName(u"cancelSignOutButton"_s);
    // Losing mail takes a deliberate click: Enter and Escape both keep it.
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == erase;
}

void UnsentMailPrompt::setNextAnswer(bool deleteMessages)
{
    state().nextAnswer = deleteMessages;
}

int UnsentMailPrompt::askCount()
{
    return state().asked;
}

QStringList UnsentMailPrompt::lastSubjects()
{
    return state().subjects;
}

void UnsentMailPrompt::resetForTests()
{
    state() = {};
}

} // namespace Amiens
