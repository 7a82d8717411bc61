// The windows the AT-SPI walk (atspi-walk.py) reads, as a user would have them open: the main
// window on an offline mailbox with a message shown, a composer, the settings, the first-run
// assistant and About. In French, as the staff hear them. Prints « READY <windows> » once they
// are all on screen, then runs until its standard input closes. Also makes the screenshots at
// 200 % text and in high contrast (see main()).
#include "AboutDialog.h"
#include "AccountAssistant.h"
#include "ComposerWindow.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "OfflineMailbox.h"
#include "account/Profile.h"
#include "net/TlsTrust.h"
#include "session/AccountSession.h"
#include "settings/SettingsDialog.h"
#include "settings/SitePolicy.h"
#include "util/Translations.h"

#include <QApplication>
#include <QDir>
#include <QPalette>
#include <QPixmap>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Amiens;

int main(int argc, char **argv)
{
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_CONFIG_DIRS", dir.filePath(u"etc"_s).toUtf8());
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"amiens-a11y-windows"_s);
    QApplication::setOrganizationName(u"AmiensMailTests"_s);
    Translations::install(app, u"fr"_s);
    // --high-contrast: white and yellow on black, as the desktops' high-contrast themes;
    // --screenshots DIR: saves each window there and quits (QT_FONT_DPI=192 for 200 % text).
    const QStringList arguments = QApplication::arguments();
    const qsizetype screenshotsAt = arguments.indexOf(u"--screenshots"_s);
    const QString screenshots = screenshotsAt > 0 ? arguments.value(screenshotsAt + 1) : QString();
    if (arguments.contains(u"--high-contrast"_s)) {
        QPalette palette;
        for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::Button,
                                               QPalette::AlternateBase, QPalette::ToolTipBase})
            palette.setColor(role, Qt::black);
        for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                                               QPalette::ToolTipText, QPalette::BrightText})
            palette.setColor(role, Qt::white);
        palette.setColor(QPalette::Highlight, Qt::yellow);
        palette.setColor(QPalette::HighlightedText, Qt::black);
        palette.setColor(QPalette::Link, Qt::yellow);
        palette.setColor(QPalette::PlaceholderText, QColor(0xc0, 0xc0, 0xc0));
        QApplication::setPalette(palette);
    }

    const QString profile = dir.filePath(u"profile"_s);
    QString error;
    const auto trust = Test::OfflineMailbox::create(profile, &error)
                           ? TlsTrust::forAccount(Test::OfflineMailbox::account(), &error)
                           : std::nullopt;
    if (!trust) {
        std::fprintf(stderr, "cannot prepare the mailbox: %s\n", qPrintable(error));
        return 1;
    }
    AccountSession session(Test::OfflineMailbox::account(), *trust);
    session.setCachePath(Test::OfflineMailbox::cacheFile(profile)); // marks messages read offline
    MainWindow window;
    window.setSession(&session);
    window.setCachePath(Test::OfflineMailbox::cacheFile(profile), Test::OfflineMailbox::account().id);
    window.resize(1000, 700);
    window.show();
    window.selectFolder(u"INBOX"_s);
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));

    ComposerWindow composer(Test::OfflineMailbox::account(), dir.filePath(u"outbox"_s));
    composer.show();
    SettingsDialog settings(Profile(profile), Test::OfflineMailbox::account(), SitePolicy());
    settings.show();
    AccountAssistant assistant(Profile(dir.filePath(u"new-profile"_s)), SitePolicy());
    assistant.show();
    AboutDialog about;
    about.show();
    const QList<QWidget *> windows{&window, &composer, &settings, &assistant, &about};
    for (QWidget *shown : windows) {
        if (!QTest::qWaitForWindowExposed(shown)) {
            std::fprintf(stderr, "the window %s did not show\n", qPrintable(shown->objectName()));
            return 1;
        }
    }
    if (!screenshots.isEmpty()) {
        for (QWidget *shown : windows) {
            const QString file = QDir(screenshots).filePath(shown->objectName() + u".png"_s);
            if (!shown->grab().save(file)) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
                return 1;
            }
        }
        window.setSession(nullptr);
        return 0;
    }
    std::printf("READY %d\n", static_cast<int>(windows.size()));
    std::fflush(stdout);

    // "down" on the standard input: the keyboard goes to the message list and presses Down, as a
    // user moving to the next message (the walk listens for what the screen reader is told).
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&app, &input, &window] {
        char buffer[64];
        const ssize_t size = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (size <= 0) {
            input.setEnabled(false);
            app.quit();
            return;
        }
        // One command per line; "up" goes back, so that the walk can press Down again when its
        // listener was not yet registered with the accessibility bus the first time (a busy machine).
        const QList<QByteArray> commands = QByteArray(buffer, size).split('\n');
        for (const QByteArray &command : commands) {
            if (command.trimmed() == "up") {
                QTest::keyClick(window.messageList(), Qt::Key_Up);
            } else if (command.trimmed() == "down") {
                // Active and focused before the key, or on a busy machine the row changes without
                // the window holding the focus, and no focus event reaches the screen reader.
                window.activateWindow();
                if (!QTest::qWaitForWindowActive(&window, 10000))
                    std::fprintf(stderr, "the window did not become active\n");
                window.messageList()->setFocus();
                if (!QTest::qWaitFor([&window] { return window.messageList()->hasFocus(); }, 10000))
                    std::fprintf(stderr, "the message list did not get the focus\n");
                QTest::keyClick(window.messageList(), Qt::Key_Down);
                std::printf("DONE %d\n", window.messageList()->currentIndex().row());
                std::fflush(stdout);
            }
        }
    });
    const int result = app.exec();
    window.setSession(nullptr);
    return result;
}
