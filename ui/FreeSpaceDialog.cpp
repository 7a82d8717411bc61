#include "FreeSpaceDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

enum Column
{
    DateColumn,
    FromColumn,
    SubjectColumn,
    FolderColumn,
    SizeColumn,
};

constexpr int kFolderRole = Qt::UserRole;
constexpr int kUidRole = Qt::UserRole + 1;

QString senderName(const CachedMessage &message)
{
    const MailAddress &from = message.headers.from;
    return from.name.isEmpty() ? from.address : from.name;
}

} // namespace

FreeSpaceDialog::FreeSpaceDialog(const QString &accountName, const QuotaStatus &status,
                                 const CacheSpaceReport &report, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"freeSpaceDialog"_s);
    setWindowTitle(tr("Free up space — %1").arg(accountName));

    m_status = new QLabel(this);
    m_status->setObjectName(u"quotaStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setText(status.level() == QuotaStatus::Level::Unknown
                          ? tr("The server does not say how much room the mailbox has.")
                          : status.message());
    m_usage = new QProgressBar(this);
    m_usage->setObjectName(u"quotaUsageBar"_s);
    m_usage->setAccessibleName(tr("Mailbox usage"));
    m_usage->setRange(0, 100);
    m_usage->setValue(std::clamp(status.percent(), 0, 100));
    m_usage->setVisible(status.percent() >= 0);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"freeSpaceTabs"_s);

    // The Trash and the Junk folder first: emptying them loses nothing the user wanted.
    auto *folders = new QWidget(tabs);
    auto *foldersLayout = new QVBoxLayout(folders);
    foldersLayout->addWidget(new QLabel(tr("Messages in these folders were already put aside."), folders));
    for (const CacheSpaceReport::FolderUsage &usage : report.disposable) {
        const bool trash = usage.role == FolderInfo::Role::Trash;
        auto *button =
            new QPushButton((trash ? tr("Empty the Trash (%n message(s), %1)", nullptr, usage.messages)
                                   : tr("Empty the Junk folder (%n message(s), %1)", nullptr, usage.messages))
                                .arg(sizeText(usage.bytes)),
                            folders);
        button->setObjectName(trash ? u"emptyTrashButton"_s : u"emptyJunkButton"_s);
        button->setEnabled(usage.messages > 0);
        connect(button, &QPushButton::clicked, this, [this, button, path = usage.folderPath] {
            button->setEnabled(false);
            Q_EMIT emptyFolderRequested(path);
        });
        foldersLayout->addWidget(button);
    }
    foldersLayout->addStretch();
    tabs->addTab(folders, tr("Trash and Junk"));

    const struct
    {
        const QList<CacheSpaceReport::Entry> &entries;
        QString objectName;
        QString title;
    } lists[] = {{report.largest, u"largestMessages"_s, tr("Largest messages")},
                 {report.oldestWithAttachments, u"oldestAttachments"_s, tr("Oldest attachments")}};
    for (const auto &list : lists) {
        auto *page = new QWidget(tabs);
        auto *layout = new QVBoxLayout(page);
        QTreeWidget *tree = messageList(list.entries, list.objectName, list.title);
        auto *remove = new QPushButton(tr("Delete the selected messages"), page);
        remove->setObjectName(list.objectName + u"DeleteButton"_s);
        remove->setEnabled(false);
        connect(tree, &QTreeWidget::itemSelectionChanged, remove,
                [remove, tree] { remove->setEnabled(!tree->selectedItems().isEmpty()); });
        connect(remove, &QPushButton::clicked, this, [this, tree] { deleteSelected(tree); });
        auto *hint = new QLabel(tr("Deleted messages go to the Trash: empty it to free the space."), page);
        hint->setWordWrap(true);
        layout->addWidget(hint);
        layout->addWidget(tree);
        layout->addWidget(remove, 0, Qt::AlignRight);
        tabs->addTab(page, list.title);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_usage);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
}

QString FreeSpaceDialog::sizeText(qint64 bytes)
{
    return QuotaStatus::formatSize((bytes + 1023) / 1024);
}

QTreeWidget *FreeSpaceDialog::messageList(const QList<CacheSpaceReport::Entry> &entries,
                                          const QString &objectName, const QString &accessibleName)
{
    auto *tree = new QTreeWidget(this);
    tree->setObjectName(objectName);
    tree->setAccessibleName(accessibleName);
    tree->setRootIsDecorated(false);
    tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree->setHeaderLabels({tr("Date"), tr("From"), tr("Subject"), tr("Folder"), tr("Size")});
    tree->header()->setSectionResizeMode(SubjectColumn, QHeaderView::Stretch);
    const QLocale locale;
    for (const CacheSpaceReport::Entry &entry : entries) {
        auto *item = new QTreeWidgetItem(tree);
        item->setText(DateColumn,
                      locale.toString(entry.message.headers.date.toLocalTime().date(), QLocale::ShortFormat));
        item->setText(FromColumn, senderName(entry.message));
        item->setText(SubjectColumn, entry.message.headers.subject);
        item->setText(FolderColumn, entry.folderPath);
        item->setText(SizeColumn, sizeText(entry.message.size));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, kFolderRole, entry.folderPath);
        item->setData(0, kUidRole, entry.message.uid);
    }
    m_lists.append(tree);
    return tree;
}

void FreeSpaceDialog::deleteSelected(QTreeWidget *list)
{
    QMap<QString, QList<quint32>> byFolder;
    const QList<QTreeWidgetItem *> selected = list->selectedItems();
    for (QTreeWidgetItem *item : selected)
        byFolder[item->data(0, kFolderRole).toString()].append(item->data(0, kUidRole).toUInt());
    // The rows go at once, from every list (a big old attachment is in both): the messages leave
    // the cache through the queue, as any deletion, and must not be asked for twice.
    for (QTreeWidget *tree : std::as_const(m_lists)) {
        for (int row = tree->topLevelItemCount() - 1; row >= 0; --row) {
            QTreeWidgetItem *item = tree->topLevelItem(row);
            if (byFolder.value(item->data(0, kFolderRole).toString())
                    .contains(item->data(0, kUidRole).toUInt()))
                delete item;
        }
    }
    for (auto it = byFolder.cbegin(); it != byFolder.cend(); ++it)
        Q_EMIT deleteRequested(it.key(), it.value());
}

} // namespace Amiens
