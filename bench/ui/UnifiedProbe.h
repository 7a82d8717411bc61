#pragma once

#include "cache/UnifiedMailbox.h"

#include <QObject>
#include <QStringList>

class QTreeView;

namespace Amiens {
class UnifiedListModel;
}

namespace Amiens::Bench {

/// The measured process for « Tous les comptes »: the window's unified list (UnifiedListModel in a
/// list view of the window's size) on several accounts' caches. Prints "name value" lines like
/// ChildProbe, "first-screen" once the merged inboxes are painted.
class UnifiedProbe : public QObject
{
    Q_OBJECT
public:
    /// @p sources: open caches, owned by the caller; @p scrollCapSeconds bounds the scrolling.
    UnifiedProbe(QList<UnifiedMailbox::Source> sources, QStringList searches, int scrollCapSeconds);
    ~UnifiedProbe() override;

    /// Shows the list of the merged inboxes; the rest runs from the event loop.
    void start();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void afterFirstScreen();
    void measureViews();
    void measureScrolling();
    void measureSearches();
    /// The list shows @p view again, painted: milliseconds.
    double showView(UnifiedMailbox::View view);

    QList<UnifiedMailbox::Source> m_sources;
    QStringList m_searches;
    int m_scrollCapSeconds;
    UnifiedListModel *m_model = nullptr;
    QTreeView *m_list = nullptr;
    bool m_firstScreenSeen = false;
};

} // namespace Amiens::Bench
