#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Amiens {

QString Translations::install(QCoreApplication &application, const QString &forcedLanguage)
{
    QString language = forcedLanguage;
    if (language.isEmpty())
        language = qEnvironmentVariable("AMIENS_MAIL_LANGUAGE");
    if (language.isEmpty())
        language = QLocale::system().name().section(u'_', 0, 0);
    if (language == "C"_L1 || language.isEmpty())
        language = u"en"_s;
    if (language == "en"_L1)
        return language;

    auto *own = new QTranslator(&application);
    if (!own->load(u"amiens-mail_"_s + language, u":/i18n"_s)) {
        delete own;
        return u"en"_s;
    }
    QCoreApplication::installTranslator(own);
    if (language != "en"_L1)
        QLocale::setDefault(QLocale(language));

    auto *qt = new QTranslator(&application);
    if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return language;
}

} // namespace Amiens
