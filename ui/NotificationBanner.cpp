#include "NotificationBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Amiens {

NotificationBanner::NotificationBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_closeButton(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse |
                                     Qt::LinksAccessibleByKeyboard);
    m_label->setOpenExternalLinks(false);
    connect(m_label, &QLabel::linkActivated, this, &NotificationBanner::linkActivated);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close"));
    m_closeButton->setAccessibleName(tr("Close the message"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);
    connect(m_closeButton, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void NotificationBanner::showMessageAbout(const QString &accountId, Level level, const QString &text,
                                          const QString &details)
{
    showMessage(level, text, details);
    m_about = accountId;
}

void NotificationBanner::hideAbout(const QString &accountId)
{
    if (m_about.isEmpty() || m_about == accountId)
        hide();
}

void NotificationBanner::showMessage(Level level, const QString &text, const QString &details)
{
    m_about.clear();
    m_level = level;
    m_label->setText(text);
    m_label->setToolTip(details);
    const char *colour = level == Level::Error ? "#f8d7da" : level == Level::Warning ? "#fff3cd" : "#d1ecf1";
    setStyleSheet(u"Amiens--NotificationBanner { background: %1; }"_s.arg(QString::fromLatin1(colour)));
    show();
}

QString NotificationBanner::text() const
{
    return m_label->text();
}

} // namespace Amiens
