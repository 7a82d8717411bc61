// The windows the AT-SPI walk (atspi-walk.py) reads, as a user would have them open: the main
// window on an offline mailbox with a message shown, and a composer. In French, as the staff
// hear them. Prints READY once both are on screen, then runs until its standard input closes.
#include "ComposerWindow.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "OfflineMailbox.h"
#include "net/TlsTrust.h"
#include "session/AccountSession.h"
#include "util/Translations.h"

#include <QApplication>
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
    MainWindow window;
    window.setSession(&session);
    window.setCachePath(Test::OfflineMailbox::cacheFile(profile), Test::OfflineMailbox::account().id);
    window.resize(1000, 700);
    window.show();
    window.selectFolder(u"INBOX"_s);
    window.messageList()->setCurrentIndex(window.messageModel()->index(0, 0));

    ComposerWindow composer(Test::OfflineMailbox::account(), dir.filePath(u"outbox"_s));
    composer.show();
    if (!QTest::qWaitForWindowExposed(&window) || !QTest::qWaitForWindowExposed(&composer)) {
        std::fprintf(stderr, "the windows did not show\n");
        return 1;
    }
    std::printf("READY\n");
    std::fflush(stdout);

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&app, &input] {
        char buffer[64];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
            input.setEnabled(false);
            app.quit();
        }
    });
    const int result = app.exec();
    window.setSession(nullptr);
    return result;
}
