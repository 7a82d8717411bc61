#include "AccountRemovalPrompt.h"

#include <QMessageBox>
#include <QPushButton>
#include <utility>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
struct PromptState
{
    std::optional<bool> nextAnswer;
    int asked = 0;
    qsizetype unsent = 0;
};

PromptState &state()
{
    static PromptState instance;
    return instance;
}
} // namespace

bool AccountRemovalPrompt::confirm(QWidget *parent, const QString &accountName, qsizetype unsentCount)
{
    ++state().asked;
    state().unsent = unsentCount;
    if (state().nextAnswer)
        return *std::exchange(state().nextAnswer, std::nullopt);

    QMessageBox box(QMessageBox::Warning, tr("Remove the account"),
                    tr("Remove the account « %1 » from this computer? Its mail stays on the server; "
                       "the copy kept here and its saved password are erased.")
                        .arg(accountName),
                    QMessageBox::NoButton, parent);
    box.setObjectName(u"accountRemovalPrompt"_s);
    if (unsentCount > 0) {
        box.setInformativeText(tr("%n message(s) waiting in its outbox cannot be sent any more: they will be "
                                  "deleted.",
                                  nullptr, static_cast<int>(unsentCount)));
    }
    QPushButton *remove =
        box.addButton(unsentCount > 0 ? tr("Delete the messages and remove") : tr("Remove the account"),
                      QMessageBox::DestructiveRole);
    remove->setObjectName(u"removeAccountButton"_s);
    remove->setAccessibleName(remove->text());
    QPushButton *cancel = box.addButton(tr("Keep the account"), QMessageBox::RejectRole);
    cancel->setObjectName(u"keepAccountButton"_s);
    cancel->setAccessibleName(cancel->text());
    // Losing an account takes a deliberate click: Enter and Escape both keep it.
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == remove;
}

void AccountRemovalPrompt::setNextAnswer(bool remove)
{
    state().nextAnswer = remove;
}

int AccountRemovalPrompt::askCount()
{
    return state().asked;
}

qsizetype AccountRemovalPrompt::lastUnsentCount()
{
    return state().unsent;
}

void AccountRemovalPrompt::resetForTests()
{
    state() = {};
}

} // namespace Amiens
