#include "AccountRemovalPrompt.h"

#include "DestructiveConfirmation.h"

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

    return DestructiveConfirmation::ask(
        parent,
        {u"accountRemovalPrompt"_s, tr("Remove the account"),
         tr("Remove the account « %1 » from this computer? Its mail stays on the server; "
            "the copy kept here and its saved password are erased.")
             .arg(accountName),
         unsentCount > 0 ? tr("%n message(s) waiting in its outbox cannot be sent any more: they will be "
                              "deleted.",
                              nullptr, static_cast<int>(unsentCount))
                         : QString(),
         unsentCount > 0 ? tr("Delete the messages and remove") : tr("Remove the account"),
         u"removeAccountButton"_s, tr("Keep the account"), u"keepAccountButton"_s});
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
