#pragma once

#include "account/Account.h"

#include <QString>

namespace Amiens::Test {

/// A profile with one account that is never contacted (port 9) and its offline cache: an inbox
/// of three messages (« Conseil de classe » from Françoise Lefèvre, unread, with a PDF attached
/// and a read-receipt request; « Calendrier » from the Rectorat, read; the older
/// « Sortie scolaire » from Jean Martin, unread, plain) and a Sent folder. What the windows show
/// without any server (the accessibility checks).
class OfflineMailbox
{
public:
    [[nodiscard]] static Account account();
    /// Saves the account in the profile at @p profileDirectory and writes its cache.
    static bool create(const QString &profileDirectory, QString *error);
    /// The cache file of account() in @p profileDirectory.
    [[nodiscard]] static QString cacheFile(const QString &profileDirectory);
};

} // namespace Amiens::Test
