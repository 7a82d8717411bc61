// amiens-mail: the desktop client. Everything of substance is in ui/ and core/.
#include "MainWindow.h"
#include "SessionLauncher.h"
#include "account/Profile.h"
#include "util/Translations.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(u"AmiensMail"_s);
    QApplication::setApplicationName(u"amiens-mail"_s);
    QApplication::setApplicationDisplayName(u"AmiensMail"_s);
    QApplication::setApplicationVersion(QStringLiteral(AMIENS_VERSION));
    QApplication::setDesktopFileName(u"fr.ac-amiens.AmiensMail"_s);
    Amiens::Translations::install(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Mail client of the Académie d'Amiens"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(u"profile"_s,
                                           QApplication::translate("main", "Use the profile in DIR."),
                                           u"DIR"_s, Amiens::Profile::defaultDirectory());
    parser.addOption(profileOption);
    parser.process(application);

    Amiens::MainWindow window;
    Amiens::SessionLauncher launcher(Amiens::Profile(parser.value(profileOption)), &window);
    window.show();
    launcher.start();
    const int status = application.exec();
    // On a shared workstation this erases the password, the cache and the temporary files.
    launcher.finish();
    return status;
}
