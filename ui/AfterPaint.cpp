#include "AfterPaint.h"

#include <QEvent>
#include <QWidget>

namespace Amiens {

AfterPaint::AfterPaint(std::function<bool()> wanted, std::function<void()> work, QObject *parent)
    : QObject(parent)
    , m_wanted(std::move(wanted))
    , m_work(std::move(work))
{
}

void AfterPaint::watch(QWidget *widget)
{
    if (m_widget)
        m_widget->removeEventFilter(this);
    m_widget = widget;
    if (m_widget)
        m_widget->installEventFilter(this);
}

bool AfterPaint::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && watched == m_widget && !m_queued && m_wanted()) {
        // After this paint, not within it: what it painted reaches the display first.
        m_queued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_queued = false;
                m_work();
            },
            Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Amiens
