#include "UnifiedListView.h"

#include "UnifiedListModel.h"
#include "WindowAccounts.h"

#include <QHeaderView>

using namespace Qt::StringLiterals;

namespace Amiens {

UnifiedListView::UnifiedListView(WindowAccounts *accounts, QWidget *parent)
    : QTreeView(parent)
    , m_accounts(accounts)
    , m_model(new UnifiedListModel(this))
{
    setObjectName(u"unifiedList"_s);
    setRootIsDecorated(false);
    setUniformRowHeights(true); // lets the view ask only for the visible rows
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAccessibleName(tr("Messages of all accounts"));
    setModel(m_model);
    m_model->readRestAfterPaintsOf(this);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(UnifiedListModel::SubjectColumn, QHeaderView::Stretch);
}

void UnifiedListView::useSources()
{
    m_model->setSources(m_accounts->unifiedSources(), m_accounts->names());
}

void UnifiedListView::showView(UnifiedMailbox::View view)
{
    useSources();
    m_model->setView(view);
}

void UnifiedListView::showSearch(const QString &text)
{
    // The rows name their account by its place among these sources: the same list for both.
    const QList<UnifiedMailbox::Source> sources = m_accounts->unifiedSources();
    m_model->setSources(sources, m_accounts->names());
    m_model->showRows(UnifiedMailbox(sources).searchRows(text, kSearchLimit));
}

void UnifiedListView::reload(const QString &searchText)
{
    const auto current = currentEntry();
    const int currentRow = currentIndex().row();
    if (m_model->isShowingSearch())
        showSearch(searchText);
    else
        showView(m_model->view());
    if (!current)
        return;
    const int row = m_model->rowFor(current->accountId, current->message.rowId, currentRow);
    if (row >= 0) {
        const QSignalBlocker blocker(selectionModel());
        setCurrentIndex(m_model->index(row, 0));
    }
}

void UnifiedListView::clearRows()
{
    m_model->setSources({}, {});
    m_model->reload();
}

std::optional<UnifiedMailbox::Entry> UnifiedListView::currentEntry() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? m_model->entryAt(index.row()) : std::nullopt;
}

QList<CachedMessage> UnifiedListView::selectedMessages(const QString &accountId) const
{
    QList<CachedMessage> messages;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const auto entry = m_model->entryAt(index.row());
        if (entry && entry->accountId == accountId)
            messages.append(entry->message);
    }
    return messages;
}

} // namespace Amiens
