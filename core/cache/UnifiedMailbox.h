#pragma once

#include "CachedMessage.h"

#include <QList>
#include <QString>

namespace Amiens {

class MailCache;

/// « Tous les comptes »: the inboxes, the unread or the flagged messages of several accounts as
/// one list, newest first, and a search across them (issue 18). It reads each account's own cache
/// and never mixes their data: every entry names its account and folder, so an action on it goes
/// to that account's session.
class UnifiedMailbox
{
public:
    enum class View
    {
        Inboxes, ///< every account's inbox
        Unread,  ///< unread messages of every folder but the Trash and Junk
        Flagged, ///< flagged messages of every folder but the Trash and Junk
    };

    struct Source
    {
        QString accountId;
        MailCache *cache = nullptr; ///< open; owned by the caller, outlives this object
    };

    struct Entry
    {
        QString accountId;
        QString folderPath;
        CachedMessage message;
    };

    explicit UnifiedMailbox(QList<Source> sources);

    /// Entries @p offset to @p offset + @p limit of the merged list, newest first (ties: in the
    /// accounts' order). Each account is asked for at most offset + limit rows.
    [[nodiscard]] QList<Entry> page(View view, int offset, int limit) const;
    /// How many messages the view holds, all accounts together.
    [[nodiscard]] int count(View view) const;
    /// Unread messages of the accounts' inboxes: the « Tous les comptes » badge.
    [[nodiscard]] int unreadInInboxes() const;
    /// Full-text search (each cache's index) in every account, or only in @p accountId; newest first.
    [[nodiscard]] QList<Entry> search(const QString &text, int limit, const QString &accountId = {}) const;

private:
    /// The ids of @p cache's folders that @p view covers.
    [[nodiscard]] static QList<qint64> folderIds(MailCache &cache, View view);

    QList<Source> m_sources;
};

} // namespace Amiens
