#include "PasswordAge.h"

#include "Account.h"

namespace Amiens {

qint64 PasswordAge::ageInDays(const Account &account, const QDateTime &now)
{
    if (!account.passwordChangedAt.isValid())
        return -1;
    return account.passwordChangedAt.daysTo(now);
}

bool PasswordAge::isReminderDue(const Account &account, const QDateTime &now, int maxAgeDays)
{
    if (account.credentialMode == CredentialMode::Passcode)
        return false;
    const qint64 age = ageInDays(account, now);
    return age >= 0 && age >= maxAgeDays;
}

} // namespace Amiens
