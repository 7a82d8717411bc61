// amiens-mail: the desktop client. Everything of substance is in ui/ and core/.
#include "DesktopIntegration.h"
#include "MainWindow.h"
#include "SessionLauncher.h"
#include "TrayIcon.h"
#include "account/Profile.h"
#include "compose/MailtoLink.h"
#include "util/BuildInfo.h"
#include "util/SingleInstance.h"
#include "util/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Answered before QApplication, which needs a display.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments.append(QString::fromLocal8Bit(argv[i]));
    if (Amiens::BuildInfo::asksForVersion(rawArguments)) {
        // A core application (no display needed) for Qt's TLS backend, which reports OpenSSL's version.
        const QCoreApplication core(argc, argv);
        std::fputs(Amiens::BuildInfo::versionText(u"amiens-mail"_s).toLocal8Bit().constData(), stdout);
        return 0;
    }
    QApplication application(argc, argv);
    QApplication::setOrganizationName(u"AmiensMail"_s);
    QApplication::setApplicationName(u"amiens-mail"_s);
    QApplication::setApplicationDisplayName(u"AmiensMail"_s);
    QApplication::setApplicationVersion(Amiens::BuildInfo::version());
    QApplication::setDesktopFileName(u"fr.ac-amiens.AmiensMail"_s);
    QApplication::setWindowIcon(Amiens::TrayIcon::applicationIcon());
    Amiens::Translations::install(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Mail client of the Académie d'Amiens"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(u"profile"_s,
                                           QApplication::translate("main", "Use the profile in DIR."),
                                           u"DIR"_s, Amiens::Profile::defaultDirectory());
    parser.addOption(profileOption);
    parser.addPositionalArgument(u"url"_s, QApplication::translate("main", "A mailto: link to write to."),
                                 u"[mailto:…]"_s);
    parser.process(application);

    const Amiens::Profile profile(parser.value(profileOption));
    QString request = u"activate"_s;
    for (const QString &argument : parser.positionalArguments()) {
        if (Amiens::MailtoLink::isMailto(argument))
            request = argument;
    }
    // One client per user and profile: a second launch hands its request over and leaves.
    Amiens::SingleInstance instance(Amiens::SingleInstance::keyFor(profile.directory()));
    switch (instance.claim(request)) {
    case Amiens::SingleInstance::Role::Secondary:
        return 0;
    case Amiens::SingleInstance::Role::Failed:
        std::fputs(QApplication::translate("main",
                                           "AmiensMail is already running for this profile but does "
                                           "not answer. Close it, or end its process, and try again.\n")
                       .toLocal8Bit()
                       .constData(),
                   stderr);
        return 1;
    case Amiens::SingleInstance::Role::Primary:
        break;
    }

    Amiens::MainWindow window;
    Amiens::SessionLauncher launcher(profile, &window);
    Amiens::DesktopIntegration desktop(profile, &window, &launcher);
    QObject::connect(&instance, &Amiens::SingleInstance::requestReceived, &desktop,
                     &Amiens::DesktopIntegration::handleRequest);
    window.show();
    launcher.start();
    if (request != "activate"_L1)
        desktop.handleRequest(request);
    const int status = application.exec();
    // On a shared workstation this erases the password, the cache and the temporary files.
    launcher.finish();
    return status;
}
