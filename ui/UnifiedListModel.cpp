#include "UnifiedListModel.h"

#include "MessageListModel.h"
#include "ThemeIcons.h"
#include "util/Clock.h"

#include <QAbstractItemView>
#include <QFont>
#include <QLocale>
#include <QStyle>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

UnifiedListModel::UnifiedListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_readRestAfterPaint([this] { return m_moreRows; }, [this] { readRest(); })
{
}

void UnifiedListModel::setSources(const QList<UnifiedMailbox::Source> &sources,
                                  const QHash<QString, QString> &names)
{
    // The rows name their source by its place in the list: none may outlive it.
    beginResetModel();
    m_mailbox = UnifiedMailbox(sources);
    m_names = names;
    m_rows.clear();
    m_moreRows = false;
    m_pages.clear();
    endResetModel();
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
    m_pages.clear();
    m_rows = m_mailbox.rows(m_view, kFirstRows);
    m_moreRows = m_rows.size() == kFirstRows;
    endResetModel();
}

void UnifiedListModel::readRestAfterPaintsOf(QAbstractItemView *view)
{
    m_readRestAfterPaint.watch(view->viewport());
}

void UnifiedListModel::readRest()
{
    if (!m_moreRows)
        return;
    m_moreRows = false;
    QList<UnifiedMailbox::Row> all = m_mailbox.rows(m_view);
    if (all.size() < m_rows.size() || !std::equal(m_rows.cbegin(), m_rows.cend(), all.cbegin())) {
        // Mail arrived or went between the two reads: the first rows moved.
        beginResetModel();
        m_pages.clear();
        m_rows = std::move(all);
        endResetModel();
        return;
    }
    if (all.size() == m_rows.size())
        return;
    // The pages read so far cover whole pages of the same rows: they stay.
    beginInsertRows({}, int(m_rows.size()), int(all.size()) - 1);
    m_rows = std::move(all);
    endInsertRows();
}

void UnifiedListModel::showRows(const QList<UnifiedMailbox::Row> &rows)
{
    beginResetModel();
    m_search = true;
    m_pages.clear();
    m_rows = rows;
    m_moreRows = false;
    endResetModel();
}

const UnifiedMailbox::Entry *UnifiedListModel::cachedRow(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    const int page = row / kPageSize;
    Page *entries = m_pages.object(page);
    if (!entries) {
        entries = new Page(m_mailbox.entries(m_rows.mid(qsizetype(page) * kPageSize, kPageSize)));
        m_pages.insert(page, entries);
    }
    // A message gone since the ids were read has no entry: no row rather than a wrong one.
    const std::optional<UnifiedMailbox::Entry> &entry = entries->at(row % kPageSize);
    return entry ? &*entry : nullptr;
}

std::optional<UnifiedMailbox::Entry> UnifiedListModel::entryAt(int row) const
{
    const UnifiedMailbox::Entry *entry = cachedRow(row);
    return entry ? std::optional<UnifiedMailbox::Entry>(*entry) : std::nullopt;
}

int UnifiedListModel::rowFor(const QString &accountId, qint64 rowId, int nearRow)
{
    const QList<UnifiedMailbox::Source> &sources = m_mailbox.sources();
    int source = 0;
    while (source < sources.size() && sources.at(source).accountId != accountId)
        ++source;
    const UnifiedMailbox::Row wanted{source, rowId};
    const auto find = [&]() -> int {
        // From where it was (a message arriving above it pushes it down), then the rows before.
        const qsizetype start = std::clamp<qsizetype>(nearRow, 0, m_rows.size());
        const auto found = std::find(m_rows.cbegin() + start, m_rows.cend(), wanted);
        if (found != m_rows.cend())
            return int(found - m_rows.cbegin());
        const auto before = std::find(m_rows.cbegin(), m_rows.cbegin() + start, wanted);
        return before != m_rows.cbegin() + start ? int(before - m_rows.cbegin()) : -1;
    };
    int row = find();
    // Further down than the first rows read so far: the rest of the list is read.
    if (row < 0 && m_moreRows) {
        readRest();
        row = find();
    }
    return row;
}

int UnifiedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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
