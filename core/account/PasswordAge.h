#pragma once

#include <QDateTime>

namespace Amiens {

struct Account;

/// The academy asks for a new password every six months. The client only knows when the
/// password was last set in it; it never checks or sends the password anywhere to find out.
class PasswordAge
{
public:
    /// Whole days since the password was set, or -1 when that date is unknown.
    [[nodiscard]] static qint64 ageInDays(const Account &account, const QDateTime &now);
    /// Whether the gentle reminder should appear: known date, older than @p maxAgeDays.
    /// Passcode (OTP) accounts have no password to renew.
    [[nodiscard]] static bool isReminderDue(const Account &account, const QDateTime &now, int maxAgeDays);
};

} // namespace Amiens
