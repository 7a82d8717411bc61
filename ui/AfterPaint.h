#pragma once

#include <QObject>
#include <QPointer>
#include <functional>

class QWidget;

namespace Amiens {

/// Runs some work right after a widget has painted, when it is wanted: queued by the paint
/// event, so the screen shows what was painted before the work starts. The message lists paint
/// their first rows, then read the rest of their ids (MessageListModel, UnifiedListModel).
/// Not QAbstractItemModel::fetchMore(): QTreeView calls that while it lays its rows out, before
/// the first paint.
class AfterPaint : public QObject
{
    Q_OBJECT
public:
    /// After a paint, @p work runs once if @p wanted() says so at that paint.
    AfterPaint(std::function<bool()> wanted, std::function<void()> work, QObject *parent = nullptr);

    /// The widget whose paints count (an item view's viewport); replaces the one before.
    void watch(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::function<bool()> m_wanted;
    std::function<void()> m_work;
    QPointer<QWidget> m_widget;
    bool m_queued = false;
};

} // namespace Amiens
