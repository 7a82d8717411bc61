// amiens-mail-cli: command-line front end; CliApplication picks the command (one class each in commands/).
#include "CliApplication.h"
#include "util/BuildInfo.h"
#include "util/Translations.h"

#include <QCoreApplication>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(u"AmiensMail"_s);
    QCoreApplication::setApplicationName(u"amiens-mail-cli"_s);
    QCoreApplication::setApplicationVersion(Amiens::BuildInfo::version());
    if (Amiens::BuildInfo::asksForVersion(QCoreApplication::arguments())) {
        std::fputs(Amiens::BuildInfo::versionText(u"amiens-mail-cli"_s).toLocal8Bit().constData(), stdout);
        return 0;
    }
    Amiens::Translations::install(application);
    Amiens::CliApplication cli;
    return cli.run(QCoreApplication::arguments());
}
