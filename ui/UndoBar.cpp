#include "UndoBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Amiens {

UndoBar::UndoBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_button(new QPushButton(tr("Undo"), this))
    , m_timer(new QTimer(this))
{
    setObjectName(u"undoBar"_s);
    m_button->setObjectName(u"undoButton"_s);
    m_button->setFlat(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_button);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { close(true); });
    connect(m_button, &QPushButton::clicked, this, &UndoBar::undo);
    hide();
}

void UndoBar::offer(const QString &text, qint64 operationId, int seconds)
{
    if (m_operationId != 0)
        close(true);
    m_operationId = operationId;
    m_label->setText(text);
    // A little slack so that the core's window has surely passed when the sync asks.
    m_timer->start(seconds * 1000 + 500);
    show();
}

QString UndoBar::text() const
{
    return m_label->text();
}

void UndoBar::undo()
{
    if (m_operationId == 0)
        return;
    const qint64 operationId = m_operationId;
    close(false);
    Q_EMIT undoRequested(operationId);
}

void UndoBar::close(bool expiredWindow)
{
    const qint64 operationId = m_operationId;
    m_operationId = 0;
    m_timer->stop();
    hide();
    if (expiredWindow && operationId != 0)
        Q_EMIT expired(operationId);
}

} // namespace Amiens
