#pragma once

#include "settings/HelpCatalog.h"

#include <QCoreApplication>
#include <QString>

namespace Amiens {

/// The help shown in the assistant, the banners and the Help menu, as rich text built from the
/// help data (links and contacts come from resources/help/help.json, never from code).
class HelpTexts
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::HelpTexts)

public:
    /// What to do after "identifier or password refused": check the identifier, reset the
    /// password, whom to ask for a lost identifier.
    [[nodiscard]] static QString wrongPassword(const HelpCatalog &help, bool passcode);
    /// "Compte bloqué ou piraté": what to do, whom to call.
    [[nodiscard]] static QString accountBlocked(const HelpCatalog &help);
    /// "Assistance": the rectorat's and the DSDEN's contacts.
    [[nodiscard]] static QString support(const HelpCatalog &help);
    /// The gentle six-month reminder.
    [[nodiscard]] static QString passwordReminder(const HelpCatalog &help, qint64 ageInDays);
    /// One contact as an HTML paragraph.
    [[nodiscard]] static QString contact(const HelpCatalog::Contact &contact);
};

} // namespace Amiens
