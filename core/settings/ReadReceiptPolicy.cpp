#include "ReadReceiptPolicy.h"

#include "account/AccountPreferences.h"
#include "account/Profile.h"

#include <QFile>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Amiens {

QString ReadReceiptPolicy::answerName(Answer answer)
{
    switch (answer) {
    case Answer::Ask:
        return u"ask"_s;
    case Answer::Always:
        return u"always"_s;
    case Answer::Never:
        return u"never"_s;
    }
    return {};
}

std::optional<ReadReceiptPolicy::Answer> ReadReceiptPolicy::parseAnswer(const QString &name)
{
    const QString normalised = name.trimmed().toLower();
    if (normalised == "ask"_L1)
        return Answer::Ask;
    if (normalised == "always"_L1)
        return Answer::Always;
    if (normalised == "never"_L1)
        return Answer::Never;
    return std::nullopt;
}

ReadReceiptPolicy ReadReceiptPolicy::load(const Profile &profile, const QString &accountId)
{
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    AccountPreferences(profile, accountId).beginGroup(settings, u"readReceipts"_s);
    ReadReceiptPolicy policy;
    // An unknown value asks: never answering silently, never sending without the user knowing.
    policy.answer = parseAnswer(settings.value(u"answer"_s).toString()).value_or(Answer::Ask);
    policy.alwaysRequest = settings.value(u"alwaysRequest"_s, false).toBool();
    settings.endGroup();
    return policy;
}

bool ReadReceiptPolicy::save(const Profile &profile, QString *error, const QString &accountId) const
{
    if (!profile.ensureExists(error))
        return false;
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    AccountPreferences(profile, accountId).beginGroup(settings, u"readReceipts"_s);
    settings.setValue(u"answer"_s, answerName(answer));
    settings.setValue(u"alwaysRequest"_s, alwaysRequest);
    settings.endGroup();
    return profile.savePreferences(settings, error);
}

} // namespace Amiens
