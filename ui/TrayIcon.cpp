#include "TrayIcon.h"

#include <QAction>
#include <QColor>
#include <QFont>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace Amiens {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
{
    if (!supported())
        return;
    m_tray = new QSystemTrayIcon(applicationIcon(), this);
    auto *menu = new QMenu;
    menu->addAction(tr("Show AmiensMail"), this, &TrayIcon::showWindowRequested);
    menu->addAction(tr("New message"), this, &TrayIcon::newMessageRequested);
    menu->addSeparator();
    menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showWindowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::showWindowRequested);
    m_tray->setToolTip(toolTip());
    m_tray->show();
}

TrayIcon::~TrayIcon()
{
    if (m_tray)
        delete m_tray->contextMenu();
}

bool TrayIcon::supported()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QIcon TrayIcon::applicationIcon()
{
    // The installed icon theme first (the desktop may restyle it), else the copy built in.
    QIcon icon;
    if (QIcon::hasThemeIcon(u"fr.ac-amiens.AmiensMail"_s))
        icon = QIcon::fromTheme(u"fr.ac-amiens.AmiensMail"_s);
    if (icon.isNull() || icon.pixmap(32, 32).isNull()) {
        icon = QIcon();
        for (const int size : {16, 32, 48, 64, 128, 256})
            icon.addFile(u":/icons/%1x%1/apps/fr.ac-amiens.AmiensMail.png"_s.arg(size), QSize(size, size));
    }
    return icon;
}

QIcon TrayIcon::withBadge(const QIcon &icon, int count)
{
    if (count <= 0)
        return icon;
    QIcon badged;
    const QString label = count > 99 ? u"99+"_s : QString::number(count);
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = icon.pixmap(size, size);
        if (pixmap.isNull())
            continue;
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal diameter = size * 0.62;
        const QRectF badge(size - diameter, size - diameter, diameter, diameter);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc6, 0x28, 0x28));
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(qMax(6, static_cast<int>(diameter * (label.size() > 2 ? 0.38 : 0.55))));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, label);
        painter.end();
        badged.addPixmap(pixmap);
    }
    return badged;
}

void TrayIcon::setUnreadCount(int count)
{
    m_unread = qMax(0, count);
    if (!m_tray)
        return;
    m_tray->setIcon(withBadge(applicationIcon(), m_unread));
    m_tray->setToolTip(toolTip());
}

void TrayIcon::setAccountCounts(const QList<std::pair<QString, int>> &counts)
{
    m_accounts = counts;
    int total = 0;
    for (const auto &account : counts)
        total += account.second;
    setUnreadCount(total);
}

QString TrayIcon::toolTip() const
{
    QString text = m_unread == 0 ? tr("AmiensMail: no unread message")
                                 : tr("AmiensMail: %n unread message(s)", nullptr, m_unread);
    // Several mailboxes: how many in each, in the window's order.
    if (m_accounts.size() > 1) {
        for (const auto &[name, count] : m_accounts)
            text += u'\n' + tr("%1: %2").arg(name).arg(count);
    }
    return text;
}

void TrayIcon::showMessage(const QString &title, const QString &text)
{
    if (m_tray)
        m_tray->showMessage(title, text, applicationIcon());
}

} // namespace Amiens
