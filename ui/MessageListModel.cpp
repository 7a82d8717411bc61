#include "MessageListModel.h"

#include "ThemeIcons.h"
#include "util/Clock.h"

#include <QAbstractItemView>
#include <QFont>
#include <QLocale>
#include <QMimeData>
#include <QSet>
#include <QStyle>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

MessageListModel::MessageListModel(MailCache *cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
    , m_readRestAfterPaint([this] { return m_moreRows; }, [this] { readRest(); })
{
}

void MessageListModel::setFolder(qint64 folderId, bool sentFolder)
{
    m_folderId = folderId;
    m_sentFolder = sentFolder;
    reload();
}

void MessageListModel::setFilter(bool unreadOnly, bool flaggedOnly, bool withAttachmentsOnly)
{
    m_query.unreadOnly = unreadOnly;
    m_query.flaggedOnly = flaggedOnly;
    m_query.withAttachmentsOnly = withAttachmentsOnly;
    reload();
}

void MessageListModel::setThreaded(bool threaded)
{
    if (threaded == m_threaded)
        return;
    m_threaded = threaded;
    if (!m_search)
        reload();
}

void MessageListModel::showRowIds(const QList<qint64> &rowIds)
{
    beginResetModel();
    m_search = true;
    m_moreRows = false;
    m_pages.clear();
    m_rowIds = rowIds;
    m_depths.clear();
    endResetModel();
}

void MessageListModel::reload()
{
    beginResetModel();
    m_search = false;
    m_moreRows = false;
    m_pages.clear();
    m_rowIds.clear();
    m_depths.clear();
    if (m_folderId && m_cache && m_cache->isOpen()) {
        if (m_threaded) {
            const QList<MessageThreader::Row> rows =
                MessageThreader::thread(m_cache->messageStore().threadKeys(m_folderId, m_query));
            m_rowIds.reserve(rows.size());
            m_depths.reserve(rows.size());
            for (const MessageThreader::Row &row : rows) {
                m_rowIds.append(row.rowId);
                m_depths.append(row.depth);
            }
        } else {
            m_rowIds = m_cache->messageStore().messageRowIds(m_folderId, m_query, kFirstRows);
            m_moreRows = m_rowIds.size() == kFirstRows;
        }
    }
    endResetModel();
}

void MessageListModel::readRestAfterPaintsOf(QAbstractItemView *view)
{
    m_readRestAfterPaint.watch(view->viewport());
}

void MessageListModel::readRest()
{
    if (!m_moreRows)
        return;
    m_moreRows = false;
    if (!m_cache || !m_cache->isOpen())
        return;
    QList<qint64> all = m_cache->messageStore().messageRowIds(m_folderId, m_query);
    if (all.size() < m_rowIds.size() || !std::equal(m_rowIds.cbegin(), m_rowIds.cend(), all.cbegin())) {
        // Mail arrived or went between the two reads: the first rows moved.
        beginResetModel();
        m_pages.clear();
        m_rowIds = std::move(all);
        endResetModel();
        return;
    }
    if (all.size() == m_rowIds.size())
        return;
    // The pages read so far cover whole pages of the same rows: they stay.
    beginInsertRows({}, int(m_rowIds.size()), int(all.size()) - 1);
    m_rowIds = std::move(all);
    endInsertRows();
}

int MessageListModel::rowForRowId(qint64 rowId)
{
    if (rowId <= 0) // no message (nothing was selected): no need to read the rest
        return -1;
    qsizetype row = m_rowIds.indexOf(rowId);
    // Further down than the first rows read so far: the rest of the list is read.
    if (row < 0 && m_moreRows) {
        readRest();
        row = m_rowIds.indexOf(rowId);
    }
    return int(row);
}

void MessageListModel::refreshRows()
{
    m_pages.clear();
    if (!m_rowIds.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QList<qint64> MessageListModel::rowIdsFromMimeData(const QMimeData *data)
{
    QList<qint64> rowIds;
    if (!data)
        return rowIds;
    const QList<QByteArray> parts = data->data(kMimeType).split(',');
    for (const QByteArray &part : parts) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (ok && id > 0)
            rowIds.append(id);
    }
    return rowIds;
}

Qt::ItemFlags MessageListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid())
        result |= Qt::ItemIsDragEnabled;
    return result;
}

QStringList MessageListModel::mimeTypes() const
{
    return {kMimeType};
}

QMimeData *MessageListModel::mimeData(const QModelIndexList &indexes) const
{
    QList<QByteArray> ids;
    QSet<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !rows.contains(index.row()) && index.row() < m_rowIds.size()) {
            rows.insert(index.row());
            ids.append(QByteArray::number(m_rowIds.at(index.row())));
        }
    }
    if (ids.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(kMimeType, ids.join(','));
    return data;
}

Qt::DropActions MessageListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

