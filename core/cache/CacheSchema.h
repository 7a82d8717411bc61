#pragma once

#include <QStringList>

namespace Amiens {

/// The SQL of each schema version. A migration is only ever added, never edited, once released.
class CacheSchema
{
public:
    /// The statements that bring a database from version - 1 to @p version.
    [[nodiscard]] static QStringList migrationTo(int version);
};

} // namespace Amiens
