// amiens-mail-cli: command-line front end; the commands are in CliApplication.
#include "CliApplication.h"
#include "util/Translations.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(u"AmiensMail"_s);
    QCoreApplication::setApplicationName(u"amiens-mail-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(AMIENS_VERSION));
    Amiens::Translations::install(application);
    Amiens::CliApplication cli;
    return cli.run(QCoreApplication::arguments());
}
