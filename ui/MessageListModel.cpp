#include "MessageListModel.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Amiens {

MessageListModel::MessageListModel(MailCache *cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
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

void MessageListModel::showRowIds(const QList<qint64> &rowIds)
{
    beginResetModel();
    m_search = true;
    m_pages.clear();
    m_rowIds = rowIds;
    endResetModel();
}

void MessageListModel::reload()
{
    beginResetModel();
    m_search = false;
    m_pages.clear();
    m_rowIds = (m_folderId && m_cache && m_cache->isOpen()) ? m_cache->messageRowIds(m_folderId, m_query)
                                                            : QList<qint64>();
    endResetModel();
}

const CachedMessage *MessageListModel::cachedRow(int row) const
{
    if (row < 0 || row >= m_rowIds.size())
        return nullptr;
    const int page = row / kPageSize;
    QList<CachedMessage> *rows = m_pages.object(page);
    if (!rows) {
        rows = new QList<CachedMessage>(
            m_cache->messagesByRowIds(m_rowIds.mid(qsizetype(page) * kPageSize, kPageSize)));
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

int MessageListModel::rowForUid(quint32 uid) const
{
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
        case SubjectColumn:
            return message->headers.subject.isEmpty() ? tr("(no subject)") : message->headers.subject;
        case CorrespondentColumn: {
            // In Sent, the person is the recipient.
            const MailAddress who = m_sentFolder ? message->headers.to.value(0) : message->headers.from;
            return who.name.isEmpty() ? who.address : who.name;
        }
        case DateColumn:
            return formatDate(message->headers.date, QDateTime::currentDateTime());
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
                return QIcon::fromTheme(u"emblem-important"_s,
                                        QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
            if (message->hasAttachments)
                return QIcon::fromTheme(u"mail-attachment"_s,
                                        QApplication::style()->standardIcon(QStyle::SP_FileIcon));
        }
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == SubjectColumn) {
            QStringList parts{message->headers.subject};
            if (!message->isSeen())
                parts.append(tr("unread"));
            if (message->isFlagged())
                parts.append(tr("flagged"));
            if (message->hasAttachments)
                parts.append(tr("with attachments"));
            return parts.join(u", "_s);
        }
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
        m_query.sortKey = MailCache::SortKey::Subject;
        break;
    case CorrespondentColumn:
        m_query.sortKey = MailCache::SortKey::Sender;
        break;
    case SizeColumn:
        m_query.sortKey = MailCache::SortKey::Size;
        break;
    default:
        m_query.sortKey = MailCache::SortKey::Date;
        break;
    }
    m_query.descending = order == Qt::DescendingOrder;
    reload();
}

} // namespace Amiens
