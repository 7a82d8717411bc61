#pragma once

#include "CachedMessage.h"

#include <QList>
#include <QString>
#include <optional>

namespace Amiens {

class MailCache;

/// « Tous les comptes »: the inboxes, the unread or the flagged messages of several accounts as
/// one list, newest first, and a search across them (issue 18). It reads each account's own cache
/// and never mixes their data: every entry names its account and folder, so an action on it goes
/// to that account's session. Like the one-account list it reads the list's ids first, from
/// indexes only (rows()), and the rows a screen shows afterwards (entries()).
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

    /// One message of the merged list: which source (an index into the sources) and its row id
    /// in that source's cache.
    struct Row
    {
        int source = -1;
        qint64 rowId = 0;
        friend bool operator==(const Row &, const Row &) = default;
    };

    struct Entry
    {
        QString accountId;
        QString folderPath;
        CachedMessage message;
    };

    explicit UnifiedMailbox(QList<Source> sources);

    [[nodiscard]] const QList<Source> &sources() const { return m_sources; }

    /// Every message of @p view, newest first (ties: in the accounts' order, then their folders'),
    /// read from the caches' indexes only: no message row is read. With @p limit (>= 0), the
    /// first @p limit of that list only, each folder read no further: a first screen without
    /// reading every id.
    [[nodiscard]] QList<Row> rows(View view, qsizetype limit = -1) const;
    /// Full-text search (each cache's index) in every account, or only in @p accountId: the
    /// @p limit newest of each account's matches (CacheSearchIndex::searchMatches), merged and
    /// limited again, newest first.
    [[nodiscard]] QList<Row> searchRows(const QString &text, int limit, const QString &accountId = {}) const;
    /// The messages of @p rows, in that order; nothing for a message gone since its id was read.
    [[nodiscard]] QList<std::optional<Entry>> entries(const QList<Row> &rows) const;

    /// How many messages the view holds, all accounts together.
    [[nodiscard]] int count(View view) const;
    /// Unread messages of the accounts' inboxes: the « Tous les comptes » badge.
    [[nodiscard]] int unreadInInboxes() const;

    /// The statement that lists one folder's messages of @p view: id and date, newest first
    /// (bind: the folder's id), through an index that holds them (schema 3 and 11).
    [[nodiscard]] static QString listSql(View view);

private:
    /// The folders of @p cache that @p view covers.
    [[nodiscard]] static QList<CachedFolder> folders(MailCache &cache, View view);

    QList<Source> m_sources;
};

} // namespace Amiens
