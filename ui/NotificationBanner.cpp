#include "NotificationBanner.h"

#include "ThemeColours.h"
#include "ThemeIcons.h"

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
    m_closeButton->setIcon(ThemeIcons::standard(QStyle::SP_DialogCloseButton));
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
    // A tint of the desktop's window colour: the theme's text stays readable on it, dark and
    // high-contrast themes included.
    const ThemeColours::Tone tone = level == Level::Error     ? ThemeColours::Tone::Error
                                    : level == Level::Warning ? ThemeColours::Tone::Warning
                                                              : ThemeColours::Tone::Information;
    setStyleSheet(u"Amiens--NotificationBanner { background: %1; }"_s.arg(
        ThemeColours::background(parentWidget() ? parentWidget()->palette() : palette(), tone).name()));
    show();
}

QString NotificationBanner::text() const
{
    return m_label->text();
}

} // namespace Amiens
