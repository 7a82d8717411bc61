#include "UnifiedProbe.h"

#include "ProbeReport.h"
#include "UnifiedListModel.h"
#include "UnifiedListView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QScrollBar>
#include <QTreeView>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Amiens::Bench {

UnifiedProbe::UnifiedProbe(QList<UnifiedMailbox::Source> sources, QStringList searches, int scrollCapSeconds)
    : m_sources(std::move(sources))
    , m_searches(std::move(searches))
    , m_scrollCapSeconds(scrollCapSeconds)
    , m_model(new UnifiedListModel(this))
    , m_list(new QTreeView)
{
    // As UnifiedListView sets it up.
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setModel(m_model);
    m_model->readRestAfterPaintsOf(m_list); // as UnifiedListView: the rest after the first screen
    m_list->resize(1280, 800);
}

UnifiedProbe::~UnifiedProbe()
{
    delete m_list;
}

void UnifiedProbe::start()
{
    QHash<QString, QString> names;
    for (const UnifiedMailbox::Source &source : std::as_const(m_sources))
        names.insert(source.accountId, source.accountId);
    m_list->viewport()->installEventFilter(this);
    m_model->setSources(m_sources, names);
    m_model->setView(UnifiedMailbox::View::Inboxes);
    m_list->show();
}

bool UnifiedProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_firstScreenSeen && event->type() == QEvent::Paint && m_model->rowCount() > 0 &&
        watched == m_list->viewport()) {
        m_firstScreenSeen = true;
        QMetaObject::invokeMethod(this, &UnifiedProbe::afterFirstScreen, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void UnifiedProbe::afterFirstScreen()
{
    std::printf("first-screen\n");
    std::fflush(stdout);
    report("rows", m_model->rowCount());
    report("rss-after-open-mb", residentKilobytes("VmRSS:") / 1024.0);
    measureViews();
    measureSearches();
    measureScrolling();
    report("rss-peak-mb", residentKilobytes("VmHWM:") / 1024.0);
    QApplication::quit();
}

double UnifiedProbe::showView(UnifiedMailbox::View view)
{
    QElapsedTimer timer;
    timer.start();
    m_model->setView(view);
    m_list->scrollToTop();
    m_list->viewport()->repaint();
    return timer.nsecsElapsed() / 1e6;
}

void UnifiedProbe::measureViews()
{
    // Each view opened (ids read, first screen painted), then a jump to its last screen.
    const std::pair<UnifiedMailbox::View, const char *> views[] = {
        {UnifiedMailbox::View::Inboxes, "inboxes"},
        {UnifiedMailbox::View::Unread, "unread"},
        {UnifiedMailbox::View::Flagged, "flagged"},
    };
    for (const auto &[view, name] : views) {
        const double opened = showView(view);
        QElapsedTimer timer;
        timer.start();
        // What follows the first screen in the window: the rest of the list's ids, queued by its
        // paint; then the jump.
        QCoreApplication::sendPostedEvents();
        m_list->scrollToBottom();
        m_list->viewport()->repaint();
        const double end = timer.nsecsElapsed() / 1e6;
        std::printf("view %s %d %.3f %.3f\n", name, m_model->rowCount(), opened, end);
        std::fflush(stdout);
    }
    showView(UnifiedMailbox::View::Inboxes);
    QCoreApplication::sendPostedEvents(); // the rest of the ids, for the next step
}

void UnifiedProbe::measureSearches()
{
    // What the window does for a search across accounts, then the list painted.
    for (const QString &query : std::as_const(m_searches)) {
        QElapsedTimer timer;
        timer.start();
        m_model->showRows(UnifiedMailbox(m_sources).searchRows(query, UnifiedListView::kSearchLimit));
        m_list->scrollToTop();
        m_list->viewport()->repaint();
        const double milliseconds = timer.nsecsElapsed() / 1e6;
        std::printf("search %.3f %d %s\n", milliseconds, m_model->rowCount(), query.toUtf8().constData());
        std::fflush(stdout);
    }
    showView(UnifiedMailbox::View::Inboxes);
    QCoreApplication::sendPostedEvents(); // the rest of the ids, for the next step
}

void UnifiedProbe::measureScrolling()
{
    // The merged inboxes page by page from the top, each page painted, until the end or the cap.
    QScrollBar *bar = m_list->verticalScrollBar();
    bar->setValue(0);
    QElapsedTimer timer;
    timer.start();
    int pages = 0;
    bool capped = false;
    while (true) {
        m_list->viewport()->repaint();
        ++pages;
        if (bar->value() >= bar->maximum())
            break;
        if (timer.elapsed() > m_scrollCapSeconds * 1000LL) {
            capped = true;
            break;
        }
        bar->setValue(std::min(bar->maximum(), bar->value() + bar->pageStep()));
    }
    report("scroll-all-ms", timer.nsecsElapsed() / 1e6);
    report("scroll-pages", pages);
    // How far it got: the first row of the last screen painted, of how many.
    report("scroll-reached-row", m_list->indexAt(QPoint(0, 0)).row());
    report("scroll-capped", capped ? 1 : 0);
    report("rss-after-scroll-mb", residentKilobytes("VmRSS:") / 1024.0);
}

} // namespace Amiens::Bench
