#pragma once

#include "cache/UnifiedMailbox.h"

#include <QList>
#include <QTreeView>
#include <optional>

namespace Amiens {

class UnifiedListModel;
class WindowAccounts;

/// The message list of « Tous les comptes » (issue 18): a unified view (inboxes, unread, flagged)
/// or a search across accounts, read from the caches of the accounts open in the window, each
/// row naming its account. It only lists; the window acts on the selected messages through their
/// account's session.
class UnifiedListView : public QTreeView
{
    Q_OBJECT
public:
    /// Results a search across accounts shows, newest first.
    static constexpr int kSearchLimit = 1000;

    explicit UnifiedListView(WindowAccounts *accounts, QWidget *parent = nullptr);

    [[nodiscard]] UnifiedListModel *unifiedModel() const { return m_model; }
    /// @p view of every account, newest first.
    void showView(UnifiedMailbox::View view);
    /// The messages of every account matching @p text, newest first.
    void showSearch(const QString &text);
    /// Reads the rows again (an account synced, a local change), @p searchText again when a
    /// search is shown; the selected message stays selected if it is still listed.
    void reload(const QString &searchText);
    /// No rows, and no pointer to a cache left (the accounts may go).
    void clearRows();
    [[nodiscard]] std::optional<UnifiedMailbox::Entry> currentEntry() const;
    /// The selected messages that belong to @p accountId.
    [[nodiscard]] QList<CachedMessage> selectedMessages(const QString &accountId) const;

private:
    void useSources();

    WindowAccounts *m_accounts = nullptr;
    UnifiedListModel *m_model = nullptr;
};

} // namespace Amiens
