#include "UnsentMailPrompt.h"

#include "DestructiveConfirmation.h"

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
    return DestructiveConfirmation::ask(
        parent, {u"unsentMailPrompt"_s, tr("Messages not sent"),
                 tr("Sending later from another computer is not possible: delete these messages, "
                    "or cancel signing out?"),
                 lines.join(u'\n'), tr("Delete and sign out"), u"deleteAndSignOutButton"_s,
                 tr("Cancel signing out"), u"cancelSignOutButton"_s});
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
