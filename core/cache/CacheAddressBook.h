#pragma once

#include <QStringList>

namespace Amiens {

class CacheDatabase;

/// The addresses the cached messages were exchanged with, for completing recipients.
class CacheAddressBook
{
public:
    explicit CacheAddressBook(CacheDatabase &database)
        : m_database(database)
    {
    }

    /// Addresses seen in the last @p scanned messages cached (senders and recipients), most frequent
    /// first, as "Name <address>", each address once.
    [[nodiscard]] QStringList knownAddresses(int scanned = 5000, int limit = 2000);

private:
    CacheDatabase &m_database;
};

} // namespace Amiens
