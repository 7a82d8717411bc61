#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace Amiens {

/// The out-of-office message as the user sets it: what the Absence page edits and what our Sieve
/// block carries. Turning it off keeps every other field, so the text is there next time.
struct VacationSettings
{
    bool enabled = false;
    /// Optional bounds of the period, in the user's time zone (timeZone). Invalid = open.
    QDateTime start;
    QDateTime end;
    QTimeZone timeZone = QTimeZone::systemTimeZone();
    QString subject;
    QString message;          ///< plain text, several lines allowed
    int days = 7;             ///< answer the same sender at most once every N days (RFC 5230 :days)
    QStringList addresses;    ///< the user's addresses and aliases it answers for
    bool academyOnly = false; ///< "ne pas répondre aux messages extérieurs à l'académie"
    QStringList academyDomains{QStringLiteral("ac-amiens.fr")};

    /// Whether a message received at @p when falls in the period (ignores enabled).
    [[nodiscard]] bool coversTime(const QDateTime &when) const
    {
        return (!start.isValid() || when >= start) && (!end.isValid() || when <= end);
    }

    friend bool operator==(const VacationSettings &, const VacationSettings &) = default;
};

} // namespace Amiens
