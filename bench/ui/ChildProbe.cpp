#include "ChildProbe.h"

#include "MainWindow.h"
#include "MessageListModel.h"
#include "MessageView.h"
#include "ProbeReport.h"
#include "cache/CachedMessage.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Amiens::Bench {

ChildProbe::ChildProbe(MainWindow &window, QStringList searches)
    : m_window(window)
    , m_searches(std::move(searches))
{
}

void ChildProbe::start()
{
    m_window.messageList()->viewport()->installEventFilter(this);
    m_window.show();
}

bool ChildProbe::eventFilter(QObject *watched, QEvent *event)
{
    // The first paint of the list with rows in it is the first screen; report once it is done.
    if (!m_firstScreenSeen && event->type() == QEvent::Paint && m_window.messageModel()->rowCount() > 0 &&
        watched == m_window.messageList()->viewport()) {
        m_firstScreenSeen = true;
        QMetaObject::invokeMethod(this, &ChildProbe::afterFirstScreen, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void ChildProbe::afterFirstScreen()
{
    std::printf("first-screen\n");
    std::fflush(stdout);
    // What follows the first screen in the window, before the user can scroll: the rest of the
    // list's ids (queued by the first paint), the view laying them out, painted again.
    QElapsedTimer timer;
    timer.start();
    QCoreApplication::sendPostedEvents();
    m_window.messageList()->viewport()->repaint();
    report("rest-ms", timer.nsecsElapsed() / 1e6);
    report("rows", m_window.messageModel()->rowCount());
    report("rss-after-open-mb", residentKilobytes("VmRSS:") / 1024.0);
    measureSearches();
    measureScrolling();
    measureOpeningLargest();
    report("rss-peak-mb", residentKilobytes("VmHWM:") / 1024.0);
    QApplication::quit();
}

void ChildProbe::measureSearches()
{
    // What the user waits for: the query, the list refilled, its first screen painted.
    for (const QString &query : std::as_const(m_searches)) {
        QElapsedTimer timer;
        timer.start();
        m_window.searchField()->setText(query);
        Q_EMIT m_window.searchField()->returnPressed();
        m_window.messageList()->viewport()->repaint();
        const double milliseconds = timer.nsecsElapsed() / 1e6;
        std::printf("search %.3f %d %s\n", milliseconds, m_window.messageModel()->rowCount(),
                    query.toUtf8().constData());
        std::fflush(stdout);
    }
    m_window.searchField()->clear();
    Q_EMIT m_window.searchField()->returnPressed();
}

void ChildProbe::measureScrolling()
{
    // Page by page from the top to the bottom, each page painted: every row is fetched once.
    QTreeView *list = m_window.messageList();
    // The search cleared, the folder's list was read again: its first rows, then the rest.
    list->viewport()->repaint();
    QCoreApplication::sendPostedEvents();
    QScrollBar *bar = list->verticalScrollBar();
    bar->setValue(0);
    QElapsedTimer timer;
    timer.start();
    int pages = 0;
    while (true) {
        list->viewport()->repaint();
        ++pages;
        if (bar->value() >= bar->maximum())
            break;
        bar->setValue(std::min(bar->maximum(), bar->value() + bar->pageStep()));
    }
    report("scroll-all-ms", timer.nsecsElapsed() / 1e6);
    report("scroll-pages", pages);
    report("scroll-reached-row", list->indexAt(QPoint(0, 0)).row());
    report("rss-after-scroll-mb", residentKilobytes("VmRSS:") / 1024.0);
}

void ChildProbe::measureOpeningLargest()
{
    // The user sorts by size and clicks the biggest messages (scanned PDFs, photo zips): from the
    // click to the message's first screen painted; the rest of a long text follows while reading.
    MessageListModel *model = m_window.messageModel();
    QTreeView *list = m_window.messageList();
    model->sort(MessageListModel::SizeColumn, Qt::DescendingOrder);
    // As in the window, the sorted list is painted and its rest read before the user clicks.
    list->viewport()->repaint();
    QCoreApplication::sendPostedEvents();
    const int count = std::min(3, model->rowCount());
    for (int row = 0; row < count; ++row) {
        const QModelIndex index = model->index(row, MessageListModel::SubjectColumn);
        const std::optional<CachedMessage> message = model->messageAt(row);
        const double megabytes = message ? message->size / (1024.0 * 1024.0) : 0.0;
        if (megabytes < 1.0)
            break; // a generated cache of small messages: nothing big to open
        QElapsedTimer timer;
        timer.start();
        list->setCurrentIndex(index);
        m_window.messageView()->repaint();
        const double milliseconds = timer.nsecsElapsed() / 1e6;
        std::printf("open %.3f %.1f\n", milliseconds, megabytes);
        std::fflush(stdout);
    }
}

} // namespace Amiens::Bench