const CachedMessage *MessageListModel::cachedRow(int row) const
{
    if (row < 0 || row >= m_rowIds.size())
        return nullptr;
    const int page = row / kPageSize;
    QList<CachedMessage> *rows = m_pages.object(page);
    if (!rows) {
        rows = new QList<CachedMessage>(
            m_cache->messageStore().messagesByRowIds(m_rowIds.mid(qsizetype(page) * kPageSize, kPageSize)));
        m_pages.insert(page, rows);
    }
    const int offset = row % kPageSize;
    // A message deleted since the ids were read leaves its page short: no row rather than a
    // wrong one.
    if (offset >= rows->size() || rows->at(offset).rowId != m_rowIds.at(row))
        return nullptr;
    return &rows->at(offset);
}

std::optional<CachedMessage> MessageListModel::messageAt(int row) const
{
    const CachedMessage *message = cachedRow(row);
    return message ? std::optional<CachedMessage>(*message) : std::nullopt;
}

int MessageListModel::rowForUid(quint32 uid)
{
    readRest();
    for (int row = 0; row < m_rowIds.size(); ++row) {
        const CachedMessage *message = cachedRow(row);
        if (message && message->uid == uid)
            return row;
    }
    return -1;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rowIds.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MessageListModel::formatDate(const QDateTime &date, const QDateTime &now)
{
    if (!date.isValid())
        return {};
    const QDateTime local = date.toLocalTime();
    const QLocale locale;
    if (local.date() == now.toLocalTime().date())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QString MessageListModel::spokenSummary(const CachedMessage &message, const MailAddress &correspondent,
                                        bool sent, const QString &accountName)
{
    QStringList parts{message.headers.subject.isEmpty() ? tr("(no subject)") : message.headers.subject};
    if (!accountName.isEmpty())
        parts.append(accountName);
    const QString who = correspondent.name.isEmpty() ? correspondent.address : correspondent.name;
    if (!who.isEmpty())
        parts.append(sent ? tr("to %1").arg(who) : tr("from %1").arg(who));
    if (message.headers.date.isValid()) {
        const QDateTime local = message.headers.date.toLocalTime();
        parts.append(QLocale().toString(local.date(), QLocale::LongFormat) + u' ' +
                     QLocale().toString(local.time(), QLocale::ShortFormat));
    }
    if (!message.isSeen())
        parts.append(tr("unread"));
    if (message.isFlagged())
        parts.append(tr("flagged"));
    if (message.hasAttachments)
        parts.append(tr("with attachments"));
    return parts.join(u", "_s);
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const CachedMessage *message = cachedRow(index.row());
    if (!message)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SubjectColumn: {
            const QString subject =
                message->headers.subject.isEmpty() ? tr("(no subject)") : message->headers.subject;
            const int depth = m_depths.value(index.row());
            // Replies indented under their parent, a few levels at most so the subject stays visible.
            return depth == 0 ? subject : QString(std::min(depth, 6) * 3, u' ') + u"↳ "_s + subject;
        }
        case CorrespondentColumn: {
            // In Sent, the person is the recipient.
            const MailAddress who = m_sentFolder ? message->headers.to.value(0) : message->headers.from;
            return who.name.isEmpty() ? who.address : who.name;
        }
        case DateColumn:
            return formatDate(message->headers.date, Clock::currentDateTime());
        case SizeColumn:
            return QLocale().formattedDataSize(message->size, 0);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CorrespondentColumn)
            return (m_sentFolder ? message->headers.to.value(0) : message->headers.from).toDisplayString();
        if (index.column() == DateColumn)
            return QLocale().toString(message->headers.date.toLocalTime(), QLocale::LongFormat);
        return message->preview;
    case Qt::FontRole:
        if (!message->isSeen()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SubjectColumn) {
            if (message->isFlagged())
                return ThemeIcons::themed(u"emblem-important"_s, QStyle::SP_MessageBoxWarning);
            if (message->hasAttachments)
                return ThemeIcons::themed(u"mail-attachment"_s, QStyle::SP_FileIcon);
        }
        break;
    case Qt::AccessibleTextRole:
        // The row's first cell (where the focus lands) says everything; the others their own text.
        if (index.column() == SubjectColumn)
            return spokenSummary(
                *message, m_sentFolder ? message->headers.to.value(0) : message->headers.from, m_sentFolder);
        break;
    case UidRole:
        return message->uid;
    case SeenRole:
        return message->isSeen();
    case FlaggedRole:
        return message->isFlagged();
    case HasAttachmentsRole:
        return message->hasAttachments;
    case RowIdRole:
        return message->rowId;
    case ThreadDepthRole:
        return m_depths.value(index.row());
    default:
        break;
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn:
        return tr("Subject");
    case CorrespondentColumn:
        return m_sentFolder ? tr("Recipient") : tr("Correspondent");
    case DateColumn:
        return tr("Date");
    case SizeColumn:
        return tr("Size");
    }
    return {};
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    switch (column) {
    case SubjectColumn:
        m_query.sortKey = CacheMessageStore::SortKey::Subject;
        break;
    case CorrespondentColumn:
        m_query.sortKey = CacheMessageStore::SortKey::Sender;
        break;
    case SizeColumn:
        m_query.sortKey = CacheMessageStore::SortKey::Size;
        break;
    default:
        m_query.sortKey = CacheMessageStore::SortKey::Date;
        break;
    }
    m_query.descending = order == Qt::DescendingOrder;
    reload();
}

} // namespace Amiens
