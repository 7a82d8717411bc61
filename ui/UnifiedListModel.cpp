#include "UnifiedListModel.h"

#include "MessageListModel.h"
#include "ThemeIcons.h"
#include "util/Clock.h"

#include <QFont>
#include <QLocale>
#include <QStyle>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

UnifiedListModel::UnifiedListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UnifiedListModel::setSources(const QList<UnifiedMailbox::Source> &sources,
                                  const QHash<QString, QString> &names)
{
    m_sources = sources;
    m_names = names;
}

void UnifiedListModel::setView(UnifiedMailbox::View view)
{
    m_view = view;
    reload();
}

void UnifiedListModel::reload()
{
    beginResetModel();
    m_search = false;
    m_found.clear();
    m_pages.clear();
    m_count = UnifiedMailbox(m_sources).count(m_view);
    endResetModel();
}

void UnifiedListModel::showEntries(const QList<UnifiedMailbox::Entry> &entries)
{
    beginResetModel();
    m_search = true;
    m_found = entries;
    m_pages.clear();
    m_count = static_cast<int>(entries.size());
    endResetModel();
}

const UnifiedMailbox::Entry *UnifiedListModel::cachedRow(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    if (m_search)
        return &m_found.at(row);
    const int page = row / kPageSize;
    QList<UnifiedMailbox::Entry> *rows = m_pages.object(page);
    if (!rows) {
        rows = new QList<UnifiedMailbox::Entry>(
            UnifiedMailbox(m_sources).page(m_view, page * kPageSize, kPageSize));
        m_pages.insert(page, rows);
    }
    const int offset = row % kPageSize;
    // Messages gone since the count was read leave the page short: no row rather than a wrong one.
    return offset < rows->size() ? &rows->at(offset) : nullptr;
}

std::optional<UnifiedMailbox::Entry> UnifiedListModel::entryAt(int row) const
{
    const UnifiedMailbox::Entry *entry = cachedRow(row);
    return entry ? std::optional<UnifiedMailbox::Entry>(*entry) : std::nullopt;
}

int UnifiedListModel::rowFor(const QString &accountId, qint64 rowId, int nearRow) const
{
    const auto matches = [&](const UnifiedMailbox::Entry &entry) {
        return entry.accountId == accountId && entry.message.rowId == rowId;
    };
    if (m_search) {
        for (int row = 0; row < m_found.size(); ++row) {
            if (matches(m_found.at(row)))
                return row;
        }
        return -1;
    }
    // Its page and the next (a message arriving above it pushes it down) are read if need be.
    for (const int row : {nearRow, nearRow + kPageSize})
        cachedRow(std::min(row, m_count - 1));
    const QList<int> pages = m_pages.keys();
    for (const int page : pages) {
        const QList<UnifiedMailbox::Entry> *rows = m_pages.object(page);
        for (int offset = 0; offset < rows->size(); ++offset) {
            if (matches(rows->at(offset)))
                return page * kPageSize + offset;
        }
    }
    return -1;
}

int UnifiedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int UnifiedListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnifiedListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const UnifiedMailbox::Entry *entry = cachedRow(index.row());
    if (!entry)
        return {};
    const CachedMessage &message = entry->message;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SubjectColumn:
            return message.headers.subject.isEmpty() ? MessageListModel::tr("(no subject)")
                                                     : message.headers.subject;
        case CorrespondentColumn:
            return message.headers.from.name.isEmpty() ? message.headers.from.address
                                                       : message.headers.from.name;
        case AccountColumn:
            return m_names.value(entry->accountId, entry->accountId);
        case DateColumn:
            return MessageListModel::formatDate(message.headers.date, Clock::currentDateTime());
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CorrespondentColumn)
            return message.headers.from.toDisplayString();
        if (index.column() == DateColumn)
            return QLocale().toString(message.headers.date.toLocalTime(), QLocale::LongFormat);
        if (index.column() == AccountColumn)
            return tr("%1, folder %2")
                .arg(m_names.value(entry->accountId, entry->accountId), entry->folderPath);
        return message.preview;
    case Qt::FontRole:
        if (!message.isSeen()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SubjectColumn) {
            if (message.isFlagged())
                return ThemeIcons::themed(u"emblem-important"_s, QStyle::SP_MessageBoxWarning);
            if (message.hasAttachments)
                return ThemeIcons::themed(u"mail-attachment"_s, QStyle::SP_FileIcon);
        }
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == SubjectColumn)
            return MessageListModel::spokenSummary(message, message.headers.from, false,
                                                   m_names.value(entry->accountId, entry->accountId));
        break;
    case UidRole:
        return message.uid;
    case SeenRole:
        return message.isSeen();
    case FlaggedRole:
        return message.isFlagged();
    case HasAttachmentsRole:
        return message.hasAttachments;
    case RowIdRole:
        return message.rowId;
    case AccountIdRole:
        return entry->accountId;
    case FolderPathRole:
        return entry->folderPath;
    default:
        break;
    }
    return {};
}

QVariant UnifiedListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn:
        return MessageListModel::tr("Subject");
    case CorrespondentColumn:
        return MessageListModel::tr("Correspondent");
    case AccountColumn:
        return tr("Account");
    case DateColumn:
        return MessageListModel::tr("Date");
    }
    return {};
}

} // namespace Amiens
