#pragma once

#include "PendingOperation.h"

#include <QList>

namespace Amiens {

class CacheDatabase;

/// The persistent queue of pending operations, in the cache's database so that a change and
/// its queue entry are committed together.
class PendingOperationQueue
{
public:
    explicit PendingOperationQueue(CacheDatabase &database);

    /// Returns the new entry's id, or 0 when it could not be stored.
    qint64 enqueue(const PendingOperation &operation);
    [[nodiscard]] QList<PendingOperation> all();
    [[nodiscard]] int count();
    [[nodiscard]] bool contains(qint64 id);
    bool remove(qint64 id);
    bool recordFailure(qint64 id, const QString &error);

private:
    CacheDatabase &m_database;
};

} // namespace Amiens
