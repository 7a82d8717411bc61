#include "DesktopNotifier.h"

// AMIENS_HAVE_DBUS comes from ui/CMakeLists.txt when Qt has its D-Bus module (not on Windows).
#ifdef AMIENS_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
constexpr QLatin1StringView kService{"org.freedesktop.Notifications"};
constexpr QLatin1StringView kPath{"/org/freedesktop/Notifications"};
constexpr QLatin1StringView kInterface{"org.freedesktop.Notifications"};
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
#ifdef AMIENS_HAVE_DBUS
    QDBusConnection::sessionBus().connect(kService, kPath, kInterface, u"ActionInvoked"_s, this,
                                          SLOT(onActionInvoked(uint, QString)));
#endif
}

bool DesktopNotifier::available() const
{
#ifdef AMIENS_HAVE_DBUS
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    // The service may also be started on demand by D-Bus activation.
    return bus.interface()->isServiceRegistered(kService).value() ||
           bus.interface()->activatableServiceNames().value().contains(kService);
#else
    return false;
#endif
}

void DesktopNotifier::notify(const QString &summary, const QString &body)
{
#ifdef AMIENS_HAVE_DBUS
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, u"Notify"_s);
    const QVariantMap hints{
        {u"desktop-entry"_s, u"fr.ac-amiens.AmiensMail"_s},
        {u"category"_s, u"email.arrived"_s},
    };
    call << u"AmiensMail"_s << m_lastId << u"fr.ac-amiens.AmiensMail"_s << summary << body
         << QStringList{u"default"_s, tr("Open")} << hints << -1;
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        const QDBusPendingReply<uint> reply = *finished;
        if (reply.isValid())
            m_lastId = reply.value();
        finished->deleteLater();
    });
#else
    Q_UNUSED(summary)
    Q_UNUSED(body)
#endif
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    if (id == m_lastId && action == "default"_L1)
        Q_EMIT activated();
}

} // namespace Amiens
